#!/usr/bin/env bash
# Prints (last line of stdout) the path of a Temporal CLI binary of the pinned version, building it if needed.
# Order: $TEMPORAL_CLI_PATH; a cached build under ${TEMPORAL_CLI_CACHE:-$HOME/.cache/credit-engine};
# a `temporal` on PATH that reports the pinned version; a Go build into that cache (Go module proxy);
# any `temporal` on PATH when Go is missing. Progress goes to stderr.
set -euo pipefail

version="1.5.1"
module="github.com/temporalio/cli/cmd/temporal@v${version}"
cache_root="${TEMPORAL_CLI_CACHE:-${HOME:-/root}/.cache/credit-engine}"
bin_dir="$cache_root/temporal-v${version}"
bin="$bin_dir/temporal"

log() { echo "[ensure-temporal] $*" >&2; }

if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
  if [ -x "$TEMPORAL_CLI_PATH" ] && [ -f "$TEMPORAL_CLI_PATH" ]; then
    echo "$TEMPORAL_CLI_PATH"
    exit 0
  fi
  log "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file"
  exit 1
fi

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

# An official release build reports its version; a plain `go install` build reports 0.0.0-DEV.
if on_path=$(command -v temporal 2>/dev/null) && "$on_path" --version 2>/dev/null | grep -q "temporal version ${version} "; then
  echo "$on_path"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  if [ -n "${on_path:-}" ]; then
    log "Go is not installed; using $on_path from PATH, whose version is not checked (want v${version})"
    echo "$on_path"
    exit 0
  fi
  log "No Temporal CLI found and Go is not installed."
  log "Install Go (https://go.dev/dl, or apt-get install golang-go >= 1.25) or set TEMPORAL_CLI_PATH."
  exit 1
fi

mkdir -p "$cache_root"
# One build at a time: a second caller waits for the first, then finds the binary.
exec 9>"$cache_root/temporal-v${version}.lock"
if ! flock -n 9; then
  log "another process is building the Temporal CLI; waiting for it"
  flock 9
fi
if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

# Build into a staging directory and rename it into place, so an interrupted build never leaves a binary behind
# that later calls would take for a complete one.
staging="$cache_root/.temporal-v${version}.build.$$"
rm -rf "$staging"
trap 'rm -rf "$staging"' EXIT
log "building Temporal CLI v${version} with $(go version | cut -d' ' -f3) into $bin_dir"
log "(first build downloads ~300 MB of Go modules and compiles for several minutes; later builds reuse the Go caches)"
started=$(date +%s)
# Same link flags as the official release (.goreleaser.yml): stripped, and `temporal --version` reports ${version}.
# Link flags do not invalidate the Go build cache of compiled packages.
GOBIN="$staging" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=${version}" "$module" >&2
"$staging/temporal" --version >&2
rm -rf "$bin_dir"
mv "$staging" "$bin_dir"
log "built in $(( $(date +%s) - started ))s: $bin"
echo "$bin"
