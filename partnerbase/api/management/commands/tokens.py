"""partnerbase tokens create EMAIL [--programme SLUG] [--read-only] [--name NAME]
partnerbase tokens list [EMAIL]
partnerbase tokens revoke PREFIX

`create` prints the token on its last line (and only then: the database keeps its hash),
so a script can take it with `| tail -n 1`. Errors go to stderr with exit status 2."""

from django.core.management.base import BaseCommand, CommandError

from partnerbase.accounts.api_tokens import api_token_create, api_token_revoke
from partnerbase.accounts.models import ApiToken, User
from partnerbase.core.errors import DomainError
from partnerbase.programmes.models import Programme


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Make, list and revoke REST API tokens."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Make a token for a user; prints it last.")
        create.add_argument("email")
        create.add_argument("--programme", metavar="SLUG", help="Only this programme.")
        create.add_argument("--read-only", action="store_true", help="Reading only.")
        create.add_argument("--name", default="Made on the command line")
        listing = sub.add_parser("list", help="Tokens (of one user, if given).")
        listing.add_argument("email", nargs="?")
        revoke = sub.add_parser("revoke", help="Revoke a token, named by its prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        return getattr(self, f"_{action}")(**options)

    def _user(self, email: str) -> User:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise _fail(f"No user has the email address {email}.")
        return user

    def _create(self, email, programme, read_only, name, **_):
        user = self._user(email)
        chosen = None
        if programme:
            chosen = Programme.objects.filter(slug=programme).first()
            if chosen is None:
                raise _fail(f"No programme has the slug {programme!r}.")
        try:
            record, token = api_token_create(
                actor=None, user=user, name=name, programme=chosen, read_only=read_only
            )
        except DomainError as exc:
            raise _fail(exc.message) from exc
        scope = f"{chosen.name} only" if chosen else "every programme of theirs"
        access = "read only" if read_only else "read and write"
        self.stdout.write(f"Token {record.prefix}… for {user.email}: {scope}, {access}.")
        self.stdout.write("It is shown once; keep it secret. The token:")
        self.stdout.write(token)

    def _list(self, email=None, **_):
        tokens = ApiToken.objects.select_related("user", "programme").order_by("created_at")
        if email:
            tokens = tokens.filter(user=self._user(email))
        for t in tokens:
            state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active"
            used = f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never used"
            programme = t.programme.slug if t.programme else "*"
            access = "read-only" if t.read_only else "read-write"
            self.stdout.write(
                f"{t.prefix}\t{t.user.email}\t{programme}\t{access}\t{state}\t{used}\t{t.name}"
            )

    def _revoke(self, prefix, **_):
        matches = list(ApiToken.objects.filter(prefix=prefix.rstrip("…").strip()))
        if len(matches) != 1:
            raise _fail(f"No single token starts {prefix!r} (found {len(matches)}).")
        try:
            api_token_revoke(actor=None, token=matches[0])
        except DomainError as exc:
            raise _fail(exc.message) from exc
        self.stdout.write(f"Revoked {matches[0]}.")
