#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
# Installs it on a fresh Debian machine when we may; otherwise says what to do.
set -euo pipefail
BROWSER="${EENVOUD_CHROMIUM:-/usr/bin/chromium}"
[ -x "$BROWSER" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium ontbreekt: installeren met apt-get (eenmalig) ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium ontbreekt op $BROWSER. Installeer het met: sudo apt-get install -y chromium" >&2
echo "(of zet EENVOUD_CHROMIUM op het pad van een Chromium-browser)" >&2
exit 1
