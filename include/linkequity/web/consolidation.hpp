// SPDX-License-Identifier: MIT
// Redirects and canonicals (DESIGN.md "Redirects and canonicals: consolidation", docs/redirects.md):
// the options that say which records are followed, the chain resolution (final URL by
// redirects then canonicals, at most 10 hops, loops and longer chains resolve nothing), and the
// table of consolidated URLs a web_graph keeps (url, final_url, kind, hops, status).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "linkequity/detail/buffer.hpp"
#include "linkequity/options.hpp"
#include "linkequity/span.hpp"
#include "linkequity/web/string_table.hpp"

namespace linkequity::web {

/// Whether records of one kind are followed when the web graph is built.
enum class follow_mode : std::uint8_t { follow, ignore };

inline constexpr enum_spelling<follow_mode> follow_mode_names[] = {
    {follow_mode::follow, "follow"}, {follow_mode::ignore, "ignore"}};
constexpr enum_names<follow_mode> spellings(follow_mode) {
    return make_enum_names(follow_mode_names);
}

/// Which redirect / canonical records web_graph_builder applies (web_graph_options::
/// consolidation). With both `ignore`, or without records, the graph is built as if there were
/// none (records are still counted in the stats).
struct consolidation_options {
    follow_mode redirects = follow_mode::follow;
    follow_mode canonicals = follow_mode::follow;

    /// The option table (CLI --redirects / --canonicals, Python keywords).
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        v(o.redirects, option_info("redirects", "follow: a redirected URL's links and backlinks "
                                                "move to its final URL; ignore: it is a page"));
        v(o.canonicals, option_info("canonicals", "follow: a canonicalised URL's links and "
                                                  "backlinks move to its canonical; ignore: it is "
                                                  "a page"));
    }
    /// @throws std::invalid_argument for an enum value out of range.
    void validate() const { check_fields(*this, "consolidation"); }
};

/// Most hops a chain may take to resolve (DESIGN.md): 11 or more resolve nothing.
inline constexpr std::size_t max_redirect_hops = 10;

/// Which records a chain took: redirects only, canonicals only, or both.
enum class redirect_kind : std::uint8_t { redirect, canonical, mixed };
/// resolved: the URL is replaced by its final URL; loop / too_long: it keeps its identity.
enum class redirect_state : std::uint8_t { resolved, loop, too_long };

/// "redirect", "canonical", "mixed".
const char* redirect_kind_name(redirect_kind k) noexcept;
/// "resolved", "loop", "too_long".
const char* redirect_state_name(redirect_state s) noexcept;

/// The resolution of every node of a functional graph of records.
struct chain_resolution {
    std::vector<std::uint32_t> final_node;  ///< resolved: the final node; otherwise the node
    std::vector<std::uint8_t> hops;         ///< records followed (see resolve_chains)
    std::vector<redirect_kind> kind;
    std::vector<redirect_state> state;
};

/// Marks "no record" in resolve_chains' `next`.
inline constexpr std::uint32_t no_record = ~std::uint32_t{0};

/// Resolves chains of records: node u's record leads to next[u] (no_record: u is final), by a
/// redirect when is_redirect[u], else a canonical. For every node with a record:
/// - resolved: the chain from u ends at a node without a record within max_redirect_hops hops,
///   and no node on it lies on a chain longer than that; final_node = that node, hops = hops;
/// - loop: the chain returns to a node already on it within 11 hops; hops = records followed
///   until it does; final_node = u;
/// - too_long: otherwise (11 hops without end, or u's chain passes through a node of such a
///   chain); hops = records followed, at most 11 ("more than 10"); final_node = u.
/// kind: the kinds of the records followed. Nodes without a record: final_node = u, hops 0,
/// state resolved. Deterministic; O(n · 11) time, O(n) memory.
/// @throws std::invalid_argument when the spans differ in size or next[u] >= n.
chain_resolution resolve_chains(span<const std::uint32_t> next, span<const std::uint8_t> is_redirect);

/// The URLs a web graph consolidated: one row per URL with a record in force, sorted by URL.
/// Columns as in redirects.csv and WebGraph.redirects.
struct redirect_table {
    string_table urls;        ///< the URL with the record (normalised)
    string_table final_urls;  ///< its final URL (resolved), else the URL itself
    linkequity::detail::buffer<std::uint8_t> hops;
    linkequity::detail::buffer<redirect_kind> kinds;
    linkequity::detail::buffer<redirect_state> states;

    std::size_t size() const noexcept { return urls.size(); }
    bool empty() const noexcept { return urls.empty(); }
};

/// Writes `t` as CSV to `out` (in pieces): header `url,final_url,kind,hops,status`, then one
/// row per entry in table order; fields quoted as io::append_csv_field does. O(table size).
void write_redirects_csv(const redirect_table& t,
                         const std::function<void(std::string_view)>& out);

}  // namespace linkequity::web
