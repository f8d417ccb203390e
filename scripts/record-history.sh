#!/usr/bin/env bash
# Saves a workflow's event history for the replay tests: scripts/record-history.sh <workflowId> <name>
# Payloads are encrypted in Temporal: the history is decoded through the running API's codec endpoint (administrators
# only) so the saved file replays with any key. Env: CODEC_ENDPOINT (http://127.0.0.1:${PORT:-3000}/codec),
# CODEC_ADMIN (admin-1: whose token authorizes the decoding).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 <workflowId> <name>" >&2; exit 2; }
temporal_bin=$(bash scripts/ensure-temporal.sh | tail -n 1)
admin_token=$(node_modules/.bin/tsx scripts/issue-token.ts "${CODEC_ADMIN:-admin-1}")
"$temporal_bin" workflow show --address "${TEMPORAL_ADDRESS:-127.0.0.1:7233}" --workflow-id "$1" --output json \
  --codec-endpoint "${CODEC_ENDPOINT:-http://127.0.0.1:${PORT:-3000}/codec}" --codec-auth "Bearer $admin_token" \
  > "tests/workflows/histories/$2.json"
echo "saved tests/workflows/histories/$2.json"
