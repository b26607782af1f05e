// SPDX-License-Identifier: MIT
// read_link_files and its options: shared by `linkequity score`, `info` and `snapshot --web`.
#include "inputs.hpp"

#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

#include "linkequity/io/gzip.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli {
namespace {

/// Rows in the files, estimated from their sizes and the line length of their first MiB, for
/// the progress bar's percentage and ETA. 0 (no estimate) when any file is gzip-compressed.
std::uint64_t estimated_rows(const std::vector<std::string>& inputs) {
    double rows = 0;
    std::vector<char> sample(1u << 20);
    for (const auto& path : inputs) {
        std::ifstream f(path, std::ios::binary);
        f.read(sample.data(), static_cast<std::streamsize>(sample.size()));
        const auto got = static_cast<std::size_t>(f.gcount());
        if (io::is_gzip(std::string_view(sample.data(), got))) return 0;
        std::size_t lines = 0;
        for (std::size_t i = 0; i < got; ++i) lines += sample[i] == '\n';
        if (lines == 0) continue;
        rows += static_cast<double>(std::filesystem::file_size(path)) * lines / got;
    }
    return static_cast<std::uint64_t>(rows);
}

}  // namespace

std::vector<std::string> link_format_choices() {
    std::vector<std::string> names;
    for (io::link_format f : io::all_link_formats)
        if (f != io::link_format::edge_list) names.emplace_back(io::format_name(f));
    return names;
}

link_input_options add_link_input_options(CLI::App& cmd, link_inputs& in,
                                          const std::string& skip_bad_help) {
    add_option_flags(cmd, in.consolidation, "consolidation");
    CLI::Option* redirect_files =
        cmd.add_option("--redirects-file", in.redirect_files,
                       "Redirect / canonical map file (header url,redirect_url[,status] or "
                       "url,canonical_url, or a Screaming Frog Internal / Response Codes / "
                       "Canonicals export); repeatable");
    link_input_options o{cmd.add_option("--format", in.format, "Input format")
                ->check(CLI::IsMember(link_format_choices()))
                ->capture_default_str(),
            cmd.add_flag("--skip-bad", in.skip_bad, skip_bad_help),
            cmd.add_flag("--icann-only", in.icann_only,
                         "Registrable domains by the PSL's ICANN section only (x.blogspot.com → "
                         "blogspot.com)"),
                         redirect_files};
    return o;
}

web::web_graph read_link_files(const link_inputs& in) {
    require_input_files(in.paths);
    web::web_graph_options wo;
    wo.skip_bad = in.skip_bad;
    wo.sections = in.icann_only ? web::psl_sections::icann_only : web::psl_sections::all;
    wo.read.format = io::parse_format(in.format);
    wo.consolidation = in.consolidation;
    wo.redirect_files = in.redirect_files;
    require_input_files(in.redirect_files);
    progress_bar bar("reading links", estimated_rows(in.paths));
    wo.progress = [&bar](std::size_t rows) { bar.update(rows); };
    return web::web_graph::read(in.paths, wo);
}

const char* psl_sections_name(web::psl_sections sections) {
    return sections == web::psl_sections::icann_only ? "ICANN section only"
                                                     : "ICANN + private sections";
}

}  // namespace linkequity::cli
