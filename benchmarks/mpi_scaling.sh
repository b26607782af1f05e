#!/bin/sh
# SPDX-License-Identifier: MIT
# Strong scaling of linkequity-mpi on one machine (benchmarks/README.md, "Distributed PageRank"):
# for each Kronecker SCALE, a lean graph (edge factor 16, directed) is written as one snapshot and
# as 1- and 2-part partitioned graphs; then 20 PageRank iterations single-process (1 and 2
# threads) and under mpirun with 1 and 2 ranks of 1 thread each. Prints the lines with the
# timings, the ghost counts and the bytes each rank sends per iteration.
# Usage: benchmarks/mpi_scaling.sh BUILD_DIR WORK_DIR SCALE...   (as root: exports Open MPI's
# allow-run-as-root variables)
set -eu
build=$1 work=$2
shift 2
le=$build/src/cli/linkequity
lempi=$build/src/mpi/linkequity-mpi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
iters="--max-iterations 20 --tolerance 1e-300"
mkdir -p "$work"
for s in "$@"; do
  echo "=== scale $s"
  "$le" snapshot --scale "$s" --lean --out "$work/k$s.lqs" | grep -E "graph|save"
  for p in 1 2; do
    "$le" snapshot --graph "$work/k$s.lqs" --partitions "$p" --out "$work/k$s-p$p" | grep partitions
  done
  for t in 1 2; do
    echo "--- single process, $t thread(s)"
    # shellcheck disable=SC2086
    "$le" pagerank --snapshot "$work/k$s.lqs" --threads "$t" --node-order as_built $iters --top 0 \
      2>/dev/null | grep -E "^pagerank"
  done
  for p in 1 2; do
    echo "--- mpirun -np $p, 1 thread per rank"
    # shellcheck disable=SC2086
    OMP_NUM_THREADS=1 mpirun --oversubscribe -np "$p" "$lempi" pagerank --snapshot "$work/k$s-p$p" \
      $iters --top 0 2>/dev/null | grep -E "^(ranks|pagerank|comm)"
  done
  rm -rf "$work/k$s.lqs" "$work/k$s-p1" "$work/k$s-p2"
done
