#!/usr/bin/env bash
# Prints the Chromium the browser tests will use; installs Debian's when none is
# found and this is a Debian machine where we are root. Otherwise says what to do.
set -euo pipefail

found() { echo "$1"; exit 0; }

[[ -n "${CHROME_PATH:-}" ]] && { [[ -x "$CHROME_PATH" ]] && found "$CHROME_PATH"; echo "CHROME_PATH=$CHROME_PATH is not an executable" >&2; exit 1; }
for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
  [[ -x "$candidate" ]] && found "$candidate"
done
own=$(node -e "try{const p=require('playwright-core').chromium.executablePath();if(require('fs').existsSync(p))console.log(p)}catch{}")
[[ -n "$own" ]] && found "$own"

if [[ $(id -u) -eq 0 && -f /etc/debian_version ]] && command -v apt-get >/dev/null; then
  echo "No Chromium found: installing Debian's chromium package" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2
  [[ -x /usr/bin/chromium ]] && found /usr/bin/chromium
fi
cat >&2 <<'MSG'
The browser tests need Chromium and none was found.
Install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere `npx playwright install chromium`),
or point CHROME_PATH at a Chrome or Chromium executable.
MSG
exit 1
