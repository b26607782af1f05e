# SPDX-License-Identifier: MIT
"""Backlink analysis of a :class:`linkequity.WebGraph`: link intersect (competitor gap), anchor
text, link profile, the HTML report and the graph for networkx. Computed once in C++
(``include/linkequity/analysis``), shaped here into pandas DataFrames; the WebGraph methods of
the same names delegate to these functions. Domain authority is computed with the default
options (as ``WebGraph.domain_authority()``)."""
from __future__ import annotations

import dataclasses
import os
import tempfile
from typing import Any, Dict, Optional, Sequence, Union

from . import _core
from ._web import _FieldAccess

PathLike = Union[str, "os.PathLike[str]"]

#: Anchor classes, in the order the classifier tries them (first match wins).
ANCHOR_CLASSES = ["empty", "url", "exact", "partial", "branded", "generic", "other"]


def _names(values: Union[str, Sequence[str], None], what: str) -> list:
    if values is None:
        return []
    if isinstance(values, str):
        return [v.strip() for v in values.split(",")] if values.strip() else []
    return [str(v) for v in values]


def link_intersect(graph: Any, competitors: Union[str, Sequence[str]],
                   exclude: Optional[str] = None, min_targets: int = 1) -> Any:
    """Link intersect (competitor gap): see :meth:`linkequity.WebGraph.link_intersect`."""
    import pandas as pd

    comps = _names(competitors, "competitors")
    raw = _core.analysis_link_intersect(graph._core, comps, exclude or "", int(min_targets))
    data: Dict[str, Any] = {"domain": raw["domain"], "authority": raw["authority"],
                            "targets_linked": raw["targets_linked"]}
    for i, c in enumerate(raw["competitors"]):
        data[c] = raw["linked"][:, i] if len(raw["domain"]) else []
    data["links"] = raw["links"]
    df = pd.DataFrame(data)
    for c in raw["competitors"]:
        df[c] = df[c].astype(bool)
    return df


def anchors(graph: Any, target: str, keywords: Union[str, Sequence[str]] = (),
            level: str = "domain") -> Any:
    """Anchor text of the links into ``target``: see :meth:`linkequity.WebGraph.anchors`."""
    import pandas as pd

    if not isinstance(keywords, str) and keywords is not None and len(keywords) == 0:
        kw: list = []
    else:
        kw = [str(k) for k in keywords] if not isinstance(keywords, str) else [keywords]
    raw = _core.analysis_anchors(graph._core, target, kw, level)
    df = pd.DataFrame(raw["rows"], columns=["anchor", "class", "links", "referring_domains",
                                            "share"])
    classes = pd.DataFrame(raw["classes"], columns=["class", "anchors", "links",
                                                    "referring_domains", "share"])
    df.attrs.update({"classes": classes, "target": raw["target"], "brand": raw["brand"],
                     "links": raw["links"], "referring_domains": raw["referring_domains"]})
    return df


@dataclasses.dataclass(frozen=True)
class LinkProfile(_FieldAccess):
    """The link profile of one target domain (:meth:`linkequity.WebGraph.profile`; the figures
    are defined in docs/backlinks.md). Read-only; ``p["name"]`` is ``p.name``."""

    target: str  #: the registrable domain profiled
    authority: float  #: its domain authority, 0-100
    score: float  #: its raw domain PageRank
    rank: int  #: its rank among the domains (1 = best)
    domains_in_graph: int
    backlinks: int  #: links into the target from other domains
    followable_backlinks: int
    referring_domains: int
    followable_referring_domains: int
    referring_pages: int
    followable_share: float  #: followable_backlinks / backlinks
    rel: Dict[str, int]  #: links by rel: follow, nofollow, sponsored, ugc, disavowed
    positions: Dict[str, int]  #: links by position in the page
    authority_bands: Dict[str, int]  #: referring domains by authority band ("0-10", ...)
    tlds: Dict[str, int]  #: referring domains by public suffix
    has_dates: bool  #: whether the input carried first/last seen dates
    latest_seen: str  #: the newest date (YYYY-MM-DD...), "" without dates
    sitewide_domains: int  #: referring domains that link sitewide
    sitewide_links: int  #: their links
    months: Any  #: pandas.DataFrame: month, new/lost domains, new/lost links
    top_referring_domains: Any  #: pandas.DataFrame of the best referring domains


def profile(graph: Any, target: str, *, top: int = 20, sitewide_pages: int = 10,
            sitewide_min_pages: int = 3, sitewide_share: float = 0.5) -> LinkProfile:
    """Link profile of ``target``: see :meth:`linkequity.WebGraph.profile`."""
    import pandas as pd

    raw = _core.analysis_profile(graph._core, target, int(top), int(sitewide_pages),
                                 int(sitewide_min_pages), float(sitewide_share))
    out = {k: v for k, v in raw.items() if k not in ("months", "referring_domains_table")}
    out["months"] = pd.DataFrame(raw["months"], columns=["month", "new_domains", "lost_domains",
                                                        "new_links", "lost_links"])
    out["top_referring_domains"] = pd.DataFrame(
        raw["referring_domains_table"],
        columns=["domain", "authority", "rank", "links", "followable_links", "linking_pages",
                 "domain_pages", "sitewide", "first_seen", "last_seen"])
    return LinkProfile(**out)


def report(graph: Any, target: str, path: PathLike, *, keywords: Sequence[str] = (),
           top: int = 25) -> str:
    """Writes the HTML report: see :meth:`linkequity.WebGraph.report`. Returns the path."""
    html = _core.analysis_report(graph._core, target, [str(k) for k in keywords], int(top))
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
        os.replace(tmp, path)  # complete file or none
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def to_networkx(graph: Any, level: str = "domain", *, top: int = 0,
                min_authority: float = 0.0) -> Any:
    """The domain or host graph as a networkx.DiGraph: see :meth:`linkequity.WebGraph.to_networkx`."""
    import networkx as nx

    t = _core.analysis_export_tables(graph._core, level, int(top), float(min_authority))
    g = nx.DiGraph(level=level)
    names = t["name"]
    for i, name in enumerate(names):
        g.add_node(name, score=float(t["score"][i]), authority=float(t["authority"][i]),
                   rank=int(t["rank"][i]), backlinks=int(t["backlinks"][i]),
                   referring_domains=int(t["referring_domains"][i]),
                   outgoing_links=int(t["outgoing_links"][i]), pages=int(t["pages"][i]))
    for s, d, w, f in zip(t["edge_source"], t["edge_target"], t["weight"], t["followable"]):
        g.add_edge(names[s], names[d], weight=int(w), followable=int(f))
    return g
