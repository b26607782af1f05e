# SPDX-License-Identifier: MIT
"""linkequity.topic_pagerank: topical authority, every topic's TrustRank in one batched run
(the C++ kernel, GIL released); ``topics`` is a dict topic → seeds."""
from __future__ import annotations

import inspect
from typing import Any, Hashable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from . import _options as _table
from ._graph import Graph
from ._pagerank import ProgressCallback, _make_progress

TopicPageRankResult = _core.TopicPageRankResult

Seeds = Union[Sequence[Hashable], Mapping[Hashable, float]]

_WHO = "topic_pagerank"
_TABLE = _table.fields(_core.TopicPageRankOptions)


def _seed_list(graph: Graph, name: str,
               seeds: Seeds) -> Tuple[str, List[int], Optional[List[float]]]:
    """(name, node ids, weights or None) of one topic; an unknown node names the topic."""
    if isinstance(seeds, (str, bytes)):
        raise TypeError(f"{_WHO}: topic {name!r}: seeds must be a sequence of nodes or a dict "
                        f"node → weight, got a string")
    weights: Optional[List[float]] = None
    nodes: List[Hashable]
    if isinstance(seeds, Mapping):
        nodes = list(seeds.keys())
        weights = [float(w) for w in seeds.values()]
    else:
        nodes = list(seeds)
    ids = np.empty(len(nodes), dtype=np.uint32)
    for q, node in enumerate(nodes):
        try:
            ids[q] = graph.node_id(node)
        except (KeyError, IndexError, TypeError, ValueError) as e:
            raise type(e)(f"{_WHO}: topic {name!r}: {e.args[0] if e.args else e}") from None
    return name, ids.tolist(), weights


def topic_pagerank(graph: Graph, topics: Mapping[Any, Seeds], *,
                   progress: Union[bool, ProgressCallback] = False, evaporate: bool = False,
                   **options: Any) -> TopicPageRankResult:
    r"""Topic-sensitive PageRank: for every topic, TrustRank with the topic's seeds.

    For topic t with seed weights s_t (1 per seed for a list of seeds), the personalisation
    and the dangling distribution are v_t = s_t / Σ s_t, and::

        x'_{it} = α Σ_{(j,i)∈E} x_{jt} w_ji / out(j)  +  α D_t v_{it}  +  (1 − α) v_{it}

    (``networkx.pagerank(G, personalization=v_t, dangling=v_t)``). All k topics run together:
    one pass over the graph per iteration updates every topic. Each topic stops changing once
    its own L1 residual is below ``tolerance``; the run ends when all have.

    Args:
        graph: a :class:`Graph`.
        topics: ``{topic: seeds}``; seeds are a sequence of nodes (ids, or labels for graphs
            from networkx) or a ``{node: weight}`` dict. Topic names become ``str``.
        {options}
        progress: as :func:`pagerank` (the residual shown is the largest of the running topics).
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    Returns:
        :class:`TopicPageRankResult`: ``topics`` (list of names), ``scores`` (an (n, k)
        float64 view, column t for topics[t], no copy), per-topic ``iterations``,
        ``residual`` and ``converged``, ``passes``.

    Raises:
        ValueError: no topics, a topic without seeds, a bad weight or option.
        KeyError / IndexError: a seed that is not a node (the message names the topic).
        TypeError: an unknown keyword, or seeds that are not a sequence or dict.
    """
    if not isinstance(graph, Graph):
        raise TypeError(f"{_WHO}: graph must be a linkequity.Graph, got {type(graph).__name__}")
    if not isinstance(topics, Mapping):
        raise TypeError(f"{_WHO}: topics must be a dict topic → seeds, got {type(topics).__name__}")
    if not topics:
        raise ValueError(f"{_WHO}: no topics given, expected at least one")
    o = _table.build(_core.TopicPageRankOptions, _WHO, options, evaporate=evaporate,
                     stacklevel=3)
    o.validate()
    seeds = [_seed_list(graph, str(name), s) for name, s in topics.items()]
    cb = _make_progress(progress, o.max_iterations)
    result = None
    try:
        result = _core.topic_pagerank(graph._core, seeds, o, cb)
    finally:
        if cb is not None and hasattr(cb, "close"):
            cb.close(None)
    return result


def _document() -> None:
    """topic_pagerank's Args section and signature, from the option table."""
    topic_pagerank.__doc__ = (topic_pagerank.__doc__ or "").replace(
        "{options}", _table.document(_TABLE))
    graph = inspect.Parameter("graph", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    topics = inspect.Parameter("topics", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    extra = [inspect.Parameter("progress", inspect.Parameter.KEYWORD_ONLY, default=False),
             inspect.Parameter("evaporate", inspect.Parameter.KEYWORD_ONLY, default=False)]
    topic_pagerank.__signature__ = _table.signature(  # type: ignore[attr-defined]
        [graph, topics], _TABLE, extra)


_document()
