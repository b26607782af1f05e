// SPDX-License-Identifier: MIT
// `linkequity report`: the backlink report of TARGET as one self-contained HTML file (inline
// CSS and SVG charts; nothing loaded from the network), written atomically to --out.
#include <fmt/format.h>

#include <memory>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/report.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_report {
namespace {

struct report_args {
    std::string target;
    link_inputs in;
    std::string out;
    bool keywords_given = false;
    analysis::report_options o;
};

void run(const report_args& a) {
    if (a.keywords_given && (a.o.keywords.empty() || a.o.keywords == std::vector<std::string>{""}))
        throw std::invalid_argument("report: --keywords is empty (give k1,k2,... or leave it out)");
    a.o.validate();
    const web::web_graph g = read_link_files(a.in);
    const web::authority_result auth = web::compute_authority(g);
    const std::string html = analysis::render_report(g, auth, a.target, a.o);
    atomic_output out(a.out);
    out.write(html);
    out.commit();
    fmt::print("report       {} ({:.1f} kB) for {}\n", a.out, double(html.size()) / 1e3, a.target);
}

const command_registrar reg{43, [](CLI::App& app) {
    auto a = std::make_shared<report_args>();
    CLI::App* cmd = app.add_subcommand("report", "Backlink report of a domain as one HTML file");
    cmd->footer(
        "One self-contained HTML page (no scripts, no network; charts are inline SVG): the\n"
        "target's authority and rank, referring domains by authority band, anchor classes, links\n"
        "by rel and position, suffixes, new/lost referring domains per month (when dated), top\n"
        "referring domains and top anchors. Open it in any browser, attach it to an e-mail.\n"
        "Exit codes: 0 success; 1 bad input data; 2 bad command line (unknown target, empty\n"
        "keyword); 3 a file could not be read or written.");
    cmd->add_option("TARGET", a->target, "Target domain (a host or URL means its domain)")->required();
    cmd->add_option("LINKS", a->in.paths, "Link files")->required();
    cmd->add_option("--out,-o", a->out, "HTML file to write")->required();
    cmd->add_option("--keywords", a->o.keywords, "Keywords for exact/partial anchors, comma-separated")
        ->delimiter(',');
    cmd->add_option("--top", a->o.top_domains, "Rows of the referring-domains table")
        ->capture_default_str();
    add_link_input_options(*cmd, a->in, "Skip and count bad rows instead of stopping");
    add_threads_option(*cmd);
    cmd->callback([a, cmd] {
        a->keywords_given = cmd->count("--keywords") > 0;
        run(*a);
    });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_report
