#!/usr/bin/env bash
# Saves a workflow's event history for the replay tests: scripts/record-history.sh <workflowId> <name>
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 <workflowId> <name>" >&2; exit 2; }
temporal_bin=$(bash scripts/ensure-temporal.sh | tail -n 1)
"$temporal_bin" workflow show --address "${TEMPORAL_ADDRESS:-127.0.0.1:7233}" --workflow-id "$1" --output json \
  > "tests/workflows/histories/$2.json"
echo "saved tests/workflows/histories/$2.json"
