// SPDX-License-Identifier: MIT
// `linkequity export`: the domain or host graph as GraphML or GEXF for Gephi and other visual
// tools: nodes with score, authority, rank and counts; edges weighted by link counts; --top and
// --min-authority keep the file drawable.
#include <fmt/format.h>

#include <memory>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/graph_export.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_export {
namespace {

struct export_args {
    link_inputs in;
    std::string level = "domain", format, out;
    analysis::graph_export_options o;
};

void run(export_args a) {
    a.o.level = a.level == "host" ? analysis::export_level::host : analysis::export_level::domain;
    if (a.format.empty()) {  // from the file name
        const bool gexf = a.out.size() >= 5 && a.out.compare(a.out.size() - 5, 5, ".gexf") == 0;
        a.format = gexf ? "gexf" : "graphml";
    }
    a.o.format = a.format == "gexf" ? analysis::export_format::gexf : analysis::export_format::graphml;
    a.o.validate();
    const web::web_graph g = read_link_files(a.in);
    web::authority_options ao;
    ao.compute_hosts = a.o.level == analysis::export_level::host;
    const web::authority_result auth = web::compute_authority(g, ao);
    const auto t = analysis::graph_export_tables_of(
        g, ao.compute_hosts ? auth.hosts : auth.domains, a.o);
    atomic_output out(a.out);
    analysis::write_graph(out.stream(), t, a.o.format);
    out.commit();
    fmt::print("export       {} {} nodes (of {}), {} edges as {} → {}\n", thousands(t.nodes.size()),
               a.level, thousands(ao.compute_hosts ? g.num_hosts() : g.num_domains()),
               thousands(t.weight.size()), a.format, a.out);
}

const command_registrar reg{44, [](CLI::App& app) {
    auto a = std::make_shared<export_args>();
    CLI::App* cmd = app.add_subcommand("export", "Domain/host graph as GraphML or GEXF (Gephi)");
    cmd->footer(
        "Nodes: the domains (or hosts) in rank order, with attributes label, score, authority,\n"
        "rank, backlinks, referring_domains, outgoing_links, pages. Edges: one per linked pair\n"
        "(internal links are not edges), weight = link rows (followable or not), followable =\n"
        "followable link rows. --top N keeps the N best-ranked nodes, --min-authority A those\n"
        "with authority >= A; edges between kept nodes only. --format defaults to the file's\n"
        "extension (.gexf → gexf, else graphml); the input format is --input-format.\n"
        "Exit codes: 0 success; 1 bad input data; 2 bad command line; 3 a file could not be read\n"
        "or written.");
    cmd->add_option("LINKS", a->in.paths, "Link files")->required();
    cmd->add_option("--level", a->level, "Node level")
        ->check(CLI::IsMember({"domain", "host"}))
        ->capture_default_str();
    cmd->add_option("--format", a->format, "graphml or gexf (default: from --out's extension)")
        ->check(CLI::IsMember({"graphml", "gexf"}));
    cmd->add_option("--out,-o", a->out, "Output file")->required();
    cmd->add_option("--top", a->o.top, "Keep the N best-ranked nodes (0 = all)")->capture_default_str();
    cmd->add_option("--min-authority", a->o.min_authority, "Keep nodes with authority >= A")
        ->capture_default_str();
    // --format names the output format here (as issue #15 spells it): the input format is
    // --input-format; the other link-input options are the shared ones.
    cmd->add_option("--input-format", a->in.format, "Input format")
        ->check(CLI::IsMember(link_format_choices()))
        ->capture_default_str();
    cmd->add_flag("--skip-bad", a->in.skip_bad, "Skip and count bad rows instead of stopping");
    cmd->add_flag("--icann-only", a->in.icann_only,
                  "Registrable domains by the PSL's ICANN section only");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_export
