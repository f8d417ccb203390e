#!/usr/bin/env bash
# Prints (last line of stdout) a directory holding the Temporal server v1.29.1 (`temporal-server`) and its SQL schema
# tool (`temporal-sql-tool`), building both from the Go module proxy once into
# ${TEMPORAL_CLI_CACHE:-$HOME/.cache/credit-engine}/temporal-server-v1.29.1 (the server the CLI v1.5.1 embeds, so the
# cluster run, docker-compose.yml and the tests' dev server are one version). ~5 min with warm Go caches.
# TEMPORAL_SERVER_DIR: use an existing directory with both binaries instead. Progress goes to stderr.
set -euo pipefail

version="1.29.1"
cache_root="${TEMPORAL_CLI_CACHE:-${HOME:-/root}/.cache/credit-engine}"
bin_dir="$cache_root/temporal-server-v${version}"

log() { echo "[ensure-temporal-server] $*" >&2; }

complete() { [ -x "$1/temporal-server" ] && [ -x "$1/temporal-sql-tool" ]; }

if [ -n "${TEMPORAL_SERVER_DIR:-}" ]; then
  if complete "$TEMPORAL_SERVER_DIR"; then echo "$TEMPORAL_SERVER_DIR"; exit 0; fi
  log "TEMPORAL_SERVER_DIR=$TEMPORAL_SERVER_DIR lacks temporal-server or temporal-sql-tool"
  exit 1
fi
if complete "$bin_dir"; then echo "$bin_dir"; exit 0; fi
if ! command -v go >/dev/null 2>&1; then
  log "Go is needed to build the Temporal server (or set TEMPORAL_SERVER_DIR)"
  exit 1
fi

mkdir -p "$cache_root"
# One build at a time: a second caller waits for the first, then finds the binaries.
exec 9>"$cache_root/temporal-server-v${version}.lock"
if ! flock -n 9; then
  log "another process is building the Temporal server; waiting for it"
  flock 9
fi
if complete "$bin_dir"; then echo "$bin_dir"; exit 0; fi

# Build into a staging directory and rename it into place: an interrupted build never leaves half a directory.
staging="$cache_root/.temporal-server-v${version}.build.$$"
rm -rf "$staging"
trap 'rm -rf "$staging"' EXIT
log "building Temporal server v${version} and its SQL tool with $(go version | cut -d' ' -f3) into $bin_dir"
started=$(date +%s)
GOBIN="$staging" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install -ldflags "-s -w" \
  "go.temporal.io/server/cmd/server@v${version}" "go.temporal.io/server/cmd/tools/sql@v${version}" >&2
mv "$staging/server" "$staging/temporal-server"
mv "$staging/sql" "$staging/temporal-sql-tool"
"$staging/temporal-server" --version >&2
rm -rf "$bin_dir"
mv "$staging" "$bin_dir"
log "built in $(( $(date +%s) - started ))s: $bin_dir"
echo "$bin_dir"
