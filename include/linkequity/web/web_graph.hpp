// SPDX-License-Identifier: MIT
// web_graph: the web model of docs/web-model.md. Pages interned to dense 32-bit ids with the
// pages of one host contiguous (hosts in reversed-label order, `com.example.www`, pages by URL),
// page → host → registrable-domain maps, and every link with its attributes (rel flags,
// internal bit, position, anchor id, first/last seen). Built by web_graph_builder from raw link
// rows (URLs normalised on the way in), or opened from a web snapshot (save_snapshot /
// web_graph::open_snapshot, below: arrays and string tables then view the file's mapping);
// immutable afterwards except for link flags (disavow).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/span.hpp"
#include "linkequity/web/consolidation.hpp"
#include "linkequity/web/domain.hpp"
#include "linkequity/web/string_table.hpp"

namespace linkequity::web {

/// What building a web graph saw, beyond the graph itself.
struct web_graph_stats {
    std::size_t rows = 0;             ///< link rows offered to the builder (after the reader;
                                      ///< redirect / canonical records not included)
    std::size_t links = 0;            ///< page-to-page links kept (self-links included)
    std::size_t self_links = 0;       ///< links from a page to itself: kept, never scored
    std::size_t internal_links = 0;   ///< links whose ends share a registrable domain
    std::size_t non_web_targets = 0;  ///< mailto:, tel:, javascript: … targets: not pages
    std::map<std::string, std::size_t> non_web_by_scheme;  ///< "mailto" → count, …
    std::size_t bad_rows = 0;         ///< rows skipped in lenient mode (reader + bad URLs)
    std::vector<io::read_report> reports;  ///< one per input source, in input order
                                           ///< (empty for a graph opened from a snapshot)
    // Redirects and canonicals (docs/redirects.md); all 0 without records.
    std::size_t redirect_records = 0;     ///< redirect rows accepted (duplicates included)
    std::size_t canonical_records = 0;    ///< canonical rows accepted (self-canonicals excluded)
    std::size_t conflicting_records = 0;  ///< a second, different target for a URL: ignored
    std::size_t redirects_resolved = 0;   ///< URLs replaced by their final URL
    std::size_t redirect_loops = 0;       ///< URLs whose chain loops (they keep their identity)
    std::size_t redirects_too_long = 0;   ///< URLs on chains longer than 10 hops (likewise)
    std::size_t links_repointed = 0;      ///< links with an end replaced by its final URL
    std::size_t links_merged = 0;         ///< links dropped because they became self-links
    // Where web_graph_builder spent its time (seconds; 0 for a graph opened from a snapshot).
    // Reading link files, URLs are normalised on the parsing threads and interned while the
    // next chunks are parsed, so these overlap the reading rather than add to it.
    double seconds_normalize = 0;  ///< URL normalisation (summed over the threads doing it)
    double seconds_intern_ahead = 0;  ///< 2+ threads: page URLs and anchors stored in the
                                      ///< sharded tables (summed over the threads)
    double seconds_intern = 0;     ///< ids in input order: pages, hosts, anchors, dates, records
                                   ///< (with 2+ threads, the pages' and anchors' from their keys)
    double seconds_number = 0;     ///< finish(): records resolved, hosts, domains and pages
                                   ///< numbered, links sorted
};

struct web_graph_options {
    /// Which Public Suffix List sections decide registrable domains.
    psl_sections sections = psl_sections::all;
    /// Lenient mode: skip rows with a bad URL (and, in read(), rows the reader rejects), count
    /// them by reason. Strict mode (false, the default) throws parse_error at the first.
    bool skip_bad = false;
    /// Reader options for web_graph::read (its skip_bad and anchors are replaced by this
    /// struct's own).
    io::read_options read;
    /// Called from the calling thread about every 2^16 rows with the rows seen so far.
    std::function<void(std::size_t rows)> progress;
    /// Which redirect / canonical records are followed (both by default).
    consolidation_options consolidation;
    /// Redirect / canonical map files web_graph::read reads after the link files
    /// (io::read_redirects).
    std::vector<std::string> redirect_files;
    /// Keep each link's anchor text (web_graph::link_anchors). false: every link's anchor reads
    /// "" and no anchor is hashed or interned, nor copied from the file by read() (one string
    /// look-up a link fewer; at 10M links the interning took 2.4-2.8 s instead of 3.4-3.9 s).
    /// For callers that need scores only, as `linkequity score` (without --what-if); the
    /// anchors, report and explain commands keep them.
    bool anchors = true;
    /// From this many threads on (0: never), reading interns the page URLs and anchors on all
    /// threads, into tables sharded by hash (web_graph_builder::intern_ahead), and the calling
    /// thread only gives them their ids in input order; below it the calling thread interns
    /// alone. Ids and outputs are the same either way. Sharding adds work (every thread reads
    /// every row's hashes, then every string's id is looked up again), so it pays only where
    /// the serial interning, not the total work, bounds the read: at 10M links on 2 cores it
    /// made the read 2.6 s against 2.3 s (benchmarks/README.md), hence 4. 1: the tables are
    /// sharded on one thread too (for callers that run web_graph_builder::intern_ahead's parts
    /// themselves; one thread interns about 20 % slower through them).
    int parallel_intern_threads = 4;
};

class web_graph;

/// Streams raw link rows into a web_graph. Not thread-safe (one feeding thread); URL
/// normalisation of buffered rows runs in parallel (OpenMP) and ids come out the same on any
/// thread count, because interning is serial in input order and the final numbering is a sort.
///
/// Every web URL that is the source or target of a row becomes a page; a row whose target is a
/// non-web URL (mailto:, tel:, javascript:, …) is counted, and its source still becomes a page.
/// Relative targets are resolved against the (normalised) source URL.
///
/// Rows whose raw_link::kind is redirect or canonical are records, not links (docs/redirects.md):
/// a bad URL or target (invalid, or not http(s)) is a bad row; a canonical to itself is no
/// record; a second record of the same kind with another target for one URL is ignored and
/// counted (the first in input order wins). finish() resolves the records in force
/// (options.consolidation) and replaces every link end by its final URL before numbering: links
/// that become self-links are dropped; resolved URLs are not pages, and a final URL is a page
/// only when a link names it or a URL resolving to it. O(R · 11) for R records
/// plus one pass over the pages and links; without records nothing changes.
class web_graph_builder {
public:
    explicit web_graph_builder(const web_graph_options& options = {});
    /// With an already loaded suffix list (its sections win over options.sections).
    web_graph_builder(const web_graph_options& options, public_suffix_list psl);
    ~web_graph_builder();
    web_graph_builder(web_graph_builder&&) noexcept;
    web_graph_builder& operator=(web_graph_builder&&) noexcept;

    /// Starts a new input (a file); errors then name `path`. Rows added before the first call
    /// belong to an input named "<links>".
    void begin_source(std::string path);
    /// Ends the current input. `reader_report` (what io::read_links returned, if it read the
    /// input) is merged with the URL-stage report: rows, reasons and examples add up.
    void end_source(const io::read_report* reader_report = nullptr);

    /// Adds one row. Bad URLs are bad rows of the current input (line = link.line):
    /// @throws parse_error "path:line: reason" in strict mode (possibly at a later add/finish,
    ///         since rows are normalised in batches; the line named is always the bad row's).
    void add(const io::raw_link& link);
    /// Adds one row given by its parts (line numbers count the calls).
    void add(std::string_view source, std::string_view target, std::string_view anchor = {},
             edge_flags rel = flags::none, link_position position = link_position::unknown);
    /// The bulk form, for io::read_links_chunked (web_graph::read uses it): call prepare_chunk
    /// from the reader's `prepare` and add_chunk from its `consume`.
    /// - prepare_chunk normalises the chunk's URLs into scratch space of its slot: calls for
    ///   distinct link_chunk::slot values may run concurrently with each other and with
    ///   add_chunk of a chunk in another slot; nothing else of the builder may run meanwhile.
    /// - add_chunk adds the chunk's rows in input order, as add(link) for each would (same ids,
    ///   same bad rows and errors), interning them at once on the calling thread. The chunk must
    ///   have been prepared (its last prepare_chunk in that slot is the one used).
    /// - intern_ahead (optional, the reader's share step between the two) stores the page URLs
    ///   and anchors of prepared chunks in the builder's tables, which are sharded by hash: the
    ///   call with part p of `parts` takes the shards s with s % parts == p, so the calls for
    ///   p = 0 … parts−1 run at once on distinct threads, beside prepare_chunk of other slots,
    ///   never beside add_chunk. Chunks must be passed in input order across calls. add_chunk
    ///   then only gives the stored strings their ids in input order: the memory-bound hash
    ///   look-ups of interning run on all threads, and the ids are the same with or without it.
    /// Cost: prepare_chunk O(bytes of the URLs); intern_ahead O(rows) hash reads and
    /// O(rows / parts) memory-bound hash look-ups; add_chunk O(rows), memory-bound look-ups
    /// (with intern_ahead: a 4-byte read per string instead).
    void prepare_chunk(io::link_chunk& chunk);
    void intern_ahead(span<io::link_chunk* const> chunks, int part, int parts);
    void add_chunk(io::link_chunk& chunk);
    /// Whether web_graph::read uses intern_ahead now: the tables were made sharded (the thread
    /// count reached web_graph_options::parallel_intern_threads when the builder was made), and
    /// 2+ threads run now. intern_ahead on unsharded tables throws std::logic_error.
    bool interns_in_shards() const;
    /// With 2+ threads, full batches of rows are processed in the background while add() goes
    /// on. Waits for that work and rethrows its error, if any: call it when the code feeding
    /// add() fails, so that the error of the earlier row (in input order) is the one reported.
    void rethrow_pending();
    /// A hint: room for `links` more links in the builder's link arrays, so that they need not
    /// grow by copying as rows come. Address space only (no page is touched before a link is
    /// stored there), and ignored when the allocation fails. web_graph::read passes an estimate
    /// from the files' sizes. O(1) besides the allocation.
    void reserve_links(std::size_t links);

    /// Numbers pages, hosts and domains, sorts the links, and returns the graph. The builder is
    /// empty afterwards. Cost: O(L log P) for L links and P pages (sorting the page keys), then
    /// O(L) counting sorts; memory ~40 bytes per link plus the URL strings.
    web_graph finish();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// The web model. Movable, not copyable (clone() copies). Reads are thread-safe.
class web_graph {
public:
    web_graph();
    ~web_graph();
    web_graph(web_graph&&) noexcept;
    web_graph& operator=(web_graph&&) noexcept;
    web_graph(const web_graph&) = delete;
    web_graph& operator=(const web_graph&) = delete;

    /// Reads link files with io::read_links (format, columns and leniency from `options`)
    /// and builds the graph. @throws parse_error (strict mode) naming file, line and reason;
    /// for unreadable files whatever io::read_links throws.
    static web_graph read(const std::vector<std::string>& paths,
                          const web_graph_options& options = {});

    /// Opens a web snapshot written by save_snapshot(path, web_graph) (below). Zero-copy: the
    /// arrays and string tables view the file's read-only mapping (io::load_snapshot: MAP_SHARED,
    /// so processes opening one file share one copy), which the graph keeps alive; only the link
    /// flags are copied (1 byte per link: apply_disavow writes them). The suffix list is loaded
    /// as web_graph_builder loads it (system list, else libpsl's builtin one) with the sections
    /// recorded in the file; when its version differs from the recorded build_psl_version() the
    /// open still succeeds: pages, hosts and domains stay those of build time, and the graph
    /// scores exactly as the one that was saved. stats() holds the saved counters; its per-input
    /// `reports` are not stored (empty).
    ///
    /// Checks, by options.verify: always (O(sections)) the snapshot's header and section table
    /// (io::load_snapshot), that the file is a web snapshot of a known version, and every
    /// array's length against the page/host/domain/link counts and string-table sizes; with
    /// `structure` or `checksums` (default; checksums also detect any flipped byte) also, in
    /// O(pages + hosts + links + characters): host_first_page runs from 0 to pages without
    /// decreasing and page_host agrees with it, host_domain ids < domains, link offsets never
    /// decrease, link sources match the offsets, targets < pages and sorted per source,
    /// anchor / date ids < table sizes, positions and flag bits known, host and domain keys
    /// strictly ascending, page URLs strictly ascending within each host (the keys are not
    /// recomputed from the names). After those checks no accessor or algorithm reads out of
    /// bounds; with verify = none (trusted files only) a crafted file can make them.
    /// Cost: io::load_snapshot's (page-table set-up plus what it reads) + the checks above
    /// (≈ one pass over the file) + one copy of the flags.
    /// @throws parse_error "path: reason" when the file is not a valid web snapshot: truncated,
    ///         corrupted, another format version, a plain graph snapshot ("path: not a web-graph
    ///         snapshot (no section web_meta)"), or arrays that contradict each other.
    /// @throws std::filesystem::filesystem_error when the file cannot be opened or mapped.
    /// @throws std::runtime_error when no Public Suffix List can be loaded.
    static web_graph open_snapshot(const std::string& path,
                                   const io::snapshot_load_options& options = {});

    // --- sizes ---------------------------------------------------------------------------------
    std::size_t num_pages() const noexcept { return page_host_.size(); }
    std::size_t num_hosts() const noexcept { return host_domain_.size(); }
    std::size_t num_domains() const noexcept { return domain_names_.size(); }
    /// Every page-to-page link row kept (parallel links and self-links included).
    std::size_t num_links() const noexcept { return link_target_.size(); }

    // --- pages, hosts, domains ------------------------------------------------------------------
    /// Normalised URL of page p. Pages of host h are ids host_pages(h).first ... second-1,
    /// hosts are numbered in reversed-label order of their names, pages of a host by URL.
    std::string_view page_url(node_id p) const { return page_urls_[p]; }
    std::string_view host_name(node_id h) const { return host_names_[h]; }
    std::string_view domain_name(node_id d) const { return domain_names_[d]; }
    node_id host_of(node_id page) const { return page_host_[page]; }
    node_id domain_of_host(node_id host) const { return host_domain_[host]; }
    node_id domain_of(node_id page) const { return host_domain_[page_host_[page]]; }
    /// [first, last) page ids of host h.
    std::pair<node_id, node_id> host_pages(node_id h) const {
        return {host_first_page_[h], host_first_page_[h + 1]};
    }
    span<const node_id> page_hosts() const noexcept { return page_host_.view(); }
    span<const node_id> host_domains() const noexcept { return host_domain_.view(); }
    /// The page of a normalised URL (as page_url returns it), if any. O(log P).
    std::optional<node_id> find_page(std::string_view url) const;
    /// The host id of a host name, if any. The name may be written as a person writes it
    /// (any case, IDN in Unicode or punycode, trailing dot: normalize_host_name). O(log H).
    std::optional<node_id> find_host(std::string_view host) const;
    /// The domain id of a registrable domain name, if any; the name as find_host takes it
    /// (`Bücher.DE` finds `xn--bcher-kva.de`). O(log D).
    std::optional<node_id> find_domain(std::string_view domain) const;

    // --- links: sorted by (source, target, input order) -----------------------------------------
    /// Links of page p are [link_offsets()[p], link_offsets()[p+1]). Size num_pages() + 1.
    span<const edge_offset> link_offsets() const noexcept { return link_offsets_.view(); }
    node_id link_source(std::size_t l) const { return link_source_[l]; }
    span<const node_id> link_sources() const noexcept { return link_source_.view(); }
    span<const node_id> link_targets() const noexcept { return link_target_.view(); }
    /// rel bits (nofollow/sponsored/ugc), flags::internal, flags::disavowed once applied.
    span<const edge_flags> link_flags() const noexcept { return link_flags_.view(); }
    /// Writable flags, for apply_disavow and similar annotations. Don't change `internal`.
    span<edge_flags> mutable_link_flags() noexcept { return {link_flags_.data(), link_flags_.size()}; }
    span<const link_position> link_positions() const noexcept { return link_position_.view(); }
    /// Anchor text ids; anchor_text(0) is the empty anchor.
    span<const std::uint32_t> link_anchors() const noexcept { return link_anchor_.view(); }
    std::string_view anchor_text(std::uint32_t id) const { return anchors_[id]; }
    std::size_t num_anchors() const noexcept { return anchors_.size(); }
    /// True when any row had a first-seen or last-seen date.
    bool has_dates() const noexcept { return !link_first_seen_.empty(); }
    /// First/last seen of link l as in the input ("" when absent).
    std::string_view first_seen(std::size_t l) const {
        return has_dates() ? dates_[link_first_seen_[l]] : std::string_view{};
    }
    std::string_view last_seen(std::size_t l) const {
        return has_dates() ? dates_[link_last_seen_[l]] : std::string_view{};
    }

    // --- provenance -----------------------------------------------------------------------------
    const web_graph_stats& stats() const noexcept { return stats_; }
    /// The URLs consolidated when the graph was built (docs/redirects.md): every URL with a
    /// redirect or canonical record in force, its final URL, kind, hops and status; sorted by
    /// URL; empty without records. Resolved URLs are not pages of the graph.
    const redirect_table& redirects() const noexcept { return redirects_; }
    /// The suffix list loaded with the graph: for version() and for turning an owner host into
    /// its domain. For a graph opened from a snapshot, the system/builtin list (with the sections
    /// recorded at build time) loaded on open, whose version may differ from build_psl_version().
    const public_suffix_list& suffix_list() const noexcept { return *psl_; }
    /// version() of the suffix list that assigned the graph's registrable domains when it was
    /// built: suffix_list().version() for a graph built here, the recorded one for a graph opened
    /// from a snapshot (its domains stay those of build time whatever the list loaded on open).
    const std::string& build_psl_version() const noexcept { return build_psl_version_; }
    /// Bytes held by the graph's arrays and string tables, including those viewing a snapshot's
    /// mapping (file-backed pages of the page cache, shared by every process mapping the file).
    std::size_t memory_bytes() const noexcept;

private:
    friend class web_graph_builder;
    friend struct web_snapshot_access;  // web_snapshot.cpp: saves and views the members
    friend struct web_graph_edit_access;  // link_edits.cpp: builds an edited copy

    // Owned (built here) or viewing a snapshot's mapping (open_snapshot); link_flags_ is always
    // owned, since apply_disavow writes it.
    string_table page_urls_, host_names_, domain_names_, anchors_, dates_;
    string_table host_keys_;  // sort keys of hosts (host_sort_key), ascending
    string_table domain_keys_;
    linkequity::detail::buffer<node_id> page_host_, host_domain_, host_first_page_;
    linkequity::detail::buffer<edge_offset> link_offsets_;
    linkequity::detail::buffer<node_id> link_source_, link_target_;
    linkequity::detail::buffer<edge_flags> link_flags_;
    linkequity::detail::buffer<link_position> link_position_;
    linkequity::detail::buffer<std::uint32_t> link_anchor_, link_first_seen_, link_last_seen_;
    web_graph_stats stats_;
    redirect_table redirects_;
    std::unique_ptr<public_suffix_list> psl_;
    std::string build_psl_version_;
};

/// Writes `g` to a binary snapshot at `path` (io::save_snapshot: atomic — temporary file, fsync,
/// rename —, a checksum per section) for web_graph::open_snapshot. Stored: the page, host,
/// domain, anchor and date string tables, the host and domain sort keys, every map and link
/// array (flags as they are now, disavowed bits included), the stats counters (not the per-input
/// read reports), the PSL sections and the build-time PSL version. Layout: web_snapshot.cpp.
/// Cost: one sequential write of ≈ 14 bytes per link (+ 8 with dates) + 12 per page + the
/// strings, no copy of the arrays; bound by the disk and the fsync.
/// @throws std::filesystem::filesystem_error when the file cannot be written (path untouched).
void save_snapshot(const std::string& path, const web_graph& g);

/// The sort key of a host: labels reversed and joined by '\x01' (so `example.com` →
/// "com\x01example" and all hosts under a name sort together, before `example-x.com`'s);
/// IP literals sort first, unchanged. Exposed for tests and tools that merge graphs.
std::string host_sort_key(std::string_view host);

/// Name of a link position as the CLI and CSV files spell it ("content", "navigation", …).
const char* position_name(link_position p) noexcept;

}  // namespace linkequity::web
