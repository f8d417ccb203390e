#!/usr/bin/env bash
# Prints (last line of stdout) the path of a Temporal Web UI server (temporalio/ui-server v2.42.1, the UI the CLI
# v1.5.1 embeds), building it once with Go into ${TEMPORAL_CLI_CACHE:-$HOME/.cache/credit-engine}. Order:
# $TEMPORAL_UI_SERVER_PATH; the cached build; a Go build. Progress goes to stderr.
set -euo pipefail

version="2.42.1"
module="github.com/temporalio/ui-server/v2/cmd/server@v${version}"
cache_root="${TEMPORAL_CLI_CACHE:-${HOME:-/root}/.cache/credit-engine}"
bin_dir="$cache_root/temporal-ui-server-v${version}"
bin="$bin_dir/ui-server"

log() { echo "[ensure-temporal-ui] $*" >&2; }

if [ -n "${TEMPORAL_UI_SERVER_PATH:-}" ]; then
  [ -x "$TEMPORAL_UI_SERVER_PATH" ] && { echo "$TEMPORAL_UI_SERVER_PATH"; exit 0; }
  log "TEMPORAL_UI_SERVER_PATH=$TEMPORAL_UI_SERVER_PATH is not an executable file"
  exit 1
fi
if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  log "Go is not installed: cannot build the Temporal UI server (set TEMPORAL_UI_SERVER_PATH)"
  exit 1
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/temporal-ui-server-v${version}.lock"
if ! flock -n 9; then
  log "another process is building the Temporal UI server; waiting for it"
  flock 9
fi
if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

staging="$cache_root/.temporal-ui-server-v${version}.build.$$"
rm -rf "$staging"
trap 'rm -rf "$staging"' EXIT
log "building the Temporal UI server v${version} into $bin_dir (once; reuses the Go caches of the CLI build)"
started=$(date +%s)
GOBIN="$staging" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install -ldflags "-s -w" "$module" >&2
mv "$staging/server" "$staging/ui-server"
rm -rf "$bin_dir"
mv "$staging" "$bin_dir"
log "built in $(( $(date +%s) - started ))s: $bin"
echo "$bin"
