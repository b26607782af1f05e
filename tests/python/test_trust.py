# SPDX-License-Identifier: MIT
"""linkequity.trustrank / anti_trustrank / cheirank against networkx (personalised PageRank, the
reversed graph), spam_mass against a dense numpy solve, seed errors, threads, and the trust
columns of WebGraph.domain_authority / page_authority on a hand-checkable fixture."""
import os
import pathlib
import warnings

import networkx as nx
import numpy as np
import pytest

import linkequity
from linkequity import Graph, anti_trustrank, cheirank, spam_mass, trustrank

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "trust"
TOL = 1e-13


def nx_pagerank(G, **kw):
    n = max(G.number_of_nodes(), 1)
    return nx.pagerank(G, tol=TOL / n / 10, max_iter=5000, **kw)


def random_graph(rng, i):
    """A random networkx DiGraph (n <= 60, merged duplicates, self-loops dropped; weighted for
    odd i with float32-exact weights) and the same linkequity Graph."""
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
        if G.has_edge(s, t):
            G[s][t]["weight"] += 1.0 if w is None else w[k]
        else:
            G.add_edge(s, t, weight=1.0 if w is None else w[k])
    if w is None:
        for _, _, d in G.edges(data=True):
            d["weight"] = 1.0
    g = Graph.from_edges(src, dst, num_nodes=n, weights=w)
    return G, g


def seeds_of(rng, n, weighted):
    nodes = sorted(set(rng.integers(0, n, 1 + n // 5).tolist()))
    if weighted:
        return {v: float(rng.integers(1, 5)) for v in nodes}
    return nodes


def personalization(seeds, n):
    w = seeds if isinstance(seeds, dict) else {v: 1.0 for v in seeds}
    total = sum(w.values())
    return {v: w.get(v, 0.0) / total for v in range(n)}


def l1(scores, expected, n):
    return float(np.abs(scores - np.array([expected[v] for v in range(n)])).sum())


@pytest.mark.parametrize("i", range(40))
def test_trustrank_and_anti_trustrank_agree_with_networkx(i):
    rng = np.random.default_rng(5000 + i)
    G, g = random_graph(rng, i)
    n = G.number_of_nodes()
    seeds = seeds_of(rng, n, weighted=i % 3 == 0)
    v = personalization(seeds, n)
    damping = [0.85, 0.5, 0.95][i % 3]
    r = trustrank(g, seeds, damping=damping, tolerance=TOL, max_iterations=5000)
    assert r.converged
    expected = nx_pagerank(G, alpha=damping, personalization=v, dangling=v, weight="weight")
    assert l1(r.scores, expected, n) < 1e-9
    a = anti_trustrank(g, seeds, damping=damping, tolerance=TOL, max_iterations=5000)
    expected = nx_pagerank(G.reverse(), alpha=damping, personalization=v, dangling=v,
                           weight="weight")
    assert l1(a.scores, expected, n) < 1e-9


@pytest.mark.parametrize("i", range(20))
def test_cheirank_agrees_with_networkx_on_the_reversed_graph(i):
    rng = np.random.default_rng(7000 + i)
    G, g = random_graph(rng, i)
    r = cheirank(g, tolerance=TOL, max_iterations=5000)
    assert r.converged
    assert l1(r.scores, nx_pagerank(G.reverse(), weight="weight"), G.number_of_nodes()) < 1e-9


def dense_spam_mass(G, core, alpha):
    """p, p′ from numpy.linalg.solve of (I − αTᵀ) x = (1−α) b, T with dangling rows zero."""
    n = G.number_of_nodes()
    T = np.zeros((n, n))
    for s, t, d in G.edges(data=True):
        T[s, t] = d["weight"]
    out = T.sum(axis=1)
    T[out > 0] /= out[out > 0, None]
    A = np.eye(n) - alpha * T.T
    b = np.full(n, 1.0 / n)
    bc = np.zeros(n)
    bc[list(core)] = 1.0 / n
    return np.linalg.solve(A, (1 - alpha) * b), np.linalg.solve(A, (1 - alpha) * bc)


@pytest.mark.parametrize("i", range(30))
def test_spam_mass_matches_a_dense_solve(i):
    rng = np.random.default_rng(9000 + i)
    G, g = random_graph(rng, i)
    core = seeds_of(rng, G.number_of_nodes(), weighted=False)
    alpha = [0.85, 0.5][i % 2]
    r = spam_mass(g, core, damping=alpha, tolerance=1e-15, max_iterations=10000)
    assert r.converged
    p, q = dense_spam_mass(G, core, alpha)
    np.testing.assert_allclose(r.pagerank, p, rtol=0, atol=1e-13)
    np.testing.assert_allclose(r.core_pagerank, q, rtol=0, atol=1e-13)
    np.testing.assert_allclose(r.absolute, p - q, rtol=0, atol=1e-13)
    np.testing.assert_allclose(r.relative, 1 - q / p, rtol=0, atol=1e-10)
    assert np.all((r.relative >= 0) & (r.relative <= 1))


def test_labels_and_dicts():
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    g = Graph.from_networkx(G)
    r = trustrank(g, ["a"], tolerance=TOL)
    v = {x: float(x == "a") for x in G}
    expected = nx_pagerank(G, personalization=v, dangling=v)
    assert max(abs(s - expected[x]) for x, s in g.as_dict(r.scores).items()) < 1e-10
    w = trustrank(g, {"a": 3.0, "d": 1.0}, tolerance=TOL)
    v = {"a": 0.75, "b": 0.0, "c": 0.0, "d": 0.25}
    expected = nx_pagerank(G, personalization=v, dangling=v)
    assert max(abs(s - expected[x]) for x, s in g.as_dict(w.scores).items()) < 1e-10
    m = spam_mass(g, ["a", "b"])
    assert m.relative[g.node_id("a")] < m.relative[g.node_id("d")]
    with pytest.raises(KeyError, match="'zz' is not a node"):
        trustrank(g, ["zz"])


def test_seed_errors(small_graph):
    with pytest.raises(ValueError, match="trustrank: no seeds"):
        trustrank(small_graph, [])
    with pytest.raises(IndexError, match="out of range"):
        trustrank(small_graph, [9])
    with pytest.raises(ValueError, match="seed 1 is listed twice"):
        anti_trustrank(small_graph, [1, 1])
    with pytest.raises(ValueError, match="weight of seed 1 is -1"):
        trustrank(small_graph, {0: 1.0, 1: -1.0})
    with pytest.raises(ValueError, match="seed weights sum to 0"):
        trustrank(small_graph, {0: 0.0})
    with pytest.raises(TypeError, match="seeds must be a sequence"):
        trustrank(small_graph, "0")
    with pytest.raises(TypeError, match="unexpected option 'personalization'"):
        trustrank(small_graph, [0], personalization=[1, 1, 1, 1])
    with pytest.raises(TypeError, match="unexpected option"):
        trustrank(small_graph, [0], dampingg=0.5)
    with pytest.raises(ValueError, match="damping must be in"):
        trustrank(small_graph, [0], damping=2)
    with pytest.raises(ValueError, match="spam_mass: no seeds"):
        spam_mass(small_graph, [])
    with pytest.raises(ValueError, match="spam_mass: damping must be in"):
        spam_mass(small_graph, [0], damping=1.0)
    with pytest.raises(TypeError, match="good core is unweighted"):
        spam_mass(small_graph, {0: 1.0})
    lean = Graph.from_edges(np.array([0, 1], np.uint32), np.array([1, 2], np.uint32), lean=True)
    with pytest.raises(ValueError, match="cheirank: the graph is lean"):
        cheirank(lean)


def test_spam_mass_result_is_read_only_views():
    g = linkequity.generate.kronecker(scale=10, seed=3)
    r = spam_mass(g, [0, 7, 99], tolerance=1e-12)
    assert "SpamMassResult(" in repr(r) and len(r) == g.num_nodes
    assert r.converged and r.iterations == len(r.history)
    assert r["relative"] is not None
    with pytest.raises(ValueError):
        r.relative[0] = 1.0  # read-only view
    # p is PageRank (dangling score to v) scaled by (1 - a) / (1 - a + a D).
    pr = linkequity.pagerank(g, tolerance=1e-14, max_iterations=1000)
    scale = 0.15 / (0.15 + 0.85 * pr.dangling_mass)
    np.testing.assert_allclose(r.pagerank, scale * pr.scores, rtol=0, atol=1e-11)


def test_one_and_two_threads_identical():
    code = ("import sys, numpy as np, linkequity as le\n"
            "rng = np.random.default_rng(3)\n"
            "src, dst = rng.integers(0, 20000, 200000), rng.integers(0, 20000, 200000)\n"
            "g = le.Graph.from_edges(src, dst, num_nodes=20000)\n"
            "a = le.trustrank(g, [1, 2, 3], tolerance=1e-12).scores\n"
            "b = le.spam_mass(g, [1, 2, 3], tolerance=1e-12).relative\n"
            "c = le.cheirank(g, tolerance=1e-12).scores\n"
            "np.save(sys.argv[1], np.concatenate([a, b, c]))\n")
    import subprocess
    import sys
    import tempfile
    out = []
    with tempfile.TemporaryDirectory() as d:
        for threads in ("1", "2"):
            path = os.path.join(d, f"t{threads}.npy")
            subprocess.run([sys.executable, "-c", code, path], check=True, cwd=d,
                           env={**os.environ, "OMP_NUM_THREADS": threads})
            out.append(np.load(path))
    assert np.abs(out[0] - out[1]).sum() < 1e-12


# ------------------------------------------------------------------ web level
def web():
    return linkequity.WebGraph.read_links(DATA / "links.csv")


def by_domain(df):
    return df.set_index("domain")


def test_domain_trust_columns_by_hand():
    w = web()
    d = by_domain(w.domain_authority(trusted=DATA / "trusted.txt", spam=DATA / "spam.txt"))
    xa = 0.15 / (1 - 0.85 ** 3)
    assert d.loc["a.com", "trust"] == pytest.approx(xa, abs=1e-9)
    assert d.loc["b.com", "trust"] == pytest.approx(0.85 * xa, abs=1e-9)
    assert d.loc["spam.com", "trust"] == 0
    assert d.loc["a.com", "trust_authority"] == pytest.approx(100)
    assert d.loc["a.com", "trust_ratio"] == pytest.approx(100)  # authority 0: divided by 1
    assert d.loc["b.com", "spam_mass"] == pytest.approx(1 - 0.85 / 1.85, abs=1e-9)
    assert d.loc["farm1.com", "spam_mass"] == 1
    xs = 0.15 / (1 - 0.85 ** 2)
    assert d.loc["spam.com", "anti_trust"] == pytest.approx(xs, abs=1e-9)
    assert d.loc["farm2.com", "anti_trust"] == pytest.approx(0.425 * xs, abs=1e-9)
    # CheiRank: networkx on the reversed domain graph.
    G = nx.DiGraph([("a.com", "b.com"), ("b.com", "c.com"), ("farm1.com", "spam.com"),
                    ("farm2.com", "spam.com"), ("spam.com", "c.com")])
    expected = nx_pagerank(G.reverse())
    for name, x in expected.items():
        assert d.loc[name, "cheirank"] == pytest.approx(x, abs=1e-9)
    assert list(d.columns[-6:]) == linkequity._core.trust_columns(True)


def test_page_trust_columns_from_a_list_and_no_change_without_seeds():
    w = web()
    plain = w.page_authority()
    assert "trust" not in plain.columns
    with pytest.warns(UserWarning, match="'https://nowhere.example/' \\(entry 2\\) is not in"):
        p = w.page_authority(trusted=["a.com", "https://nowhere.example/"], spam=None)
    p = p.set_index("url")
    assert p.loc["https://a.com/", "trust"] == pytest.approx(0.15 / (1 - 0.85 ** 3), abs=1e-9)
    assert "anti_trust" not in p.columns
    # cached per seed list: a new list gives new columns
    q = w.page_authority(trusted=["b.com"]).set_index("url")
    assert q.loc["https://a.com/", "trust"] == 0
    h = w.host_authority(trusted=["a.com"])
    assert "trust_ratio" in h.columns


def test_web_seed_errors():
    w = web()
    with pytest.raises(linkequity.ParseError, match="bad.txt:3"):
        w.domain_authority(trusted=DATA / "bad.txt")
    with pytest.raises(ValueError, match="none of the 1 entries"):
        w.domain_authority(trusted=["nowhere.org"])
    with pytest.raises(ValueError, match="spam needs trusted"):
        w.domain_authority(spam=["spam.com"])
    with pytest.raises(linkequity.ParseError, match="trusted:1"):
        w.domain_authority(trusted=["example.com/page"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        w.domain_authority(trusted=["a.com", "zz.org"])
    assert any("'zz.org'" in str(c.message) for c in caught)
