// SPDX-License-Identifier: MIT
// The authority tables (see linkequity/web/tables.hpp): column lists per level, the row order,
// the derived counts and the CSV form.
#include "linkequity/web/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <numeric>
#include <stdexcept>
#include <type_traits>

#include "linkequity/detail/parallel.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "parallel_sort.hpp"

namespace linkequity::web {
namespace {

/// The columns every level has, after its name columns (authority_table's vectors).
constexpr const char* stat_names[] = {
    "score",           "authority",         "rank",
    "backlinks",       "followable_backlinks", "referring_pages",
    "referring_domains", "followable_referring_domains", "outgoing_links",
    "followable_outgoing_links"};

/// The name columns before the stats, and the derived counts after them, per level.
struct level_layout {
    std::vector<const char*> leading, trailing;
};

level_layout layout_of(table_level level) {
    switch (level) {
    case table_level::pages: return {{"url", "host", "domain"}, {}};
    case table_level::hosts: return {{"host", "domain"}, {"pages"}};
    case table_level::domains: return {{"domain"}, {"hosts", "pages"}};
    }
    throw std::invalid_argument("table level out of range");
}

std::size_t level_size(const web_graph& g, table_level level) {
    switch (level) {
    case table_level::pages: return g.num_pages();
    case table_level::hosts: return g.num_hosts();
    case table_level::domains: return g.num_domains();
    }
    return 0;
}

/// The leading name columns of `level`: which name list each shows, and the id per node.
std::vector<table_column> name_columns(const web_graph& g, table_level level) {
    const span<const node_id> page_host = g.page_hosts(), host_domain = g.host_domains();
    std::vector<table_column> out;
    auto add = [&out](const char* name, table_level list, std::vector<node_id> ids) {
        out.push_back({name, name_ids{list, std::move(ids)}, number_style::plain});
    };
    if (level == table_level::pages) {
        add("url", table_level::pages, {});
        add("host", table_level::hosts, {page_host.begin(), page_host.end()});
        std::vector<node_id> domain(page_host.size());
        for (std::size_t p = 0; p < domain.size(); ++p) domain[p] = host_domain[page_host[p]];
        add("domain", table_level::domains, std::move(domain));
    } else if (level == table_level::hosts) {
        add("host", table_level::hosts, {});
        add("domain", table_level::domains, {host_domain.begin(), host_domain.end()});
    } else {
        add("domain", table_level::domains, {});
    }
    return out;
}

/// The stats columns, moved out of `t`, in stat_names order.
void add_stat_columns(std::vector<table_column>& out, authority_table& t) {
    out.push_back({"score", std::move(t.score), number_style::scientific});
    out.push_back({"authority", std::move(t.authority), number_style::fixed});
    out.push_back({"rank", std::move(t.rank), number_style::plain});
    std::vector<std::uint64_t>* counts[] = {
        &t.backlinks,         &t.followable_backlinks,         &t.referring_pages,
        &t.referring_domains, &t.followable_referring_domains, &t.outgoing_links,
        &t.followable_outgoing_links};
    for (std::size_t i = 0; i < std::size(counts); ++i)
        out.push_back({stat_names[3 + i], std::move(*counts[i]), number_style::plain});
}

/// The derived counts of `level`: pages per host; hosts and pages per domain.
void add_derived_columns(std::vector<table_column>& out, const web_graph& g, table_level level) {
    if (level == table_level::hosts) {
        std::vector<std::int64_t> pages(g.num_hosts());
        for (node_id h = 0; h < g.num_hosts(); ++h)
            pages[h] = static_cast<std::int64_t>(g.host_pages(h).second - g.host_pages(h).first);
        out.push_back({"pages", std::move(pages), number_style::plain});
    } else if (level == table_level::domains) {
        std::vector<std::int64_t> hosts(g.num_domains()), pages(g.num_domains());
        for (node_id h = 0; h < g.num_hosts(); ++h) {
            ++hosts[g.domain_of_host(h)];
            pages[g.domain_of_host(h)] +=
                static_cast<std::int64_t>(g.host_pages(h).second - g.host_pages(h).first);
        }
        out.push_back({"hosts", std::move(hosts), number_style::plain});
        out.push_back({"pages", std::move(pages), number_style::plain});
    }
}

/// Appends row `x` of column `c` to `s` in its CSV form; `name` is the row's name when c is a
/// name column (looked up beforehand, see format_rows).
void append_cell(std::string& s, const table_column& c, node_id x, std::string_view name) {
    auto out = std::back_inserter(s);
    std::visit(
        [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, name_ids>) {
                io::append_csv_field(s, name);
            } else if constexpr (std::is_same_v<V, std::vector<double>>) {
                // Formatted into a local array, then appended: fmt's output to a std::string
                // grows (zero-fills) and shrinks the string on every call.
                char digits[64];
                const double d = v[x];
                const fmt::format_to_n_result<char*> r =
                    c.style == number_style::scientific ? fmt::format_to_n(digits, 64, "{:.9e}", d)
                    : c.style == number_style::fixed    ? fmt::format_to_n(digits, 64, "{:.3f}", d)
                                                        : fmt::format_to_n(digits, 64, "{}", d);
                if (r.size <= sizeof digits) s.append(digits, r.size);
                else fmt::format_to(out, "{:.3f}", d);  // only "{:.3f}" can be longer
            } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
                io::append_csv_field(s, v[x]);
            } else if constexpr (std::is_integral_v<typename V::value_type>) {
                const fmt::format_int digits(v[x]);  // the same digits as "{}", without parsing it
                s.append(digits.data(), digits.size());
            } else {
                fmt::format_to(out, "{}", v[x]);
            }
        },
        c.values);
}

/// Where row x of column c is stored (the node's id in a name column that maps ids, else its
/// value), for a cache hint; nullptr for a name column of the level's own names.
const void* cell_address(const table_column& c, node_id x) {
    return std::visit(
        [x](const auto& v) -> const void* {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, name_ids>) return v.ids.empty() ? nullptr : &v.ids[x];
            else return &v[x];
        },
        c.values);
}

void prefetch(const void* p) {
#if defined(__GNUC__)
    if (p) __builtin_prefetch(p);
#else
    (void)p;
#endif
}

/// Rows ahead whose cells are asked for before they are formatted.
constexpr std::size_t row_prefetch_distance = 16;

/// Appends rows [lo, hi) of t to s in CSV form. Rows come in rank order, so each cell is a
/// random access into a column (and a name a chain of them: id, offset, characters): the names
/// are looked up first in a loop of independent loads, their characters and the next rows'
/// cells asked for ahead of the formatting, which would otherwise wait on every cell.
/// `names` is scratch space. O((hi − lo) · columns).
void format_rows(const score_table& t, const web_graph& g, std::size_t lo, std::size_t hi,
                 std::string& s, std::vector<std::string_view>& names) {
    const std::size_t cols = t.columns.size();
    std::vector<std::size_t> named;  // the name columns
    for (std::size_t i = 0; i < cols; ++i)
        if (std::holds_alternative<name_ids>(t.columns[i].values)) named.push_back(i);
    names.assign((hi - lo) * named.size(), {});
    for (std::size_t r = lo; r < hi; ++r) {
        if (r + row_prefetch_distance < hi)
            for (const std::size_t i : named)
                prefetch(cell_address(t.columns[i], t.rows[r + row_prefetch_distance]));
        for (std::size_t q = 0; q < named.size(); ++q) {
            const auto& v = std::get<name_ids>(t.columns[named[q]].values);
            const node_id x = t.rows[r];
            const std::string_view name = name_of(g, v.list, v.ids.empty() ? x : v.ids[x]);
            names[(r - lo) * named.size() + q] = name;
            prefetch(name.data());
        }
    }
    for (std::size_t r = lo; r < hi; ++r) {
        if (r + row_prefetch_distance < hi)
            for (const auto& c : t.columns) prefetch(cell_address(c, t.rows[r + row_prefetch_distance]));
        std::size_t q = 0;
        for (std::size_t i = 0; i < cols; ++i) {
            if (i > 0) s.push_back(',');
            const bool is_name = q < named.size() && named[q] == i;
            append_cell(s, t.columns[i], t.rows[r],
                        is_name ? names[(r - lo) * named.size() + q++] : std::string_view());
        }
        s.push_back('\n');
    }
}

}  // namespace

const char* table_level_name(table_level level) noexcept {
    switch (level) {
    case table_level::pages: return "pages";
    case table_level::hosts: return "hosts";
    case table_level::domains: return "domains";
    }
    return "?";
}

table_level parse_table_level(std::string_view name) {
    for (table_level l : {table_level::pages, table_level::hosts, table_level::domains})
        if (name == table_level_name(l)) return l;
    throw std::invalid_argument(
        fmt::format("table level must be 'pages', 'hosts' or 'domains', got '{}'", name));
}

const table_column& score_table::column(std::string_view name) const {
    for (const auto& c : columns)
        if (c.name == name) return c;
    throw std::out_of_range(fmt::format("score_table: no column '{}'", name));
}

std::vector<std::string> table_column_names(table_level level) {
    const level_layout l = layout_of(level);
    std::vector<std::string> names(l.leading.begin(), l.leading.end());
    names.insert(names.end(), std::begin(stat_names), std::end(stat_names));
    names.insert(names.end(), l.trailing.begin(), l.trailing.end());
    return names;
}

std::vector<node_id> rank_order(span<const std::uint32_t> rank) {
    const std::size_t n = rank.size();
    std::vector<node_id> order(n);
    const std::uint32_t top = n > 0 ? *std::max_element(rank.begin(), rank.end()) : 0;
    if (top <= n + 1) {  // stable by id within a rank: the order the sort below gives
        const std::vector<std::size_t> by_rank = detail::counting_order(
            std::size_t{top} + 1, {}, n, [&](std::size_t x) { return rank[x]; });
        const auto rows = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel for schedule(static) if (n > linkequity::detail::parallel_threshold)
        for (std::ptrdiff_t i = 0; i < rows; ++i) order[i] = static_cast<node_id>(by_rank[i]);
        return order;
    }
    std::iota(order.begin(), order.end(), node_id{0});
    detail::parallel_sort(order, [&](node_id a, node_id b) {
        return rank[a] != rank[b] ? rank[a] < rank[b] : a < b;
    });
    return order;
}

score_table make_score_table(const web_graph& g, table_level level, authority_table&& t) {
    if (t.size() != level_size(g, level))
        throw std::invalid_argument(fmt::format(
            "make_score_table: the {} table has {} rows, the graph {} {}", table_level_name(level),
            t.size(), level_size(g, level), table_level_name(level)));
    score_table out;
    out.level = level;
    out.rows = rank_order(t.rank);
    out.columns = name_columns(g, level);
    add_stat_columns(out.columns, t);
    add_derived_columns(out.columns, g, level);
    return out;
}

std::string_view name_of(const web_graph& g, table_level list, node_id id) {
    switch (list) {
    case table_level::pages: return g.page_url(id);
    case table_level::hosts: return g.host_name(id);
    case table_level::domains: return g.domain_name(id);
    }
    return {};
}

void write_csv(const score_table& t, const web_graph& g,
               const std::function<void(std::string_view)>& sink) {
    std::string header;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (i > 0) header.push_back(',');
        header += t.columns[i].name;
    }
    header.push_back('\n');
    sink(header);
    // Rounds of one block of rows per thread: each thread formats its block into its own
    // buffer, then the buffers go to the sink in row order, so the bytes never depend on the
    // thread count. Formatting (numbers, and the name look-ups in rank order, which miss the
    // cache) is most of the time; the sink only copies.
    constexpr std::size_t block_rows = std::size_t{1} << 13;
    const std::size_t n = t.rows.size();
    const auto threads =
        static_cast<std::size_t>(n > block_rows ? linkequity::detail::max_threads() : 1);
    std::vector<std::string> blocks(threads);
    std::vector<std::vector<std::string_view>> names(threads);
    for (std::size_t first = 0; first < n; first += threads * block_rows) {
#pragma omp parallel for num_threads(static_cast<int>(threads)) schedule(static, 1) if (threads > 1)
        for (std::size_t b = 0; b < threads; ++b) {
            blocks[b].clear();
            const std::size_t lo = std::min(n, first + b * block_rows);
            format_rows(t, g, lo, std::min(n, lo + block_rows), blocks[b], names[b]);
        }
        for (const std::string& s : blocks)
            if (!s.empty()) sink(s);
    }
}

}  // namespace linkequity::web
