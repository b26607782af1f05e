#!/bin/sh
# SPDX-License-Identifier: MIT
# One ctest case of `linkequity-mpi score` (tests/mpi/CMakeLists.txt): a synthetic web,
# partitioned with `snapshot --web --partitions NP`, scored by `linkequity score --snapshot
# DIR/web.lqs --hosts` and by `mpirun -np NP linkequity-mpi score --snapshot DIR --hosts`: the
# pages, domains and hosts files must be byte for byte the same. OPTIONS go to both scores.
# Usage: run_score.sh LINKEQUITY LINKEQUITY_MPI MPIEXEC NP WORKDIR [OPTIONS]
set -eu
le=$1 lempi=$2 mpiexec=$3 np=$4 work=$5
shift 5
rm -rf "$work" && mkdir -p "$work"
"$le" generate --domains 5000 --links 200000 --seed 3 --out "$work/web.csv" > /dev/null
"$le" snapshot --web "$work/web.csv" --partitions "$np" --out "$work/parts" > /dev/null
"$le" score --snapshot "$work/parts/web.lqs" --hosts --out "$work/single" "$@" > /dev/null
"$mpiexec" --oversubscribe -np "$np" "$lempi" score --snapshot "$work/parts" --hosts \
  --out "$work/mpi" "$@"
for f in pages.csv domains.csv hosts.csv; do
  cmp "$work/single/$f" "$work/mpi/$f"
  echo "$f: identical ($(wc -l < "$work/mpi/$f") lines)"
done
