# SPDX-License-Identifier: MIT
"""What-if and diff of :class:`linkequity.WebGraph` (docs/what-if.md): link edits and a disavow
file applied to a scored graph and re-scored warm-started, with per-node deltas; and the links and
referring domains that changed between two graphs. Computed in C++ (analysis/what_if.hpp,
analysis/web_diff.hpp); the WebGraph methods ``what_if`` and ``diff`` delegate here."""
from __future__ import annotations

import dataclasses
import os
from typing import Any, Dict, Optional, Sequence, Union

from . import _core
from . import _options as _table
from ._web import AuthorityResult, WebGraph, _FieldAccess, _column_list, _columns

PathLike = Union[str, "os.PathLike[str]"]
Links = Union[None, PathLike, Sequence[PathLike], Any]  # file(s) or a DataFrame / pyarrow Table

#: Columns of the delta tables (the name column is url, host or domain).
DELTA_COLUMNS = ["status", "score_before", "score_after", "score_change", "authority_before",
                 "authority_after", "authority_change", "rank_before", "rank_after"]


@dataclasses.dataclass(frozen=True)
class WhatIfResult(_FieldAccess):
    """The scored view after :meth:`WebGraph.what_if`'s edits. Read-only.

    ``pages`` / ``domains`` / ``hosts`` (None unless ``hosts=True``) are delta DataFrames: one row
    per node of either graph (url / domain / host), ``status`` (kept, new, dropped), score and
    0-100 authority before, after and the change, rank before and after (0 = absent), sorted by
    ``authority_change`` (best first), then name. ``graph`` is the edited :class:`WebGraph`
    (its :meth:`~WebGraph.authority` with the same options is already cached: ``scores``).
    ``edits`` counts what the edits did (rows, add_rows, remove_rows, links_removed, missing,
    bad_rows, new_pages, new_domains, dropped_pages, ..., examples)."""

    graph: WebGraph
    scores: AuthorityResult  #: the edited graph's authority (as WebGraph.authority returns it)
    pages: Any
    domains: Any
    hosts: Any
    edits: Dict[str, Any]
    links_disavowed: int  #: links the disavow file flagged in the edited graph


@dataclasses.dataclass(frozen=True)
class WebDiff(_FieldAccess):
    """What changed between two graphs (:meth:`WebGraph.diff`). Read-only DataFrames:
    ``links_new`` / ``links_lost`` (source, target, source_domain, target_domain, links,
    followable_links: pairs of page URLs only one graph has, sorted by URL) and ``domains``
    (domain, status, referring_domains_before/_after/_gained/_lost, score_before/_after/_change,
    authority_before/_after/_change; by authority_change, then name)."""

    links_new: Any
    links_lost: Any
    domains: Any


def _is_path(x: Any) -> bool:
    return isinstance(x, (str, os.PathLike))


def _add_links(edits: "_core.LinkEditsCore", links: Links, action: str, skip_bad: bool,
               name: str) -> None:
    """Appends files (any link format) or a DataFrame's rows (source, target[, anchor, rel,
    action]) to ``edits`` with ``action`` ('' = the edits file / column ``action`` decides)."""
    if links is None:
        return
    if _is_path(links) or (isinstance(links, (list, tuple)) and links and _is_path(links[0])):
        for p in [links] if _is_path(links) else links:
            edits.read(os.fspath(p), action, skip_bad)
        return
    cols = set(_columns(links))
    need = ["source", "target"] + (["action"] if action == "" else [])
    for c in need:
        if c not in cols:
            raise ValueError(f"what_if: {name} has no column '{c}' (columns: {sorted(cols)})")

    def col(c: str) -> list:
        if c not in cols:
            return []
        return [None if v is None or (isinstance(v, float) and v != v) else str(v)
                for v in _column_list(links[c])]

    edits.add_columns(action, name, col("source"), col("target"), col("anchor"), col("rel"),
                      col("action"))


def what_if(graph: WebGraph, add: Links = None, remove: Links = None,
            disavow: Optional[PathLike] = None, *, edits: Links = None,
            owner: Optional[str] = None, skip_bad: bool = False, warm_start: bool = True,
            **options: Any) -> WhatIfResult:
    """See :meth:`linkequity.WebGraph.what_if`."""
    import pandas as pd

    o = _table.build(_core.AuthorityOptions, "what_if", options)
    key = ("what_if_before", tuple(sorted(o.values().items())))
    before = graph._cache.get(key)
    if before is None:
        before = _core.score_for_what_if(graph._core, o)
        graph._cache[key] = before
    e = _core.LinkEditsCore()
    _add_links(e, edits, "", skip_bad, "<edits>")
    _add_links(e, remove, "remove", skip_bad, "<remove>")
    _add_links(e, add, "add", skip_bad, "<add>")
    raw = _core.what_if(graph._core, before, o, e, os.fspath(disavow) if disavow else "",
                        owner or "", skip_bad, warm_start)
    after = WebGraph(raw["graph"])
    scores = after._result(raw)
    after._cache[(tuple(sorted((k, v) for k, v in o.values().items() if k != "hosts")), None)] = \
        scores

    def deltas(level: str, name: str) -> Any:
        d = raw[f"{level}_delta"]
        if d is None:
            return None
        df = pd.DataFrame({name: d["name"], "status": d["status"],
                           "score_before": d["score_before"], "score_after": d["score_after"]})
        df["score_change"] = df["score_after"] - df["score_before"]
        df["authority_before"] = d["authority_before"]
        df["authority_after"] = d["authority_after"]
        df["authority_change"] = df["authority_after"] - df["authority_before"]
        df["rank_before"] = d["rank_before"]
        df["rank_after"] = d["rank_after"]
        return df

    return WhatIfResult(after, scores._copy(), deltas("pages", "url"), deltas("domains", "domain"),
                        deltas("hosts", "host"), dict(raw["edits"]), int(raw["links_disavowed"]))


def diff(before: WebGraph, after: WebGraph, **options: Any) -> WebDiff:
    """See :meth:`linkequity.WebGraph.diff`."""
    import pandas as pd

    if not isinstance(before, WebGraph) or not isinstance(after, WebGraph):
        raise TypeError("WebGraph.diff(before, after): both must be WebGraph objects")
    o = _table.build(_core.AuthorityOptions, "diff", options)
    raw = _core.web_diff(before._core, after._core, o)
    d = pd.DataFrame(raw["domains"])
    d.insert(8, "score_change", d["score_after"] - d["score_before"])
    d["authority_change"] = d["authority_after"] - d["authority_before"]
    return WebDiff(pd.DataFrame(raw["links_new"]), pd.DataFrame(raw["links_lost"]), d)
