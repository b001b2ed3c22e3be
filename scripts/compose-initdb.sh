#!/bin/sh
# PostgreSQL's first start (docker-entrypoint-initdb.d, as the superuser, on an empty data folder):
# one role per service, each owning its own database and nothing else. No service connects as the
# superuser; the roles are not superusers and cannot create roles or databases.
# The passwords come from the db container's environment (.env, written by scripts/run-stack) and
# reach the server as psql variables, quoted by psql (:'name'), never spliced into the SQL text.
psql -v ON_ERROR_STOP=1 -h /var/run/postgresql --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v saleor_password="$SALEOR_DB_PASSWORD" -v web_password="$WEB_DB_PASSWORD" <<'SQL'
CREATE ROLE saleor LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'saleor_password';
CREATE ROLE ocop_web LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'web_password';
CREATE DATABASE saleor OWNER saleor;
CREATE DATABASE ocop_web OWNER ocop_web;
-- Neither role may connect to the other's database (PUBLIC may connect to any by default).
REVOKE ALL ON DATABASE saleor FROM PUBLIC;
REVOKE ALL ON DATABASE ocop_web FROM PUBLIC;
REVOKE ALL ON DATABASE postgres FROM PUBLIC;
SQL
