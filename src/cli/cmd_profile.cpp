// SPDX-License-Identifier: MIT
// `linkequity profile`: the link profile of TARGET — backlinks and referring domains, authority
// bands, rel and positions, suffixes, new/lost per month, sitewide domains, top referring
// domains (stdout); every referring domain as CSV with --out.
#include <fmt/format.h>

#include <memory>

#include "command.hpp"
#include "inputs.hpp"
#include "linkequity/analysis/profile.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_profile {
namespace {

struct profile_args {
    std::string target;
    link_inputs in;
    std::string out;
    analysis::profile_options o;
};

std::string pct(std::uint64_t k, std::uint64_t n) {
    return n ? fmt::format("{:.1f}%", 100.0 * double(k) / double(n)) : "-";
}

void print_profile(const web::web_graph& g, const analysis::profile_result& r, std::size_t top) {
    fmt::print("target       {}: authority {:.1f}, rank {} of {} domains\n", r.target, r.authority,
               r.rank, thousands(r.domains_in_graph));
    fmt::print("backlinks    {} from {} referring domains ({} pages); followable {} ({}) from "
               "{} domains\n",
               thousands(r.backlinks), thousands(r.referring_domains),
               thousands(r.referring_pages), thousands(r.followable_backlinks),
               pct(r.followable_backlinks, r.backlinks), thousands(r.followable_referring_domains));
    fmt::print("rel          follow {}, nofollow {}, sponsored {}, ugc {}, disavowed {}\n", r.follow,
               r.nofollow, r.sponsored, r.ugc, r.disavowed);
    fmt::print("position    ");
    for (std::size_t p = 0; p < r.positions.size(); ++p)
        fmt::print(" {} {}", web::position_name(static_cast<link_position>(p)), r.positions[p]);
    fmt::print("\nauthority    referring domains per band:");
    for (std::size_t b = 0; b < r.bands.size(); ++b)
        fmt::print(" {}-{}: {}", 10 * b, 10 * b + 10, r.bands[b]);
    fmt::print("\nsuffixes    ");
    for (std::size_t i = 0; i < r.tlds.size() && i < 10; ++i)
        fmt::print(" {} {}", r.tlds[i].first, r.tlds[i].second);
    fmt::print("\nsitewide     {} domains, {} links\n", r.sitewide_domains, r.sitewide_links);
    if (r.has_dates && !r.months.empty()) {
        fmt::print("months       month    new_domains lost_domains new_links lost_links (latest "
                   "seen {})\n",
                   r.latest_seen);
        for (const auto& m : r.months)
            fmt::print("             {}  {:>11} {:>12} {:>9} {:>10}\n", m.month, m.new_domains,
                       m.lost_domains, m.new_links, m.lost_links);
    } else {
        fmt::print("months       no first/last seen dates in the input\n");
    }
    fmt::print("{:<32} {:>9} {:>6} {:>10} {:>6} {:>8}\n", "referring domain", "authority", "links",
               "followable", "pages", "sitewide");
    for (std::size_t i = 0; i < r.top_domains.size() && (top == 0 || i < top); ++i) {
        const auto& d = r.top_domains[i];
        fmt::print("{:<32} {:>9.1f} {:>6} {:>10} {:>6} {:>8}\n", g.domain_name(d.domain),
                   d.authority, d.links, d.followable_links, d.linking_pages,
                   d.sitewide ? "yes" : "");
    }
}

void run(profile_args a) {
    a.o.validate();
    const std::size_t top = a.o.top;
    if (!a.out.empty()) a.o.top = 0;  // the CSV holds every referring domain
    const web::web_graph g = read_link_files(a.in);
    const web::authority_result auth = web::compute_authority(g);
    const auto r = analysis::link_profile(g, auth.domains, a.target, a.o);
    print_profile(g, r, top);
    if (!a.out.empty()) {
        atomic_output out(a.out);
        std::string s = "domain,authority,rank,links,followable_links,linking_pages,domain_pages,"
                        "sitewide,first_seen,last_seen\n";
        for (const auto& d : r.top_domains) {
            io::append_csv_field(s, g.domain_name(d.domain));
            fmt::format_to(std::back_inserter(s), ",{:.3f},{},{},{},{},{},{},", d.authority,
                           d.rank, d.links, d.followable_links, d.linking_pages, d.domain_pages,
                           d.sitewide ? "true" : "false");
            io::append_csv_field(s, d.first_seen);
            s.push_back(',');
            io::append_csv_field(s, d.last_seen);
            s.push_back('\n');
        }
        out.write(s);
        out.commit();
        fmt::print("wrote        {}\n", a.out);
    }
}

const command_registrar reg{42, [](CLI::App& app) {
    auto a = std::make_shared<profile_args>();
    CLI::App* cmd = app.add_subcommand("profile", "Link profile of a domain: who links, how, since when");
    cmd->footer(
        "Backlinks of TARGET (links from other registrable domains): referring domains by\n"
        "authority band (0-10, ..., 90-100), followable share, rel flags, positions, suffixes,\n"
        "new and lost referring domains and links per month (when the input has first/last seen\n"
        "dates), sitewide domains (linking from >= --sitewide-pages pages, or from >= 3 pages\n"
        "that are >= --sitewide-share of their pages in the input) and the top referring domains.\n"
        "CSV columns (--out, every referring domain): domain, authority, rank, links,\n"
        "followable_links, linking_pages, domain_pages, sitewide, first_seen, last_seen.\n"
        "Exit codes: 0 success; 1 bad input data; 2 bad command line (unknown target);\n"
        "3 a file could not be read or written.");
    cmd->add_option("TARGET", a->target, "Target domain (a host or URL means its domain)")->required();
    cmd->add_option("LINKS", a->in.paths, "Link files")->required();
    cmd->add_option("--top", a->o.top, "Referring domains printed (0 = all)")->capture_default_str();
    cmd->add_option("--sitewide-pages", a->o.sitewide_pages, "Linking pages that make a domain sitewide")
        ->capture_default_str();
    cmd->add_option("--sitewide-share", a->o.sitewide_share,
                    "Share of a domain's pages that makes it sitewide (with >= 3 pages)")
        ->capture_default_str();
    cmd->add_option("--out,-o", a->out, "CSV file: every referring domain");
    add_link_input_options(*cmd, a->in, "Skip and count bad rows instead of stopping");
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_profile
