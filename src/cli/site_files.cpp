// SPDX-License-Identifier: MIT
// `score --site`: the site pass and its files (see site_files.hpp).
#include "site_files.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "output.hpp"

namespace linkequity::cli {

web::site_authority_result site_pass(const web::web_graph& g, const std::string& site,
                                     const web::authority_options& options) {
    web::site_authority_result s = web::site_authority(g, site, options);
    const auto& t = s.table;
    fmt::print("site         {} ({}): {} pages, {} internal followable links ({} page pairs): "
               "{} iterations, residual {:.2e}{}\n",
               s.site.site, web::site_kind_name(s.site.kind), thousands(t.nodes),
               thousands(s.internal_links), thousands(t.edges), t.iterations, t.residual,
               t.converged ? "" : "  NOT CONVERGED");
    fmt::print("site         {} orphan{} (no internal followable link in), {} dead end{} (none "
               "out)\n",
               thousands(s.orphans.size()), s.orphans.size() == 1 ? "" : "s",
               thousands(s.dead_ends.size()), s.dead_ends.size() == 1 ? "" : "s");
    return s;
}

void write_site_files(const web::web_graph& g, const web::site_authority_result& s,
                      const web::score_table& pages, const std::string& dir) {
    const web::score_table site = web::make_site_table(g, s, &pages);
    const std::filesystem::path d(dir);
    std::vector<std::unique_ptr<atomic_output>> files;
    auto write = [&](const web::score_table& table, const char* name) {
        files.push_back(std::make_unique<atomic_output>(d / name));
        atomic_output& out = *files.back();
        web::write_csv(table, g, [&out](std::string_view text) { out.write(text); });
    };
    write(site, "site.csv");
    write(web::filter_rows(site, s.orphans), "orphans.csv");
    write(web::filter_rows(site, s.dead_ends), "dead_ends.csv");
    std::vector<atomic_output*> outs;
    for (auto& f : files) outs.push_back(f.get());
    commit_all(outs);
    fmt::print("wrote        {}, {}, {}\n", (d / "site.csv").string(),
               (d / "orphans.csv").string(), (d / "dead_ends.csv").string());
}

}  // namespace linkequity::cli
