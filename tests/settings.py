"""Settings for the test suite: production settings with test-only values filled in."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("OCOP_FEED_TOKEN", "tests-only-feed-token")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_web")
os.environ.setdefault("CACHE_KEY_PREFIX", "ocop-tests")
os.environ.setdefault("APP_TOKEN_KEY", "tests-only-app-token-key")
os.environ.setdefault("PUBLIC_URL", "http://localhost:8080/")
# required with DEBUG off; unless the environment names one, only for the settings' own check (below)
_site_public_url_given = bool(os.environ.get("SITE_PUBLIC_URL"))
os.environ.setdefault("SITE_PUBLIC_URL", "http://localhost:8080/")

from ocop_web.settings import *  # noqa: E402,F403

# staff pages fall back to the address they are reached at unless a test names the shop's address (the
# commands a test starts with these settings too)
if not _site_public_url_given:
    del os.environ["SITE_PUBLIC_URL"]
    SITE_PUBLIC_URL = None
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
