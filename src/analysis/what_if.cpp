// SPDX-License-Identifier: MIT
// what_if: edit → disavow → warm starts mapped through the id maps of the edit → compute_authority
// → one delta table per level (rows of both graphs joined through the same maps).
#include "linkequity/analysis/what_if.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>

#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "../web/parallel_sort.hpp"

namespace linkequity::analysis {
namespace {

using web::table_level;

/// The warm start of a level: old scores moved to their new ids, new nodes at the old floor.
std::vector<double> warm_start(const web::authority_table& before,
                               const std::vector<node_id>& map, std::size_t n_after) {
    std::vector<double> x(n_after, before.floor > 0 ? before.floor : 1.0);
    for (std::size_t i = 0; i < map.size(); ++i)
        if (map[i] != score_delta_table::absent) x[map[i]] = before.score[i];
    return x;
}

std::string_view level_name(const web::web_graph& g, table_level level, node_id id) {
    return web::name_of(g, level, id);
}

score_delta_table make_deltas(table_level level, const web::web_graph& gb,
                              const web::web_graph& ga, const web::authority_table& b,
                              const web::authority_table& a, const std::vector<node_id>& map) {
    const node_id none = score_delta_table::absent;
    // Rows: every node of the after graph (with its old id), then the dropped old nodes.
    std::vector<node_id> before_id(a.size(), none), after_id(a.size());
    std::iota(after_id.begin(), after_id.end(), node_id{0});
    for (std::size_t i = 0; i < map.size(); ++i)
        if (map[i] != none) before_id[map[i]] = static_cast<node_id>(i);
    for (std::size_t i = 0; i < map.size(); ++i)
        if (map[i] == none) {
            before_id.push_back(static_cast<node_id>(i));
            after_id.push_back(none);
        }
    const std::size_t n = before_id.size();
    auto pick = [none](const auto& v, node_id id) {
        using T = typename std::decay_t<decltype(v)>::value_type;
        return id == none ? T{} : v[id];
    };
    std::vector<double> change(n);
    for (std::size_t r = 0; r < n; ++r)
        change[r] = pick(a.authority, after_id[r]) - pick(b.authority, before_id[r]);
    auto name = [&](std::size_t r) {
        return after_id[r] != none ? level_name(ga, level, after_id[r])
                                   : level_name(gb, level, before_id[r]);
    };
    // Sorted as packed keys (no indirection): change, then ties (many: unlinked nodes stay at 0)
    // by the names' first 16 bytes as two big-endian numbers (0-padded: a name never holds NUL),
    // then by the whole names. Names are unique in a level, so the order is total: the same on
    // any thread count.
    struct row_key {
        double change;
        std::uint64_t p0, p1;
        node_id row;
    };
    std::vector<row_key> keys(n);
#pragma omp parallel for schedule(static) if (n > 65536)
    for (std::ptrdiff_t ri = 0; ri < static_cast<std::ptrdiff_t>(n); ++ri) {
        const auto r = static_cast<std::size_t>(ri);
        const std::string_view s = name(r);
        std::uint64_t p[2] = {0, 0};
        for (std::size_t i = 0; i < 16 && i < s.size(); ++i)
            p[i / 8] |= std::uint64_t{static_cast<unsigned char>(s[i])} << (56 - 8 * (i % 8));
        keys[r] = {change[r], p[0], p[1], static_cast<node_id>(r)};
    }
    web::detail::parallel_sort(keys, [&](const row_key& x, const row_key& y) {
        if (x.change != y.change) return x.change > y.change;
        if (x.p0 != y.p0) return x.p0 < y.p0;
        if (x.p1 != y.p1) return x.p1 < y.p1;
        return name(x.row) < name(y.row);
    });
    std::vector<node_id> order(n);
    for (std::size_t r = 0; r < n; ++r) order[r] = keys[r].row;
    keys = {};
    score_delta_table t;
    t.level = level;
    for (auto* v : {&t.before_id, &t.after_id}) v->resize(n);
    for (auto* v : {&t.score_before, &t.score_after, &t.authority_before, &t.authority_after})
        v->resize(n);
    t.rank_before.resize(n);
    t.rank_after.resize(n);
#pragma omp parallel for schedule(static) if (n > 65536)
    for (std::ptrdiff_t ri = 0; ri < static_cast<std::ptrdiff_t>(n); ++ri) {
        const auto r = static_cast<std::size_t>(ri);
        const node_id bi = before_id[order[r]], ai = after_id[order[r]];
        t.before_id[r] = bi;
        t.after_id[r] = ai;
        t.score_before[r] = pick(b.score, bi);
        t.score_after[r] = pick(a.score, ai);
        t.authority_before[r] = pick(b.authority, bi);
        t.authority_after[r] = pick(a.authority, ai);
        t.rank_before[r] = pick(b.rank, bi);
        t.rank_after[r] = pick(a.rank, ai);
    }
    return t;
}

/// The count columns of `before` moved to the new ids (new nodes 0), when `before` has them.
bool carry_counts(const web::authority_table& before, const std::vector<node_id>& map,
                  std::size_t n_after, web::authority_table& after) {
    using column = std::vector<std::uint64_t> web::authority_table::*;
    static constexpr column columns[] = {
        &web::authority_table::backlinks, &web::authority_table::followable_backlinks,
        &web::authority_table::referring_pages, &web::authority_table::referring_domains,
        &web::authority_table::followable_referring_domains,
        &web::authority_table::outgoing_links, &web::authority_table::followable_outgoing_links};
    for (const column c : columns)
        if ((before.*c).size() != map.size()) return false;
    for (const column c : columns) {
        std::vector<std::uint64_t>& out = after.*c;
        out.assign(n_after, 0);
        const std::vector<std::uint64_t>& in = before.*c;
        for (std::size_t i = 0; i < map.size(); ++i)
            if (map[i] != score_delta_table::absent) out[map[i]] = in[i];
    }
    return true;
}

/// The distinct nodes of `level` holding the pages, ascending.
std::vector<node_id> groups_of(const web::web_graph& g, web::graph_level level,
                               const std::vector<node_id>& pages) {
    std::vector<node_id> out;
    out.reserve(pages.size());
    for (const node_id p : pages)
        out.push_back(level == web::graph_level::host ? g.host_of(p) : g.domain_of(p));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// Pages at an end of a link whose flags differ between `old_flags` and g's (a disavow file
/// changed them), merged into `touched` (ascending, unique).
void add_reflagged_pages(const web::web_graph& g, const std::vector<edge_flags>& old_flags,
                         std::vector<node_id>& touched) {
    const auto fl = g.link_flags();
    const auto src = g.link_sources(), dst = g.link_targets();
    for (std::size_t l = 0; l < fl.size(); ++l)
        if (fl[l] != old_flags[l]) {
            touched.push_back(src[l]);
            touched.push_back(dst[l]);
        }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
}

/// The link counts of r.after: before's, moved to the new ids, with those of the nodes the edit
/// (and the disavow file) touched recomputed; or all recomputed when `before` lacks counts.
void update_counts(const web::authority_result& before, const web::authority_options& ao,
                   std::vector<node_id> touched, const std::vector<edge_flags>* old_flags,
                   what_if_result& r) {
    const web::web_graph& ng = r.edited.graph;
    if (old_flags) add_reflagged_pages(ng, *old_flags, touched);
    const edge_flags excluded = ao.pagerank.excluded;
    auto level = [&](const web::authority_table& b, const std::vector<node_id>& map,
                     web::graph_level gl, web::authority_table& a) {
        const std::size_t n = gl == web::graph_level::page   ? ng.num_pages()
                              : gl == web::graph_level::host ? ng.num_hosts()
                                                             : ng.num_domains();
        if (carry_counts(b, map, n, a)) {
            web::recount_links(ng, gl, gl == web::graph_level::page ? touched
                                                                    : groups_of(ng, gl, touched),
                               excluded, a);
        } else {
            std::vector<node_id> all(n);
            std::iota(all.begin(), all.end(), node_id{0});
            carry_counts(web::authority_table{}, {}, n, a);  // no old node: n zeros per column
            web::recount_links(ng, gl, all, excluded, a);
        }
    };
    level(before.pages, r.edited.page_map, web::graph_level::page, r.after.pages);
    level(before.domains, r.edited.domain_map, web::graph_level::domain, r.after.domains);
    if (ao.compute_hosts)
        level(before.hosts, r.edited.host_map, web::graph_level::host, r.after.hosts);
}

void check_before(const web::web_graph& g, const web::authority_result& before, bool hosts) {
    auto check = [](std::size_t got, std::size_t want, const char* level) {
        if (got != want)
            throw std::invalid_argument(fmt::format(
                "what_if: the before-scores have {} {}, the graph {}: score the same graph",
                got, level, want));
    };
    check(before.pages.size(), g.num_pages(), "pages");
    check(before.domains.size(), g.num_domains(), "domains");
    if (hosts) check(before.hosts.size(), g.num_hosts(), "hosts (compute_hosts)");
}

}  // namespace

const char* score_delta_table::status(std::size_t row) const noexcept {
    if (before_id[row] == absent) return "new";
    if (after_id[row] == absent) return "dropped";
    return "kept";
}

std::vector<std::string> delta_column_names(table_level level) {
    const char* name = level == table_level::pages ? "url"
                       : level == table_level::hosts ? "host"
                                                     : "domain";
    return {name, "status", "score_before", "score_after", "score_change", "authority_before",
            "authority_after", "authority_change", "rank_before", "rank_after"};
}

what_if_result what_if(const web::web_graph& g, const web::authority_result& before,
                       const std::vector<web::link_edit>& edits,
                       const web::disavow_list* disavow, const what_if_options& options) {
    web::authority_options ao = options.authority;
    ao.validate();
    if (!ao.start_pages.empty() || !ao.start_hosts.empty() || !ao.start_domains.empty())
        throw std::invalid_argument("what_if: authority.start_* must be empty (what_if sets them)");
    const bool hosts = ao.compute_hosts;
    check_before(g, before, hosts);
    what_if_result r;
    linkequity::detail::stopwatch edit_timer;
    r.edited = web::apply_link_edits(g, edits, options.skip_bad);
    r.seconds_edit = edit_timer.seconds();
    web::web_graph& ng = r.edited.graph;
    std::vector<edge_flags> old_flags;  // to find the links a disavow file re-flags
    if (disavow) {
        old_flags.assign(ng.link_flags().begin(), ng.link_flags().end());
        r.disavow = web::apply_disavow(ng, *disavow, options.owner);
    }
    if (options.warm_start) {
        ao.start_pages = warm_start(before.pages, r.edited.page_map, ng.num_pages());
        ao.start_domains = warm_start(before.domains, r.edited.domain_map, ng.num_domains());
        if (hosts) ao.start_hosts = warm_start(before.hosts, r.edited.host_map, ng.num_hosts());
        pagerank_options& po = ao.pagerank;
        if (options.extrapolate && po.solver == pagerank_solver::power &&
            po.acceleration == pagerank_acceleration::none)
            po.acceleration = pagerank_acceleration::quadratic;
    }
    ao.compute_counts = false;
    r.after = web::compute_authority(ng, ao);
    linkequity::detail::stopwatch timer;
    update_counts(before, ao, r.edited.touched_pages, disavow ? &old_flags : nullptr, r);
    r.after.seconds_counts = timer.seconds();
    timer.restart();
    r.pages = make_deltas(table_level::pages, g, ng, before.pages, r.after.pages, r.edited.page_map);
    r.domains = make_deltas(table_level::domains, g, ng, before.domains, r.after.domains,
                            r.edited.domain_map);
    if (hosts)
        r.hosts = make_deltas(table_level::hosts, g, ng, before.hosts, r.after.hosts,
                              r.edited.host_map);
    r.seconds_deltas = timer.seconds();
    return r;
}

void write_delta_csv(const score_delta_table& t, const web::web_graph& before,
                     const web::web_graph& after,
                     const std::function<void(std::string_view)>& sink) {
    std::string s;
    const auto names = delta_column_names(t.level);
    for (std::size_t c = 0; c < names.size(); ++c) s += (c ? "," : "") + names[c];
    s += '\n';
    for (std::size_t r = 0; r < t.size(); ++r) {
        io::append_csv_field(s, t.after_id[r] != score_delta_table::absent
                                    ? web::name_of(after, t.level, t.after_id[r])
                                    : web::name_of(before, t.level, t.before_id[r]));
        fmt::format_to(std::back_inserter(s), ",{},{:.9e},{:.9e},{:.9e},{:.3f},{:.3f},{:.3f},{},{}\n",
                       t.status(r), t.score_before[r], t.score_after[r],
                       t.score_after[r] - t.score_before[r], t.authority_before[r],
                       t.authority_after[r], t.authority_after[r] - t.authority_before[r],
                       t.rank_before[r], t.rank_after[r]);
        if (s.size() > (1u << 20)) {
            sink(s);
            s.clear();
        }
    }
    sink(s);
}

}  // namespace linkequity::analysis
