#!/usr/bin/env bash
# Runs the Temporal Web UI in the foreground against TEMPORAL_ADDRESS, read-only unless TEMPORAL_UI_WRITE_ACTIONS=true.
# Env: TEMPORAL_ADDRESS (127.0.0.1:7233), TEMPORAL_UI_PORT (8233), TEMPORAL_UI_CODEC_ENDPOINT
# (http://127.0.0.1:${PORT:-3000}/codec), TEMPORAL_UI_SERVER_PATH (see ensure-temporal-ui.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

ui_bin=$(bash scripts/ensure-temporal-ui.sh | tail -n 1)
export TEMPORAL_UI_CODEC_ENDPOINT="${TEMPORAL_UI_CODEC_ENDPOINT:-http://127.0.0.1:${PORT:-3000}/codec}"
exec "$ui_bin" --root temporal/ui --config config --env development start
