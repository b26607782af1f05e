// SPDX-License-Identifier: MIT
// `linkequity generate`: a synthetic web (web/synthetic_web.hpp) written as a generic links CSV,
// streamed block by block (memory stays bounded at any size) through a temp file + rename.
#include <fmt/format.h>

#include <memory>

#include "command.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/web/synthetic_redirects.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_generate {
namespace {

struct generate_args {
    web::synthetic_web_options web;
    web::synthetic_redirect_options redirects;  ///< --redirect-share (off by default)
    std::string out;
    std::string labels;  // --labels FILE: domain,label,group
};

/// The manipulation's summary line and the label file, when asked for.
void report_manipulation(const generate_args& a, const web::synthetic_web& w,
                         const web::synthetic_web_stats& st) {
    if (!a.labels.empty()) {
        atomic_output labels(a.labels);
        w.write_labels(labels.stream());
        labels.commit();
        fmt::print("labels       {} ({} domains)\n", a.labels, thousands(w.num_domains()));
    }
    if (!a.web.manipulation.any()) return;
    std::size_t counts[8] = {};
    for (std::size_t d = 0; d < w.num_domains(); ++d) ++counts[static_cast<int>(w.label(d))];
    fmt::print("manipulation {} rows; {} farm and {} PBN domains added; {} targets, {} exchangers, "
               "{} paid-link sellers, {} buyers\n",
               thousands(st.manipulation), thousands(counts[2]), thousands(counts[3]),
               thousands(counts[1]), thousands(counts[4]), thousands(counts[5]),
               thousands(counts[6]));
    if (counts[7])
        fmt::print("expired      {} expired domains 301-redirected to money sites ({} redirect "
                   "records)\n",
                   thousands(counts[7]), thousands(st.redirects));
}

void run(const generate_args& a) {
    detail::stopwatch t0;
    const web::synthetic_web w(a.web);
    const double t_setup =
        t0.seconds();
    atomic_output out(a.out);
    web::synthetic_web_stats st;
    web::synthetic_redirect_stats rs;
    {
        progress_bar bar("generate", w.num_links());
        if (a.redirects.share > 0) {  // records: its own writer (web/synthetic_redirects.hpp)
            rs = web::write_csv_with_redirects(w, a.redirects, out.stream(),
                                               [&bar](std::size_t done) { bar.update(done); });
            st = rs.links;
        } else
            st = w.write_csv(out.stream(), [&bar](std::size_t done) { bar.update(done); });
    }
    out.commit();
    if (a.redirects.share > 0)
        fmt::print("redirects    {} link targets rewritten to duplicate URLs; {} redirect and {} "
                   "canonical records; {} loops\n",
                   thousands(rs.rewritten), thousands(rs.redirects), thousands(rs.canonicals),
                   thousands(rs.loops));
    const double total = t0.seconds();
    const auto share = [](std::size_t k, std::size_t n) { return n ? 100.0 * double(k) / double(n) : 0.0; };
    fmt::print("wrote        {} ({} links)\n", a.out, thousands(st.links));
    fmt::print("web          {} domains, {} hosts, {} pages (seed {})\n", thousands(w.num_domains()),
               thousands(w.num_hosts()), thousands(w.num_pages()), a.web.seed);
    fmt::print("links        internal {:.1f}% of web links; nofollow {:.1f}%, sponsored {:.1f}%, "
               "ugc {:.1f}%; non-web targets {}\n",
               share(st.internal, st.web), share(st.nofollow, st.links),
               share(st.sponsored, st.links), share(st.ugc, st.links), thousands(st.non_web));
    fmt::print("time         {} (structure {}), {:.2f} M links/s\n", duration(total),
               duration(t_setup), total > 0 ? double(st.links) / total / 1e6 : 0.0);
    report_manipulation(a, w, st);
}

const command_registrar reg{20, [](CLI::App& app) {
    auto a = std::make_shared<generate_args>();
    CLI::App* cmd = app.add_subcommand(
        "generate", "Write a synthetic web's links as a CSV (for trying `score` and benchmarks)");
    cmd->footer(
        "Output: a generic links CSV with header `source,target,anchor,rel,position`, one row per\n"
        "link, readable by `linkequity score` and `info`. The web: registrable domains with\n"
        "power-law page counts, some with several hosts (www., blog., shop. …), some under\n"
        "co.uk/com.au-style suffixes or private ones (name.blogspot.com, name.github.io); about\n"
        "80% internal links, external targets by preferential attachment over domains; about 18%\n"
        "nofollow, 2% sponsored, 2% ugc; link positions and anchor texts; 0.2% mailto:/tel:/\n"
        "javascript: targets. The same --seed, --domains and --links give the same file on any\n"
        "thread count. The file is written under a temporary name and renamed when complete.\n"
        "Manipulation (off by default): --manipulation plants a mix of link farms, private blog\n"
        "networks, reciprocal exchanges, sitewide paid footer links and expired domains\n"
        "301-redirected to money sites (--farms, --pbns, … set each; --expired adds redirect\n"
        "records: columns type,status); --labels FILE writes domain,label,group for every\n"
        "domain (docs/cli.md).\n"
        "Exit codes: 0 success; 2 bad option; 3 the file could not be written; 4 internal error.");
    add_option_flags(*cmd, a->web, "synthetic_web");  // synthetic_web_options::fields
    cmd->add_option("--redirect-share", a->redirects.share,
                    "Share of link targets rewritten to http:// / ?utm_source= duplicates with "
                    "redirect and canonical records (adds type,status columns; 0 = off)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--out,-o", a->out, "Output CSV file")->required();
    cmd->add_option("--labels", a->labels,
                    "Also write each domain's label (honest, target, farm, pbn, exchange, "
                    "paid_seller, paid_buyer, expired) and group as CSV");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_generate
