# SPDX-License-Identifier: MIT
"""linkequity.Graph: the Python face of the C++ csr_graph (immutable, CSR, 32-bit node ids).

Builders take NumPy arrays (read in place when they are contiguous uint32, no per-edge Python
loop); conversions to networkx and scipy are provided for interoperability and testing.
"""
from __future__ import annotations

import enum
import os
import warnings
from typing import Any, Dict, Hashable, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core

ArrayLike = Union[np.ndarray, Sequence[int], Sequence[float]]


class Flag(enum.IntFlag):
    """Per-edge link attribute bits (the C++ ``linkequity::flags``); combine with ``|``.

    An edge is *followable* (passes authority) unless it carries one of the bits in
    ``pagerank(..., excluded=...)``, by default ``Flag.DEFAULT_EXCLUDED``.
    """

    NONE = 0
    NOFOLLOW = 1 << 0
    SPONSORED = 1 << 1
    UGC = 1 << 2
    DISAVOWED = 1 << 3
    INTERNAL = 1 << 4
    DEFAULT_EXCLUDED = NOFOLLOW | SPONSORED | UGC | DISAVOWED


class Graph:
    """An immutable directed graph in CSR form (out- and in-adjacency), nodes ``0 .. n-1``.

    Make one with :meth:`from_edges`, :meth:`from_scipy`, :meth:`from_networkx` or
    :mod:`linkequity.generate`.
    ``labels`` is the list of original node labels (``labels[i]`` is node ``i``) when the
    graph came from networkx (or ``from_edges(..., labels=...)``), else ``None``.
    Thread-safe for concurrent reads; every compute call releases the GIL.
    """

    __slots__ = ("_core", "labels", "_index")

    def __init__(self, core: _core.CsrGraph, labels: Optional[Sequence[Hashable]] = None):
        """Wraps a private ``_core.CsrGraph``; use the ``from_*`` constructors instead."""
        if not isinstance(core, _core.CsrGraph):
            raise TypeError("Graph(): use Graph.from_edges or Graph.from_networkx")
        if labels is not None:
            labels = list(labels)
            if len(labels) != core.num_nodes:
                raise ValueError(
                    f"Graph: labels has {len(labels)} entries, expected {core.num_nodes} "
                    "(one per node)")
        self._core = core
        self.labels: Optional[List[Hashable]] = labels
        self._index: Optional[Dict[Hashable, int]] = None

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_edges(cls, src: ArrayLike, dst: ArrayLike, *, num_nodes: Optional[int] = None,
                   weights: Optional[ArrayLike] = None, flags: Optional[ArrayLike] = None,
                   self_loops: str = "drop", duplicates: str = "merge", lean: bool = False,
                   labels: Optional[Sequence[Hashable]] = None) -> "Graph":
        """Builds a graph from edge arrays ``src[i] -> dst[i]``.

        Args:
            src, dst: node ids, 1-D integer arrays of equal length. Contiguous ``uint32``
                arrays are read in place (no copy); other integer dtypes are converted in
                one C++ pass that checks every id is in ``[0, 2**32 - 2]`` (IndexError).
            num_nodes: node count; default ``max(src, dst) + 1``. An id ``>= num_nodes``
                raises IndexError naming the edge.
            weights: optional per-edge weights (``float32`` read in place; other numeric
                dtypes converted). NaN, infinite or negative weights raise ValueError.
            flags: optional per-edge :class:`Flag` bit masks (``uint8`` read in place).
            self_loops: ``"drop"`` (default) or ``"keep"`` edges ``u -> u``.
            duplicates: what happens to parallel edges ``u -> v``: ``"merge"`` (default:
                one edge, weights summed, followable if any copy is), ``"count"`` (one edge
                whose weight is the multiplicity / sum of weights) or ``"keep"`` (multigraph).
            lean: keep only the in-adjacency and out-weights (about half the memory; enough
                for ``pagerank``; excluded edges are dropped at build time).
            labels: optional node labels, one per node (see ``Graph.labels``).

        Raises:
            ValueError: lengths differ, bad weights/flags or policy names.
            IndexError: an id out of range.
            TypeError: a non-integer id array.
        """
        src_a = np.asarray(src)
        dst_a = np.asarray(dst)
        if src_a.size == 0 and src_a.dtype.kind == "f":  # np.asarray([]) is float64
            src_a = src_a.astype(np.uint32)
        if dst_a.size == 0 and dst_a.dtype.kind == "f":
            dst_a = dst_a.astype(np.uint32)
        w = None if weights is None else np.asarray(weights)
        f = None if flags is None else np.asarray(flags)
        core = _core.CsrGraph.from_edges(src_a, dst_a, num_nodes, w, f, self_loops,
                                         duplicates, lean)
        return cls(core, labels)

    @classmethod
    def from_networkx(cls, G: Any, *, weight: Optional[str] = "weight",
                      flags: Optional[str] = "flags", self_loops: str = "keep",
                      duplicates: Optional[str] = None, lean: bool = False) -> "Graph":
        """Converts a networkx graph. Node ``i`` is the i-th node of ``G`` (``list(G)``);
        the labels are kept in ``graph.labels`` so results can be mapped back.

        Undirected graphs become directed with both directions (as ``networkx.pagerank``
        does). Edge attribute ``weight`` (missing = 1) becomes the weight when any edge has
        it; attribute ``flags`` (int bit masks) becomes the flags when any edge has it.
        Defaults reproduce networkx's semantics: self-loops are kept, and the parallel edges
        of a MultiDiGraph are kept (``duplicates="keep"``; they count with multiplicity).
        """
        directed = G if G.is_directed() else G.to_directed(as_view=True)
        nodes = list(directed)
        index = {v: i for i, v in enumerate(nodes)}
        m = directed.number_of_edges()
        src = np.empty(m, dtype=np.uint32)
        dst = np.empty(m, dtype=np.uint32)
        wts = np.ones(m, dtype=np.float64)
        fls = np.zeros(m, dtype=np.int64)
        has_w = has_f = False
        for k, (u, v, d) in enumerate(directed.edges(data=True)):
            src[k] = index[u]
            dst[k] = index[v]
            if weight is not None and weight in d:
                wts[k] = d[weight]
                has_w = True
            if flags is not None and flags in d:
                fls[k] = d[flags]
                has_f = True
        if duplicates is None:
            duplicates = "keep" if directed.is_multigraph() else "merge"
        return cls.from_edges(src, dst, num_nodes=len(nodes), weights=wts if has_w else None,
                              flags=fls if has_f else None, self_loops=self_loops,
                              duplicates=duplicates, lean=lean, labels=nodes)

    @classmethod
    def from_scipy(cls, matrix: Any, *, weighted: bool = True, self_loops: str = "keep",
                   duplicates: str = "merge", lean: bool = False) -> "Graph":
        """Builds a graph from a square SciPy sparse matrix or sparse array (any format: csr,
        csc, coo, lil, dok, bsr, dia; ``*_matrix`` or ``*_array``): entry ``A[i, j]`` is the
        weight of the edge ``i -> j``.

        Only stored non-zero entries are edges: explicit zeros are dropped. Weights are
        stored as float32; NaN, infinite or negative values raise ValueError (as in
        :meth:`from_edges`). Defaults follow the matrix's meaning (and ``networkx``): the
        diagonal's self-loops are kept, and duplicate COO entries are one edge whose weight is
        their sum (``duplicates="merge"``), as SciPy sums them. ``weighted=False`` ignores the
        values (every stored non-zero entry is an edge of weight 1). ``self_loops``,
        ``duplicates`` and ``lean`` are those of :meth:`from_edges`.

        What is copied. **Zero-copy**: with ``lean=True``, a CSC matrix in canonical format
        (``has_canonical_format``: rows sorted, no duplicates) with int32 ``indices``, no
        explicit zeros, and no diagonal entry unless ``self_loops="keep"`` *is* the graph's
        in-adjacency: the graph reads ``indices`` (as uint32) and ``data`` (when float32 and
        ``weighted``) where SciPy keeps them, and ``indptr`` too when int64 (int32 ``indptr`` is
        widened: n + 1 offsets). The graph holds references to those arrays; don't modify the
        matrix while the graph lives. Only the out-weights (n doubles) are new. Other float
        ``data`` is converted (4 bytes per edge).

        Otherwise the result is a new ``Graph`` (out- and in-adjacency, made by the C++
        builder, which sorts the rows; ``lean=True`` keeps only the in-adjacency). The *input*
        arrays are read in place, without a copy, when they already have the builder's layout:

        - COO: ``row`` and ``col`` when int32 (reinterpreted as uint32, not converted) and
          ``data`` when float32 — all three in place;
        - CSR / CSC: ``indices`` (the targets of CSR rows, the sources of CSC columns — CSC
          is the in-adjacency) in place when int32, ``data`` in place when float32; the other
          endpoint is expanded from ``indptr`` into one new uint32 array (4 bytes per edge).

        Copies happen when: indices are int64 (converted to uint32 in one C++ pass, 4
        bytes/edge); ``data`` is not float32 (converted, 4 bytes/edge; skipped when
        ``weighted=False``); the matrix stores explicit zeros (row, column and data are
        filtered first); the format is lil, dok, bsr or dia (``.tocoo()`` first).

        Raises:
            TypeError: ``matrix`` is not a SciPy sparse matrix/array, or has non-numeric data.
            ValueError: the matrix is not square (2-D, n x n), or a weight is NaN, infinite or
                negative, or a policy name is unknown.
        """
        import scipy.sparse as sp

        if not sp.issparse(matrix):
            raise TypeError("from_scipy: expected a scipy.sparse matrix or array, got "
                            f"{type(matrix).__name__} (use from_edges for edge arrays)")
        shape = tuple(matrix.shape)
        if len(shape) != 2 or shape[0] != shape[1]:
            raise ValueError(f"from_scipy: the matrix must be square (n x n, A[i, j] = weight "
                             f"of the edge i -> j), got shape {shape}")
        n = int(shape[0])
        fmt = matrix.format
        adopted = _adopt_csc(matrix, n, weighted, self_loops, lean)
        if adopted is not None:
            return cls(adopted)
        if fmt not in ("coo", "csr", "csc"):
            matrix, fmt = matrix.tocoo(), "coo"
        if fmt == "coo":
            row, col = matrix.row, matrix.col
        else:
            counts = np.diff(np.asarray(matrix.indptr, dtype=np.int64))
            expanded = np.repeat(np.arange(n, dtype=np.uint32), counts)
            row, col = (expanded, matrix.indices) if fmt == "csr" else (matrix.indices, expanded)
        data = matrix.data
        if data.dtype.kind not in "biuf":
            raise TypeError(f"from_scipy: the matrix must hold real numbers, got dtype "
                            f"{data.dtype}")
        stored = data != 0  # NaN stays: the builder reports it
        if not stored.all():
            row, col, data = row[stored], col[stored], data[stored]

        def ids(a: np.ndarray) -> np.ndarray:
            # Valid SciPy indices are >= 0: int32 → uint32 is a reinterpretation (no copy); a
            # corrupt negative index would read as >= 2**31 and fail the builder's range check.
            return a.view(np.uint32) if a.dtype == np.int32 else a

        core = _core.CsrGraph.from_edges(ids(np.ascontiguousarray(row)),
                                         ids(np.ascontiguousarray(col)), n,
                                         np.ascontiguousarray(data) if weighted else None, None,
                                         self_loops, duplicates, lean)
        return cls(core)

    @classmethod
    def read_edge_list(cls, path: Union[str, "os.PathLike[str]"], *, skip_bad: bool = False,
                       self_loops: str = "drop", duplicates: str = "merge",
                       lean: bool = False) -> "Graph":
        """Reads an integer edge-list file, as ``linkequity pagerank FILE`` does.

        The content decides the format (never the file name); gzip is recognised by its
        magic bytes:

        - SNAP-style text, also GAPBS ``.el`` / ``.wel``: ``src dst [weight]`` per line,
          whitespace or comma separated, ``#`` / ``%`` comment lines. Ids are used as given
          (not compacted): ``num_nodes = max id + 1``.
        - Matrix Market (text starting ``%%MatrixMarket``): ``matrix coordinate`` with
          ``pattern`` / ``real`` / ``integer`` values, ``general`` or ``symmetric`` (both
          directions); entry ``i j [value]`` is the edge ``i-1 -> j-1``; the size line
          ``n n nnz`` gives ``num_nodes`` (the matrix must be square).

        Weights (a third column, or real/integer values) must be finite and ``>= 0``.
        Strict (default): the first bad line raises :class:`linkequity.ParseError` naming
        ``file:line:column``, the value and what was expected. ``skip_bad=True`` skips bad
        lines and issues one ``UserWarning`` with their count and the first example; a bad
        Matrix Market header or a corrupt/truncated gzip stream raise in both modes.
        ``self_loops``, ``duplicates`` and ``lean`` are those of :meth:`from_edges`.

        Raises:
            ParseError: a bad line (strict), a bad header, a missing or unreadable file.
            ValueError: an unknown policy name.
        """
        core, skipped, examples = _core.CsrGraph.read_edge_list(os.fspath(path), skip_bad,
                                                               self_loops, duplicates, lean)
        if skipped:
            warnings.warn(f"read_edge_list: skipped {skipped} bad line(s) of {os.fspath(path)}, "
                          f"first: {examples[0]}", UserWarning, stacklevel=2)
        return cls(core)

    # ------------------------------------------------------------------ properties
    @property
    def num_nodes(self) -> int:
        """Number of nodes n (ids 0 .. n-1)."""
        return self._core.num_nodes

    @property
    def num_edges(self) -> int:
        """Number of stored edges m (after the self-loop and duplicate policies)."""
        return self._core.num_edges

    @property
    def is_lean(self) -> bool:
        """True when only the in-adjacency is stored (``lean=True``)."""
        return self._core.is_lean

    @property
    def has_weights(self) -> bool:
        """True when the graph stores per-edge weights."""
        return self._core.has_weights

    @property
    def has_flags(self) -> bool:
        """True when the graph stores per-edge flags."""
        return self._core.has_flags

    @property
    def memory_bytes(self) -> int:
        """Bytes held by the graph's arrays."""
        return self._core.memory_bytes

    def __len__(self) -> int:
        return self.num_nodes

    def __repr__(self) -> str:
        extra = "".join([", weighted" if self.has_weights else "",
                         ", flags" if self.has_flags else "", ", lean" if self.is_lean else "",
                         ", labelled" if self.labels is not None else ""])
        return f"Graph(num_nodes={self.num_nodes}, num_edges={self.num_edges}{extra})"

    # ------------------------------------------------------------------ arrays
    def out_degree(self) -> np.ndarray:
        """Out-degree (stored out-edges) of every node, int64 array of length n."""
        return self._core.out_degree()

    def in_degree(self) -> np.ndarray:
        """In-degree (stored in-edges) of every node, int64 array of length n."""
        return self._core.in_degree()

    def edges(self) -> Tuple[np.ndarray, np.ndarray]:
        """``(src, dst)`` uint32 arrays of every stored edge, sorted by (src, dst) — for a lean
        graph by (dst, src). ``weights()``/``flags()`` are aligned with this order."""
        c = self._core
        n = np.arange(c.num_nodes, dtype=np.uint32)
        if c.is_lean:
            return c.in_sources.copy(), np.repeat(n, np.diff(c.in_offsets.astype(np.int64)))
        return np.repeat(n, np.diff(c.out_offsets.astype(np.int64))), c.out_targets.copy()

    def weights(self) -> Optional[np.ndarray]:
        """Per-edge weights (float32) in ``edges()`` order, or None when unweighted."""
        c = self._core
        if not c.has_weights:
            return None
        return (c.in_weights if c.is_lean else c.out_weights).copy()

    def flags(self) -> Optional[np.ndarray]:
        """Per-edge :class:`Flag` masks (uint8) in ``edges()`` order, or None."""
        c = self._core
        if not c.has_flags:
            return None
        return (c.in_flags if c.is_lean else c.out_flags).copy()

    # ------------------------------------------------------------------ labels
    def node_id(self, node: Hashable) -> int:
        """The id of a node given by its label (or by its id when the graph has no labels).
        Raises KeyError / IndexError for an unknown node."""
        if self.labels is None:
            i = int(node)  # type: ignore[arg-type]
            if not 0 <= i < self.num_nodes:
                raise IndexError(f"node id {i} out of range for a graph of {self.num_nodes} nodes")
            return i
        if self._index is None:
            self._index = {v: i for i, v in enumerate(self.labels)}
        try:
            return self._index[node]
        except KeyError:
            raise KeyError(f"{node!r} is not a node of the graph") from None

    def as_dict(self, values: Sequence[Any]) -> Dict[Hashable, Any]:
        """``{label: values[i]}`` (``{i: values[i]}`` without labels), e.g. for
        ``graph.as_dict(pagerank(graph).scores)`` — the shape networkx returns."""
        values = np.asarray(values)
        if len(values) != self.num_nodes:
            raise ValueError(f"as_dict: values has {len(values)} entries, expected {self.num_nodes}")
        keys: Iterable[Hashable] = self.labels if self.labels is not None else range(self.num_nodes)
        return dict(zip(keys, values.tolist()))

    def _node_vector(self, x: Any, name: str) -> Optional[np.ndarray]:
        """An array (length n) or a ``{node: weight}`` dict (missing nodes 0) as float64."""
        if x is None:
            return None
        if isinstance(x, Mapping):
            v = np.zeros(self.num_nodes, dtype=np.float64)
            for node, w in x.items():
                v[self.node_id(node)] = w
            return v
        return np.asarray(x, dtype=np.float64)

    # ------------------------------------------------------------------ conversions
    def to_scipy(self) -> Any:
        """The out-adjacency as a ``scipy.sparse.csr_array`` (n x n): entry (u, v) is the edge
        weight (1 when unweighted); parallel edges are summed."""
        import scipy.sparse as sp

        c = self._core
        n = c.num_nodes
        if c.is_lean:
            data = c.in_weights.astype(np.float64) if c.has_weights else np.ones(c.num_edges)
            a = sp.csc_array((data, c.in_sources.astype(np.int64),
                              c.in_offsets.astype(np.int64)), shape=(n, n)).tocsr()
        else:
            data = c.out_weights.astype(np.float64) if c.has_weights else np.ones(c.num_edges)
            a = sp.csr_array((data, c.out_targets.astype(np.int64),
                              c.out_offsets.astype(np.int64)), shape=(n, n))
        a.sum_duplicates()
        return a

    def to_networkx(self, *, multigraph: Optional[bool] = None) -> Any:
        """A ``networkx.DiGraph`` (a ``MultiDiGraph`` when the graph has parallel edges, or
        as forced by ``multigraph``) with nodes ``labels`` (or 0 .. n-1) and edge attributes
        ``weight`` and ``flags`` when present."""
        import networkx as nx

        src, dst = self.edges()
        if multigraph is None:
            multigraph = bool(np.any((src[1:] == src[:-1]) & (dst[1:] == dst[:-1])))
        G = nx.MultiDiGraph() if multigraph else nx.DiGraph()
        labels: Sequence[Hashable] = self.labels if self.labels is not None else range(self.num_nodes)
        G.add_nodes_from(labels)
        lab = list(labels)
        s = [lab[i] for i in src.tolist()]
        d = [lab[i] for i in dst.tolist()]
        w, f = self.weights(), self.flags()
        if w is None and f is None:
            G.add_edges_from(zip(s, d))
        else:
            attrs: List[Dict[str, Any]] = [{} for _ in range(len(s))]
            if w is not None:
                for a, x in zip(attrs, w.tolist()):
                    a["weight"] = x
            if f is not None:
                for a, x in zip(attrs, f.tolist()):
                    a["flags"] = x
            G.add_edges_from(zip(s, d, attrs))
        return G


def _adopt_csc(matrix: Any, n: int, weighted: bool, self_loops: str, lean: bool) -> Any:
    """Graph.from_scipy's zero-copy path: a lean ``_core.CsrGraph`` over a canonical CSC
    matrix's own arrays, or None when the layout (or an option) needs the builder."""
    if not lean or matrix.format != "csc" or matrix.indices.dtype != np.int32:
        return None
    if not matrix.has_canonical_format:
        return None
    data = matrix.data
    if data.dtype.kind not in "biuf" or not (data != 0).all():
        return None  # non-numeric data: the builder path raises; explicit zeros: filtered there
    if self_loops != "keep" and matrix.diagonal().any():
        return None
    indptr = matrix.indptr
    indptr = indptr.view(np.uint64) if indptr.dtype == np.int64 else indptr.astype(np.uint64)
    weights = None
    if weighted:
        weights = data if data.dtype == np.float32 else data.astype(np.float32)
        if not np.isfinite(weights).all() or (weights < 0).any():
            return None  # the builder path reports the bad weight
    return _core.CsrGraph.adopt_csc(indptr, matrix.indices.view(np.uint32), weights, n)

