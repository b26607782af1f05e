#!/bin/sh
# SPDX-License-Identifier: MIT
# Failure cases of linkequity-mpi (tests/mpi/CMakeLists.txt): a rank count that does not match
# the manifest, a missing part, a part of another partitioning, a corrupted part. Each must end
# every rank with a clear message from the rank(s) concerned and a non-zero exit code — no hang
# (ctest's TIMEOUT would catch one).
# Usage: run_failures.sh LINKEQUITY LINKEQUITY_MPI MPIEXEC WORKDIR
set -u
le=$1 lempi=$2 mpiexec=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
"$le" snapshot --scale 8 --partitions 2 --out "$work/a" > /dev/null || exit 1
"$le" snapshot --scale 8 --seed 5 --partitions 2 --out "$work/b" > /dev/null || exit 1
failed=0
# expect NAME EXIT_CODE PATTERN... -- MPIRUN ARGS: the run fails with EXIT_CODE, and stderr has
# every PATTERN.
expect() {
  name=$1 code=$2
  shift 2
  patterns=""
  while [ "$1" != "--" ]; do patterns="$patterns
$1"; shift; done
  shift
  "$mpiexec" --oversubscribe "$@" > "$work/$name.out" 2> "$work/$name.err"
  got=$?
  echo "$name: exit $got"; grep "linkequity-mpi" "$work/$name.err"
  [ "$got" -eq "$code" ] || { echo "FAIL $name: exit code $got, expected $code"; failed=1; }
  echo "$patterns" | while IFS= read -r p; do
    [ -z "$p" ] && continue
    grep -qF -- "$p" "$work/$name.err" || { echo "FAIL $name: stderr lacks '$p'"; exit 1; }
  done || failed=1
}
expect ranks 2 "rank 0: error" "rank 1: error" "rank 2: error" "has 2 parts, but 3 ranks run" -- \
  -np 3 "$lempi" pagerank --snapshot "$work/a"
cp -r "$work/a" "$work/missing" && rm "$work/missing/part-00001-of-00002.lqs"
expect missing 3 "rank 1: error" "part-00001-of-00002.lqs" -- \
  -np 2 "$lempi" pagerank --snapshot "$work/missing"
cp -r "$work/a" "$work/foreign" && cp "$work/b/part-00000-of-00002.lqs" "$work/foreign/"
expect foreign 1 "rank 0: error" "from another partitioning" -- \
  -np 2 "$lempi" pagerank --snapshot "$work/foreign"
cp -r "$work/a" "$work/corrupt"
f="$work/corrupt/part-00001-of-00002.lqs"
size=$(wc -c < "$f")
printf 'X' | dd of="$f" bs=1 seek=$((size - 5)) conv=notrunc 2> /dev/null
expect corrupt 1 "rank 1: error" "checksum" -- -np 2 "$lempi" pagerank --snapshot "$work/corrupt"
expect blockgs 2 "rank 0: error" "rank 1: error" "solver = block_gauss_seidel" -- \
  -np 2 "$lempi" pagerank --snapshot "$work/a" --solver block_gauss_seidel
expect cg 2 "rank 0: error" "rank 1: error" "solver = conjugate_gradient" -- \
  -np 2 "$lempi" pagerank --snapshot "$work/a" --solver conjugate_gradient
expect nomanifest 3 "rank 0: error" "rank 1: error" "manifest.lqs" -- \
  -np 2 "$lempi" pagerank --snapshot "$work/nowhere"
exit $failed
