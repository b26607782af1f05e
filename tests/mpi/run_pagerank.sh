#!/bin/sh
# SPDX-License-Identifier: MIT
# One ctest case of linkequity-mpi (tests/mpi/CMakeLists.txt): partitions a graph into NP parts,
# runs `mpirun -np NP linkequity-mpi pagerank` and single-process `linkequity pagerank` on it with
# the same options, and requires the same scores bit for bit: the two --scores files (17
# significant digits, which round-trip a double) byte for byte; the L1 distance is printed too.
# Usage: run_pagerank.sh LINKEQUITY LINKEQUITY_MPI MPIEXEC NP WORKDIR "GRAPH ARGS" [PAGERANK OPTIONS]
set -eu
le=$1 lempi=$2 mpiexec=$3 np=$4 work=$5 graph=$6
shift 6
rm -rf "$work" && mkdir -p "$work"
if [ "$graph" = weighted ]; then
  # 300 nodes, two weighted links from most nodes, every 17th node dangling.
  awk 'BEGIN { for (i = 0; i < 300; i++) { if (i % 17 == 0) continue
    print i, (i * 7 + 3) % 300, i % 5 + 1; print i, (i * 13 + 1) % 300, 0.5 } }' > "$work/g.wel"
  graph="--edges $work/g.wel"
fi
# shellcheck disable=SC2086  # GRAPH ARGS are several words on purpose
"$le" snapshot $graph --partitions "$np" --out "$work/parts" > "$work/partition.txt"
case "$graph" in
  --edges*) single_input=${graph#--edges } ;;
  *) "$le" snapshot $graph --out "$work/graph.lqs" > /dev/null
     single_input="--snapshot $work/graph.lqs" ;;
esac
# shellcheck disable=SC2086
"$le" pagerank $single_input --scores "$work/single.csv" "$@" > "$work/single.txt"
"$mpiexec" --oversubscribe -np "$np" "$lempi" pagerank --snapshot "$work/parts" \
  --scores "$work/mpi.csv" "$@" > "$work/mpi.txt"
cat "$work/mpi.txt"
paste -d, "$work/single.csv" "$work/mpi.csv" | awk -F, -v np="$np" '
  NR == 1 { next }
  $1 != $3 { print "node mismatch at line " NR ": " $1 " vs " $3; bad = 1 }
  { d = $2 - $4; if (d < 0) d = -d; l1 += d; sum += $4 }
  END {
    printf "P=%d: %d nodes, L1(single, mpi) = %.3e, sum of mpi scores = %.15f\n", np, NR - 1, l1, sum
    if (bad || NR < 2 || l1 >= 1e-12 || sum < 1 - 1e-9 || sum > 1 + 1e-9) exit 1
  }'
[ "$(wc -l < "$work/single.csv")" -eq "$(wc -l < "$work/mpi.csv")" ]
cmp "$work/single.csv" "$work/mpi.csv"
echo "scores files identical"
