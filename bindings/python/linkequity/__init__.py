# SPDX-License-Identifier: MIT
"""linkequity: page and domain authority (PageRank family) over web link graphs.

The C++ library's Python face. Build graphs from NumPy arrays (:meth:`Graph.from_edges`),
networkx (:meth:`Graph.from_networkx`) or generators (:mod:`linkequity.generate`), score them
with :func:`pagerank`. Link exports become a :class:`WebGraph` (pages, hosts, registrable
domains) scored as page / domain / host authority DataFrames. Every compute call releases the GIL.
"""
from . import _core
from ._core import ParseError, PageRankResult
from ._graph import Flag, Graph
from ._pagerank import pagerank, pagerank_residual
from ._web import AuthorityInfo, AuthorityResult, WebGraph
from ._analysis import LinkProfile
from ._what_if import WebDiff, WhatIfResult
from . import generate

__version__: str = _core.__version__

__all__ = [
    "AuthorityInfo",
    "AuthorityResult",
    "Flag",
    "Graph",
    "LinkProfile",
    "PageRankResult",
    "ParseError",
    "WebDiff",
    "WebGraph",
    "WhatIfResult",
    "__version__",
    "generate",
    "pagerank",
    "pagerank_residual",
]
