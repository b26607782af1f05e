// SPDX-License-Identifier: MIT
// `linkequity score`: link files (or a web snapshot) → web graph (→ disavow) → page / domain
// (/ host) authority → pages.csv, domains.csv (, hosts.csv) in --out DIR, all renamed into place
// together; a top-20 domains table and timings on stdout.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <numeric>

#include "command.hpp"
#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/authority.hpp"
#include "inputs.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli {
namespace {

struct score_args {
    link_inputs in;        ///< LINKS, --format, --skip-bad, --icann-only
    std::string snapshot;  ///< --snapshot FILE instead of LINKS
    std::string out_dir;
    std::string disavow, owner;
    web::authority_options options;  ///< --damping, ..., --hosts (authority_options::fields)
    std::vector<std::string> position_weights;
    bool position_weights_given = false;
    std::size_t top = 20;
};

double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Node ids by rank (best first, ties by id): the row order of the CSV files.
std::vector<node_id> by_rank(const web::authority_table& t) {
    std::vector<node_id> order(t.size());
    std::iota(order.begin(), order.end(), node_id{0});
    std::sort(order.begin(), order.end(), [&](node_id a, node_id b) {
        return t.rank[a] != t.rank[b] ? t.rank[a] < t.rank[b] : a < b;
    });
    return order;
}

void append_stats(std::string& s, const web::authority_table& t, node_id x) {
    fmt::format_to(std::back_inserter(s), ",{:.9e},{:.3f},{},{},{},{},{},{},{},{}", t.score[x],
                   t.authority[x], t.rank[x], t.backlinks[x], t.followable_backlinks[x],
                   t.referring_pages[x], t.referring_domains[x],
                   t.followable_referring_domains[x], t.outgoing_links[x],
                   t.followable_outgoing_links[x]);
}

constexpr const char* stat_columns =
    "score,authority,rank,backlinks,followable_backlinks,referring_pages,referring_domains,"
    "followable_referring_domains,outgoing_links,followable_outgoing_links";

void write_pages(atomic_output& out, const web::web_graph& g, const web::authority_table& t) {
    out.write(fmt::format("url,host,domain,{}\n", stat_columns));
    std::string s;
    for (node_id p : by_rank(t)) {
        append_csv_field(s, g.page_url(p));
        s.push_back(',');
        append_csv_field(s, g.host_name(g.host_of(p)));
        s.push_back(',');
        append_csv_field(s, g.domain_name(g.domain_of(p)));
        append_stats(s, t, p);
        s.push_back('\n');
        if (s.size() > (1u << 20)) {
            out.write(s);
            s.clear();
        }
    }
    out.write(s);
}

void write_hosts(atomic_output& out, const web::web_graph& g, const web::authority_table& t) {
    out.write(fmt::format("host,domain,{},pages\n", stat_columns));
    std::string s;
    for (node_id h : by_rank(t)) {
        append_csv_field(s, g.host_name(h));
        s.push_back(',');
        append_csv_field(s, g.domain_name(g.domain_of_host(h)));
        append_stats(s, t, h);
        fmt::format_to(std::back_inserter(s), ",{}\n", g.host_pages(h).second - g.host_pages(h).first);
    }
    out.write(s);
}

void write_domains(atomic_output& out, const web::web_graph& g, const web::authority_table& t,
                   const std::vector<std::uint64_t>& hosts, const std::vector<std::uint64_t>& pages) {
    out.write(fmt::format("domain,{},hosts,pages\n", stat_columns));
    std::string s;
    for (node_id d : by_rank(t)) {
        append_csv_field(s, g.domain_name(d));
        append_stats(s, t, d);
        fmt::format_to(std::back_inserter(s), ",{},{}\n", hosts[d], pages[d]);
    }
    out.write(s);
}

void print_level(const char* name, const web::authority_table& t) {
    fmt::print("{:<13}{} nodes, {} edges: {} iterations, residual {:.2e}, {}{}\n", name,
               thousands(t.nodes), thousands(t.edges), t.iterations, t.residual,
               duration(t.seconds), t.converged ? "" : "  NOT CONVERGED");
    if (!t.converged)
        fmt::print(stderr,
                   "linkequity: warning: {} did not converge in {} iterations (residual {:.2e}); "
                   "raise --max-iterations or --tolerance\n",
                   name, t.iterations, t.residual);
}

/// The web graph of LINKS or of --snapshot, with the "input" line printed.
web::web_graph read_input(const score_args& a) {
    if (!a.snapshot.empty()) {
        web::web_graph g = web::web_graph::open_snapshot(a.snapshot);
        fmt::print("input        web snapshot {} ({} rows when built, {} skipped, {} non-web "
                   "targets)\n",
                   a.snapshot, thousands(g.stats().rows), thousands(g.stats().bad_rows),
                   thousands(g.stats().non_web_targets));
        if (g.build_psl_version() != g.suffix_list().version())
            fmt::print(stderr,
                       "linkequity: note: {}: domains were assigned with PSL {}; the list "
                       "loaded now is {} (used only for --owner)\n",
                       a.snapshot, g.build_psl_version(), g.suffix_list().version());
        return g;
    }
    web::web_graph g = read_link_files(a.in);
    const auto& st = g.stats();
    fmt::print("input        {} file{}, {} rows, {} skipped, {} non-web targets\n",
               a.in.paths.size(), a.in.paths.size() == 1 ? "" : "s", thousands(st.rows),
               thousands(st.bad_rows), thousands(st.non_web_targets));
    if (st.bad_rows > 0)
        for (const auto& r : st.reports)
            for (const auto& [reason, n] : r.skipped_by_reason)
                fmt::print(stderr, "linkequity: warning: {}: skipped {} row{}: {}\n", r.path,
                           thousands(n), n == 1 ? "" : "s", reason);
    return g;
}

void run(const score_args& a) {
    const auto t_all = std::chrono::steady_clock::now();
    if (a.in.paths.empty() == a.snapshot.empty())
        throw std::invalid_argument("score: give link files (LINKS) or --snapshot FILE");
    require_input_files(a.snapshot.empty() ? a.in.paths : std::vector<std::string>{a.snapshot});
    if (!a.disavow.empty()) require_input_files({a.disavow});
    if (!a.owner.empty() && a.disavow.empty())
        throw std::invalid_argument("score: --owner needs --disavow FILE");

    web::authority_options ao = a.options;
    if (a.position_weights_given) {
        ao.use_position_weights = true;
        for (const auto& spec : a.position_weights)
            if (!spec.empty() && spec != "default") ao.positions = web::position_weights::parse(spec);
    }
    ao.validate();  // bad options fail before the (long) read
    web::disavow_list disavow;
    if (!a.disavow.empty()) disavow = web::disavow_list::read(a.disavow, a.in.skip_bad);

    // Read.
    auto t0 = std::chrono::steady_clock::now();
    web::web_graph g = read_input(a);
    const double t_read = since(t0);
    const auto& st = g.stats();
    fmt::print("web graph    {} pages, {} hosts, {} domains, {} links ({:.1f}% internal)\n",
               thousands(g.num_pages()), thousands(g.num_hosts()), thousands(g.num_domains()),
               thousands(g.num_links()),
               g.num_links() ? 100.0 * double(st.internal_links) / double(g.num_links()) : 0.0);

    if (!a.disavow.empty()) {
        const web::disavow_application d = web::apply_disavow(g, disavow, a.owner);
        if (!d.owner_found)
            fmt::print(stderr, "linkequity: warning: owner domain {} has no pages in the input; "
                               "nothing disavowed\n", d.owner_domain);
        fmt::print("disavow      {}: {} domains, {} URLs; {} links disavowed ({} in scope{})\n",
                   a.disavow, disavow.num_domains(), disavow.num_urls(),
                   thousands(d.links_disavowed), thousands(d.links_in_scope),
                   d.owner_domain.empty() ? "" : ", into " + d.owner_domain);
        for (const auto& s : disavow.report().skipped)
            fmt::print(stderr, "linkequity: warning: {}:{}: skipped: {}\n", a.disavow, s.line,
                       s.reason);
    }

    // Score.
    t0 = std::chrono::steady_clock::now();
    const web::authority_result r = web::compute_authority(g, ao);
    const double t_score = since(t0);
    print_level("page rank", r.pages);
    print_level("domain rank", r.domains);
    if (a.options.compute_hosts) print_level("host rank", r.hosts);

    // Write: every file to a temporary name first, then all renamed.
    t0 = std::chrono::steady_clock::now();
    std::filesystem::create_directories(a.out_dir);
    const std::filesystem::path dir(a.out_dir);
    std::vector<std::uint64_t> dom_hosts(g.num_domains()), dom_pages(g.num_domains());
    for (node_id h = 0; h < g.num_hosts(); ++h) {
        ++dom_hosts[g.domain_of_host(h)];
        dom_pages[g.domain_of_host(h)] += g.host_pages(h).second - g.host_pages(h).first;
    }
    atomic_output pages(dir / "pages.csv"), domains(dir / "domains.csv");
    write_pages(pages, g, r.pages);
    write_domains(domains, g, r.domains, dom_hosts, dom_pages);
    std::vector<atomic_output*> outs = {&pages, &domains};
    std::unique_ptr<atomic_output> hosts;
    if (a.options.compute_hosts) {
        hosts = std::make_unique<atomic_output>(dir / "hosts.csv");
        write_hosts(*hosts, g, r.hosts);
        outs.push_back(hosts.get());
    }
    commit_all(outs);
    const double t_write = since(t0);
    fmt::print("wrote        {}{}\n", (dir / "pages.csv").string(),
               fmt::format(", {}{}", (dir / "domains.csv").string(),
                           a.options.compute_hosts ? ", " + (dir / "hosts.csv").string() : ""));

    // Top domains.
    const auto order = by_rank(r.domains);
    const std::size_t k = std::min(a.top, order.size());
    if (k > 0) {
        std::size_t width = 6;
        for (std::size_t i = 0; i < k; ++i) width = std::max(width, g.domain_name(order[i]).size());
        fmt::print("\ntop {} domains by authority\n{:>5}  {:<{}}  {:>9}  {:>12}  {:>9}  {:>10}\n", k,
                   "rank", "domain", width, "authority", "score", "ref.dom.", "backlinks");
        for (std::size_t i = 0; i < k; ++i) {
            const node_id d = order[i];
            fmt::print("{:>5}  {:<{}}  {:>9.2f}  {:>12.4e}  {:>9}  {:>10}\n", r.domains.rank[d],
                       g.domain_name(d), width, r.domains.authority[d], r.domains.score[d],
                       thousands(r.domains.followable_referring_domains[d]),
                       thousands(r.domains.backlinks[d]));
        }
    }
    fmt::print("\ntimings      read {}, graphs {}, pagerank {}, counts {}, write {}, total {}\n",
               duration(t_read), duration(r.seconds_graphs),
               duration(r.pages.seconds + r.domains.seconds + r.hosts.seconds),
               duration(r.seconds_counts), duration(t_write), duration(since(t_all)));
    (void)t_score;
}

const command_registrar reg{10, [](CLI::App& app) {
    auto a = std::make_shared<score_args>();
    CLI::App* cmd = app.add_subcommand(
        "score",
        "Page and domain authority of the links in LINKS files (or a web snapshot) → CSV files "
        "in --out DIR");
    cmd->footer(R"(Input: link exports (CSV/TSV, gzip OK): generic (source,target[,anchor,rel,position,
first seen,last seen]), Screaming Frog "All Inlinks", Ahrefs or Majestic backlinks; the format is
recognised from the header unless --format is given. URLs are normalised; relative targets are
resolved against the source page; mailto:/tel:/javascript: targets are counted, not pages.
Or --snapshot FILE: a web snapshot written by `linkequity snapshot --web LINKS --out FILE`,
opened without parsing (memory-mapped, checksums verified); the output files are the same, byte
for byte, as scoring the links it was built from (its --format/--skip-bad/--icann-only apply).

Scores (DESIGN.md): page authority is PageRank over all followable page links (internal and
external; parallel links count once; nofollow, sponsored, ugc and disavowed links pass nothing).
Domain authority is PageRank over registrable domains (Public Suffix List, private section
included unless --icann-only): D1 -> D2 when a page of D1 has a followable link to a page of D2.

Output files (rows best first; the same columns in every file):
  pages.csv    url, host, domain, then the columns below
  domains.csv  domain, the columns below, hosts, pages
  hosts.csv    (--hosts) host, domain, the columns below, pages
  score                raw PageRank; all scores of a file sum to 1
  authority            0-100, logarithmic (scale version 1): 100*ln(score/f)/ln(max/f), where
                       f is the score of a node that no followable link reaches: such nodes
                       are 0, the strongest is 100; compare two runs by raw score, not this
  rank                 1 = best; equal scores share a rank
  backlinks            links into the node from outside it (pages: from any other page)
  followable_backlinks the backlinks that pass authority
  referring_pages      distinct linking pages outside the node
  referring_domains    distinct linking registrable domains other than the node's own
  followable_referring_domains  the same, counting followable links only
  outgoing_links       links from the node to pages outside it (followable_outgoing_links)
Files are written under temporary names and renamed only when all are complete.

Exit codes: 0 success; 1 bad input data (file:line: reason; --skip-bad skips and counts such
rows instead); 2 bad command line or option; 3 a file could not be read or written;
4 internal error.)");
    auto* links = cmd->add_option("LINKS", a->in.paths, "Link files");
    auto* snap = cmd->add_option(
        "--snapshot", a->snapshot, "Web snapshot to score instead of LINKS (snapshot --web)");
    snap->excludes(links);
    cmd->add_option("--out,-o", a->out_dir, "Output directory (created if missing)")->required();
    const auto reading = add_link_input_options(
        *cmd, a->in, "Skip and count bad rows (and bad disavow lines) instead of stopping");
    // --format and --icann-only were fixed when the snapshot was made.
    snap->excludes(reading.format);
    snap->excludes(reading.icann_only);
    cmd->add_option("--disavow", a->disavow, "Google disavow file to apply");
    cmd->add_option("--owner", a->owner,
                    "Apply the disavow file only to links into this domain (as Search Console)");
    add_option_flags(*cmd, a->options, "score");
    cmd->add_flag_callback(
           "--evaporate",
           [a] { a->options.pagerank.excluded_links = excluded_link_mode::evaporate; },
           "Same as --excluded-links evaporate")
        ->excludes("--excluded-links");
    cmd->add_option("--position-weights", a->position_weights,
                    "Reasonable-surfer weights by link position; alone: the defaults "
                    "content=1,sidebar=0.5,navigation=0.3,header=0.3,footer=0.2,unknown=1; or "
                    "e.g. footer=0.1,sidebar=0.4")
        ->expected(0, 1)
        ->each([a](const std::string&) { a->position_weights_given = true; });
    cmd->add_option("--top", a->top, "Domains in the table printed")->capture_default_str();
    add_threads_option(*cmd);
    cmd->callback([a, cmd] {
        if (cmd->count("--position-weights") > 0) a->position_weights_given = true;
        run(*a);
    });
}};

}  // namespace
}  // namespace linkequity::cli
