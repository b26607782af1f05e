// SPDX-License-Identifier: MIT
// The trust part of `linkequity score` (score_trust.hpp): flags, seed files, the trust pass.
#include "score_trust.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "inputs.hpp"
#include "linkequity/web/trust.hpp"
#include "output.hpp"
#include "pass_progress.hpp"

namespace linkequity::cli {
namespace {

constexpr const char* trust_footer = R"(

Trust columns (--trusted FILE; docs/trust.md). A seed file lists one registrable domain
(example.com: the domain, all its hosts and pages), host (www.example.com: its domain, the host,
its pages), domain:NAME (a registrable domain only) or page URL (its domain, host and the page)
per line; # comment lines and blank lines are ignored. Added to every file:
  trust                TrustRank from the trusted seeds (raw; sums to 1)
  trust_authority      0-100 (trust scale version 1): the authority formula applied to trust
  trust_ratio          trust_authority / max(authority, 1)
  spam_mass            relative spam mass 1 - p'/p with the trusted seeds as good core, 0-1
  anti_trust           (--spam FILE) Anti-TrustRank from the spam seeds (raw)
  cheirank             PageRank of the reversed graph (raw))";

void warn_unmatched(const std::vector<web::seed_entry>& unmatched, const std::string& file) {
    for (const auto& e : unmatched)
        fmt::print(stderr, "linkequity: warning: {}:{}: {} is not in the input; ignored\n", file,
                   e.line, e.value);
}

void print_level(const char* name, const web::trust_level_report& r, bool spam) {
    fmt::print("{:<13}{} trusted seed{}{}, {} iterations, {}{}\n", name,
               thousands(r.trusted_seeds), r.trusted_seeds == 1 ? "" : "s",
               spam ? fmt::format(", {} spam seeds", thousands(r.spam_seeds)) : std::string(),
               r.iterations, duration(r.seconds), r.converged ? "" : "  NOT CONVERGED");
    if (!r.converged)
        fmt::print(stderr, "linkequity: warning: {} did not converge; raise --max-iterations or "
                           "--tolerance\n", name);
}

}  // namespace

void add_trust_flags(CLI::App& cmd, trust_args& args) {
    cmd.add_option("--trusted", args.trusted,
                   "Seed file of trusted domains, hosts or URLs: adds trust, trust_authority, "
                   "trust_ratio, spam_mass and cheirank columns");
    cmd.add_option("--spam", args.spam,
                   "Seed file of known spam domains, hosts or URLs: adds anti_trust (needs "
                   "--trusted)");
    cmd.footer(cmd.get_footer() + trust_footer);
}

trust_seeds read_trust_seeds(const trust_args& args, bool skip_bad) {
    trust_seeds s;
    if (!args.spam.empty() && args.trusted.empty())
        throw std::invalid_argument("score: --spam needs --trusted FILE");
    auto read = [skip_bad](const std::string& path) {
        require_input_files({path});
        web::seed_list list = web::seed_list::read(path, skip_bad);
        for (const auto& sk : list.skipped())
            fmt::print(stderr, "linkequity: warning: {}:{}: skipped: {}\n", path, sk.line,
                       sk.reason);
        return list;
    };
    if (!args.trusted.empty()) s.trusted = read(args.trusted);
    if (!args.spam.empty()) s.spam = read(args.spam);
    return s;
}

void trust_pass(const web::web_graph& g, const web::authority_options& o,
                const trust_seeds& seeds, web::score_table& pages, web::score_table& domains,
                web::score_table* hosts) {
    if (!seeds.trusted) return;
    const web::seed_list* spam = seeds.spam ? &*seeds.spam : nullptr;
    web::trust_report r;
    {
        progress_bar bar("trust and spam", 1000, progress_style::fraction);
        r = web::add_trust_columns(g, with_progress(o, bar), *seeds.trusted, spam, pages,
                                   domains, hosts);
    }
    warn_unmatched(r.unmatched_trusted, seeds.trusted->source());
    if (spam) warn_unmatched(r.unmatched_spam, spam->source());
    print_level("page trust", r.pages, spam);
    print_level("domain trust", r.domains, spam);
    if (hosts) print_level("host trust", r.hosts, spam);
}

}  // namespace linkequity::cli
