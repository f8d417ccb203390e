#!/usr/bin/env bash
# Runs the Prisma CLI without its engine download: with engine "js" these files are never executed,
# but setting them stops the CLI from fetching native engines (offline machines).
set -euo pipefail
cd "$(dirname "$0")/.."
wasm="$PWD/node_modules/prisma/build/prisma_schema_build_bg.wasm"
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$wasm}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-$wasm}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
exec npx --no-install prisma "$@"
