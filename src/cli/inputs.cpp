// SPDX-License-Identifier: MIT
// read_link_files: shared by `linkequity score` and `linkequity info`.
#include "inputs.hpp"

#include "output.hpp"

namespace linkequity::cli {

web::web_graph read_link_files(const std::vector<std::string>& inputs, bool skip_bad,
                               bool icann_only, const std::string& format) {
    require_input_files(inputs);
    web::web_graph_options wo;
    wo.skip_bad = skip_bad;
    wo.sections = icann_only ? web::psl_sections::icann_only : web::psl_sections::all;
    wo.read.format = io::parse_format(format);
    progress_bar bar("reading links", 0);
    wo.progress = [&bar](std::size_t rows) { bar.update(rows); };
    return web::web_graph::read(inputs, wo);
}

}  // namespace linkequity::cli
