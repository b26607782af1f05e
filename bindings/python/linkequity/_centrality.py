# SPDX-License-Identifier: MIT
"""linkequity.hits and linkequity.harmonic_centrality: keyword options in (through the C++
option tables), NumPy arrays out; the C++ kernels run with the GIL released."""
from __future__ import annotations

import inspect
import warnings
from typing import Any, Optional, Tuple

import numpy as np

from . import _core
from . import _options as _table
from ._graph import Graph

_HITS_TABLE = _table.fields(_core.HitsOptions)
_HARMONIC_TABLE = _table.fields(_core.HarmonicOptions)


def _check_graph(graph: Any, who: str) -> None:
    if not isinstance(graph, Graph):
        raise TypeError(f"{who}: graph must be a linkequity.Graph, got {type(graph).__name__}")


def hits(graph: Graph, **options: Any) -> Tuple[np.ndarray, np.ndarray]:
    r"""HITS hub and authority scores (Kleinberg) of the followable graph, as ``networkx.hits``.

    With A the followable adjacency matrix (``A[j, k]`` = weight of j → k, 1 when unweighted;
    parallel edges summed), starting from uniform hubs ``h = 1/n``, each iteration computes::

        a = Aᵀ h,   h' = A a,   then h' /= max(h'),  a /= max(a)

    until the L1 change of the max-normalised hubs is < ``tolerance`` (networkx's reference
    iteration) or ``max_iterations``; both vectors are then divided by their sums. The limit is
    the principal singular vector pair of A, which ``networkx.hits`` computes with ARPACK.
    A graph without a followable edge gives uniform vectors (networkx divides by zero).

    Args:
        graph: a :class:`Graph`.
        {options}

    Returns:
        ``(hubs, authorities)``: two float64 arrays indexed by node id, each summing to 1.
        When ``max_iterations`` is reached first, the last iterate is returned with a
        ``RuntimeWarning``. Identical on any thread count. Ctrl-C raises KeyboardInterrupt.

    Raises:
        ValueError: a bad option (named in the message). TypeError: an unknown keyword.
    """
    _check_graph(graph, "hits")
    o = _table.build(_core.HitsOptions, "hits", options)
    r = _core.hits(graph._core, o)
    if not r.converged:
        warnings.warn(f"hits: not converged after {r.iterations} iterations (residual "
                      f"{r.residual:.3g}, tolerance {o.tolerance:g})", RuntimeWarning,
                      stacklevel=2)
    return np.array(r.hubs), np.array(r.authorities)


def harmonic_centrality(graph: Graph, *, exact: Optional[bool] = None,
                        **options: Any) -> np.ndarray:
    r"""Harmonic centrality of every node, as ``networkx.harmonic_centrality(G)``::

        H(v) = Σ_{u ≠ v} 1 / d(u, v)

    over the followable shortest paths *into* v (hop counts; unreachable pairs add 0).

    ``exact=True`` runs a breadth-first search from every node (64 at a time, in parallel;
    identical on any thread count). ``exact=False`` estimates with HyperBall (HyperLogLog
    counters of ``2**registers_log2`` registers: each ball-size estimate has relative standard
    error ``1.04 / sqrt(2**registers_log2)``, 13 % at the default 6; H(v) + 1 is a positive
    combination of them). ``exact=None`` picks exact when ``ceil(n/64) * (n + m) <= 2**30``.

    Args:
        graph: a :class:`Graph`.
        exact: True (exact), False (HyperBall) or None (by size); short for ``method``.
        {options}

    Returns:
        A float64 array indexed by node id. Ctrl-C raises KeyboardInterrupt.

    Raises:
        ValueError: a bad option. TypeError: an unknown keyword.
    """
    _check_graph(graph, "harmonic_centrality")
    if exact is not None:
        method = "exact" if exact else "hyperball"
        if options.get("method", method) not in (method, None):
            raise ValueError(f"harmonic_centrality: exact={exact} contradicts "
                             f"method={options['method']!r}")
        options = {**options, "method": method}
    o = _table.build(_core.HarmonicOptions, "harmonic_centrality", options)
    return np.array(_core.harmonic_centrality(graph._core, o).scores)


def _document() -> None:
    graph = inspect.Parameter("graph", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    hits.__doc__ = (hits.__doc__ or "").replace("{options}", _table.document(_HITS_TABLE))
    hits.__signature__ = _table.signature([graph], _HITS_TABLE, [])  # type: ignore[attr-defined]
    harmonic_centrality.__doc__ = (harmonic_centrality.__doc__ or "").replace(
        "{options}", _table.document(_HARMONIC_TABLE))
    exact = inspect.Parameter("exact", inspect.Parameter.KEYWORD_ONLY, default=None)
    harmonic_centrality.__signature__ = _table.signature(  # type: ignore[attr-defined]
        [graph], _HARMONIC_TABLE, [exact])


_document()
