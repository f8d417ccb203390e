#!/usr/bin/env bash
# `npm start`: runs the product on a fresh machine. Installs dependencies and generates the Prisma client when needed,
# builds the Temporal CLI if needed, starts the Temporal dev server (unless one already listens), creates/migrates/
# seeds the database, then runs the worker and the API. Ctrl-C stops everything; if a process dies, all stop.
# Env (see .env.example): DATABASE_URL, PORT, TEMPORAL_PORT, TEMPORAL_UI_PORT, TEMPORAL_UI_WRITE_ACTIONS, TEMPORAL_DATA_DIR,
# TEMPORAL_CLI_PATH, TEMPORAL_UI_SERVER_PATH.
set -euo pipefail

# A shell without job control starts background commands with SIGINT ignored, and bash cannot trap a signal that was
# ignored on entry: restore the default so `kill -INT` (and Ctrl-C) stops the product even when started that way.
if [ -z "${RUN_PRODUCT_SIGNALS_RESET:-}" ] && env --default-signal=INT true 2>/dev/null; then
  exec env --default-signal=INT RUN_PRODUCT_SIGNALS_RESET=1 bash "$0" "$@"
fi
cd "$(dirname "$0")/.."

log() { echo "[run-product] $*" >&2; }

temporal_port="${TEMPORAL_PORT:-7233}"
export TEMPORAL_PORT="$temporal_port"
export TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
export TEMPORAL_DATA_DIR="${TEMPORAL_DATA_DIR:-.data}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:$temporal_port}"
api_port="${PORT:-3000}"

# Process groups of the children, in start order (Temporal first). The API and worker stop before Temporal, so the
# worker's graceful shutdown can still reach the server.
groups=()
names=()
stopping=0

group_alive() { kill -0 -- "-$1" 2>/dev/null; }

# Sends TERM to the given indexes' groups, waits up to 10 s for all of them, then KILLs what is left.
stop_groups() {
  local i waited=0 alive
  for i in "$@"; do
    if group_alive "${groups[i]}"; then
      log "stopping ${names[i]}"
      kill -TERM -- "-${groups[i]}" 2>/dev/null || true
    fi
  done
  while :; do
    alive=()
    for i in "$@"; do group_alive "${groups[i]}" && alive+=("$i"); done
    [ "${#alive[@]}" -eq 0 ] && return 0
    if [ "$waited" -ge 100 ]; then
      for i in "${alive[@]}"; do
        log "${names[i]} did not stop within 10 s; killing it"
        kill -KILL -- "-${groups[i]}" 2>/dev/null || true
      done
      return 0
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

cleanup() {
  local status=$? i apps=() infra=()
  [ "$stopping" -eq 1 ] && return
  stopping=1
  trap - INT TERM EXIT
  for i in "${!groups[@]}"; do
    if [ "${names[i]}" = temporal ]; then infra+=("$i"); else apps+=("$i"); fi
  done
  [ "${#apps[@]}" -gt 0 ] && stop_groups "${apps[@]}"
  [ "${#infra[@]}" -gt 0 ] && stop_groups "${infra[@]}"
  wait 2>/dev/null || true
  [ "${#groups[@]}" -gt 0 ] && log "stopped"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts "$@" in a session (and process group) of its own, so stopping it stops everything it spawned, and the
# terminal's Ctrl-C reaches only this script, which then stops the children in order.
start_child() {
  local name=$1
  shift
  setsid "$@" </dev/null &
  groups+=("$!")
  names+=("$name")
}

# Prefixes each output line with the process name.
prefixed() {
  local name=$1
  shift
  exec > >(trap '' INT TERM; exec sed -u "s/^/[$name] /") 2>&1
  exec "$@"
}

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# --- prerequisites -------------------------------------------------------------------------------------------------
TEMPORAL_CLI_PATH=$(bash scripts/ensure-deps.sh | tail -n 1)
export TEMPORAL_CLI_PATH
# The Web UI server (read-only by default); without it the product runs, only the UI is missing.
if TEMPORAL_UI_SERVER_PATH=$(bash scripts/ensure-temporal-ui.sh | tail -n 1); then
  export TEMPORAL_UI_SERVER_PATH
else
  TEMPORAL_UI_SERVER_PATH=""
  log "the Temporal Web UI server could not be built: running without the UI"
fi

# --- Temporal ------------------------------------------------------------------------------------------------------
temporal_host="${TEMPORAL_ADDRESS%:*}"
temporal_addr_port="${TEMPORAL_ADDRESS##*:}"
temporal_log="$TEMPORAL_DATA_DIR/temporal.log"
started_temporal=0
if port_open "$temporal_host" "$temporal_addr_port"; then
  log "a server already listens on $TEMPORAL_ADDRESS: using it"
elif [ "$temporal_host" = 127.0.0.1 ] || [ "$temporal_host" = localhost ]; then
  mkdir -p "$TEMPORAL_DATA_DIR"
  log "starting the Temporal dev server on $TEMPORAL_ADDRESS (log: $temporal_log)"
  export TEMPORAL_PORT="$temporal_addr_port"
  start_child temporal bash -c 'exec bash scripts/start-temporal.sh >"$0" 2>&1' "$temporal_log"
  started_temporal=1
else
  log "Temporal at $TEMPORAL_ADDRESS is not reachable"
  exit 1
fi

log "waiting for Temporal at $TEMPORAL_ADDRESS"
for ((tries = 0; ; tries++)); do
  if "$TEMPORAL_CLI_PATH" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then break; fi
  if [ "$started_temporal" -eq 1 ] && ! kill -0 "${groups[0]}" 2>/dev/null; then
    log "the Temporal dev server exited during start-up; last lines of $temporal_log:"
    tail -n 20 "$temporal_log" >&2 || true
    exit 1
  fi
  if [ "$tries" -ge 240 ]; then
    log "Temporal at $TEMPORAL_ADDRESS is not healthy after 60 s"
    exit 1
  fi
  sleep 0.25
done

if [ "$started_temporal" -eq 1 ] && [ -n "$TEMPORAL_UI_SERVER_PATH" ]; then
  log "starting the Temporal Web UI on 127.0.0.1:$TEMPORAL_UI_PORT ($([ "${TEMPORAL_UI_WRITE_ACTIONS:-}" = true ] && echo "write actions ON" || echo read-only))"
  start_child temporal-ui bash -c 'exec bash scripts/start-temporal-ui.sh >"$0" 2>&1' "$TEMPORAL_DATA_DIR/temporal-ui.log"
fi

# A server started elsewhere may lack the product's search attributes: add the missing ones.
namespace="${TEMPORAL_NAMESPACE:-default}"
existing=$("$TEMPORAL_CLI_PATH" operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$namespace" -o json)
while read -r name type; do
  if ! grep -q "\"$name\"" <<<"$existing"; then
    log "registering search attribute $name ($type)"
    "$TEMPORAL_CLI_PATH" operator search-attribute create --address "$TEMPORAL_ADDRESS" --namespace "$namespace" \
      --name "$name" --type "$type" >/dev/null
  fi
done < <(node -e '
  const attrs = JSON.parse(require("node:fs").readFileSync("temporal/search-attributes.json", "utf8"));
  for (const [name, type] of Object.entries(attrs)) console.log(name, type);
')

# --- database ------------------------------------------------------------------------------------------------------
node_modules/.bin/tsx scripts/db-setup.ts

# --- worker and API ------------------------------------------------------------------------------------------------
if port_open 127.0.0.1 "$api_port"; then
  log "port $api_port is already in use: stop what listens there or set PORT"
  exit 1
fi
start_child worker bash -c "$(declare -f prefixed); prefixed worker node_modules/.bin/tsx worker/main.ts"
start_child api bash -c "$(declare -f prefixed); prefixed api node_modules/.bin/tsx api/server.ts"

for ((tries = 0; tries < 120; tries++)); do
  port_open 127.0.0.1 "$api_port" && break
  kill -0 "${groups[-1]}" 2>/dev/null || break
  sleep 0.25
done

# Records without a lifecycle workflow (the seed, or an import) get one.
node_modules/.bin/tsx scripts/adopt-records.ts

ui="http://127.0.0.1:$TEMPORAL_UI_PORT"
[ -n "$TEMPORAL_UI_SERVER_PATH" ] || ui="(not running: the UI server could not be built)"
[ "$started_temporal" -eq 1 ] || ui="(the Temporal server at $TEMPORAL_ADDRESS was already running; its UI is wherever it serves it)"
cat >&2 <<EOF

  Credit engine is running (Ctrl-C stops everything)
    Console      http://127.0.0.1:$api_port/console/   (public records without sign-in: /console/public)
    API          http://127.0.0.1:$api_port   (OpenAPI: /openapi.json)
    Temporal UI  $ui
    Temporal     $TEMPORAL_ADDRESS, task queue ${TEMPORAL_TASK_QUEUE:-credit-cases}
    Database     $(node -e 'const u = new URL(process.argv[1]); u.password &&= "***"; console.log(u.toString())' "${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/credit_engine}")
  Console sign-in (demo accounts, user / password):
$(node_modules/.bin/tsx -e 'import("./prisma/seed/console-accounts-seed.ts").then(({ DEMO_ACCOUNTS }) => { for (const a of DEMO_ACCOUNTS) console.log(`    ${a.userId.padEnd(14)} ${a.password.padEnd(20)} ${a.role}`); })')
  Tokens for the seeded users (applicant-1, reviewer-1, supervisor-1, admin-1, ...):
    TOKEN=\$(npm run -s token -- applicant-1)
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$api_port/records/rec-2025-0001

EOF

# Any child exiting ends the product: stop the others (EXIT trap) and fail.
set +e
wait -n "${groups[@]}"
status=$?
set -e
for i in "${!groups[@]}"; do
  if ! kill -0 "${groups[i]}" 2>/dev/null; then log "${names[i]} exited (status $status); stopping everything"; fi
done
exit $(( status == 0 ? 1 : status ))
