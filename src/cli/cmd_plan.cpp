// SPDX-License-Identifier: MIT
// `linkequity plan`: which new followable link would raise TARGET's authority most (every
// candidate's exact gain, docs/planning.md), and a greedy plan of --links K links re-scored after
// each pick (--site: internal links of one site). Tables on stdout; the ranking as CSV with --out,
// the plan with --plan-out.
#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <stdexcept>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/plan.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_plan {
namespace {

struct plan_args {
    link_inputs in;
    std::string target, candidates_file, out, plan_out, level = "domain";
    analysis::web_plan_options options;
    const CLI::Option* level_option = nullptr;  ///< to tell --level given from its default
};

/// One prospect a line (domain, host or URL); blank lines and lines starting with '#' skipped.
std::vector<std::string> read_candidates(const std::string& path) {
    require_input_files({path});
    std::ifstream f(path);
    std::vector<std::string> out;
    std::string line;
    std::size_t number = 0;
    while (std::getline(f, line)) {
        ++number;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        line.erase(0, std::min(line.find_first_not_of(" \t"), line.size()));
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.empty() || line[0] == '#') continue;
        if (line.find(',') != std::string::npos)
            throw parse_error(path, number, 0,
                              fmt::format("'{}' has a comma; expected one domain or URL a line",
                                          line));
        out.push_back(line);
    }
    if (f.bad()) throw std::filesystem::filesystem_error("cannot read", path, std::error_code());
    return out;
}

void write_ranking(const std::string& path, const web::web_graph& g,
                   const analysis::web_link_plan& p) {
    const char* level = p.level == analysis::plan_level::domain ? "domain" : "page";
    std::string s = fmt::format("rank,{},authority,gain,error_bound,score_after,existing_link\n",
                                level);
    for (std::size_t i = 0; i < p.plan.candidates.size(); ++i) {
        const auto& row = p.plan.candidates[i];
        fmt::format_to(std::back_inserter(s), "{},", i + 1);
        io::append_csv_field(s, p.name(g, row.source));
        fmt::format_to(std::back_inserter(s), ",{:.3f},{:.6e},{:.2e},{:.6e},{}\n",
                       p.plan.authority[row.source], row.gain, row.error_bound, row.score_after,
                       row.existing ? "true" : "false");
    }
    atomic_output out(path);
    out.write(s);
    out.commit();
}

void write_plan(const std::string& path, const web::web_graph& g,
                const analysis::web_link_plan& p) {
    const char* level = p.level == analysis::plan_level::domain ? "domain" : "page";
    std::string s = fmt::format("step,{},gain,error_bound,score,authority\n", level);
    fmt::format_to(std::back_inserter(s), "0,,,,{:.6e},{:.3f}\n", p.plan.score_before,
                   p.plan.authority_before);
    for (std::size_t i = 0; i < p.plan.steps.size(); ++i) {
        const auto& st = p.plan.steps[i];
        fmt::format_to(std::back_inserter(s), "{},", i + 1);
        io::append_csv_field(s, p.name(g, st.source));
        fmt::format_to(std::back_inserter(s), ",{:.6e},{:.2e},{:.6e},{:.3f}\n", st.gain,
                       st.error_bound, st.score, st.authority);
    }
    atomic_output out(path);
    out.write(s);
    out.commit();
}

void print(const web::web_graph& g, const analysis::web_link_plan& p) {
    const auto& pl = p.plan;
    if (!p.site.empty())
        fmt::print("site         {} ({} pages, internal links only)\n", p.site,
                   thousands(p.site_pages.size()));
    fmt::print("target       {}: authority {:.1f}, score {:.4e}\n", p.name(g, pl.target),
               pl.authority_before, pl.score_before);
    fmt::print("candidates   {} ranked{}\n", thousands(pl.ranked),
               pl.skipped ? fmt::format(" ({} given already link followably: skipped)",
                                        thousands(pl.skipped))
                          : std::string());
    fmt::print("{:>4}  {:<40} {:>9} {:>12} {:>9} {:>9}\n", "rank", "source", "authority", "gain",
               "error", "new auth.");
    for (std::size_t i = 0; i < pl.candidates.size(); ++i) {
        const auto& r = pl.candidates[i];
        fmt::print("{:>4}  {:<40} {:>9.1f} {:>12.4e} {:>9.1e} {:>9}\n", i + 1, p.name(g, r.source),
                   pl.authority[r.source], r.gain, r.error_bound,
                   i == 0 && !pl.steps.empty() ? fmt::format("{:.1f}", pl.steps[0].authority)
                                               : std::string("-"));
    }
    if (pl.steps.size() > 1 || (pl.steps.size() == 1 && pl.candidates.empty())) {
        fmt::print("plan         {} links, re-scored after each\n", pl.steps.size());
        fmt::print("{:>4}  {:<40} {:>12} {:>12} {:>9}\n", "step", "source", "gain", "score",
                   "authority");
        for (std::size_t i = 0; i < pl.steps.size(); ++i) {
            const auto& s = pl.steps[i];
            fmt::print("{:>4}  {:<40} {:>12.4e} {:>12.4e} {:>9.1f}\n", i + 1, p.name(g, s.source),
                       s.gain, s.score, s.authority);
        }
    }
}

void run(plan_args& a) {
    a.options.level = a.level == "page" ? analysis::plan_level::page : analysis::plan_level::domain;
    if (!a.options.site.empty() && a.level_option->count() > 0 && a.level == "domain")
        throw std::invalid_argument("plan: --site plans links between the site's pages; "
                                    "--level domain does not apply");
    a.options.validate();  // before the read
    const std::vector<std::string> candidates =
        a.candidates_file.empty() ? std::vector<std::string>{} : read_candidates(a.candidates_file);
    const web::web_graph g = read_link_files(a.in);
    const auto p = analysis::plan_links(g, a.target, candidates, a.options);
    print(g, p);
    if (!a.out.empty()) {
        write_ranking(a.out, g, p);
        fmt::print("wrote        {}\n", a.out);
    }
    if (!a.plan_out.empty()) {
        write_plan(a.plan_out, g, p);
        fmt::print("wrote        {}\n", a.plan_out);
    }
}

const command_registrar reg{46, [](CLI::App& app) {
    auto a = std::make_shared<plan_args>();
    CLI::App* cmd = app.add_subcommand("plan", "The links that would raise a target's authority most");
    cmd->footer(
        "Every candidate source's exact gain x'_t - x_t from one new followable link to TARGET\n"
        "(the rank-one update of docs/planning.md; error_bound bounds each gain's error), best\n"
        "first; with --links K a greedy plan: the best link is added, the graph re-scored, the\n"
        "rest re-ranked, K times, with TARGET's authority after each step. --level domain (the\n"
        "default): TARGET and candidates are domains, hosts or URLs (each is its registrable\n"
        "domain); --level page: page URLs. Candidates (--candidates FILE: one a line, '#'\n"
        "comments) default to every domain (page) without a followable link to TARGET; given ones\n"
        "that already link followably are skipped and counted; one with only nofollow links to\n"
        "TARGET is ranked as if they became followable.\n"
        "--site SITE (a registrable domain, or a host): internal linking. The graph is the site's\n"
        "internal links only (site mode, as `score --site`); TARGET and candidates are page URLs\n"
        "of the site; candidates default to every site page without a followable internal link\n"
        "to TARGET; gains and authority are the site graph's (its 0-100 internal authority).\n"
        "CSV (--out): rank, domain|page, authority, gain, error_bound, score_after, existing_link.\n"
        "CSV (--plan-out): step (0 = before), domain|page, gain, error_bound, score, authority.\n"
        "Exit codes: 0 success; 1 bad input data; 2 bad command line (unknown target or\n"
        "candidate, target among the candidates, --links 0, an unknown site, a target or\n"
        "candidate off the site); 3 a file could not be read or written.");
    cmd->add_option("TARGET", a->target, "Target domain (or page URL with --level page)")->required();
    cmd->add_option("LINKS", a->in.paths, "Link files")->required();
    cmd->add_option("--candidates", a->candidates_file, "File of prospects, one a line");
    cmd->add_option("--links", a->options.links, "Links in the greedy plan (K)")->capture_default_str();
    cmd->add_option("--top", a->options.top, "Ranking rows shown and written (0 = all)")
        ->capture_default_str();
    a->level_option = cmd->add_option("--level", a->level, "domain or page")
                          ->check(CLI::IsMember({"domain", "page"}))
                          ->capture_default_str();
    cmd->add_option("--site", a->options.site,
                    "Plan internal links of this site (domain or host): page URLs of it");
    cmd->add_option("--out,-o", a->out, "CSV file for the ranking");
    cmd->add_option("--plan-out", a->plan_out, "CSV file for the plan's steps");
    add_option_flags(*cmd, a->options, "plan");
    add_link_input_options(*cmd, a->in, "Skip and count bad rows instead of stopping");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_plan
