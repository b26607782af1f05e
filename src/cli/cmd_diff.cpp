// SPDX-License-Identifier: MIT
// `linkequity diff BEFORE AFTER --out DIR`: two link files or web snapshots → links_new.csv,
// links_lost.csv and domains.csv (referring domains gained and lost, authority before, after and
// the change), written under temporary names and renamed together; a summary on stdout.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/web_diff.hpp"
#include "linkequity/web/authority.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_diff {
namespace {

struct diff_args {
    link_inputs in;  ///< --format, --skip-bad, --icann-only for link files
    std::string before, after, out_dir;
    web::authority_options options;
    std::size_t top = 10;
};

bool is_snapshot(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    char head[8] = {};
    f.read(head, sizeof head);
    return f.gcount() == 8 && std::string_view(head, 8) == std::string_view("LNKEQTY\0", 8);
}

web::web_graph load(const diff_args& a, const std::string& path) {
    if (is_snapshot(path)) return web::web_graph::open_snapshot(path);
    link_inputs in = a.in;
    in.paths = {path};
    return read_link_files(in);
}

void write_files(const diff_args& a, const web::web_graph& before, const web::web_graph& after,
                 const analysis::web_diff_result& r) {
    const std::filesystem::path dir(a.out_dir);
    std::filesystem::create_directories(dir);
    atomic_output fresh(dir / "links_new.csv"), lost(dir / "links_lost.csv"),
        domains(dir / "domains.csv");
    analysis::write_link_changes_csv(r.new_links, after, [&](std::string_view s) { fresh.write(s); });
    analysis::write_link_changes_csv(r.lost_links, before, [&](std::string_view s) { lost.write(s); });
    analysis::write_domain_changes_csv(r.domains, before, after,
                                       [&](std::string_view s) { domains.write(s); });
    commit_all({&fresh, &lost, &domains});
    fmt::print("wrote        {}, {}, {}\n", (dir / "links_new.csv").string(),
               (dir / "links_lost.csv").string(), (dir / "domains.csv").string());
}

void print_top(const web::web_graph& before, const web::web_graph& after,
               const analysis::web_diff_result& r, std::size_t top) {
    const std::size_t k = std::min(top, r.domains.size());
    if (k == 0) return;
    fmt::print("\ntop {} domains by authority change\n{:<32} {:>9} {:>9} {:>8} {:>7} {:>7}\n", k,
               "domain", "before", "after", "change", "gained", "lost");
    for (std::size_t i = 0; i < k; ++i) {
        const auto& d = r.domains[i];
        const auto name = d.after != d.absent ? after.domain_name(d.after) : before.domain_name(d.before);
        fmt::print("{:<32} {:>9.2f} {:>9.2f} {:>+8.2f} {:>7} {:>7}\n", name, d.authority_before,
                   d.authority_after, d.authority_after - d.authority_before, d.gained, d.lost);
    }
}

void run(const diff_args& a) {
    require_input_files({a.before, a.after});
    a.options.validate();
    const web::web_graph before = load(a, a.before);
    const web::web_graph after = load(a, a.after);
    const web::authority_result sb = web::compute_authority(before, a.options);
    const web::authority_result sa = web::compute_authority(after, a.options);
    const auto r = analysis::web_diff(before, after, sb.domains, sa.domains,
                                      a.options.pagerank.excluded);
    std::uint64_t gained = 0, lost = 0;
    for (const auto& d : r.domains) {
        gained += d.gained;
        lost += d.lost;
    }
    fmt::print("diff         {} → {}: {} new link pairs, {} lost; {} referring-domain links "
               "gained, {} lost over {} domains\n", a.before, a.after, thousands(r.new_links.size()),
               thousands(r.lost_links.size()), thousands(gained), thousands(lost),
               thousands(r.domains.size()));
    write_files(a, before, after, r);
    print_top(before, after, r, a.top);
}

const command_registrar reg{45, [](CLI::App& app) {
    auto a = std::make_shared<diff_args>();
    CLI::App* cmd = app.add_subcommand(
        "diff", "What changed between two link sets (files or web snapshots) → CSV files in --out DIR");
    cmd->footer(R"(BEFORE and AFTER: link files (any format `score` reads) or web snapshots (recognised by
their first bytes). Links are keyed by (source URL, target URL) after normalisation.
  links_new.csv   pairs only AFTER has: source, target, source_domain, target_domain, links
                  (parallel link rows), followable_links
  links_lost.csv  pairs only BEFORE has (same columns)
  domains.csv     every domain of either: domain, status (kept/new/dropped),
                  referring_domains_before/_after/_gained/_lost (distinct other domains with
                  any link into it), score_before/_after/_change (raw domain PageRank),
                  authority_before/_after/_change (0-100); by authority_change, then name
A pair present in both is neither new nor lost, even if its rel or count changed.
Exit codes: 0 success; 1 bad input data; 2 bad command line; 3 a file could not be read or written.)");
    cmd->add_option("BEFORE", a->before, "Links (or web snapshot) before")->required();
    cmd->add_option("AFTER", a->after, "Links (or web snapshot) after")->required();
    cmd->add_option("--out,-o", a->out_dir, "Output directory (created if missing)")->required();
    cmd->add_option("--top", a->top, "Domains printed")->capture_default_str();
    add_link_input_options(*cmd, a->in, "Skip and count bad rows instead of stopping");
    add_option_flags(*cmd, a->options, "diff");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_diff
