from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord
from partnerbase.core.uploads import PrivateUploadTo


class Call(ProgrammeRecord):
    """An accelerator's invitation to apply, open from `opens_at` until `closes_at`."""

    accelerator = models.ForeignKey(
        "accelerator.Accelerator", on_delete=models.CASCADE, related_name="calls"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    summary = models.TextField(blank=True)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    challenge_areas = models.ManyToManyField(
        "challenges.ChallengeArea", blank=True, related_name="calls"
    )

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-opens_at", "title"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(fields=["programme", "slug"], name="call_slug_unique")
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The call must close after it opens."})


class Applicant(ProgrammeRecord):
    """A person who created an account on a call's public page to apply for their
    organisation. It is not a programme role: an applicant reads and changes only their
    organisation's applications, until selection gives the organisation a cohort place and
    them the innovator role (accelerator.services.selection)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applicant_records"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="applicants"
    )

    class Meta(ProgrammeRecord.Meta):
        ordering = ["id"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(fields=["user", "organisation"], name="applicant_unique")
        ]

    def __str__(self):
        return f"{self.user} for {self.organisation}"

    def clean(self):
        if self.organisation_id and self.organisation.programme_id != self.programme_id:
            raise ValidationError({"organisation": "The organisation is another programme's."})


class AccountRequest(models.Model):
    """An account asked for on a call's page, waiting for the owner of the email address to
    confirm it (services.applicants). Nothing else exists until then, no user and no
    organisation, so nobody can take an address whose email they cannot read. It holds a
    password hash and lives only until confirmed, so it keeps no history."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    full_name = models.CharField(max_length=200)
    password = models.CharField(max_length=128)  # a hash, as User.password
    organisation_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=40)
    region = models.CharField(max_length=300, blank=True)
    # The SHA-256 of the key in the emailed link: the database alone does not give the link.
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Account asked for by {self.email}"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Application(DomainModel):
    """An organisation's application to a call; a draft until submitted before the deadline."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="applications"
    )
    challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    status = models.CharField(
        max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The UK day of submission: period figures compare dates the same way in every database.
    submitted_on = models.DateField(null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["call", "organisation"], name="application_unique")
        ]

    def __str__(self):
        return f"{self.organisation} to {self.call}"


class QuestionKind(models.TextChoices):
    TEXT = "text", "Text"
    NUMBER = "number", "Number"
    CHOICE = "choice", "Choice from options"
    FILE = "file", "File"


class Question(DomainModel):
    """One of a call's own questions, asked in `position` order."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=QuestionKind.choices)
    text = models.CharField(max_length=300)
    help_text = models.TextField(blank=True)
    required = models.BooleanField(default=True)
    word_limit = models.PositiveIntegerField(null=True, blank=True)
    min_value = models.BigIntegerField(null=True, blank=True)
    max_value = models.BigIntegerField(null=True, blank=True)
    # Shown before a number's input, e.g. "£" for an income question.
    prefix = models.CharField(max_length=8, blank=True)
    options = models.TextField(blank=True, help_text="Choices, one per line.")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def format_number(self, value: int) -> str:
        """£250,000 with a prefix; a year or small count as typed (2012, not 2,012)."""
        if self.prefix or abs(value) >= 10_000:
            return f"{self.prefix}{value:,}"
        return str(value)

    def clean(self):
        errors = {}
        if self.kind == QuestionKind.CHOICE and len(self.option_list) < 2:
            errors["options"] = "Enter at least 2 options, one per line."
        if self.kind != QuestionKind.CHOICE and self.options.strip():
            errors["options"] = "Only a choice question has options."
        if self.kind != QuestionKind.TEXT and self.word_limit is not None:
            errors["word_limit"] = "Only a text question has a word limit."
        if self.kind != QuestionKind.NUMBER and (
            self.min_value is not None or self.max_value is not None or self.prefix
        ):
            errors["min_value"] = "Only a number question has a minimum, maximum or prefix."
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.max_value < self.min_value
        ):
            errors["max_value"] = "The maximum must be at least the minimum."
        if errors:
            raise ValidationError(errors)


class RuleKind(models.TextChoices):
    ORGANISATION_KIND = "organisation_kind", "The organisation is of one of these kinds"
    REGION = "region", "The organisation operates in one of these regions"
    INCOME_AT_MOST = "income_at_most", "Annual income (a number question) is at most an amount"
    FOUNDED_YEARS = "founded_years", "Founded (a year question) at least a number of years before"
    ANSWER_IS = "answer_is", "A question's answer is one of these"


class EligibilityRule(DomainModel):
    """Who may apply; evaluated by calls/eligibility.py when an application is submitted."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rules")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=32, choices=RuleKind.choices)
    values = models.TextField(blank=True, help_text="Kinds, regions or answers, one per line.")
    # The income maximum or the number of years, depending on the kind.
    amount = models.BigIntegerField(null=True, blank=True)
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="rules"
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.get_kind_display()

    @property
    def value_list(self) -> list[str]:
        return [line.strip() for line in self.values.splitlines() if line.strip()]

    def clean(self):
        errors = {}
        needs_question = {
            RuleKind.INCOME_AT_MOST: QuestionKind.NUMBER,
            RuleKind.FOUNDED_YEARS: QuestionKind.NUMBER,
            RuleKind.ANSWER_IS: None,
        }
        if self.kind in needs_question:
            expected = needs_question[self.kind]
            if self.question_id is None:
                errors["question"] = "Select the question this rule checks."
            elif self.question.call_id != self.call_id:
                errors["question"] = "Select a question of this call."
            elif expected and self.question.kind != expected:
                errors["question"] = "Select a number question."
        if self.kind in (RuleKind.INCOME_AT_MOST, RuleKind.FOUNDED_YEARS):
            if self.amount is None or self.amount < 0:
                errors["amount"] = "Enter the amount as a whole number, 0 or more."
        if self.kind in (RuleKind.ORGANISATION_KIND, RuleKind.REGION, RuleKind.ANSWER_IS):
            if not self.value_list:
                errors["values"] = "Enter at least one value, one per line."
        if errors:
            raise ValidationError(errors)


class Answer(DomainModel):
    """An application's answer to one question; only the field for its kind is used."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True)
    number = models.BigIntegerField(null=True, blank=True)
    file = models.FileField(upload_to=PrivateUploadTo("applications"), blank=True, max_length=200)
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="answer_unique")
        ]

    def __str__(self):
        return f"Answer to {self.question}"

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.number is not None or self.file_name)
