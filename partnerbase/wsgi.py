"""The production entry point (gunicorn partnerbase.wsgi). It refuses to start unless the
installation is configured for production, so a server never runs with the development
settings (DEBUG on, a key from var/). The demo runs Django's development server instead."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

if os.environ.get("PARTNERBASE_ENV") != "production":
    raise ImproperlyConfigured(
        "partnerbase.wsgi serves production only: set PARTNERBASE_ENV=production, SECRET_KEY "
        "and ALLOWED_HOSTS (and DATABASE_URL). For the demo, run `make demo`."
    )
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
application = get_wsgi_application()
