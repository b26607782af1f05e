// SPDX-License-Identifier: MIT
// `linkequity explain TARGET LINKS...`: where a domain's (or page's) authority score comes from:
// every other domain (page) with its all-paths contribution, share, one-hop share, links into
// the target and own authority (analysis/explain.hpp); a table on stdout, or --out FILE.csv.
#include <fmt/format.h>

#include <memory>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/explain.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_explain {
namespace {

struct explain_args {
    std::string target;
    link_inputs in;
    std::string level = "domain";
    std::string out;
    analysis::explain_options options;  ///< --damping, ..., --domain-weights
};

std::string_view row_name(const web::web_graph& g, const analysis::explain_result& r, node_id n) {
    return r.level == analysis::explain_level::page ? g.page_url(n) : g.domain_name(n);
}

void print_table(const web::web_graph& g, const analysis::explain_result& r) {
    const char* what = r.level == analysis::explain_level::page ? "page" : "domain";
    fmt::print("explain      {} {}: score {:.4e}, authority {:.2f}\n", what, r.target_name,
               r.score, r.authority);
    fmt::print("             {} contributors ({} link to it); the target's own restarts {:.1f}%, "
               "restart term {:.1f}%, one hop {:.1f}%\n",
               thousands(r.contributors), thousands(r.referrers), 100 * r.self / r.score,
               100 * r.restart / r.score, 100 * r.one_hop_total / r.score);
    if (!r.converged)
        fmt::print(stderr, "linkequity: warning: explain did not converge; raise "
                           "--max-iterations or --tolerance\n");
    std::size_t width = 6;
    for (const auto& row : r.rows) width = std::max(width, row_name(g, r, row.node).size());
    width = std::min<std::size_t>(width, 60);
    fmt::print("\n{:<{}}  {:>12}  {:>7}  {:>12}  {:>6}  {:>10}  {:>9}\n", what, width, "all_paths",
               "share", "one_hop", "links", "followable", "authority");
    for (const auto& row : r.rows)
        fmt::print("{:<{}}  {:>12.4e}  {:>6.2f}%  {:>12.4e}  {:>6}  {:>10}  {:>9.2f}\n",
                   row_name(g, r, row.node), width, row.all_paths, 100 * row.share, row.one_hop,
                   row.links, row.followable, row.authority);
}

void write_csv_file(const std::string& path, const web::web_graph& g,
                    const analysis::explain_result& r) {
    atomic_output out(path);
    std::string s = r.level == analysis::explain_level::page ? "url" : "domain";
    s += ",all_paths,share,one_hop,links,followable,authority,score\n";
    for (const auto& row : r.rows) {
        io::append_csv_field(s, row_name(g, r, row.node));
        fmt::format_to(std::back_inserter(s), ",{:.9e},{:.6f},{:.9e},{},{},{:.3f},{:.9e}\n",
                       row.all_paths, row.share, row.one_hop, row.links, row.followable,
                       row.authority, row.score);
    }
    out.write(s);
    out.commit();
    fmt::print("wrote        {} ({} rows)\n", path, thousands(r.rows.size()));
}

void run(explain_args& a) {
    a.options.level = analysis::parse_explain_level(a.level);
    a.options.validate();  // bad options fail before the (long) read
    const web::web_graph g = read_link_files(a.in);
    const analysis::explain_result r = analysis::explain(g, a.target, a.options);
    if (a.out.empty()) print_table(g, r);
    else write_csv_file(a.out, g, r);
}

const command_registrar reg{45, [](CLI::App& app) {
    auto a = std::make_shared<explain_args>();
    CLI::App* cmd = app.add_subcommand(
        "explain", "Where a domain's (or page's) authority score comes from");
    cmd->footer(
        "With x the scores of the domain (page) graph, as `score` computes them, and s_j the\n"
        "restart mass of node j (teleport plus its share of dangling and evaporated score):\n"
        "  all_paths  c_j = s_j * N_jt, N = (I - alpha T)^-1: the part of the target's score\n"
        "             brought by surfers who restart at j, over links of any length; the\n"
        "             contributions of all nodes (the target's own included) add up to its score\n"
        "  share      all_paths / the target's score\n"
        "  one_hop    alpha * x_j * w_jt / out(j): what j passes over its own links in one step\n"
        "  links, followable  link rows from j into the target (any rel / followable)\n"
        "  authority  j's own 0-100 authority\n"
        "Rows: every other domain (page) with a contribution or a link, best first: all_paths,\n"
        "then one_hop, then links (descending), then id. docs/explain.md has the equations.\n"
        "Exit codes: 0 success; 1 bad input data; 2 bad command line (unknown target, bad\n"
        "level); 3 a file could not be read or written.");
    cmd->add_option("TARGET", a->target, "Target domain (or page URL with --level page)")
        ->required();
    cmd->add_option("LINKS", a->in.paths, "Link files")->required();
    cmd->add_option("--level", a->level, "domain or page")
        ->check(CLI::IsMember({"domain", "page"}))
        ->capture_default_str();
    cmd->add_option("--top", a->options.top, "Rows kept, best first (0 = all)")
        ->capture_default_str();
    cmd->add_option("--out,-o", a->out, "CSV file for the rows (else a table on stdout)");
    add_link_input_options(*cmd, a->in, "Skip and count bad rows instead of stopping");
    add_option_flags(*cmd, a->options, "explain");
    cmd->add_flag_callback(
           "--evaporate",
           [a] { a->options.authority.pagerank.excluded_links = excluded_link_mode::evaporate; },
           "Same as --excluded-links evaporate")
        ->excludes("--excluded-links");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_explain
