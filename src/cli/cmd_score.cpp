// SPDX-License-Identifier: MIT
// `linkequity score`: link files (or a web snapshot) → web graph (→ disavow) → page / domain
// (/ host) authority → pages.csv, domains.csv (, hosts.csv) in --out DIR, all renamed into place
// together; a top-20 domains table and timings on stdout.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include "command.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/harmonic_column.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/topics.hpp"
#include "inputs.hpp"
#include "option_flags.hpp"
#include "output.hpp"
#include "pass_progress.hpp"
#include "site_files.hpp"
#include "score_trust.hpp"
#include "score_what_if.hpp"

namespace linkequity::cli::cmd_score {
namespace {

struct score_args {
    link_inputs in;        ///< LINKS, --format, --skip-bad, --icann-only
    std::string snapshot;  ///< --snapshot FILE instead of LINKS
    std::string out_dir;
    std::string disavow, owner;
    std::string topics;  ///< --topics FILE.csv (domain,topic)
    std::string what_if, what_if_disavow;  ///< --what-if EDITS, --what-if-disavow FILE
    web::authority_options options;  ///< --damping, ..., --hosts (authority_options::fields)
    std::size_t top = 20;
    std::string site;  ///< --site: also the internal authority of this domain or host
    trust_args trust;  ///< --trusted, --spam (score_trust.hpp)
    bool harmonic = false;  ///< --harmonic: a harmonic column in domains.csv (and hosts.csv)
};

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
    link_inputs in = a.in;
    in.anchors = !a.what_if.empty();  // the scores use no anchor text (a what-if run keeps them)
    web::web_graph g = read_link_files(in);
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

/// Seconds of the passes the CLI times itself (the library reports the others).
struct score_timings {
    double read = 0, write = 0;
};

/// The "redirects" line: what consolidation did (docs/redirects.md).
void print_redirects(const web::web_graph_stats& st) {
    fmt::print("redirects    {} resolved, {} loops, {} too long (> {} hops); {} links "
               "re-pointed, {} merged{}\n",
               thousands(st.redirects_resolved), thousands(st.redirect_loops),
               thousands(st.redirects_too_long), web::max_redirect_hops,
               thousands(st.links_repointed), thousands(st.links_merged),
               st.conflicting_records
                   ? fmt::format("; {} conflicting records ignored",
                                 thousands(st.conflicting_records))
                   : std::string());
}

/// The "reading" line: what the read time was spent on (a link file only; a snapshot has no
/// such stages). With 2+ threads normalising and interning overlap the parsing.
void print_read_stages(const web::web_graph_stats& st) {
    if (st.seconds_number == 0) return;
    const std::string intern =
        st.seconds_intern_ahead > 0 ? fmt::format("{} in shards + {} in order",
                                                  duration(st.seconds_intern_ahead),
                                                  duration(st.seconds_intern))
                                    : duration(st.seconds_intern);
    fmt::print("reading      normalise {}, intern {}{}, number {}\n",
               duration(st.seconds_normalize), intern,
               detail::max_threads() > 1 ? " (beside the parsing)" : "",
               duration(st.seconds_number));
}

/// Read pass: the web graph of LINKS or --snapshot, with the "input" and "web graph" lines.
web::web_graph read_pass(const score_args& a, score_timings& times) {
    detail::stopwatch timer;
    web::web_graph g = read_input(a);
    times.read = timer.seconds();
    const auto& st = g.stats();
    fmt::print("web graph    {} pages, {} hosts, {} domains, {} links ({:.1f}% internal)\n",
               thousands(g.num_pages()), thousands(g.num_hosts()), thousands(g.num_domains()),
               thousands(g.num_links()),
               g.num_links() ? 100.0 * double(st.internal_links) / double(g.num_links()) : 0.0);
    if (!g.redirects().empty()) print_redirects(st);
    return g;
}

/// Disavow pass: flags the links the disavow file matches (into --owner's domain, or all).
void disavow_pass(const score_args& a, const web::disavow_list& disavow, web::web_graph& g) {
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

/// Authority pass: page, domain (and host) authority, one line per level.
web::authority_result authority_pass(const web::web_graph& g, const web::authority_options& ao,
                                     bool hosts) {
    web::authority_result r;
    {
        progress_bar bar("page graph", 0, progress_style::fraction);
        r = web::compute_authority(g, with_progress(ao, bar));
    }
    print_level("page rank", r.pages);
    print_level("domain rank", r.domains);
    if (hosts) print_level("host rank", r.hosts);
    return r;
}

/// The tables of the output files (hosts empty without --hosts).
struct score_tables {
    web::score_table pages, domains;
    std::optional<web::score_table> hosts;
};

/// Tables pass: the rows and columns of every file, from the library's table layer (the same
/// tables as Python's DataFrames). Moves the per-node vectors out of `r`.
score_tables tables_pass(const web::web_graph& g, web::authority_result& r, bool hosts) {
    score_tables t{web::make_score_table(g, web::table_level::pages, std::move(r.pages)),
                   web::make_score_table(g, web::table_level::domains, std::move(r.domains)),
                   std::nullopt};
    if (hosts) t.hosts = web::make_score_table(g, web::table_level::hosts, std::move(r.hosts));
    return t;
}

/// " page 62" (", domain 25" after the first level) for a level's topic batches' passes; one
/// warning on stderr when some topics of the level did not converge, as print_level warns for
/// one PageRank.
std::string topic_passes(const char* level, const topic_pagerank_result& r, bool first) {
    std::size_t missed = 0, worst = 0;
    for (std::size_t t = 0; t < r.num_topics(); ++t)
        if (!r.converged[t] && (missed++ == 0 || r.residual[t] > r.residual[worst])) worst = t;
    if (missed > 0)
        fmt::print(stderr,
                   "linkequity: warning: {} of {} topics did not converge at {} level in {} "
                   "iterations (largest residual {:.2e}, topic '{}'); raise --max-iterations or "
                   "--tolerance\n",
                   missed, r.num_topics(), level, r.iterations[worst], r.residual[worst],
                   r.topics[worst]);
    return fmt::format("{} {} {}", first ? "" : ",", level, r.passes);
}

/// Topics pass (--topics): a topic:<name> column per topic and top_topic in every table.
void topics_pass(const std::string& path, const web::topic_labels& labels,
                 const web::web_graph& g, const web::authority_options& ao, score_tables& t) {
    for (const auto& s : labels.skipped)
        fmt::print(stderr, "linkequity: warning: {}:{}: skipped: {}\n", path, s.line, s.reason);
    const detail::stopwatch timer;
    web::topic_scores s;
    {
        progress_bar bar("topics", 1000, progress_style::fraction);
        s = web::add_topic_columns(g, labels, with_progress(ao, bar), t.pages, t.domains,
                                   t.hosts ? &*t.hosts : nullptr);
    }
    std::string passes =
        topic_passes("page", s.pages, true) + topic_passes("domain", s.domains, false);
    if (t.hosts) passes += topic_passes("host", s.hosts, false);
    fmt::print("topics       {}: {} topics, {} labelled domains ({} not in the input), {}; "
               "passes:{}\n", path, labels.topics.size(), labels.domains.size(),
               s.unknown_domains.size(), duration(timer.seconds()), passes);
}

/// Harmonic pass (--harmonic): a `harmonic` column in the domain and host tables. Progress:
/// the exact method's rounds of BFS passes as a bar; HyperBall's iterations and the counters
/// that still change (it stops when none does: no total, no ETA).
void harmonic_pass(const web::web_graph& g, const web::authority_options& ao, score_tables& t) {
    harmonic_options o;
    o.excluded = ao.pagerank.excluded;
    progress_bar bar("harmonic", 0, progress_style::fraction);
    for (web::score_table* table : {&t.domains, t.hosts ? &*t.hosts : nullptr}) {
        if (!table) continue;
        bar.stage(fmt::format("harmonic, {}", web::table_level_name(table->level)), 0);
        const std::size_t n = table->size();
        o.progress = [&bar, n](const pagerank_progress& p) {
            if (p.max_iterations == n + 1) {  // HyperBall (harmonic_options::progress)
                bar.detail(fmt::format("iteration {}, {} counters changed", p.iteration,
                                       thousands(static_cast<std::uint64_t>(p.residual))));
            } else {
                bar.set_total(p.max_iterations);
                bar.update(p.iteration);
                bar.detail(fmt::format("{} of {} rounds of BFS passes", p.iteration,
                                       p.max_iterations));
            }
            return true;
        };
        const harmonic_result r = web::add_harmonic_column(g, *table, o);
        fmt::print("harmonic     {}: {}, {} {}, {}\n", web::table_level_name(table->level),
                   r.exact ? "exact" : fmt::format("HyperBall ({} registers, relative standard "
                                                   "error {:.3f})", r.registers,
                                                   r.relative_standard_error),
                   r.iterations, r.exact ? "levels" : "iterations", duration(r.seconds));
    }
}

/// Write pass: every file to a temporary name first, then all renamed together.
void write_pass(const score_args& a, const web::web_graph& g, const score_tables& t,
                score_timings& times) {
    detail::stopwatch timer;
    std::filesystem::create_directories(a.out_dir);
    const std::filesystem::path dir(a.out_dir);
    std::vector<std::unique_ptr<atomic_output>> files;
    progress_bar bar("writing rows", t.pages.size() + t.domains.size() + 2 +  // + headers
                                         (a.options.compute_hosts ? t.hosts->size() + 1 : 0));
    std::uint64_t lines = 0;  // written, headers included
    auto write = [&](const web::score_table& table, const char* name) {
        files.push_back(std::make_unique<atomic_output>(dir / name));
        atomic_output& out = *files.back();
        web::write_csv(table, g, [&out, &bar, &lines](std::string_view s) {
            out.write(s);
            lines += static_cast<std::uint64_t>(std::count(s.begin(), s.end(), '\n'));
            bar.update(lines);
        });
    };
    write(t.pages, "pages.csv");
    write(t.domains, "domains.csv");
    if (a.options.compute_hosts) write(*t.hosts, "hosts.csv");
    if (!g.redirects().empty()) {
        files.push_back(std::make_unique<atomic_output>(dir / "redirects.csv"));
        atomic_output& out = *files.back();
        web::write_redirects_csv(g.redirects(), [&out](std::string_view s) { out.write(s); });
    }
    std::vector<atomic_output*> outs;
    for (auto& f : files) outs.push_back(f.get());
    commit_all(outs);
    bar.finish();
    times.write = timer.seconds();
    fmt::print("wrote        {}{}\n", (dir / "pages.csv").string(),
               fmt::format(", {}{}", (dir / "domains.csv").string(),
                           a.options.compute_hosts ? ", " + (dir / "hosts.csv").string() : ""));
    if (!g.redirects().empty())
        fmt::print("wrote        {}\n", (dir / "redirects.csv").string());
}

/// Print pass: the `top` best domains (the first rows of the domain table).
void print_top_domains(const web::web_graph& g, const web::score_table& t, std::size_t top) {
    const std::size_t k = std::min(top, t.size());
    if (k == 0) return;
    const auto& rank = t.values<std::uint32_t>("rank");
    const auto& authority = t.values<double>("authority");
    const auto& score = t.values<double>("score");
    const auto& ref_domains = t.values<std::uint64_t>("followable_referring_domains");
    const auto& backlinks = t.values<std::uint64_t>("backlinks");
    std::size_t width = 6;
    for (std::size_t i = 0; i < k; ++i) width = std::max(width, g.domain_name(t.rows[i]).size());
    fmt::print("\ntop {} domains by authority\n{:>5}  {:<{}}  {:>9}  {:>12}  {:>9}  {:>10}\n", k,
               "rank", "domain", width, "authority", "score", "ref.dom.", "backlinks");
    for (std::size_t i = 0; i < k; ++i) {
        const node_id d = t.rows[i];
        fmt::print("{:>5}  {:<{}}  {:>9.2f}  {:>12.4e}  {:>9}  {:>10}\n", rank[d],
                   g.domain_name(d), width, authority[d], score[d], thousands(ref_domains[d]),
                   thousands(backlinks[d]));
    }
}

/// `score`: check the options, then the passes read input → disavow → authority → tables →
/// write → print.
void run(const score_args& a) {
    const detail::stopwatch total;
    score_timings times;
    if (a.in.paths.empty() == a.snapshot.empty())
        throw std::invalid_argument("score: give link files (LINKS) or --snapshot FILE");
    require_input_files(a.snapshot.empty() ? a.in.paths : std::vector<std::string>{a.snapshot});
    if (!a.disavow.empty()) require_input_files({a.disavow});
    if (!a.topics.empty()) require_input_files({a.topics});
    if (!a.owner.empty() && a.disavow.empty() && a.what_if_disavow.empty())
        throw std::invalid_argument("score: --owner needs --disavow FILE");
    if (!a.what_if_disavow.empty() && a.what_if.empty())
        throw std::invalid_argument("score: --what-if-disavow needs --what-if EDITS");
    if (!a.what_if.empty()) require_input_files({a.what_if});

    const web::authority_options& ao = a.options;
    ao.validate();  // bad options fail before the (long) read
    web::disavow_list disavow;
    if (!a.disavow.empty()) disavow = web::disavow_list::read(a.disavow, a.in.skip_bad);
    const trust_seeds seeds = read_trust_seeds(a.trust, a.in.skip_bad);
    web::topic_labels labels;  // --topics: read before the links, so bad rows fail fast
    if (!a.topics.empty()) labels = web::topic_labels::read(a.topics, a.in.skip_bad);

    web::web_graph g = read_pass(a, times);
    if (!a.disavow.empty()) disavow_pass(a, disavow, g);
    web::authority_result r = authority_pass(g, ao, a.options.compute_hosts);
    std::optional<what_if_run> what_if;  // --what-if: g and r become the edited graph's
    if (!a.what_if.empty())
        what_if = what_if_pass(a.what_if, a.what_if_disavow, a.owner, a.in.skip_bad, ao, g, r);
    std::optional<web::site_authority_result> site;  // of the (edited) graph; an unknown
    if (!a.site.empty()) site = site_pass(g, a.site, ao);  // site fails before writing
    score_tables tables = tables_pass(g, r, a.options.compute_hosts);
    trust_pass(g, ao, seeds, tables.pages, tables.domains, tables.hosts ? &*tables.hosts : nullptr);
    if (!a.topics.empty()) topics_pass(a.topics, labels, g, ao, tables);
    if (a.harmonic) harmonic_pass(g, ao, tables);
    write_pass(a, g, tables, times);
    if (what_if) write_what_if(a.out_dir, *what_if, g);
    if (site) write_site_files(g, *site, tables.pages, a.out_dir);
    print_top_domains(g, tables.domains, a.top);
    fmt::print("\ntimings      read {}, graphs {}, pagerank {}, counts {}, write {}, total {}\n",
               duration(times.read), duration(r.seconds_graphs),
               duration(r.pages.seconds + r.domains.seconds + r.hosts.seconds),
               duration(r.seconds_counts), duration(times.write), duration(total.seconds()));
    print_read_stages(g.stats());
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

Scores (docs/scores.md): page authority is PageRank over all followable page links (internal and
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
  redirects.csv  (when the input has redirect / canonical records) url, final_url, kind
                 (redirect|canonical|mixed), hops, status (resolved|loop|too_long): resolved
                 URLs are not pages; their links and backlinks moved to the final URL
                 (docs/redirects.md; --redirects / --canonicals ignore turns it off)
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
    // --format and --icann-only were fixed when the snapshot was made; --parallel-intern is
    // about reading link files.
    snap->excludes(reading.format);
    snap->excludes(reading.icann_only);
    snap->excludes(reading.redirect_files);
    snap->excludes(reading.parallel_intern);
    cmd->add_option("--disavow", a->disavow, "Google disavow file to apply");
    cmd->add_option("--topics", a->topics,
                    "CSV of labelled domains (header domain,topic): adds topic:<name> and "
                    "top_topic columns (docs/topics.md)");
    cmd->add_option("--owner", a->owner,
                    "Apply the disavow file only to links into this domain (as Search Console)");
    cmd->add_option("--what-if", a->what_if,
                    "Edits CSV (link columns + action add|remove): write the scores after them, "
                    "warm-started, and *_delta.csv files (docs/what-if.md)");
    cmd->add_option("--what-if-disavow", a->what_if_disavow,
                    "With --what-if: a disavow file applied after the edits (--owner applies)");
    add_option_flags(*cmd, a->options, "score");
    cmd->add_flag_callback(
           "--evaporate",
           [a] { a->options.pagerank.excluded_links = excluded_link_mode::evaporate; },
           "Same as --excluded-links evaporate")
        ->excludes("--excluded-links");
    cmd->add_option("--top", a->top, "Domains in the table printed")->capture_default_str();
    cmd->add_option("--site", a->site,
                    "Also the internal authority of this site (a registrable domain, or a host): "
                    "site.csv, orphans.csv, dead_ends.csv (docs/site.md)");
    cmd->add_flag("--harmonic", a->harmonic,
                  "Add a harmonic column (harmonic centrality of the domain / host graph, "
                  "docs/centrality.md) to domains.csv and hosts.csv");
    add_threads_option(*cmd);
    add_trust_flags(*cmd, a->trust);
    cmd->callback([a, cmd] {
        run(*a);
    });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_score
