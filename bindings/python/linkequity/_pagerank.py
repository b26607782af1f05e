# SPDX-License-Identifier: MIT
"""linkequity.pagerank: keyword options in, PageRankResult out (the C++ kernel, GIL released)."""
from __future__ import annotations

import sys
import time
import inspect
from typing import Any, Callable, Dict, Mapping, Optional, Union

import numpy as np

from . import _core
from . import _options as _table
from ._graph import Graph

PageRankResult = _core.PageRankResult

NodeWeights = Union[np.ndarray, "list[float]", Mapping[Any, float]]
ProgressCallback = Callable[[int, int, float, float], Optional[bool]]

_WHO = "pagerank"
_TABLE = _table.fields(_core.PageRankOptions)


def _options(graph: Graph, options: Dict[str, Any], evaporate: bool = False,
             stacklevel: int = 4) -> _core.PageRankOptions:
    """PageRankOptions from keyword arguments, through the option table (with its shorthands:
    ``evaporate``, an array or dict ``dangling``), validated for graph."""
    if not isinstance(graph, Graph):
        raise TypeError(f"pagerank: graph must be a linkequity.Graph, got {type(graph).__name__}")
    o = _table.build(_core.PageRankOptions, _WHO, options, evaporate=evaporate,
                     node_vector=graph._node_vector, stacklevel=stacklevel)
    o.validate(graph.num_nodes)
    return o


class _StderrProgress:
    """A one-line progress display on stderr (when tqdm is not installed), at most 5 per second."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, it: int, total: int, residual: float, tol: float) -> None:
        now = time.monotonic()
        if now - self.last >= 0.2:
            self.last = now
            sys.stderr.write(f"\rpagerank: iteration {it}/{total}, residual {residual:.3e}")
            sys.stderr.flush()

    def close(self, result: Optional[PageRankResult]) -> None:
        if result is not None and self.last:
            sys.stderr.write(f"\rpagerank: {result.iterations} iterations, "
                             f"residual {result.residual:.3e}\n")
            sys.stderr.flush()


class _TqdmProgress:
    def __init__(self, total: int) -> None:
        from tqdm.auto import tqdm

        self.bar = tqdm(total=total, desc="pagerank", unit="it", leave=False)

    def __call__(self, it: int, total: int, residual: float, tol: float) -> None:
        self.bar.update(it - self.bar.n)
        self.bar.set_postfix_str(f"residual={residual:.2e}", refresh=False)

    def close(self, result: Optional[PageRankResult]) -> None:
        if result is not None:
            self.bar.update(result.iterations - self.bar.n)
        self.bar.close()


def _make_progress(progress: Any, total: int) -> Any:
    if progress is None or progress is False:
        return None
    if progress is True:
        try:
            return _TqdmProgress(total)
        except ImportError:
            return _StderrProgress()
    if callable(progress):
        return progress
    raise TypeError("pagerank: progress must be a bool or a callable "
                    f"(iteration, max_iterations, residual, tolerance), got {progress!r}")


def pagerank(graph: Graph, *, progress: Union[bool, ProgressCallback] = False,
             evaporate: bool = False, **options: Any) -> PageRankResult:
    r"""PageRank scores of every node of ``graph``.

    For n nodes, followable edges E with weights w (1 when unweighted), damping α,
    personalisation v (uniform when not given; normalised to sum 1) and dangling
    distribution u (defaults to v)::

        out(j) = Σ_{(j,k)∈E} w_jk                      (followable out-weight of j)
        x'_i   = α Σ_{(j,i)∈E} x_j · w_ji / out(j)  +  α · D · u_i  +  (1 − α) · v_i
        D      = Σ_{j : out(j)=0} x_j                  (dangling mass)

    starting from v (or ``start``), iterating until ‖x' − x‖₁ < tolerance or
    ``max_iterations``. Scores sum to 1. With the same options this is exactly
    ``networkx.pagerank(G, alpha, personalization, weight, dangling=...)``.

    Args:
        graph: a :class:`Graph`.
        {options}
        progress: ``True`` shows a tqdm bar (a stderr line without tqdm); a callable gets
            ``(iteration, max_iterations, residual, tolerance)`` after each iteration and
            may return ``False`` to stop (the result then has ``cancelled=True``).
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    ``personalization``, ``dangling_distribution`` and ``start`` take an array of length n
    or a ``{node: weight}`` dict (nodes are labels for graphs from networkx); ``dangling``
    also takes such an array or dict (it is then ``dangling_distribution``), and ``None``
    (like personalization: networkx semantics). networkx stops at ``err < n * tol``: use
    ``tol = tolerance / n`` there for the same rule. When the tolerance is not reached the
    result holds the ``max_iterations``-th iterate with ``converged=False`` (no exception).
    Options are checked against the table of ``PageRankOptions``: an unknown keyword is a
    TypeError; an old spelling (``node_order="auto"``) works with a DeprecationWarning.

    The GIL is released while the kernel runs (other Python threads keep running).
    Ctrl-C stops the iterations within about 0.1 s and raises KeyboardInterrupt.

    Returns:
        :class:`PageRankResult` with ``scores`` (a float64 view of the C++ result, no copy),
        ``iterations``, ``residual``, ``converged``, ``cancelled``, ``history``, ``seconds``.

    Raises:
        ValueError: a bad option (the message names it, its value and what is allowed).
        TypeError: an unknown keyword.
        IndexError: a personalization/dangling/start dict key that is not a node id;
            KeyError for an unknown label.
    """
    o = _options(graph, options, evaporate)
    cb = _make_progress(progress, o.max_iterations)
    result = None
    try:
        result = _core.pagerank(graph._core, o, cb)
    finally:
        if cb is not None and hasattr(cb, "close"):
            cb.close(result)
    return result


def pagerank_residual(graph: Graph, scores: Any, *, evaporate: bool = False,
                      **options: Any) -> float:
    """‖step(x) − x‖₁ where step is one PageRank iteration (same options as :func:`pagerank`)
    computed serially in the push direction — an independent check of a result. A converged
    result has a residual of about ``damping * tolerance``."""
    o = _options(graph, options, evaporate)
    return _core.pagerank_residual(graph._core, np.asarray(scores, dtype=np.float64), o)


def _document() -> None:
    """pagerank's Args section and signature, from the option table."""
    pagerank.__doc__ = (pagerank.__doc__ or "").replace("{options}", _table.document(_TABLE))
    graph = inspect.Parameter("graph", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    extra = [inspect.Parameter("progress", inspect.Parameter.KEYWORD_ONLY, default=False),
             inspect.Parameter("evaporate", inspect.Parameter.KEYWORD_ONLY, default=False)]
    pagerank.__signature__ = _table.signature([graph], _TABLE, extra)  # type: ignore[attr-defined]
    scores = inspect.Parameter("scores", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    pagerank_residual.__signature__ = _table.signature(  # type: ignore[attr-defined]
        [graph, scores], _TABLE, extra[1:])


_document()
