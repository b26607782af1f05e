# SPDX-License-Identifier: MIT
"""Link planning (docs/planning.md): :func:`link_gain` on a :class:`Graph` (the exact gain of one
new followable link from every candidate source, with an error bound) and the
:meth:`WebGraph.plan_links` plan (:class:`LinkPlan`), both computed in C++ and shaped here into
pandas DataFrames."""
from __future__ import annotations

import dataclasses
import inspect
from typing import Any, Dict, Hashable, Optional, Sequence, Union

import numpy as np

from . import _core
from . import _options as _table
from ._graph import Graph
from ._web import _FieldAccess

_GAIN_TABLE = _table.fields(_core.LinkGainOptions)
_PLAN_TABLE = _table.fields(_core.WebPlanOptions)

#: Columns of :func:`link_gain`'s DataFrame.
GAIN_COLUMNS = ["source", "gain", "score_after", "error_bound", "existing_link"]


def link_gain(graph: Graph, target: Hashable, candidates: Optional[Sequence[Hashable]] = None,
              *, evaporate: bool = False, **options: Any) -> Any:
    """The PageRank gain of ``target`` from one new followable link j -> target, for every
    candidate source j, best first (ties by node id).

    ``gain`` is x'_t - x_t, x' the PageRank of the graph with the link added, computed for all
    candidates at once by the rank-one (Sherman-Morrison) update of docs/planning.md — not by
    re-running PageRank per candidate — with ``error_bound`` a rigorous bound on each gain's
    error (refined until it is at most ``relative_error`` of the gain). A candidate whose links
    to the target are all excluded (nofollow, ...) is scored as if they became followable
    (``existing_link`` True); in evaporate mode they already count in its out-weight.

    Args:
        graph: a :class:`Graph` (not lean: the out-adjacency is needed).
        target: the target node (a label for graphs with labels).
        candidates: nodes (labels) to rank; None = every node without a followable link to
            the target. Given ones that already link followably are skipped (counted in
            ``df.attrs["skipped"]``).
        {options}
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    Returns:
        DataFrame with columns ``source`` (labels when the graph has them), ``gain``,
        ``score_after`` (x_t + gain), ``error_bound``, ``existing_link``; ``df.attrs`` holds
        ``score`` (x_t), ``score_error``, ``skipped``, ``pushes``, ``solve_iterations``,
        ``pagerank_iterations`` and ``seconds``.

    Raises:
        ValueError: a bad option, the target among the candidates, a lean graph.
        KeyError / IndexError: an unknown target or candidate.
    """
    import pandas as pd

    if not isinstance(graph, Graph):
        raise TypeError(f"link_gain: graph must be a linkequity.Graph, got {type(graph).__name__}")
    o = _table.build(_core.LinkGainOptions, "link_gain", options, evaporate=evaporate,
                     node_vector=graph._node_vector)
    t = graph.node_id(target)
    ids = [graph.node_id(c) for c in candidates] if candidates is not None else []
    if candidates is not None and not ids:
        raise ValueError("link_gain: candidates is empty (give None for every node)")
    raw = _core.link_gain(graph._core, t, ids, o)
    source: Any = raw["source"]
    if graph.labels is not None:
        source = [graph.labels[i] for i in source]
    df = pd.DataFrame({"source": source, "gain": raw["gain"], "score_after": raw["score_after"],
                       "error_bound": raw["error_bound"],
                       "existing_link": np.asarray(raw["existing_link"], dtype=bool)},
                      columns=GAIN_COLUMNS)
    df.attrs.update({k: raw[k] for k in ("score", "score_error", "skipped", "pushes",
                                         "solve_iterations", "pagerank_iterations", "seconds")})
    return df


@dataclasses.dataclass(frozen=True)
class LinkPlan(_FieldAccess):
    """A link plan for one target (:meth:`linkequity.WebGraph.plan_links`). Read-only;
    ``p["name"]`` is ``p.name``.

    ``candidates``: the first link's ranking (DataFrame, best first, the ``top`` best): the
    level's name column (``domain`` or ``page``), ``authority`` (the candidate's own, 0-100),
    ``gain``, ``error_bound``, ``score_after`` (the target's score with that link alone),
    ``existing_link``. ``steps``: the greedy plan (one row per link, in order): ``step``, the
    name column, ``authority``, ``gain`` (predicted on the graph of the previous step),
    ``error_bound``, ``score_after`` and ``authority_after`` (the target's, re-scored with every
    link so far). A site plan (``site`` given) is of page URLs of the site, with gains and
    authority those of the site's internal graph (docs/site.md)."""

    target: str  #: the target domain (or page URL)
    level: str  #: "domain" or "page"
    score_before: float  #: the target's raw score before any link
    authority_before: float  #: its 0-100 authority before any link
    ranked: int  #: candidates ranked for the first link
    skipped: int  #: given candidates that already link followably (not ranked)
    candidates: Any  #: DataFrame: the first link's ranking
    steps: Any  #: DataFrame: the greedy plan
    site: Optional[str] = None  #: the site of an internal-link plan (as the graph spells it)


def plan_links(web: Any, target: str, level: Optional[str] = None,
               candidates: Union[None, str, Sequence[str]] = None, k: int = 1, top: int = 50,
               *, site: Optional[str] = None, evaporate: bool = False,
               **options: Any) -> LinkPlan:
    """See :meth:`linkequity.WebGraph.plan_links`."""
    import pandas as pd

    if site is not None:
        if not isinstance(site, str) or not site.strip():
            raise ValueError(f"plan_links: site must be a domain or host name, got {site!r}")
        if level not in (None, "page"):
            raise ValueError(f"plan_links: a site plan is of the site's pages; level={level!r} "
                             "does not apply")
        level = "page"
    elif level is None:
        level = "domain"

    if isinstance(candidates, str):
        candidates = [candidates]
    names = [str(c) for c in candidates] if candidates is not None else []
    if candidates is not None and not names:
        raise ValueError("plan_links: candidates is empty (give None for every domain or page)")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"plan_links: k must be an integer >= 1, got {k!r}")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise ValueError(f"plan_links: top must be an integer >= 0, got {top!r}")
    o = _table.build(_core.WebPlanOptions, "plan_links", options, evaporate=evaporate)
    raw = _core.web_plan_links(web._core, str(target), names, o, level, int(k), int(top),
                               site or "")
    col = "domain" if level == "domain" else "page"
    c, s = raw["candidates"], raw["steps"]
    cands = pd.DataFrame({col: c["name"], "authority": c["authority"], "gain": c["gain"],
                          "error_bound": c["error_bound"], "score_after": c["score_after"],
                          "existing_link": np.asarray(c["existing_link"], dtype=bool)},
                         columns=[col, "authority", "gain", "error_bound", "score_after",
                                  "existing_link"])
    steps = pd.DataFrame({"step": np.arange(1, len(s["name"]) + 1), col: s["name"],
                          "authority": s["authority"], "gain": s["gain"],
                          "error_bound": s["error_bound"], "score_after": s["score_after"],
                          "authority_after": s["authority_after"]},
                         columns=["step", col, "authority", "gain", "error_bound", "score_after",
                                  "authority_after"])
    return LinkPlan(target=raw["target"], level=level, score_before=raw["score_before"],
                    authority_before=raw["authority_before"], ranked=raw["ranked"],
                    skipped=raw["skipped"], candidates=cands, steps=steps, site=raw["site"])


def _document() -> None:
    link_gain.__doc__ = (link_gain.__doc__ or "").replace("{options}",
                                                          _table.document(_GAIN_TABLE))
    graph = inspect.Parameter("graph", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    target = inspect.Parameter("target", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    cands = inspect.Parameter("candidates", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None)
    extra = [inspect.Parameter("evaporate", inspect.Parameter.KEYWORD_ONLY, default=False)]
    link_gain.__signature__ = _table.signature(  # type: ignore[attr-defined]
        [graph, target, cands], _GAIN_TABLE, extra)


def plan_options_doc(indent: int = 12) -> str:
    """The Args lines of WebGraph.plan_links's options, from the option table."""
    return _table.document(_PLAN_TABLE, indent=indent)


_document()


def _document_web() -> None:
    from ._web import WebGraph

    WebGraph.plan_links.__doc__ = (WebGraph.plan_links.__doc__ or "").replace(
        "{options}", plan_options_doc())


_document_web()
