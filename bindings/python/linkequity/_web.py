# SPDX-License-Identifier: MIT
"""linkequity.WebGraph: the web model (pages, hosts, registrable domains, links with attributes)
and its authority scores as pandas DataFrames."""
from __future__ import annotations

import dataclasses
import inspect
import os
import warnings
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np

from . import _core
from . import _options as _table
from . import _trust
from ._graph import Flag

PathLike = Union[str, "os.PathLike[str]"]

# The tables (columns, row order, derived counts) are defined once, in the C++ table layer
# (linkequity/web/tables.hpp), which also writes the CLI's CSV files.
#: Columns of the page table (the same as the CLI's pages CSV).
PAGE_COLUMNS: List[str] = _core.table_columns("pages")
#: Columns of the domain table (the same as the CLI's domains CSV).
DOMAIN_COLUMNS: List[str] = _core.table_columns("domains")
#: Columns of the host table (the same as the CLI's hosts CSV).
HOST_COLUMNS: List[str] = _core.table_columns("hosts")

_POSITIONS = ["unknown", "content", "navigation", "header", "footer", "sidebar"]


def _column_list(col: Any) -> List[Any]:
    """A DataFrame / Table column (pandas Series, pyarrow ChunkedArray, NumPy array or any
    sequence) as a Python list, converted in C (no per-row Python code)."""
    if hasattr(col, "to_pylist"):  # pyarrow
        return col.to_pylist()
    if hasattr(col, "tolist"):  # pandas, NumPy
        return col.tolist()
    return list(col)


def _columns(table: Any) -> List[str]:
    if hasattr(table, "column_names"):  # pyarrow.Table
        return list(table.column_names)
    return [str(c) for c in table.columns]


class _FieldAccess:
    """``r["name"]`` is ``r.name``: read access by field name for the result classes, kept for
    code written when the results were dicts."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        if key not in {f.name for f in dataclasses.fields(self)}:  # type: ignore[arg-type]
            raise KeyError(key)
        return getattr(self, key)


@dataclasses.dataclass(frozen=True)
class AuthorityInfo(_FieldAccess):
    """How :meth:`WebGraph.authority` ran: the scale version and, per level, a
    :class:`linkequity._core.AuthorityLevelInfo` (iterations, residual, converged, floor,
    dangling_mass, evaporated_mass, nodes, edges, seconds). Read-only."""

    scale_version: int  #: version of the 0-100 formula (docs/scores.md)
    seconds_graphs: float  #: building the page graph and its contractions
    seconds_counts: float  #: the link counts
    pages: "_core.AuthorityLevelInfo"
    domains: "_core.AuthorityLevelInfo"
    hosts: Optional["_core.AuthorityLevelInfo"]  #: None unless hosts=True


@dataclasses.dataclass(frozen=True)
class AuthorityResult(_FieldAccess):
    """Page, domain and host authority tables of :meth:`WebGraph.authority` (DataFrames sorted
    by rank, ties by id; the columns of ``PAGE_COLUMNS``, ``DOMAIN_COLUMNS``, ``HOST_COLUMNS``)
    and how they were computed (``info``). Every call returns new DataFrames: changing one
    never changes a later result."""

    pages: Any  #: pandas.DataFrame, one row per page
    domains: Any  #: pandas.DataFrame, one row per registrable domain
    hosts: Any  #: pandas.DataFrame, one row per host; None unless hosts=True
    info: AuthorityInfo

    def _copy(self) -> "AuthorityResult":
        """The same result with copies of the DataFrames (the cached ones are never handed out)."""
        return dataclasses.replace(
            self, pages=self.pages.copy(deep=True), domains=self.domains.copy(deep=True),
            hosts=None if self.hosts is None else self.hosts.copy(deep=True))


def _topic_labels(topics: Any) -> Any:
    """WebGraph.authority's ``topics`` for the C++ layer: None, a path (str), or a (domains,
    topics) pair of lists from a DataFrame (columns domain, topic) or a dict domain → topic(s)."""
    if topics is None:
        return None
    if isinstance(topics, (str, os.PathLike)):
        return os.fspath(topics)
    if isinstance(topics, Mapping):
        domains, names = [], []
        for domain, t in topics.items():
            for name in ([t] if isinstance(t, str) else list(t)):
                domains.append(str(domain))
                names.append(str(name))
        return domains, names
    cols = _columns(topics)
    if "domain" not in cols or "topic" not in cols:
        raise ValueError(f"topics: expected columns 'domain' and 'topic', got {cols}")
    return ([str(d) for d in _column_list(topics["domain"])],
            [str(t) for t in _column_list(topics["topic"])])


class WebGraph:
    """The web model: every URL of the input is a page (normalised), pages belong to hosts and
    registrable domains (Public Suffix List), and every link keeps its rel flags, position,
    anchor text and internal bit. Page ids are dense with the pages of one host contiguous.

    Make one with :meth:`read_links`, :meth:`from_links`, :func:`linkequity.generate.web`, or
    :meth:`open` a snapshot written by :meth:`save`.
    Score it with :meth:`page_authority`, :meth:`domain_authority`, :meth:`host_authority`.
    """

    __slots__ = ("_core", "_cache", "_names")

    def __init__(self, core: "_core.WebGraphCore"):
        """Wraps a private ``_core.WebGraphCore``; use the constructors instead."""
        if not isinstance(core, _core.WebGraphCore):
            raise TypeError("WebGraph(): use WebGraph.read_links or WebGraph.from_links")
        self._core = core
        self._cache: Dict[Any, AuthorityResult] = {}
        self._names: Dict[str, np.ndarray] = {}

    # ------------------------------------------------------------------ construction
    @classmethod
    def read_links(cls, path: Union[PathLike, Sequence[PathLike]], *, format: str = "auto",
                   skip_bad: bool = False, suffixes: str = "all",
                   source_column: Optional[str] = None, target_column: Optional[str] = None,
                   anchor_column: Optional[str] = None, rel_column: Optional[str] = None,
                   position_column: Optional[str] = None, redirects: str = "follow",
                   canonicals: str = "follow",
                   redirect_files: Union[PathLike, Sequence[PathLike], None] = None,
                   anchors: bool = True) -> "WebGraph":
        """Reads one or several link exports: CSV/TSV (gzip, UTF-8 with or without BOM,
        UTF-16 with BOM) in the generic format (``source,target[,anchor,rel,position]``),
        Screaming Frog "All Inlinks", Ahrefs or Majestic backlink exports (recognised by the
        header row) or an integer edge list.

        Args:
            path: a file or a list of files (read in order, into one graph).
            format: ``"auto"`` (default), ``"generic"``, ``"screaming-frog"``, ``"ahrefs"``,
                ``"majestic"`` or ``"edge-list"``.
            skip_bad: lenient mode: skip bad rows and count them (``stats["bad_rows"]``,
                ``stats["reports"]``). Strict (default): the first bad row raises.
            suffixes: ``"all"`` (ICANN + private Public Suffix List sections: blogspot.com
                subdomains are separate domains) or ``"icann"``.
            source_column, target_column, anchor_column, rel_column, position_column: header
                names overriding the format's columns (generic files).
            redirects, canonicals: ``"follow"`` (default) or ``"ignore"``: whether redirect
                and canonical records (generic ``type`` column, Screaming Frog rows,
                ``redirect_files``) consolidate URLs into their final URL (docs/redirects.md;
                the result is in :attr:`redirects`).
            redirect_files: redirect / canonical map files read after the links
                (``url,redirect_url[,status]``, ``url,canonical_url``, Screaming Frog
                "Internal", "Response Codes" or "Canonicals" exports).
            anchors: keep the anchor texts (default). ``False`` reads faster when only
                scores are wanted: every link's anchor is then ``""`` (:meth:`links`,
                :meth:`anchors` and the reports see none); the scores are the same.

        Raises:
            linkequity.ParseError: a bad row (strict mode) or unreadable file, with ``.path``,
                ``.line``, ``.column`` and ``.reason``.
            ValueError: an unknown format name.
        """
        paths = [os.fspath(path)] if isinstance(path, (str, os.PathLike)) else \
            [os.fspath(p) for p in path]
        maps = [] if redirect_files is None else \
            [os.fspath(redirect_files)] if isinstance(redirect_files, (str, os.PathLike)) else \
            [os.fspath(p) for p in redirect_files]
        return cls(_core.WebGraphCore.read(paths, format, skip_bad, suffixes, source_column,
                                           target_column, anchor_column, rel_column,
                                           position_column, redirects, canonicals, maps,
                                           anchors))

    @classmethod
    def from_links(cls, links: Any, *, source: str = "source", target: str = "target",
                   anchor: Optional[str] = "anchor", rel: Optional[str] = "rel",
                   position: Optional[str] = "position", skip_bad: bool = False,
                   suffixes: str = "all", name: str = "<links>") -> "WebGraph":
        """Builds from a pandas DataFrame or a pyarrow Table of links (one row per link).

        Columns ``source`` and ``target`` (URLs, str) are required; ``anchor`` (str), ``rel``
        (str such as ``"nofollow ugc"``, or an integer :class:`Flag` mask) and ``position``
        (``content``/``navigation``/``header``/``footer``/``sidebar``) are used when present.
        Missing values (None/NaN) are empty. The columns go to C++ in one call (no per-row
        Python loop). Rows are numbered from 1 in errors, which name the file ``name``.
        """
        cols = set(_columns(links))
        for need in (source, target):
            if need not in cols:
                raise ValueError(f"from_links: no column '{need}' (columns: {sorted(cols)})")

        def get(c: Optional[str]) -> Optional[List[Any]]:
            return _column_list(links[c]) if c is not None and c in cols else None

        rel_text = rel_flags = None
        if rel is not None and rel in cols:
            values = links[rel]
            arr = np.asarray(values.to_numpy() if hasattr(values, "to_numpy") else values)
            if arr.dtype.kind in "iub":
                rel_flags = arr.astype(np.uint8)
            else:
                rel_text = _column_list(values)
        core = _core.WebGraphCore.from_columns(get(source), get(target), get(anchor), rel_text,
                                               rel_flags, get(position), skip_bad, suffixes, name)
        return cls(core)

    @classmethod
    def open(cls, path: PathLike, *, verify: str = "checksums") -> "WebGraph":
        """Opens a web snapshot written by :meth:`save` (or ``linkequity snapshot --web``).

        Zero-copy: the file is memory-mapped read-only and shared with every other process that
        opens it; arrays and names are read from the mapping (only the link flags are copied,
        so :meth:`apply_disavow` works). Opening costs the checks below, not a parse. Scores are
        identical to those of the graph that was saved. The suffix list is loaded as
        :meth:`read_links` loads it, with the sections recorded in the file; when its version
        differs from the one used at build time (``build_suffix_list_version``) the open still
        works, and domains stay those of build time. ``stats`` keeps the counters, not the
        per-file ``reports``.

        Args:
            path: the snapshot file.
            verify: ``"checksums"`` (default: every section's checksum, then ``"structure"``),
                ``"structure"`` (every map and link array consistent: ids in range, offsets
                monotone, names sorted; O(file size)) or ``"none"`` (lengths only; trusted
                files only: a crafted file can then crash the process).

        Raises:
            linkequity.ParseError: not a valid web snapshot (truncated, corrupted, another
                format version, a plain graph snapshot, inconsistent arrays); ``.path`` is the
                file and ``.reason`` says what is wrong.
            OSError: the file cannot be opened or mapped (FileNotFoundError, ...).
            ValueError: an unknown ``verify`` level.
        """
        return cls(_core.WebGraphCore.open(os.fspath(path), verify))

    def save(self, path: PathLike) -> None:
        """Writes the graph to a binary snapshot for :meth:`open`: pages, hosts, domains, links
        with their flags as they are now (disavowed bits included), anchors, dates, the stats
        counters, the suffix-list sections and version. Atomic: written to a temporary file
        that is renamed over ``path`` when complete (a failed save leaves ``path`` as it was).

        Raises:
            OSError: the file cannot be written.
        """
        self._core.save(os.fspath(path))

    # ------------------------------------------------------------------ sizes and names
    @property
    def num_pages(self) -> int:
        """Pages (every web URL that is a source or target of a link)."""
        return self._core.num_pages

    @property
    def num_hosts(self) -> int:
        """Hosts (full host names)."""
        return self._core.num_hosts

    @property
    def num_domains(self) -> int:
        """Registrable domains (eTLD+1)."""
        return self._core.num_domains

    @property
    def num_links(self) -> int:
        """Page-to-page link rows kept (parallel links and self-links included)."""
        return self._core.num_links

    @property
    def redirects(self) -> "pd.DataFrame":
        """The URLs consolidated when the graph was built, one row per URL with a redirect or
        canonical record in force, sorted by URL: ``url``, ``final_url`` (the URL itself when
        not resolved), ``kind`` (redirect, canonical, mixed), ``hops``, ``status`` (resolved,
        loop, too_long); the columns of ``redirects.csv`` (docs/redirects.md). Empty without
        records. Resolved URLs are not pages of the graph."""
        import pandas as pd
        url, final_url, kind, hops, status = self._core.redirect_columns
        return pd.DataFrame({"url": url, "final_url": final_url, "kind": kind,
                             "hops": np.asarray(hops, dtype=np.int64), "status": status})

    @property
    def stats(self) -> "_core.WebGraphStats":
        """What building saw (read-only attributes): rows, links, self_links, internal_links,
        non_web_targets (and non_web_by_scheme), bad_rows, and ``reports``: one
        :class:`linkequity._core.ReadReport` per input (path, format, rows, skipped,
        skipped_by_reason, examples...). ``stats["rows"]`` works too."""
        return self._core.stats

    @property
    def suffix_list_version(self) -> str:
        """Version of the Public Suffix List loaded with the graph (for ``owner`` lookups)."""
        return self._core.suffix_list_version

    @property
    def build_suffix_list_version(self) -> str:
        """Version of the Public Suffix List that assigned the registrable domains when the
        graph was built (differs from ``suffix_list_version`` only for a graph opened from a
        snapshot made with another list)."""
        return self._core.build_suffix_list_version

    def __repr__(self) -> str:
        return (f"WebGraph(pages={self.num_pages}, hosts={self.num_hosts}, "
                f"domains={self.num_domains}, links={self.num_links})")

    def _name_array(self, kind: str) -> np.ndarray:
        """Names by id as an object array: kind is "page"/"pages", "host"/"hosts" or
        "domain"/"domains" (the table layer's name lists)."""
        kind = kind.rstrip("s")
        if kind not in self._names:
            getter = {"page": self._core.page_urls, "host": self._core.host_names,
                      "domain": self._core.domain_names}[kind]
            self._names[kind] = np.array(getter(), dtype=object)
        return self._names[kind]

    def page_urls(self) -> List[str]:
        """Normalised URL of every page, by page id."""
        return list(self._name_array("page"))

    def domain_names(self) -> List[str]:
        """Registrable domain names, by domain id."""
        return list(self._name_array("domain"))

    def host_names(self) -> List[str]:
        """Host names, by host id."""
        return list(self._name_array("host"))

    def links(self) -> Any:
        """Every link as a DataFrame: source, target (page URLs), source_domain,
        target_domain, anchor, rel flags (:class:`Flag` mask), position, internal,
        followable (no bit of ``Flag.DEFAULT_EXCLUDED``)."""
        import pandas as pd

        c = self._core
        pages = self._name_array("page")
        domains = self._name_array("domain")
        page_domain = c.host_domains[c.page_hosts] if c.num_pages else np.zeros(0, np.uint32)
        src, dst, flags = c.link_sources, c.link_targets, c.link_flags
        anchors = np.array(c.anchor_texts(), dtype=object)
        return pd.DataFrame({
            "source": pages[src], "target": pages[dst],
            "source_domain": domains[page_domain[src]], "target_domain": domains[page_domain[dst]],
            "anchor": anchors[c.link_anchors] if len(anchors) else np.full(len(src), ""),
            "flags": flags.copy(),
            "position": np.array(_POSITIONS, dtype=object)[c.link_positions],
            "internal": (flags & Flag.INTERNAL) != 0,
            "followable": (flags & Flag.DEFAULT_EXCLUDED) == 0,
        })

    # ------------------------------------------------------------------ authority
    def authority(self, *,
                  progress: Optional[Callable[[int, int, float, float], Optional[bool]]] = None,
                  evaporate: bool = False, trusted: Any = None, spam: Any = None,
                  topics: Any = None, harmonic: bool = False,
                  **options: Any) -> AuthorityResult:
        """Page, domain (and with ``hosts=True`` host) authority in one run, as an
        :class:`AuthorityResult`: ``.pages``, ``.domains``, ``.hosts`` (DataFrame or None) and
        ``.info`` (:class:`AuthorityInfo`: per-level iterations, residual, converged, floor,
        dangling mass and seconds). Each table is sorted by score (best first). Results are
        cached per options; every call hands out new DataFrames (mutating one is safe).

        Page authority is PageRank over every followable page-to-page link (internal and
        external; parallel links once, self-links never). Domain authority is PageRank over the
        registrable-domain graph (D1 -> D2 when a page of D1 links followably to a page of D2;
        weight 1 per pair with ``domain_weights="domains"``, 1 + ln(links) with ``"links"``).
        ``authority`` is the versioned 0-100 log scale of docs/scores.md:
        ``100 * ln(x / f) / ln(x_max / f)`` with f the score of an unlinked node.

        Args:
            {options}
            progress: callable(iteration, max_iterations, residual, tolerance) per PageRank
                iteration; returning False cancels (KeyboardInterrupt). Ctrl-C works too.
            evaporate: ``True`` is short for ``excluded_links="evaporate"``.
            trusted: trusted seeds (a seed file path, or a list of domains, hosts or URLs):
                adds the columns trust, trust_authority, trust_ratio, spam_mass, cheirank to
                every table (docs/trust.md).
            spam: known spam seeds (path or list; needs ``trusted``): adds anti_trust.
            topics: labelled domains for topical authority (docs/topics.md): a CSV path
                (header ``domain,topic``), a DataFrame with columns ``domain`` and ``topic``,
                or a dict domain → topic (or list of topics). Adds a ``topic:<name>`` column
                per topic (TrustRank seeded with the topic's domains) and ``top_topic``.
            harmonic: ``True`` adds a ``harmonic`` column to the domain and host tables:
                harmonic centrality of that graph (docs/centrality.md), exact or HyperBall
                by size as :func:`linkequity.harmonic_centrality` with ``exact=None``.

        Raises:
            ValueError: a bad option (named in the message); seeds of which none is in the
                graph. linkequity.ParseError: a bad seed line.
            TypeError: an unknown keyword.
        """
        o = _table.build(_core.AuthorityOptions, "authority", options, evaporate=evaporate)
        key = (tuple(sorted((k, v) for k, v in o.values().items() if k != "hosts")),
               _trust.seed_key(trusted, spam), bool(harmonic))
        labels = _topic_labels(topics)
        cached = self._cache.get(key)
        if (cached is not None and (cached.hosts is not None or not o.hosts) and progress is None
                and labels is None):
            return cached._copy()
        raw = self._core.authority(o, progress, labels, bool(harmonic))
        _trust.add_web_columns(self._core, o, raw, trusted, spam)
        out = self._result(raw)
        if labels is None:
            self._cache[key] = out
        elif raw["unknown_topic_domains"]:
            warnings.warn(f"topics: {len(raw['unknown_topic_domains'])} labelled domains are not "
                          f"in the graph: {', '.join(raw['unknown_topic_domains'][:5])}",
                          stacklevel=2)
        return out._copy()

    authority.__doc__ = (authority.__doc__ or "").replace(
        "{options}", _table.document(_table.fields(_core.AuthorityOptions), indent=12))
    authority.__signature__ = _table.signature(  # type: ignore[attr-defined]
        [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)],
        _table.fields(_core.AuthorityOptions),
        [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default)
         for name, default in (("progress", None), ("evaporate", False), ("trusted", None),
                               ("spam", None), ("topics", None), ("harmonic", False))])

    def page_authority(self, **options: Any) -> Any:
        """Page authority as a DataFrame sorted by score (best first), columns
        ``PAGE_COLUMNS``: url, host, domain, score (raw PageRank, sums to 1), authority
        (0-100), rank (1 = best, ties share), backlinks, followable_backlinks,
        referring_pages, referring_domains, followable_referring_domains, outgoing_links,
        followable_outgoing_links. Options: see :meth:`authority`."""
        return self.authority(**options).pages

    def domain_authority(self, **options: Any) -> Any:
        """Domain authority as a DataFrame sorted by score, columns ``DOMAIN_COLUMNS``
        (domain, score, authority, rank, the link counts, hosts, pages). Options: see
        :meth:`authority`."""
        return self.authority(**options).domains

    def host_authority(self, **options: Any) -> Any:
        """Host authority (PageRank over the full-host-name graph) as a DataFrame sorted by
        score, columns ``HOST_COLUMNS``. Options: see :meth:`authority`."""
        return self.authority(hosts=True, **options).hosts

    def apply_disavow(self, path: PathLike, owner: Optional[str] = None, *,
                      skip_bad: bool = False) -> "_core.DisavowResult":
        """Reads a disavow file (Google's format) and marks the matching links
        ``Flag.DISAVOWED``: links from a listed page URL, or from any page of a
        ``domain:`` entry or its subdomains — only links into ``owner``'s registrable domain
        when ``owner`` (a domain, host or URL) is given, else all links. Idempotent; clears
        cached scores. Returns a :class:`linkequity._core.DisavowResult` (read-only attributes
        links_in_scope, links_disavowed, newly_disavowed, owner_domain, domains, urls, lines,
        skipped ...).

        Raises:
            linkequity.ParseError: a malformed line (strict mode; ``skip_bad=True`` skips and
                lists them in ``.skipped`` as (line, reason, text)) or an unreadable file.
        """
        result = self._core.apply_disavow(os.fspath(path), owner or "", skip_bad)
        self._cache.clear()
        return result

    # ------------------------------------------------------------------ backlink analysis
    def link_intersect(self, competitors: Union[str, Sequence[str]], exclude: Optional[str] = None,
                       min_targets: int = 1) -> Any:
        """Link intersect (competitor gap): the referring domains with a followable link into at
        least ``min_targets`` of ``competitors`` and no link at all into ``exclude`` (your own
        domain). DataFrame: ``domain``, ``authority`` (0-100), ``targets_linked``, one bool column
        per competitor (its registrable domain), ``links`` (followable links into the
        competitors); ranked by targets_linked, then authority, then domain name. Competitors and
        exclude may be domains, hosts or URLs.

        Raises:
            ValueError: no competitor, an unknown competitor or excluded domain, a duplicate, a
                competitor equal to ``exclude``, ``min_targets`` outside [1, len(competitors)].
        """
        from . import _analysis
        return _analysis.link_intersect(self, competitors, exclude, min_targets)

    def anchors(self, target: str, keywords: Sequence[str] = (), level: str = "domain") -> Any:
        """Anchor text of the links into ``target`` (a domain, or with ``level="page"`` a URL) from
        other domains. DataFrame: ``anchor``, ``class`` (empty, url, exact, partial, branded,
        generic, other), ``links``, ``referring_domains``, ``share``; sorted by links, then
        referring domains, then text. ``df.attrs["classes"]`` holds the class totals (a DataFrame:
        class, anchors, links, referring_domains, share).

        Raises:
            ValueError: unknown target, an empty keyword, a bad level.
        """
        from . import _analysis
        return _analysis.anchors(self, target, keywords, level)

    def profile(self, target: str, **options: Any) -> Any:
        """Link profile of domain ``target`` as a read-only ``LinkProfile``: counts, ``rel``,
        ``positions``,
        ``authority_bands``, ``tlds``, ``months`` (DataFrame of new/lost per month),
        ``top_referring_domains`` (DataFrame). Options: top=20, sitewide_pages=10,
        sitewide_min_pages=3, sitewide_share=0.5. Raises ValueError for an unknown target."""
        from . import _analysis
        return _analysis.profile(self, target, **options)

    def report(self, target: str, path: PathLike, **options: Any) -> str:
        """Writes the self-contained HTML backlink report of ``target`` to ``path`` (atomically)
        and returns the path. Options: keywords=(), top=25."""
        from . import _analysis
        return _analysis.report(self, target, path, **options)

    def explain(self, target: str, level: str = "domain", top: int = 50, **options: Any) -> Any:
        """Where the authority score of ``target`` (a domain, or with ``level="page"`` a URL)
        comes from (docs/explain.md): a DataFrame of the other domains (pages) with a
        contribution or a link, best first (``all_paths`` descending, then ``one_hop``, then
        ``links``, then id; at most ``top`` rows, 0 = all). Columns: ``domain`` (``url``),
        ``all_paths`` (c_j = s_j N_jt: the target's score brought by surfers restarting at j,
        over paths of any length), ``share`` (of the target's score), ``one_hop`` (what j
        passes over its own links in one step), ``links`` and ``followable`` (link rows into
        the target), ``authority`` and ``score`` (j's own). ``df.attrs``: target, score,
        authority, self (c_t: the target's own restarts; with every row's all_paths it adds up
        to score), restart, one_hop_total (+ restart = score), explained, contributors,
        referrers, iterations, converged. Options: as :meth:`authority` (damping, tolerance,
        domain_weights, excluded_links, evaporate=True ...).

        Raises:
            ValueError: an unknown target, a bad level or option.
        """
        from . import _explain
        return _explain.explain(self, target, level, top, **options)

    def site_authority(self, site: str, **options: Any) -> Any:
        """Internal authority of one site (docs/site.md): PageRank over the followable links
        between the pages of ``site`` (a registrable domain, or a host) only, teleport uniform
        over them, on the 0-100 scale of that graph. Returns a ``SiteAuthority``: ``pages`` (a
        DataFrame sorted by internal score: the columns of ``PAGE_COLUMNS`` with score,
        authority and rank the site's own and the link counts of the whole graph, then
        ``internal_in_links``, ``internal_out_links``, ``orphan``, ``dead_end``), ``orphans``
        and ``dead_ends`` (those rows), ``internal_links``, ``iterations``, ``converged`` ...
        Options: as :meth:`authority`.

        Raises:
            ValueError: a site that is not a domain or host of the links, a bad option.
        """
        from . import _explain
        return _explain.site_authority(self, site, **options)
    def plan_links(self, target: str, level: Optional[str] = None,
                   candidates: Union[None, str, Sequence[str]] = None, k: int = 1, top: int = 50,
                   *, site: Optional[str] = None, evaporate: bool = False,
                   **options: Any) -> Any:
        """The links that would raise ``target``'s authority most, and a greedy plan of ``k``.

        Every candidate source's exact gain from one new followable link to ``target`` (the
        rank-one update of docs/planning.md, with an error bound), best first; then ``k`` picks:
        the best link is added, the graph re-scored (warm-started), the rest re-ranked, with the
        target's authority after each step. ``level="domain"``: the domain graph (a new domain
        edge weighs 1 in either ``domain_weights`` mode); ``target`` and ``candidates`` are
        domains, hosts or URLs (each is its registrable domain). ``level="page"``: the page graph;
        page URLs. ``candidates``: prospects (e.g. a competitor's referring domains); None =
        every domain (page) without a followable link to the target; given ones that already
        link followably are skipped and counted. ``level`` None is ``"domain"``.

        Internal linking (``site="example.com"``, a registrable domain or a host; docs/site.md):
        the graph is the site's internal graph (followable links between its pages only,
        teleport uniform over them, as :meth:`site_authority`); ``target`` and ``candidates``
        are page URLs of the site (None = every site page without a followable internal link to
        the target); gains and authority are the site's internal ones (its 0-100 scale);
        ``level`` must be None or ``"page"``.

        Args:
            {options}
            evaporate: ``True`` is short for ``excluded_links="evaporate"``.

        Returns:
            :class:`linkequity.LinkPlan`: ``candidates`` (the first link's ranking, the ``top``
            best; 0 = all), ``steps`` (the plan: ``step``, name, ``gain``, ``score_after``,
            ``authority_after``, ...), ``score_before``, ``authority_before``.

        Raises:
            ValueError: an unknown target or candidate, the target among the candidates,
                ``k < 1``, a bad level or option; with ``site``: an unknown site, a target or
                candidate that is not a page of the site.
        """
        from . import _plan
        return _plan.plan_links(self, target, level, candidates, k, top, site=site,
                                evaporate=evaporate, **options)

    def to_networkx(self, level: str = "domain", **options: Any) -> Any:
        """The domain (or host) graph as a ``networkx.DiGraph``: nodes named by domain/host with
        score, authority, rank, backlinks, referring_domains, outgoing_links, pages; edges
        weighted by link counts (``weight``; ``followable``). Options: top=0, min_authority=0."""
        from . import _analysis
        return _analysis.to_networkx(self, level, **options)

    # ------------------------------------------------------------------ what-if and diff
    def what_if(self, add: Any = None, remove: Any = None, disavow: Optional[PathLike] = None,
                **options: Any) -> Any:
        """The graph after link edits and a disavow file, re-scored warm-started from this
        graph's scores (equal to scoring the edited links from scratch, to the tolerance), with
        per-node deltas: a :class:`linkequity.WhatIfResult` (``.graph``, ``.scores``, delta
        DataFrames ``.pages``, ``.domains``, ``.hosts``, ``.edits`` counts). docs/what-if.md.

        Args:
            add, remove: links to add / remove: a link file, a list of files (any format
                :meth:`read_links` reads) or a DataFrame with ``source``, ``target`` (and, for
                additions, ``anchor``, ``rel``). A removal deletes every link row from its source
                URL to its target URL (after normalisation).
            disavow: a disavow file applied after the edits (into ``owner``'s domain, or all).
            edits: an edits CSV (link columns plus ``action`` add|remove) or such a DataFrame.
            owner: the disavow file's owner domain.
            skip_bad: lenient: bad rows and removals of absent links are counted in ``.edits``
                instead of raising.
            warm_start: False scores the edited graph from scratch (for checks).
            **options: the options of :meth:`authority` (damping, tolerance, hosts, ...).

        Raises:
            linkequity.ParseError: a bad row, a bad action or a removal of a link the graph does
                not have (strict mode), naming the file (``<add>``, ``<remove>``, ``<edits>`` for
                DataFrames) and the row.
            ValueError: a DataFrame without source/target (or action) column, a bad option.
        """
        from . import _what_if
        return _what_if.what_if(self, add, remove, disavow, **options)

    @staticmethod
    def diff(before: "WebGraph", after: "WebGraph", **options: Any) -> Any:
        """What changed from ``before`` to ``after``: a :class:`linkequity.WebDiff` with
        DataFrames ``links_new``, ``links_lost`` (pairs of page URLs only one graph links) and
        ``domains`` (referring domains gained and lost, authority before, after and the change,
        sorted by the change, then name). Options: those of :meth:`authority`."""
        from . import _what_if
        return _what_if.diff(before, after, **options)

    # ------------------------------------------------------------------ tables
    def _result(self, raw: Dict[str, Any]) -> AuthorityResult:
        """The AuthorityResult of ``_core.WebGraphCore.authority``'s levels: each is a
        (ScoreTable, AuthorityLevelInfo) pair, or None (hosts not computed)."""
        def table(level: str) -> Any:
            return None if raw[level] is None else self._frame(raw[level][0])

        def run(level: str) -> Any:
            return None if raw[level] is None else raw[level][1]

        info = AuthorityInfo(raw["scale_version"], raw["seconds_graphs"], raw["seconds_counts"],
                             run("pages"), run("domains"), run("hosts"))
        return AuthorityResult(table("pages"), table("domains"), table("hosts"), info)

    def _frame(self, table: "_core.ScoreTable") -> Any:
        """A DataFrame of a C++ ScoreTable: its columns in order, rows in its row order (by
        rank, ties by id); name columns become str through the cached name arrays."""
        import pandas as pd

        rows = table.rows
        data = {}
        for name, values, names in table.columns:
            if names is None:
                data[name] = values[rows]
            else:
                labels = self._name_array(names)
                data[name] = labels[rows] if values is None else labels[values[rows]]
        return pd.DataFrame(data)
