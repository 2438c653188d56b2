"""Settings of the test OpenID Connect provider that CI starts on loopback (see ../../README.md).

Environment:
  SSO_DATA_DIR  directory of the SQLite database (default: <tmp>/masterly-sso-provider)
  SSO_PORT      port the server listens on; pins the issuer to http://127.0.0.1:SSO_PORT/openid
                (without it the issuer follows the Host header of each request)
"""
import os
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

DATA_DIR = Path(os.environ.get("SSO_DATA_DIR") or Path(tempfile.gettempdir()) / "masterly-sso-provider")
DATA_DIR.mkdir(parents=True, exist_ok=True)

# A test fixture on loopback only: a fixed key keeps sessions valid across restarts on the same data dir.
SECRET_KEY = os.environ.get("SSO_SECRET_KEY", "masterly-test-sso-provider-not-a-secret-0123456789abcdef")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
    "ssoprovider",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ssoprovider.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "provider.sqlite3"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cookies are per host, not per port: Masterly on 127.0.0.1 sees these too, so they get names of their own.
SESSION_COOKIE_NAME = "sso_provider_session"
CSRF_COOKIE_NAME = "sso_provider_csrftoken"

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/accounts/login/"

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
USE_I18N = True

# --------------------------------------------------------------------------------- django-oidc-provider

_port = os.environ.get("SSO_PORT")
if _port:
    SITE_URL = f"http://127.0.0.1:{_port}"   # issuer = SITE_URL + "/openid"

OIDC_IDTOKEN_INCLUDE_CLAIMS = True          # email, preferred_username, name... in the ID token too
OIDC_USERINFO = "ssoprovider.userinfo.userinfo"
OIDC_SKIP_CONSENT_EXPIRE = 365              # days; the client also has require_consent=False
OIDC_IDTOKEN_EXPIRE = 10 * 60
OIDC_CODE_EXPIRE = 10 * 60

# oidc_provider explains every refused request at DEBUG level ("Invalid redirect uri: ..."): show it in CI logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "oidc_provider": {"handlers": ["console"], "level": "DEBUG"},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
