# SPDX-License-Identifier: MIT
"""linkequity.pagerank: agreement with networkx, properties, options, errors, result views."""
import networkx as nx
import numpy as np
import pytest

import linkequity
from linkequity import Flag, Graph, pagerank

TOL = 1e-13  # linkequity: stop when the L1 change < TOL


def nx_pagerank(G, **kw):
    """networkx stops when err < N * tol; ask it for the same (or a tighter) rule."""
    n = max(G.number_of_nodes(), 1)
    return nx.pagerank(G, tol=TOL / n / 10, max_iter=2000, **kw)


def l1(scores, nx_scores, labels):
    return float(np.abs(scores - np.array([nx_scores[v] for v in labels])).sum())


def random_case(rng, i):
    """A random graph (n <= 60) with a mix of the features networkx also models."""
    n = int(rng.integers(1, 61))
    m = int(rng.integers(0, 4 * n + 1))
    src = rng.integers(0, n, m)
    dst = rng.integers(0, n, m)
    kind = i % 6
    case = {"n": n, "src": src, "dst": dst, "weights": None, "kw": {}, "nx_kw": {},
            "self_loops": "keep" if kind in (3, 5) else "drop", "multi": kind == 4}
    if kind in (1, 5):  # float32-exact weights, so both libraries see the same numbers
        case["weights"] = rng.integers(1, 64, m) / 8.0
    if kind in (2, 5):
        p = rng.random(n) * (rng.random(n) < 0.6)
        p[rng.integers(0, n)] += 0.5
        case["kw"]["personalization"] = p
        case["nx_kw"]["personalization"] = {j: p[j] for j in range(n)}
    if kind == 3 or (kind == 2 and i % 4 == 0):
        u = rng.random(n) * (rng.random(n) < 0.5)
        u[rng.integers(0, n)] += 0.25
        case["kw"]["dangling"] = {j: u[j] for j in range(n) if u[j] > 0}  # missing = 0
        case["nx_kw"]["dangling"] = {j: u[j] for j in range(n)}
    case["kw"]["damping"] = case["nx_kw"]["alpha"] = [0.85, 0.5, 0.95, 0.7][i % 4]
    return case


@pytest.mark.parametrize("i", range(200))
def test_agrees_with_networkx(i):
    rng = np.random.default_rng(1000 + i)
    c = random_case(rng, i)
    n, src, dst, w = c["n"], c["src"], c["dst"], c["weights"]
    G = nx.MultiDiGraph() if c["multi"] else nx.DiGraph()
    G.add_nodes_from(range(n))
    for k in range(len(src)):
        if c["self_loops"] == "drop" and src[k] == dst[k]:
            continue
        if w is None:
            G.add_edge(int(src[k]), int(dst[k]))
        elif G.has_edge(int(src[k]), int(dst[k])) and not c["multi"]:
            G[int(src[k])][int(dst[k])]["weight"] += w[k]  # merged duplicates sum weights
        else:
            G.add_edge(int(src[k]), int(dst[k]), weight=w[k])
    g = Graph.from_edges(src, dst, num_nodes=n, weights=w, self_loops=c["self_loops"],
                         duplicates="count" if c["multi"] else "merge")
    r = pagerank(g, tolerance=TOL, max_iterations=5000, **c["kw"])
    assert r.converged
    expected = nx_pagerank(G, weight="weight", **c["nx_kw"])
    assert l1(r.scores, expected, range(n)) < 1e-9
    assert np.all(r.scores >= 0)
    assert abs(r.scores.sum() - 1) < 1e-12
    # The same graph through from_networkx (labels are node ids here).
    r2 = pagerank(Graph.from_networkx(G), tolerance=TOL, max_iterations=5000, **c["kw"])
    assert l1(r2.scores, expected, range(n)) < 1e-9


def test_labelled_graph_and_dict_options():
    G = nx.gnp_random_graph(40, 0.08, seed=3, directed=True)
    G = nx.relabel_nodes(G, {v: f"page{v}" for v in G})
    pers = {"page1": 2.0, "page7": 1.0}
    dang = {"page3": 1.0}
    g = Graph.from_networkx(G)
    r = pagerank(g, personalization=pers, dangling=dang, tolerance=TOL, max_iterations=1000)
    expected = nx_pagerank(G, personalization=pers, dangling=dang)
    assert l1(r.scores, expected, g.labels) < 1e-9
    scores = g.as_dict(r.scores)
    assert set(scores) == set(G.nodes)
    with pytest.raises(KeyError, match="nope"):
        pagerank(g, personalization={"nope": 1.0})


def test_dangling_uniform_differs_from_personalization():
    g = Graph.from_edges([0, 1], [1, 2], num_nodes=3)
    p = [1.0, 0.0, 0.0]
    a = pagerank(g, personalization=p, tolerance=TOL, max_iterations=1000)
    b = pagerank(g, personalization=p, dangling="uniform", tolerance=TOL, max_iterations=1000)
    c = pagerank(g, personalization=p, dangling=[1, 1, 1], tolerance=TOL, max_iterations=1000)
    assert np.abs(a.scores - b.scores).sum() > 1e-3
    np.testing.assert_allclose(b.scores, c.scores, atol=1e-12)


def test_cycle_is_uniform_and_empty_graph():
    g = Graph.from_edges([0, 1, 2, 3], [1, 2, 3, 0])
    np.testing.assert_allclose(pagerank(g).scores, 0.25, atol=1e-12)
    e = pagerank(Graph.from_edges([], [], num_nodes=0))
    assert e.converged and len(e.scores) == 0 and e.iterations == 0


def test_scores_are_a_view_of_the_result():
    g = linkequity.generate.erdos_renyi(1000, 5000, seed=1)
    r = pagerank(g)
    s = r.scores
    assert s.dtype == np.float64 and s.shape == (1000,)
    assert not s.flags.owndata and s.base is r
    assert r.scores.__array_interface__["data"][0] == s.__array_interface__["data"][0]
    del r  # the array keeps the result alive
    assert abs(s.sum() - 1) < 1e-12
    r = pagerank(g, max_iterations=5)
    h = r.history
    assert h.shape == (5,) and not h.flags.owndata and not h.flags.writeable
    assert h[-1] == r.residual


def test_max_iterations_returns_the_kth_iterate():
    g = linkequity.generate.kronecker(10, seed=5)
    for k in (0, 1, 3, 7):
        r = pagerank(g, tolerance=1e-300, max_iterations=k)
        assert r.iterations == k and not r.converged and not r.cancelled
        assert len(r.history) == k
    r7 = pagerank(g, tolerance=1e-300, max_iterations=7)
    r3 = pagerank(g, tolerance=1e-300, max_iterations=3)
    r4 = pagerank(g, tolerance=1e-300, max_iterations=4, start=r3.scores)
    np.testing.assert_allclose(r4.scores, r7.scores, atol=1e-14)  # warm start continues
    np.testing.assert_allclose(pagerank(g, max_iterations=0).scores, 1 / g.num_nodes)


def test_networkx_k_iterates_match():
    G = nx.gnp_random_graph(50, 0.1, seed=2, directed=True)
    g = Graph.from_networkx(G)
    r = pagerank(g, tolerance=1e-300, max_iterations=6)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.pagerank(G, max_iter=6, tol=1e-300)
    assert not r.converged


def test_solvers_agree():
    g = linkequity.generate.kronecker(11, seed=9)
    a = pagerank(g, tolerance=1e-13, max_iterations=500)
    b = pagerank(g, tolerance=1e-13, max_iterations=500, solver="gauss_seidel")
    assert b.converged and b.iterations < a.iterations
    assert np.abs(a.scores - b.scores).sum() < 1e-10
    assert linkequity.pagerank_residual(g, a.scores) < 1e-12


def test_block_gauss_seidel_agrees_with_power_and_networkx():
    # The parallel solver by its one spelling, against power and networkx's own PageRank.
    g = linkequity.generate.kronecker(12, seed=3)
    a = pagerank(g, tolerance=1e-13, max_iterations=500)
    b = pagerank(g, tolerance=1e-13, max_iterations=500, solver="block_gauss_seidel")
    assert b.converged and b.iterations < a.iterations
    assert np.abs(a.scores - b.scores).sum() < 1e-10
    src, dst = g.edges()
    G = nx.DiGraph()
    G.add_nodes_from(range(g.num_nodes))
    G.add_edges_from(zip(src.tolist(), dst.tolist()))
    ref = nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=1000)
    assert np.abs(b.scores - np.array([ref[i] for i in range(g.num_nodes)])).sum() < 1e-9


def test_local_gauss_seidel_on_a_web_page_graph_against_networkx():
    # Pages numbered host by host: fewer sweeps than power, networkx's answer, and the same
    # bits on 1 and 2 threads (blocks of consecutive ids, fixed by n).
    web = linkequity.generate.web(domains=300, links=20000)
    links = web.links()
    links = links[links.followable]
    ids = {u: i for i, u in enumerate(web.page_urls())}
    src = np.array([ids[u] for u in links.source], dtype=np.uint32)
    dst = np.array([ids[u] for u in links.target], dtype=np.uint32)
    g = linkequity.Graph.from_edges(src, dst, num_nodes=len(ids), duplicates="merge")
    a = pagerank(g, tolerance=1e-12, max_iterations=1000)
    b = pagerank(g, tolerance=1e-12, max_iterations=1000, solver="local_gauss_seidel")
    assert b.converged and 10 * b.iterations <= 8 * a.iterations
    assert abs(b.scores.sum() - 1) < 1e-12
    G = nx.DiGraph()
    G.add_nodes_from(range(g.num_nodes))
    G.add_edges_from(zip(src.tolist(), dst.tolist()))
    ref = nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=1000)
    assert np.abs(b.scores - np.array([ref[i] for i in range(g.num_nodes)])).sum() < 1e-9


@pytest.mark.parametrize("seed", range(20))
def test_conjugate_gradient_agrees_with_networkx_on_undirected_graphs(seed):
    # networkx treats an undirected graph as links both ways: the graphs the solver is for.
    # Weighted, with isolated nodes, sometimes personalised (dangling score follows v).
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(int(rng.integers(2, 80)), int(rng.integers(0, 300)), seed=seed)
    for a, b in G.edges:
        G[a][b]["weight"] = float(rng.integers(1, 16)) / 4.0
    kw, nx_kw = {}, {}
    if seed % 2:
        p = rng.random(G.number_of_nodes())
        kw["personalization"] = p
        nx_kw["personalization"] = {j: p[j] for j in range(len(p))}
    g = Graph.from_networkx(G)
    r = pagerank(g, tolerance=TOL, max_iterations=1000, solver="conjugate_gradient", **kw)
    power = pagerank(g, tolerance=TOL, max_iterations=1000, **kw)
    assert r.converged and r.iterations <= power.iterations
    expected = nx_pagerank(G, weight="weight", **nx_kw)
    assert l1(r.scores, expected, range(G.number_of_nodes())) < 1e-9
    assert np.all(r.scores >= 0) and abs(r.scores.sum() - 1) < 1e-12


def test_conjugate_gradient_refuses_a_directed_graph():
    g = Graph.from_edges([0, 1], [1, 2], num_nodes=3)
    with pytest.raises(ValueError, match="conjugate_gradient needs a graph whose followable "
                                         "links are symmetric"):
        pagerank(g, solver="conjugate_gradient")


def test_weighted_false_ignores_weights():
    g = Graph.from_edges([0, 0, 1], [1, 2, 0], weights=[9.0, 1.0, 1.0])
    u = Graph.from_edges([0, 0, 1], [1, 2, 0])
    np.testing.assert_allclose(pagerank(g, weighted=False).scores, pagerank(u).scores)
    assert np.abs(pagerank(g).scores - pagerank(u).scores).sum() > 1e-3


def test_excluded_and_evaporate():
    # 0 links to 1 (followable) and 2 (nofollow).
    g = Graph.from_edges([0, 0, 1, 2], [1, 2, 0, 0], flags=[0, Flag.NOFOLLOW, 0, 0])
    excl = pagerank(g, tolerance=TOL, max_iterations=1000)
    same = pagerank(Graph.from_edges([0, 1, 2], [1, 0, 0]), tolerance=TOL, max_iterations=1000)
    np.testing.assert_allclose(excl.scores, same.scores, atol=1e-12)
    every = pagerank(g, excluded=0, tolerance=TOL, max_iterations=1000)
    plain = pagerank(Graph.from_edges([0, 0, 1, 2], [1, 2, 0, 0]), tolerance=TOL,
                     max_iterations=1000)
    np.testing.assert_allclose(every.scores, plain.scores, atol=1e-12)
    evap = pagerank(g, evaporate=True, tolerance=TOL, max_iterations=1000)
    assert abs(evap.scores.sum() - 1) < 1e-12
    assert evap.scores[1] < excl.scores[1]  # the nofollow link still costs 0 half its equity
    lean = Graph.from_edges([0, 0, 1, 2], [1, 2, 0, 0], flags=[0, Flag.NOFOLLOW, 0, 0], lean=True)
    np.testing.assert_allclose(pagerank(lean, tolerance=TOL, max_iterations=1000).scores,
                               excl.scores, atol=1e-12)
    with pytest.raises(ValueError, match="lean"):
        pagerank(lean, evaporate=True)


def test_dangling_and_evaporated_mass():
    # 0 links to 1 and to 2 (nofollow), 1 to 0; 2 has no out-link (dangling).
    g = Graph.from_edges([0, 0, 1], [1, 2, 0], flags=[0, Flag.NOFOLLOW, 0])
    excl = pagerank(g, tolerance=TOL, max_iterations=1000)
    assert excl.dangling_mass == pytest.approx(excl.scores[2], abs=1e-15)
    assert excl.evaporated_mass == 0
    evap = pagerank(g, evaporate=True, tolerance=TOL, max_iterations=1000)
    assert evap.dangling_mass == pytest.approx(evap.scores[2], abs=1e-15)
    assert evap.evaporated_mass == pytest.approx(evap.scores[0] / 2, abs=1e-15)


@pytest.mark.parametrize("kwargs, match", [
    ({"damping": 1.3}, r"damping must be in \(0, 1\), got 1.3"),
    ({"damping": 0.0}, "damping"),
    ({"tolerance": 0.0}, "tolerance must be > 0"),
    ({"tolerance": float("nan")}, "tolerance"),
    ({"max_iterations": -1}, "max_iterations must be an integer >= 0"),
    ({"personalization": [1.0, 1.0]}, "personalization has 2 entries, expected 4"),
    ({"personalization": [1.0, -1.0, 0, 0]}, r"personalization\[1\] is -1"),
    ({"personalization": [0.0, 0.0, 0, 0]}, "personalization sums to 0"),
    ({"dangling": [0.0, 0.0, 0, 0]}, "dangling_distribution sums to 0"),
    ({"dangling": "everywhere"}, "dangling must be 'personalization', 'uniform' or 'vector'"),
    ({"start": [1.0]}, "start has 1 entries"),
    ({"solver": "jacobi"}, "solver must be 'power', 'gauss_seidel', 'block_gauss_seidel', 'conjugate_gradient' or 'local_gauss_seidel', got 'jacobi'"),
    ({"excluded": 300}, "excluded must be a Flag mask"),
    ({"personalization": np.ones((2, 2))}, "one-dimensional"),
])
def test_bad_options_raise_value_error(small_graph, kwargs, match):
    with pytest.raises(ValueError, match=match):
        pagerank(small_graph, **kwargs)


def test_bad_node_in_dict_raises_index_error(small_graph):
    with pytest.raises(IndexError, match="node id 9 out of range"):
        pagerank(small_graph, personalization={9: 1.0})
    with pytest.raises(IndexError):
        pagerank(small_graph, start={-1: 1.0})


def test_bad_types(small_graph):
    with pytest.raises(TypeError, match="graph must be a linkequity.Graph"):
        pagerank(nx.DiGraph())
    with pytest.raises(TypeError, match="progress must be"):
        pagerank(small_graph, progress="yes")
    with pytest.raises(ValueError, match="could not convert"):  # NumPy's conversion error
        pagerank(small_graph, personalization=["a", "b", "c", "d"])


def test_result_repr_and_fields(small_graph):
    r = pagerank(small_graph)
    assert repr(r).startswith("PageRankResult(n=4, iterations=")
    assert r.converged and r.residual < 1e-10 and r.seconds >= 0 and len(r) == 4
    assert isinstance(r, linkequity.PageRankResult)


def test_acceleration_and_node_order_give_the_same_scores():
    import linkequity as le
    import numpy as np

    g = le.generate.kronecker(12, 16, 5)
    ref = le.pagerank(g, tolerance=1e-13, max_iterations=1000).scores.copy()
    fast = le.pagerank(g, tolerance=1e-13, max_iterations=1000, acceleration="quadratic")
    ordered = le.pagerank(g, tolerance=1e-13, max_iterations=1000, node_order="by_degree")
    assert np.abs(fast.scores - ref).sum() < 1e-10
    assert np.abs(ordered.scores - ref).sum() < 1e-11
    assert fast.iterations < le.pagerank(g, tolerance=1e-13, max_iterations=1000).iterations


def test_acceleration_and_node_order_are_validated():
    import linkequity as le
    import pytest

    g = le.generate.kronecker(6, 4, 1)
    with pytest.raises(ValueError, match="acceleration"):
        le.pagerank(g, acceleration="cubic")
    with pytest.raises(ValueError, match="node_order"):
        le.pagerank(g, node_order="random")


def test_blocked_kernel_gives_the_pull_kernels_scores():
    # Over 2^21 nodes (the automatic hot prefix on a 32 MiB last-level cache), so some sources
    # are binned.
    g = linkequity.generate.kronecker(22, edge_factor=2, seed=5)
    for order in ("as_built", "by_degree"):
        pull = pagerank(g, tolerance=1e-300, max_iterations=8, node_order=order)
        blocked = pagerank(g, tolerance=1e-300, max_iterations=8, node_order=order,
                           kernel="blocked")
        assert blocked.iterations == 8
        assert np.abs(pull.scores - blocked.scores).sum() < 1e-14


def test_bad_kernel_is_a_value_error():
    g = Graph.from_edges([0, 1], [1, 2], num_nodes=3)
    with pytest.raises(ValueError, match="kernel must be 'pull' or 'blocked'"):
        pagerank(g, kernel="push")
