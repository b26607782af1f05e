# SPDX-License-Identifier: MIT
"""linkequity.generate: seeded Kronecker and Erdős–Rényi graphs."""
import numpy as np
import pytest

import linkequity
from linkequity import generate


def test_kronecker_edges_shape_and_determinism():
    n, src, dst = generate.kronecker_edges(10, edge_factor=4, seed=1)
    assert n == 1024 and len(src) == len(dst) == 4 * 1024
    assert src.dtype == np.uint32 and src.flags.owndata is False  # owns C++ memory via a capsule
    assert src.max() < n and dst.max() < n
    n2, src2, dst2 = generate.kronecker_edges(10, edge_factor=4, seed=1)
    np.testing.assert_array_equal(src, src2)
    np.testing.assert_array_equal(dst, dst2)
    _, src3, _ = generate.kronecker_edges(10, edge_factor=4, seed=2)
    assert not np.array_equal(src, src3)
    _, s_sym, d_sym = generate.kronecker_edges(10, edge_factor=4, seed=1, symmetrize=True)
    assert len(s_sym) == 2 * len(src)


def test_kronecker_graph():
    g = generate.kronecker(12, seed=4)
    assert isinstance(g, linkequity.Graph) and g.num_nodes == 4096
    assert 0 < g.num_edges <= 16 * 4096
    kept = generate.kronecker(12, seed=4, self_loops="keep", duplicates="keep")
    assert kept.num_edges == 16 * 4096
    sym = generate.kronecker(10, seed=4, symmetrize=True)
    a = sym.to_scipy()
    assert (a != a.T).nnz == 0
    lean = generate.kronecker(12, seed=4, lean=True)
    np.testing.assert_allclose(linkequity.pagerank(lean).scores, linkequity.pagerank(g).scores,
                               atol=1e-14)


def test_erdos_renyi():
    n, src, dst = generate.erdos_renyi_edges(100, 1000, seed=7)
    assert n == 100 and len(src) == 1000
    g = generate.erdos_renyi(100, 1000, seed=7)
    assert g.num_nodes == 100 and g.num_edges <= 1000
    assert generate.erdos_renyi(100, 1000, 7, duplicates="keep", self_loops="keep").num_edges == 1000
    assert generate.erdos_renyi(0, 0, 1).num_nodes == 0


@pytest.mark.parametrize("call, match", [
    (lambda: generate.kronecker(0), "scale"),
    (lambda: generate.kronecker(33), "scale"),
    (lambda: generate.kronecker(4, edge_factor=-1), "edge"),
    (lambda: generate.kronecker(4, a=0.9, b=0.2), r"a \+ b \+ c must be <= 1"),
    (lambda: generate.erdos_renyi(0, 5, 1), "num_nodes is 0"),
])
def test_generator_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()
