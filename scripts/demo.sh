#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job on a built-in default: installs what is missing, builds linkequity (Release),
# generates a synthetic web (seeded), scores its pages and domains, and prints the top domains.
# Output lands in build/demo/ (links.csv.gz, pages.csv, domains.csv, hosts.csv).
#   scripts/demo.sh [--links N] [--domains N]      (defaults: 1,000,000 links, 20,000 domains)
set -euo pipefail
cd "$(dirname "$0")/.."
LINKS=1000000
DOMAINS=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --links) LINKS=$2; shift 2 ;;
    --domains) DOMAINS=$2; shift 2 ;;
    *) echo "usage: scripts/demo.sh [--links N] [--domains N]" >&2; exit 2 ;;
  esac
done
scripts/install-deps.sh --system
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build/release -j "$(nproc)" --target linkequity_cli
BIN=build/release/src/cli/linkequity
mkdir -p build/demo
# 2 % of link targets become http:// / ?utm_source= duplicates with redirect and canonical
# records, so the run shows consolidation too (docs/redirects.md).
"$BIN" generate --domains "$DOMAINS" --links "$LINKS" --seed 1 --redirect-share 0.02 \
  --out build/demo/links.csv
"$BIN" score build/demo/links.csv --hosts --out build/demo
