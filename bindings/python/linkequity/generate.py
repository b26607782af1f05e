# SPDX-License-Identifier: MIT
"""Seeded synthetic graphs (identical output on any thread count).

``web(...)`` builds a synthetic :class:`linkequity.WebGraph` (domains with power-law sizes,
hosts, pages, a realistic link mix) and ``web_csv(...)`` writes the same links as a CSV file.
With manipulation keywords (``manipulation=True``, ``farms=``, ``pbns=``, …) the web also has
labelled link farms, private blog networks, link exchanges and paid links; ``web_labels(...)``
(same arguments) says which domain is which.

The graph generators come in two forms: ``kronecker(...)`` / ``erdos_renyi(...)`` return a
:class:`linkequity.Graph` (built with the given self-loop/duplicate policies), and
``kronecker_edges(...)`` / ``erdos_renyi_edges(...)`` return the raw
``(num_nodes, src, dst)`` uint32 arrays (self-loops and duplicates included) for use
elsewhere, e.g. ``Graph.from_edges(src, dst, num_nodes=n)`` (read without a copy).
"""
from __future__ import annotations

import os
from typing import Any, Optional, Tuple, Union

import numpy as np

from . import _core
from ._graph import Graph
from ._web import WebGraph

__all__ = ["kronecker", "kronecker_edges", "erdos_renyi", "erdos_renyi_edges", "web", "web_csv",
           "web_labels"]

DEFAULT_SEED = 27491095


def kronecker_edges(scale: int, edge_factor: float = 16, seed: int = DEFAULT_SEED,
                    symmetrize: bool = False, *, a: float = 0.57, b: float = 0.19,
                    c: float = 0.19, permute: bool = True) -> Tuple[int, np.ndarray, np.ndarray]:
    """R-MAT/Kronecker edges (Graph500 parameters): ``2**scale`` nodes and
    ``edge_factor * 2**scale`` edges drawn (doubled when ``symmetrize``), node ids relabelled
    by a seeded permutation when ``permute``. Returns ``(num_nodes, src, dst)``.
    Raises ValueError for scale outside [1, 32], a negative edge factor or bad a/b/c."""
    return _core.kronecker_edges(scale, float(edge_factor), seed, a, b, c, permute, symmetrize)


def kronecker(scale: int, edge_factor: float = 16, seed: int = DEFAULT_SEED,
              symmetrize: bool = False, *, a: float = 0.57, b: float = 0.19, c: float = 0.19,
              permute: bool = True, self_loops: str = "drop", duplicates: str = "merge",
              lean: bool = False) -> Graph:
    """A Kronecker (R-MAT) :class:`Graph`; see :func:`kronecker_edges` for the parameters and
    :meth:`Graph.from_edges` for ``self_loops``, ``duplicates`` and ``lean``."""
    n, src, dst = kronecker_edges(scale, edge_factor, seed, symmetrize, a=a, b=b, c=c,
                                  permute=permute)
    return Graph.from_edges(src, dst, num_nodes=n, self_loops=self_loops,
                            duplicates=duplicates, lean=lean)


def erdos_renyi_edges(n: int, m: int, seed: int = DEFAULT_SEED) -> Tuple[int, np.ndarray, np.ndarray]:
    """Erdős–Rényi G(n, m) edges: m edges with independent uniform endpoints (with
    replacement). Returns ``(num_nodes, src, dst)``. Raises ValueError when n == 0 < m."""
    return _core.erdos_renyi_edges(n, m, seed)


def erdos_renyi(n: int, m: int, seed: int = DEFAULT_SEED, *, self_loops: str = "drop",
                duplicates: str = "merge", lean: bool = False) -> Graph:
    """An Erdős–Rényi G(n, m) :class:`Graph` (self-loops dropped and duplicates merged by
    default, so it may have fewer than m edges)."""
    num_nodes, src, dst = erdos_renyi_edges(n, m, seed)
    return Graph.from_edges(src, dst, num_nodes=num_nodes, self_loops=self_loops,
                            duplicates=duplicates, lean=lean)


def web(domains: int = 1000, links: int = 100000, seed: int = 1, **options: Any) -> WebGraph:
    """A seeded synthetic web as a :class:`linkequity.WebGraph` (identical on any thread
    count): ``domains`` registrable domains with Pareto-distributed sizes (some with several
    hosts, some under multi-label or private suffixes such as co.uk / blogspot.com), their
    pages, and ``links`` link rows (mostly internal; external targets by preferential
    attachment; rel nofollow/sponsored/ugc, positions and anchors).

    Further options (C++ ``synthetic_web_options``, the same table as ``linkequity generate``'s
    flags):

    WEB_OPTIONS

    Labelled manipulation (all off by default; :func:`web_labels` gives the labels):

    MANIPULATION_OPTIONS

    Raises ValueError for out-of-range options, TypeError for unknown ones."""
    return WebGraph(_core.synthetic_web(dict(domains=domains, links=links, seed=seed, **options)))


def web_csv(path: Union[str, "os.PathLike[str]"], domains: int = 1000, links: int = 100000,
            seed: int = 1, *, labels: Optional[Union[str, "os.PathLike[str]"]] = None,
            **options: Any) -> "_core.SyntheticWebCounts":
    """Writes the links of :func:`web` (same arguments) to ``path`` as a generic CSV
    (``source,target,anchor,rel,position``; with expired domains also ``type,status``, for
    their 301 redirect records), as a links export would look, and returns the counts as
    read-only attributes (links, web, internal, non_web, nofollow, sponsored, ugc,
    manipulation, redirects). With ``labels``, also writes the label file there (``domain,label,group``,
    as ``linkequity generate --labels``). Files appear complete or not at all (temporary file +
    rename)."""
    return _core.synthetic_web_csv(os.fspath(path),
                                   dict(domains=domains, links=links, seed=seed, **options),
                                   os.fspath(labels) if labels is not None else "")


def web_labels(domains: int = 1000, links: int = 100000, seed: int = 1, **options: Any) -> Any:
    """The labels of the synthetic web :func:`web` makes with the same arguments, as a pandas
    DataFrame with one row per generated domain, in domain-id order: ``domain`` (its
    registrable name), ``label`` (``honest``, ``target`` (boosted by a farm, a PBN or expired
    domains), ``farm``, ``pbn``, ``exchange``, ``paid_seller``, ``paid_buyer`` or ``expired``)
    and ``group`` (the farm, PBN, exchange pair, paid deal or expired-domain purchase:
    ``farm-3``, ``pbn-0``, ``exchange-7``, ``paid-2``, ``expired-4``; empty for honest
    domains). Only the web's structure is built (no links), so this is cheap. A domain without
    any link row is not in the :class:`WebGraph` but is listed here, and so is an expired
    domain (:func:`web` follows its redirects: its URLs are its money site's)."""
    import pandas as pd

    columns = _core.synthetic_web_labels(dict(domains=domains, links=links, seed=seed, **options))
    return pd.DataFrame(columns)


def _document_manipulation() -> None:
    from . import _options

    manipulation = _options.fields(_core.ManipulationOptions)
    own = _options.fields(_core.SyntheticWebOptions,
                          skip=["domains", "links", "seed"] + [f["name"] for f in manipulation])
    if web.__doc__:
        web.__doc__ = web.__doc__.replace(
            "MANIPULATION_OPTIONS", _options.document(manipulation, indent=4)).replace(
            "WEB_OPTIONS", _options.document(own, indent=4))


_document_manipulation()
