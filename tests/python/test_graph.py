# SPDX-License-Identifier: MIT
"""Graph construction from NumPy and networkx, accessors and conversions."""
import networkx as nx
import numpy as np
import pytest

import linkequity
from linkequity import Flag, Graph


def test_from_edges_basic(small_graph):
    g = small_graph
    assert (g.num_nodes, g.num_edges, len(g)) == (4, 4, 4)
    assert not g.has_weights and not g.has_flags and not g.is_lean
    np.testing.assert_array_equal(g.out_degree(), [1, 1, 2, 0])
    np.testing.assert_array_equal(g.in_degree(), [1, 1, 1, 1])
    src, dst = g.edges()
    assert src.dtype == np.uint32 and dst.dtype == np.uint32
    np.testing.assert_array_equal(src, [0, 1, 2, 2])
    np.testing.assert_array_equal(dst, [1, 2, 0, 3])
    assert g.weights() is None and g.flags() is None
    assert g.memory_bytes > 0
    assert "num_nodes=4" in repr(g)


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16,
                                   np.uint32, np.uint64])
def test_integer_dtypes(dtype):
    g = Graph.from_edges(np.array([0, 1, 2], dtype=dtype), np.array([1, 2, 0], dtype=dtype))
    assert g.num_nodes == 3
    np.testing.assert_array_equal(g.edges()[1], [1, 2, 0])


def test_lists_and_non_contiguous_arrays():
    g = Graph.from_edges([0, 1], [1, 0])
    assert g.num_edges == 2
    base = np.arange(10, dtype=np.uint32)
    g = Graph.from_edges(base[::2], base[1::2])  # strided uint32: converted, not read in place
    np.testing.assert_array_equal(g.edges()[0], [0, 2, 4, 6, 8])
    np.testing.assert_array_equal(g.edges()[1], [1, 3, 5, 7, 9])


def test_num_nodes_and_isolated_nodes():
    g = Graph.from_edges([0], [1], num_nodes=5)
    assert g.num_nodes == 5
    np.testing.assert_array_equal(g.in_degree(), [0, 1, 0, 0, 0])
    empty = Graph.from_edges(np.array([], dtype=np.uint32), np.array([], dtype=np.uint32))
    assert (empty.num_nodes, empty.num_edges) == (0, 0)


def test_bad_ids_raise_index_error():
    with pytest.raises(IndexError, match=r"src\[1\] is -3"):
        Graph.from_edges(np.array([0, -3]), np.array([1, 2]))
    with pytest.raises(IndexError, match=r"dst\[0\] is 4294967295"):
        Graph.from_edges(np.array([0], dtype=np.int64), np.array([2**32 - 1], dtype=np.int64))
    with pytest.raises(IndexError, match="num_nodes"):
        Graph.from_edges([0, 5], [1, 2], num_nodes=3)
    with pytest.raises(IndexError):
        Graph.from_edges(np.array([0, 7], dtype=np.uint32), np.array([1, 1], dtype=np.uint32),
                         num_nodes=4)


def test_bad_arrays():
    with pytest.raises(TypeError, match="src must be an array of integers, got dtype float64"):
        Graph.from_edges(np.array([0.0, 1.0]), np.array([1, 0]))
    with pytest.raises(ValueError, match="one-dimensional"):
        Graph.from_edges(np.zeros((2, 2), dtype=np.uint32), np.zeros(4, dtype=np.uint32))
    with pytest.raises(ValueError):
        Graph.from_edges([0, 1, 2], [1, 2])
    with pytest.raises(ValueError, match="num_nodes"):
        Graph.from_edges([0], [1], num_nodes=2**33)
    with pytest.raises(ValueError, match="self_loops must be 'drop' or 'keep', got 'maybe'"):
        Graph.from_edges([0], [1], self_loops="maybe")
    with pytest.raises(ValueError, match="duplicates must be"):
        Graph.from_edges([0], [1], duplicates="sum")


def test_bad_weights_and_flags():
    with pytest.raises(ValueError, match="weight"):
        Graph.from_edges([0, 1], [1, 0], weights=[1.0, -2.0])
    with pytest.raises(ValueError, match="weight"):
        Graph.from_edges([0, 1], [1, 0], weights=[np.nan, 1.0])
    with pytest.raises(ValueError):
        Graph.from_edges([0, 1], [1, 0], weights=[1.0])
    with pytest.raises(TypeError, match="weights must be an array of numbers"):
        Graph.from_edges([0, 1], [1, 0], weights=np.array(["a", "b"]))
    with pytest.raises(ValueError, match=r"flags\[1\] is 256"):
        Graph.from_edges([0, 1], [1, 0], flags=[0, 256])
    with pytest.raises(TypeError, match="flags must be an array of integers"):
        Graph.from_edges([0, 1], [1, 0], flags=[0.5, 1.0])


def test_self_loop_policy():
    src, dst = [0, 1, 1], [1, 1, 0]
    assert Graph.from_edges(src, dst).num_edges == 2
    g = Graph.from_edges(src, dst, self_loops="keep")
    assert g.num_edges == 3
    np.testing.assert_array_equal(g.out_degree(), [1, 2])


def test_duplicate_policies():
    src, dst = [0, 0, 0, 1], [1, 1, 1, 0]
    merged = Graph.from_edges(src, dst)
    assert merged.num_edges == 2 and merged.weights() is None
    counted = Graph.from_edges(src, dst, duplicates="count")
    assert counted.num_edges == 2
    np.testing.assert_array_equal(counted.weights(), [3, 1])
    kept = Graph.from_edges(src, dst, duplicates="keep")
    assert kept.num_edges == 4
    weighted = Graph.from_edges(src, dst, weights=[1.0, 2.0, 0.5, 4.0])
    np.testing.assert_array_equal(weighted.weights(), [3.5, 4.0])


def test_weights_and_flags_follow_edge_order():
    g = Graph.from_edges([2, 0, 1], [0, 1, 2], weights=np.array([3, 1, 2], dtype=np.float32),
                         flags=np.array([Flag.NOFOLLOW, 0, Flag.UGC | Flag.SPONSORED],
                                        dtype=np.uint8))
    np.testing.assert_array_equal(g.edges()[0], [0, 1, 2])
    np.testing.assert_array_equal(g.weights(), [1, 2, 3])
    np.testing.assert_array_equal(g.flags(), [0, 6, 1])
    assert g.has_weights and g.has_flags
    assert g.weights().dtype == np.float32 and g.flags().dtype == np.uint8


def test_lean_graph():
    g = Graph.from_edges([0, 1, 2, 2], [1, 2, 0, 3], flags=[0, 0, 0, Flag.NOFOLLOW], lean=True)
    assert g.is_lean
    assert g.num_edges == 3  # the nofollow edge is dropped at build time
    np.testing.assert_array_equal(g.out_degree(), [1, 1, 1, 0])
    src, dst = g.edges()  # sorted by (dst, src)
    np.testing.assert_array_equal(dst, [0, 1, 2])
    np.testing.assert_array_equal(src, [2, 0, 1])
    full = Graph.from_edges([0, 1, 2], [1, 2, 0], num_nodes=4)
    np.testing.assert_array_equal(g.to_scipy().toarray(), full.to_scipy().toarray())


def test_to_scipy(rng):
    n = 30
    src = rng.integers(0, n, 200)
    dst = rng.integers(0, n, 200)
    w = rng.integers(1, 5, 200).astype(np.float64)
    g = Graph.from_edges(src, dst, weights=w, self_loops="keep")
    a = g.to_scipy()
    assert a.shape == (n, n) and a.format == "csr"
    dense = np.zeros((n, n))
    np.add.at(dense, (src, dst), w)
    np.testing.assert_allclose(a.toarray(), dense)
    unweighted = Graph.from_edges(src, dst, self_loops="keep", duplicates="keep").to_scipy()
    counts = np.zeros((n, n))
    np.add.at(counts, (src, dst), 1)
    np.testing.assert_allclose(unweighted.toarray(), counts)


def test_networkx_round_trip():
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", "c", "lonely"])
    G.add_edge("a", "b", weight=2.0)
    G.add_edge("b", "c")
    G.add_edge("c", "a", weight=0.5, flags=int(Flag.NOFOLLOW))
    G.add_edge("c", "c")
    g = Graph.from_networkx(G)
    assert g.labels == ["a", "b", "c", "lonely"]
    assert g.num_nodes == 4 and g.num_edges == 4  # the self-loop is kept, like networkx
    assert g.node_id("c") == 2
    with pytest.raises(KeyError, match="'zz' is not a node"):
        g.node_id("zz")
    H = g.to_networkx()
    assert type(H) is nx.DiGraph
    assert list(H.nodes) == list(G.nodes)
    assert set(H.edges) == set(G.edges)
    assert H["a"]["b"]["weight"] == 2.0 and H["b"]["c"]["weight"] == 1.0
    assert H["c"]["a"]["flags"] == Flag.NOFOLLOW and H["a"]["b"]["flags"] == 0
    assert g.as_dict(np.arange(4)) == {"a": 0, "b": 1, "c": 2, "lonely": 3}


def test_networkx_unweighted_undirected_and_multi():
    G = nx.path_graph(4)  # undirected: both directions
    g = Graph.from_networkx(G)
    assert g.num_edges == 6 and not g.has_weights and not g.has_flags
    M = nx.MultiDiGraph([(0, 1), (0, 1), (1, 0)])
    gm = Graph.from_networkx(M)
    assert gm.num_edges == 3
    back = gm.to_networkx()
    assert type(back) is nx.MultiDiGraph and back.number_of_edges(0, 1) == 2
    assert type(Graph.from_networkx(M, duplicates="count").to_networkx()) is nx.DiGraph
    g_int = Graph.from_edges([0, 1], [1, 2])
    assert list(g_int.to_networkx().nodes) == [0, 1, 2]
    assert g_int.node_id(2) == 2
    with pytest.raises(IndexError):
        g_int.node_id(3)
    assert g_int.as_dict([0.5, 0.25, 0.25]) == {0: 0.5, 1: 0.25, 2: 0.25}


def test_labels_length_checked():
    with pytest.raises(ValueError, match="labels has 2 entries, expected 3"):
        Graph.from_edges([0, 1], [1, 2], labels=["a", "b"])


def test_from_edges_releases_the_gil_and_reads_uint32_in_place():
    # Indirect check of the in-place read: a read-only uint32 buffer is accepted as is.
    src = np.arange(0, 1000, dtype=np.uint32)
    dst = (src + 1) % 1000
    src.flags.writeable = False
    g = Graph.from_edges(src, dst.astype(np.uint32))
    assert g.num_edges == 1000
