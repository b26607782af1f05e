// SPDX-License-Identifier: MIT
// synthetic_web: a seeded, reproducible web of registrable domains (power-law sizes, several hosts
// on some, multi-label and private public suffixes), its pages, and a stream of links with a
// realistic mix (mostly internal; external targets by preferential attachment over domains; rel,
// positions, anchors). Links come in fixed blocks, each from its own random stream, generated in
// parallel and delivered in order: the output is identical on any thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/span.hpp"
#include "linkequity/web/synthetic_manipulation.hpp"

namespace linkequity::web {

struct synthetic_web_options {
    std::size_t domains = 1000;    ///< registrable domains, >= 1
    std::size_t links = 100000;    ///< link rows to emit (web and non-web targets), >= 0
    std::uint64_t seed = 1;
    /// Pages ≈ max(2·domains, links / links_per_page); a page's out-links vary around this.
    double links_per_page = 25;
    /// Pages per domain follow a Pareto law P(size > s) ∝ s^−(size_exponent − 1).
    double size_exponent = 2.1;
    double internal_share = 0.80;        ///< of web links: target in the source's domain
    double multi_host_share = 0.25;      ///< of domains with >= 20 pages: extra hosts (blog., shop. …)
    double multi_label_share = 0.12;     ///< domains under co.uk, com.au, co.jp, org.uk
    double private_share = 0.06;         ///< domains under blogspot.com / github.io (private PSL)
    double non_web_share = 0.002;        ///< links to mailto:, tel:, javascript:
    double internal_nofollow = 0.12;     ///< rel="nofollow" share of internal links
    double external_nofollow = 0.35;     ///< plain rel="nofollow" share of external links
    double external_sponsored = 0.10;    ///< rel="sponsored" share of external links
    double external_ugc = 0.10;          ///< rel="ugc" share of external links
    double sponsored_ugc_also_nofollow = 0.4;  ///< sponsored/ugc links that also say nofollow
    /// Preferential attachment (Price's model) over domains: each new domain cites
    /// `attachment_refs` earlier ones with probability ∝ citations + attachment_offset; external
    /// links then pick target domains ∝ 1 + citations.
    std::size_t attachment_refs = 8;
    double attachment_offset = 1.0;
    /// Labelled link manipulation (farms, PBNs, exchanges, paid links): none by default.
    manipulation_options manipulation;

    /// The option table (linkequity/options.hpp): the web's own options, then the
    /// manipulation's, flat (--farms, not --manipulation-farms).
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        v(o.domains, option_info("domains", "Registrable domains").within(1, 1 << 30));
        v(o.links, option_info("links", "Link rows to write (100M+ is fine: streamed)"));
        v(o.seed, option_info("seed", "Random seed"));
        v(o.links_per_page, option_info("links_per_page",
                                        "Mean out-links per page (pages = max(2 domains, "
                                        "links / links_per_page))").at_least(1));
        v(o.size_exponent, option_info("size_exponent", "Pareto exponent of pages per domain")
                               .open(1.05, 10));
        v(o.internal_share, option_info("internal_share",
                                        "Share of web links that stay within the source's "
                                        "registrable domain").within(0, 1));
        v(o.multi_host_share, option_info("multi_host_share",
                                          "Share of domains with >= 20 pages that get extra "
                                          "hosts (blog., shop., ...)").within(0, 1));
        v(o.multi_label_share, option_info("multi_label_share",
                                           "Share of domains under co.uk, com.au, co.jp, org.uk")
                                   .within(0, 1));
        v(o.private_share, option_info("private_share",
                                       "Share of domains under blogspot.com / github.io (private "
                                       "PSL section)").within(0, 1));
        v(o.non_web_share, option_info("non_web_share",
                                       "Share of links to mailto:, tel:, javascript:").within(0, 1));
        v(o.internal_nofollow, option_info("internal_nofollow",
                                           "rel=nofollow share of internal links").within(0, 1));
        v(o.external_nofollow, option_info("external_nofollow",
                                           "Plain rel=nofollow share of external links")
                                   .within(0, 1));
        v(o.external_sponsored, option_info("external_sponsored",
                                            "rel=sponsored share of external links").within(0, 1));
        v(o.external_ugc, option_info("external_ugc", "rel=ugc share of external links")
                              .within(0, 1));
        v(o.sponsored_ugc_also_nofollow, option_info("sponsored_ugc_also_nofollow",
                                                     "Share of sponsored/ugc links that also say "
                                                     "nofollow").within(0, 1));
        v(o.attachment_refs, option_info("attachment_refs",
                                         "Earlier domains each new domain cites (preferential "
                                         "attachment)"));
        v(o.attachment_offset, option_info("attachment_offset",
                                           "Attachment weight of a domain without citations")
                                   .above(0));
        manipulation_options::fields(o.manipulation, v);
    }

    /// The table's checks (check_fields), then multi_label_share + private_share <= 1,
    /// external_nofollow + external_sponsored + external_ugc <= 1 and the manipulation's own
    /// (manipulation_options::validate(domains)).
    /// @throws std::invalid_argument "synthetic_web: NAME must be …, got VALUE".
    void validate() const;
};

/// Counts by construction of the links emitted (the web graph recomputes them independently).
struct synthetic_web_stats {
    std::size_t links = 0;     ///< rows emitted
    std::size_t web = 0;       ///< rows with a web target
    std::size_t internal = 0;  ///< web rows within one registrable domain
    std::size_t non_web = 0;
    std::size_t nofollow = 0, sponsored = 0, ugc = 0;  ///< rows carrying the bit
    std::size_t by_position[6] = {};                   ///< indexed by link_position
    std::size_t manipulation = 0;  ///< rows added by the manipulation passes (after the others)
    /// Of the manipulation's rows, 301 redirect records of expired domains (not links: only
    /// `links` and `manipulation` count them too).
    std::size_t redirects = 0;

    void add(const synthetic_web_stats& o);
    double internal_share() const { return web ? double(internal) / double(web) : 0.0; }
    double nofollow_share() const { return links ? double(nofollow) / double(links) : 0.0; }
};

/// The synthetic web's structure (domains, hosts, pages: O(domains + pages) memory, built in the
/// constructor) and its link stream (generated on demand, never stored).
class synthetic_web {
public:
    /// @throws std::invalid_argument for bad options; std::length_error past 2^32 − 1 pages.
    explicit synthetic_web(const synthetic_web_options& options);
    ~synthetic_web();  // out of line, as the copy and move (link_item is private)
    synthetic_web(const synthetic_web&);
    synthetic_web(synthetic_web&&) noexcept;
    synthetic_web& operator=(const synthetic_web&);
    synthetic_web& operator=(synthetic_web&&) noexcept;

    const synthetic_web_options& options() const noexcept { return options_; }
    std::size_t num_domains() const noexcept { return domain_names_.size(); }
    std::size_t num_hosts() const noexcept { return host_names_.size(); }
    std::size_t num_pages() const noexcept { return page_host_.size(); }
    /// Domains 0 .. num_honest_domains() − 1 are the web's own (options().domains); link farms
    /// and PBNs add theirs after them.
    std::size_t num_honest_domains() const noexcept { return alias_.size(); }
    /// Rows generate() emits: options().links plus those of the manipulation passes, minus the
    /// rows of expired domains' pages (those pages are gone: only their redirects remain).
    std::size_t num_links() const noexcept;
    /// What domain d is (honest unless a manipulation pass gave it a role).
    domain_label label(std::size_t d) const {
        return label_.empty() ? domain_label::honest : label_[d];
    }
    /// The farm, PBN, exchange or deal d belongs to ("farm-3", "pbn-0", "exchange-7",
    /// "paid-2"); empty for honest domains.
    const std::string& group(std::size_t d) const;
    /// Registrable domain d, e.g. "kavomi3f.co.uk" or "lorasu1b.blogspot.com".
    const std::string& domain_name(std::size_t d) const { return domain_names_[d]; }
    const std::string& host_name(std::size_t h) const { return host_names_[h]; }
    std::size_t domain_of_host(std::size_t h) const { return host_domain_[h]; }
    std::size_t host_of_page(std::size_t p) const { return page_host_[p]; }
    /// Absolute URL of page p (its host's page 0 is "/").
    std::string page_url(std::size_t p) const;

    /// Streams the links as raw_link rows: sink(batch) is called from the calling thread with
    /// consecutive batches in order (line = 1-based row number + 1, as if under a header).
    /// The expired domains' rows are redirect records (kind redirect, status 301).
    /// Batches are generated in parallel. O(links) time, O(batch · threads) memory.
    synthetic_web_stats generate(
        const std::function<void(span<const io::raw_link>)>& sink) const;

    /// Writes the links as a generic-format CSV (header `source,target,anchor,rel,position`,
    /// RFC 4180 quoting) to `out`; when the web has redirect records (expired domains) every
    /// row also has `type,status` (`link,` or `redirect,301`). `progress(rows_done)` is called
    /// between batches.
    /// @throws std::ios_base::failure when writing fails.
    synthetic_web_stats write_csv(std::ostream& out,
                                  const std::function<void(std::size_t)>& progress = {}) const;

    /// Writes the label file: header `domain,label,group`, one row per domain in id order
    /// (label as domain_label spells it; group empty for honest domains). O(domains).
    /// @throws std::ios_base::failure when writing fails.
    void write_labels(std::ostream& out) const;

private:
    struct link_item;
    void plant_manipulation();
    void make_extra_block(std::size_t block, std::vector<link_item>& out,
                          synthetic_web_stats& st) const;
    void drop_expired_rows(std::vector<link_item>& items, synthetic_web_stats& st) const;
    template <class Render, class Consume>
    synthetic_web_stats run(const Render& render, Consume consume,
                            const std::function<void(std::size_t)>& progress) const;
    void make_block(std::size_t block, std::vector<link_item>& out, synthetic_web_stats& st) const;
    std::string anchor_text(const link_item& l) const;
    std::string target_url(const link_item& l) const;

    synthetic_web_options options_;
    std::vector<std::string> domain_names_, host_names_;
    std::vector<std::uint32_t> host_domain_, page_host_;
    std::vector<std::uint32_t> domain_first_page_;  // pages of a domain are contiguous
    std::vector<std::uint32_t> host_first_page_;
    std::vector<std::uint64_t> page_link_end_;      // cumulative out-links: page p emits rows
                                                    // [end[p-1], end[p])
    // Walker alias table over domains for external targets (preferential attachment weights).
    std::vector<double> alias_prob_;
    std::vector<std::uint32_t> alias_;
    // Manipulation (empty when off): the rows the passes add, each domain's label and group.
    std::vector<link_item> extra_links_;
    std::size_t redirect_records_ = 0;  // of extra_links_: redirect records (expired domains)
    std::size_t dropped_rows_ = 0;      // honest rows of expired domains' pages (not emitted)
    std::vector<domain_label> label_;
    std::vector<std::string> group_;
};

}  // namespace linkequity::web
