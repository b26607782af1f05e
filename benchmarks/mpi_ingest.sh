#!/bin/sh
# SPDX-License-Identifier: MIT
# `linkequity-mpi snapshot` against `linkequity snapshot --edges --partitions 2` on one machine
# (benchmarks/README.md, "Writing the parts on the ranks"): a Kronecker edge list (edge factor
# 16, directed, linkequity.generate's default seed) is written as text once, then each run is
# timed (wall seconds and peak RSS from /usr/bin/time) and the 2-rank directory compared with
# the single process's, file by file.
# Usage: PYTHON=python-with-linkequity benchmarks/mpi_ingest.sh BUILD_DIR WORK_DIR SCALE [TRIALS]
set -eu
build=$1 work=$2 scale=$3 trials=${4:-3}
le=$build/src/cli/linkequity
lempi=$build/src/mpi/linkequity-mpi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
mkdir -p "$work"
el=$work/k$scale.el
if [ ! -s "$el" ]; then
  "${PYTHON:-python3}" - "$scale" "$el" <<'PY'
import sys
import numpy as np
import linkequity.generate as g
scale, path = int(sys.argv[1]), sys.argv[2]
n, src, dst = g.kronecker_edges(scale)
with open(path, "w") as f:
    f.write(f"# kronecker scale {scale}, edge factor 16, {n} nodes\n")
    for i in range(0, len(src), 1 << 20):
        np.savetxt(f, np.stack([src[i:i + (1 << 20)], dst[i:i + (1 << 20)]], axis=1), fmt="%d")
PY
fi
echo "input $el: $(wc -c < "$el") bytes, $(wc -l < "$el") lines; load: $(cut -d' ' -f1-3 /proc/loadavg)"
t="/usr/bin/time -f %e_s_%M_KB"
for i in $(seq "$trials"); do
  for threads in 2 1; do
    rm -rf "$work/single"
    printf 'single, %s thread(s): ' "$threads"
    OMP_NUM_THREADS=$threads $t "$le" snapshot --edges "$el" --partitions 2 --out "$work/single" 2>&1 >/dev/null
  done
  for np in 1 2; do
    rm -rf "$work/mpi$np"
    printf 'mpirun -np %s: ' "$np"
    mpiexec --oversubscribe -np "$np" $t "$lempi" snapshot "$el" --out "$work/mpi$np" 2>&1 >/dev/null | tr '\n' ' '
    echo
  done
  for f in "$work/single"/*; do cmp "$f" "$work/mpi2/$(basename "$f")"; done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
