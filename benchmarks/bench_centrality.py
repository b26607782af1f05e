# SPDX-License-Identifier: MIT
# HITS and harmonic centrality timings: linkequity's exact harmonic (bit-parallel BFS) vs
# HyperBall at a few sizes, and linkequity vs networkx and igraph on a small graph (with the
# largest differences of their results). Prints a Markdown table. Usage:
#   python benchmarks/bench_centrality.py [--scales 14 16] [--peer-scale 11] [--trials 3]
import argparse
import time

import numpy as np

import linkequity as le


def best(f, trials):
    times, out = [], None
    for _ in range(trials):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def sizes(scales, trials):
    print("| graph | nodes | edges | exact | HyperBall b=6 | b=8 | RMS rel. error of H+1 (b=6, b=8) |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for s in scales:
        g = le.generate.kronecker(s, edge_factor=16, seed=1)
        te, exact = best(lambda: le.harmonic_centrality(g, exact=True), trials)
        row = []
        for b in (6, 8):
            t, est = best(lambda: le.harmonic_centrality(g, exact=False, registers_log2=b), trials)
            row.append((t, np.sqrt((((est - exact) / (exact + 1)) ** 2).mean())))
        print(f"| Kronecker {s} | {g.num_nodes:,} | {g.num_edges:,} | {te:.2f} s | "
              f"{row[0][0]:.2f} s | {row[1][0]:.2f} s | {row[0][1]:.3f}, {row[1][1]:.3f} |")


def peers(scale, trials):
    import networkx as nx
    g = le.generate.kronecker(scale, edge_factor=8, seed=2)
    G = g.to_networkx(multigraph=False)
    n = g.num_nodes
    print(f"\nKronecker scale {scale}, edge factor 8: {n:,} nodes, {g.num_edges:,} edges\n")
    print("| library | harmonic (exact) | HITS |")
    print("|---|---:|---:|")
    th, H = best(lambda: le.harmonic_centrality(g, exact=True), trials)
    tk, (hub, auth) = best(lambda: le.hits(g, tolerance=1e-10), trials)
    print(f"| linkequity | {th:.3f} s | {tk:.3f} s |")
    tnh, nH = best(lambda: nx.harmonic_centrality(G), 1)
    tnk, (nh, na) = best(lambda: nx.hits(G, max_iter=10000, tol=1e-12), 1)
    dh = np.abs(H - [nH[v] for v in range(n)]).max()
    da = np.abs(auth - [na[v] for v in range(n)]).sum()
    print(f"| networkx {nx.__version__} | {tnh:.3f} s (max diff {dh:.1e}) | {tnk:.3f} s "
          f"(L1 diff of authorities {da:.1e}) |")
    try:
        import igraph as ig
    except ImportError:
        return
    I = ig.Graph(n=n, edges=list(G.edges()), directed=True)
    tih, iH = best(lambda: I.harmonic_centrality(mode="in", normalized=False), trials)
    tia, ia = best(lambda: I.authority_score(scale=False), trials)
    ia = np.array(ia) / np.sum(ia)
    print(f"| igraph {ig.__version__} | {tih:.3f} s (max diff {np.abs(H - iH).max():.1e}) | "
          f"{tia:.3f} s authorities only (L1 diff {np.abs(auth - ia).sum():.1e}) |")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--scales", type=int, nargs="*", default=[14, 16])
    p.add_argument("--peer-scale", type=int, default=11)
    p.add_argument("--trials", type=int, default=3)
    a = p.parse_args()
    sizes(a.scales, a.trials)
    peers(a.peer_scale, a.trials)


if __name__ == "__main__":
    main()
