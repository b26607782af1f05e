# SPDX-License-Identifier: MIT
"""Graph.from_scipy: every sparse format and both matrix/array classes against Graph.from_edges
on the same edge list, networkx.pagerank on the same matrix, explicit zeros, and the errors."""
import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

import linkequity
from linkequity import Graph

FORMATS = ["csr", "csc", "coo", "lil", "dok", "bsr", "dia"]


def random_matrix(rng, n, m):
    """A COO matrix with m entries (duplicates and diagonal included), weights in 1/4 steps so
    that float32 storage and duplicate sums are exact."""
    row = rng.integers(0, n, size=m)
    col = rng.integers(0, n, size=m)
    data = rng.integers(1, 17, size=m) / 4.0
    return sp.coo_matrix((data, (row, col)), shape=(n, n))


def same_graph(a, b):
    assert a.num_nodes == b.num_nodes
    for x, y in zip(a.edges(), b.edges()):
        np.testing.assert_array_equal(x, y)
    np.testing.assert_array_equal(a.weights(), b.weights())


def expected_graph(A):
    """from_edges on the matrix's stored non-zero entries (duplicates summed by scipy)."""
    c = sp.coo_array(A)
    c.sum_duplicates()
    keep = c.data != 0
    return Graph.from_edges(c.row[keep], c.col[keep], num_nodes=A.shape[0],
                            weights=c.data[keep], self_loops="keep")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["matrix", "array"])
def test_every_format_equals_from_edges(rng, fmt, kind):
    A = random_matrix(rng, 40, 200)
    B = (A if kind == "matrix" else sp.coo_array(A)).asformat(fmt)
    g = Graph.from_scipy(B)
    same_graph(g, expected_graph(A))
    assert g.has_weights


def test_hand_made_matrix():
    # 0 -> 1 (2), 0 -> 2 (1), 1 -> 2 (3), 2 -> 0 (1), 3 isolated; entry (1, 0) is an explicit 0.
    A = sp.csr_array((np.array([2.0, 1.0, 0.0, 3.0, 1.0]), np.array([1, 2, 0, 2, 0]),
                      np.array([0, 2, 4, 5, 5])), shape=(4, 4))
    assert A.nnz == 5
    g = Graph.from_scipy(A)
    src, dst = g.edges()
    assert src.tolist() == [0, 0, 1, 2] and dst.tolist() == [1, 2, 2, 0]
    assert g.weights().tolist() == [2.0, 1.0, 3.0, 1.0]
    assert g.num_nodes == 4
    gu = Graph.from_scipy(A, weighted=False)
    assert not gu.has_weights and gu.num_edges == 4


def test_explicit_zeros_are_not_edges(rng):
    A = random_matrix(rng, 30, 120).tocsr()
    A.sum_duplicates()
    A.data[::3] = 0.0  # stored, explicit zeros
    assert A.nnz == len(A.data) and (A.data == 0).any()
    for fmt in FORMATS:
        g = Graph.from_scipy(A.asformat(fmt))
        assert g.num_edges == int((A.data != 0).sum())
        same_graph(g, expected_graph(A))


# A random matrix has many diagonals: scipy warns that dia is inefficient for it.
@pytest.mark.filterwarnings("ignore::scipy.sparse.SparseEfficiencyWarning")
def test_pagerank_matches_networkx(rng):
    A = random_matrix(rng, 60, 400).tocsr()
    A.sum_duplicates()
    G = nx.from_scipy_sparse_array(A, create_using=nx.DiGraph)
    expected = nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=10000, weight="weight")
    for fmt in FORMATS:
        r = linkequity.pagerank(Graph.from_scipy(A.asformat(fmt)), tolerance=1e-14,
                                max_iterations=10000)
        got = np.asarray(r.scores)
        want = np.array([expected[i] for i in range(60)])
        assert np.abs(got - want).sum() < 1e-9, fmt


def test_pagerank_equals_the_edge_list_graph(rng):
    A = random_matrix(rng, 50, 300)
    a = linkequity.pagerank(Graph.from_scipy(A.tocsc())).scores
    b = linkequity.pagerank(expected_graph(A)).scores
    np.testing.assert_array_equal(a, b)


def test_int64_indices_and_integer_data():
    A = sp.csr_array((np.array([1, 2, 3], dtype=np.int64), np.array([1, 2, 0], dtype=np.int64),
                      np.array([0, 1, 2, 3], dtype=np.int64)), shape=(3, 3))
    assert A.indices.dtype == np.int64
    g = Graph.from_scipy(A)
    assert g.edges()[1].tolist() == [1, 2, 0] and g.weights().tolist() == [1.0, 2.0, 3.0]


def test_errors():
    with pytest.raises(ValueError, match=r"square .* got shape \(3, 4\)"):
        Graph.from_scipy(sp.csr_array((3, 4)))
    with pytest.raises(TypeError, match="scipy.sparse"):
        Graph.from_scipy(np.eye(3))
    with pytest.raises(ValueError, match="weight"):
        Graph.from_scipy(sp.csr_array(np.array([[0.0, -1.0], [1.0, 0.0]])))
    with pytest.raises(ValueError, match="weight"):
        Graph.from_scipy(sp.csr_array(np.array([[0.0, np.nan], [1.0, 0.0]])))
    with pytest.raises(TypeError, match="real numbers"):
        Graph.from_scipy(sp.csr_array(np.array([[0, 1j], [1, 0]])))
    assert Graph.from_scipy(sp.csr_array((0, 0))).num_nodes == 0


def test_what_is_copied_follows_the_docstring(rng):
    # NumPy reports its allocations to tracemalloc (the C++ builder's own do not show): with
    # int32 indices and float32 data, COO costs only the m-byte non-zero mask, CSR/CSC add the
    # 4-byte expanded endpoint, and float64 data its float32 conversion.
    import tracemalloc

    n, m = 1000, 200_000
    row = rng.integers(0, n, size=m).astype(np.int32)
    col = rng.integers(0, n, size=m).astype(np.int32)
    data = np.ones(m, dtype=np.float32)
    coo = sp.coo_array((data, (row, col)), shape=(n, n))
    csc = coo.tocsc()
    assert coo.row.dtype == np.int32 and csc.indices.dtype == np.int32

    def peak(A):
        tracemalloc.start()
        Graph.from_scipy(A)
        p = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return p

    assert peak(coo) < 1.5 * m
    assert 4 * csc.nnz < peak(csc) < 5.5 * csc.nnz + 64 * n
    # float64 data is converted to float32 by NumPy: 4 more bytes per edge.
    assert 4 * m < peak(sp.coo_array((data.astype(np.float64), (row, col)), shape=(n, n))) < 5.5 * m


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("indptr64", [False, True])
def test_canonical_csc_lean_is_zero_copy(rng, dtype, indptr64):
    A = sp.csc_array(random_matrix(rng, 60, 400)).astype(dtype)
    A.sum_duplicates()
    C = sp.coo_array(A)
    built = Graph.from_edges(*C.coords, num_nodes=60, weights=C.data, self_loops="keep",
                             lean=True)
    nxs = nx.pagerank(nx.from_scipy_sparse_array(A, create_using=nx.DiGraph), tol=1e-14,
                      max_iter=1000)
    if indptr64:  # SciPy keeps int32 indices with int64 offsets for large nnz only; force it
        A.indptr = A.indptr.astype(np.int64)
    assert A.has_canonical_format and A.indices.dtype == np.int32
    g = Graph.from_scipy(A, lean=True)
    core = g._core
    assert core.is_lean
    # The graph's in-adjacency is SciPy's memory: sources always, weights when float32.
    assert np.shares_memory(core.in_sources, A.indices)
    assert np.shares_memory(core.in_weights, A.data) == (dtype == np.float32)
    assert np.shares_memory(core.in_offsets, A.indptr) == indptr64
    # Same scores as the builder's lean graph and networkx on the same matrix.
    x = linkequity.pagerank(g, tolerance=1e-13, max_iterations=1000).scores
    y = linkequity.pagerank(built, tolerance=1e-13, max_iterations=1000).scores
    assert np.abs(x - y).sum() < 1e-12
    assert np.abs(x - np.array([nxs[i] for i in range(60)])).sum() < 1e-9
    del A  # the graph keeps the arrays alive
    assert abs(linkequity.pagerank(g).scores.sum() - 1) < 1e-12


def test_layouts_that_need_the_builder_are_copied(rng):
    A = sp.csc_array(random_matrix(rng, 30, 150))
    A.sum_duplicates()
    for B, why in [(A, "not lean"), (sp.csr_array(A), "csr"),
                   (sp.csc_array((A.data, A.indices[::-1].copy(), A.indptr), shape=A.shape),
                    "unsorted rows")]:
        lean = why != "not lean"
        if why == "unsorted rows":
            B.has_canonical_format = False
        g = Graph.from_scipy(B, lean=lean)
        assert not np.shares_memory(g._core.in_sources, B.indices), why
    # A diagonal entry with self_loops="drop" goes through the builder, which drops it.
    D = sp.csc_array(sp.eye(5, format="csc") + sp.csc_array(([1.0], ([0], [1])), shape=(5, 5)))
    D.sum_duplicates()
    g = Graph.from_scipy(D, lean=True, self_loops="drop")
    assert g.num_edges == 1 and not np.shares_memory(g._core.in_sources, D.indices)
    assert Graph.from_scipy(D, lean=True).num_edges == 6
