// SPDX-License-Identifier: MIT
// The authority tables, defined once: the columns (names, types, order), the row order and the
// derived counts (a domain's hosts and pages, a host's pages) of the page, host and domain
// tables. `linkequity score` writes them as pages.csv / hosts.csv / domains.csv (write_csv) and
// the Python WebGraph turns the same tables into DataFrames.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/span.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// The level a table describes: one row per page, host or registrable domain.
enum class table_level { pages, hosts, domains };

/// "pages", "hosts" or "domains".
const char* table_level_name(table_level level) noexcept;
/// The inverse of table_level_name. @throws std::invalid_argument for another name.
table_level parse_table_level(std::string_view name);

/// A name column's values: ids into one of the graph's name lists (page URLs, host names or
/// domain names), one per node; `ids` empty means each node's own id (a page's url).
struct name_ids {
    table_level list = table_level::pages;
    std::vector<node_id> ids;
};

/// How a number is written in the CSV files: integers in decimal; doubles as `{:.9e}`
/// (scientific: the raw score) or `{:.3f}` (fixed: the 0–100 authority).
enum class number_style { plain, scientific, fixed };

/// One named, typed column. Values are indexed by node id (not by row): row r of the table
/// shows node rows[r]. Types: names (name_ids), double (score, authority), uint32 (rank),
/// uint64 (link counts), int64 (derived counts: hosts, pages), string (labels: top_topic).
struct table_column {
    using values_type = std::variant<name_ids, std::vector<double>, std::vector<std::uint32_t>,
                                     std::vector<std::uint64_t>, std::vector<std::int64_t>,
                                     std::vector<std::string>>;
    std::string name;
    values_type values;
    number_style style = number_style::plain;
};

/// A level's authority table: columns in output order and the row order.
struct score_table {
    table_level level = table_level::pages;
    /// Node ids in row order: by rank (best first), equal ranks by id.
    std::vector<node_id> rows;
    std::vector<table_column> columns;

    std::size_t size() const noexcept { return rows.size(); }
    /// The column called `name`. @throws std::out_of_range when there is none.
    const table_column& column(std::string_view name) const;
    /// The values of a column of type std::vector<T>. @throws std::out_of_range for an unknown
    /// name, std::bad_variant_access for another type.
    template <class T>
    const std::vector<T>& values(std::string_view name) const {
        return std::get<std::vector<T>>(column(name).values);
    }
};

/// The column names of a level's table, in order (the CSV header):
///  - pages:   url, host, domain, <stats>
///  - hosts:   host, domain, <stats>, pages
///  - domains: domain, <stats>, hosts, pages
/// with <stats> = score, authority, rank, backlinks, followable_backlinks, referring_pages,
/// referring_domains, followable_referring_domains, outgoing_links, followable_outgoing_links
/// (authority_table's meaning); `hosts` / `pages` count the hosts / pages of the node.
std::vector<std::string> table_column_names(table_level level);

/// Node ids by rank (best first), equal ranks by id: the row order of every table. O(n) by a
/// stable counting sort when the ranks are at most n + 1 (competition ranks are 1..n), else
/// O(n log n) by a sort.
std::vector<node_id> rank_order(span<const std::uint32_t> rank);

/// The table of `level` for graph `g` from that level's authority_table `t`. The per-node
/// vectors of `t` are moved into the table (its scalars — iterations, residual… — stay).
/// Cost: O(n log n) for the row order (parallel sort), O(hosts) for the derived counts,
/// O(pages) for the page table's host and domain ids; names are ids, never copied strings.
/// @throws std::invalid_argument when t.size() is not the level's node count in `g`.
score_table make_score_table(const web_graph& g, table_level level, authority_table&& t);

/// The name with id `id` in list `list` of `g` (page URL, host name or domain name).
std::string_view name_of(const web_graph& g, table_level list, node_id id);

/// Writes `t` as CSV (header line, then one line per row; fields quoted as RFC 4180 needs,
/// numbers as number_style says, "\n" line ends) to `sink`: the header, then blocks of 8,192
/// rows, formatted in parallel (one block per thread at a time) and handed to `sink` in row
/// order on the calling thread, so the bytes are the same on any thread count. `g` must be
/// the graph the table was made from. O(rows · columns) work; memory: one block per thread.
void write_csv(const score_table& t, const web_graph& g,
               const std::function<void(std::string_view)>& sink);

}  // namespace linkequity::web
