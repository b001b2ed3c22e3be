# The OCOP web service (storefront + catalog_sync).
FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=/venv
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
COPY saleor_plugins/pyproject.toml saleor_plugins/pyproject.toml
COPY . .
RUN uv sync --frozen --no-dev --no-editable && useradd --system ocop
ENV PATH=/venv/bin:$PATH DJANGO_SETTINGS_MODULE=ocop_web.settings
RUN DEBUG=1 ocop collectstatic --noinput
USER ocop
EXPOSE 8080
CMD ["gunicorn", "ocop_web.wsgi:application", "--bind", "0.0.0.0:8080", "--workers", "3"]
