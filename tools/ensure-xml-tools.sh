#!/usr/bin/env bash
# The iStandaarden referees are Debian's xmllint (XSD) and xsltproc (the standards' XSLT 1.0 rules),
# run as child processes (ADR 36). Installs them on a fresh Debian machine when we may; otherwise
# says what to do.
set -euo pipefail
command -v xmllint >/dev/null 2>&1 && command -v xsltproc >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "xmllint of xsltproc ontbreekt: installeren met apt-get (eenmalig) ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils xsltproc >/dev/null
  exit 0
fi
echo "xmllint en xsltproc zijn nodig om iWmo- en iJw-berichten te controleren, maar ontbreken." >&2
echo "Installeer ze met: sudo apt-get install -y libxml2-utils xsltproc" >&2
exit 1
