// SPDX-License-Identifier: MIT
// with_progress (see pass_progress.hpp).
#include "pass_progress.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <string_view>

namespace linkequity::cli {

web::authority_options with_progress(const web::authority_options& ao, progress_bar& bar) {
    web::authority_options o = ao;
    if (!bar.enabled()) return o;
    o.on_pass = [&bar](const char* pass) {
        const std::string_view name(pass);  // "… rank" passes run PageRank
        const bool rank = name.size() > 5 && name.compare(name.size() - 5, 5, " rank") == 0;
        bar.stage(pass, rank ? 1000 : 0);
    };
    auto first = std::make_shared<double>(0.0);
    o.pagerank.progress = [&bar, first](const pagerank_progress& p) {
        if (p.iteration == 1) {
            *first = p.residual;
            bar.restart();
        }
        bar.update(static_cast<std::uint64_t>(
            std::lround(1000 * convergence_share(*first, p.residual, p.tolerance))));
        bar.detail(fmt::format("iteration {}, residual {:.1e} (stops below {:.0e})", p.iteration,
                               p.residual, p.tolerance));
        return true;
    };
    return o;
}

}  // namespace linkequity::cli
