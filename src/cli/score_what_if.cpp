// SPDX-License-Identifier: MIT
// The what-if pass of `linkequity score` (see score_what_if.hpp).
#include "score_what_if.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "linkequity/web/disavow.hpp"
#include "output.hpp"

namespace linkequity::cli {
namespace {

void print_report(const std::string& path, const web::link_edit_report& e) {
    fmt::print("what-if      {}: {} rows: {} links added, {} removed ({} remove rows){}\n", path,
               thousands(e.rows), thousands(e.add_rows), thousands(e.links_removed),
               thousands(e.remove_rows),
               e.missing ? fmt::format(", {} removals of absent links ignored", thousands(e.missing))
                         : std::string());
    if (e.merged)
        fmt::print("             {} added links dropped: their ends consolidate to one page\n",
                   thousands(e.merged));
    fmt::print("             {} new pages, {} new domains; {} pages, {} domains left without links\n",
               thousands(e.new_pages), thousands(e.new_domains), thousands(e.dropped_pages),
               thousands(e.dropped_domains));
    for (const auto& ex : e.examples) fmt::print(stderr, "linkequity: warning: {}\n", ex);
}

void print_level(const char* name, const web::authority_table& before,
                 const web::authority_table& after) {
    fmt::print("{:<13}{} iterations, warm-started (unedited graph, cold: {}), residual {:.2e}{}\n", name,
               after.iterations, before.iterations, after.residual,
               after.converged ? "" : "  NOT CONVERGED");
}

}  // namespace

what_if_run what_if_pass(const std::string& edits_path, const std::string& disavow_path,
                         const std::string& owner, bool skip_bad,
                         const web::authority_options& options, web::web_graph& g,
                         web::authority_result& r) {
    io::read_options ro;
    ro.skip_bad = skip_bad;
    web::link_edit_report read_report;
    const auto edits = web::read_link_edits(edits_path, ro, &read_report);
    web::disavow_list disavow;
    if (!disavow_path.empty()) disavow = web::disavow_list::read(disavow_path, skip_bad);
    analysis::what_if_options wo;
    wo.authority = options;
    wo.owner = owner;
    wo.skip_bad = skip_bad;
    analysis::what_if_result result =
        analysis::what_if(g, r, edits, disavow_path.empty() ? nullptr : &disavow, wo);
    what_if_run run{std::move(g), std::move(result)};
    web::link_edit_report& rep = run.result.edited.report;
    rep.rows = read_report.rows;
    rep.bad_rows += read_report.bad_rows;
    rep.examples.insert(rep.examples.begin(), read_report.examples.begin(), read_report.examples.end());
    print_report(edits_path, rep);
    if (!disavow_path.empty())
        fmt::print("what-if      disavow {}: {} links disavowed\n", disavow_path,
                   thousands(run.result.disavow.links_disavowed));
    print_level("page rank", r.pages, run.result.after.pages);
    print_level("domain rank", r.domains, run.result.after.domains);
    g = std::move(run.result.edited.graph);
    r = std::move(run.result.after);
    return run;
}

void write_what_if(const std::string& out_dir, const what_if_run& run,
                   const web::web_graph& after) {
    const std::filesystem::path dir(out_dir);
    std::vector<std::unique_ptr<atomic_output>> files;
    std::vector<std::string> names;
    auto write = [&](const analysis::score_delta_table& t, const char* name) {
        files.push_back(std::make_unique<atomic_output>(dir / name));
        atomic_output& out = *files.back();
        analysis::write_delta_csv(t, run.before, after, [&out](std::string_view s) { out.write(s); });
        names.push_back((dir / name).string());
    };
    write(run.result.pages, "pages_delta.csv");
    write(run.result.domains, "domains_delta.csv");
    if (run.result.hosts.size() > 0) write(run.result.hosts, "hosts_delta.csv");
    std::vector<atomic_output*> outs;
    for (auto& f : files) outs.push_back(f.get());
    commit_all(outs);
    fmt::print("wrote        {}\n", fmt::join(names, ", "));
}

}  // namespace linkequity::cli
