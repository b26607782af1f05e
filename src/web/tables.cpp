// SPDX-License-Identifier: MIT
// The authority tables (see linkequity/web/tables.hpp): column lists per level, the row order,
// the derived counts and the CSV form.
#include "linkequity/web/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
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

/// A block's CSV text. Cells are written through a pointer after asking for room, so a cell
/// costs no std::string append (a capacity check, a length update and a terminator per call).
class text_block {
public:
    void clear() noexcept { end_ = data_.get(); }
    std::string_view view() const noexcept {
        return {data_.get(), static_cast<std::size_t>(end_ - data_.get())};
    }
    /// Where the text ends; write there, then hand the new end to done().
    char* end() noexcept { return end_; }
    void done(char* end) noexcept { end_ = end; }
    /// `p` (the end of what has been written so far) with room for n more bytes after it: the
    /// same pointer, or its place in a larger copy.
    char* room(char* p, std::size_t n) {
        if (n <= static_cast<std::size_t>(cap_ - p)) return p;
        const std::size_t used = static_cast<std::size_t>(p - data_.get());
        const std::size_t cap =
            std::max(used + n, 2 * static_cast<std::size_t>(cap_ - data_.get()));
        std::unique_ptr<char[]> bigger(new char[cap]);
        if (used > 0) std::memcpy(bigger.get(), data_.get(), used);
        data_ = std::move(bigger);
        cap_ = data_.get() + cap;
        end_ = data_.get() + used;
        return end_;
    }

private:
    std::unique_ptr<char[]> data_;
    char* end_ = nullptr;
    char* cap_ = nullptr;
};

/// A column resolved once per block: its kind and its values' address, so the row loop
/// switches on a small tag instead of visiting the variant at every cell.
struct column_ref {
    enum class kind { name, real, u32, u64, i64, text } k = kind::name;
    const void* values = nullptr;     ///< the vector's data (for names: the ids, may be null)
    std::size_t elem = 0;             ///< bytes per value (the cache hint's stride)
    number_style style = number_style::plain;
};

column_ref resolve(const table_column& c) {
    column_ref r;
    r.style = c.style;
    std::visit(
        [&r](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, name_ids>) {
                r.k = column_ref::kind::name;
                r.values = v.ids.empty() ? nullptr : v.ids.data();
                r.elem = sizeof(node_id);
            } else {
                using T = typename V::value_type;
                r.values = v.data();
                r.elem = sizeof(T);
                if constexpr (std::is_same_v<T, double>) r.k = column_ref::kind::real;
                else if constexpr (std::is_same_v<T, std::uint32_t>) r.k = column_ref::kind::u32;
                else if constexpr (std::is_same_v<T, std::uint64_t>) r.k = column_ref::kind::u64;
                else if constexpr (std::is_same_v<T, std::int64_t>) r.k = column_ref::kind::i64;
                else r.k = column_ref::kind::text;
            }
        },
        c.values);
    return r;
}

void prefetch(const void* p) {
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

/// Rows ahead whose cells are asked for before they are formatted.
constexpr std::size_t row_prefetch_distance = 16;
/// Room asked for a number cell: the longest integer (20 digits and a sign) or "{:.9e}" /
/// "{}" of a double fits; "{:.3f}" of a huge double asks for more when it comes.
constexpr std::size_t number_room = 64;

/// Writes integer v at p; returns the end. (fmt's digits: the same as "{}", without parsing it.)
template <class T>
char* write_integer(char* p, T v) {
    const fmt::format_int digits(v);
    std::memcpy(p, digits.data(), digits.size());
    return p + digits.size();
}

/// Writes double d at p in `style` (p has number_room bytes); returns the end. A fixed-format
/// cell longer than the room is written after asking `out` for enough.
char* write_real(text_block& out, char* p, double d, number_style style) {
    const fmt::format_to_n_result<char*> r =
        style == number_style::scientific ? fmt::format_to_n(p, number_room, "{:.9e}", d)
        : style == number_style::fixed    ? fmt::format_to_n(p, number_room, "{:.3f}", d)
                                          : fmt::format_to_n(p, number_room, "{}", d);
    if (r.size <= number_room) return r.out;
    p = out.room(p, r.size);  // only "{:.3f}" can be longer
    return fmt::format_to(p, "{:.3f}", d);
}

/// Appends rows [lo, hi) of t to out in CSV form. Rows come in rank order, so each cell is a
/// random access into a column (and a name a chain of them: id, offset, characters): the names
/// are looked up first in a loop of independent loads, their characters and the next rows'
/// cells asked for ahead of the formatting, which would otherwise wait on every cell. The
/// characters are asked for again row_prefetch_distance rows before they are written: a
/// block's names (1.7 MB at 8,192 page rows) do not all stay in L2 between the two loops
/// (write of `score --snapshot` at 10M links 0.35–0.38 → 0.31–0.32 s, at 100M 4.6 → 4.2 s).
/// `names` is scratch space. O((hi − lo) · columns).
void format_rows(const score_table& t, const web_graph& g, std::size_t lo, std::size_t hi,
                 text_block& out, std::vector<std::string_view>& names) {
    const std::size_t cols = t.columns.size();
    std::vector<column_ref> refs;
    std::vector<std::size_t> named;  // the name columns
    for (std::size_t i = 0; i < cols; ++i) {
        refs.push_back(resolve(t.columns[i]));
        if (refs.back().k == column_ref::kind::name) named.push_back(i);
    }
    auto cell = [](const column_ref& c, node_id x) {
        return static_cast<const char*>(c.values) + c.elem * x;
    };
    names.assign((hi - lo) * named.size(), {});
    for (std::size_t r = lo; r < hi; ++r) {
        if (r + row_prefetch_distance < hi)
            for (const std::size_t i : named)
                if (refs[i].values) prefetch(cell(refs[i], t.rows[r + row_prefetch_distance]));
        for (std::size_t q = 0; q < named.size(); ++q) {
            const auto& v = std::get<name_ids>(t.columns[named[q]].values);
            const node_id x = t.rows[r];
            const std::string_view name = name_of(g, v.list, v.ids.empty() ? x : v.ids[x]);
            names[(r - lo) * named.size() + q] = name;
            prefetch(name.data());
        }
    }
    char* p = out.end();
    for (std::size_t r = lo; r < hi; ++r) {
        if (r + row_prefetch_distance < hi) {
            for (const column_ref& c : refs)
                if (c.values) prefetch(cell(c, t.rows[r + row_prefetch_distance]));
            const std::string_view* ahead =
                names.data() + (r + row_prefetch_distance - lo) * named.size();
            for (std::size_t q = 0; q < named.size(); ++q) prefetch(ahead[q].data());
        }
        const node_id x = t.rows[r];
        const std::string_view* row_names = names.data() + (r - lo) * named.size();
        std::size_t q = 0;
        for (std::size_t i = 0; i < cols; ++i) {
            const column_ref& c = refs[i];
            std::string_view field;
            if (c.k == column_ref::kind::name) field = row_names[q++];
            else if (c.k == column_ref::kind::text)
                field = static_cast<const std::string*>(c.values)[x];
            p = out.room(p, 1 + (c.k == column_ref::kind::name || c.k == column_ref::kind::text
                                     ? io::csv_field_bound(field.size())
                                     : number_room));
            if (i > 0) *p++ = ',';
            switch (c.k) {
            case column_ref::kind::name:
            case column_ref::kind::text: p = io::write_csv_field(p, field); break;
            case column_ref::kind::real:
                p = write_real(out, p, static_cast<const double*>(c.values)[x], c.style);
                break;
            case column_ref::kind::u32:
                p = write_integer(p, static_cast<const std::uint32_t*>(c.values)[x]);
                break;
            case column_ref::kind::u64:
                p = write_integer(p, static_cast<const std::uint64_t*>(c.values)[x]);
                break;
            case column_ref::kind::i64:
                p = write_integer(p, static_cast<const std::int64_t*>(c.values)[x]);
                break;
            }
        }
        p = out.room(p, 1);
        *p++ = '\n';
    }
    out.done(p);
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
    std::vector<text_block> blocks(threads);
    std::vector<std::vector<std::string_view>> names(threads);
    for (std::size_t first = 0; first < n; first += threads * block_rows) {
#pragma omp parallel for num_threads(static_cast<int>(threads)) schedule(static, 1) if (threads > 1)
        for (std::size_t b = 0; b < threads; ++b) {
            blocks[b].clear();
            const std::size_t lo = std::min(n, first + b * block_rows);
            format_rows(t, g, lo, std::min(n, lo + block_rows), blocks[b], names[b]);
        }
        for (const text_block& s : blocks)
            if (!s.view().empty()) sink(s.view());
    }
}

}  // namespace linkequity::web
