# SPDX-License-Identifier: MIT
"""Explaining scores and site mode: :func:`contributions` (where a node's PageRank comes from,
on a :class:`linkequity.Graph`), and the :class:`linkequity.WebGraph` methods ``explain``
(referring domains or pages of a target, with their all-paths and one-hop contributions) and
``site_authority`` (internal PageRank of one site, with orphans and dead ends). Computed in C++
(``algo/contributions.hpp``, ``analysis/explain.hpp``, ``web/site.hpp``); docs/explain.md and
docs/site.md define them."""
from __future__ import annotations

import dataclasses
import inspect
from typing import Any, Hashable

from . import _core
from . import _options as _table
from ._graph import Graph
from ._pagerank import _options as _pagerank_options
from ._web import _FieldAccess

ContributionsResult = _core.ContributionsResult


def contributions(graph: Graph, target: Hashable, *, evaporate: bool = False,
                  **options: Any) -> ContributionsResult:
    r"""Where the PageRank of ``target`` comes from (docs/explain.md).

    With T the followable transition matrix (T_jk = w_jk / out(j), out(j) as :func:`pagerank`
    counts it: in evaporate mode over every out-link), D and Z the dangling and evaporated mass
    of the final scores x, and the restart mass s_j = (1 − α + αZ) v_j + α D u_j::

        x = (I − αTᵀ)⁻¹ s,   x_t = Σ_j c_j,   c_j = s_j N_jt,   N = (I − αT)⁻¹

    ``all_paths`` is c (one extra solve, N e_t, serves every j); ``one_hop`` is
    α x_j w_jt / out(j) for each followable in-neighbour j (0 elsewhere) and ``restart`` is s_t:
    ``one_hop.sum() + restart`` is x_t too. Both identities hold to about
    ``tolerance * α / (1 − α)`` plus PageRank's own error: use ``tolerance=1e-14`` for 1e-12.

    Args:
        graph: a :class:`Graph`.
        target: the node (an id, or a label for graphs made from networkx).
        {options}
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    Returns:
        :class:`ContributionsResult` with ``score``, ``all_paths``, ``one_hop``, ``restart``,
        ``restart_mass``, ``column`` (N e_t), ``pagerank`` (the run), ``iterations``,
        ``residual``, ``converged``.

    Raises:
        IndexError: ``target`` is not a node (KeyError for an unknown label).
        ValueError: a bad option. TypeError: an unknown keyword.
    """
    o = _pagerank_options(graph, options, evaporate)
    node = target if graph.labels is None else graph.node_id(target)
    return _core.contributions(graph._core, int(node), o)


def _document() -> None:
    table = _table.fields(_core.PageRankOptions)
    contributions.__doc__ = (contributions.__doc__ or "").replace(
        "{options}", _table.document(table))
    first = [inspect.Parameter("graph", inspect.Parameter.POSITIONAL_OR_KEYWORD),
             inspect.Parameter("target", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    extra = [inspect.Parameter("evaporate", inspect.Parameter.KEYWORD_ONLY, default=False)]
    contributions.__signature__ = _table.signature(first, table, extra)  # type: ignore


_document()


def explain(web: Any, target: str, level: str = "domain", top: int = 50,
            evaporate: bool = False, **options: Any) -> Any:
    """See :meth:`linkequity.WebGraph.explain`."""
    import pandas as pd

    o = _table.build(_core.ExplainOptions, "explain", options, evaporate=evaporate)
    if level not in ("domain", "page"):
        raise ValueError(f"explain: level must be 'domain' or 'page', got {level!r}")
    if int(top) < 0:
        raise ValueError(f"explain: top must be >= 0, got {top}")
    raw = _core.web_explain(web._core, target, o, level, int(top))
    df = pd.DataFrame({
        ("url" if level == "page" else "domain"): raw["name"],
        "all_paths": raw["all_paths"], "share": raw["share"], "one_hop": raw["one_hop"],
        "links": raw["links"], "followable": raw["followable"], "authority": raw["authority"],
        "score": raw["score"]})
    df.attrs.update({k: raw[k] for k in (
        "level", "target", "self", "restart", "one_hop_total", "explained", "contributors",
        "referrers", "iterations", "converged")})
    df.attrs["score"] = raw["target_score"]
    df.attrs["authority"] = raw["target_authority"]
    return df


@dataclasses.dataclass(frozen=True)
class SiteAuthority(_FieldAccess):
    """Internal authority of one site (:meth:`linkequity.WebGraph.site_authority`; docs/site.md).
    Read-only; ``r["name"]`` is ``r.name``."""

    site: str  #: the registrable domain or host, as the graph spells it
    kind: str  #: "domain" or "host"
    pages: Any  #: DataFrame, one row per site page, best first (see site_authority)
    orphans: Any  #: the rows of ``pages`` that no internal followable link reaches
    dead_ends: Any  #: the rows of ``pages`` without an internal followable out-link
    internal_links: int  #: followable link rows between two different pages of the site
    page_pairs: int  #: edges of the site graph (parallel links once)
    iterations: int
    residual: float
    converged: bool
    floor: float  #: the score of a site page no internal link reaches (authority 0)


def site_authority(web: Any, site: str, evaporate: bool = False, **options: Any) -> SiteAuthority:
    """See :meth:`linkequity.WebGraph.site_authority`."""
    o = _table.build(_core.AuthorityOptions, "site_authority", options, evaporate=evaporate)
    raw = _core.site_authority(web._core, site, o)
    df = web._frame(raw["table"])
    pages = web.authority(evaporate=evaporate, **options).pages.set_index("url")
    counts = [c for c in _core.table_columns("pages")[6:]]
    at = list(df.columns).index("rank") + 1
    for i, c in enumerate(counts):
        df.insert(at + i, c, pages.loc[df["url"], c].to_numpy())
    df["orphan"] = df["orphan"].astype(bool)
    df["dead_end"] = df["dead_end"].astype(bool)
    orphans = df[df["orphan"]].reset_index(drop=True)
    dead_ends = df[df["dead_end"]].reset_index(drop=True)
    return SiteAuthority(raw["site"], raw["kind"], df, orphans, dead_ends, raw["internal_links"],
                         raw["page_pairs"], raw["iterations"], raw["residual"], raw["converged"],
                         raw["floor"])
