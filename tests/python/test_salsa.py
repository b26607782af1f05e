# SPDX-License-Identifier: MIT
"""linkequity.salsa (personalised SALSA) against two independent oracles: networkx.pagerank on
the doubled hub/authority graph built here, and a numpy iteration of the alternating
forward/backward walk written from docs/trust.md's equations; labels and dicts, errors, views,
threads."""
import os
import subprocess
import sys
import tempfile

import networkx as nx
import numpy as np
import pytest

import linkequity
from linkequity import Graph, salsa

TOL = 1e-13


def random_graph(rng, i):
    """A random networkx DiGraph (merged duplicates, self-loops dropped; float32-exact weights
    for odd i) and the same linkequity Graph."""
    n = int(rng.integers(2, 61))
    m = int(rng.integers(0, 4 * n + 1))
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    w = rng.integers(1, 64, m) / 8.0 if i % 2 else None
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for k in range(m):
        s, t = int(src[k]), int(dst[k])
        if s == t:
            continue
        add = 1.0 if w is None else w[k]
        if G.has_edge(s, t):
            G[s][t]["weight"] += 0.0 if w is None else add
        else:
            G.add_edge(s, t, weight=add)
    return G, Graph.from_edges(src, dst, num_nodes=n, weights=w)


def seeds_of(rng, n, weighted):
    nodes = sorted(set(rng.integers(0, n, 1 + n // 5).tolist()))
    return {v: float(rng.integers(1, 5)) for v in nodes} if weighted else nodes


def seed_vector(seeds, n):
    w = seeds if isinstance(seeds, dict) else {v: 1.0 for v in seeds}
    v = np.zeros(n)
    for node, x in w.items():
        v[node] = x
    return v / v.sum()


def doubled_networkx(G, n):
    """Hub copies 0..n-1, authority copies n..2n-1: j -> n+k and n+k -> j per edge j -> k."""
    D = nx.DiGraph()
    D.add_nodes_from(range(2 * n))
    for j, k, d in G.edges(data=True):
        D.add_edge(j, n + k, weight=d["weight"])
        D.add_edge(n + k, j, weight=d["weight"])
    return D


def alternating_walk(G, n, v, gamma, alpha):
    """h and a by iterating docs/trust.md's equations directly (dense numpy)."""
    W = np.zeros((n, n))
    for j, k, d in G.edges(data=True):
        W[j, k] = d["weight"]
    out, into = W.sum(axis=1), W.sum(axis=0)
    fwd = np.divide(W, out[:, None], out=np.zeros_like(W), where=out[:, None] > 0)
    back = np.divide(W, into[None, :], out=np.zeros_like(W), where=into[None, :] > 0)
    h, a = gamma * v, (1 - gamma) * v
    for _ in range(20000):
        stuck = h[out == 0].sum() + a[into == 0].sum()
        restart = 1 - alpha + alpha * stuck
        a2 = alpha * (fwd.T @ h) + restart * (1 - gamma) * v
        h2 = alpha * (back @ a) + restart * gamma * v
        change = np.abs(h2 - h).sum() + np.abs(a2 - a).sum()
        h, a = h2, a2
        if change < 1e-15:
            break
    return h, a


@pytest.mark.parametrize("i", range(30))
def test_salsa_is_pagerank_of_the_doubled_graph(i):
    rng = np.random.default_rng(7100 + i)
    G, g = random_graph(rng, i)
    n = G.number_of_nodes()
    seeds = seeds_of(rng, n, weighted=i % 3 == 0)
    v = seed_vector(seeds, n)
    gamma = [0.5, 1.0, 0.0, 0.25][i % 4]
    damping = [0.85, 0.5, 0.95][i % 3]
    r = salsa(g, seeds, damping=damping, hub_share=gamma, tolerance=TOL, max_iterations=20000)
    assert r.converged
    assert r.hubs.sum() + r.authorities.sum() == pytest.approx(1.0, abs=1e-12)
    u = np.concatenate([gamma * v, (1 - gamma) * v])
    u_dict = {x: float(u[x]) for x in range(2 * n)}
    want = nx.pagerank(doubled_networkx(G, n), alpha=damping, personalization=u_dict,
                       dangling=u_dict, weight="weight", tol=TOL / (2 * n) / 10, max_iter=20000)
    got = np.concatenate([r.hubs, r.authorities])
    assert np.abs(got - np.array([want[x] for x in range(2 * n)])).sum() < 1e-9
    h, a = alternating_walk(G, n, v, gamma, damping)
    assert np.abs(r.hubs - h).sum() + np.abs(r.authorities - a).sum() < 1e-9


def test_co_linkers_of_the_seed_rank_first():
    # Seed 0 links to 5; 1 links to 5 and 6; 3 links to 6; 2 links to 7 only.
    g = Graph.from_edges(np.array([0, 1, 1, 2, 3], np.uint32),
                         np.array([5, 5, 6, 7, 6], np.uint32), num_nodes=8)
    r = salsa(g, [0], tolerance=1e-14)
    assert r.hubs[1] > r.hubs[3] > 0 == r.hubs[2]
    assert r.authorities[5] > r.authorities[6] > 0 == r.authorities[7]


def test_labels_dicts_and_evaporate():
    G = nx.DiGraph([("a", "m"), ("b", "m"), ("b", "x"), ("c", "x")])
    g = Graph.from_networkx(G)
    by_label = salsa(g, ["a"], tolerance=1e-14)
    by_dict = salsa(g, {"a": 2.0}, tolerance=1e-14)
    assert np.array_equal(by_label.hubs, by_dict.hubs)
    assert by_label.hubs[g.node_id("b")] > 0 == by_label.hubs[g.node_id("m")]
    weighted = salsa(g, {"a": 3.0, "c": 1.0}, tolerance=1e-14)
    assert weighted.hubs[g.node_id("a")] > weighted.hubs[g.node_id("c")]
    assert salsa(g, ["a"], evaporate=True).converged


def test_errors_name_the_problem():
    g = Graph.from_edges(np.array([0, 1], np.uint32), np.array([1, 2], np.uint32))
    with pytest.raises(ValueError, match="no seeds"):
        salsa(g, [])
    with pytest.raises(IndexError):
        salsa(g, [9])
    with pytest.raises(ValueError, match="listed twice"):
        salsa(g, [1, 1])
    with pytest.raises(ValueError, match=r"salsa: hub_share must be in \[0, 1\], got 1.5"):
        salsa(g, [0], hub_share=1.5)
    with pytest.raises(TypeError, match="personalization"):
        salsa(g, [0], personalization=[1, 1, 1])
    with pytest.raises(TypeError, match="start"):
        salsa(g, [0], start=[1, 1, 1])
    with pytest.raises(TypeError):
        salsa(g, "0")
    lean = Graph.from_edges(np.array([0, 1], np.uint32), np.array([1, 2], np.uint32), lean=True)
    with pytest.raises(ValueError, match="salsa: the graph is lean"):
        salsa(lean, [0])


def test_result_views_and_repr():
    g = linkequity.generate.kronecker(scale=10, seed=3)
    r = salsa(g, [0, 7, 99], tolerance=1e-12)
    assert "SalsaResult(n=" in repr(r) and len(r) == g.num_nodes == len(r.authorities)
    assert r.converged and r.iterations == len(r.history)
    assert r["iterations"] == r.iterations
    with pytest.raises(ValueError):
        r.hubs[0] = 1.0  # read-only view


def test_one_and_two_threads_identical():
    code = ("import sys, numpy as np, linkequity as le\n"
            "rng = np.random.default_rng(3)\n"
            "src, dst = rng.integers(0, 20000, 200000), rng.integers(0, 20000, 200000)\n"
            "g = le.Graph.from_edges(src, dst, num_nodes=20000)\n"
            "r = le.salsa(g, [1, 2, 3], tolerance=1e-12)\n"
            "np.save(sys.argv[1], np.concatenate([r.hubs, r.authorities]))\n")
    out = []
    with tempfile.TemporaryDirectory() as d:
        for threads in ("1", "2"):
            path = os.path.join(d, f"t{threads}.npy")
            subprocess.run([sys.executable, "-c", code, path], check=True, cwd=d,
                           env={**os.environ, "OMP_NUM_THREADS": threads})
            out.append(np.load(path))
    assert np.array_equal(out[0], out[1])
