// SPDX-License-Identifier: MIT
// `linkequity gap`: link intersect (competitor gap) — referring domains that link followably to
// at least --min of the --competitors and not to --exclude, ranked by how many, then authority.
// A table on stdout; the full table as CSV with --out.
#include <fmt/format.h>

#include <memory>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/link_intersect.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_gap {
namespace {

struct gap_args {
    link_inputs in;
    std::vector<std::string> competitors;
    std::string exclude, out;
    std::size_t min = 1, top = 20;
};

void write_csv(atomic_output& out, const web::web_graph& g,
               const analysis::link_intersect_result& r) {
    std::string s = "domain,authority,targets_linked";
    for (const auto& c : r.competitors) {
        s.push_back(',');
        io::append_csv_field(s, c);
    }
    s += ",links\n";
    for (const auto& row : r.rows) {
        io::append_csv_field(s, g.domain_name(row.domain));
        fmt::format_to(std::back_inserter(s), ",{:.3f},{}", row.authority, row.targets_linked);
        for (bool b : row.links_to) s += b ? ",true" : ",false";
        fmt::format_to(std::back_inserter(s), ",{}\n", row.links);
    }
    out.write(s);
}

void run(const gap_args& a) {
    analysis::link_intersect_options o;
    o.competitors = a.competitors;
    o.exclude = a.exclude;
    o.min_targets = a.min;
    o.validate();  // before the read
    const web::web_graph g = read_link_files(a.in);
    const web::authority_result auth = web::compute_authority(g);
    const auto r = analysis::link_intersect(g, auth.domains, o);
    fmt::print("gap          {} referring domains link to >= {} of {} competitors{}\n",
               thousands(r.rows.size()), a.min, r.competitors.size(),
               r.exclude.empty() ? "" : " and not to " + r.exclude);
    fmt::print("{:<32} {:>9} {:>7} {:>7}  {}\n", "domain", "authority", "targets", "links",
               "links to");
    for (std::size_t i = 0; i < r.rows.size() && (a.top == 0 || i < a.top); ++i) {
        const auto& row = r.rows[i];
        std::string which;
        for (std::size_t c = 0; c < row.links_to.size(); ++c)
            if (row.links_to[c]) which += (which.empty() ? "" : ", ") + r.competitors[c];
        fmt::print("{:<32} {:>9.1f} {:>7} {:>7}  {}\n", g.domain_name(row.domain), row.authority,
                   row.targets_linked, row.links, which);
    }
    if (!a.out.empty()) {
        atomic_output out(a.out);
        write_csv(out, g, r);
        out.commit();
        fmt::print("wrote        {}\n", a.out);
    }
}

const command_registrar reg{40, [](CLI::App& app) {
    auto a = std::make_shared<gap_args>();
    CLI::App* cmd = app.add_subcommand("gap", "Link intersect: competitors' referring domains you lack");
    cmd->footer(
        "Referring domains with a followable link (no nofollow/sponsored/ugc) into at least --min\n"
        "of the --competitors and no link at all into --exclude (your own domain), ranked by the\n"
        "number of competitors they link to, then domain authority, then name. Competitors and\n"
        "--exclude may be domains, hosts or URLs (each is mapped to its registrable domain).\n"
        "CSV columns (--out): domain, authority, targets_linked, one true/false column per\n"
        "competitor, links (followable links into the competitors).\n"
        "Exit codes: 0 success; 1 bad input data; 2 bad command line (unknown competitor,\n"
        "competitor equal to --exclude, --min out of range); 3 a file could not be read or written.");
    cmd->add_option("LINKS", a->in.paths, "Link files")->required();
    cmd->add_option("--competitors", a->competitors, "Competitor domains, comma-separated")
        ->delimiter(',')
        ->required();
    cmd->add_option("--exclude", a->exclude, "Your own domain: drop domains already linking to it");
    cmd->add_option("--min", a->min, "Competitors a domain must link to")->capture_default_str();
    cmd->add_option("--top", a->top, "Rows printed (0 = all)")->capture_default_str();
    cmd->add_option("--out,-o", a->out, "CSV file for the full table");
    add_link_input_options(*cmd, a->in, "Skip and count bad rows instead of stopping");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_gap
