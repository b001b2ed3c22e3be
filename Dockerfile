# The OCOP web service (storefront + catalog_sync), its Celery worker and beat.
#
# Two stages: the build stage installs the project as a wheel (non-editable) into /venv; the final
# image holds /venv and the collected static files only, never the source tree, so nothing but what
# the wheel declares (packages, their templates and static files, locale/) reaches production.
# The build context is filtered by .dockerignore (an allow-list: no .env, .venv, .git, tests).
FROM python:3.12-slim-bookworm AS build
ENV PYTHONDONTWRITEBYTECODE=1 UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=/venv UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /src
# Dependencies first, in their own layer: source edits do not reinstall them.
COPY pyproject.toml uv.lock README.md ./
COPY saleor_plugins/pyproject.toml saleor_plugins/pyproject.toml
RUN uv sync --frozen --no-dev --no-install-project --no-install-workspace
COPY . .
RUN uv sync --frozen --no-dev --no-editable

FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=ocop_web.settings \
    # Deliberate: collectstatic below and gunicorn at run time read the same STATIC_ROOT, whatever
    # the working directory (BASE_DIR is site-packages once the project is installed as a wheel).
    STATIC_ROOT=/app/staticfiles
# DejaVu Sans: the font printed labels and trade catalogues embed (it covers Vietnamese).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY --from=build /venv /venv
RUN useradd --system --home-dir /app ocop && mkdir -p /app \
    && DEBUG=1 ocop collectstatic --noinput --verbosity 0 \
    && chown -R ocop /app
WORKDIR /app
USER ocop
EXPOSE 8080
CMD ["gunicorn", "ocop_web.wsgi:application", "--bind", "0.0.0.0:8080", "--workers", "3"]
