// SPDX-License-Identifier: MIT
// `linkequity snapshot`: write a binary snapshot of a generated Kronecker graph
// (`--scale S [--edge-factor F] [--symmetrize] [--lean] --out FILE`), or describe one
// (`--info FILE [--verify LEVEL]`: header, sections, sizes, verification result, open time).
#include <fmt/format.h>

#include <chrono>
#include <map>

#include "command.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/linkequity.hpp"

namespace linkequity::cli {
namespace {

struct snapshot_args {
    kronecker_options gen;  ///< --scale, --edge-factor, --seed, --symmetrize
    bool lean = false;
    std::string out;
    std::string info;
    std::string verify = "checksums";
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

io::snapshot_verify parse_verify(const std::string& s) {
    if (s == "none") return io::snapshot_verify::none;
    if (s == "structure") return io::snapshot_verify::structure;
    return io::snapshot_verify::checksums;
}

void write(const snapshot_args& a) {
    auto t0 = std::chrono::steady_clock::now();
    const kronecker_options& k = a.gen;
    edge_list edges = kronecker_edges(k);
    const double t_gen = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    build_options o;
    o.lean = a.lean;
    const csr_graph g = build_graph(edges, o);
    edges = {};
    const double t_build = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    io::save_snapshot(a.out, g);
    const double t_save = seconds_since(t0);
    const auto bytes = io::load_snapshot(a.out, {io::snapshot_verify::none}).file_bytes();
    fmt::print("graph        kronecker (scale {}, edge factor {}{}{}): {} nodes, {} edges\n",
               a.gen.scale, a.gen.edge_factor, a.gen.symmetrize ? ", symmetrized" : "", a.lean ? ", lean" : "",
               g.num_nodes(), g.num_edges());
    fmt::print("generate     {:.3f} s\nbuild        {:.3f} s\n", t_gen, t_build);
    fmt::print("save         {:.3f} s, {} ({:.1f} MB, {:.2f} GB/s incl. checksum and fsync)\n",
               t_save, a.out, bytes / 1e6, bytes / 1e9 / std::max(t_save, 1e-9));
}

void info(const snapshot_args& a) {
    const io::snapshot_verify level = parse_verify(a.verify);
    const auto t0 = std::chrono::steady_clock::now();
    const io::snapshot s = io::load_snapshot(a.info, {level});
    const double t_open = seconds_since(t0);
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
}

const command_registrar reg{60, [](CLI::App& app) {
    auto args = std::make_shared<snapshot_args>();
    CLI::App* cmd = app.add_subcommand(
        "snapshot",
        "Write a binary snapshot of a generated graph (--out), or describe one (--info)");
    add_kronecker_options(*cmd, args->gen);
    cmd->add_flag("--lean", args->lean, "Store the lean graph (in-edges and out-weights only)");
    auto* out = cmd->add_option("--out", args->out, "Snapshot file to write");
    auto* inf = cmd->add_option("--info", args->info, "Snapshot file to open and describe");
    out->excludes(inf);
    cmd->add_option("--verify", args->verify, "With --info: none, structure or checksums")
        ->check(CLI::IsMember({"none", "structure", "checksums"}))
        ->capture_default_str();
    add_threads_option(*cmd);
    cmd->callback([args] {
        if (args->out.empty() == args->info.empty())
            throw CLI::ValidationError("snapshot", "give exactly one of --out FILE or --info FILE");
        if (!args->out.empty())
            write(*args);
        else
            info(*args);
    });
}};

}  // namespace
}  // namespace linkequity::cli
