#!/bin/sh
# SPDX-License-Identifier: MIT
# Failure cases of `linkequity-mpi snapshot` (tests/mpi/CMakeLists.txt): a bad id in rank 1's
# share, a bad weight in rank 2's (after comments and CR LF ends), a bad Matrix Market entry
# (read whole), a missing file, an output directory that cannot be made. Every rank must exit
# with the same non-zero code — no hang (ctest's TIMEOUT) — and a bad line's message must be the
# one single-process `linkequity snapshot --edges` prints: same file, global line, column, value.
# Usage: run_ingest_failures.sh LINKEQUITY LINKEQUITY_MPI MPIEXEC WORKDIR
set -u
le=$1 lempi=$2 mpiexec=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
cd "$work"
failed=0
awk 'BEGIN { for (i = 1; i <= 200; i++) print (i == 190 ? "17 x9" : i % 13 " " i % 17) }' > bad_id.el
awk 'BEGIN { for (i = 1; i <= 150; i++) { if (i % 10 == 0) printf "# comment\r\n"
  printf "%d %d %s\r\n", i % 7, i % 11, (i == 140 ? "-3" : "1.5") } }' > bad_weight.wel
printf '%%%%MatrixMarket matrix coordinate pattern general\n3 3 2\n1 2\n4 1\n' > bad.mtx
# expect NAME NP EXIT_CODE PATTERN... -- ARGS: linkequity-mpi ARGS on NP ranks fails with
# EXIT_CODE and stderr has every PATTERN.
expect() {
  name=$1 np=$2 code=$3
  shift 3
  patterns=""
  while [ "$1" != "--" ]; do patterns="$patterns
$1"; shift; done
  shift
  "$mpiexec" --oversubscribe -np "$np" "$lempi" snapshot "$@" > "$name.out" 2> "$name.err"
  got=$?
  echo "$name: exit $got"; grep "linkequity-mpi" "$name.err"
  [ "$got" -eq "$code" ] || { echo "FAIL $name: exit code $got, expected $code"; failed=1; }
  echo "$patterns" | while IFS= read -r p; do
    [ -z "$p" ] && continue
    grep -qF -- "$p" "$name.err" || { echo "FAIL $name: stderr lacks '$p'"; exit 1; }
  done || failed=1
}
# The single process's message for FILE (after "linkequity: error: ").
single() {
  "$le" snapshot --edges "$1" --partitions 2 --out "single_$1" 2>&1 >/dev/null |
    sed -n 's/^linkequity: error: //p'
}
msg=$(single bad_id.el)
echo "single: $msg"
case "$msg" in *"bad_id.el:190:4"*"'x9'"*) ;; *) echo "FAIL: unexpected single message"; failed=1 ;; esac
expect bad_id 2 1 "rank 1: error: $msg" -- bad_id.el --out d_bad_id
if grep -q "rank 0: error" bad_id.err; then echo "FAIL bad_id: rank 0 reported rank 1's line"; failed=1; fi
msg=$(single bad_weight.wel)
echo "single: $msg"
case "$msg" in *"bad_weight.wel:154:"*"'-3'"*) ;; *) echo "FAIL: unexpected single message"; failed=1 ;; esac
expect bad_weight 3 1 "rank 2: error: $msg" -- bad_weight.wel --out d_bad_weight
expect bad_weight4 4 1 "rank 3: error: $msg" -- bad_weight.wel --out d_bad_weight4
msg=$(single bad.mtx)
expect bad_mtx 2 1 "rank 0: error: $msg" "rank 1: error: $msg" -- bad.mtx --out d_bad_mtx
expect missing 2 3 "rank 0: error" "rank 1: error" "nowhere.el" -- nowhere.el --out d_missing
touch a_file && printf "0 1\n1 2\n" > good.el
expect outdir 2 3 "rank 0: error" "a_file/sub" -- good.el --out a_file/sub
exit $failed
