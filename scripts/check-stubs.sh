#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks that the committed bindings/python/linkequity/_core.pyi matches the stubs that
# pybind11-stubgen generates from the *installed* linkequity._core (pip install . first).
#   scripts/check-stubs.sh           diff; exit 1 when they differ
#   scripts/check-stubs.sh --update  rewrite the committed file
# Needs: pip install pybind11-stubgen (the version pinned in pyproject's "dev" extra).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
committed="$root/bindings/python/linkequity/_core.pyi"
# The Python of scripts/test.sh: PYTHON, an active venv, else build/venv (scripts/python-env.sh).
# shellcheck source=python-env.sh
source "$root/scripts/python-env.sh"
linkequity_python_env "$root"
python=$PY
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Run from the temp dir so the source tree cannot shadow the installed package.
(cd "$tmp" && "$python" -m pybind11_stubgen linkequity._core --output-dir "$tmp/out" >/dev/null)
generated="$tmp/out/linkequity/_core.pyi"
if [[ "${1:-}" == "--update" ]]; then
    cp "$generated" "$committed"
    echo "updated $committed"
    exit 0
fi
if ! diff -u "$committed" "$generated"; then
    echo "error: $committed is stale; run scripts/check-stubs.sh --update and commit" >&2
    exit 1
fi
echo "stubs up to date: $committed"
