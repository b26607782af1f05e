// SPDX-License-Identifier: MIT
// read_link_files: shared by `linkequity score` and `linkequity info`.
#include "inputs.hpp"

#include <filesystem>
#include <fstream>
#include <vector>

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
        if (got >= 2 && static_cast<unsigned char>(sample[0]) == 0x1f &&
            static_cast<unsigned char>(sample[1]) == 0x8b)
            return 0;
        std::size_t lines = 0;
        for (std::size_t i = 0; i < got; ++i) lines += sample[i] == '\n';
        if (lines == 0) continue;
        rows += static_cast<double>(std::filesystem::file_size(path)) * lines / got;
    }
    return static_cast<std::uint64_t>(rows);
}

}  // namespace

web::web_graph read_link_files(const std::vector<std::string>& inputs, bool skip_bad,
                               bool icann_only, const std::string& format) {
    require_input_files(inputs);
    web::web_graph_options wo;
    wo.skip_bad = skip_bad;
    wo.sections = icann_only ? web::psl_sections::icann_only : web::psl_sections::all;
    wo.read.format = io::parse_format(format);
    progress_bar bar("reading links", estimated_rows(inputs));
    wo.progress = [&bar](std::size_t rows) { bar.update(rows); };
    return web::web_graph::read(inputs, wo);
}

}  // namespace linkequity::cli
