"""One settings module, read from the environment.

PARTNERBASE_ENV=production turns on the deploy settings and refuses to start without
SECRET_KEY and ALLOWED_HOSTS; anything else is development (the demo and the tests).
"""

import os
import secrets
import time
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("PARTNERBASE_HOME", PACKAGE_DIR.parent))
VAR_DIR = BASE_DIR / "var"

ENVIRONMENT = os.environ.get("PARTNERBASE_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _development_secret_key() -> str:
    """A random key made once per checkout and kept in var/ (never in the code), so sessions
    survive a restart of the demo; several test workers starting at once read the same one."""
    path = VAR_DIR / "secret_key"
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process may be between creating and writing it
            key = path.read_text().strip()
            if key:
                return key
            time.sleep(0.01)
        raise ImproperlyConfigured(f"{path} is empty: delete it and start again") from None
    key = secrets.token_urlsafe(50)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key)
    return key


if PRODUCTION:
    try:
        SECRET_KEY = os.environ["SECRET_KEY"]
    except KeyError as exc:
        raise ImproperlyConfigured("SECRET_KEY must be set in production") from exc
    ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
    DEBUG = False
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or _development_secret_key()
    ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    DEBUG = os.environ.get("DEBUG", "1") == "1"

CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "partnerbase.core",
    "partnerbase.accounts",
    "partnerbase.programmes",
    "partnerbase.directory",
    "partnerbase.challenges",
    "partnerbase.board",
    "partnerbase.champions",
    "partnerbase.pledges",
    "partnerbase.workinggroups",
    "partnerbase.accelerator",
    "partnerbase.calls",
    "partnerbase.rubrics",
    "partnerbase.assessment",
    "partnerbase.outcomes",
    "partnerbase.brokering",
    "partnerbase.funding",
    "partnerbase.projects",
    "partnerbase.notifications",
    "partnerbase.jobs",
    "partnerbase.impact",
    "partnerbase.stories",
    "partnerbase.network",
    "partnerbase.reports",
    "partnerbase.setup",
    "partnerbase.people",
    "partnerbase.opendata",
    "partnerbase.interchange",
    "partnerbase.demo",
    "partnerbase.privacy",
    "partnerbase.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "partnerbase.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "partnerbase.accounts.middleware.SessionIdleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in with its own page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "partnerbase.urls"
# partnerbase.wsgi is the production entry point and refuses to start otherwise; the
# development server uses Django's own handler.
WSGI_APPLICATION = "partnerbase.wsgi.application" if PRODUCTION else None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerbase.core.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'partnerbase.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent writers wait instead of failing: WAL lets readers go on while one writes,
    # and IMMEDIATE transactions take the write lock at BEGIN, so a reader that later writes
    # can't deadlock and be refused with "database is locked"; the busy timeout is the wait.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# Long work (brokering rounds, report builds, exports, imports, emails) runs on a task queue
# (django-tasks, the backport of Django 6's tasks framework). By default the queue is a table
# in the database, worked by `partnerbase db_worker` (docs/deploy.md); a team that runs Redis
# may set TASKS_BACKEND=django_tasks_rq.RQBackend (and install django-tasks-rq).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# A running job whose worker has been silent this long is shown as lost, to be retried.
JOB_STALE_MINUTES = int(os.environ.get("JOB_STALE_MINUTES", "15"))
# A running job's worker writes its heartbeat and progress this often, even while one step
# (an import's checks) takes minutes; on SQLite to a file per job here (jobs/pulse.py).
JOB_PULSE_SECONDS = float(os.environ.get("JOB_PULSE_SECONDS", "30"))
JOB_PULSE_DIR = Path(os.environ.get("JOB_PULSE_DIR", str(VAR_DIR / "jobs")))
# The largest file the import pages take (a programme's interchange file, a funder's
# 360Giving file); bigger ones go through `partnerbase import` on the server.
IMPORT_MAX_MB = int(os.environ.get("IMPORT_MAX_MB", "100"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account,
# or from one address, sign-in is refused there until the cool-off ends or the programme's
# convening team (people page) or the administrator unlocks it. /admin/ is covered too.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The sign-in form's field is "username" and holds the email, in any case.
AXES_USERNAME_CALLABLE = "partnerbase.accounts.lockout.attempt_username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Behind a proxy, the address comes from X-Forwarded-For with this many proxies in front.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
AXES_VERBOSE = False

# A signed-in session ends after this many minutes without a request (each request starts
# the clock again, accounts/middleware.py), and when the browser closes.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "60"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if not PRODUCTION:
    # Development serves static files from the finders; no collectstatic needed.
    WHITENOISE_USE_FINDERS = True
    warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# Email (decisions to applicants): printed to the console in development, SMTP in
# production; the tests use Django's in-memory outbox.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "partnerbase@localhost")
# Seconds before a page gives up on a slow mail server (the form then says so).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
# Where the site is, for the links in notification emails sent outside a request (the send
# command run by cron), e.g. https://partnerbase.example.org.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# An invitation's link works once and for this many days; a password-reset link for 3.
INVITATION_EXPIRY_DAYS = int(os.environ.get("INVITATION_EXPIRY_DAYS", "7"))
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Every page: scripts, styles, fonts and images from this site only (no inline script, so an
# injected <script> cannot run); style attributes are allowed because server-drawn SVG
# charts carry their colours in them. Uploaded files get a stricter policy of their own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SERVICE_NAME = "Partnerbase"

# The REST API at /api/v1/ (partnerbase/api/, docs/api.md): bearer tokens (or the signed-in
# session, with its CSRF check), the same permission functions as the pages, pages of
# API_PAGE_SIZE records, and a rate per token holder (API_RATE, e.g. "1000/hour") kept in
# the cache: with several app processes, give them a shared cache (CACHES) so it holds.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "partnerbase.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["partnerbase.api.access.TokenScope"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": os.environ.get("API_RATE", "1000/hour")},
    "DEFAULT_PAGINATION_CLASS": "partnerbase.api.pagination.Pages",
    "PAGE_SIZE": int(os.environ.get("API_PAGE_SIZE", "50")),
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "partnerbase.api.schema.AreaSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "partnerbase.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Partnerbase API",
    "DESCRIPTION": (
        "Read a programme's records and write its main flows with the same rules as the "
        "pages. Authenticate with `Authorization: Bearer <token>` (make a token on your "
        "account page or with `partnerbase tokens create`)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets that several fields share take one name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "ResponseEnum": "partnerbase.brokering.models.rounds.Response",
        "SupportTypeEnum": "partnerbase.brokering.models.wants.SupportType",
        "OpenStatusEnum": "partnerbase.brokering.models.wants.OpenStatus",
        "EngagementKindEnum": "partnerbase.directory.models.EngagementKind",
        "OrganisationKindEnum": "partnerbase.directory.models.OrganisationKind",
        "SectorGroupEnum": "partnerbase.directory.models.SectorGroup",
        "OutcomeKindEnum": "partnerbase.outcomes.models.OutcomeKind",
        "PartnershipKindEnum": "partnerbase.brokering.models.partnerships.PartnershipKind",
        "PledgeKindEnum": "partnerbase.pledges.models.PledgeKind",
        "InstrumentEnum": "partnerbase.funding.models.Instrument",
        "RepaymentMethodEnum": "partnerbase.funding.models.RepaymentMethod",
        "ProgrammeRoleEnum": "partnerbase.accounts.models.Role",
        "StageEnum": "partnerbase.brokering.stages.Stage.choices_list",
        "ProspectStageEnum": "partnerbase.champions.models.Stage",
    },
    # Otherwise printed on every request for the schema; `check --deploy` still runs them.
    "DISABLE_ERRORS_AND_WARNINGS": True,
}
