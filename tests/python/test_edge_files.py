# SPDX-License-Identifier: MIT
"""Graph.read_edge_list: SNAP / GAPBS / Matrix Market fixtures of tests/data/edges against the
edges written by hand, networkx.pagerank on the same graph, strict and lenient bad input."""
import pathlib

import networkx as nx
import numpy as np
import pytest

import linkequity
from linkequity import Graph

EDGES = pathlib.Path(__file__).resolve().parents[1] / "data" / "edges"


def edge_tuples(g):
    src, dst = g.edges()
    w = g.weights()
    w = [1.0] * len(src) if w is None else w.tolist()
    return list(zip(src.tolist(), dst.tolist(), w))


def test_snap_and_gapbs_files():
    g = Graph.read_edge_list(EDGES / "snap.txt")
    assert g.num_nodes == 5  # ids as given: node 3 is isolated
    assert edge_tuples(g) == [(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (2, 0, 1.0), (4, 2, 1.0)]
    assert not Graph.read_edge_list(EDGES / "tiny.el").has_weights
    wel = Graph.read_edge_list(str(EDGES / "tiny.wel"))
    assert edge_tuples(wel) == [(0, 1, 2.0), (0, 2, 5.0), (1, 2, 1.0), (2, 0, 3.0)]


def test_matrix_market_files():
    g = Graph.read_edge_list(EDGES / "general_real.mtx")
    assert g.num_nodes == 4
    assert edge_tuples(g) == [(0, 1, 0.5), (0, 2, 0.25), (1, 2, 1.5), (2, 0, 2.0), (3, 2, 1.0)]
    s = Graph.read_edge_list(EDGES / "symmetric_pattern.mtx", self_loops="keep")
    assert edge_tuples(s) == [(0, 1, 1.0), (1, 0, 1.0), (1, 2, 1.0), (2, 1, 1.0), (2, 2, 1.0)]
    z = Graph.read_edge_list(EDGES / "integer.mtx.gz")
    assert edge_tuples(z) == [(0, 1, 3.0), (1, 2, 1.0), (2, 0, 2.0)]


def test_pagerank_of_a_matrix_market_file_matches_networkx():
    G = nx.DiGraph()
    G.add_weighted_edges_from([(0, 1, 0.5), (1, 2, 1.5), (2, 0, 2.0), (3, 2, 1.0), (0, 2, 0.25)])
    expected = nx.pagerank(G, tol=1e-15, max_iter=10000)
    r = linkequity.pagerank(Graph.read_edge_list(EDGES / "general_real.mtx"), tolerance=1e-14,
                            max_iterations=10000)
    assert np.abs(np.asarray(r.scores) - [expected[i] for i in range(4)]).sum() < 1e-9


def test_bad_input_strict_and_lenient():
    with pytest.raises(linkequity.ParseError, match=r"bad_lines\.wel:2:1: invalid node id: '-1'"):
        Graph.read_edge_list(EDGES / "bad_lines.wel")
    with pytest.warns(UserWarning, match=r"skipped 3 bad line\(s\)"):
        g = Graph.read_edge_list(EDGES / "bad_lines.wel", skip_bad=True)
    assert edge_tuples(g) == [(0, 1, 1.5), (2, 1, 2.0)]
    with pytest.raises(linkequity.ParseError, match="out_of_range.mtx:4:1"):
        Graph.read_edge_list(EDGES / "out_of_range.mtx")
    with pytest.warns(UserWarning, match="skipped 1"):
        assert Graph.read_edge_list(EDGES / "out_of_range.mtx", skip_bad=True).num_edges == 2
    for name in ["bad_header.mtx", "non_square.mtx", "truncated.mtx.gz"]:
        with pytest.raises(linkequity.ParseError, match=name):
            Graph.read_edge_list(EDGES / name, skip_bad=True)
    with pytest.raises(linkequity.ParseError, match="cannot open"):
        Graph.read_edge_list(EDGES / "missing.el")
