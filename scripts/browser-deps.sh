#!/usr/bin/env bash
# What the browser tests need, run by `make browser-deps` (and so by `make test`): Chromium at
# $BRIEFING_CHROMIUM (default /usr/bin/chromium, Debian's `chromium` package) and npm (axe-core comes from
# npm). Nothing missing: silent. Missing, as root with apt-get: installs Debian's packages. Otherwise it stops
# with one line saying the command to run, and a non-zero status.
set -euo pipefail

chromium=${BRIEFING_CHROMIUM:-/usr/bin/chromium}
missing=() packages=()
if [ ! -x "$chromium" ]; then missing+=("$chromium"); packages+=(chromium); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); packages+=(nodejs npm); fi
[ ${#missing[@]} -gt 0 ] || exit 0

need="the browser tests need ${missing[0]}${missing[1]:+ and ${missing[1]}}"
stop() {
  echo "$need: $1, or run \`make test-fast\` to leave them out" >&2
  exit 1
}

# Debian's package provides /usr/bin/chromium only: a Chromium elsewhere is the user's to provide.
if [ ! -x "$chromium" ] && [ "$chromium" != /usr/bin/chromium ]; then
  stop "point BRIEFING_CHROMIUM at a Chromium binary"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  stop "install $([ ${#missing[@]} -gt 1 ] && echo them || echo it) (no apt-get here; BRIEFING_CHROMIUM=PATH for a Chromium elsewhere)"
fi
if [ "$(id -u)" -ne 0 ]; then
  stop "run \`sudo apt-get install -y --no-install-recommends ${packages[*]}\`"
fi

echo "$need: installing ${packages[*]} with apt-get"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
if [ ! -x "$chromium" ] || ! command -v npm >/dev/null 2>&1; then
  echo "apt-get install ${packages[*]} did not provide ${missing[*]}" >&2
  exit 1
fi
