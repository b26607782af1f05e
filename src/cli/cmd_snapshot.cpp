// SPDX-License-Identifier: MIT
// `linkequity snapshot`: write a binary snapshot of a generated Kronecker graph
// (`--scale S [--edge-factor F] [--symmetrize] [--lean] --out FILE`) or of the web graph of link
// files (`--web LINKS... [--format F] [--skip-bad] [--icann-only] --out FILE`), or describe one
// (`--info FILE [--verify LEVEL]`: header, sections, sizes, verification result, open time; for
// a web snapshot also its pages, hosts, domains, links and the PSL it was built with).
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <utility>

#include "command.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/dist/partition.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/contraction.hpp"
#include "inputs.hpp"
#include "option_flags.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/linkequity.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_snapshot {
namespace {

struct snapshot_args {
    kronecker_options gen;  ///< --scale, --edge-factor, --seed, --symmetrize
    bool lean = false;
    link_inputs web;        ///< --web LINKS..., --format, --skip-bad, --icann-only
    std::string out;
    std::string info;
    std::string verify = "checksums";
    std::size_t partitions = 0;  ///< --partitions P: write DIR with P parts (dist/partition.hpp)
    std::string graph;           ///< --graph FILE: partition this graph snapshot
    std::string edges;           ///< --edges FILE: partition this integer edge list
};

io::snapshot_verify parse_verify(const std::string& s) {
    return parse_enum<io::snapshot_verify>(s, option_info("verify", ""), "snapshot");
}

void write(const snapshot_args& a) {
    detail::stopwatch t0;
    const kronecker_options& k = a.gen;
    edge_list edges = kronecker_edges(k);
    const double t_gen = t0.seconds();
    t0.restart();
    build_options o;
    o.lean = a.lean;
    const csr_graph g = build_graph(edges, o);
    edges = {};
    const double t_build = t0.seconds();
    t0.restart();
    io::save_snapshot(a.out, g);
    const double t_save = t0.seconds();
    const auto bytes = io::load_snapshot(a.out, {io::snapshot_verify::none}).file_bytes();
    fmt::print("graph        kronecker (scale {}, edge factor {}{}{}): {} nodes, {} edges\n",
               a.gen.scale, a.gen.edge_factor, a.gen.symmetrize ? ", symmetrized" : "", a.lean ? ", lean" : "",
               g.num_nodes(), g.num_edges());
    fmt::print("generate     {:.3f} s\nbuild        {:.3f} s\n", t_gen, t_build);
    fmt::print("save         {:.3f} s, {} ({:.1f} MB, {:.2f} GB/s incl. checksum and fsync)\n",
               t_save, a.out, bytes / 1e6, bytes / 1e9 / std::max(t_save, 1e-9));
}

/// --partitions P: the graph (--graph snapshot, --edges file or generated) as P parts in DIR.
void write_partitions(const snapshot_args& a) {
    detail::stopwatch t0;
    csr_graph g;
    if (!a.graph.empty()) {
        g = io::load_snapshot(a.graph).take_graph();
    } else if (!a.edges.empty()) {
        require_input_files({a.edges});
        build_options o;
        o.lean = a.lean;
        g = build_graph(io::read_edge_list(a.edges), o);
    } else {
        build_options o;
        o.lean = a.lean;
        g = build_graph(kronecker_edges(a.gen), o);
    }
    const double t_build = t0.seconds();
    t0.restart();
    const dist::partition_manifest m = dist::save_partitions(a.out, g, a.partitions);
    fmt::print("graph        {} nodes, {} edges{}{}{} ({:.3f} s)\n", g.num_nodes(), g.num_edges(),
               g.is_lean() ? ", lean" : "", g.has_weights() ? ", weights" : "",
               g.has_flags() ? ", flags" : "", t_build);
    fmt::print("partitions   {} parts in {} ({:.3f} s), id {:#018x}\n", m.parts, a.out,
               t0.seconds(), m.id);
    for (std::size_t p = 0; p < m.parts; ++p)
        fmt::print("  part {:>5}  nodes [{}, {})  {} in-edges\n", p, m.bounds[p], m.bounds[p + 1],
                   m.part_edges[p]);
}

/// --web LINKS --partitions P: the web snapshot (DIR/web.lqs, for the names) and the page,
/// host and domain graphs `score` ranks (default contraction options) as P parts each, in
/// DIR/pages, DIR/hosts and DIR/domains.
void write_web_partitions(const snapshot_args& a) {
    detail::stopwatch t0;
    const web::web_graph g = read_link_files(a.web);
    std::filesystem::create_directories(a.out);
    web::save_snapshot((std::filesystem::path(a.out) / "web.lqs").string(), g);
    const web::contraction_options co = web::contraction_of(web::authority_options{});
    fmt::print("web graph    {} pages, {} hosts, {} domains, {} links ({:.3f} s)\n",
               g.num_pages(), g.num_hosts(), g.num_domains(), g.num_links(), t0.seconds());
    const std::pair<const char*, web::graph_level> levels[] = {
        {"pages", web::graph_level::page}, {"hosts", web::graph_level::host},
        {"domains", web::graph_level::domain}};
    for (const auto& [name, level] : levels) {
        const csr_graph lg = web::contract(g, level, co);
        const auto m =
            dist::save_partitions((std::filesystem::path(a.out) / name).string(), lg, a.partitions);
        fmt::print("{:<12} {} nodes, {} edges in {} parts\n", name, lg.num_nodes(),
                   lg.num_edges(), m.parts);
    }
}

void print_web_graph(const web::web_graph& g) {
    fmt::print("web graph    {} pages, {} hosts, {} domains, {} links{}\n",
               thousands(g.num_pages()), thousands(g.num_hosts()), thousands(g.num_domains()),
               thousands(g.num_links()), g.has_dates() ? ", first/last seen dates" : "");
    fmt::print("psl          {} ({})\n", g.build_psl_version(),
               psl_sections_name(g.suffix_list().sections()));
}

void write_web(const snapshot_args& a) {
    detail::stopwatch t0;
    const web::web_graph g = read_link_files(a.web);
    const double t_read = t0.seconds();
    const auto& st = g.stats();
    fmt::print("input        {} file{}, {} rows, {} skipped, {} non-web targets\n",
               a.web.paths.size(), a.web.paths.size() == 1 ? "" : "s", thousands(st.rows),
               thousands(st.bad_rows), thousands(st.non_web_targets));
    print_web_graph(g);
    t0.restart();
    web::save_snapshot(a.out, g);
    const double t_save = t0.seconds();
    const auto bytes = io::load_snapshot(a.out, {io::snapshot_verify::none}).file_bytes();
    fmt::print("read         {:.3f} s\n", t_read);
    fmt::print("save         {:.3f} s, {} ({:.1f} MB, {:.2f} GB/s incl. checksum and fsync)\n",
               t_save, a.out, bytes / 1e6, bytes / 1e9 / std::max(t_save, 1e-9));
}

void info(const snapshot_args& a) {
    const io::snapshot_verify level = parse_verify(a.verify);
    detail::stopwatch t0;
    const io::snapshot s = io::load_snapshot(a.info, {level});
    const double t_open = t0.seconds();
    const csr_graph& g = s.graph();
    fmt::print("file         {} ({} bytes, {:.1f} MB)\n", s.path(), s.file_bytes(),
               s.file_bytes() / 1e6);
    fmt::print("format       linkequity snapshot version {}, {} sections\n", s.format_version(),
               s.sections().size());
    fmt::print("graph        {} nodes, {} edges{}{}{}\n", g.num_nodes(), g.num_edges(),
               g.is_lean() ? ", lean" : "", g.has_flags() ? ", flags" : "",
               g.has_weights() ? ", weights" : "");
    fmt::print("\n{:<32}  {:<15}  {:>4}  {:>14}  {:>14}  {:>14}  {:>18}\n", "section", "kind",
               "type", "count", "offset", "bytes", "checksum");
    for (const auto& x : s.sections())
        fmt::print("{:<32}  {:<15}  {:>4}  {:>14}  {:>14}  {:>14}  {:#018x}\n", x.name,
                   io::to_string(x.kind), io::to_string(x.element), x.count, x.offset, x.bytes,
                   x.checksum);
    const char* what =
        level == io::snapshot_verify::checksums   ? "checksums and structure OK"
        : level == io::snapshot_verify::structure ? "structure OK (checksums not checked)"
                                                  : "header and section table OK (arrays not checked)";
    fmt::print("\nverify       {}: {}\nopen         {:.3f} s ({:.2f} GB/s)\n", a.verify, what,
               t_open, s.file_bytes() / 1e9 / std::max(t_open, 1e-9));
    if (!s.has_array("web_meta")) return;
    detail::stopwatch t1;
    const web::web_graph web = web::web_graph::open_snapshot(a.info, {level});
    const double t_web = t1.seconds();
    fmt::print("\nweb snapshot (linkequity score --snapshot {})\n", a.info);
    print_web_graph(web);
    fmt::print("web open     {:.3f} s as a web graph ({}{})\n", t_web,
               level == io::snapshot_verify::none ? "lengths checked"
                                                  : "maps and links checked",
               level == io::snapshot_verify::checksums ? ", checksums" : "");
}

const command_registrar reg{60, [](CLI::App& app) {
    auto args = std::make_shared<snapshot_args>();
    CLI::App* cmd = app.add_subcommand(
        "snapshot",
        "Write a binary snapshot of a generated graph or of the web graph of link files "
        "(--out), or describe one (--info)");
    cmd->footer(R"(Snapshots are memory-mapped on open: no parsing, no copy, one copy in memory
for every process that opens the file; written atomically (temporary file + rename), with a
checksum per section. A truncated, corrupted or wrong-version file is an error (exit code 1).
  snapshot --scale 20 --out k20.lqs              a Kronecker graph (for `pagerank`, benchmarks)
  snapshot --web links.csv --out web.lqs         the web graph of link files, for
  score --snapshot web.lqs --out DIR             scoring without reading the links again
  snapshot --info web.lqs                        header, sections, checks, open time
Exit codes: 0 success; 1 bad input data or snapshot; 2 bad command line; 3 a file could not be
read or written; 4 internal error.)");
    add_kronecker_options(*cmd, args->gen);
    cmd->add_flag("--lean", args->lean, "Store the lean graph (in-edges and out-weights only)");
    auto* web = cmd->add_option("--web", args->web.paths,
                                "Link files: snapshot their web graph instead of a generated one");
    const auto reading = add_link_input_options(
        *cmd, args->web, "With --web: skip and count bad rows instead of stopping");
    for (CLI::Option* o : reading.all()) o->needs(web);
    for (const char* k : {"--scale", "--edge-factor", "--seed", "--symmetrize", "--lean"})
        web->excludes(k);
    auto* out = cmd->add_option("--out", args->out, "Snapshot file to write");
    auto* inf = cmd->add_option("--info", args->info, "Snapshot file to open and describe");
    out->excludes(inf);
    web->excludes(inf);
    cmd->add_option("--verify", args->verify, "With --info: none, structure or checksums")
        ->check(CLI::IsMember(choice_names<io::snapshot_verify>()))
        ->capture_default_str();
    auto* parts = cmd->add_option("--partitions", args->partitions,
                                  "Write the graph as P part files plus a manifest in the "
                                  "directory --out (for linkequity-mpi; docs/distributed.md)")
                      ->check(CLI::PositiveNumber);
    parts->excludes(inf);
    auto* from = cmd->add_option("--graph", args->graph,
                                 "With --partitions: partition this graph snapshot")
                     ->check(CLI::ExistingFile)->needs(parts);
    auto* edges = cmd->add_option("--edges", args->edges,
                                  "With --partitions: partition this integer edge list (the "
                                  "formats `pagerank FILE` reads)")
                      ->needs(parts)->excludes(from);
    for (const char* k : {"--scale", "--edge-factor", "--seed", "--symmetrize"}) {
        from->excludes(k);
        edges->excludes(k);
    }
    add_threads_option(*cmd);
    cmd->callback([args] {
        if (args->out.empty() == args->info.empty())
            throw CLI::ValidationError("snapshot", "give exactly one of --out FILE or --info FILE");
        if (args->partitions > 0 && !args->web.paths.empty())
            write_web_partitions(*args);
        else if (args->partitions > 0)
            write_partitions(*args);
        else if (!args->web.paths.empty())
            write_web(*args);
        else if (!args->out.empty())
            write(*args);
        else
            info(*args);
    });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_snapshot
