#!/usr/bin/env bash
# Installs Debian's chromium when it is missing, so that the report's browser test
# (reports/.../BrowserRenderTest) runs instead of being skipped. Needs root or sudo on Debian/Ubuntu.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium
/usr/bin/chromium --version
