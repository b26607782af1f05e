# SPDX-License-Identifier: MIT
"""linkequity.salsa: personalised SALSA on any Graph (docs/trust.md) — the walk that follows one
link forwards and one backwards, restarting at seeds; with known spam as seeds, hub scores find
the domains that link like it and authority scores the domains they boost."""
from __future__ import annotations

import inspect
from typing import Any

from . import _core
from . import _options as _table
from ._graph import Graph
from ._trust import Seeds, _run, _seed_ids

SalsaResult = _core.SalsaResult

_SALSA_TABLE = _table.fields(_core.SalsaOptions)


def salsa(graph: Graph, seeds: Seeds, *, progress: Any = False, evaporate: bool = False,
          **options: Any) -> SalsaResult:
    r"""Personalised SALSA (Lempel and Moran 2000) from the seed set S: a walk that alternates
    one followable link forwards (from a hub j to an authority k it links to) and one
    backwards (from an authority k to a hub j that links to it), and restarts at S with
    probability 1 − α or when stuck. With v the normalised seed weights, γ = ``hub_share``,
    out(j) / in(k) the followable out- / in-weights::

        a_k = α Σ_{(j,k)∈E} h_j w_jk / out(j) + R (1 − γ) v_k
        h_j = α Σ_{(j,k)∈E} a_k w_jk / in(k)  + R γ v_j
        R   = 1 − α + α (D + Z)    (D: h at nodes without out-links, a at nodes without
                                    in-links; Z: evaporated mass)

    ``hubs.sum() + authorities.sum() == 1``. Exactly ``networkx.pagerank(D, personalization=u,
    dangling=u)`` on the doubled graph D (hub copies 0..n−1, authority copies n..2n−1, edges
    j → n+k and n+k → j for every edge j → k), u = (γv, (1−γ)v).

    Seeded with known spam: ``hubs`` is high for domains that link to what the spam links to
    (the other members of a private blog network), ``authorities`` for the domains those link
    to (its money sites).

    Args:
        graph: a :class:`Graph` (not lean: the walk goes backwards over the out-adjacency).
        seeds: node ids (labels for a graph built with labels), each once, or a
            ``{node: weight}`` dict (weights >= 0, positive sum; default: equal weights).
        {options}
        progress: as :func:`pagerank`'s.
        evaporate: ``True`` is short for ``excluded_links="evaporate"``.

    Returns:
        :class:`SalsaResult` with float64 arrays ``hubs`` and ``authorities`` and
        ``iterations``, ``residual``, ``converged``.

    Raises:
        ValueError: no seeds, a seed listed twice, a negative or non-finite weight, weights
            summing to 0, a bad option, a lean graph. IndexError / KeyError: a seed that is
            not a node id / label. TypeError: seeds of another type, an unknown keyword
            (``personalization``, ``dangling`` and ``start`` included: the seeds define them).
    """
    ids, weights = _seed_ids(graph, seeds, "salsa")
    o = _table.build(_core.SalsaOptions, "salsa", options, evaporate=evaporate, stacklevel=3)
    o.validate()
    return _run(lambda cb: _core.salsa(graph._core, ids, weights, o, cb), progress, o)


def _document() -> None:
    """The Args section and signature from the option table."""
    first = [inspect.Parameter("graph", inspect.Parameter.POSITIONAL_OR_KEYWORD),
             inspect.Parameter("seeds", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    extra = [inspect.Parameter("progress", inspect.Parameter.KEYWORD_ONLY, default=False),
             inspect.Parameter("evaporate", inspect.Parameter.KEYWORD_ONLY, default=False)]
    salsa.__doc__ = (salsa.__doc__ or "").replace("{options}", _table.document(_SALSA_TABLE))
    salsa.__signature__ = _table.signature(first, _SALSA_TABLE, extra)  # type: ignore[attr-defined]


_document()
