#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every test of linkequity on this machine, installing what is missing first:
#   1. Release build: C++ tests (ctest), then `cmake --install` into build/install and the
#      examples + tests/package built as separate projects against that installed tree;
#   2. the Python package: `pip install .`, pytest on the installed package, stub check;
#   3. AddressSanitizer + UndefinedBehaviorSanitizer build of the C++ tests;
#   4. a build without OpenMP, C++ tests.
# Options: --quick (steps 1-2 only), --no-deps (skip scripts/install-deps.sh).
# Python: PYTHON=... picks the interpreter (default python3); unless a virtual environment is
# active, pip installs into build/venv made from it (scripts/python-env.sh; PEP 668 systems).
# LINKEQUITY_WERROR is ON in the build without OpenMP (-Werror on every target it builds).
# Exit status is non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
QUICK=0
DEPS=1
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-deps) DEPS=0 ;;
    *) echo "usage: scripts/test.sh [--quick] [--no-deps]" >&2; exit 2 ;;
  esac
done
JOBS=${JOBS:-$(nproc)}
TIMES=()
STEP=""
STEP_START=$SECONDS
step() {
  [ -z "$STEP" ] || TIMES+=("$(printf '%5d s  %s' $((SECONDS - STEP_START)) "$STEP")")
  STEP=$*
  STEP_START=$SECONDS
  printf '\n=== %s\n' "$*"
}

if [ "$DEPS" = 1 ]; then step "dependencies"; scripts/install-deps.sh; fi
# shellcheck source=python-env.sh
source scripts/python-env.sh
linkequity_python_env "$ROOT"
export PYTHON=$PY

step "documentation links (README, docs/, benchmarks/README.md stay inside the repository)"
"$PY" scripts/check-links.py

step "release build + C++ tests"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$ROOT/build/install"
cmake --build build/release -j "$JOBS"
ctest --test-dir build/release --output-on-failure -j "$JOBS"

step "install + consumer projects (find_package(linkequity))"
cmake --install build/release > /dev/null
# Eigen made unfindable: consumers of the package must not need it (the library does not use it).
cmake -S examples -B build/examples -G Ninja -DCMAKE_PREFIX_PATH="$ROOT/build/install" \
  -DCMAKE_DISABLE_FIND_PACKAGE_Eigen3=ON
cmake --build build/examples -j "$JOBS"
for exe in build/examples/example_*; do "$exe" > /dev/null; done
cmake -S tests/package -B build/package -G Ninja -DCMAKE_PREFIX_PATH="$ROOT/build/install" \
  -DCMAKE_DISABLE_FIND_PACKAGE_Eigen3=ON
cmake --build build/package -j "$JOBS"
build/package/consumer
"$ROOT/build/install/bin/linkequity" --help > /dev/null

step "fuzzing (clang libFuzzer, ${FUZZ_SECONDS:-60} s per target)"
CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLINKEQUITY_BUILD_FUZZERS=ON -DLINKEQUITY_USE_OPENMP=OFF -DLINKEQUITY_BUILD_TESTS=OFF \
  -DLINKEQUITY_BUILD_EXAMPLES=OFF -DLINKEQUITY_BUILD_BENCHMARKS=OFF -DLINKEQUITY_BUILD_CLI=OFF \
  -DLINKEQUITY_INSTALL=OFF > /dev/null
cmake --build build/fuzz -j "$JOBS"
for exe in build/fuzz/fuzz/fuzz_*; do
  [ -f "$exe" ] && [ -x "$exe" ] || continue
  f=$(basename "$exe")
  corpus="build/fuzz-corpus/$f"
  mkdir -p "$corpus"
  seeds=(tests/data/links tests/data/broken)
  [ -d "tests/data/fuzz/$f" ] && seeds+=("tests/data/fuzz/$f")
  echo "-- $f"
  "$exe" -max_total_time="${FUZZ_SECONDS:-60}" -rss_limit_mb=2048 \
    -print_final_stats=0 "$corpus" "${seeds[@]}" 2>&1 | tail -n 2
done

step "Python package: pip install . + pytest"
"$PY" -m pip install -q --disable-pip-version-check --no-build-isolation .
# From outside the tree: the tests must import the installed package.
(cd "${TMPDIR:-/tmp}" && "$PY" -m pytest -q -p no:cacheprovider "$ROOT/tests/python")
if command -v mpirun > /dev/null && "$PY" -c "import mpi4py" 2> /dev/null; then  # 2 ranks
  (cd "${TMPDIR:-/tmp}" && OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun \
    --oversubscribe -np 2 "$PY" -m pytest -q -p no:cacheprovider "$ROOT/tests/python/test_distributed.py")
else
  echo "warning: mpirun or mpi4py missing: linkequity.distributed not tested on 2 ranks" >&2
fi
scripts/check-stubs.sh
step "notebook (executed headless)"
(cd examples/notebooks && MPLBACKEND=Agg "$PY" -c '
import nbformat, nbclient
nb = nbformat.read("quickstart.ipynb", as_version=4)
nbclient.NotebookClient(nb, timeout=600, kernel_name="python3").execute()
print("quickstart.ipynb: executed", len(nb.cells), "cells")')
"$PY" examples/python/quickstart.py > /dev/null

if [ "$QUICK" = 0 ]; then
  step "AddressSanitizer + UndefinedBehaviorSanitizer"
  # MPI off here: Open MPI's own allocations would trip LeakSanitizer (release build runs them).
  # -O1 -g1 (line tables: reports still name file and line) instead of RelWithDebInfo's -O2 -g:
  # compiling under the sanitizers took 1.7-2.3x as long at -O2 -g (web_graph.cpp 40 s -> 23 s,
  # test_hits.cpp 67 s -> 29 s), and this stage's build was the longest of a cold CI run.
  cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINKEQUITY_SANITIZE=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DLINKEQUITY_BUILD_EXAMPLES=OFF -DLINKEQUITY_BUILD_BENCHMARKS=OFF -DLINKEQUITY_BUILD_MPI=OFF
  if grep -rq -- -fsanitize build/asan/CMakeFiles/Export; then
    echo "error: sanitizer flags leak into the exported linkequity targets" >&2; exit 1
  fi
  cmake --build build/asan -j "$JOBS"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build/asan --output-on-failure -j "$JOBS"

  step "without OpenMP, -Werror (every target: library, CLI, tests, examples, benchmarks)"
  cmake -S . -B build/serial -G Ninja -DCMAKE_BUILD_TYPE=Release -DLINKEQUITY_USE_OPENMP=OFF \
    -DLINKEQUITY_WERROR=ON -DLINKEQUITY_BUILD_EXAMPLES=ON -DLINKEQUITY_BUILD_BENCHMARKS=ON
  cmake --build build/serial -j "$JOBS"
  ctest --test-dir build/serial --output-on-failure -j "$JOBS"
fi
step "all tests passed"
printf '%s\n' "${TIMES[@]}"
printf '%5d s  total\n' "$SECONDS"
