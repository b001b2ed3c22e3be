"""Settings of the OCOP web service (storefront + catalog_sync).

Read from the environment only (docs/configuration.md lists them). Production
(``DEBUG`` off, the default) refuses to start without a secret key, allowed
hosts, a database URL, a feed token, the public addresses and a key of its own
for sealed secrets.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from ocop_web.env import env_bool, env_int, env_list, env_networks, env_str


def _required_in_production(name: str, value: str | None) -> str | None:
    if not DEBUG and not value:
        raise ImproperlyConfigured(f"{name} must be set when DEBUG is off.")
    return value


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

_secret = env_str("SECRET_KEY")
if not _secret:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    warnings.warn("SECRET_KEY not set; using a random key for this process.", stacklevel=1)
    _secret = get_random_secret_key()
SECRET_KEY: str = _secret

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

_database_url = env_str("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_web" if DEBUG else None)
if not _database_url:
    raise ImproperlyConfigured("DATABASE_URL must be set when DEBUG is off.")
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "ocop"),
        "TIMEOUT": 300,
    }
}

# The certification feed (GET /registry/feed.json) is read by the Saleor plugin with
# this bearer token.
OCOP_FEED_TOKEN = env_str("OCOP_FEED_TOKEN")
if not DEBUG and not OCOP_FEED_TOKEN:
    raise ImproperlyConfigured("OCOP_FEED_TOKEN must be set when DEBUG is off.")

# Saleor's GraphQL API, used by the catalogue commands and the storefront.
SALEOR_API_URL = env_str("SALEOR_API_URL", "http://127.0.0.1:8000/graphql/")
SALEOR_APP_TOKEN = env_str("SALEOR_APP_TOKEN")

# The Saleor App (ocop.market): the public root URL Saleor reaches this service at (for the
# manifest; default: the requesting host), the key that seals secrets at rest (the app token, Stripe
# keys, second-factor secrets: a key of its own in production, never SECRET_KEY; with DEBUG on, SECRET_KEY
# when unset), and how old a webhook may be before it counts as a replay.
APP_PUBLIC_URL = env_str("APP_PUBLIC_URL")
_app_token_key = _required_in_production("APP_TOKEN_KEY", env_str("APP_TOKEN_KEY"))
if not DEBUG and _app_token_key == SECRET_KEY:
    raise ImproperlyConfigured("APP_TOKEN_KEY must differ from SECRET_KEY.")
APP_TOKEN_KEY: str = _app_token_key or SECRET_KEY
APP_WEBHOOK_MAX_AGE = env_int("APP_WEBHOOK_MAX_AGE", 300)

# The shop's public address (e.g. https://ocop.vn), printed in QR codes on labels and trade
# catalogues (required in production). With DEBUG on, staff pages fall back to the address they are
# reached at; commands need it (or --base-url).
SITE_PUBLIC_URL = _required_in_production("SITE_PUBLIC_URL", env_str("SITE_PUBLIC_URL"))

# Card payments: Stripe's API root, for a stand-in such as localstripe (default: Stripe itself).
# The keys are per channel, kept encrypted with the app's configuration (ocop payments configure-stripe).
STRIPE_API_BASE = env_str("STRIPE_API_BASE")
# VietQR transfers and producer payouts: payOS's API root, for a stand-in such as standins/payos
# (PAYOS=1 scripts/run-local); default payOS itself (https://api-merchant.payos.vn).
PAYOS_BASE_URL = env_str("PAYOS_BASE_URL", "https://api-merchant.payos.vn")

# Producer payouts: the marketplace's commission on each delivered and paid order line, in per cent
# (COMMISSION_PERCENT, default 8), and per channel where one differs ("ocop-vn=8,ocop-export=10").
COMMISSION_PERCENT = env_str("COMMISSION_PERCENT", "8")
COMMISSION_PERCENT_BY_CHANNEL = dict(item.split("=", 1) for item in env_list("COMMISSION_PERCENT_BY_CHANNEL")
                                     if "=" in item)

# Producer payouts are sent from the payOS payout channel whose keys are sealed with this channel's payOS account
# (ocop payments configure-payos --channel ocop-vn --payout-client-id ... --payout-api-key - ...).
PAYOUTS_CHANNEL = env_str("PAYOUTS_CHANNEL", "ocop-vn")

# Product search: the embedded backend by default; Elasticsearch where a deployment has one.
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "embedded")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")

# Celery (the web service's worker and beat) on the same Redis.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_BEAT_SCHEDULE = {
    # the shop says prices may be out of date while Saleor does not answer
    "check-saleor": {"task": "catalog_sync.app.tasks.check_saleor", "schedule": 60.0},
    # at the top of each minute: showcases published at their start (a whole minute), unpublished at their
    # end; rule showcases follow the catalogue
    "showcase-schedule": {"task": "catalog_sync.showcases.tasks.run_schedule", "schedule": crontab(minute="*")},
    # unconfirmed import previews older than a day
    "purge-import-previews": {"task": "catalog_sync.registry.tasks.purge_previews", "schedule": 3600.0},
    # certificate reminders 90, 30 and 7 days ahead (each sent once; hourly so a missed run catches up)
    "certificate-reminders": {"task": "portal.tasks.send_certificate_reminders", "schedule": 3600.0},
    # the certification plugin's withdrawals and restores no webhook brought (a delivery lost in an outage)
    "catch-up-withdrawals": {"task": "catalog_sync.app.tasks.catch_up_withdrawals", "schedule": 3600.0},
    # the orders of the last 48 hours no order webhook brought (placed before the app was installed, or lost)
    "catch-up-orders": {"task": "portal.tasks.catch_up_orders", "schedule": 3600.0},
    # the payouts ledger: what the orders Saleor changed in the last 48 hours earned or gave back (a lost webhook)
    "catch-up-ledger": {"task": "catalog_sync.payouts.tasks.catch_up_ledger", "schedule": 3600.0},
    # each producer's statement of the month before, emailed on the 1st at 06:00 (Vietnam time)
    "monthly-statements": {"task": "catalog_sync.payouts.tasks.send_monthly_statements",
                           "schedule": crontab(minute="0", hour="6", day_of_month="1")},
    # the read model brought up to date with what Saleor changed in the last hour (a lost webhook), every 15 minutes
    "reindex-recent": {"task": "catalog_sync.saleor_side.tasks.reindex_recent", "schedule": 900.0},
    # VietQR payment requests that ended unpaid (the shopper left the page) told to Saleor as charge failures
    "vietqr-ended": {"task": "catalog_sync.app.tasks.report_ended_vietqr", "schedule": 300.0},
    # each active provincial office's weekly digest, Mondays 07:00 in CELERY_TIMEZONE (Vietnam time)
    "weekly-digests": {"task": "catalog_sync.registry.tasks.send_weekly_digests",
                       "schedule": crontab(minute="0", hour="7", day_of_week="mon")},
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "catalog_sync.core",
    "catalog_sync.notify",
    "catalog_sync.registry",
    "catalog_sync.app",
    "catalog_sync.payments",
    "catalog_sync.payouts",
    "catalog_sync.catalogue",
    "catalog_sync.saleor_side",
    "portal",
    "catalog_sync.showcases",
    "storefront",
    "storefront.buying",
    "storefront.accounts",
]

MIDDLEWARE = [
    "catalog_sync.core.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "catalog_sync.core.security.ContentSecurityPolicyMiddleware",
    "catalog_sync.core.security.ControlCharacterPathMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "catalog_sync.core.limits.RequestSizeMiddleware",
    "portal.staff_guard.SuperuserSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ocop_web.urls"
WSGI_APPLICATION = "ocop_web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")) or "")

# Uploaded annexes are read in memory up to this size, then spooled to disk.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
OCOP_IMPORT_MAX_BYTES = env_int("OCOP_IMPORT_MAX_BYTES", 50 * 1024 * 1024)
# Request bodies (catalog_sync.core.limits, 413 before the body is read): 1 MB for visitors and customers; signed-in
# staff (annexes) and producers in their portal (photos) as much as an annex; Saleor's webhooks 5 MB.
REQUEST_MAX_BYTES = 1024 * 1024
UPLOAD_REQUEST_MAX_BYTES = max(50 * 1024 * 1024, OCOP_IMPORT_MAX_BYTES + 1024 * 1024)
WEBHOOK_REQUEST_MAX_BYTES = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_REQUEST_MAX_BYTES

LOGIN_URL = "/admin/login/"

# Where people reach this service (links in emails sent outside a request: `ocop producers invite`,
# reminders). Pages sent from a request use the request's own host. Required in production: a link to
# localhost in a customer's email is a broken promise.
PUBLIC_URL: str = _required_in_production("PUBLIC_URL", env_str("PUBLIC_URL")) or "http://localhost:8080/"

# Notifications (catalog_sync.notify): the channels each event goes through; a second channel is its module here.
NOTIFY_CHANNELS = ["catalog_sync.notify.email.EmailChannel"]
# Email (invitations, password resets, reminders): Django's backends; SMTP in production.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend" if DEBUG
                        else "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
# Encrypted by default: STARTTLS on the submission port (587); EMAIL_USE_SSL for implicit TLS (465);
# EMAIL_USE_TLS=0 only for a relay on the same host or network.
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
if EMAIL_USE_SSL and EMAIL_USE_TLS:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are exclusive: set one of them.")
EMAIL_PORT = env_int("EMAIL_PORT", 465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "OCOP Market <no-reply@localhost>")

# The producer portal: invitation links last a week, reset links a day, sessions 12 hours; after 5
# failed sign-ins for one email (20 from one address) within 15 minutes, sign-in waits out the window.
PORTAL_INVITATION_DAYS = env_int("PORTAL_INVITATION_DAYS", 7)
PASSWORD_RESET_TIMEOUT = 24 * 3600
PORTAL_SESSION_SECONDS = env_int("PORTAL_SESSION_SECONDS", 12 * 3600)
PORTAL_SIGNIN_MAX_FAILURES = 5
PORTAL_SIGNIN_MAX_FAILURES_PER_IP = 20
PORTAL_SIGNIN_WINDOW = 15 * 60
# Second-step codes are counted apart from passwords (a correct password never clears them): 5 wrong codes
# for one account lock its second step for 15 minutes and email the account. Password-reset requests are
# limited as sign-ins are. Staff sign in at /admin/login/ under the same limits; with STAFF_REQUIRE_2FA,
# superusers must use the second factor (they set it up at their first sign-in).
PORTAL_CODE_MAX_FAILURES = 5
PORTAL_CODE_LOCK_SECONDS = 15 * 60
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", False)

# Shop customers: failed sign-ins and order lookups counted per email and per address in fixed windows;
# at the limit, attempts wait for the window's end (the page says when).
CUSTOMER_RATE_LIMITS = {
    "signin": {"per_account": 5, "per_address": 20, "window": 15 * 60},
    "lookup": {"per_account": 5, "per_address": 20, "window": 15 * 60},
}

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY")
# The reverse proxy's networks (comma-separated CIDRs): X-Forwarded-For is believed only from a peer inside
# them, and then its right-most address outside them is the client (catalog_sync.core.proxy) that the per-address
# throttles count. Unset: REMOTE_ADDR is the client.
TRUSTED_PROXY = env_networks("TRUSTED_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# Served over TLS: browsers keep to HTTPS for a year. Subdomains and preloading are left to
# whoever owns the domain (they bind every other site under it).
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if BEHIND_TLS_PROXY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False

# Every page satisfies this: no inline script or style (not even style attributes), no
# framing. Pages that need another origin add it here (catalog_sync.core.security sends it).
# Product photos and thumbnails are served by Saleor (its API host, or its media host).
MEDIA_ORIGINS = env_list("MEDIA_ORIGINS", [_origin(SALEOR_API_URL)] if SALEOR_API_URL else [])
CONTENT_SECURITY_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # one line per Saleor request would drown the commands' own output (and their progress bars)
    "loggers": {name: {"level": "WARNING"} for name in ("httpx", "httpcore", "stripe", "payos")},
}
