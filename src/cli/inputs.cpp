// SPDX-License-Identifier: MIT
// read_link_files and its options: shared by `linkequity score`, `info` and `snapshot --web`.
#include "inputs.hpp"

#include <vector>

#include "linkequity/io/read_progress.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli {

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
                         redirect_files,
            cmd.add_option("--parallel-intern", in.parallel_intern,
                           "Intern URLs on all threads (tables sharded by hash) from this many "
                           "threads on; 0: never. Same output either way; on 2 cores the "
                           "single interning thread is faster")
                ->check(CLI::NonNegativeNumber)
                ->capture_default_str()};
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
    wo.anchors = in.anchors;
    wo.parallel_intern_threads = in.parallel_intern;
    require_input_files(in.redirect_files);
    std::vector<std::string> files(in.paths);
    files.insert(files.end(), in.redirect_files.begin(), in.redirect_files.end());
    progress_bar bar("reading links, bytes", io::files_size(files));
    bar.after_full("numbering pages, hosts and domains");  // web_graph_builder::finish
    const std::uint64_t start = io::file_bytes_read();
    wo.progress = [&bar, start](std::size_t) { bar.update(io::file_bytes_read() - start); };
    return web::web_graph::read(in.paths, wo);
}

const char* psl_sections_name(web::psl_sections sections) {
    return sections == web::psl_sections::icann_only ? "ICANN section only"
                                                     : "ICANN + private sections";
}

}  // namespace linkequity::cli
