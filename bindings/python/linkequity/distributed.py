# SPDX-License-Identifier: MIT
"""PageRank of a partitioned graph across MPI ranks, with mpi4py (docs/distributed.md).

Run under ``mpirun -np P python script.py``: every rank opens its part of a graph written by
:func:`save_partitions` (or ``linkequity snapshot --partitions P``) and :func:`pagerank` runs
collectively, each rank returning the scores of its own node range. The iteration is that of
``linkequity-mpi``: each rank pulls for its nodes, the contributions of the remote sources its
in-edges reference (its ghosts, listed once) arrive through one ``Alltoallv`` per iteration,
and the dangling mass, evaporated mass and residual are gathered and added in rank order. The
scores equal :func:`linkequity.pagerank` of the whole graph to about 1e-15 in L1 (the C++
``linkequity-mpi`` has its bits; NumPy's sums do not follow the kernel's order).

Needs ``mpi4py`` (``pip install linkequity[mpi]``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from . import _core
from ._graph import Graph

try:
    from mpi4py import MPI
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError("linkequity.distributed needs mpi4py: pip install 'linkequity[mpi]'") from e

__all__ = ["DistributedPageRank", "GraphPart", "open_part", "pagerank", "save_partitions"]

_DEFAULT_EXCLUDED = _core.PageRankOptions().excluded


def save_partitions(graph: Graph, directory: str, parts: int) -> dict:
    """Writes ``graph`` as ``parts`` part files plus ``manifest.lqs`` in ``directory`` (as
    ``linkequity snapshot --partitions``): contiguous node ranges balanced by in-edges plus
    nodes. Returns the manifest as a dict (``parts``, ``num_nodes``, ``bounds``, …). Not
    collective: call it on one rank (then ``comm.Barrier()``)."""
    return _core.save_partitions(graph._core, str(directory), int(parts))


@dataclass
class GraphPart:
    """One rank's part: its node range ``[first, last)`` of ``num_nodes`` and its arrays (NumPy
    views of the mapped part file: ``in_offsets``, ``in_sources`` as global ids, ``in_weights``,
    ``in_flags``, ``out_offsets``, ``out_weights``, ``out_flags``, ``lean_out_weight``)."""

    index: int
    parts: int
    first: int
    last: int
    num_nodes: int
    num_edges: int
    bounds: np.ndarray
    arrays: dict = field(repr=False)


@dataclass
class DistributedPageRank:
    """This rank's slice of a distributed PageRank: ``scores[i]`` is node ``first + i``."""

    first: int
    scores: np.ndarray
    iterations: int
    residual: float
    converged: bool
    history: list
    ghosts: int
    sent_values: int


def _collective_check(comm: Any, error: Optional[BaseException]) -> None:
    """Raises on every rank when any rank failed (each failing rank with its own error, the
    others with a RuntimeError naming the failed ranks): no rank is left waiting."""
    failed = comm.allgather(None if error is None else f"{type(error).__name__}: {error}")
    bad = [r for r, m in enumerate(failed) if m is not None]
    if not bad:
        return
    if error is not None:
        raise error
    raise RuntimeError("linkequity.distributed: rank(s) " + ", ".join(map(str, bad)) +
                       " failed: " + "; ".join(failed[r] for r in bad))


def open_part(directory: str, comm: Any = None, verify: str = "checksums") -> GraphPart:
    """Opens part ``comm.rank`` of the partitioned graph in ``directory`` on every rank of
    ``comm`` (default ``MPI.COMM_WORLD``). Collective. Raises on every rank (ParseError for a
    corrupted or foreign part, OSError for a missing file, ValueError when the rank count is
    not the part count) when any rank fails."""
    comm = MPI.COMM_WORLD if comm is None else comm
    part, error = None, None
    try:
        man = _core.partition_manifest(str(directory), verify)
        if man["parts"] != comm.size:
            raise ValueError(f"{directory} has {man['parts']} parts, but {comm.size} ranks run: "
                             f"start mpirun with -np {man['parts']}")
        d = _core.open_graph_part(str(directory), comm.rank, verify)
        part = GraphPart(d["index"], d["parts"], d["first"], d["last"], d["num_nodes"],
                         d["num_edges"], d["bounds"], d)
    except Exception as e:  # noqa: BLE001 - re-raised on every rank below
        error = e
    _collective_check(comm, error)
    assert part is not None
    return part


def _out_weight(a: dict, n: int, weighted: bool, mask: int) -> np.ndarray:
    """out(j) of the local nodes: followable out-edges' weights (1 unweighted), masked ones
    skipped; a lean graph's stored out-weights."""
    if a["lean"]:
        return np.asarray(a["lean_out_weight"], dtype=np.float64)
    off = np.asarray(a["out_offsets"], dtype=np.int64)
    row = np.repeat(np.arange(n), np.diff(off))
    w = (np.asarray(a["out_weights"], dtype=np.float64) if weighted and a["weights"]
         else np.ones(len(row)))
    if mask and a["flags"]:
        w = np.where((np.asarray(a["out_flags"]) & mask) != 0, 0.0, w)
    return np.bincount(row, weights=w, minlength=n)


class _Ghosts:
    """The ghost lists: remote sources read (grouped by owner), own nodes sent to each rank,
    and the in-edges' sources renumbered into [local | ghosts]."""

    def __init__(self, p: GraphPart, comm: Any) -> None:
        a, n = p.arrays, p.last - p.first
        src = np.asarray(a["in_sources"], dtype=np.int64)
        remote = (src < p.first) | (src >= p.last)
        self.ghosts = np.unique(src[remote])
        owner = np.searchsorted(p.bounds.astype(np.int64), self.ghosts, side="right") - 1
        self.recv_counts = np.bincount(owner, minlength=comm.size).astype(np.int64)
        self.send_counts = np.array(comm.alltoall(self.recv_counts.tolist()), dtype=np.int64)
        self.recv_displs = np.concatenate(([0], np.cumsum(self.recv_counts)[:-1]))
        self.send_displs = np.concatenate(([0], np.cumsum(self.send_counts)[:-1]))
        wanted = self.ghosts.astype(np.uint32)
        requested = np.empty(int(self.send_counts.sum()), dtype=np.uint32)
        comm.Alltoallv([wanted, (self.recv_counts, self.recv_displs), MPI.UINT32_T],
                       [requested, (self.send_counts, self.send_displs), MPI.UINT32_T])
        self.send_local = requested.astype(np.int64) - p.first
        self.sources = np.where(remote, n + np.searchsorted(self.ghosts, src), src - p.first)


def _check_options(part: GraphPart, damping: float, tolerance: float, max_iterations: int,
                   excluded_links: str) -> None:
    if not 0 < damping < 1:
        raise ValueError(f"pagerank: damping must be in (0, 1), got {damping}")
    if not tolerance > 0:
        raise ValueError(f"pagerank: tolerance must be > 0, got {tolerance}")
    if max_iterations < 0:
        raise ValueError(f"pagerank: max_iterations must be >= 0, got {max_iterations}")
    if excluded_links not in ("exclude", "evaporate"):
        raise ValueError(f"pagerank: excluded_links must be exclude or evaporate, got "
                         f"{excluded_links!r}")
    if part.arrays["lean"] and excluded_links == "evaporate":
        raise ValueError("pagerank: excluded_links = evaporate needs the excluded links, which a "
                         "lean graph dropped at build time")


def _local_distribution(part: GraphPart, comm: Any, values: Any, name: str) -> Optional[np.ndarray]:
    """This rank's slice of a per-node vector given whole (``num_nodes`` entries) or as this
    rank's slice (``last - first`` entries), divided by its sum over the whole graph; None when
    no rank gives it. Raises on every rank when any rank's vector is wrong."""
    given = comm.allreduce(int(values is not None), op=MPI.MAX) != 0
    if not given:
        return None
    n, error, v = part.last - part.first, None, np.zeros(0)
    try:
        if values is None:
            raise ValueError(f"pagerank: {name} is given on other ranks but not on rank "
                             f"{comm.rank}: give it on every rank (whole or as its slice)")
        a = np.asarray(values, dtype=np.float64)
        if a.ndim != 1 or len(a) not in (part.num_nodes, n):
            raise ValueError(f"pagerank: {name} on rank {comm.rank} has shape {a.shape}, expected "
                             f"{part.num_nodes} entries (whole) or {n} (nodes [{part.first}, "
                             f"{part.last}))")
        v = a[part.first:part.last] if len(a) == part.num_nodes and len(a) != n else a
        if not np.all(np.isfinite(v) & (v >= 0)):
            raise ValueError(f"pagerank: {name} has an entry that is negative or not finite")
    except Exception as e:  # noqa: BLE001 - re-raised on every rank below
        error = e
    _collective_check(comm, error)
    total = comm.allreduce(float(v.sum()))
    if not total > 0:
        raise ValueError(f"pagerank: {name} sums to {total}, expected a positive sum")
    return v / total


def _sum_in_rank_order(comm: Any, values: tuple) -> np.ndarray:
    """Σ over ranks of each rank's partial sums, added in rank order on every rank."""
    total = np.zeros(len(values))
    for v in comm.allgather(values):
        total += np.asarray(v)
    return total


def pagerank(part: GraphPart, comm: Any = None, *, damping: float = 0.85,
             tolerance: float = 1e-10, max_iterations: int = 100, weighted: bool = True,
             excluded: int = _DEFAULT_EXCLUDED,
             excluded_links: str = "exclude", personalization: Any = None,
             dangling: str = "personalization") -> DistributedPageRank:
    """PageRank of the partitioned graph whose part ``part`` this rank holds (from
    :func:`open_part`); collective over ``comm``. Same equation, start vector (the
    personalization) and stopping rule (‖x' − x‖₁ < tolerance, or ``max_iterations``) as
    :func:`linkequity.pagerank`; ``excluded`` is the flag mask of links that pass nothing.
    ``personalization`` (teleport vector v; TrustRank: 1 on the seeds) is either the whole
    vector (``num_nodes`` entries, the same on every rank) or this rank's slice
    (``last - first`` entries, so no rank needs an n-vector); None = uniform. ``dangling``:
    ``"personalization"`` (like v) or ``"uniform"``.
    Returns this rank's slice. Cost per iteration: O(n_p + m_p) NumPy work and one Alltoallv
    of 8 bytes per ghost."""
    comm = MPI.COMM_WORLD if comm is None else comm
    _check_options(part, damping, tolerance, max_iterations, excluded_links)
    if dangling not in ("personalization", "uniform"):
        raise ValueError(f"pagerank: dangling must be personalization or uniform here, got "
                         f"{dangling!r}")
    a, n, N = part.arrays, part.last - part.first, part.num_nodes
    evaporate = excluded_links == "evaporate"
    has_flags = bool(a["flags"]) and len(a["in_flags"]) > 0
    masked_local = has_flags and excluded != 0 and bool(np.any(np.asarray(a["in_flags"]) & excluded))
    masked = comm.allreduce(int(masked_local), op=MPI.MAX) != 0
    w_on = weighted and bool(a["weights"])
    out = _out_weight(a, n, w_on, 0 if evaporate else excluded)
    inv_out = np.divide(1.0, out, out=np.zeros(n), where=out > 0)
    ev = None
    if evaporate and masked:
        follow = _out_weight(a, n, w_on, excluded)
        ev = np.divide(out - follow, out, out=np.zeros(n), where=out > 0)
    g = _Ghosts(part, comm)
    off = np.asarray(a["in_offsets"], dtype=np.int64)
    row = np.repeat(np.arange(n), np.diff(off))
    ew = np.asarray(a["in_weights"], dtype=np.float64) if w_on else np.ones(len(row))
    if masked:
        ew = np.where((np.asarray(a["in_flags"]) & excluded) != 0, 0.0, ew)
    is_dangling = inv_out == 0
    v = _local_distribution(part, comm, personalization, "personalization")
    v = np.full(n, 1.0 / N) if v is None else v
    u = v if dangling == "personalization" else np.full(n, 1.0 / N)
    x = v.copy()
    c = np.zeros(n + len(g.ghosts))

    def masses(y: np.ndarray) -> tuple:
        return (float(y[is_dangling].sum()), float((y * ev).sum()) if ev is not None else 0.0)

    D, Z = _sum_in_rank_order(comm, masses(x))
    result = DistributedPageRank(part.first, x, 0, 0.0, False, [], len(g.ghosts),
                                 len(g.send_local))
    while result.iterations < max_iterations:
        c[:n] = x * inv_out
        send = np.ascontiguousarray(c[g.send_local])
        comm.Alltoallv([send, (g.send_counts, g.send_displs), MPI.DOUBLE],
                       [c[n:], (g.recv_counts, g.recv_displs), MPI.DOUBLE])
        pulled = np.bincount(row, weights=c[g.sources] * ew, minlength=n)
        new = damping * pulled + damping * D * u + (damping * Z + (1.0 - damping)) * v
        res, D, Z = _sum_in_rank_order(comm, (float(np.abs(new - x).sum()),) + masses(new))
        x = new
        result.iterations += 1
        result.residual = float(res)
        result.history.append(float(res))
        if res < tolerance:
            result.converged = True
            break
    result.scores = x
    return result
