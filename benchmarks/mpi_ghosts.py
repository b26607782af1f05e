# SPDX-License-Identifier: MIT
"""Communication volume of linkequity-mpi without running it (benchmarks/README.md,
"Distributed PageRank"): a lean Kronecker graph (edge factor 16, directed, the seed of
`linkequity snapshot --scale`) is cut by the real partitioner into P parts; for every part the
ghosts (distinct sources of its in-edges that other parts own) are counted. Each iteration a
rank receives 8 bytes per ghost and sends 8 bytes per (own node, rank reading it) pair: the
figures printed. Deterministic: they do not depend on the machine's load.

Usage: python benchmarks/mpi_ghosts.py WORKDIR SCALE [SCALE...] [--parts 2,8,32,128]
"""
import argparse
import os
import shutil

import numpy as np

import linkequity
from linkequity import _core, distributed


def volume(directory: str, parts: int) -> dict:
    """Per-rank in-edges, ghosts received and values sent for the partitioning in directory."""
    man = _core.partition_manifest(directory, "none")
    bounds = man["bounds"].astype(np.int64)
    edges, ghosts, sent = [], [], np.zeros(parts, dtype=np.int64)
    for p in range(parts):
        d = _core.open_graph_part(directory, p, "none")
        src = np.asarray(d["in_sources"], dtype=np.int64)
        g = np.unique(src[(src < d["first"]) | (src >= d["last"])])
        owner = np.searchsorted(bounds, g, side="right") - 1
        sent += np.bincount(owner, minlength=parts)
        edges.append(len(src))
        ghosts.append(len(g))
    return {"edges": np.array(edges), "ghosts": np.array(ghosts), "sent": sent}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("work")
    ap.add_argument("scales", type=int, nargs="+")
    ap.add_argument("--parts", default="2,8,32,128")
    a = ap.parse_args()
    print("| scale | nodes | edges | P | in-edges per rank (max) | ghosts per rank max / mean "
          "| ghosts / (m/P) | received per rank per iteration (max) | sent per rank per "
          "iteration (max) | total per iteration |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for s in a.scales:
        g = linkequity.generate.kronecker(s, 16, 27491095, lean=True)
        for parts in (int(x) for x in a.parts.split(",")):
            d = os.path.join(a.work, f"k{s}-p{parts}")
            distributed.save_partitions(g, d, parts)
            v = volume(d, parts)
            shutil.rmtree(d)
            m = g.num_edges
            print(f"| {s} | {g.num_nodes:,} | {m:,} | {parts} | {v['edges'].max():,} | "
                  f"{v['ghosts'].max():,} / {v['ghosts'].mean():,.0f} | "
                  f"{v['ghosts'].max() / (m / parts):.3f} | "
                  f"{8 * v['ghosts'].max() / 1e6:.1f} MB | {8 * v['sent'].max() / 1e6:.1f} MB | "
                  f"{8 * v['ghosts'].sum() / 1e6:.1f} MB |", flush=True)
        del g


if __name__ == "__main__":
    main()
