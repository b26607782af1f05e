#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders an HTML report (linkequity report …) to a PNG with headless Chromium, to look at it as a
# person would. Needs the Debian package `chromium`.
#   scripts/render-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]   (default 1200x2000)
# Without arguments: builds the report of tests/data/analysis/backlinks.csv with
# build/release/src/cli/linkequity (LINKEQUITY=path overrides) and renders it to /tmp/report.png.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -eq 0 ]]; then
    cli="${LINKEQUITY:-$root/build/release/src/cli/linkequity}"
    "$cli" report my-shop.com "$root/tests/data/analysis/backlinks.csv" \
        --keywords "running shoes" --out /tmp/report.html
    set -- /tmp/report.html /tmp/report.png
fi
html="$(realpath "$1")"
png="${2:-${1%.html}.png}"
size="${3:-1200x2000}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    echo "error: chromium not found (apt-get install -y chromium)" >&2
    exit 1
fi
# --no-sandbox: root in containers; the page loads nothing, so no network access is needed.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$png" --window-size="${size/x/,}" "file://$html" 2>/dev/null
echo "rendered $png"
