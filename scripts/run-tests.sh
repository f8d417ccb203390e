#!/usr/bin/env bash
# `npm test [-- vitest args]`: runs the test suite on a fresh machine. Installs dependencies and generates the Prisma
# client when needed, builds the Temporal CLI if needed (scripts/ensure-temporal.sh), checks PostgreSQL, runs vitest.
# The tests start their own Temporal dev server and reset their own database (credit_engine_test_<pid>_<random>, dropped after the run, or TEST_DATABASE_URL).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[run-tests] $*" >&2; }

TEMPORAL_CLI_PATH=$(bash scripts/ensure-deps.sh | tail -n 1)
export TEMPORAL_CLI_PATH
log "Temporal CLI: $TEMPORAL_CLI_PATH"
# The browser tests (tests/console) drive Debian's chromium.
CHROMIUM_PATH=$(bash scripts/ensure-chromium.sh | tail -n 1)
export CHROMIUM_PATH

db_url="${TEST_DATABASE_URL:-${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/credit_engine}}"
read -r db_host db_port < <(node -e 'const u = new URL(process.argv[1]); console.log(u.hostname || "127.0.0.1", u.port || 5432)' "$db_url")
if ! timeout 5 bash -c "exec 3<>/dev/tcp/$db_host/$db_port" 2>/dev/null; then
  log "PostgreSQL is not reachable at $db_host:$db_port: start it, or point the tests at a running server with"
  log "TEST_DATABASE_URL (a database the tests drop and recreate) or DATABASE_URL (its server, a database of the run's own)."
  exit 1
fi

# A full run (no arguments) also checks types and lint: vitest does not type-check.
if [ $# -eq 0 ] || [ "${CI:-}" = "true" ]; then
  log "type-checking and linting"
  npx --no-install tsc --noEmit -p .
  npx --no-install tsc --noEmit -p console
  npx --no-install eslint .
fi

exec npx --no-install vitest run "$@"
