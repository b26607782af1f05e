// SPDX-License-Identifier: MIT
// web_graph_builder: rows are buffered and their URLs normalised in parallel, then interned in
// input order (temporary ids); from web_graph_options::parallel_intern_threads threads on, the
// page URLs and anchors are first stored in sharded tables on all threads (a thread per set of
// shards) and only given their ids in input order. finish() runs named passes: number_hosts
// (registrable domain and reversed-label key per host) → number_domains → fill_hosts →
// number_pages (by host, URL) → fill_links (remapped, counting-sorted by source then target).
#include "linkequity/web/web_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <future>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <type_traits>

#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/read_progress.hpp"
#include "linkequity/web/url.hpp"
#include "parallel_sort.hpp"
#include "sharded_interner.hpp"
#include "string_interner.hpp"
#include "url_fast.hpp"

namespace linkequity::web {
namespace {

constexpr std::size_t batch_rows = std::size_t{1} << 15;
constexpr edge_flags rel_bits = flags::nofollow | flags::sponsored | flags::ugc;

using interner = detail::string_interner;
using sharded = detail::sharded_interner;

/// The first index in [lo, hi) whose string is >= `key` (hi when none), in a table ascending
/// over that range. O(log(hi − lo)) comparisons.
node_id table_lower_bound(const string_table& t, std::size_t lo, std::size_t hi,
                          std::string_view key) {
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (t[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return static_cast<node_id>(lo);
}

/// The index of `s` in [lo, hi) of a table ascending over that range, if there.
std::optional<node_id> table_find(const string_table& t, std::size_t lo, std::size_t hi,
                                  std::string_view s) {
    const node_id i = table_lower_bound(t, lo, hi, s);
    if (i == hi || t[i] != s) return std::nullopt;
    return i;
}

/// A normalised URL as the builder reads it: views of the row's own text when that is already
/// in normal form (most URLs of an export: nothing is copied), else of the normalize_url result
/// kept beside the row (normalised_rows::full_src / full_dst).
using url_ref = detail::normalized_url_view;

/// What intern_ahead_rows stores where a row has no string to intern (never a key).
constexpr sharded::key no_key = std::numeric_limits<sharded::key>::max();

/// The normalised URLs of a run of rows, and the interner hashes of those and of the anchors.
/// A row whose source text equals the previous row's (exports list a page's links together)
/// shares that row's normalised source: source(i) is src[src_row[i]].
/// When interned_ahead, page_src / page_dst / anchor_id hold the keys of the row's strings in the
/// sharded tables (no_key where the row has none; impl::intern_ahead_rows).
struct normalised_rows {
    std::vector<url_ref> src, dst;
    std::vector<normalized_url> full_src, full_dst;  // the slow path's results, by row
    std::vector<std::uint64_t> hsrc, hdst, hanchor;
    std::vector<std::uint32_t> src_row;  // the row whose src is row i's normalised source
    std::vector<sharded::key> page_src, page_dst, anchor_id;
    bool interned_ahead = false;
    double seconds = 0;  // spent normalising the slot's latest chunk (prepare_chunk)

    void reserve(std::size_t n) {  // kept between runs: their strings' buffers are reused
        if (src.size() >= n) return;
        src.resize(n);
        dst.resize(n);
        full_src.resize(n);
        full_dst.resize(n);
        for (auto* v : {&src_row, &page_src, &page_dst, &anchor_id}) v->resize(n);
        for (auto* h : {&hsrc, &hdst, &hanchor}) h->resize(n);
    }
    const url_ref& source(std::size_t i) const { return src[src_row[i]]; }
};

/// Normalises rows [lo, hi) of `links` into `out` (sized for them), reusing the previous row's
/// source when equal (out.src_row); hashes the anchors when `anchors` (else 0). The results view
/// the rows' strings: `links` must outlive their use. normalize_url never throws on bad input.
void normalise_rows(const io::raw_link* links, std::size_t lo, std::size_t hi, bool anchors,
                    normalised_rows& out) {
    for (std::size_t i = lo; i < hi; ++i) {
        const io::raw_link& l = links[i];
        if (i > lo && links[i - 1].source == l.source) {
            out.src_row[i] = out.src_row[i - 1];  // no copy of its strings
            out.hsrc[i] = out.hsrc[i - 1];
        } else {
            out.src_row[i] = static_cast<std::uint32_t>(i);
            out.src[i] = detail::normalize_url_view(l.source, {}, out.full_src[i]);
            out.hsrc[i] = interner::hash(out.src[i].url);
        }
        const url_ref& source = out.source(i);
        out.dst[i] = source.ok()
                         ? detail::normalize_url_view(l.target, source.url, out.full_dst[i])
                         : url_ref{};
        out.hdst[i] = interner::hash(out.dst[i].url);
        out.hanchor[i] = anchors ? interner::hash(l.anchor) : 0;
    }
}

/// Whether the builder's page and anchor tables are made sharded, at the current thread count.
bool sharded_tables(const web_graph_options& o) {
    return o.parallel_intern_threads > 0 &&
           linkequity::detail::max_threads() >= o.parallel_intern_threads;
}

/// Whether reading on the current thread count interns in shards on all threads (if the tables
/// are sharded).
bool shard_interning(const web_graph_options& o) {
    return sharded_tables(o) && linkequity::detail::max_threads() > 1;
}

/// Rows added one by one (web_graph_builder::add), waiting to be normalised and interned:
/// links[0, size), all of one input (open_source flushes them first).
struct pending_batch {
    std::vector<io::raw_link> links;  // beyond size: spare buffers, reused
    std::size_t size = 0;
    std::size_t source_index = 0;  // which input (reports index), set when handed on
    normalised_rows norm;
};

}  // namespace

struct web_graph_builder::impl {
    web_graph_options options;
    public_suffix_list psl;
    std::vector<io::read_report> reports;     // one per input: the URL stage's bad rows
    std::vector<io::read_report> merged;      // final reports, filled by end_source
    bool source_open = false;
    std::size_t parts_line = 0;    // line numbers of add(parts) rows
    std::size_t source_rows = 0;   // rows added to the current input

    // add(link)'s rows; the slots beyond batch.size keep their string buffers, so a row costs
    // no allocation. 2+ threads: a full batch is swapped into `spare` and processed by a worker
    // while the reader fills the next one (parsing overlaps normalising and interning).
    pending_batch batch, spare;
    std::future<void> pending;  // the worker; get() rethrows what its rows raised
    std::vector<normalised_rows> slot_norm;  // prepare_chunk's results, by io chunk slot
    web_graph_stats stats;
    std::uint32_t last_source_id = 0;  // page id cache for consecutive rows of one source page
    bool have_last_source = false;

    sharded pages, anchors;
    interner hosts, dates;
    std::vector<std::uint32_t> page_host;  // temporary page id → temporary host id
    std::vector<node_id> src, dst;
    std::vector<edge_flags> rel;
    std::vector<link_position> pos;
    std::vector<std::uint32_t> anchor, first_seen, last_seen;

    // Redirect / canonical records, by temporary record id (add_record, consolidate below).
    interner record_urls;
    std::vector<std::string> record_hosts;
    std::vector<std::uint32_t> redirect_to, canonical_to;  // no_record when none

    impl(const web_graph_options& o, public_suffix_list p)
        : options(o),
          psl(std::move(p)),
          slot_norm(io::link_chunk_slots),
          pages(sharded_tables(o)),
          anchors(sharded_tables(o)) {
        anchors.intern("");
        dates.intern("");
    }

    void ensure_source() {
        if (!source_open) open_source("<links>");
    }
    void open_source(std::string path) {
        flush();
        io::read_report r;
        r.path = std::move(path);
        reports.push_back(std::move(r));
        source_open = true;
    }

    /// Whether rows are interned ahead in shards now (web_graph_builder::interns_in_shards).
    bool interns_in_shards() const { return pages.sharded() && shard_interning(options); }

    std::uint32_t intern_page(const url_ref& u, std::uint64_t hash) {
        return page_id(u, pages.intern(u.url, hash));
    }
    /// The page id of u from its key in the page table (intern_ahead_rows).
    std::uint32_t resolve_page(const url_ref& u, sharded::key k) {
        return page_id(u, pages.resolve(k));
    }
    std::uint32_t page_id(const url_ref& u, std::pair<std::uint32_t, bool> interned) {
        if (interned.second) page_host.push_back(hosts.intern(u.host).first);
        return interned.first;
    }

    /// Processes the pending rows now (after the worker's batch: input order is kept).
    void flush();
    /// Hands the full batch to the worker (after the previous one is done) and reports progress.
    void flush_async();
    /// Waits for the worker's batch; rethrows its error (parse_error in strict mode) if any.
    void wait_pending() {
        if (pending.valid()) pending.get();
    }
    /// Normalises the batch's rows on `threads` threads (and, with 2+, interns them ahead) and
    /// interns them in input order.
    void process(pending_batch& b, int threads);
    /// Part `part` of `parts`: stores the page URLs and anchors of rows[0, n) whose shards it
    /// owns (sharded_interner::owns) in the sharded tables, in row order, and their keys in
    /// nr.page_src / page_dst / anchor_id (no_key where a row has no such string). The parts
    /// may run on as many threads at once; never beside intern_rows. O(n) hash reads for each
    /// part, and O(n / parts) memory-bound look-ups. Rows whose strings intern_rows will not
    /// intern (bad rows) may leave strings without ids in the tables: they stay invisible.
    void intern_ahead_rows(const io::raw_link* rows, std::size_t n, normalised_rows& nr,
                           int part, int parts);
    /// Interns rows[0, n) of input `source` with their normalised URLs, in input order (serial).
    /// When nr.interned_ahead, the page URLs and anchors are in the tables already: they are
    /// given ids from their keys, in the same order, so the ids are the same either way.
    void intern_rows(const io::raw_link* rows, std::size_t n, const normalised_rows& nr,
                     std::size_t source);
    /// A record row (raw_link::kind redirect / canonical) with its normalised URLs.
    void add_record(const io::raw_link& l, const url_ref& s, const url_ref& t,
                    io::read_report& report);
    std::uint32_t intern_record(const url_ref& u);
    /// Resolves the records in force, fills g's redirect table, re-points the links.
    void consolidate(web_graph& g);
    void fill_redirect_table(span<const std::uint32_t> next, const chain_resolution& res,
                             web_graph& g);
    void repoint_links(const chain_resolution& res);

    // finish()'s passes, in order (each documented at its definition).
    struct host_numbering;
    host_numbering number_hosts() const;
    static void number_domains(host_numbering& hn, web_graph& g);
    void fill_hosts(const host_numbering& hn, web_graph& g) const;
    std::vector<node_id> number_pages(const std::vector<node_id>& host_new, web_graph& g);
    void fill_links(const std::vector<node_id>& page_new, web_graph& g);
};

namespace {
/// Threads for normalising a batch of n rows.
int batch_threads(std::size_t n) { return n >= 4096 ? linkequity::detail::max_threads() : 1; }
}  // namespace

void web_graph_builder::impl::flush() {
    wait_pending();
    batch.source_index = reports.size() - 1;
    process(batch, batch_threads(batch.size));
    batch.size = 0;
}

void web_graph_builder::impl::flush_async() {
    wait_pending();
    if (options.progress) options.progress(stats.rows);
    batch.source_index = reports.size() - 1;
    std::swap(batch, spare);
    batch.size = 0;
    // One thread: the worker is the second thread already, beside the reader. A team of its own
    // would put three threads on two cores and made normalising 1.5x slower, not faster.
    pending = std::async(std::launch::async, [this] { process(spare, 1); });
}

void web_graph_builder::impl::process(pending_batch& b, int threads) {
    if (b.size == 0) return;
    linkequity::detail::stopwatch timer;
    b.norm.reserve(b.size);
    const std::size_t rows = b.size;
    const bool ahead = threads > 1 && interns_in_shards();
    // Each thread normalises a contiguous run of rows (then, ahead, interns its shards' strings).
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const auto t = static_cast<std::size_t>(linkequity::detail::thread_num());
        const auto nt = static_cast<std::size_t>(threads > 1 ? threads : 1);
        const std::size_t lo = rows / nt * t + std::min(t, rows % nt);
        const std::size_t hi = lo + rows / nt + (t < rows % nt ? 1 : 0);
        normalise_rows(b.links.data(), lo, hi, options.anchors, b.norm);
        if (ahead) {
#pragma omp barrier
            intern_ahead_rows(b.links.data(), rows, b.norm, static_cast<int>(t),
                              static_cast<int>(nt));
        }
    }
    b.norm.interned_ahead = ahead;
    stats.seconds_normalize += timer.seconds();
    intern_rows(b.links.data(), b.size, b.norm, b.source_index);
}

void web_graph_builder::impl::intern_ahead_rows(const io::raw_link* rows, std::size_t n,
                                                normalised_rows& nr, int part, int parts) {
    constexpr std::size_t ahead = 16;  // cache hints, as in intern_rows
    const bool keep_anchors = options.anchors;
    auto mine = [&](const std::vector<std::uint64_t>& h, std::size_t i) {
        return sharded::owns(h[i], part, parts);
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (i + ahead < n) {
            const std::size_t a = i + ahead;
            if (mine(nr.hdst, a)) pages.prefetch_slot(nr.hdst[a]);
            if (nr.src_row[a] == a && mine(nr.hsrc, a)) pages.prefetch_slot(nr.hsrc[a]);
            if (keep_anchors && mine(nr.hanchor, a)) anchors.prefetch_slot(nr.hanchor[a]);
        }
        if (i + ahead / 2 < n) {
            const std::size_t a = i + ahead / 2;
            if (mine(nr.hdst, a)) pages.prefetch_string(nr.hdst[a]);
            if (nr.src_row[a] == a && mine(nr.hsrc, a)) pages.prefetch_string(nr.hsrc[a]);
            if (keep_anchors && mine(nr.hanchor, a)) anchors.prefetch_string(nr.hanchor[a]);
        }
        const bool link = rows[i].kind == io::record_kind::link;
        // A row sharing the previous row's source text shares its hash, so its owner too, and
        // its key unless that row got none (a redirect or canonical record heads the run).
        if (mine(nr.hsrc, i)) {
            const std::uint32_t r = nr.src_row[i];
            const url_ref& s = nr.src[r];
            if (!link || !s.ok()) nr.page_src[i] = no_key;
            else if (r != i && nr.page_src[r] != no_key) nr.page_src[i] = nr.page_src[r];
            else nr.page_src[i] = pages.intern_local(s.url, nr.hsrc[i]);
        }
        if (mine(nr.hdst, i)) {
            const url_ref& t = nr.dst[i];
            nr.page_dst[i] = link && t.ok() ? pages.intern_local(t.url, nr.hdst[i]) : no_key;
        }
        if (keep_anchors && mine(nr.hanchor, i))
            nr.anchor_id[i] = link ? anchors.intern_local(rows[i].anchor, nr.hanchor[i]) : no_key;
    }
}

void web_graph_builder::impl::intern_rows(const io::raw_link* rows, std::size_t n,
                                          const normalised_rows& nr, std::size_t source) {
    linkequity::detail::stopwatch timer;
    const auto& hsrc = nr.hsrc;
    const auto& hdst = nr.hdst;
    const auto& hanchor = nr.hanchor;
    io::read_report& report = reports[source];
    // Serial, in input order: ids and errors come out the same on any thread count. The hashes
    // are known, so the tables' cache lines are asked for some rows ahead: the look-ups are
    // memory-bound (a random slot, then the string it names). Rows interned ahead need only
    // their ids' slots (one 4-byte read each).
    constexpr std::size_t ahead = 16;
    const bool keep_anchors = options.anchors;
    const bool keyed = nr.interned_ahead;
    for (std::size_t i = 0; i < n; ++i) {
        if (keyed) {
            if (i + ahead < n) {
                const std::size_t a = i + ahead;
                for (const sharded::key k : {nr.page_src[a], nr.page_dst[a]})
                    if (k != no_key) pages.prefetch_id(k);
                if (keep_anchors && nr.anchor_id[a] != no_key) anchors.prefetch_id(nr.anchor_id[a]);
            }
        } else {
            if (i + ahead < n) {
                pages.prefetch_slot(hdst[i + ahead]);
                pages.prefetch_slot(hsrc[i + ahead]);
                if (keep_anchors) anchors.prefetch_slot(hanchor[i + ahead]);
            }
            if (i + ahead / 2 < n) {
                pages.prefetch_string(hdst[i + ahead / 2]);
                pages.prefetch_string(hsrc[i + ahead / 2]);
                // The rows' own strings too: another thread wrote them (parsing, normalising),
                // so they are in that core's cache, not this one's.
                __builtin_prefetch(nr.source(i + ahead / 2).url.data());
                __builtin_prefetch(nr.dst[i + ahead / 2].url.data());
                if (keep_anchors) {
                    anchors.prefetch_string(hanchor[i + ahead / 2]);
                    __builtin_prefetch(rows[i + ahead / 2].anchor.data());
                }
            }
        }
        const io::raw_link& l = rows[i];
        if (l.kind != io::record_kind::link) {  // not a link row: not in stats.rows
            add_record(l, nr.source(i), nr.dst[i], report);
            continue;
        }
        ++stats.rows;
        const url_ref& s = nr.source(i);
        if (!s.ok()) {
            if (s.kind == url_kind::non_web)
                report.bad_row(options.skip_bad, l.line, 0,
                               fmt::format("source URL is not http(s) (scheme {})", s.url));
            else
                report.bad_row(options.skip_bad, l.line, 0,
                               fmt::format("invalid source URL: {}", s.error));
            continue;
        }
        const url_ref& t = nr.dst[i];
        if (t.kind == url_kind::invalid) {
            report.bad_row(options.skip_bad, l.line, 0,
                           fmt::format("invalid target URL: {}", t.error));
            continue;
        }
        // The source is a page even for non-web targets. Exports list a page's links together:
        // reuse the previous row's id when the normalised source is the same.
        // (Compared with the interned string, cached since it was interned: no copy kept.)
        std::uint32_t sp;
        if (keyed) {
            sp = resolve_page(s, nr.page_src[i]);
        } else {
            const bool same_source = have_last_source && pages[last_source_id] == s.url;
            sp = same_source ? last_source_id : intern_page(s, hsrc[i]);
        }
        last_source_id = sp;
        have_last_source = true;
        if (t.kind == url_kind::non_web) {
            ++stats.non_web_targets;
            ++stats.non_web_by_scheme[std::string(t.url)];
            continue;
        }
        const std::uint32_t tp =
            keyed ? resolve_page(t, nr.page_dst[i]) : intern_page(t, hdst[i]);
        src.push_back(sp);
        dst.push_back(tp);
        rel.push_back(static_cast<edge_flags>(l.rel & rel_bits));
        pos.push_back(l.position);
        std::uint32_t a = 0;  // "" when anchors are not kept
        if (keep_anchors)
            a = (keyed ? anchors.resolve(nr.anchor_id[i]) : anchors.intern(l.anchor, hanchor[i]))
                    .first;
        anchor.push_back(a);
        if (!l.first_seen.empty() || !l.last_seen.empty() || !first_seen.empty()) {
            first_seen.resize(src.size() - 1, 0);
            last_seen.resize(src.size() - 1, 0);
            first_seen.push_back(dates.intern(l.first_seen).first);
            last_seen.push_back(dates.intern(l.last_seen).first);
        }
    }
    stats.seconds_intern += timer.seconds();
}

// ------------------------------------------------------------------ redirects and canonicals

std::uint32_t web_graph_builder::impl::intern_record(const url_ref& u) {
    auto [id, inserted] = record_urls.intern(u.url);
    if (inserted) {
        record_hosts.emplace_back(u.host);
        redirect_to.push_back(no_record);
        canonical_to.push_back(no_record);
    }
    return id;
}

void web_graph_builder::impl::add_record(const io::raw_link& l, const url_ref& s,
                                         const url_ref& t, io::read_report& report) {
    const bool redirect = l.kind == io::record_kind::redirect;
    const char* what = redirect ? "redirect" : "canonical";
    if (!s.ok()) {
        report.bad_row(options.skip_bad, l.line, 0,
                       s.kind == url_kind::non_web
                           ? fmt::format("{} URL is not http(s) (scheme {})", what, s.url)
                           : fmt::format("invalid {} URL: {}", what, s.error));
        return;
    }
    if (!t.ok()) {
        report.bad_row(options.skip_bad, l.line, 0,
                       t.kind == url_kind::non_web
                           ? fmt::format("{} target is not http(s) (scheme {})", what, t.url)
                           : fmt::format("invalid {} target URL: {}", what, t.error));
        return;
    }
    if (!redirect && s.url == t.url) return;  // a canonical to itself is no record
    ++(redirect ? stats.redirect_records : stats.canonical_records);
    const std::uint32_t u = intern_record(s), v = intern_record(t);
    std::uint32_t& slot = redirect ? redirect_to[u] : canonical_to[u];
    if (slot == no_record)
        slot = v;
    else if (slot != v)
        ++stats.conflicting_records;  // the first record in input order wins
}

void web_graph_builder::impl::consolidate(web_graph& g) {
    const std::size_t r = record_urls.size();
    const bool redirects = options.consolidation.redirects == follow_mode::follow;
    const bool canonicals = options.consolidation.canonicals == follow_mode::follow;
    std::vector<std::uint32_t> next(r, no_record);
    std::vector<std::uint8_t> is_redirect(r, 0);
    for (std::size_t u = 0; u < r; ++u) {
        if (redirects && redirect_to[u] != no_record) {
            next[u] = redirect_to[u];
            is_redirect[u] = 1;
        } else if (canonicals && canonical_to[u] != no_record) {
            next[u] = canonical_to[u];
        }
    }
    const chain_resolution res = resolve_chains(next, is_redirect);
    fill_redirect_table(next, res, g);
    if (stats.redirects_resolved > 0) repoint_links(res);
}

/// g's redirect table: one row per record URL with a record in force, sorted by URL; counts.
void web_graph_builder::impl::fill_redirect_table(span<const std::uint32_t> next,
                                                  const chain_resolution& res, web_graph& g) {
    std::vector<std::uint32_t> rows;
    for (std::uint32_t u = 0; u < next.size(); ++u)
        if (next[u] != no_record) rows.push_back(u);
    std::sort(rows.begin(), rows.end(),
              [&](std::uint32_t a, std::uint32_t b) { return record_urls[a] < record_urls[b]; });
    redirect_table& t = g.redirects_;
    t.hops = linkequity::detail::buffer<std::uint8_t>(rows.size());
    t.kinds = linkequity::detail::buffer<redirect_kind>(rows.size());
    t.states = linkequity::detail::buffer<redirect_state>(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::uint32_t u = rows[i];
        t.urls.push_back(record_urls[u]);
        t.final_urls.push_back(record_urls[res.final_node[u]]);
        t.hops[i] = res.hops[u];
        t.kinds[i] = res.kind[u];
        t.states[i] = res.state[u];
        switch (res.state[u]) {
            case redirect_state::resolved: ++stats.redirects_resolved; break;
            case redirect_state::loop: ++stats.redirect_loops; break;
            case redirect_state::too_long: ++stats.redirects_too_long; break;
        }
    }
}

/// Every page whose URL resolved is replaced by its final URL (interned as a page if new): the
/// page and host interners are rebuilt without the resolved pages, and the links re-pointed,
/// dropping those that became self-links.
void web_graph_builder::impl::repoint_links(const chain_resolution& res) {
    const std::size_t np = pages.size();
    std::vector<std::uint32_t> final_page(np);
    for (std::uint32_t p = 0; p < np; ++p) {
        final_page[p] = p;
        const std::uint32_t u = record_urls.find(pages[p], no_record);
        if (u == no_record || res.state[u] != redirect_state::resolved || res.final_node[u] == u)
            continue;
        const std::uint32_t f = res.final_node[u];
        auto [id, inserted] = pages.intern(record_urls[f]);
        if (inserted) page_host.push_back(hosts.intern(record_hosts[f]).first);
        final_page[p] = id;
    }
    for (std::uint32_t p = static_cast<std::uint32_t>(np); p < pages.size(); ++p)
        final_page.push_back(p);
    sharded new_pages;
    interner new_hosts;
    std::vector<std::uint32_t> new_page_host, new_id(pages.size(), no_record);
    for (std::uint32_t p = 0; p < pages.size(); ++p) {
        if (final_page[p] != p) continue;
        new_id[p] = new_pages.intern(pages[p]).first;
        new_page_host.push_back(new_hosts.intern(hosts[page_host[p]]).first);
    }
    const bool dates = !first_seen.empty();
    if (dates) {
        first_seen.resize(src.size(), 0);
        last_seen.resize(src.size(), 0);
    }
    std::size_t w = 0;
    for (std::size_t l = 0; l < src.size(); ++l) {
        const std::uint32_t s0 = src[l], t0 = dst[l], s = final_page[s0], t = final_page[t0];
        if (s == t && s0 != t0) {
            ++stats.links_merged;
            continue;
        }
        stats.links_repointed += s != s0 || t != t0;
        src[w] = new_id[s];
        dst[w] = new_id[t];
        rel[w] = rel[l];
        pos[w] = pos[l];
        anchor[w] = anchor[l];
        if (dates) {
            first_seen[w] = first_seen[l];
            last_seen[w] = last_seen[l];
        }
        ++w;
    }
    for (auto* v : {&src, &dst}) v->resize(w);
    rel.resize(w);
    pos.resize(w);
    anchor.resize(w);
    if (dates) {
        first_seen.resize(w);
        last_seen.resize(w);
    }
    pages = std::move(new_pages);
    hosts = std::move(new_hosts);
    page_host = std::move(new_page_host);
}

web_graph_builder::web_graph_builder(const web_graph_options& options)
    : web_graph_builder(options, public_suffix_list(options.sections)) {}

web_graph_builder::web_graph_builder(const web_graph_options& options, public_suffix_list psl)
    : impl_(std::make_unique<impl>(options, std::move(psl))) {}

web_graph_builder::~web_graph_builder() = default;
web_graph_builder::web_graph_builder(web_graph_builder&&) noexcept = default;
web_graph_builder& web_graph_builder::operator=(web_graph_builder&&) noexcept = default;

void web_graph_builder::begin_source(std::string path) {
    if (impl_->source_open) end_source();
    impl_->open_source(std::move(path));
}

void web_graph_builder::end_source(const io::read_report* reader_report) {
    impl& d = *impl_;
    if (!d.source_open) {
        if (!reader_report) return;
        d.open_source(reader_report->path);
    }
    d.flush();
    d.source_open = false;
    io::read_report url = std::move(d.reports.back());
    io::read_report out = reader_report ? *reader_report : io::read_report{};
    if (!reader_report) {
        out.path = url.path;
        out.rows = d.source_rows;
        out.links = d.source_rows - url.skipped;
    }
    out.skipped += url.skipped;
    for (const auto& [reason, count] : url.skipped_by_reason) out.skipped_by_reason[reason] += count;
    for (const auto& e : url.examples)
        if (out.examples.size() < 10) out.examples.push_back(e);
    d.merged.push_back(std::move(out));
    d.reports.back() = io::read_report{};  // keep indices of buffered rows valid (none remain)
    d.parts_line = 0;
    d.source_rows = 0;
}

void web_graph_builder::add(const io::raw_link& link) {
    impl& d = *impl_;
    d.ensure_source();
    pending_batch& b = d.batch;
    if (b.size == b.links.size()) b.links.emplace_back();
    b.links[b.size++] = link;  // copy-assignment reuses the slot's string buffers
    ++d.source_rows;
    if (b.size >= batch_rows) {
        if (linkequity::detail::max_threads() > 1) {
            d.flush_async();
        } else {
            d.flush();
            if (d.options.progress) d.options.progress(d.stats.rows);
        }
    }
}

void web_graph_builder::prepare_chunk(io::link_chunk& chunk) {
    normalised_rows& out = impl_->slot_norm.at(chunk.slot);
    linkequity::detail::stopwatch timer;
    out.reserve(chunk.size);
    out.interned_ahead = false;
    normalise_rows(chunk.links.data(), 0, chunk.size, impl_->options.anchors, out);
    out.seconds = timer.seconds();
}

bool web_graph_builder::interns_in_shards() const { return impl_->interns_in_shards(); }

void web_graph_builder::intern_ahead(span<io::link_chunk* const> chunks, int part, int parts) {
    if (!impl_->pages.sharded())
        throw std::logic_error(
            "web_graph_builder::intern_ahead: the tables are not sharded (fewer threads than "
            "web_graph_options::parallel_intern_threads when the builder was made)");
    linkequity::detail::stopwatch timer;
    for (io::link_chunk* c : chunks) {
        normalised_rows& nr = impl_->slot_norm.at(c->slot);
        impl_->intern_ahead_rows(c->links.data(), c->size, nr, part, parts);
        if (part == 0) nr.interned_ahead = true;  // read after all parts are done
    }
    const double seconds = timer.seconds();
#pragma omp atomic
    impl_->stats.seconds_intern_ahead += seconds;
}

void web_graph_builder::add_chunk(io::link_chunk& chunk) {
    impl& d = *impl_;
    d.ensure_source();
    if (d.batch.size > 0 || d.pending.valid()) d.flush();  // rows added before come first
    const normalised_rows& nr = d.slot_norm.at(chunk.slot);
    d.stats.seconds_normalize += nr.seconds;
    const std::size_t before = d.stats.rows;
    d.intern_rows(chunk.links.data(), chunk.size, nr, d.reports.size() - 1);
    d.source_rows += chunk.size;
    if (d.options.progress && before / batch_rows != d.stats.rows / batch_rows)
        d.options.progress(d.stats.rows);
}

void web_graph_builder::rethrow_pending() { impl_->wait_pending(); }

void web_graph_builder::reserve_links(std::size_t links) {
    impl& d = *impl_;
    if (links > std::numeric_limits<std::size_t>::max() - d.src.size()) return;
    const std::size_t n = d.src.size() + links;
    try {
        for (auto* v : {&d.src, &d.dst, &d.anchor}) v->reserve(n);
        d.rel.reserve(n);
        d.pos.reserve(n);
    } catch (const std::bad_alloc&) {  // (std::length_error too: a hint, never an error)
    } catch (const std::length_error&) {
    }
}

void web_graph_builder::add(std::string_view source, std::string_view target,
                            std::string_view anchor, edge_flags rel, link_position position) {
    impl& d = *impl_;
    d.ensure_source();
    io::raw_link l;
    l.source.assign(source);
    l.target.assign(target);
    l.anchor.assign(anchor);
    l.rel = rel;
    l.position = position;
    l.line = ++d.parts_line;
    add(l);
}

std::string host_sort_key(std::string_view host) {
    if (public_suffix_list::is_ip_host(host)) return std::string(1, '\0') + std::string(host);
    std::string key;
    key.reserve(host.size());
    std::size_t end = host.size();  // labels are host[begin, end), taken from the right
    for (;;) {
        const std::size_t dot = end == 0 ? std::string_view::npos : host.rfind('.', end - 1);
        const std::size_t begin = dot == std::string_view::npos ? 0 : dot + 1;
        if (!key.empty()) key.push_back('\x01');
        key.append(host.substr(begin, end - begin));
        if (dot == std::string_view::npos) break;
        end = dot;
    }
    return key;
}

/// Hosts with their registrable domains, their keys and their domains' keys (indexed by
/// temporary id), and their numbering: order[i] = the temporary id of host i, new_id[temporary
/// id] = i; domain[temporary id] = the host's domain number (set by number_domains).
struct web_graph_builder::impl::host_numbering {
    std::vector<std::string> domain_name, key, domain_key;
    std::vector<std::uint32_t> order;
    std::vector<node_id> new_id, domain;
};

/// Pass 1, hosts: registrable domain (libpsl lookups are thread-safe), key and domain key of
/// every host, numbered by key (host names are unique, so keys are too).
web_graph_builder::impl::host_numbering web_graph_builder::impl::number_hosts() const {
    const std::size_t num_hosts = hosts.size();
    host_numbering hn;
    hn.domain_name.resize(num_hosts);
    hn.key.resize(num_hosts);
    hn.domain_key.resize(num_hosts);
#pragma omp parallel for schedule(dynamic, 256) if (num_hosts > 4096)
    for (std::ptrdiff_t h = 0; h < static_cast<std::ptrdiff_t>(num_hosts); ++h) {
        hn.domain_name[h] = psl.registrable_domain(hosts[h]);
        hn.key[h] = host_sort_key(hosts[h]);
        hn.domain_key[h] = host_sort_key(hn.domain_name[h]);
    }
    hn.order.resize(num_hosts);
    std::iota(hn.order.begin(), hn.order.end(), 0u);
    detail::parallel_sort(hn.order, [&](std::uint32_t a, std::uint32_t b) {
        return hn.key[a] < hn.key[b];
    });
    hn.new_id.resize(num_hosts);
    for (std::size_t i = 0; i < num_hosts; ++i) hn.new_id[hn.order[i]] = static_cast<node_id>(i);
    return hn;
}

/// Pass 2, domains: the hosts sorted by their domain's key (keys are unique per name, so a
/// domain's hosts are one run), each run one domain in key order → g's domain names and keys,
/// and hn.domain. Frees the domain keys. O(hosts · log hosts) string comparisons, parallel.
void web_graph_builder::impl::number_domains(host_numbering& hn, web_graph& g) {
    const std::size_t num_hosts = hn.domain_key.size();
    std::vector<std::uint32_t> by_domain(num_hosts);
    std::iota(by_domain.begin(), by_domain.end(), 0u);
    detail::parallel_sort(by_domain, [&](std::uint32_t a, std::uint32_t b) {
        const int c = hn.domain_key[a].compare(hn.domain_key[b]);
        return c != 0 ? c < 0 : a < b;  // a total order
    });
    hn.domain.resize(num_hosts);
    for (std::size_t i = 0; i < num_hosts; ++i) {
        const std::uint32_t h = by_domain[i];
        if (i == 0 || hn.domain_key[h] != hn.domain_key[by_domain[i - 1]]) {
            g.domain_names_.push_back(hn.domain_name[h]);
            g.domain_keys_.push_back(hn.domain_key[h]);
        }
        hn.domain[h] = static_cast<node_id>(g.domain_names_.size() - 1);
    }
    std::vector<std::string>().swap(hn.domain_key);
}

/// Pass 3: g's host names, keys and domains, in host-number order.
void web_graph_builder::impl::fill_hosts(const host_numbering& hn, web_graph& g) const {
    const std::size_t num_hosts = hosts.size();
    g.host_domain_ = linkequity::detail::buffer<node_id>(num_hosts);
    for (std::size_t i = 0; i < num_hosts; ++i) {
        const std::uint32_t h = hn.order[i];
        g.host_domain_[i] = hn.domain[h];
        g.host_names_.push_back(hosts[h]);
        g.host_keys_.push_back(hn.key[h]);
    }
}

/// Pass 4, pages: numbered by (host number, URL) — URLs are unique, so the order is total —
/// → g's page URLs, page hosts and host page ranges. Frees the page and host interners.
/// Returns new_id[temporary page id].
///
/// The pages are grouped by host number with a stable counting sort, then each host's pages
/// are sorted by URL, hosts in parallel: about log2(pages per host) string comparisons a page
/// instead of log2(pages), and each host's URLs, interned close together, compared in cache.
/// The URL table is then filled in parallel (string_table::gather). O(pages · log(pages per
/// host) + URL bytes). Measured at 100M links: this pass and the next took 1.4 s less.
std::vector<node_id> web_graph_builder::impl::number_pages(const std::vector<node_id>& host_new,
                                                           web_graph& g) {
    const std::size_t num_hosts = hosts.size(), num_pages = pages.size();
    g.host_first_page_ = linkequity::detail::buffer<node_id>(num_hosts + 1);
    std::fill_n(g.host_first_page_.data(), num_hosts + 1, node_id{0});
    for (std::size_t p = 0; p < num_pages; ++p) ++g.host_first_page_[host_new[page_host[p]] + 1];
    for (std::size_t h = 0; h < num_hosts; ++h) g.host_first_page_[h + 1] += g.host_first_page_[h];
    std::vector<std::size_t> order = detail::counting_order(
        num_hosts, {}, num_pages, [&](std::size_t p) { return host_new[page_host[p]]; });
    const auto first = [&](std::size_t h) { return order.begin() + g.host_first_page_[h]; };
    const auto hosts_n = static_cast<std::ptrdiff_t>(num_hosts);
#pragma omp parallel for schedule(dynamic, 64) if (num_pages > linkequity::detail::parallel_threshold)
    for (std::ptrdiff_t h = 0; h < hosts_n; ++h)
        std::sort(first(static_cast<std::size_t>(h)), first(static_cast<std::size_t>(h) + 1),
                  [&](std::size_t a, std::size_t b) { return pages[a] < pages[b]; });
    std::vector<node_id> page_new(num_pages);
    g.page_host_ = linkequity::detail::buffer<node_id>(num_pages);
    const auto pages_n = static_cast<std::ptrdiff_t>(num_pages);
#pragma omp parallel for schedule(static) if (num_pages > linkequity::detail::parallel_threshold)
    for (std::ptrdiff_t i = 0; i < pages_n; ++i) {
        const std::size_t p = order[static_cast<std::size_t>(i)];
        page_new[p] = static_cast<node_id>(i);
        g.page_host_[i] = host_new[page_host[p]];
    }
    g.page_urls_ = string_table::gather(num_pages, [&](std::size_t i) { return pages[order[i]]; });
    pages.clear();
    hosts.clear();
    return page_new;
}

/// Links ahead whose target's host fill_links asks the cache for.
constexpr std::ptrdiff_t link_fill_prefetch = 16;

/// Pass 5, links: remapped to page numbers, ordered by (source, target, input order) — a
/// stable counting sort by source, then each row sorted on its own — with the internal flag
/// set → g's link arrays and offsets; counts links, internal and self links. O(m log(row
/// length) + pages), parallel but the offsets' count. Measured at 100M links: 10.1 s with two
/// counting sorts over all links (by target, then by source), 6.8 s this way.
void web_graph_builder::impl::fill_links(const std::vector<node_id>& page_new, web_graph& g) {
    const std::size_t num_pages = page_new.size(), m = src.size();
    const auto links = static_cast<std::ptrdiff_t>(m);
#pragma omp parallel for schedule(static) if (m > linkequity::detail::parallel_threshold)
    for (std::ptrdiff_t l = 0; l < links; ++l) {
        src[l] = page_new[src[l]];
        dst[l] = page_new[dst[l]];
    }
    // Grouped by source (stable: input order inside a row), then each row sorted by (target,
    // input order), rows in parallel: the same order a second counting sort by target over all
    // links gave, without its m scattered writes. The order holds 32-bit link indices when they
    // fit: half the bytes to scatter and to read in the gathers, 4 bytes a link less at the
    // read's peak of memory.
    const auto with_order = [&]([[maybe_unused]] auto index) {
        using Index = decltype(index);
        // The sort's bucket offsets are the rows' offsets.
        auto order = detail::counting_order<Index>(
            num_pages, {}, m, [&](std::size_t l) { return src[l]; }, &g.link_offsets_);
        // A row is sorted as keys target << 32 | position in the row: each target is loaded once,
        // not at every comparison, and the row's input order (ascending link index, from the
        // stable sort) breaks ties as the link index would.
        const auto pages_n = static_cast<std::ptrdiff_t>(num_pages);
#pragma omp parallel if (m > linkequity::detail::parallel_threshold)
        {
            std::vector<std::uint64_t> keys;
            std::vector<Index> links;
#pragma omp for schedule(dynamic, 1024)
            for (std::ptrdiff_t p = 0; p < pages_n; ++p) {
                const auto row = order.begin() + static_cast<std::ptrdiff_t>(g.link_offsets_[p]);
                const auto row_end =
                    order.begin() + static_cast<std::ptrdiff_t>(g.link_offsets_[p + 1]);
                const auto len = static_cast<std::size_t>(row_end - row);
                if (len < 2) continue;
                if (len > 0xFFFFFFFFu) {  // positions would not fit the key's low half
                    std::sort(row, row_end, [&](std::size_t a, std::size_t b) {
                        return dst[a] != dst[b] ? dst[a] < dst[b] : a < b;
                    });
                    continue;
                }
                links.assign(row, row_end);
                keys.resize(len);
                for (std::size_t i = 0; i < len; ++i)
                    keys[i] = (std::uint64_t{dst[links[i]]} << 32) | i;
                std::sort(keys.begin(), keys.end());
                for (std::size_t i = 0; i < len; ++i) row[i] = links[keys[i] & 0xFFFFFFFFu];
            }
        }
        // g's link arrays are filled one at a time, and each input array is freed once copied: the
        // end of this pass is the read's peak of memory, and all of g's arrays no longer sit next
        // to all of the inputs (at 100M links, 1.4 GB of the one next to 1 GB of the other).
        [[maybe_unused]] const bool parallel = m > linkequity::detail::parallel_threshold;
        auto release = [](auto& v) { std::decay_t<decltype(v)>().swap(v); };
        auto gather = [&](auto& out, auto& in) {  // out[i] = in[order[i]], then frees in
            using T = typename std::decay_t<decltype(in)>::value_type;
            out = linkequity::detail::buffer<T>(m);
#pragma omp parallel for schedule(static) if (parallel)
            for (std::ptrdiff_t i = 0; i < links; ++i) out[i] = in[order[i]];
            release(in);
        };
        release(src);  // the rows give the sources
        g.link_source_ = linkequity::detail::buffer<node_id>(m);
#pragma omp parallel for schedule(dynamic, 1024) if (parallel)
        for (std::ptrdiff_t p = 0; p < pages_n; ++p)
            std::fill(g.link_source_.data() + g.link_offsets_[p],
                      g.link_source_.data() + g.link_offsets_[p + 1], static_cast<node_id>(p));
        gather(g.link_target_, dst);
        gather(g.link_position_, pos);
        if (anchors.size() == 1) {  // only "" (no anchor texts, or none read): every id is 0
            g.link_anchor_ = linkequity::detail::buffer<std::uint32_t>(m);
            std::fill_n(g.link_anchor_.data(), m, std::uint32_t{0});
            release(anchor);
        } else {
            gather(g.link_anchor_, anchor);
        }
        if (!first_seen.empty()) {
            first_seen.resize(m, 0);
            last_seen.resize(m, 0);
            gather(g.link_first_seen_, first_seen);
            gather(g.link_last_seen_, last_seen);
        }
        stats.links = m;
        g.link_flags_ = linkequity::detail::buffer<edge_flags>(m);
        std::size_t internal = 0, self = 0;  // integer sums: the same on any thread count
#pragma omp parallel for schedule(static) reduction(+ : internal, self) if (parallel)
        for (std::ptrdiff_t i = 0; i < links; ++i) {
#if defined(__GNUC__)
            // The target's page → host entry is a random read (4 bytes per page): ask ahead.
            if (i + link_fill_prefetch < links)
                __builtin_prefetch(g.page_host_.data() + g.link_target_[i + link_fill_prefetch]);
#endif
            const node_id s = g.link_source_[i], t = g.link_target_[i];
            edge_flags f = rel[order[i]];
            if (g.domain_of(s) == g.domain_of(t)) {
                f |= flags::internal;
                ++internal;
            }
            if (s == t) ++self;
            g.link_flags_[i] = f;
        }
        release(rel);
        stats.internal_links += internal;
        stats.self_links += self;
    };
    if (m <= std::numeric_limits<std::uint32_t>::max()) with_order(std::uint32_t{});
    else with_order(std::size_t{});
}

web_graph web_graph_builder::finish() {
    impl& d = *impl_;
    if (d.source_open) end_source();
    d.flush();
    linkequity::detail::stopwatch timer;
    for (auto* v : {&d.batch, &d.spare}) *v = {};  // reused buffers: not needed from here on
    d.slot_norm = {};

    web_graph g;
    g.psl_ = std::make_unique<public_suffix_list>(d.psl);
    g.build_psl_version_ = d.psl.version();
    if (d.record_urls.size() > 0) d.consolidate(g);
    {
        impl::host_numbering hn = d.number_hosts();
        impl::number_domains(hn, g);
        d.fill_hosts(hn, g);
        const std::vector<node_id> page_new = d.number_pages(hn.new_id, g);
        d.fill_links(page_new, g);
    }
    for (std::size_t a = 0; a < d.anchors.size(); ++a) g.anchors_.push_back(d.anchors[a]);
    for (std::size_t a = 0; a < d.dates.size(); ++a) g.dates_.push_back(d.dates[a]);

    web_graph_stats& st = d.stats;
    st.seconds_number = timer.seconds();
    st.reports = std::move(d.merged);
    st.bad_rows = 0;
    for (const auto& r : st.reports) st.bad_rows += r.skipped;
    g.stats_ = std::move(st);

    *impl_ = impl(d.options, d.psl);
    return g;
}

// ------------------------------------------------------------------------------- web_graph

web_graph::web_graph() = default;
web_graph::~web_graph() = default;
web_graph::web_graph(web_graph&&) noexcept = default;
web_graph& web_graph::operator=(web_graph&&) noexcept = default;

namespace {
/// Runs `read` (a reader feeding b.add); when it throws, an error the builder's background
/// batch raised — from earlier rows — is rethrown instead.
template <class Read>
io::read_report read_into(web_graph_builder& b, Read&& read) {
    try {
        return read();
    } catch (...) {
        b.rethrow_pending();
        throw;
    }
}
}  // namespace

web_graph web_graph::read(const std::vector<std::string>& paths, const web_graph_options& options) {
    if (paths.empty())
        throw std::invalid_argument("web_graph::read: no input files given (paths is empty)");
    web_graph_builder b(options);
    io::read_options ro = options.read;
    ro.skip_bad = options.skip_bad;
    ro.records = true;
    ro.anchors = options.anchors;
    // Room for the links up front (address space only): a row of a link file takes 40 bytes or
    // more, so this is at least the links of plain files (gzip ones may hold more: then the
    // arrays grow as usual). 10M links: interning 1.02-1.14 s against 1.13-1.18 s without;
    // 100M: no change measured (benchmarks/README.md).
    b.reserve_links(static_cast<std::size_t>(std::min<std::uint64_t>(
        io::files_size(paths) / 40, std::numeric_limits<std::uint32_t>::max())));
    for (const std::string& path : paths) {
        b.begin_source(path);
        const io::read_report r = read_into(b, [&] {
            io::chunk_share_step share;
            if (b.interns_in_shards())
                share = [&b](span<io::link_chunk* const> chunks, int part, int parts) {
                    b.intern_ahead(chunks, part, parts);
                };
            return io::read_links_chunked(
                path, ro, [&b](io::link_chunk& c) { b.prepare_chunk(c); }, share,
                [&b](io::link_chunk& c) { b.add_chunk(c); });
        });
        b.end_source(&r);
    }
    for (const std::string& path : options.redirect_files) {
        b.begin_source(path);
        const io::read_report r = read_into(b, [&] {
            return io::read_redirects(path, ro, [&b](const io::raw_link& l) { b.add(l); });
        });
        b.end_source(&r);
    }
    return b.finish();
}

namespace {

/// The sort key of a host name as a person writes it: normalize_host_name's host (which returns
/// a name already in that form at the cost of one byte scan). An invalid name gives the key of
/// the text as written, which names no host.
std::string lookup_key(std::string_view name) {
    const std::string host = normalize_host_name(name);
    return host_sort_key(host.empty() ? name : std::string_view(host));
}

}  // namespace

std::optional<node_id> web_graph::find_host(std::string_view host) const {
    return table_find(host_keys_, 0, host_keys_.size(), lookup_key(host));
}

std::optional<node_id> web_graph::find_domain(std::string_view domain) const {
    return table_find(domain_keys_, 0, domain_keys_.size(), lookup_key(domain));
}

std::optional<node_id> web_graph::find_page(std::string_view url) const {
    const normalized_url u = normalize_url(url);
    if (!u.ok()) return std::nullopt;
    const auto h = find_host(u.host);
    if (!h) return std::nullopt;
    return table_find(page_urls_, host_first_page_[*h], host_first_page_[*h + 1], u.url);
}

std::size_t web_graph::memory_bytes() const noexcept {
    std::size_t b = 0;
    for (const string_table* t : {&page_urls_, &host_names_, &domain_names_, &anchors_, &dates_,
                                  &host_keys_, &domain_keys_})
        b += t->memory_bytes();
    b += page_host_.bytes() + host_domain_.bytes() + host_first_page_.bytes() +
         link_source_.bytes() + link_target_.bytes() + link_offsets_.bytes() +
         link_flags_.bytes() + link_position_.bytes() + link_anchor_.bytes() +
         link_first_seen_.bytes() + link_last_seen_.bytes();
    return b;
}

const char* position_name(link_position p) noexcept {
    switch (p) {
        case link_position::content: return "content";
        case link_position::navigation: return "navigation";
        case link_position::header: return "header";
        case link_position::footer: return "footer";
        case link_position::sidebar: return "sidebar";
        case link_position::unknown: break;
    }
    return "unknown";
}

}  // namespace linkequity::web
