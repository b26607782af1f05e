// SPDX-License-Identifier: MIT
// `linkequity info`: what a set of link files holds once read as a web graph — pages, hosts,
// domains, links by rel and position, internal share, non-web targets, skipped rows, PSL version.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "command.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/web/web_graph.hpp"
#include "inputs.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_info {
namespace {

std::string pct(std::size_t k, std::size_t n) {
    return n ? fmt::format("{:.1f}%", 100.0 * double(k) / double(n)) : "-";
}

void run(const link_inputs& a) {
    detail::stopwatch t0;
    const web::web_graph g = read_link_files(a);
    const double secs = t0.seconds();
    const auto& st = g.stats();
    for (const auto& r : st.reports) {
        fmt::print("file         {} ({}): {} rows, {} links, {} skipped{}\n", r.path,
                   io::format_name(r.format), thousands(r.rows), thousands(r.links),
                   thousands(r.skipped),
                   r.resources ? fmt::format(", {} non-link resources", thousands(r.resources))
                               : std::string());
        for (const auto& [reason, n] : r.skipped_by_reason)
            fmt::print("  skipped    {} × {}\n", thousands(n), reason);
        for (const auto& e : r.examples) fmt::print("  e.g.       {}\n", e);
    }
    const std::size_t m = g.num_links();
    std::size_t follow = 0, nofollow = 0, sponsored = 0, ugc = 0;
    std::size_t pos[6] = {};
    for (std::size_t l = 0; l < m; ++l) {
        const edge_flags f = g.link_flags()[l];
        follow += (f & (flags::nofollow | flags::sponsored | flags::ugc)) == 0;
        nofollow += (f & flags::nofollow) != 0;
        sponsored += (f & flags::sponsored) != 0;
        ugc += (f & flags::ugc) != 0;
        ++pos[static_cast<int>(g.link_positions()[l])];
    }
    std::size_t max_host_pages = 0;
    for (node_id h = 0; h < g.num_hosts(); ++h)
        max_host_pages = std::max<std::size_t>(max_host_pages,
                                               g.host_pages(h).second - g.host_pages(h).first);
    fmt::print("rows         {} read, {} skipped as bad\n", thousands(st.rows), thousands(st.bad_rows));
    fmt::print("pages        {}\nhosts        {} (largest: {} pages)\ndomains      {}\n",
               thousands(g.num_pages()), thousands(g.num_hosts()), thousands(max_host_pages),
               thousands(g.num_domains()));
    fmt::print("links        {} page-to-page ({} self-links)\n", thousands(m),
               thousands(st.self_links));
    fmt::print("  internal   {} ({})\n  external   {} ({})\n", thousands(st.internal_links),
               pct(st.internal_links, m), thousands(m - st.internal_links),
               pct(m - st.internal_links, m));
    fmt::print("  rel        follow {} ({}), nofollow {} ({}), sponsored {} ({}), ugc {} ({})\n",
               thousands(follow), pct(follow, m), thousands(nofollow), pct(nofollow, m),
               thousands(sponsored), pct(sponsored, m), thousands(ugc), pct(ugc, m));
    fmt::print("  position   ");
    const char* sep = "";
    for (auto p : {link_position::content, link_position::navigation, link_position::header,
                   link_position::footer, link_position::sidebar, link_position::unknown}) {
        fmt::print("{}{} {} ({})", sep, web::position_name(p), thousands(pos[static_cast<int>(p)]),
                   pct(pos[static_cast<int>(p)], m));
        sep = ", ";
    }
    fmt::print("\n  anchors    {} distinct texts{}\n", thousands(g.num_anchors() - 1),
               g.has_dates() ? ", first/last seen dates present" : "");
    if (st.redirect_records + st.canonical_records > 0)
        fmt::print("redirects    {} redirect and {} canonical records ({} conflicting): {} URLs "
                   "resolved, {} loops, {} too long; {} links re-pointed, {} merged\n",
                   thousands(st.redirect_records), thousands(st.canonical_records),
                   thousands(st.conflicting_records), thousands(st.redirects_resolved),
                   thousands(st.redirect_loops), thousands(st.redirects_too_long),
                   thousands(st.links_repointed), thousands(st.links_merged));
    fmt::print("non-web      {} targets (not pages)", thousands(st.non_web_targets));
    for (const auto& [scheme, n] : st.non_web_by_scheme) fmt::print(", {} {}", scheme, thousands(n));
    fmt::print("\npsl          {} ({})\n", g.suffix_list().version(),
               psl_sections_name(g.suffix_list().sections()));
    fmt::print("memory       {:.1f} MB, read in {}\n", double(g.memory_bytes()) / 1e6, duration(secs));
}

const command_registrar reg{30, [](CLI::App& app) {
    auto a = std::make_shared<link_inputs>();
    CLI::App* cmd = app.add_subcommand("info", "Statistics of link files read as a web graph");
    cmd->footer(
        "Reads LINKS like `score` does and prints: per file the format recognised, rows, links\n"
        "and skipped rows (by reason, with examples); pages, hosts, registrable domains; links\n"
        "by internal/external (same registrable domain = internal), by rel (a link can carry\n"
        "several) and by position; distinct anchors; non-web targets (mailto:, tel:,\n"
        "javascript: …, which are not pages); redirect / canonical records and what\n"
        "consolidation did (docs/redirects.md); the Public Suffix List used. Nothing is written.\n"
        "Exit codes: 0 success; 1 bad input data (file:line: reason); 2 bad command line;\n"
        "3 a file could not be read; 4 internal error.");
    cmd->add_option("LINKS", a->paths, "Link files")->required();
    add_link_input_options(*cmd, *a, "Skip and count bad rows instead of stopping");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_info
