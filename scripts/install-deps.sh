#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs linkequity's build and test dependencies on Debian 12 / Ubuntu 24.04 (idempotent:
# packages already present are left alone). Run as root or with sudo available.
#   scripts/install-deps.sh            system packages + Python packages for the tests
#   scripts/install-deps.sh --system   system packages only
# The Python packages go into a virtual environment: the active one (VIRTUAL_ENV), else build/venv
# made from ${PYTHON:-python3} (scripts/python-env.sh), as PEP 668 systems require.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph1.81-dev libboost-url1.81-dev   # Boost 1.81 (has Boost.URL); not the 1.74 -dev set
  libeigen3-dev libfmt-dev catch2 libcli11-dev
  libpsl-dev publicsuffix libidn2-dev zlib1g-dev
  clang libclang-rt-14-dev                      # the libFuzzer targets (scripts/test.sh)
  python3-dev python3-pip python3-venv
  libopenmpi-dev openmpi-bin python3-mpi4py     # linkequity-mpi, linkequity.distributed (optional)
  chromium                                      # renders the HTML report in a test (headless)
)
# pybind11 and pybind11-stubgen are pinned: the committed _core.pyi is checked against their output.
PIP_PACKAGES=(
  "scikit-build-core>=0.10" "pybind11==3.1.0" "pybind11-stubgen==3.0.0"
  numpy pandas pyarrow pytest networkx scipy tqdm matplotlib nbclient nbformat ipykernel
  mpi4py  # linkequity.distributed's tests (Debian's python3-mpi4py serves only Debian's python3)
  ada-url  # a WHATWG URL parser: the oracle of tests/python/test_urls.py
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all ${#APT_PACKAGES[@]} Debian packages already installed"
fi

if [ "${1:-}" != "--system" ]; then
  # shellcheck source=python-env.sh
  source "$ROOT/scripts/python-env.sh"
  linkequity_python_env "$ROOT"
  echo "install-deps: $PY -m pip install ${PIP_PACKAGES[*]}"
  $PY -m pip install -q --disable-pip-version-check "${PIP_PACKAGES[@]}"
fi
echo "install-deps: done"
