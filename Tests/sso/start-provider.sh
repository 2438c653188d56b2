#!/usr/bin/env bash
# Starts the test OpenID Connect provider (django-oidc-provider) in the foreground on 127.0.0.1:PORT.
#
#   [PYTHON=/path/to/venv/bin/python] bash Tests/sso/start-provider.sh PORT DATA_DIR REDIRECT_URI [REDIRECT_URI...]
#
# PYTHON must have Tests/sso/requirements.txt installed (default: python3). DATA_DIR holds the SQLite
# database (created if missing; reusing it keeps the signing key). Each start migrates, then (idempotently)
# makes the RSA key, the client `masterly` with exactly the given redirect URIs, and the test users.
#
# Issuer: http://127.0.0.1:PORT/openid
# Discovery: http://127.0.0.1:PORT/openid/.well-known/openid-configuration
#
# Readiness: the line `provider ready` is printed on stdout once the server's socket is bound and listening
# (after migrations, fixtures, Django's system checks and URL loading), so the discovery URL answers from
# then on. Wait for that line, or poll the discovery URL: both work. If the port is taken, the script exits
# non-zero ("Error: That port is already in use.") and no such line appears. The caller backgrounds this
# script and stops it by its PID (`exec`: that PID becomes the server's; SIGTERM ends it).
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: [PYTHON=python] $0 PORT DATA_DIR REDIRECT_URI [REDIRECT_URI...]" >&2
  exit 2
fi
PORT=$1
DATA_DIR=$2
shift 2
PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)

case $PORT in *[!0-9]*|'') echo "PORT must be a number: $PORT" >&2; exit 2 ;; esac
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)

export SSO_DATA_DIR=$DATA_DIR SSO_PORT=$PORT
export DJANGO_SETTINGS_MODULE=ssoprovider.settings
export PYTHONUNBUFFERED=1
cd "$HERE/provider"

args=()
for uri in "$@"; do args+=(--redirect-uri "$uri"); done

"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py sso_setup "${args[@]}"

# serve_provider = runserver (threaded) that prints `provider ready` once its socket listens.
exec "$PY" manage.py serve_provider --noreload "127.0.0.1:$PORT"
