#!/usr/bin/env bash
# Installs what the product and the tests need, only when missing or stale: node_modules (npm ci), the Prisma
# client, the web console (console/dist), and the Temporal CLI. Prints the Temporal CLI's path as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[ensure-deps] $*" >&2; }

# npm writes node_modules/.package-lock.json on every install: older than package-lock.json means stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund >&2
  rm -rf generated/prisma
fi
if [ ! -f generated/prisma/client.ts ] || [ prisma/schema.prisma -nt generated/prisma/client.ts ]; then
  log "generating the Prisma client"
  bash scripts/prisma.sh generate >&2
fi
bash scripts/build-console.sh
bash scripts/ensure-temporal.sh | tail -n 1
