# SPDX-License-Identifier: MIT
"""Seeded synthetic graphs (identical output on any thread count).

Each generator comes in two forms: ``kronecker(...)`` / ``erdos_renyi(...)`` return a
:class:`linkequity.Graph` (built with the given self-loop/duplicate policies), and
``kronecker_edges(...)`` / ``erdos_renyi_edges(...)`` return the raw
``(num_nodes, src, dst)`` uint32 arrays (self-loops and duplicates included) for use
elsewhere, e.g. ``Graph.from_edges(src, dst, num_nodes=n)`` (read without a copy).
"""
from __future__ import annotations

from typing import Tuple

import numpy as np

from . import _core
from ._graph import Graph

__all__ = ["kronecker", "kronecker_edges", "erdos_renyi", "erdos_renyi_edges"]

DEFAULT_SEED = 27491095


def kronecker_edges(scale: int, edge_factor: float = 16, seed: int = DEFAULT_SEED,
                    symmetrize: bool = False, *, a: float = 0.57, b: float = 0.19,
                    c: float = 0.19, permute: bool = True) -> Tuple[int, np.ndarray, np.ndarray]:
    """R-MAT/Kronecker edges (Graph500 parameters): ``2**scale`` nodes and
    ``edge_factor * 2**scale`` edges drawn (doubled when ``symmetrize``), node ids relabelled
    by a seeded permutation when ``permute``. Returns ``(num_nodes, src, dst)``.
    Raises ValueError for scale outside [1, 32], a negative edge factor or bad a/b/c."""
    return _core.kronecker_edges(scale, float(edge_factor), seed, a, b, c, permute, symmetrize)


def kronecker(scale: int, edge_factor: float = 16, seed: int = DEFAULT_SEED,
              symmetrize: bool = False, *, a: float = 0.57, b: float = 0.19, c: float = 0.19,
              permute: bool = True, self_loops: str = "drop", duplicates: str = "merge",
              lean: bool = False) -> Graph:
    """A Kronecker (R-MAT) :class:`Graph`; see :func:`kronecker_edges` for the parameters and
    :meth:`Graph.from_edges` for ``self_loops``, ``duplicates`` and ``lean``."""
    n, src, dst = kronecker_edges(scale, edge_factor, seed, symmetrize, a=a, b=b, c=c,
                                  permute=permute)
    return Graph.from_edges(src, dst, num_nodes=n, self_loops=self_loops,
                            duplicates=duplicates, lean=lean)


def erdos_renyi_edges(n: int, m: int, seed: int = DEFAULT_SEED) -> Tuple[int, np.ndarray, np.ndarray]:
    """Erdős–Rényi G(n, m) edges: m edges with independent uniform endpoints (with
    replacement). Returns ``(num_nodes, src, dst)``. Raises ValueError when n == 0 < m."""
    return _core.erdos_renyi_edges(n, m, seed)


def erdos_renyi(n: int, m: int, seed: int = DEFAULT_SEED, *, self_loops: str = "drop",
                duplicates: str = "merge", lean: bool = False) -> Graph:
    """An Erdős–Rényi G(n, m) :class:`Graph` (self-loops dropped and duplicates merged by
    default, so it may have fewer than m edges)."""
    num_nodes, src, dst = erdos_renyi_edges(n, m, seed)
    return Graph.from_edges(src, dst, num_nodes=num_nodes, self_loops=self_loops,
                            duplicates=duplicates, lean=lean)
