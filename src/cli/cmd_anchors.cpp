// SPDX-License-Identifier: MIT
// `linkequity anchors`: anchor text of the links into TARGET (a domain, or with --page one URL)
// from other domains: per anchor its class, links, referring domains and share; the class totals.
#include <fmt/format.h>

#include <memory>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/anchors.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_anchors {
namespace {

struct anchors_args {
    std::string target;
    link_inputs in;
    std::vector<std::string> keywords;
    bool keywords_given = false;
    bool page = false;
    std::string out;
    std::size_t top = 20;
};

/// Anchor text shown on one line: control characters as spaces, cut to `width` bytes (UTF-8 safe).
std::string one_line(std::string_view s, std::size_t width) {
    std::string o;
    for (char c : s) o.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
    if (o.size() > width) {
        std::size_t cut = width - 3;
        while (cut > 0 && (static_cast<unsigned char>(o[cut]) & 0xC0) == 0x80) --cut;
        o = o.substr(0, cut) + "...";
    }
    return o.empty() ? "(empty)" : o;
}

void run(const anchors_args& a) {
    analysis::anchors_options o;
    o.keywords = a.keywords;
    if (a.keywords_given && (o.keywords.empty() || o.keywords == std::vector<std::string>{""}))
        throw std::invalid_argument("anchors: --keywords is empty (give k1,k2,... or leave it out)");
    o.level = a.page ? analysis::anchor_level::page : analysis::anchor_level::domain;
    o.validate();
    const web::web_graph g = read_link_files(a.in);
    const auto r = analysis::anchors(g, a.target, o);
    fmt::print("anchors      {}: {} links from {} referring domains, {} distinct anchors (brand "
               "'{}')\n",
               r.target, thousands(r.links), thousands(r.referring_domains),
               thousands(r.rows.size()), r.brand);
    fmt::print("classes     ");
    for (const auto& c : r.classes)
        fmt::print(" {} {} ({:.1f}%)", analysis::anchor_class_name(c.cls), thousands(c.links),
                   100 * c.share);
    fmt::print("\n{:<40} {:<8} {:>7} {:>8} {:>7}\n", "anchor", "class", "links", "domains", "share");
    for (std::size_t i = 0; i < r.rows.size() && (a.top == 0 || i < a.top); ++i) {
        const auto& row = r.rows[i];
        fmt::print("{:<40} {:<8} {:>7} {:>8} {:>6.1f}%\n", one_line(row.anchor, 40),
                   analysis::anchor_class_name(row.cls), row.links, row.referring_domains,
                   100 * row.share);
    }
    if (!a.out.empty()) {
        atomic_output out(a.out);
        std::string s = "anchor,class,links,referring_domains,share\n";
        for (const auto& row : r.rows) {
            io::append_csv_field(s, row.anchor);
            fmt::format_to(std::back_inserter(s), ",{},{},{},{:.6f}\n",
                           analysis::anchor_class_name(row.cls), row.links, row.referring_domains,
                           row.share);
        }
        out.write(s);
        out.commit();
        fmt::print("wrote        {}\n", a.out);
    }
}

const command_registrar reg{41, [](CLI::App& app) {
    auto a = std::make_shared<anchors_args>();
    CLI::App* cmd = app.add_subcommand("anchors", "Anchor text of the links into a domain or page");
    cmd->footer(
        "Every link into TARGET from another registrable domain (followable or not), grouped by\n"
        "its exact anchor text. Classes, first match wins: empty, url (a URL or domain name),\n"
        "exact (equals a keyword, case and spacing ignored), partial (contains a keyword as whole\n"
        "words), branded (contains the target's name without its suffix), generic (\"click here\",\n"
        "\"read more\", \"hier\", \"ici\", ... see docs/backlinks.md), other.\n"
        "CSV columns (--out): anchor, class, links, referring_domains, share.\n"
        "Exit codes: 0 success; 1 bad input data; 2 bad command line (unknown target, empty\n"
        "keyword); 3 a file could not be read or written.");
    cmd->add_option("TARGET", a->target, "Target domain (or page URL with --page)")->required();
    cmd->add_option("LINKS", a->in.paths, "Link files")->required();
    cmd->add_option("--keywords", a->keywords, "Keywords for exact/partial, comma-separated")
        ->delimiter(',');
    cmd->add_flag("--page", a->page, "TARGET is one page URL, not a domain");
    cmd->add_option("--top", a->top, "Rows printed (0 = all)")->capture_default_str();
    cmd->add_option("--out,-o", a->out, "CSV file for the full table");
    add_link_input_options(*cmd, a->in, "Skip and count bad rows instead of stopping");
    add_threads_option(*cmd);
    cmd->callback([a, cmd] {
        a->keywords_given = cmd->count("--keywords") > 0;
        run(*a);
    });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_anchors
