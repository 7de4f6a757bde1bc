#!/usr/bin/env bash
# The production bundle as an operator installs it: only runtime dependencies (npm ci --omit=dev),
# the compiled server and CLI, NODE_ENV=production on a fresh database. Creates the first admin,
# starts, and checks health, the log-in page, compression, the API docs behind log-in and a log-in.
# Needs `npm run build` first. Prints "smoke: ok" and exits 0 when all holds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke: FAILED: $*"; [ -f "$work/server.log" ] && tail -20 "$work/server.log"; exit 1; }

[ -f "$root/dist/server.js" ] && [ -f "$root/web/dist/index.html" ] || fail "run npm run build first"
mkdir -p "$work/app/web" "$work/data"
cp "$root/package.json" "$root/package-lock.json" "$work/app/"
cp -r "$root/dist" "$work/app/dist"
cp -r "$root/web/dist" "$work/app/web/dist"
(cd "$work/app" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci --omit=dev"
[ ! -d "$work/app/node_modules/tsx" ] || fail "tsx was installed with --omit=dev"

export NODE_ENV=production LINLI_DATA_DIR="$work/data" PORT="${SMOKE_PORT:-3917}" HOST=127.0.0.1
export LINLI_SECRET_KEY="smoke-test-key-$(date +%s)-0123456789abcdef"
url="http://127.0.0.1:$PORT"
password='Qiao-2026-Linli'
(cd "$work/app" && node dist/cli.js create-admin --username smoke --name 冒烟测试 --district 平城区 --code 140213 --password "$password" >/dev/null) ||
  fail "create-admin"

(cd "$work/app" && exec node dist/server.js >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "$url/api/health/ready" >/dev/null && break; sleep 0.1; done
curl -sf "$url/api/health/ready" | grep -q '"status":"ok"' || fail "not ready"
curl -sf "$url/api/health/live" >/dev/null || fail "not live"
curl -sf "$url/login" | grep -q '<div id="root">' || fail "no web app at /login"
asset="$(curl -sf "$url/login" | grep -oE '/assets/[^"]+\.js' | head -n 1)"
[ -n "$asset" ] || fail "no script on the log-in page"
curl -sfI -H 'Accept-Encoding: br, gzip' "$url$asset" | grep -qi '^content-encoding: br' || fail "$asset not served pre-compressed"
curl -sfI "$url$asset" | grep -qi 'immutable' || fail "$asset not cached as immutable"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/openapi.json")" = 401 ] || fail "API docs open without log-in"
code="$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"username\":\"smoke\",\"password\":\"$password\"}" "$url/api/auth/login")"
[ "$code" = 200 ] || fail "log-in answered $code"
grep -q '"msg":"request"' "$work/server.log" || fail "no access log line"
echo "smoke: ok"
