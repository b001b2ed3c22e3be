# Shared set-up steps for scripts/*: each says in one line what is missing.
die() { echo "error: $*" >&2; exit 1; }

ensure_python() {
  if [ -n "${PYTHON312:-}" ]; then PY="$PYTHON312"; return; fi
  PY=""
  if command -v pyenv >/dev/null 2>&1; then
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.12(\.|$)' | sort -rV); do
      PY=$(PYENV_VERSION="$v" pyenv which python 2>/dev/null) && break
    done
  fi
  if [ -z "$PY" ] && command -v python3.12 >/dev/null 2>&1 && python3.12 -c '' 2>/dev/null; then
    PY=$(command -v python3.12)
  fi
  [ -n "$PY" ] || die "Python 3.12 is required and none was found (install it, or set PYTHON312=/path/to/python3.12)."
  "$PY" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null \
    || die "$PY is not Python 3.12."
  export PY
}

ensure_uv() {
  if command -v uv >/dev/null 2>&1 && uv --version >/dev/null 2>&1; then UV=(uv); return; fi
  if ! "$PY" -m uv --version >/dev/null 2>&1; then
    echo "==> installing uv"
    "$PY" -m pip install --quiet --disable-pip-version-check uv \
      || die "uv is not installed and could not be installed from PyPI."
  fi
  UV=("$PY" -m uv)
}

ensure_venv() {
  echo "==> dependencies (uv sync)"
  UV_PYTHON_DOWNLOADS=never "${UV[@]}" sync --frozen --python "$PY" --quiet \
    || die "installing the project's dependencies failed (see above)."
}

ensure_services() {
  local pg_host="${PGHOST:-127.0.0.1}" pg_port="${PGPORT:-5432}"
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$pg_host" -p "$pg_port" \
      || die "PostgreSQL is not answering on $pg_host:$pg_port (start it, or set DATABASE_URL)."
  fi
  .venv/bin/python - <<'PY' || die "Redis is not answering on ${REDIS_URL:-redis://127.0.0.1:6379/0} (start it, or set REDIS_URL)."
import os, redis
redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"), socket_timeout=3).ping()
PY
}

ensure_chromium() {
  CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "==> installing Chromium from Debian's packages (browser tests)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null) \
        || die "Chromium is not installed and apt-get could not install it; browser tests need /usr/bin/chromium."
    else
      die "Chromium is not installed: browser tests need /usr/bin/chromium (apt-get install chromium), or set CHROMIUM."
    fi
  fi
  export CHROMIUM
}

# Tier 2's expiry test runs Saleor's worker on a shifted clock (libfaketime, Debian's `faketime`).
ensure_faketime() {
  [ -n "${SALEOR_PYTHON:-}" ] || return 0
  compgen -G "/usr/lib/*/faketime/libfaketime.so.1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing libfaketime from Debian's packages (tier-2 expiry test)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null) \
      || die "libfaketime is not installed and apt-get could not install it (apt-get install faketime)."
  else
    die "tier 2 needs libfaketime: apt-get install faketime"
  fi
}

# Printed documents (labels, trade catalogues) embed DejaVu Sans (fonts-dejavu-core); their tests read
# the PDFs back with poppler-utils (pdftotext, pdftoppm) and zbar-tools (zbarimg decodes the QR codes).
ensure_print_tools() {
  local missing=()
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ -n "${OCOP_FONT_DIR:-}" ] || missing+=(fonts-dejavu-core)
  command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing ${missing[*]} from Debian's packages (printed labels and catalogues)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
      || echo "warning: apt-get could not install ${missing[*]}: the tests that read PDFs back will be skipped" >&2
  else
    echo "warning: ${missing[*]} not installed (apt-get install ${missing[*]}): the tests that read PDFs back will be skipped" >&2
  fi
}
