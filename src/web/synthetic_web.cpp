// SPDX-License-Identifier: MIT
// The synthetic web. Structure (serial, O(domains + pages)): names and suffixes, Pareto page
// counts, hosts, per-page out-link counts (log-normal), Price-model citations → alias table.
// Links: block b of 2^15 rows draws from its own SplitMix64 stream seeded by (seed, b), so any
// block can be made on any thread; groups of blocks run in parallel and are emitted in order.
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <cmath>
#include <ostream>
#include <utility>
#include <stdexcept>

#include "linkequity/detail/parallel.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "synthetic/manipulation.hpp"
#include "synthetic/random.hpp"

namespace linkequity::web {
namespace {

constexpr std::size_t block_links = std::size_t{1} << 15;

using synthetic::mix64;
using synthetic::rng;

const char* const syllables[] = {"ka", "lo", "mi", "ra", "ven", "tor", "sol", "bri", "da", "nex",
                                 "pa", "zu", "ter", "lin", "mo", "qua", "re", "si", "vo", "gal",
                                 "dor", "fi", "ne", "shu", "te", "wa", "xi", "yo", "bel", "cor"};
const char* const words[] = {
    "green",  "garden", "travel", "guide",   "best",    "cheap",  "review", "home",  "recipe",
    "health", "tips",   "news",   "city",    "local",   "market", "design", "coffee", "budget",
    "family", "style",  "tech",   "phone",   "laptop",  "camera", "music",  "sport", "running",
    "yoga",   "pizza",  "wine",   "hotel",   "flight",  "beach",  "winter", "summer", "kids",
    "book",   "movie",  "game",   "science", "history", "energy", "solar",  "car",   "bike",
    "pet",    "dog",    "cat",    "fashion", "shoes",   "watch",  "learn",  "code",  "data",
    "cloud",  "secure", "money",  "loan",    "bank",    "invest", "career", "job",   "office",
    "tools"};
constexpr std::size_t num_words = sizeof(words) / sizeof(words[0]);
const char* const sections[] = {"blog", "products", "news", "docs", "category", "about", "help",
                                "articles", "shop", "guides"};
const char* const nav_anchors[] = {"Home", "About", "Contact", "Blog", "Products", "Pricing",
                                   "Support", "News"};
const char* const footer_anchors[] = {"Privacy policy", "Terms of use", "Sitemap", "Careers",
                                      "Cookie settings", "Imprint"};
const char* const generic_anchors[] = {"click here", "read more", "this article", "source",
                                       "website", "here", "learn more", "link"};
const char* const extra_hosts[] = {"blog", "shop", "docs", "m", "news", "support"};
const char* const icann_tlds[] = {".com", ".com", ".com", ".com", ".com", ".com", ".org", ".net",
                                  ".de",  ".io",  ".fr",  ".info", ".nl", ".es"};
const char* const multi_label[] = {".co.uk", ".com.au", ".co.jp", ".org.uk"};
const char* const private_suffixes[] = {".blogspot.com", ".github.io"};

template <class T, std::size_t N>
constexpr std::size_t count_of(T (&)[N]) { return N; }

std::string base36(std::uint64_t v) {
    std::string s;
    do {
        s.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
        v /= 36;
    } while (v);
    std::reverse(s.begin(), s.end());
    return s;
}

const char* rel_text(edge_flags f) {
    const bool nf = f & flags::nofollow;
    if (f & flags::sponsored) return nf ? "sponsored nofollow" : "sponsored";
    if (f & flags::ugc) return nf ? "ugc nofollow" : "ugc";
    return nf ? "nofollow" : "";
}

/// The CSV's position column: empty for unknown (as a file without positions would have).
const char* position_text(link_position p) {
    return p == link_position::unknown ? "" : position_name(p);
}

}  // namespace

struct synthetic_web::link_item {
    std::uint32_t src, dst;
    std::uint8_t kind;  // 0 web, 1 mailto, 2 tel, 3 javascript, 4 a 301 redirect record
    edge_flags rel;
    link_position pos;
    std::uint8_t anchor_kind;  // 0 nav, 1 footer, 2 words, 3 brand, 4 naked URL, 5 generic, 6 none
    std::uint32_t anchor_param;
};

void synthetic_web_options::validate() const {
    check_fields(*this, "synthetic_web");
    if (multi_label_share + private_share > 1)
        throw std::invalid_argument(fmt::format(
            "synthetic_web: multi_label_share + private_share must be <= 1, got {}",
            multi_label_share + private_share));
    if (external_nofollow + external_sponsored + external_ugc > 1)
        throw std::invalid_argument(fmt::format(
            "synthetic_web: external_nofollow + external_sponsored + external_ugc must be <= 1, "
            "got {}", external_nofollow + external_sponsored + external_ugc));
    manipulation.validate(domains);
}

void synthetic_web_stats::add(const synthetic_web_stats& o) {
    links += o.links;
    web += o.web;
    internal += o.internal;
    non_web += o.non_web;
    nofollow += o.nofollow;
    sponsored += o.sponsored;
    ugc += o.ugc;
    for (int i = 0; i < 6; ++i) by_position[i] += o.by_position[i];
    manipulation += o.manipulation;
    redirects += o.redirects;
}

namespace {

/// The domains before any page exists: names (unique), Pareto sizes, private-suffix marks.
struct domain_draft {
    std::vector<std::string> names;
    std::vector<double> size;
    std::vector<std::uint8_t> is_private;
    double total_size = 0;
};

/// Pass 1: each domain's name (syllables + base-36 id + a suffix: private, multi-label or
/// ICANN, in the options' shares) and its Pareto size.
domain_draft draw_domains(const synthetic_web_options& o, rng& r) {
    const std::size_t nd = o.domains;
    domain_draft dd;
    dd.size.resize(nd);
    dd.is_private.resize(nd);
    for (std::size_t d = 0; d < nd; ++d) {
        std::string name;
        const int syl = 2 + static_cast<int>(r.below(2));
        for (int i = 0; i < syl; ++i) name += syllables[r.below(count_of(syllables))];
        name += base36(d);  // unique
        const double u = r.uniform();
        if (u < o.private_share) {
            name += private_suffixes[r.below(count_of(private_suffixes))];
            dd.is_private[d] = 1;
        } else if (u < o.private_share + o.multi_label_share) {
            name += multi_label[r.below(count_of(multi_label))];
        } else {
            name += icann_tlds[r.below(count_of(icann_tlds))];
        }
        dd.names.push_back(std::move(name));
        dd.size[d] = std::pow(1.0 - r.uniform(), -1.0 / (o.size_exponent - 1.0));
        dd.total_size += dd.size[d];
    }
    return dd;
}

/// Pass 2, Price's model: domain d cites attachment_refs earlier domains ∝ citations + offset.
/// Returns each domain's popularity weight (1 + citations).
std::vector<double> draw_citations(const synthetic_web_options& o, rng& r) {
    const std::size_t nd = o.domains;
    std::vector<double> weight(nd, 1.0);
    std::vector<std::uint32_t> urn;
    urn.reserve(nd * o.attachment_refs);
    for (std::size_t d = 1; d < nd; ++d)
        for (std::size_t k = 0; k < o.attachment_refs; ++k) {
            const double fresh = o.attachment_offset * static_cast<double>(d);
            const double x = r.uniform() * (fresh + static_cast<double>(urn.size()));
            const std::uint32_t t = x < fresh ? static_cast<std::uint32_t>(r.below(d))
                                              : urn[r.below(urn.size())];
            weight[t] += 1;
            urn.push_back(t);
        }
    return weight;
}

/// Pass 3: popular domains tend to be big — the sizes go to the domains in order of
/// log(citations) plus normal noise.
void match_sizes_to_popularity(std::vector<double>& size, const std::vector<double>& weight,
                               rng& r) {
    const std::size_t nd = size.size();
    std::vector<double> sorted_size(size);
    std::sort(sorted_size.begin(), sorted_size.end(), std::greater<>());
    std::vector<std::pair<double, std::uint32_t>> key(nd);
    for (std::size_t d = 0; d < nd; ++d)
        key[d] = {std::log(weight[d]) + r.normal(), static_cast<std::uint32_t>(d)};
    std::sort(key.begin(), key.end(), std::greater<>());
    for (std::size_t i = 0; i < nd; ++i) size[key[i].second] = sorted_size[i];
}

/// The host names of a domain with `np` pages: the main host (www. in 70% of the cases; the
/// bare name for private suffixes), and for some domains with >= 20 pages 1–3 extra hosts.
std::vector<std::string> draw_hosts(const synthetic_web_options& o, const std::string& domain,
                                    bool is_private, std::uint64_t np, rng& r) {
    std::vector<std::string> hosts;
    if (is_private) {
        hosts.push_back(domain);
        return hosts;
    }
    hosts.push_back(r.uniform() < 0.7 ? "www." + domain : domain);
    if (np >= 20 && r.uniform() < o.multi_host_share) {
        const std::size_t extra = 1 + r.below(3);
        const std::size_t first = r.below(count_of(extra_hosts));
        for (std::size_t k = 0; k < extra; ++k)
            hosts.push_back(std::string(extra_hosts[(first + k) % count_of(extra_hosts)]) + "." +
                            domain);
    }
    return hosts;
}

/// Where the pages are: first page of each domain and host (plus a final end entry), each
/// host's domain and name, each page's host.
struct page_layout {
    std::vector<std::uint32_t> domain_first_page, host_first_page, host_domain, page_host;
    std::vector<std::string> host_names;
    std::uint64_t pages = 0;
};

/// Gives a domain's `np` pages (from `layout.pages` on) to its hosts: the main host 60% (all
/// when alone), the others share the rest.
void split_among_hosts(std::size_t d, std::uint64_t np, std::vector<std::string>&& hosts,
                       page_layout& layout) {
    const std::uint64_t main_pages =
        hosts.size() == 1 ? np : std::max<std::uint64_t>(1, np * 6 / 10);
    std::uint64_t given = 0;
    for (std::size_t k = 0; k < hosts.size(); ++k) {
        std::uint64_t hp = k == 0 ? main_pages
                                  : (np - main_pages) / (hosts.size() - 1) +
                                        (k <= (np - main_pages) % (hosts.size() - 1) ? 1 : 0);
        if (hp == 0) continue;
        layout.host_first_page.push_back(static_cast<std::uint32_t>(layout.pages + given));
        layout.host_domain.push_back(static_cast<std::uint32_t>(d));
        for (std::uint64_t i = 0; i < hp; ++i)
            layout.page_host.push_back(static_cast<std::uint32_t>(layout.host_names.size()));
        layout.host_names.push_back(std::move(hosts[k]));
        given += hp;
    }
}

/// Pass 4, pages and hosts: each domain gets pages ∝ its size (from 2 up to a fifth of all),
/// then its hosts (draw_hosts) split them. Pages of a domain and of a host are contiguous.
/// @throws std::length_error  more pages than 32-bit ids can number.
page_layout lay_out_pages(const synthetic_web_options& o, const domain_draft& dd, rng& r) {
    const std::size_t nd = o.domains;
    const double target_pages =
        std::max(2.0 * static_cast<double>(nd), static_cast<double>(o.links) / o.links_per_page);
    const double cap = std::max(2.0, target_pages / 5);
    page_layout layout;
    for (std::size_t d = 0; d < nd; ++d) {
        const auto np = static_cast<std::uint64_t>(
            std::clamp(std::llround(dd.size[d] / dd.total_size * target_pages), 2LL,
                       static_cast<long long>(cap)));
        if (layout.pages + np >= max_nodes)
            throw std::length_error(fmt::format(
                "synthetic_web: more than {} pages; use fewer links or more links_per_page",
                max_nodes));
        layout.domain_first_page.push_back(static_cast<std::uint32_t>(layout.pages));
        split_among_hosts(d, np, draw_hosts(o, dd.names[d], dd.is_private[d], np, r), layout);
        layout.pages += np;
    }
    layout.domain_first_page.push_back(static_cast<std::uint32_t>(layout.pages));
    layout.host_first_page.push_back(static_cast<std::uint32_t>(layout.pages));
    return layout;
}

/// Pass 5: cumulative out-link counts per page — log-normal weights scaled so that the rows
/// add up to exactly `links`.
std::vector<std::uint64_t> draw_link_ends(std::uint64_t pages, std::uint64_t links, rng& r) {
    std::vector<std::uint64_t> end(pages);
    std::vector<double> w(pages);
    double wsum = 0;
    for (std::uint64_t p = 0; p < pages; ++p) wsum += (w[p] = std::exp(0.9 * r.normal()));
    double run = 0;
    for (std::uint64_t p = 0; p < pages; ++p) {
        run += w[p];
        end[p] = static_cast<std::uint64_t>(
            std::llround(static_cast<double>(links) * std::min(1.0, run / wsum)));
    }
    end.back() = links;
    return end;
}

/// Pass 6, Vose's alias method over `weight`: O(1) draws afterwards (prob[d], alias[d]).
void build_alias_table(const std::vector<double>& weight, std::vector<double>& prob,
                       std::vector<std::uint32_t>& alias) {
    const std::size_t nd = weight.size();
    prob.assign(nd, 0);
    alias.assign(nd, 0);
    double wsum = 0;
    for (double w : weight) wsum += w;
    std::vector<double> scaled(nd);
    std::vector<std::uint32_t> small, large;
    for (std::size_t d = 0; d < nd; ++d) {
        scaled[d] = weight[d] * static_cast<double>(nd) / wsum;
        (scaled[d] < 1 ? small : large).push_back(static_cast<std::uint32_t>(d));
    }
    while (!small.empty() && !large.empty()) {
        const std::uint32_t s = small.back(), l = large.back();
        small.pop_back();
        prob[s] = scaled[s];
        alias[s] = l;
        scaled[l] -= 1 - scaled[s];
        if (scaled[l] < 1) {
            large.pop_back();
            small.push_back(l);
        }
    }
    for (std::uint32_t d : large) prob[d] = 1;
    for (std::uint32_t d : small) prob[d] = 1;
}

}  // namespace

// The structure as named passes, all drawing in this order from one stream seeded by the seed.
synthetic_web::synthetic_web(const synthetic_web_options& o) : options_(o) {
    o.validate();
    rng r(mix64(o.seed ^ 0x5EEDF00Dull));
    domain_draft dd = draw_domains(o, r);
    const std::vector<double> weight = draw_citations(o, r);
    match_sizes_to_popularity(dd.size, weight, r);
    page_layout layout = lay_out_pages(o, dd, r);
    domain_names_ = std::move(dd.names);
    host_names_ = std::move(layout.host_names);
    host_domain_ = std::move(layout.host_domain);
    page_host_ = std::move(layout.page_host);
    domain_first_page_ = std::move(layout.domain_first_page);
    host_first_page_ = std::move(layout.host_first_page);
    page_link_end_ = draw_link_ends(layout.pages, o.links, r);
    build_alias_table(weight, alias_prob_, alias_);
    if (o.manipulation.any()) plant_manipulation();
}

synthetic_web::~synthetic_web() = default;
synthetic_web::synthetic_web(const synthetic_web&) = default;
synthetic_web::synthetic_web(synthetic_web&&) noexcept = default;
synthetic_web& synthetic_web::operator=(const synthetic_web&) = default;
synthetic_web& synthetic_web::operator=(synthetic_web&&) noexcept = default;

std::string synthetic_web::page_url(std::size_t p) const {
    const std::size_t h = page_host_[p];
    const std::size_t k = p - host_first_page_[h];
    std::string url = "https://" + host_names_[h];
    if (k == 0) return url + "/";
    const std::uint64_t z = mix64((std::uint64_t{h} << 32) ^ k ^ 0xA5A5ull);
    url += '/';
    url += sections[z % count_of(sections)];
    url += '/';
    url += words[(z >> 8) % num_words];
    url += '-';
    url += words[(z >> 20) % num_words];
    url += '-';
    url += std::to_string(k);
    const unsigned style = (z >> 40) % 20;
    if (style < 2) url += ".html";
    else if (style == 2) url += "?page=2";
    return url;
}

void synthetic_web::make_block(std::size_t block, std::vector<link_item>& out,
                               synthetic_web_stats& st) const {
    const synthetic_web_options& o = options_;
    rng r(mix64(mix64(o.seed) ^ (block * 0xD1B54A32D192ED03ull)));
    const std::uint64_t lo = block * block_links;
    const std::uint64_t hi = std::min<std::uint64_t>(lo + block_links, o.links);
    std::size_t p = static_cast<std::size_t>(
        std::upper_bound(page_link_end_.begin(), page_link_end_.end(), lo) - page_link_end_.begin());
    const std::size_t nd = alias_prob_.size();  // the honest domains
    out.clear();
    for (std::uint64_t row = lo; row < hi; ++row) {
        while (page_link_end_[p] <= row) ++p;
        link_item l{static_cast<std::uint32_t>(p), 0, 0, 0, link_position::unknown, 0, 0};
        const std::uint32_t d = host_domain_[page_host_[p]];
        ++st.links;
        if (r.uniform() < o.non_web_share) {
            l.kind = static_cast<std::uint8_t>(1 + r.below(3));
            l.dst = d;  // mailto uses the domain
            l.pos = r.uniform() < 0.7 ? link_position::footer : link_position::content;
            l.anchor_kind = 1;
            l.anchor_param = static_cast<std::uint32_t>(r.next());
            ++st.non_web;
            ++st.by_position[static_cast<int>(l.pos)];
            out.push_back(l);
            continue;
        }
        ++st.web;
        const std::uint32_t dfirst = domain_first_page_[d], dsize = domain_first_page_[d + 1] - dfirst;
        bool internal = nd == 1 || r.uniform() < o.internal_share;
        if (!internal) {
            std::uint32_t td = d;
            for (int tries = 0; tries < 4 && td == d; ++tries) {
                const auto c = static_cast<std::uint32_t>(r.below(nd));
                td = r.uniform() < alias_prob_[c] ? c : alias_[c];
            }
            if (td == d) td = static_cast<std::uint32_t>((d + 1) % nd);
            const std::uint32_t first = domain_first_page_[td], size = domain_first_page_[td + 1] - first;
            l.dst = r.uniform() < 0.4 ? first : first + static_cast<std::uint32_t>(r.below(size));
            const double u = r.uniform();
            if (u < o.external_sponsored) {
                l.rel = flags::sponsored;
            } else if (u < o.external_sponsored + o.external_ugc) {
                l.rel = flags::ugc;
            } else if (u < o.external_sponsored + o.external_ugc + o.external_nofollow) {
                l.rel = flags::nofollow;
            }
            if ((l.rel & (flags::sponsored | flags::ugc)) && r.uniform() < o.sponsored_ugc_also_nofollow)
                l.rel |= flags::nofollow;
            const double v = r.uniform();
            l.pos = v < 0.75   ? link_position::content
                    : v < 0.85 ? link_position::sidebar
                    : v < 0.93 ? link_position::footer
                    : v < 0.97 ? link_position::navigation
                               : link_position::header;
            const double a = r.uniform();
            l.anchor_kind = a < 0.3 ? 3 : a < 0.45 ? 4 : a < 0.65 ? 5 : a < 0.97 ? 2 : 6;
        } else {
            ++st.internal;
            l.dst = r.uniform() < 0.25 ? dfirst : dfirst + static_cast<std::uint32_t>(r.below(dsize));
            if (l.dst == p) l.dst = dfirst + (p - dfirst + 1) % dsize;
            if (r.uniform() < o.internal_nofollow) l.rel = flags::nofollow;
            const double v = r.uniform();
            l.pos = v < 0.35   ? link_position::content
                    : v < 0.65 ? link_position::navigation
                    : v < 0.75 ? link_position::header
                    : v < 0.90 ? link_position::footer
                               : link_position::sidebar;
            l.anchor_kind = l.pos == link_position::navigation || l.pos == link_position::header ? 0
                            : l.pos == link_position::footer                                   ? 1
                            : r.uniform() < 0.05                                               ? 6
                                                                                               : 2;
        }
        l.anchor_param = static_cast<std::uint32_t>(r.next());
        if (l.rel & flags::nofollow) ++st.nofollow;
        if (l.rel & flags::sponsored) ++st.sponsored;
        if (l.rel & flags::ugc) ++st.ugc;
        ++st.by_position[static_cast<int>(l.pos)];
        out.push_back(l);
    }
}

// Manipulation (synthetic/manipulation.hpp): the passes grow the structure and return their
// rows, kept here (O(rows)) and emitted after the honest blocks in blocks of the same size.
void synthetic_web::plant_manipulation() {
    std::vector<synthetic::spam_link> rows;
    synthetic::spam_web w{domain_names_, host_names_, host_domain_, page_host_,
                          domain_first_page_, host_first_page_, alias_prob_, alias_,
                          label_, group_, rows, alias_.size(), page_link_end_.size(), {}, {}};
    synthetic::plant_manipulation(w, options_.manipulation.resolved(options_.domains),
                                  options_.seed);
    extra_links_.reserve(rows.size());
    for (const auto& x : rows) {
        const auto kind = static_cast<std::uint8_t>(x.redirect ? 4 : 0);
        extra_links_.push_back(
            link_item{x.src, x.dst, kind, x.rel, x.pos, x.anchor_kind, x.anchor_param});
        redirect_records_ += x.redirect ? 1 : 0;
    }
    // An expired domain serves no pages any more: its own rows are not emitted (page p's rows
    // are [end[p-1], end[p]) whatever the draws, so the count is known before generating).
    for (std::size_t d = 0; d < label_.size(); ++d)
        if (label_[d] == domain_label::expired)
            for (std::uint32_t p = domain_first_page_[d]; p < domain_first_page_[d + 1]; ++p)
                dropped_rows_ += page_link_end_[p] - (p ? page_link_end_[p - 1] : 0);
}

// Removes the rows whose source page belongs to an expired domain, and their counts (as
// make_block counted them). The other rows are exactly as before: the draws are unchanged.
void synthetic_web::drop_expired_rows(std::vector<link_item>& items,
                                      synthetic_web_stats& st) const {
    std::size_t kept = 0;
    for (const link_item& l : items) {
        const std::uint32_t d = host_domain_[page_host_[l.src]];
        if (label_[d] != domain_label::expired) {
            items[kept++] = l;
            continue;
        }
        --st.links;
        if (l.kind != 0) {
            --st.non_web;
        } else {
            --st.web;
            if (host_domain_[page_host_[l.dst]] == d) --st.internal;
        }
        if (l.rel & flags::nofollow) --st.nofollow;
        if (l.rel & flags::sponsored) --st.sponsored;
        if (l.rel & flags::ugc) --st.ugc;
        --st.by_position[static_cast<int>(l.pos)];
    }
    items.resize(kept);
}

void synthetic_web::make_extra_block(std::size_t block, std::vector<link_item>& out,
                                     synthetic_web_stats& st) const {
    const std::size_t lo = block * block_links;
    const std::size_t hi = std::min(lo + block_links, extra_links_.size());
    out.assign(extra_links_.begin() + static_cast<std::ptrdiff_t>(lo),
               extra_links_.begin() + static_cast<std::ptrdiff_t>(hi));
    for (const link_item& l : out) {
        ++st.links;
        ++st.manipulation;
        if (l.kind == 4) {  // a redirect record, not a link
            ++st.redirects;
            continue;
        }
        ++st.web;
        if (host_domain_[page_host_[l.src]] == host_domain_[page_host_[l.dst]]) ++st.internal;
        if (l.rel & flags::nofollow) ++st.nofollow;
        if (l.rel & flags::sponsored) ++st.sponsored;
        if (l.rel & flags::ugc) ++st.ugc;
        ++st.by_position[static_cast<int>(l.pos)];
    }
}

std::size_t synthetic_web::num_links() const noexcept {
    return options_.links - dropped_rows_ + extra_links_.size();
}

const std::string& synthetic_web::group(std::size_t d) const {
    static const std::string none;
    return group_.empty() ? none : group_[d];
}

void synthetic_web::write_labels(std::ostream& out) const {
    out.exceptions(std::ios::badbit | std::ios::failbit);
    out << "domain,label,group\n";
    std::string text;
    for (std::size_t d = 0; d < domain_names_.size(); ++d) {
        io::append_csv_field(text, domain_names_[d]);
        text.push_back(',');
        text.append(to_string(label(d)));
        text.push_back(',');
        io::append_csv_field(text, group(d));
        text.push_back('\n');
        if (text.size() > (1u << 16)) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
        }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::string synthetic_web::target_url(const link_item& l) const {
    switch (l.kind) {
        case 1: return "mailto:info@" + domain_names_[l.dst];
        case 2: return fmt::format("tel:+1555{:07}", l.anchor_param % 10000000u);
        case 3: return "javascript:void(0)";
        default: return page_url(l.dst);
    }
}

std::string synthetic_web::anchor_text(const link_item& l) const {
    const std::uint32_t z = l.anchor_param;
    switch (l.anchor_kind) {
        case 0: return nav_anchors[z % count_of(nav_anchors)];
        case 1: return footer_anchors[z % count_of(footer_anchors)];
        case 2: {
            std::string s = words[z % num_words];
            s += ' ';
            s += words[(z >> 8) % num_words];
            if ((z >> 16) % 3 == 0) {
                s += ' ';
                s += words[(z >> 20) % num_words];
            }
            return s;
        }
        case 3: {  // brand: the domain's first label, capitalised
            const std::string& dn = domain_names_[host_domain_[page_host_[l.dst]]];
            std::string s = dn.substr(0, dn.find('.'));
            if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
            return s;
        }
        case 4: return page_url(l.dst);
        case 5: return generic_anchors[z % count_of(generic_anchors)];
        default: return {};
    }
}

template <class Render, class Consume>
synthetic_web_stats synthetic_web::run(const Render& render, Consume consume,
                                       const std::function<void(std::size_t)>& progress) const {
    const std::size_t m = options_.links;
    const std::size_t honest_blocks = (m + block_links - 1) / block_links;
    const std::size_t blocks =
        honest_blocks + (extra_links_.size() + block_links - 1) / block_links;
    // Blocks per round: any number gives the same output; a few per thread balances the load.
    const std::size_t group = std::max<std::size_t>(4, 3 * static_cast<std::size_t>(
                                                            linkequity::detail::max_threads()));
    using out_t = decltype(render(std::declval<const std::vector<link_item>&>()));
    std::vector<out_t> outs(group);
    std::vector<synthetic_web_stats> stats(group);
    synthetic_web_stats total;
    std::size_t done = 0;
    for (std::size_t g0 = 0; g0 < blocks; g0 += group) {
        const std::size_t count = std::min(group, blocks - g0);
#pragma omp parallel for schedule(dynamic, 1) if (count > 1)
        for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(count); ++i) {
            std::vector<link_item> items;
            items.reserve(block_links);
            stats[i] = synthetic_web_stats{};
            if (g0 + i < honest_blocks) {
                make_block(g0 + i, items, stats[i]);
                if (dropped_rows_ > 0) drop_expired_rows(items, stats[i]);
            } else
                make_extra_block(g0 + i - honest_blocks, items, stats[i]);
            outs[i] = render(items);
        }
        for (std::size_t i = 0; i < count; ++i) {
            consume(outs[i]);
            outs[i] = out_t{};
            total.add(stats[i]);
            done += stats[i].links;
        }
        if (progress) progress(done);
    }
    return total;
}

synthetic_web_stats synthetic_web::generate(
    const std::function<void(span<const io::raw_link>)>& sink) const {
    return run(
        [this](const std::vector<link_item>& items) {
            std::vector<io::raw_link> rows(items.size());
            for (std::size_t i = 0; i < items.size(); ++i) {
                const link_item& l = items[i];
                io::raw_link& x = rows[i];
                x.source = page_url(l.src);
                x.target = target_url(l);
                x.anchor = anchor_text(l);
                x.rel = l.rel;
                x.position = l.pos;
                if (l.kind == 4) {
                    x.kind = io::record_kind::redirect;
                    x.status = 301;
                }
            }
            return rows;
        },
        [&sink, row = std::size_t{0}](std::vector<io::raw_link>& rows) mutable {
            for (auto& x : rows) x.line = ++row + 1;
            sink(span<const io::raw_link>(rows.data(), rows.size()));
        },
        {});
}

synthetic_web_stats synthetic_web::write_csv(std::ostream& out,
                                             const std::function<void(std::size_t)>& progress) const {
    out.exceptions(std::ios::badbit | std::ios::failbit);
    const bool records = redirect_records_ > 0;  // then every row says what it is
    out << (records ? "source,target,anchor,rel,position,type,status\n"
                    : "source,target,anchor,rel,position\n");
    return run(
        [this, records](const std::vector<link_item>& items) {
            std::string text;
            text.reserve(items.size() * 140);
            for (const link_item& l : items) {
                io::append_csv_field(text, page_url(l.src));
                text.push_back(',');
                io::append_csv_field(text, target_url(l));
                text.push_back(',');
                io::append_csv_field(text, anchor_text(l));
                text.push_back(',');
                text.append(rel_text(l.rel));
                text.push_back(',');
                text.append(position_text(l.pos));
                if (records) text.append(l.kind == 4 ? ",redirect,301" : ",link,");
                text.push_back('\n');
            }
            return text;
        },
        [&out](const std::string& text) { out.write(text.data(), static_cast<std::streamsize>(text.size())); },
        progress);
}

}  // namespace linkequity::web
