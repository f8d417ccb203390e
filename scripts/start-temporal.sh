#!/usr/bin/env bash
# Runs the Temporal dev server (SQLite persistence) in the foreground, with the product's search attributes. Headless:
# its built-in Web UI cannot be made read-only, so the UI runs as its own server (scripts/start-temporal-ui.sh).
# Env: TEMPORAL_PORT (7233), TEMPORAL_DATA_DIR (.data), TEMPORAL_CLI_PATH (see ensure-temporal.sh),
# TEMPORAL_EAGER_ACTIVITIES (true: the server hands an activity scheduled by a workflow task straight back to the
# worker that completed the task, skipping a task-queue round trip; `npm run bench` measures it; false turns it off).
# Extra arguments are passed on to `temporal server start-dev`.
set -euo pipefail
cd "$(dirname "$0")/.."

temporal_bin=$(bash scripts/ensure-temporal.sh | tail -n 1)
data_dir="${TEMPORAL_DATA_DIR:-.data}"
mkdir -p "$data_dir"

mapfile -t search_attributes < <(node -e '
  const attrs = JSON.parse(require("node:fs").readFileSync("temporal/search-attributes.json", "utf8"));
  for (const [name, type] of Object.entries(attrs)) console.log(`--search-attribute=${name}=${type}`);
')

exec "$temporal_bin" server start-dev \
  --ip 127.0.0.1 \
  --port "${TEMPORAL_PORT:-7233}" \
  --headless \
  --db-filename "$data_dir/temporal.db" \
  --namespace default \
  --log-level warn \
  --dynamic-config-value "system.enableActivityEagerExecution=${TEMPORAL_EAGER_ACTIVITIES:-true}" \
  "${search_attributes[@]}" \
  "$@"
