# SPDX-License-Identifier: MIT
"""linkequity.trustrank, anti_trustrank, cheirank and spam_mass on any Graph (docs/trust.md):
seeds given as node ids or labels (or a {node: weight} dict) in, PageRankResult /
SpamMassResult out; the C++ kernels run with the GIL released."""
from __future__ import annotations

import inspect
from typing import Any, Dict, Hashable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from . import _options as _table
from ._graph import Graph
from ._pagerank import PageRankResult, _make_progress, _options

SpamMassResult = _core.SpamMassResult

Seeds = Union[Sequence[Hashable], Mapping[Hashable, float]]

# The seeds set personalization and dangling; the other pagerank options apply unchanged.
_SEEDED = ("personalization", "dangling", "dangling_distribution")
_SEEDED_TABLE = _table.fields(_core.PageRankOptions, skip=_SEEDED)
_PAGERANK_TABLE = _table.fields(_core.PageRankOptions)
_SPAM_TABLE = _table.fields(_core.SpamMassOptions)


def _seed_ids(graph: Graph, seeds: Any, who: str) -> Tuple[List[int], List[float]]:
    """Node ids and weights (empty = equal) of ``seeds``: ids or labels, or a dict of weights.
    Raises TypeError for a str or non-iterable, ValueError for none or a duplicate,
    IndexError / KeyError for an unknown id / label."""
    if not isinstance(graph, Graph):
        raise TypeError(f"{who}: graph must be a linkequity.Graph, got {type(graph).__name__}")
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise TypeError(f"{who}: seeds must be a sequence of nodes or a {{node: weight}} dict, "
                        f"got {type(seeds).__name__}")
    if isinstance(seeds, Mapping):
        items = list(seeds.items())
        nodes = [node for node, _ in items]
        weights = [float(w) for _, w in items]
    else:
        nodes = list(seeds.tolist() if isinstance(seeds, np.ndarray) else seeds)
        weights = []
    if not nodes:
        raise ValueError(f"{who}: no seeds, expected at least one node")
    ids: List[int] = []
    seen: Dict[int, Hashable] = {}
    for node in nodes:
        i = graph.node_id(node)
        if i in seen:
            raise ValueError(f"{who}: seed {node!r} is listed twice, expected each node once")
        seen[i] = node
        ids.append(i)
    return ids, weights


def _seeded_options(graph: Graph, options: Dict[str, Any], who: str) -> Any:
    for name in _SEEDED:
        if name in options:
            raise TypeError(f"{who}: unexpected option {name!r}; the seeds define the "
                            "personalization and dangling distribution")
    return _options(graph, options, options.pop("evaporate", False), stacklevel=5)


def trustrank(graph: Graph, seeds: Seeds, *, progress: Any = False,
              **options: Any) -> PageRankResult:
    r"""TrustRank: PageRank personalised on the seed set S, dangling score to S as well::

        v_i = w_i / Σ_{j∈S} w_j  (i ∈ S; 0 elsewhere),   u = v
        x'_i = α Σ_{(j,i)∈E} x_j w_ji / out(j) + α D v_i + (1 − α) v_i

    Exactly ``networkx.pagerank(G, personalization=v, dangling=v)``. Scores sum to 1; nodes
    no seed reaches score 0.

    Args:
        graph: a :class:`Graph`.
        seeds: node ids (labels for a graph built with labels), each once, or a
            ``{node: weight}`` dict (weights >= 0, positive sum; default: equal weights).
        {options}
        progress: as :func:`pagerank`'s.
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    Raises:
        ValueError: no seeds, a seed listed twice, a negative or non-finite weight, weights
            summing to 0, a bad option. IndexError / KeyError: a seed that is not a node id /
            label. TypeError: seeds of another type, an unknown keyword (``personalization``
            and ``dangling`` included: the seeds define them).
    """
    ids, weights = _seed_ids(graph, seeds, "trustrank")
    o = _seeded_options(graph, dict(options), "trustrank")
    return _run(lambda cb: _core.trustrank(graph._core, ids, weights, o, cb), progress, o)


def anti_trustrank(graph: Graph, seeds: Seeds, *, progress: Any = False,
                   **options: Any) -> PageRankResult:
    r"""Anti-TrustRank: :func:`trustrank` with a seed set of known spam over the *reversed*
    followable graph (out-weights measured in the reversed graph): high scores mark nodes
    that link to spam, closely or through few links. Exactly ``networkx.pagerank(
    G.reverse(), personalization=v, dangling=v)``.

    Args:
        graph: a :class:`Graph` (not lean: its out-adjacency is the reversed graph).
        seeds: as :func:`trustrank`'s.
        {options}
        progress: as :func:`pagerank`'s.
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    Raises:
        as :func:`trustrank`; ValueError for a lean graph.
    """
    ids, weights = _seed_ids(graph, seeds, "anti_trustrank")
    o = _seeded_options(graph, dict(options), "anti_trustrank")
    return _run(lambda cb: _core.anti_trustrank(graph._core, ids, weights, o, cb), progress, o)


def cheirank(graph: Graph, *, progress: Any = False, evaporate: bool = False,
             **options: Any) -> PageRankResult:
    r"""CheiRank: PageRank of the reversed followable graph (uniform teleport unless
    ``personalization`` is given). High CheiRank marks nodes that pass authority on to many
    others. Exactly ``networkx.pagerank(G.reverse())`` with the same options.

    Args:
        graph: a :class:`Graph` (not lean).
        {options}
        progress: as :func:`pagerank`'s.
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    Raises:
        ValueError: a bad option, a lean graph. TypeError: an unknown keyword.
    """
    o = _options(graph, options, evaporate)
    return _run(lambda cb: _core.cheirank(graph._core, o, cb), progress, o)


def spam_mass(graph: Graph, core: Sequence[Hashable], **options: Any) -> SpamMassResult:
    r"""Spam mass (Gyöngyi et al., VLDB 2006) for the good core C, in the linear form. With T
    the followable transition matrix (T_jk = w_jk / out(j); rows of dangling nodes zero: their
    score is *not* redistributed, so ``pagerank`` sums to 1 only without dangling nodes)::

        p  = (1 − α)(I − αTᵀ)⁻¹ 𝟙/N          (.pagerank)
        p′ = (1 − α)(I − αTᵀ)⁻¹ 𝟙_C/N        (.core_pagerank)
        M  = p − p′                          (.absolute)
        m  = 1 − p′/p, in [0, 1]             (.relative)

    Both systems are solved in one Jacobi pass over the graph per iteration.

    Args:
        graph: a :class:`Graph`.
        core: the good core: node ids (labels for a graph built with labels), each once.
        {options}

    Returns:
        :class:`SpamMassResult` with float64 arrays ``pagerank``, ``core_pagerank``,
        ``absolute``, ``relative`` and ``iterations``, ``residual``, ``converged``.

    Raises:
        ValueError: an empty core, a node listed twice, a bad option. IndexError / KeyError:
            an unknown node id / label. TypeError: an unknown keyword, a dict core.
    """
    if isinstance(core, Mapping):
        raise TypeError("spam_mass: core must be a sequence of nodes (the good core is "
                        "unweighted: 1_C/N)")
    ids, _ = _seed_ids(graph, core, "spam_mass")
    o = _table.build(_core.SpamMassOptions, "spam_mass", options)
    o.validate()
    return _core.spam_mass(graph._core, ids, o)


def _run(call: Any, progress: Any, o: Any) -> PageRankResult:
    cb = _make_progress(progress, o.max_iterations)
    result = None
    try:
        result = call(cb)
    finally:
        if cb is not None and hasattr(cb, "close"):
            cb.close(result)
    return result


def _document() -> None:
    """Args sections and signatures from the option tables."""
    graph = inspect.Parameter("graph", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    seeds = inspect.Parameter("seeds", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    core = inspect.Parameter("core", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    extra = [inspect.Parameter("progress", inspect.Parameter.KEYWORD_ONLY, default=False),
             inspect.Parameter("evaporate", inspect.Parameter.KEYWORD_ONLY, default=False)]
    for f, first, table, more in ((trustrank, [graph, seeds], _SEEDED_TABLE, extra),
                                  (anti_trustrank, [graph, seeds], _SEEDED_TABLE, extra),
                                  (cheirank, [graph], _PAGERANK_TABLE, extra),
                                  (spam_mass, [graph, core], _SPAM_TABLE, [])):
        f.__doc__ = (f.__doc__ or "").replace("{options}", _table.document(table))
        f.__signature__ = _table.signature(first, table, more)  # type: ignore[attr-defined]


_document()


def _seed_source(x: Any, name: str) -> Any:
    """A seed file path (str / PathLike) as str, or a list of domain/host/URL entries."""
    import os

    if isinstance(x, (str, os.PathLike)):
        return os.fspath(x)
    if isinstance(x, (bytes, Mapping)) or not hasattr(x, "__iter__"):
        raise TypeError(f"authority: {name} must be a seed file path or a list of domains, "
                        f"hosts or URLs, got {type(x).__name__}")
    return [str(e) for e in x]


def seed_key(trusted: Any, spam: Any) -> Any:
    """The part of WebGraph.authority's cache key that the trust seeds make."""
    if trusted is None and spam is None:
        return None
    def key(x: Any) -> Any:
        s = None if x is None else _seed_source(x, "seeds")
        return tuple(s) if isinstance(s, list) else s
    return (key(trusted), key(spam))


def add_web_columns(core: Any, o: Any, raw: Dict[str, Any], trusted: Any, spam: Any) -> None:
    """Appends the trust columns (docs/trust.md) to the ScoreTables of ``raw`` (the dict of
    ``_core.WebGraphCore.authority``), warning about seed entries that name no node."""
    import warnings

    if trusted is None:
        if spam is not None:
            raise ValueError("authority: spam needs trusted (the trust columns come with it)")
        return
    t = _seed_source(trusted, "trusted")
    s = None if spam is None else _seed_source(spam, "spam")
    hosts = None if raw["hosts"] is None else raw["hosts"][0]
    rep = _core.add_trust_columns(core, o, t, s, raw["pages"][0], raw["domains"][0], hosts)
    for what, key in (("trusted", "unmatched_trusted"), ("spam", "unmatched_spam")):
        for line, value in rep[key]:
            warnings.warn(f"authority: {what} seed {value!r} (entry {line}) is not in the graph; "
                          "ignored", stacklevel=4)
    if not rep["converged"]:
        warnings.warn("authority: a trust run did not converge; raise max_iterations or "
                      "tolerance", RuntimeWarning, stacklevel=4)
