# SPDX-License-Identifier: MIT
"""linkequity: page and domain authority (PageRank family) over web link graphs.

The C++ library's Python face. Build graphs from NumPy arrays (:meth:`Graph.from_edges`),
networkx (:meth:`Graph.from_networkx`) or generators (:mod:`linkequity.generate`), score them
with :func:`pagerank`. Link exports become a :class:`WebGraph` (pages, hosts, registrable
domains) scored as page / domain / host authority DataFrames. Every compute call releases the GIL.
"""
from . import _core
from ._core import ParseError, PageRankResult, normalize_host_name, normalize_url
from ._graph import Flag, Graph
from ._pagerank import pagerank, pagerank_residual
from ._trust import SpamMassResult, anti_trustrank, cheirank, spam_mass, trustrank
from ._salsa import SalsaResult, salsa
from ._topics import TopicPageRankResult, topic_pagerank
from ._centrality import harmonic_centrality, hits
from ._web import AuthorityInfo, AuthorityResult, WebGraph
from ._analysis import LinkProfile
from ._explain import ContributionsResult, SiteAuthority, contributions
from ._plan import LinkPlan, link_gain
from ._what_if import WebDiff, WhatIfResult
from . import generate

__version__: str = _core.__version__

__all__ = [
    "AuthorityInfo",
    "AuthorityResult",
    "ContributionsResult",
    "Flag",
    "Graph",
    "LinkPlan",
    "LinkProfile",
    "PageRankResult",
    "ParseError",
    "SalsaResult",
    "SiteAuthority",
    "SpamMassResult",
    "TopicPageRankResult",
    "WebDiff",
    "WebGraph",
    "WhatIfResult",
    "__version__",
    "anti_trustrank",
    "cheirank",
    "contributions",
    "generate",
    "harmonic_centrality",
    "hits",
    "link_gain",
    "normalize_host_name",
    "normalize_url",
    "pagerank",
    "pagerank_residual",
    "salsa",
    "spam_mass",
    "topic_pagerank",
    "trustrank",
]
