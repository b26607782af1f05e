#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""linkequity.pagerank against its Python peers on one Kronecker graph (not a test).

    python benchmarks/bench_peers.py [--scale 20] [--edge-factor 16] [--tolerance 1e-9]
                                     [--skip networkx,igraph,networkit]

One process, one graph (linkequity.generate.kronecker, Graph500 parameters, duplicates
merged, self-loops dropped: every library sees the same simple directed graph). Same damping,
uniform teleport, dangling mass spread uniformly (networkx's and linkequity's default without
personalisation; networkit with DistributeSinks; igraph's PRPACK does this itself).
Stopping rules differ, so each is asked for the same L1 rule where it can be:
  linkequity  ‖x'−x‖₁ < tol              networkx  ‖x'−x‖₁ < N·tol' with tol' = tol/N
  networkit   tol in its L1 norm mode     igraph    PRPACK's own (fixed, ~1e-10)
Reported per library: the PageRank call's wall time (conversion of the graph into the
library's structure timed separately), the ratio to linkequity, and the L1 distance to a
reference solution (linkequity at tolerance 1e-14). Also the binding overhead: wall time
of linkequity.pagerank minus the C++ kernel's own time (result.seconds).
Also a plain scipy.sparse power iteration, and graph-tool when importable (it is not on PyPI).
Each row also gives the top-100 overlap with the reference ranking.
Needs: pip install networkx scipy igraph networkit (any missing one is skipped).
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import time

import numpy as np

# Several OpenMP runtimes share this process (linkequity's libgomp, igraph's and networkit's
# copies). With active waiting, one runtime's idle threads spin on the 2 cores the next library
# needs (igraph ran 60x slower at scale 12). Passive waiting is set for every library alike.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import linkequity  # noqa: E402  (after the OpenMP environment)


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0


def normalised(x):
    x = np.asarray(x, dtype=np.float64)
    return x / x.sum()


def top_overlap(x, ref, k=100):
    """Share of the reference's top-k nodes that are also in x's top-k."""
    a = set(np.argpartition(-np.asarray(x), k)[:k].tolist())
    b = set(np.argpartition(-np.asarray(ref), k)[:k].tolist())
    return len(a & b) / k


def scipy_power(A, alpha, tol, max_iter=1000):
    """Plain power iteration with scipy.sparse, docs/scores.md's equation (uniform v and u),
    stopping at ||x' - x||_1 < tol: the baseline a notebook user would write."""
    import scipy.sparse as sp
    n = A.shape[0]
    out = np.asarray(A.sum(axis=1)).ravel()
    dangling = out == 0
    inv = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    P = sp.diags(inv) @ A
    PT = P.T.tocsr()
    x = np.full(n, 1.0 / n)
    for it in range(1, max_iter + 1):
        y = alpha * (PT @ x) + (alpha * x[dangling].sum() + 1 - alpha) / n
        err = np.abs(y - x).sum()
        x = y
        if err < tol:
            return x, it
    return x, max_iter


class Run:
    """What every peer gets: the graph, its edge arrays, the options and the reference scores."""

    def __init__(self, g, alpha, tol, ref):
        self.g, self.alpha, self.tol, self.ref = g, alpha, tol, ref
        self.n = g.num_nodes
        self.src, self.dst = g.edges()

    def row(self, name, seconds, iters, x, note=""):
        """A table row: time, iterations, L1 to the reference and top-100 overlap of x."""
        return (name, seconds, iters, float(np.abs(normalised(x) - self.ref).sum()),
                top_overlap(x, self.ref), note)


def peer_networkx(run):
    """networkx (scipy backend: nx.pagerank builds a scipy CSR matrix internally)."""
    import networkx as nx
    import scipy

    A = run.g.to_scipy()
    G, t_conv = timed(nx.from_scipy_sparse_array, A, create_using=nx.DiGraph)
    del A
    pr, t = timed(nx.pagerank, G, alpha=run.alpha, tol=run.tol / run.n, max_iter=1000,
                  weight=None)
    x = np.fromiter((pr[i] for i in range(run.n)), dtype=np.float64, count=run.n)
    return run.row(f"networkx {nx.__version__} (scipy {scipy.__version__})", t, None, x,
                   f"convert {t_conv:.1f} s")


def peer_igraph(run):
    """igraph's PRPACK solver."""
    import igraph as ig

    G, t_conv = timed(ig.Graph, n=run.n,
                      edges=np.column_stack([run.src, run.dst]).astype(np.int64), directed=True)
    x, t = timed(G.pagerank, damping=run.alpha, directed=True, implementation="prpack")
    return run.row(f"igraph {ig.__version__} (PRPACK)", t, None, x, f"convert {t_conv:.1f} s")


def peer_networkit(run):
    """networkit's parallel PageRank, sinks distributed, L1 norm."""
    import networkit as nk

    def to_nk():
        G = nk.Graph(run.n, weighted=False, directed=True)
        G.addEdges((run.src.astype(np.uint64), run.dst.astype(np.uint64)))
        return G

    G, t_conv = timed(to_nk)
    pr = nk.centrality.PageRank(G, damp=run.alpha, tol=run.tol,
                                distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
    try:
        pr.norm = nk.centrality.Norm.L1_NORM
    except AttributeError:
        pass
    _, t = timed(pr.run)
    iters = pr.numberOfIterations() if hasattr(pr, "numberOfIterations") else None
    return run.row(f"networkit {nk.__version__}", t, iters, np.asarray(pr.scores()),
                   f"convert {t_conv:.1f} s, {nk.getMaxNumberOfThreads()} threads")


def peer_scipy(run):
    """The hand-written scipy.sparse power iteration."""
    import scipy

    A = run.g.to_scipy().astype(np.float64)
    (x, iters), t = timed(scipy_power, A, run.alpha, run.tol)
    return run.row(f"scipy {scipy.__version__} power iteration", t, iters, x)


def peer_graph_tool(run):
    """graph-tool (conda / Debian's python3-graph-tool only; not on PyPI)."""
    import graph_tool.all as gt

    def to_gt():
        G = gt.Graph(directed=True)
        G.add_vertex(run.n)
        G.add_edge_list(np.column_stack([run.src, run.dst]))
        return G

    G, t_conv = timed(to_gt)
    x, t = timed(gt.pagerank, G, damping=run.alpha, epsilon=run.tol)
    return run.row(f"graph-tool {gt.__version__.split()[0]}", t, None, np.asarray(x.a),
                   f"convert {t_conv:.1f} s")


PEERS = [("networkx", peer_networkx), ("igraph", peer_igraph), ("networkit", peer_networkit),
         ("scipy", peer_scipy), ("graph-tool", peer_graph_tool)]


def time_linkequity(g, alpha, tol, trials, ref):
    """Best of `trials` linkequity.pagerank runs, as a table row, with the binding overhead."""
    best = None
    for _ in range(trials):
        r, wall = timed(linkequity.pagerank, g, damping=alpha, tolerance=tol, max_iterations=1000)
        if best is None or wall < best[1]:
            best = (r, wall)
    r, t_le = best
    overhead = t_le - r.seconds
    print(f"linkequity: wall {t_le:.4f} s, kernel {r.seconds:.4f} s, binding overhead "
          f"{overhead * 1e3:.2f} ms ({100 * overhead / t_le:.2f} %), {r.iterations} iterations")
    return ("linkequity", t_le, r.iterations, float(np.abs(r.scores - ref).sum()),
            top_overlap(r.scores, ref), "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=20)
    ap.add_argument("--edge-factor", type=float, default=16)
    ap.add_argument("--seed", type=int, default=27491095)
    ap.add_argument("--damping", type=float, default=0.85)
    ap.add_argument("--tolerance", type=float, default=1e-9)
    ap.add_argument("--trials", type=int, default=3, help="linkequity trials (best is reported)")
    ap.add_argument("--skip", default="", help="comma-separated peers to skip")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    tol, alpha = args.tolerance, args.damping

    print(f"machine: {platform.machine()}, {os.cpu_count()} cpus, python {platform.python_version()}, "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '(unset)')}, "
          f"OMP_WAIT_POLICY={os.environ['OMP_WAIT_POLICY']}")
    print(f"linkequity {linkequity.__version__}")
    g, t_build = timed(linkequity.generate.kronecker, args.scale, args.edge_factor, args.seed)
    print(f"graph: kronecker scale {args.scale}, edge factor {args.edge_factor}: "
          f"n={g.num_nodes} m={g.num_edges} (generate+build {t_build:.2f} s); damping {alpha}, "
          f"tolerance {tol}")

    ref = linkequity.pagerank(g, damping=alpha, tolerance=1e-14, max_iterations=2000).scores.copy()
    rows = [time_linkequity(g, alpha, tol, args.trials, ref)]
    t_le = rows[0][1]
    run = Run(g, alpha, tol, ref)
    for name, peer in PEERS:
        if name in skip:
            continue
        try:
            rows.append(peer(run))
        except ImportError as e:
            print(f"{name}: skipped ({e})")
        gc.collect()

    print()
    print(f"{'library':<36} {'pagerank s':>11} {'ratio':>8} {'iters':>6} {'L1 to ref':>11} "
          f"{'top-100':>8}  notes")
    for name, t, iters, err, overlap, note in rows:
        print(f"{name:<36} {t:>11.4f} {t / t_le:>8.1f} {iters if iters is not None else '-':>6} "
              f"{err:>11.2e} {overlap:>8.0%}  {note}")


if __name__ == "__main__":
    main()
