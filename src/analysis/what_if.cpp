// SPDX-License-Identifier: MIT
// what_if: edit → disavow → warm starts mapped through the id maps of the edit → compute_authority
// → one delta table per level (rows of both graphs joined through the same maps).
#include "linkequity/analysis/what_if.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "linkequity/io/csv_writer.hpp"

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
    score_delta_table t;
    t.level = level;
    const node_id none = score_delta_table::absent;
    std::vector<node_id> inverse(a.size(), none);
    for (std::size_t i = 0; i < map.size(); ++i)
        if (map[i] != none) inverse[map[i]] = static_cast<node_id>(i);
    for (std::size_t j = 0; j < a.size(); ++j) {
        t.before_id.push_back(inverse[j]);
        t.after_id.push_back(static_cast<node_id>(j));
    }
    for (std::size_t i = 0; i < map.size(); ++i)
        if (map[i] == none) {
            t.before_id.push_back(static_cast<node_id>(i));
            t.after_id.push_back(none);
        }
    const std::size_t n = t.before_id.size();
    auto pick = [none](const auto& v, node_id id) {
        using T = typename std::decay_t<decltype(v)>::value_type;
        return id == none ? T{} : v[id];
    };
    std::vector<double> change(n);
    for (std::size_t r = 0; r < n; ++r) {
        const node_id bi = t.before_id[r], ai = t.after_id[r];
        t.score_before.push_back(pick(b.score, bi));
        t.score_after.push_back(pick(a.score, ai));
        t.authority_before.push_back(pick(b.authority, bi));
        t.authority_after.push_back(pick(a.authority, ai));
        t.rank_before.push_back(pick(b.rank, bi));
        t.rank_after.push_back(pick(a.rank, ai));
        change[r] = t.authority_after[r] - t.authority_before[r];
    }
    auto name = [&](std::size_t r) {
        return t.after_id[r] != none ? level_name(ga, level, t.after_id[r])
                                     : level_name(gb, level, t.before_id[r]);
    };
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return change[x] != change[y] ? change[x] > change[y] : name(x) < name(y);
    });
    auto permute = [&order](auto& v) {
        auto copy = v;
        for (std::size_t r = 0; r < order.size(); ++r) v[r] = copy[order[r]];
    };
    permute(t.before_id);
    permute(t.after_id);
    permute(t.score_before);
    permute(t.score_after);
    permute(t.authority_before);
    permute(t.authority_after);
    permute(t.rank_before);
    permute(t.rank_after);
    return t;
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
    r.edited = web::apply_link_edits(g, edits, options.skip_bad);
    web::web_graph& ng = r.edited.graph;
    if (disavow) r.disavow = web::apply_disavow(ng, *disavow, options.owner);
    if (options.warm_start) {
        ao.start_pages = warm_start(before.pages, r.edited.page_map, ng.num_pages());
        ao.start_domains = warm_start(before.domains, r.edited.domain_map, ng.num_domains());
        if (hosts) ao.start_hosts = warm_start(before.hosts, r.edited.host_map, ng.num_hosts());
    }
    r.after = web::compute_authority(ng, ao);
    r.pages = make_deltas(table_level::pages, g, ng, before.pages, r.after.pages, r.edited.page_map);
    r.domains = make_deltas(table_level::domains, g, ng, before.domains, r.after.domains,
                            r.edited.domain_map);
    if (hosts)
        r.hosts = make_deltas(table_level::hosts, g, ng, before.hosts, r.after.hosts,
                              r.edited.host_map);
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
