"""Email settings: the console outside production, SMTP from the environment in production
(the tests themselves use Django's in-memory outbox)."""

import json
import subprocess
import sys

from django.conf import settings

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) "
    "for k in ('EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', "
    "'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', 'DEFAULT_FROM_EMAIL', 'INVITATION_EXPIRY_DAYS')}))"
)


def email_settings(**env) -> dict:
    environment = {"DJANGO_SETTINGS_MODULE": "partnerbase.settings", "PATH": "/usr/bin:/bin"}
    environment.update(env)
    done = subprocess.run(
        [sys.executable, "-c", SHOW],
        env=environment,
        cwd=settings.PACKAGE_DIR.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_development_prints_emails_to_the_console():
    found = email_settings()
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert found["INVITATION_EXPIRY_DAYS"] == 7


def test_production_sends_by_smtp_from_the_environment():
    found = email_settings(
        PARTNERBASE_ENV="production",
        SECRET_KEY="k" * 50,
        ALLOWED_HOSTS="example.org",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="partnerbase",
        EMAIL_HOST_PASSWORD="secret",
        EMAIL_USE_TLS="1",
        DEFAULT_FROM_EMAIL="Partnerbase <noreply@example.org>",
        INVITATION_EXPIRY_DAYS="3",
    )
    assert found == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "partnerbase",
        "EMAIL_HOST_PASSWORD": "secret",
        "EMAIL_USE_TLS": True,
        "DEFAULT_FROM_EMAIL": "Partnerbase <noreply@example.org>",
        "INVITATION_EXPIRY_DAYS": 3,
    }
