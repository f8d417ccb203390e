#!/usr/bin/env bash
# Prints (last line of stdout) the path of a Chromium for the browser tests (playwright-core drives it). Order:
# $CHROMIUM_PATH; `chromium` on PATH; as root with apt-get (CI, these machines): install Debian's chromium and the
# CJK fonts (without them Chinese renders as boxes). `npx playwright install` cannot work offline. Progress to stderr.
set -euo pipefail
log() { echo "[ensure-chromium] $*" >&2; }

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { log "CHROMIUM_PATH=$CHROMIUM_PATH is not executable"; exit 1; }
  echo "$CHROMIUM_PATH"
  exit 0
fi
# Any font covering Chinese (fc-list prints nothing when none is installed).
fonts_present() { [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; }
if path=$(command -v chromium) && fonts_present; then
  echo "$path"
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  log "installing Debian's chromium and fonts-noto-cjk (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium fonts-noto-cjk >&2
  command -v chromium
  exit 0
fi
log "no chromium found: install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH"
exit 1
