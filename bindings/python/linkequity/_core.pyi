"""
linkequity's compiled core (private; use the `linkequity` package).
"""
from __future__ import annotations
import collections.abc
from linkequity import ParseError
import numpy
import numpy.typing
import typing
__all__: list[str] = ['AuthorityLevelInfo', 'AuthorityOptions', 'ContributionsResult', 'CsrGraph', 'DanglingPolicy', 'DisavowResult', 'DomainWeightMode', 'ExcludedLinkMode', 'ExplainOptions', 'HarmonicMethod', 'HarmonicOptions', 'HarmonicResult', 'HitsOptions', 'HitsResult', 'LinkEditsCore', 'LinkGainOptions', 'ManipulationOptions', 'PageRankAcceleration', 'PageRankKernel', 'PageRankNodeOrder', 'PageRankOptions', 'PageRankResult', 'PageRankSolver', 'ParseError', 'ReadReport', 'SalsaOptions', 'SalsaResult', 'ScoreTable', 'ScoresCore', 'SpamMassOptions', 'SpamMassResult', 'SyntheticWebCounts', 'SyntheticWebOptions', 'TopicPageRankOptions', 'TopicPageRankResult', 'WebGraphCore', 'WebGraphStats', 'WebPlanOptions', 'add_trust_columns', 'analysis_anchors', 'analysis_export_tables', 'analysis_link_intersect', 'analysis_profile', 'analysis_report', 'anti_trustrank', 'cheirank', 'classify_anchor', 'contributions', 'erdos_renyi_edges', 'followable_out_weight', 'generic_anchors', 'harmonic_centrality', 'hits', 'kronecker_edges', 'link_gain', 'normalize_host_name', 'normalize_url', 'open_graph_part', 'pagerank', 'pagerank_residual', 'partition_manifest', 'salsa', 'save_partitions', 'score_for_what_if', 'site_authority', 'spam_mass', 'synthetic_web', 'synthetic_web_csv', 'synthetic_web_labels', 'table_columns', 'topic_pagerank', 'trust_columns', 'trustrank', 'web_diff', 'web_explain', 'web_plan_links', 'what_if']
class CsrGraph:
    """
    Immutable CSR graph (private; wrapped by linkequity.Graph).
    """
    @staticmethod
    def adopt_csc(indptr: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64], indices: typing.Annotated[numpy.typing.ArrayLike, numpy.uint32], data: typing.Annotated[numpy.typing.ArrayLike, numpy.float32] | None, num_nodes: typing.SupportsInt | typing.SupportsIndex) -> CsrGraph:
        """
        A lean graph reading a CSC matrix's arrays in place (see linkequity.Graph.from_scipy).
        """
    @staticmethod
    def from_edges(src: numpy.ndarray, dst: numpy.ndarray, num_nodes: typing.SupportsInt | typing.SupportsIndex | None = None, weights: numpy.ndarray | None = None, flags: numpy.ndarray | None = None, self_loops: str = 'drop', duplicates: str = 'merge', lean: bool = False) -> CsrGraph:
        """
        Builds a graph from edge arrays src[i] -> dst[i] (see linkequity.Graph.from_edges).
        """
    @staticmethod
    def read_edge_list(path: str, skip_bad: bool = False, self_loops: str = 'drop', duplicates: str = 'merge', lean: bool = False) -> tuple:
        """
        Reads an integer edge-list file (see linkequity.Graph.read_edge_list): (graph, skipped, examples).
        """
    def clone(self) -> CsrGraph:
        """
        A deep copy.
        """
    def in_degree(self) -> numpy.typing.NDArray[numpy.int64]:
        """
        Number of stored in-edges of every node (int64 array).
        """
    def out_degree(self) -> numpy.typing.NDArray[numpy.int64]:
        """
        Number of stored out-edges of every node (int64 array).
        """
    @property
    def has_flags(self) -> bool:
        ...
    @property
    def has_weights(self) -> bool:
        ...
    @property
    def in_flags(self) -> numpy.typing.NDArray[numpy.uint8]:
        ...
    @property
    def in_offsets(self) -> numpy.typing.NDArray[numpy.uint64]:
        ...
    @property
    def in_sources(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def in_weights(self) -> numpy.typing.NDArray[numpy.float32]:
        ...
    @property
    def is_lean(self) -> bool:
        ...
    @property
    def lean_out_weight(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def memory_bytes(self) -> int:
        ...
    @property
    def num_edges(self) -> int:
        ...
    @property
    def num_nodes(self) -> int:
        ...
    @property
    def out_flags(self) -> numpy.typing.NDArray[numpy.uint8]:
        ...
    @property
    def out_offsets(self) -> numpy.typing.NDArray[numpy.uint64]:
        ...
    @property
    def out_targets(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def out_weights(self) -> numpy.typing.NDArray[numpy.float32]:
        ...
class DanglingPolicy:
    """
    Where dangling nodes' score goes.
    
    Members:
    
      personalization
    
      uniform
    
      vector
    """
    __members__: typing.ClassVar[dict[str, DanglingPolicy]]
    personalization: typing.ClassVar[DanglingPolicy]
    uniform: typing.ClassVar[DanglingPolicy]
    vector: typing.ClassVar[DanglingPolicy]
    @typing.overload
    def __eq__(self, other: DanglingPolicy) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: DanglingPolicy) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class ExcludedLinkMode:
    """
    What excluded links do.
    
    Members:
    
      exclude
    
      evaporate
    """
    __members__: typing.ClassVar[dict[str, ExcludedLinkMode]]
    evaporate: typing.ClassVar[ExcludedLinkMode]
    exclude: typing.ClassVar[ExcludedLinkMode]
    @typing.overload
    def __eq__(self, other: ExcludedLinkMode) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: ExcludedLinkMode) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PageRankSolver:
    """
    Iteration scheme.
    
    Members:
    
      power
    
      gauss_seidel
    
      block_gauss_seidel
    
      conjugate_gradient
    
      local_gauss_seidel
    """
    __members__: typing.ClassVar[dict[str, PageRankSolver]]
    block_gauss_seidel: typing.ClassVar[PageRankSolver]
    conjugate_gradient: typing.ClassVar[PageRankSolver]
    gauss_seidel: typing.ClassVar[PageRankSolver]
    local_gauss_seidel: typing.ClassVar[PageRankSolver]
    power: typing.ClassVar[PageRankSolver]
    @typing.overload
    def __eq__(self, other: PageRankSolver) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: PageRankSolver) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PageRankAcceleration:
    """
    Power-method acceleration.
    
    Members:
    
      none
    
      quadratic
    """
    __members__: typing.ClassVar[dict[str, PageRankAcceleration]]
    none: typing.ClassVar[PageRankAcceleration]
    quadratic: typing.ClassVar[PageRankAcceleration]
    @typing.overload
    def __eq__(self, other: PageRankAcceleration) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: PageRankAcceleration) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PageRankNodeOrder:
    """
    Node numbering the kernel uses.
    
    Members:
    
      automatic
    
      as_built
    
      by_degree
    """
    __members__: typing.ClassVar[dict[str, PageRankNodeOrder]]
    as_built: typing.ClassVar[PageRankNodeOrder]
    automatic: typing.ClassVar[PageRankNodeOrder]
    by_degree: typing.ClassVar[PageRankNodeOrder]
    @typing.overload
    def __eq__(self, other: PageRankNodeOrder) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: PageRankNodeOrder) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PageRankKernel:
    """
    How the power method gathers contributions.
    
    Members:
    
      pull
    
      blocked
    """
    __members__: typing.ClassVar[dict[str, PageRankKernel]]
    blocked: typing.ClassVar[PageRankKernel]
    pull: typing.ClassVar[PageRankKernel]
    @typing.overload
    def __eq__(self, other: PageRankKernel) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: PageRankKernel) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PageRankOptions:
    """
    pagerank_options (private; built by linkequity.pagerank).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def validate(self, num_nodes: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Checks every option against a graph of num_nodes nodes; raises ValueError.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def acceleration(self) -> PageRankAcceleration:
        """
        quadratic: extrapolation every acceleration_period power iterations (3 more vectors)
        """
    @acceleration.setter
    def acceleration(self, arg1: PageRankAcceleration) -> None:
        ...
    @property
    def acceleration_period(self) -> int:
        """
        Iterations between extrapolations, >= 4 when acceleration is on
        """
    @acceleration_period.setter
    def acceleration_period(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def blocked_hot_nodes(self) -> int:
        """
        Blocked kernel: sources with smaller ids are pulled directly; 0 = half the last-level cache's worth
        """
    @blocked_hot_nodes.setter
    def blocked_hot_nodes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def dangling(self) -> DanglingPolicy:
        """
        Where the score of nodes without followable out-links goes: like personalization, uniform, or dangling_distribution (vector)
        """
    @dangling.setter
    def dangling(self, arg1: DanglingPolicy) -> None:
        ...
    @property
    def dangling_distribution(self) -> typing.Any:
        """
        With dangling = vector: one weight >= 0 per node, positive sum
        """
    @dangling_distribution.setter
    def dangling_distribution(self, arg1: typing.Any) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def kernel(self) -> PageRankKernel:
        """
        pull (reference, leanest) or blocked (propagation blocking for sources beyond a cache-sized prefix: faster on graphs far larger than the cache, in degree order)
        """
    @kernel.setter
    def kernel(self, arg1: PageRankKernel) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_order(self) -> PageRankNodeOrder:
        """
        Node numbering iterated in: by_degree (decreasing out-degree; a relabelled copy of the in-edges), as_built, or automatic (by_degree from 2^26 edges)
        """
    @node_order.setter
    def node_order(self, arg1: PageRankNodeOrder) -> None:
        ...
    @property
    def personalization(self) -> typing.Any:
        """
        Teleport distribution v: one weight >= 0 per node, positive sum; empty = uniform
        """
    @personalization.setter
    def personalization(self, arg1: typing.Any) -> None:
        ...
    @property
    def solver(self) -> PageRankSolver:
        """
        power (parallel, identical on any thread count), gauss_seidel (serial, fewer iterations), block_gauss_seidel (parallel, identical on any thread count, fewer iterations), conjugate_gradient (symmetric graphs only: parallel, identical on any thread count, fewest iterations) or local_gauss_seidel (parallel, identical on any thread count, fewer iterations where ids are local, as on link graphs)
        """
    @solver.setter
    def solver(self, arg1: PageRankSolver) -> None:
        ...
    @property
    def start(self) -> typing.Any:
        """
        Warm start: one value >= 0 per node, positive sum; empty = personalization
        """
    @start.setter
    def start(self, arg1: typing.Any) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class PageRankResult:
    """
    The result of linkequity.pagerank.
    
    Attributes:
        scores: float64 array indexed by node id, each >= 0, summing to 1. A view of the
            result's own memory (no copy); it keeps the result alive.
        iterations: iterations performed.
        residual: L1 change of the last iteration.
        converged: residual < tolerance. False after max_iterations: the scores are then the
            max_iterations-th iterate (no exception).
        cancelled: a progress callback returned False.
        history: the residual of every iteration (float64 array view).
        seconds: wall time of the C++ iterations (excluding validation and the binding).
        dangling_mass: D, the score held by nodes without followable out-links.
        evaporated_mass: Z, the score passed along excluded links in evaporate mode (else 0).
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def cancelled(self) -> bool:
        """
        A progress callback returned False.
        """
    @property
    def converged(self) -> bool:
        """
        residual < tolerance.
        """
    @property
    def dangling_mass(self) -> float:
        """
        D: the score held by nodes without followable out-links.
        """
    @property
    def evaporated_mass(self) -> float:
        """
        Z: the score passed along excluded links in evaporate mode (else 0).
        """
    @property
    def history(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        L1 change of every iteration (float64, read-only view).
        """
    @property
    def iterations(self) -> int:
        """
        Iterations performed.
        """
    @property
    def residual(self) -> float:
        """
        L1 change of the last iteration.
        """
    @property
    def scores(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Scores indexed by node id (float64 view of the result's memory, no copy).
        """
    @property
    def seconds(self) -> float:
        """
        Wall time of the C++ iterations, in seconds.
        """
class ReadReport:
    """
    What reading one input file saw (read-only).
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __repr__(self) -> str:
        ...
    @property
    def examples(self) -> list[str]:
        """
        The first bad rows, 'file:line: reason' (at most 10).
        """
    @property
    def format(self) -> str:
        """
        The format used (detected or given), e.g. 'generic'.
        """
    @property
    def links(self) -> int:
        """
        Rows delivered as links.
        """
    @property
    def path(self) -> str:
        """
        The file.
        """
    @property
    def records(self) -> int:
        """
        Redirect and canonical rows (counted in resources too).
        """
    @property
    def resources(self) -> int:
        """
        Rows that are not page-to-page links (e.g. Screaming Frog 'Image' rows).
        """
    @property
    def rows(self) -> int:
        """
        Data rows seen (header excluded).
        """
    @property
    def skipped(self) -> int:
        """
        Bad rows skipped (skip_bad=True).
        """
    @property
    def skipped_by_reason(self) -> dict[str, int]:
        """
        Skipped rows by reason (a new dict on every access).
        """
class WebGraphStats:
    """
    What building a WebGraph saw (read-only; WebGraph.stats).
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __repr__(self) -> str:
        ...
    @property
    def bad_rows(self) -> int:
        """
        Rows skipped in lenient mode (reader and bad URLs).
        """
    @property
    def canonical_records(self) -> int:
        """
        Canonical rows accepted (canonicals to the URL itself excluded).
        """
    @property
    def conflicting_records(self) -> int:
        """
        Records giving a URL a second, different target: ignored.
        """
    @property
    def internal_links(self) -> int:
        """
        Links whose ends share a registrable domain.
        """
    @property
    def links(self) -> int:
        """
        Page-to-page links kept (self-links included).
        """
    @property
    def links_merged(self) -> int:
        """
        Links dropped because they became self-links.
        """
    @property
    def links_repointed(self) -> int:
        """
        Links with an end replaced by its final URL.
        """
    @property
    def non_web_by_scheme(self) -> dict[str, int]:
        """
        Non-web targets by scheme, e.g. {'mailto': 3} (a new dict on every access).
        """
    @property
    def non_web_targets(self) -> int:
        """
        mailto:, tel:, javascript: ... targets (not pages).
        """
    @property
    def redirect_loops(self) -> int:
        """
        URLs whose chain loops (they keep their identity).
        """
    @property
    def redirect_records(self) -> int:
        """
        Redirect rows accepted (duplicates included).
        """
    @property
    def redirects_resolved(self) -> int:
        """
        URLs replaced by their final URL.
        """
    @property
    def redirects_too_long(self) -> int:
        """
        URLs on chains longer than 10 hops (they keep their identity).
        """
    @property
    def reports(self) -> list[ReadReport]:
        """
        One ReadReport per input file, in input order (empty for a graph opened from a snapshot).
        """
    @property
    def rows(self) -> int:
        """
        Link rows offered to the builder.
        """
    @property
    def self_links(self) -> int:
        """
        Links from a page to itself: kept, never scored.
        """
class DisavowResult:
    """
    What WebGraph.apply_disavow read and flagged (read-only).
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __repr__(self) -> str:
        ...
    @property
    def domains(self) -> int:
        """
        domain: entries in the file.
        """
    @property
    def lines(self) -> int:
        """
        Lines in the file.
        """
    @property
    def links_disavowed(self) -> int:
        """
        Links in scope from a matching source (now flagged DISAVOWED).
        """
    @property
    def links_in_scope(self) -> int:
        """
        Links the file applies to (into the owner, or all).
        """
    @property
    def newly_disavowed(self) -> int:
        """
        Of those, links not flagged by an earlier application.
        """
    @property
    def owner_domain(self) -> str:
        """
        Registrable domain of the owner ('' = all links).
        """
    @property
    def owner_found(self) -> bool:
        """
        The owner domain has pages in the graph.
        """
    @property
    def skipped(self) -> list:
        """
        Lines skipped in lenient mode, as (line, reason, text) tuples.
        """
    @property
    def source_pages_matched(self) -> int:
        """
        Distinct pages whose links are disavowed.
        """
    @property
    def urls(self) -> int:
        """
        URL entries in the file.
        """
class AuthorityLevelInfo:
    """
    How one level's PageRank ran (read-only): its scores are in the level's DataFrame.
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __repr__(self) -> str:
        ...
    @property
    def converged(self) -> bool:
        """
        The residual fell below the tolerance.
        """
    @property
    def dangling_mass(self) -> float:
        """
        D of the final scores.
        """
    @property
    def edges(self) -> int:
        """
        Edges of the graph scored.
        """
    @property
    def evaporated_mass(self) -> float:
        """
        Z of the final scores (0 unless evaporate=True).
        """
    @property
    def floor(self) -> float:
        """
        f: the score of a node no followable link reaches (0 on the 0-100 scale).
        """
    @property
    def iterations(self) -> int:
        """
        PageRank iterations run.
        """
    @property
    def nodes(self) -> int:
        """
        Nodes of the graph scored.
        """
    @property
    def residual(self) -> float:
        """
        L1 change of the last iteration.
        """
    @property
    def seconds(self) -> float:
        """
        PageRank wall time.
        """
class ScoreTable:
    """
    An authority table of the C++ table layer (private; WebGraph makes DataFrames of it): the same columns as the CLI's CSVs.
    """
    @property
    def columns(self) -> list:
        """
        [(name, values or None, name list or None)] in column order; see table_columns.
        """
    @property
    def level(self) -> str:
        """
        'pages', 'hosts' or 'domains'.
        """
    @property
    def rows(self) -> numpy.typing.NDArray[numpy.uint32]:
        """
        Node ids in row order (by rank, ties by id): a read-only uint32 view.
        """
class WebGraphCore:
    """
    web_graph (private; wrapped by linkequity.WebGraph).
    """
    @staticmethod
    def from_columns(source: list, target: list, anchor: list | None = None, rel: list | None = None, rel_flags: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8] | None = None, position: list | None = None, skip_bad: bool = False, suffixes: str = 'all', name: str = '<links>') -> WebGraphCore:
        """
        Builds from columns given as lists of str (see linkequity.WebGraph.from_links).
        """
    @staticmethod
    def open(path: str, verify: str = 'checksums') -> WebGraphCore:
        """
        Opens a web snapshot (see linkequity.WebGraph.open).
        """
    @staticmethod
    def read(paths: collections.abc.Sequence[str], format: str = 'auto', skip_bad: bool = False, suffixes: str = 'all', source_column: str | None = None, target_column: str | None = None, anchor_column: str | None = None, rel_column: str | None = None, position_column: str | None = None, redirects: str = 'follow', canonicals: str = 'follow', redirect_files: collections.abc.Sequence[str] = [], anchors: bool = True) -> WebGraphCore:
        """
        Reads link export files (see linkequity.WebGraph.read_links).
        """
    def anchor_texts(self) -> list:
        ...
    def apply_disavow(self, path: str, owner: str = '', skip_bad: bool = False) -> DisavowResult:
        """
        Reads a disavow file and flags the matching links.
        """
    def authority(self, options: AuthorityOptions, progress: typing.Any = None, topics: typing.Any = None, harmonic: bool = False) -> dict:
        """
        compute_authority: {'pages': table, 'domains': table, 'hosts': table or None, ...}.
        """
    def domain_names(self) -> list:
        ...
    def find_domain(self, arg0: str) -> typing.Any:
        ...
    def find_host(self, arg0: str) -> typing.Any:
        ...
    def find_page(self, arg0: str) -> typing.Any:
        ...
    def host_names(self) -> list:
        ...
    def page_urls(self) -> list:
        ...
    def save(self, path: str) -> None:
        """
        Writes a web snapshot (see linkequity.WebGraph.save).
        """
    @property
    def build_suffix_list_version(self) -> str:
        ...
    @property
    def host_domains(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def link_anchors(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def link_flags(self) -> numpy.typing.NDArray[numpy.uint8]:
        ...
    @property
    def link_positions(self) -> numpy.typing.NDArray[numpy.uint8]:
        ...
    @property
    def link_sources(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def link_targets(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def memory_bytes(self) -> int:
        ...
    @property
    def num_domains(self) -> int:
        ...
    @property
    def num_hosts(self) -> int:
        ...
    @property
    def num_links(self) -> int:
        ...
    @property
    def num_pages(self) -> int:
        ...
    @property
    def page_hosts(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def redirect_columns(self) -> tuple[list[str], list[str], list[str], list[int], list[str]]:
        """
        The redirect table as (url, final_url, kind, hops, status) lists (WebGraph.redirects).
        """
    @property
    def stats(self) -> WebGraphStats:
        ...
    @property
    def suffix_list_version(self) -> str:
        ...
class DomainWeightMode:
    """
    Domain graph edge weights.
    
    Members:
    
      domains
    
      links
    """
    __members__: typing.ClassVar[dict[str, DomainWeightMode]]
    domains: typing.ClassVar[DomainWeightMode]
    links: typing.ClassVar[DomainWeightMode]
    @typing.overload
    def __eq__(self, other: DomainWeightMode) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: DomainWeightMode) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class AuthorityOptions:
    """
    authority_options (private; built by WebGraph.authority).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def acceleration(self) -> PageRankAcceleration:
        """
        quadratic: extrapolation every acceleration_period power iterations (3 more vectors)
        """
    @acceleration.setter
    def acceleration(self, arg1: PageRankAcceleration) -> None:
        ...
    @property
    def acceleration_period(self) -> int:
        """
        Iterations between extrapolations, >= 4 when acceleration is on
        """
    @acceleration_period.setter
    def acceleration_period(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def blocked_hot_nodes(self) -> int:
        """
        Blocked kernel: sources with smaller ids are pulled directly; 0 = half the last-level cache's worth
        """
    @blocked_hot_nodes.setter
    def blocked_hot_nodes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def domain_weights(self) -> DomainWeightMode:
        """
        Domain edge weights: domains (1 per linking pair) or links (1 + ln links)
        """
    @domain_weights.setter
    def domain_weights(self, arg1: DomainWeightMode) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def hosts(self) -> bool:
        """
        Also score hosts (full host names)
        """
    @hosts.setter
    def hosts(self, arg1: bool) -> None:
        ...
    @property
    def kernel(self) -> PageRankKernel:
        """
        pull (reference, leanest) or blocked (propagation blocking for sources beyond a cache-sized prefix: faster on graphs far larger than the cache, in degree order)
        """
    @kernel.setter
    def kernel(self, arg1: PageRankKernel) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_order(self) -> PageRankNodeOrder:
        """
        Node numbering iterated in: by_degree (decreasing out-degree; a relabelled copy of the in-edges), as_built, or automatic (by_degree from 2^26 edges)
        """
    @node_order.setter
    def node_order(self, arg1: PageRankNodeOrder) -> None:
        ...
    @property
    def position_weights(self) -> typing.Any:
        """
        Reasonable-surfer page link weights by position: alone the defaults content=1,sidebar=0.5,navigation=0.3,header=0.3,footer=0.2,unknown=1, or a spec such as footer=0.1,sidebar=0.4 (unnamed positions keep their defaults); off by default
        """
    @position_weights.setter
    def position_weights(self, arg1: typing.Any) -> None:
        ...
    @property
    def solver(self) -> PageRankSolver:
        """
        power (parallel, identical on any thread count), gauss_seidel (serial, fewer iterations), block_gauss_seidel (parallel, identical on any thread count, fewer iterations), conjugate_gradient (symmetric graphs only: parallel, identical on any thread count, fewest iterations) or local_gauss_seidel (parallel, identical on any thread count, fewer iterations where ids are local, as on link graphs)
        """
    @solver.setter
    def solver(self, arg1: PageRankSolver) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class SyntheticWebCounts:
    """
    What generate.web_csv wrote: link rows by kind (read-only).
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __repr__(self) -> str:
        ...
    @property
    def internal(self) -> int:
        """
        Web rows whose ends share a registrable domain.
        """
    @property
    def links(self) -> int:
        """
        Link rows written.
        """
    @property
    def manipulation(self) -> int:
        """
        Rows added by the manipulation passes (farms, PBNs, exchanges, paid, expired domains).
        """
    @property
    def nofollow(self) -> int:
        """
        Rows carrying rel=nofollow.
        """
    @property
    def non_web(self) -> int:
        """
        Rows with a mailto:/tel:/javascript: target.
        """
    @property
    def redirects(self) -> int:
        """
        Of those, 301 redirect records of expired domains (not links).
        """
    @property
    def sponsored(self) -> int:
        """
        Rows carrying rel=sponsored.
        """
    @property
    def ugc(self) -> int:
        """
        Rows carrying rel=ugc.
        """
    @property
    def web(self) -> int:
        """
        Rows with a web (http/https) target.
        """
class ManipulationOptions:
    """
    The synthetic web's labelled manipulation (generate.web's farms=, pbns=, … keywords).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def exchanges(self) -> int:
        """
        Reciprocal link-exchange pairs of domains
        """
    @exchanges.setter
    def exchanges(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def expired(self) -> int:
        """
        Expired honest domains 301-redirected to a money site (adds redirect records: type,status columns)
        """
    @expired.setter
    def expired(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def expired_per_site(self) -> int:
        """
        Expired domains redirected to each money site
        """
    @expired_per_site.setter
    def expired_per_site(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def farm_leak(self) -> float:
        """
        Mean followable links from honest pages into a farm member
        """
    @farm_leak.setter
    def farm_leak(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def farm_pages(self) -> float:
        """
        Mean pages per farm member
        """
    @farm_pages.setter
    def farm_pages(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def farm_size(self) -> int:
        """
        Member domains per link farm
        """
    @farm_size.setter
    def farm_size(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def farms(self) -> int:
        """
        Link farms, each boosting one target domain
        """
    @farms.setter
    def farms(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def manipulation(self) -> bool:
        """
        Plant a mix of labelled manipulation sized by spam_share
        """
    @manipulation.setter
    def manipulation(self, arg1: bool) -> None:
        ...
    @property
    def paid_links(self) -> int:
        """
        Sitewide paid footer-link deals
        """
    @paid_links.setter
    def paid_links(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def paid_sponsored(self) -> float:
        """
        Share of paid deals marked rel=sponsored
        """
    @paid_sponsored.setter
    def paid_sponsored(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_backlinks(self) -> float:
        """
        Mean legacy links from honest pages into a PBN member
        """
    @pbn_backlinks.setter
    def pbn_backlinks(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_pages(self) -> float:
        """
        Mean pages per PBN member
        """
    @pbn_pages.setter
    def pbn_pages(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_size(self) -> int:
        """
        Member domains per PBN
        """
    @pbn_size.setter
    def pbn_size(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_targets(self) -> int:
        """
        Money sites per PBN
        """
    @pbn_targets.setter
    def pbn_targets(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def pbns(self) -> int:
        """
        Private blog networks
        """
    @pbns.setter
    def pbns(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def spam_share(self) -> float:
        """
        With manipulation: share of domains added as farm/PBN members (also sizes exchanges and paid links)
        """
    @spam_share.setter
    def spam_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class SyntheticWebOptions:
    """
    synthetic_web_options: every keyword of generate.web, web_csv and web_labels (its fields() table, manipulation's included).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def attachment_offset(self) -> float:
        """
        Attachment weight of a domain without citations
        """
    @attachment_offset.setter
    def attachment_offset(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def attachment_refs(self) -> int:
        """
        Earlier domains each new domain cites (preferential attachment)
        """
    @attachment_refs.setter
    def attachment_refs(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def domains(self) -> int:
        """
        Registrable domains
        """
    @domains.setter
    def domains(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def exchanges(self) -> int:
        """
        Reciprocal link-exchange pairs of domains
        """
    @exchanges.setter
    def exchanges(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def expired(self) -> int:
        """
        Expired honest domains 301-redirected to a money site (adds redirect records: type,status columns)
        """
    @expired.setter
    def expired(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def expired_per_site(self) -> int:
        """
        Expired domains redirected to each money site
        """
    @expired_per_site.setter
    def expired_per_site(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def external_nofollow(self) -> float:
        """
        Plain rel=nofollow share of external links
        """
    @external_nofollow.setter
    def external_nofollow(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def external_sponsored(self) -> float:
        """
        rel=sponsored share of external links
        """
    @external_sponsored.setter
    def external_sponsored(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def external_ugc(self) -> float:
        """
        rel=ugc share of external links
        """
    @external_ugc.setter
    def external_ugc(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def farm_leak(self) -> float:
        """
        Mean followable links from honest pages into a farm member
        """
    @farm_leak.setter
    def farm_leak(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def farm_pages(self) -> float:
        """
        Mean pages per farm member
        """
    @farm_pages.setter
    def farm_pages(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def farm_size(self) -> int:
        """
        Member domains per link farm
        """
    @farm_size.setter
    def farm_size(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def farms(self) -> int:
        """
        Link farms, each boosting one target domain
        """
    @farms.setter
    def farms(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def internal_nofollow(self) -> float:
        """
        rel=nofollow share of internal links
        """
    @internal_nofollow.setter
    def internal_nofollow(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def internal_share(self) -> float:
        """
        Share of web links that stay within the source's registrable domain
        """
    @internal_share.setter
    def internal_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def links(self) -> int:
        """
        Link rows to write (100M+ is fine: streamed)
        """
    @links.setter
    def links(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def links_per_page(self) -> float:
        """
        Mean out-links per page (pages = max(2 domains, links / links_per_page))
        """
    @links_per_page.setter
    def links_per_page(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def manipulation(self) -> bool:
        """
        Plant a mix of labelled manipulation sized by spam_share
        """
    @manipulation.setter
    def manipulation(self, arg1: bool) -> None:
        ...
    @property
    def multi_host_share(self) -> float:
        """
        Share of domains with >= 20 pages that get extra hosts (blog., shop., ...)
        """
    @multi_host_share.setter
    def multi_host_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def multi_label_share(self) -> float:
        """
        Share of domains under co.uk, com.au, co.jp, org.uk
        """
    @multi_label_share.setter
    def multi_label_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def non_web_share(self) -> float:
        """
        Share of links to mailto:, tel:, javascript:
        """
    @non_web_share.setter
    def non_web_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def paid_links(self) -> int:
        """
        Sitewide paid footer-link deals
        """
    @paid_links.setter
    def paid_links(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def paid_sponsored(self) -> float:
        """
        Share of paid deals marked rel=sponsored
        """
    @paid_sponsored.setter
    def paid_sponsored(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_backlinks(self) -> float:
        """
        Mean legacy links from honest pages into a PBN member
        """
    @pbn_backlinks.setter
    def pbn_backlinks(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_pages(self) -> float:
        """
        Mean pages per PBN member
        """
    @pbn_pages.setter
    def pbn_pages(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_size(self) -> int:
        """
        Member domains per PBN
        """
    @pbn_size.setter
    def pbn_size(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def pbn_targets(self) -> int:
        """
        Money sites per PBN
        """
    @pbn_targets.setter
    def pbn_targets(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def pbns(self) -> int:
        """
        Private blog networks
        """
    @pbns.setter
    def pbns(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def private_share(self) -> float:
        """
        Share of domains under blogspot.com / github.io (private PSL section)
        """
    @private_share.setter
    def private_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        Random seed
        """
    @seed.setter
    def seed(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def size_exponent(self) -> float:
        """
        Pareto exponent of pages per domain
        """
    @size_exponent.setter
    def size_exponent(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def spam_share(self) -> float:
        """
        With manipulation: share of domains added as farm/PBN members (also sizes exchanges and paid links)
        """
    @spam_share.setter
    def spam_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def sponsored_ugc_also_nofollow(self) -> float:
        """
        Share of sponsored/ugc links that also say nofollow
        """
    @sponsored_ugc_also_nofollow.setter
    def sponsored_ugc_also_nofollow(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class ContributionsResult:
    """
    The result of linkequity.contributions: where the target's PageRank x_t comes from.
    
    Attributes:
        target: the node explained.
        score: x_t.
        all_paths: c_j = s_j N_jt for every node j (N = (I - alpha T)^-1): the part of x_t brought
            by surfers who restart at j, over paths of any length; sums to x_t.
        one_hop: alpha x_j w_jt / out(j) for each followable in-neighbour j of t, 0 elsewhere;
            one_hop.sum() + restart = x_t.
        restart: s_t, the target's own restart mass.
        restart_mass: s_j = (1 - alpha + alpha Z) v_j + alpha D u_j for every node.
        column: N e_t, expected visits of t from each node (column solve).
        pagerank: the PageRankResult of the run (scores, dangling_mass, evaporated_mass, ...).
        iterations, residual, converged: of the column solve (converged also needs PageRank's).
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __repr__(self) -> str:
        ...
    @property
    def all_paths(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def column(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def converged(self) -> bool:
        ...
    @property
    def iterations(self) -> int:
        ...
    @property
    def one_hop(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def pagerank(self) -> PageRankResult:
        ...
    @property
    def residual(self) -> float:
        ...
    @property
    def restart(self) -> float:
        ...
    @property
    def restart_mass(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    @property
    def score(self) -> float:
        ...
    @property
    def target(self) -> int:
        ...
class ExplainOptions:
    """
    explain_options (private; built by WebGraph.explain).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def acceleration(self) -> PageRankAcceleration:
        """
        quadratic: extrapolation every acceleration_period power iterations (3 more vectors)
        """
    @acceleration.setter
    def acceleration(self, arg1: PageRankAcceleration) -> None:
        ...
    @property
    def acceleration_period(self) -> int:
        """
        Iterations between extrapolations, >= 4 when acceleration is on
        """
    @acceleration_period.setter
    def acceleration_period(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def blocked_hot_nodes(self) -> int:
        """
        Blocked kernel: sources with smaller ids are pulled directly; 0 = half the last-level cache's worth
        """
    @blocked_hot_nodes.setter
    def blocked_hot_nodes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def domain_weights(self) -> DomainWeightMode:
        """
        Domain edge weights: domains (1 per linking pair) or links (1 + ln links)
        """
    @domain_weights.setter
    def domain_weights(self, arg1: DomainWeightMode) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def kernel(self) -> PageRankKernel:
        """
        pull (reference, leanest) or blocked (propagation blocking for sources beyond a cache-sized prefix: faster on graphs far larger than the cache, in degree order)
        """
    @kernel.setter
    def kernel(self, arg1: PageRankKernel) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_order(self) -> PageRankNodeOrder:
        """
        Node numbering iterated in: by_degree (decreasing out-degree; a relabelled copy of the in-edges), as_built, or automatic (by_degree from 2^26 edges)
        """
    @node_order.setter
    def node_order(self, arg1: PageRankNodeOrder) -> None:
        ...
    @property
    def solver(self) -> PageRankSolver:
        """
        power (parallel, identical on any thread count), gauss_seidel (serial, fewer iterations), block_gauss_seidel (parallel, identical on any thread count, fewer iterations), conjugate_gradient (symmetric graphs only: parallel, identical on any thread count, fewest iterations) or local_gauss_seidel (parallel, identical on any thread count, fewer iterations where ids are local, as on link graphs)
        """
    @solver.setter
    def solver(self, arg1: PageRankSolver) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class SpamMassOptions:
    """
    spam_mass_options (private; built by linkequity.spam_mass).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def validate(self) -> None:
        """
        Checks every option; raises ValueError.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterates are returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of both vectors in an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class SpamMassResult:
    """
    The result of linkequity.spam_mass (linear form, docs/trust.md). Arrays are float64 views of
    the result's memory (read-only, no copy), indexed by node id.
    
    Attributes:
        pagerank: p = (1-a)(I - a T^T)^-1 1/N (sums to 1 only without dangling nodes).
        core_pagerank: p' = (1-a)(I - a T^T)^-1 1_C/N (p' <= p).
        absolute: M = p - p'.
        relative: m = 1 - p'/p, in [0, 1].
        iterations, residual, converged, history, seconds: as PageRankResult's (residual: the
            larger L1 change of the two vectors).
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def absolute(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        M = p - p'.
        """
    @property
    def converged(self) -> bool:
        """
        residual < tolerance.
        """
    @property
    def core_pagerank(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        p': teleport 1_C/N.
        """
    @property
    def history(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Residual of every iteration.
        """
    @property
    def iterations(self) -> int:
        """
        Iterations performed.
        """
    @property
    def pagerank(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        p: linear PageRank, teleport 1/N.
        """
    @property
    def relative(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        m = 1 - p'/p, in [0, 1].
        """
    @property
    def residual(self) -> float:
        """
        Larger L1 change, last iteration.
        """
    @property
    def seconds(self) -> float:
        """
        Wall time of the iterations.
        """
class SalsaOptions:
    """
    salsa_options (private; built by linkequity.salsa).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def validate(self) -> None:
        """
        Checks every option; raises ValueError.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def acceleration(self) -> PageRankAcceleration:
        """
        quadratic: extrapolation every acceleration_period power iterations (3 more vectors)
        """
    @acceleration.setter
    def acceleration(self, arg1: PageRankAcceleration) -> None:
        ...
    @property
    def acceleration_period(self) -> int:
        """
        Iterations between extrapolations, >= 4 when acceleration is on
        """
    @acceleration_period.setter
    def acceleration_period(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def blocked_hot_nodes(self) -> int:
        """
        Blocked kernel: sources with smaller ids are pulled directly; 0 = half the last-level cache's worth
        """
    @blocked_hot_nodes.setter
    def blocked_hot_nodes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def hub_share(self) -> float:
        """
        Share of each restart at the seeds' hub copies (the rest at their authority copies)
        """
    @hub_share.setter
    def hub_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def kernel(self) -> PageRankKernel:
        """
        pull (reference, leanest) or blocked (propagation blocking for sources beyond a cache-sized prefix: faster on graphs far larger than the cache, in degree order)
        """
    @kernel.setter
    def kernel(self, arg1: PageRankKernel) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_order(self) -> PageRankNodeOrder:
        """
        Node numbering iterated in: by_degree (decreasing out-degree; a relabelled copy of the in-edges), as_built, or automatic (by_degree from 2^26 edges)
        """
    @node_order.setter
    def node_order(self, arg1: PageRankNodeOrder) -> None:
        ...
    @property
    def solver(self) -> PageRankSolver:
        """
        power (parallel, identical on any thread count), gauss_seidel (serial, fewer iterations), block_gauss_seidel (parallel, identical on any thread count, fewer iterations), conjugate_gradient (symmetric graphs only: parallel, identical on any thread count, fewest iterations) or local_gauss_seidel (parallel, identical on any thread count, fewer iterations where ids are local, as on link graphs)
        """
    @solver.setter
    def solver(self, arg1: PageRankSolver) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class SalsaResult:
    """
    The result of linkequity.salsa (personalised SALSA, docs/trust.md). Arrays are float64 views of
    the result's memory (read-only, no copy), indexed by node id; hubs.sum() + authorities.sum() = 1.
    
    Attributes:
        hubs: h, the walk at a node about to follow one of its out-links: high for nodes that
            link to what the seeds link to.
        authorities: a, the walk at a node about to go back over one of its in-links: high for
            nodes linked by the seeds and by nodes that link like them.
        iterations, residual, converged, cancelled, history, seconds, setup_seconds: as
            PageRankResult's (of the walk's PageRank on the doubled graph).
    """
    def __getitem__(self, key: str) -> typing.Any:
        """
        r[name] is r.name (read access by field name, as when results were dicts).
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def authorities(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        a, by node id.
        """
    @property
    def cancelled(self) -> bool:
        """
        A progress callback returned False.
        """
    @property
    def converged(self) -> bool:
        """
        residual < tolerance.
        """
    @property
    def history(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Residual of every iteration.
        """
    @property
    def hubs(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        h, by node id.
        """
    @property
    def iterations(self) -> int:
        """
        Iterations performed.
        """
    @property
    def residual(self) -> float:
        """
        L1 change, last iteration.
        """
    @property
    def seconds(self) -> float:
        """
        Wall time of the iterations.
        """
    @property
    def setup_seconds(self) -> float:
        """
        Wall time before the first iteration.
        """
class LinkGainOptions:
    """
    link_gain_options (private; built by linkequity.link_gain).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def validate(self, num_nodes: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Checks every option against a graph of num_nodes nodes; raises ValueError.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def acceleration(self) -> PageRankAcceleration:
        """
        quadratic: extrapolation every acceleration_period power iterations (3 more vectors)
        """
    @acceleration.setter
    def acceleration(self, arg1: PageRankAcceleration) -> None:
        ...
    @property
    def acceleration_period(self) -> int:
        """
        Iterations between extrapolations, >= 4 when acceleration is on
        """
    @acceleration_period.setter
    def acceleration_period(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def blocked_hot_nodes(self) -> int:
        """
        Blocked kernel: sources with smaller ids are pulled directly; 0 = half the last-level cache's worth
        """
    @blocked_hot_nodes.setter
    def blocked_hot_nodes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def dangling(self) -> DanglingPolicy:
        """
        Where the score of nodes without followable out-links goes: like personalization, uniform, or dangling_distribution (vector)
        """
    @dangling.setter
    def dangling(self, arg1: DanglingPolicy) -> None:
        ...
    @property
    def dangling_distribution(self) -> typing.Any:
        """
        With dangling = vector: one weight >= 0 per node, positive sum
        """
    @dangling_distribution.setter
    def dangling_distribution(self, arg1: typing.Any) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def kernel(self) -> PageRankKernel:
        """
        pull (reference, leanest) or blocked (propagation blocking for sources beyond a cache-sized prefix: faster on graphs far larger than the cache, in degree order)
        """
    @kernel.setter
    def kernel(self, arg1: PageRankKernel) -> None:
        ...
    @property
    def link_weight(self) -> float:
        """
        Weight of a new link on a weighted run
        """
    @link_weight.setter
    def link_weight(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_pushes(self) -> int:
        """
        Cap on the backward pushes per candidate
        """
    @max_pushes.setter
    def max_pushes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_order(self) -> PageRankNodeOrder:
        """
        Node numbering iterated in: by_degree (decreasing out-degree; a relabelled copy of the in-edges), as_built, or automatic (by_degree from 2^26 edges)
        """
    @node_order.setter
    def node_order(self, arg1: PageRankNodeOrder) -> None:
        ...
    @property
    def personalization(self) -> typing.Any:
        """
        Teleport distribution v: one weight >= 0 per node, positive sum; empty = uniform
        """
    @personalization.setter
    def personalization(self, arg1: typing.Any) -> None:
        ...
    @property
    def relative_error(self) -> float:
        """
        Refine each candidate until its gain's error bound is at most this share of the gain
        """
    @relative_error.setter
    def relative_error(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def reweight_existing(self) -> bool:
        """
        An existing excluded link that becomes followable takes link_weight (else its own weight)
        """
    @reweight_existing.setter
    def reweight_existing(self, arg1: bool) -> None:
        ...
    @property
    def solve_tolerance(self) -> float:
        """
        Error bound at which the shared solves stop
        """
    @solve_tolerance.setter
    def solve_tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def solver(self) -> PageRankSolver:
        """
        power (parallel, identical on any thread count), gauss_seidel (serial, fewer iterations), block_gauss_seidel (parallel, identical on any thread count, fewer iterations), conjugate_gradient (symmetric graphs only: parallel, identical on any thread count, fewest iterations) or local_gauss_seidel (parallel, identical on any thread count, fewer iterations where ids are local, as on link graphs)
        """
    @solver.setter
    def solver(self, arg1: PageRankSolver) -> None:
        ...
    @property
    def start(self) -> typing.Any:
        """
        Warm start: one value >= 0 per node, positive sum; empty = personalization
        """
    @start.setter
    def start(self, arg1: typing.Any) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class WebPlanOptions:
    """
    web_plan_options (private; built by WebGraph.plan_links).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def acceleration(self) -> PageRankAcceleration:
        """
        quadratic: extrapolation every acceleration_period power iterations (3 more vectors)
        """
    @acceleration.setter
    def acceleration(self, arg1: PageRankAcceleration) -> None:
        ...
    @property
    def acceleration_period(self) -> int:
        """
        Iterations between extrapolations, >= 4 when acceleration is on
        """
    @acceleration_period.setter
    def acceleration_period(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def blocked_hot_nodes(self) -> int:
        """
        Blocked kernel: sources with smaller ids are pulled directly; 0 = half the last-level cache's worth
        """
    @blocked_hot_nodes.setter
    def blocked_hot_nodes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def domain_weights(self) -> DomainWeightMode:
        """
        Domain edge weights: domains (1 per linking pair) or links (1 + ln links)
        """
    @domain_weights.setter
    def domain_weights(self, arg1: DomainWeightMode) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def kernel(self) -> PageRankKernel:
        """
        pull (reference, leanest) or blocked (propagation blocking for sources beyond a cache-sized prefix: faster on graphs far larger than the cache, in degree order)
        """
    @kernel.setter
    def kernel(self, arg1: PageRankKernel) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_pushes(self) -> int:
        """
        Cap on the backward pushes per candidate
        """
    @max_pushes.setter
    def max_pushes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_order(self) -> PageRankNodeOrder:
        """
        Node numbering iterated in: by_degree (decreasing out-degree; a relabelled copy of the in-edges), as_built, or automatic (by_degree from 2^26 edges)
        """
    @node_order.setter
    def node_order(self, arg1: PageRankNodeOrder) -> None:
        ...
    @property
    def relative_error(self) -> float:
        """
        Refine each candidate until its gain's error bound is at most this share of the gain
        """
    @relative_error.setter
    def relative_error(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def solve_tolerance(self) -> float:
        """
        Error bound at which the shared solves stop
        """
    @solve_tolerance.setter
    def solve_tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def solver(self) -> PageRankSolver:
        """
        power (parallel, identical on any thread count), gauss_seidel (serial, fewer iterations), block_gauss_seidel (parallel, identical on any thread count, fewer iterations), conjugate_gradient (symmetric graphs only: parallel, identical on any thread count, fewest iterations) or local_gauss_seidel (parallel, identical on any thread count, fewer iterations where ids are local, as on link graphs)
        """
    @solver.setter
    def solver(self, arg1: PageRankSolver) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class TopicPageRankOptions:
    """
    topic_pagerank_options (private; built by topic_pagerank).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def validate(self) -> None:
        """
        Checks every option; raises ValueError.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def damping(self) -> float:
        """
        Damping factor α: the probability of following a link
        """
    @damping.setter
    def damping(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags pass nothing
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def excluded_links(self) -> ExcludedLinkMode:
        """
        exclude: excluded links do not exist for scoring; evaporate: they count in the source's out-weight and pass nothing
        """
    @excluded_links.setter
    def excluded_links(self, arg1: ExcludedLinkMode) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def node_order(self) -> PageRankNodeOrder:
        """
        Node numbering iterated in: by_degree (decreasing out-degree; a relabelled copy of the in-edges), as_built, or automatic (by_degree from 2^26 edges)
        """
    @node_order.setter
    def node_order(self, arg1: PageRankNodeOrder) -> None:
        ...
    @property
    def solver(self) -> PageRankSolver:
        """
        power (parallel, identical on any thread count), gauss_seidel (serial, fewer iterations), block_gauss_seidel (parallel, identical on any thread count, fewer iterations), conjugate_gradient (symmetric graphs only: parallel, identical on any thread count, fewest iterations) or local_gauss_seidel (parallel, identical on any thread count, fewer iterations where ids are local, as on link graphs)
        """
    @solver.setter
    def solver(self, arg1: PageRankSolver) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of an iteration is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class TopicPageRankResult:
    """
    The result of linkequity.topic_pagerank.
    
    Attributes:
        topics: the topic names, in order (column t of scores is topics[t]).
        scores: float64 array of shape (n, k): scores[i, t] is node i's score in topic t; each
            column sums to 1. A view of the result's own memory (no copy).
        iterations: per topic, the iterations until it converged (or the batch stopped).
        residual: per topic, the L1 change of its last iteration.
        converged: per topic, residual < tolerance (bool array).
        passes: batched iterations (passes over the graph): the largest of iterations.
        cancelled: a progress callback returned False.
        seconds: wall time of the C++ iterations.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def cancelled(self) -> bool:
        """
        A progress callback returned False.
        """
    @property
    def converged(self) -> numpy.typing.NDArray[numpy.bool]:
        """
        Per topic: residual < tolerance (bool array).
        """
    @property
    def iterations(self) -> numpy.typing.NDArray[numpy.uint64]:
        """
        Iterations per topic (array).
        """
    @property
    def passes(self) -> int:
        """
        Passes over the graph.
        """
    @property
    def residual(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        L1 change of each topic's last iteration (array).
        """
    @property
    def scores(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        (n, k) float64 view of the result's memory (row-major; no copy).
        """
    @property
    def seconds(self) -> float:
        """
        Wall time of the iterations.
        """
    @property
    def topics(self) -> list[str]:
        """
        Topic names, in column order.
        """
class HitsOptions:
    """
    hits_options (private; built by linkequity.hits).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags do not exist for HITS
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_iterations(self) -> int:
        """
        Iteration limit k: the k-th iterate is returned when not converged
        """
    @max_iterations.setter
    def max_iterations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def tolerance(self) -> float:
        """
        Stop when the L1 change of the max-normalised hub vector is < tolerance
        """
    @tolerance.setter
    def tolerance(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def weighted(self) -> bool:
        """
        Use the edge weights when the graph has them
        """
    @weighted.setter
    def weighted(self, arg1: bool) -> None:
        ...
class HitsResult:
    """
    The result of hits (linkequity.hits returns its two arrays).
    """
    def __repr__(self) -> str:
        ...
    @property
    def authorities(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Authority scores by node id, summing to 1 (read-only view).
        """
    @property
    def cancelled(self) -> bool:
        """
        A progress callback returned False.
        """
    @property
    def converged(self) -> bool:
        """
        residual < tolerance.
        """
    @property
    def history(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Residual of every iteration.
        """
    @property
    def hubs(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        Hub scores by node id, summing to 1 (read-only view).
        """
    @property
    def iterations(self) -> int:
        """
        Iterations performed.
        """
    @property
    def residual(self) -> float:
        """
        L1 change of the max-normalised hubs in the last iteration.
        """
    @property
    def seconds(self) -> float:
        """
        Wall time.
        """
class HarmonicMethod:
    """
    How harmonic_centrality computes.
    
    Members:
    
      automatic
    
      exact
    
      hyperball
    """
    __members__: typing.ClassVar[dict[str, HarmonicMethod]]
    automatic: typing.ClassVar[HarmonicMethod]
    exact: typing.ClassVar[HarmonicMethod]
    hyperball: typing.ClassVar[HarmonicMethod]
    @typing.overload
    def __eq__(self, other: HarmonicMethod) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: HarmonicMethod) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class HarmonicOptions:
    """
    harmonic_options (private; built by linkequity.harmonic_centrality).
    """
    @staticmethod
    def fields() -> list:
        """
        The option table: one dict per field (name, kind, default, range, choices, deprecated spellings, help, cli).
        """
    def __init__(self) -> None:
        ...
    def set(self, name: str, value: typing.Any) -> typing.Any:
        """
        Sets one option from a Python value (enum by spelling); returns a deprecation message for an old spelling, else None. Raises ValueError/TypeError naming it.
        """
    def values(self) -> dict:
        """
        Every option's value (enums by spelling).
        """
    @property
    def excluded(self) -> int:
        """
        Links with any of these flags do not exist for distances
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def method(self) -> HarmonicMethod:
        """
        exact (parallel BFS), hyperball (HyperLogLog estimate) or automatic (exact when ceil(n/64)·(n+m) <= 2^30)
        """
    @method.setter
    def method(self, arg1: HarmonicMethod) -> None:
        ...
    @property
    def registers_log2(self) -> int:
        """
        HyperBall: 2^b registers per node; relative standard error 1.04/sqrt(2^b)
        """
    @registers_log2.setter
    def registers_log2(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        HyperBall: seed of the node hash
        """
    @seed.setter
    def seed(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class HarmonicResult:
    """
    The result of harmonic_centrality.
    """
    def __repr__(self) -> str:
        ...
    @property
    def cancelled(self) -> bool:
        """
        Stopped early.
        """
    @property
    def exact(self) -> bool:
        """
        False: HyperBall's estimate.
        """
    @property
    def iterations(self) -> int:
        """
        BFS levels (exact) or HyperBall iterations.
        """
    @property
    def registers(self) -> int:
        """
        HyperBall registers per counter (0 when exact).
        """
    @property
    def relative_standard_error(self) -> float:
        """
        HyperBall: 1.04/sqrt(registers) (0 when exact).
        """
    @property
    def scores(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        H(v) by node id (read-only view).
        """
    @property
    def seconds(self) -> float:
        """
        Wall time.
        """
class LinkEditsCore:
    """
    Link edits (private; built by WebGraph.what_if).
    """
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def add_columns(self, action: str, name: str, sources: collections.abc.Sequence[str | None], targets: collections.abc.Sequence[str | None], anchors: collections.abc.Sequence[str | None], rels: collections.abc.Sequence[str | None], actions: collections.abc.Sequence[str | None]) -> None:
        """
        Appends rows given as columns; action '' takes each row's from `actions`.
        """
    def read(self, path: str, action: str, skip_bad: bool = False, format: str = 'auto') -> None:
        """
        Appends a links file's rows with `action` ('add'/'remove'), or an edits file's ('').
        """
class ScoresCore:
    """
    compute_authority's result (private; what-if's before-scores).
    """
def _raise_parse_error(path: str, line: typing.SupportsInt | typing.SupportsIndex, column: typing.SupportsInt | typing.SupportsIndex, reason: str) -> None:
    """
    Test hook: throws linkequity::parse_error from C++.
    """
def add_trust_columns(graph: WebGraphCore, options: AuthorityOptions, trusted: typing.Any, spam: typing.Any, pages: ScoreTable, domains: ScoreTable, hosts: ScoreTable) -> dict:
    """
    Appends the trust columns to the tables of WebGraphCore.authority (in place).
    """
def analysis_anchors(graph: WebGraphCore, target: str, keywords: collections.abc.Sequence[str] = [], level: str = 'domain') -> dict:
    """
    Anchor table and class totals as columns (see linkequity.WebGraph.anchors).
    """
def analysis_export_tables(graph: WebGraphCore, level: str = 'domain', top: typing.SupportsInt | typing.SupportsIndex = 0, min_authority: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> dict:
    """
    Nodes and weighted edges of the domain/host graph (see WebGraph.to_networkx).
    """
def analysis_link_intersect(graph: WebGraphCore, competitors: collections.abc.Sequence[str], exclude: str = '', min_targets: typing.SupportsInt | typing.SupportsIndex = 1) -> dict:
    """
    Link intersect as columns (see linkequity.WebGraph.link_intersect).
    """
def analysis_profile(graph: WebGraphCore, target: str, top: typing.SupportsInt | typing.SupportsIndex = 0, sitewide_pages: typing.SupportsInt | typing.SupportsIndex = 10, sitewide_min_pages: typing.SupportsInt | typing.SupportsIndex = 3, sitewide_share: typing.SupportsFloat | typing.SupportsIndex = 0.5) -> dict:
    """
    Link profile (see linkequity.WebGraph.profile).
    """
def analysis_report(graph: WebGraphCore, target: str, keywords: collections.abc.Sequence[str] = [], top: typing.SupportsInt | typing.SupportsIndex = 25) -> str:
    """
    The self-contained HTML report as a str (see linkequity.WebGraph.report).
    """
def anti_trustrank(graph: CsrGraph, nodes: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], weights: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], options: PageRankOptions, progress: typing.Any = None) -> PageRankResult:
    """
    Anti-TrustRank (see linkequity.anti_trustrank).
    """
def cheirank(graph: CsrGraph, options: PageRankOptions, progress: typing.Any = None) -> PageRankResult:
    """
    CheiRank (see linkequity.cheirank).
    """
def classify_anchor(anchor: str, keywords: collections.abc.Sequence[str] = [], brand: str = '') -> str:
    """
    The class of one anchor: 'empty', 'url', 'exact', 'partial', 'branded', 'generic' or
    'other' (first match in that order; see docs/backlinks.md).
    """
def contributions(graph: CsrGraph, target: typing.SupportsInt | typing.SupportsIndex, options: PageRankOptions) -> ContributionsResult:
    """
    contributions() with the GIL released (see linkequity.contributions).
    """
def erdos_renyi_edges(n: typing.SupportsInt | typing.SupportsIndex, m: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    Erdős–Rényi G(n, m) edges: (num_nodes, src, dst).
    """
def followable_out_weight(graph: CsrGraph, options: PageRankOptions) -> numpy.typing.NDArray[numpy.float64]:
    """
    out(j) of every node, as the kernel uses it.
    """
def generic_anchors() -> list[str]:
    """
    The documented generic anchors (normalized, sorted).
    """
def harmonic_centrality(graph: CsrGraph, options: HarmonicOptions, progress: typing.Any = None) -> HarmonicResult:
    """
    Runs harmonic_centrality with the GIL released (see linkequity.harmonic_centrality).
    """
def hits(graph: CsrGraph, options: HitsOptions, progress: typing.Any = None) -> HitsResult:
    """
    Runs hits with the GIL released (see linkequity.hits).
    """
def kronecker_edges(scale: typing.SupportsInt | typing.SupportsIndex, edge_factor: typing.SupportsFloat | typing.SupportsIndex = 16.0, seed: typing.SupportsInt | typing.SupportsIndex = 27491095, a: typing.SupportsFloat | typing.SupportsIndex = 0.57, b: typing.SupportsFloat | typing.SupportsIndex = 0.19, c: typing.SupportsFloat | typing.SupportsIndex = 0.19, permute: bool = True, symmetrize: bool = False) -> tuple:
    """
    R-MAT/Kronecker edges: (num_nodes, src, dst) (see linkequity.generate.kronecker_edges).
    """
def link_gain(graph: CsrGraph, target: typing.SupportsInt | typing.SupportsIndex, candidates: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], options: LinkGainOptions) -> dict:
    """
    link_gain: {'source': array, 'gain': array, ..., 'score': x_t, ...}.
    """
def normalize_host_name(name: str) -> str | None:
    """
    A host or domain name as a person writes it (`Bücher.DE.`) in the form the web graph names hosts and domains (`xn--bcher-kva.de`); None when it is not a bare host name.
    """
def normalize_url(url: str, base: str = '') -> str | None:
    """
    The URL in the normal form the web graph names pages by (lowercase scheme and host, IDN to punycode, default port, fragment and dot segments dropped, percent-encoding normalised; docs/web-model.md), resolved against `base` when relative; None when it is not an http(s) URL or is invalid.
    """
def open_graph_part(directory: str, index: typing.SupportsInt | typing.SupportsIndex, verify: str = 'checksums') -> dict:
    """
    Part `index` of a partitioned graph, checked against its manifest: a dict of its ranges and NumPy arrays viewing the mapped file.
    """
def pagerank(graph: CsrGraph, options: PageRankOptions, progress: typing.Any = None, signal_interval: typing.SupportsFloat | typing.SupportsIndex = 0.1) -> PageRankResult:
    """
    Runs the PageRank kernel with the GIL released (see linkequity.pagerank).
    """
def pagerank_residual(graph: CsrGraph, scores: typing.Any, options: PageRankOptions) -> float:
    """
    L1 change of one serial push-direction PageRank step from `scores` (independent check).
    """
def partition_manifest(directory: str, verify: str = 'checksums') -> dict:
    """
    The manifest of a partitioned graph as a dict.
    """
def salsa(graph: CsrGraph, nodes: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], weights: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], options: SalsaOptions, progress: typing.Any = None) -> SalsaResult:
    """
    Personalised SALSA (see linkequity.salsa).
    """
def save_partitions(graph: CsrGraph, directory: str, parts: typing.SupportsInt | typing.SupportsIndex) -> dict:
    """
    Writes a graph as `parts` part files plus a manifest (see linkequity.distributed.save_partitions).
    """
def score_for_what_if(graph: WebGraphCore, options: AuthorityOptions) -> ScoresCore:
    """
    The before-scores of WebGraph.what_if.
    """
def site_authority(graph: WebGraphCore, site: str, options: AuthorityOptions) -> dict:
    """
    site_authority + make_site_table (see WebGraph.site_authority).
    """
def spam_mass(graph: CsrGraph, core: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], options: SpamMassOptions) -> SpamMassResult:
    """
    Spam mass for the good core (see linkequity.spam_mass).
    """
def synthetic_web(options: dict) -> WebGraphCore:
    """
    Builds the synthetic web's graph (see linkequity.generate.web).
    """
def synthetic_web_csv(path: str, options: dict, labels: str = '') -> SyntheticWebCounts:
    """
    Writes the synthetic web's links as a generic CSV (see linkequity.generate.web_csv).
    """
def synthetic_web_labels(options: dict) -> dict:
    """
    The synthetic web's domain labels as columns domain, label, group (see linkequity.generate.web_labels).
    """
def table_columns(level: str) -> list[str]:
    """
    Column names of the 'pages', 'hosts' or 'domains' table, in order (the CSV header).
    """
def topic_pagerank(graph: CsrGraph, topics: list, options: TopicPageRankOptions, progress: typing.Any = None, signal_interval: typing.SupportsFloat | typing.SupportsIndex = 0.1) -> TopicPageRankResult:
    """
    Runs topic_pagerank with the GIL released (see linkequity.topic_pagerank); topics is a list of (name, node ids, weights or None).
    """
def trust_columns(with_spam: bool) -> list[str]:
    """
    Names of the trust columns, in order.
    """
def trustrank(graph: CsrGraph, nodes: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], weights: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], options: PageRankOptions, progress: typing.Any = None) -> PageRankResult:
    """
    TrustRank (see linkequity.trustrank).
    """
def web_diff(before: WebGraphCore, after: WebGraphCore, options: AuthorityOptions) -> dict:
    """
    analysis::web_diff: see linkequity.WebGraph.diff.
    """
def web_explain(graph: WebGraphCore, target: str, options: ExplainOptions, level: str = 'domain', top: typing.SupportsInt | typing.SupportsIndex = 50) -> dict:
    """
    analysis::explain as a dict of columns (see WebGraph.explain).
    """
def web_plan_links(graph: WebGraphCore, target: str, candidates: collections.abc.Sequence[str], options: WebPlanOptions, level: str, links: typing.SupportsInt | typing.SupportsIndex, top: typing.SupportsInt | typing.SupportsIndex, site: str = '') -> dict:
    """
    plan_links on the web model (site non-empty: internal links of that site): {'candidates': columns, 'steps': columns, ...}.
    """
def what_if(graph: WebGraphCore, before: ScoresCore, options: AuthorityOptions, edits: LinkEditsCore, disavow: str = '', owner: str = '', skip_bad: bool = False, warm_start: bool = True) -> dict:
    """
    analysis::what_if: see linkequity.WebGraph.what_if.
    """
__version__: str = '0.1.0'
