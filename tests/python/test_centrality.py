# SPDX-License-Identifier: MIT
"""linkequity.hits and linkequity.harmonic_centrality against networkx (the random graphs of
the pagerank suite, a hand case), HyperBall's stated error, threads, options; the web level's
harmonic column against networkx on the domain graph."""
import os
import subprocess
import sys

import networkx as nx
import numpy as np
import pytest

import linkequity
from linkequity import Graph, harmonic_centrality, hits

from test_pagerank import random_case


def _graphs(i):
    """The i-th random graph of the pagerank suite, as (linkequity Graph, networkx graph)."""
    rng = np.random.default_rng(1000 + i)
    c = random_case(rng, i)
    n, src, dst, w = c["n"], c["src"], c["dst"], c["weights"]
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for k in range(len(src)):
        if c["self_loops"] == "drop" and src[k] == dst[k]:
            continue
        s, t = int(src[k]), int(dst[k])
        if w is None:
            G.add_edge(s, t)
        elif G.has_edge(s, t):
            G[s][t]["weight"] += w[k]  # merged duplicates sum weights
        else:
            G.add_edge(s, t, weight=w[k])
    g = Graph.from_edges(src, dst, num_nodes=n, weights=w, self_loops=c["self_loops"])
    return g, G


def _separated(G):
    """networkx.hits' limit is unique only when AᵀA's top eigenvalue is simple."""
    A = nx.to_numpy_array(G, nodelist=range(G.number_of_nodes()), weight="weight")
    ev = np.linalg.eigvalsh(A.T @ A)
    return len(ev) >= 2 and ev[-1] > 0 and ev[-2] < 0.9 * ev[-1]


@pytest.mark.parametrize("i", range(120))
def test_hits_agrees_with_networkx(i):
    g, G = _graphs(i)
    if not _separated(G):
        pytest.skip("top singular value not separated: the limit depends on the start")
    h, a = hits(g, tolerance=1e-13, max_iterations=100000)
    nh, na = nx.hits(G, max_iter=10000, tol=1e-12)
    n = G.number_of_nodes()
    assert np.abs(h - [nh[v] for v in range(n)]).sum() < 1e-7
    assert np.abs(a - [na[v] for v in range(n)]).sum() < 1e-7
    assert abs(h.sum() - 1) < 1e-12 and abs(a.sum() - 1) < 1e-12


def test_hits_hand_case_and_no_edges():
    g = Graph.from_edges([0, 1, 1], [2, 2, 3], num_nodes=4)
    h, a = hits(g)
    phi = (1 + 5 ** 0.5) / 2
    np.testing.assert_allclose(a, [0, 0, 1 / phi, 1 / phi ** 2], atol=1e-10)
    np.testing.assert_allclose(h, [1 / phi ** 2, 1 / phi, 0, 0], atol=1e-10)
    h, a = hits(Graph.from_edges([], [], num_nodes=3))
    np.testing.assert_array_equal(h, [1 / 3] * 3)


def test_hits_options_and_warning():
    g = linkequity.generate.erdos_renyi(300, 1500, seed=3)
    with pytest.warns(RuntimeWarning, match="not converged"):
        hits(g, max_iterations=2)
    with pytest.raises(ValueError, match="hits: tolerance must be > 0"):
        hits(g, tolerance=0)
    with pytest.raises(TypeError, match="unexpected option 'damping'"):
        hits(g, damping=0.5)
    with pytest.raises(TypeError, match="linkequity.Graph"):
        hits(nx.DiGraph())


@pytest.mark.parametrize("i", range(120))
def test_harmonic_exact_agrees_with_networkx(i):
    g, G = _graphs(i)
    H = harmonic_centrality(g, exact=True)
    expected = nx.harmonic_centrality(G)
    np.testing.assert_allclose(H, [expected[v] for v in range(G.number_of_nodes())],
                               rtol=1e-12, atol=1e-12)


def test_harmonic_direction_is_into_the_node():
    g = Graph.from_edges([0, 1, 3], [1, 2, 2], num_nodes=5)
    np.testing.assert_array_equal(harmonic_centrality(g), [0, 1, 2.5, 0, 0])


def test_hyperball_within_stated_error():
    g = linkequity.generate.erdos_renyi(2000, 3000, seed=11)
    exact = harmonic_centrality(g, exact=True)
    rse = 1.04 / np.sqrt(2 ** 7)
    errors = []
    for seed in range(6):
        est = harmonic_centrality(g, exact=False, registers_log2=7, seed=seed)
        errors.append((est - exact) / (exact + 1))
    errors = np.array(errors)
    assert np.sqrt((errors ** 2).mean()) < 1.3 * rse
    assert abs(errors.mean()) < 3 * rse / np.sqrt(6)
    r = linkequity._core.harmonic_centrality(
        g._core, linkequity._options.build(linkequity._core.HarmonicOptions, "h",
                                           {"method": "hyperball", "registers_log2": 7}))
    assert not r.exact and r.registers == 128 and abs(r.relative_standard_error - rse) < 1e-15


def test_harmonic_options():
    g = Graph.from_edges([0, 1], [1, 2], num_nodes=3)
    np.testing.assert_array_equal(harmonic_centrality(g, method="exact"), [0, 1, 1.5])
    with pytest.raises(ValueError, match="registers_log2 must be in \\[4, 16\\], got 20"):
        harmonic_centrality(g, exact=False, registers_log2=20)
    with pytest.raises(ValueError, match="method must be"):
        harmonic_centrality(g, method="approximate")
    with pytest.raises(ValueError, match="contradicts"):
        harmonic_centrality(g, exact=True, method="hyperball")


def test_same_results_on_1_and_2_threads():
    code = ("import linkequity, numpy as np\n"
            "g = linkequity.generate.erdos_renyi(5000, 40000, seed=2)\n"
            "h, a = linkequity.hits(g)\n"
            "e = linkequity.harmonic_centrality(g, exact=True)\n"
            "b = linkequity.harmonic_centrality(g, exact=False)\n"
            "print(np.concatenate([h, a, e, b]).tobytes().hex())\n")
    out = []
    for threads in ("1", "2"):
        env = dict(os.environ, OMP_NUM_THREADS=threads)
        out.append(subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                  capture_output=True, text=True, cwd="/").stdout)
    assert out[0] == out[1]


def test_web_harmonic_column_is_networkx_on_the_domain_graph():
    web = linkequity.generate.web(domains=200, links=6000, seed=4)
    doms = web.domain_authority(harmonic=True)
    assert list(doms.columns) == linkequity._web.DOMAIN_COLUMNS + ["harmonic"]
    assert "harmonic" not in web.domain_authority().columns
    links = web.links()
    cross = links[links.followable & (links.source_domain != links.target_domain)]
    G = nx.DiGraph()
    G.add_nodes_from(web.domain_names())
    G.add_edges_from(zip(cross.source_domain, cross.target_domain))
    expected = nx.harmonic_centrality(G)
    got = doms.set_index("domain").harmonic
    np.testing.assert_allclose(got.values, [expected[d] for d in got.index], rtol=1e-12)
    hosts = web.host_authority(harmonic=True)
    assert hosts.columns[-1] == "harmonic" and (hosts.harmonic >= 0).all()
