#!/usr/bin/env bash
# Builds the web console (console/ → console/dist, served by the API at /console/) when its sources, the API's
# OpenAPI document or the dependencies changed since the last build. Steps: the OpenAPI document (from the API's
# document builder, no server needed) → typed client (openapi-typescript) → type check (tsc) → bundle (vite).
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[build-console] $*" >&2; }

stamp=console/dist/.build-stamp
if [ -f "$stamp" ] && [ -z "$(find console/src console/index.html console/vite.config.ts console/tsconfig.json api package-lock.json \
     -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
log "building the console"
generated=console/src/api/generated
mkdir -p "$generated"
node_modules/.bin/tsx scripts/write-openapi.ts "$generated/openapi.json"
node_modules/.bin/openapi-typescript "$generated/openapi.json" -o "$generated/schema.d.ts" >&2
node_modules/.bin/tsc --noEmit -p console
(cd console && ../node_modules/.bin/vite build --logLevel warn >&2)
touch "$stamp"
log "console built into console/dist"
