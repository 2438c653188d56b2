# Functions for .ci/run (sourced, not run): the test OpenID Connect provider for the single sign-on browser
# tests (Tests/e2e/test_sso.py). Start it before the demo, which names it in its --sso-config.
#
#   source Tests/sso/ci-start.sh
#   sso_start APP_PORT LOG_DIR PYTHON   # sets SSO_PID, SSO_PORT, SSO_DIR, SSO_URL and SSO_CONFIG (Masterly's file)
#   masterly demo --port APP_PORT … --sso-config "$SSO_CONFIG" --public-url http://127.0.0.1:APP_PORT
#   MASTERLY_SSO_URL=$SSO_URL … pytest Tests/e2e
#   sso_stop                            # idempotent; call it from the EXIT trap
#
# SSO_CONFIG lives in the provider's temporary folder (not the demo's), so a demo restarted on the same port
# (CI restarts it for the hostile-input suite) signs in through the same provider.
#
# PYTHON must have Tests/sso/requirements.txt installed. The provider's log is LOG_DIR/sso.log and its self-check
# (a real authorization-code sign-in, Tests/sso/check_provider.py) LOG_DIR/sso-check.log.

SSO_PID="" SSO_PORT="" SSO_DIR="" SSO_URL="" SSO_CONFIG=""
SSO_START_TIMEOUT=${SSO_START_TIMEOUT:-90}   # seconds: migrations, key generation, Django's checks
SSO_PROVIDER_ID=school
SSO_PROVIDER_NAME="School ID"

# sso_free_port EXCEPT: a free loopback port other than EXCEPT.
sso_free_port() {
  local port
  while :; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    [ "$port" != "$1" ] && { echo "$port"; return; }
  done
}

sso_start() {
  local app_port=$1 logs=$2 python=$3
  local here redirect deadline
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  case $python in /*) ;; */*) python=$PWD/$python ;; esac   # start-provider.sh runs in another folder
  redirect="http://127.0.0.1:$app_port/sso/callback/$SSO_PROVIDER_ID"
  SSO_DIR=$(mktemp -d -t masterly-sso.XXXXXX)
  SSO_PORT=$(sso_free_port "$app_port")
  SSO_URL="http://127.0.0.1:$SSO_PORT"
  SSO_CONFIG=$SSO_DIR/masterly-sso.json
  PYTHON="$python" bash "$here/start-provider.sh" "$SSO_PORT" "$SSO_DIR" "$redirect" >"$logs/sso.log" 2>&1 &
  SSO_PID=$!
  deadline=$((SECONDS + SSO_START_TIMEOUT))
  until grep -q '^provider ready' "$logs/sso.log" 2>/dev/null; do
    if ! kill -0 "$SSO_PID" 2>/dev/null; then
      echo "the SSO test provider exited before it was ready:" >&2
      cat "$logs/sso.log" >&2
      SSO_PID=""
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "the SSO test provider was not ready within ${SSO_START_TIMEOUT}s:" >&2
      cat "$logs/sso.log" >&2
      return 1
    fi
    sleep 0.5
  done
  "$python" "$here/check_provider.py" "$SSO_URL" "$redirect" >"$logs/sso-check.log" 2>&1 || {
    cat "$logs/sso-check.log" >&2
    echo "the SSO test provider failed its self-check" >&2
    return 1
  }
  tail -n 1 "$logs/sso-check.log"
  cat >"$SSO_CONFIG" <<JSON
{"providers": [{"id": "$SSO_PROVIDER_ID", "name": "$SSO_PROVIDER_NAME", "issuer": "$SSO_URL/openid",
  "clientId": "masterly", "clientSecret": "masterly-sso-secret", "match": ["email", "username"]}]}
JSON
}

sso_stop() {
  if [ -n "$SSO_PID" ]; then
    kill "$SSO_PID" 2>/dev/null || true     # start-provider.sh execs the server: this PID is Django's
    for _ in $(seq 1 50); do
      kill -0 "$SSO_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$SSO_PID" 2>/dev/null || true
    wait "$SSO_PID" 2>/dev/null || true
    SSO_PID=""
  fi
  if [ -n "$SSO_DIR" ]; then rm -rf "$SSO_DIR"; SSO_DIR="" SSO_CONFIG=""; fi
}
