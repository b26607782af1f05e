// SPDX-License-Identifier: MIT
// The manipulation options (resolved mix, checks), the label spellings, the helpers the passes
// share (new domains, role picking, draws) and plant_manipulation, which runs the passes in
// order, each from its own random stream derived from the seed (serial: thread-count free).
#include "manipulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "linkequity/config.hpp"

namespace linkequity::web {

const enum_names<domain_label>& spellings(domain_label) {
    static constexpr enum_spelling<domain_label> names[] = {
        {domain_label::honest, "honest"},       {domain_label::target, "target"},
        {domain_label::farm, "farm"},           {domain_label::pbn, "pbn"},
        {domain_label::exchange, "exchange"},   {domain_label::paid_seller, "paid_seller"},
        {domain_label::paid_buyer, "paid_buyer"}, {domain_label::expired, "expired"}};
    static constexpr auto table = make_enum_names(names);
    return table;
}

manipulation_options manipulation_options::resolved(std::size_t domains) const {
    manipulation_options o = *this;
    if (!manipulation) return o;
    const double spam = spam_share * static_cast<double>(domains);
    const auto at_least_one = [](double x) {
        return static_cast<std::size_t>(std::max(1.0, std::round(x)));
    };
    if (o.farms == 0) o.farms = at_least_one(0.6 * spam / static_cast<double>(farm_size));
    if (o.pbns == 0) o.pbns = at_least_one(0.4 * spam / static_cast<double>(pbn_size));
    if (o.exchanges == 0) o.exchanges = at_least_one(spam / 5);
    if (o.paid_links == 0) o.paid_links = at_least_one(spam / 10);
    if (o.expired == 0) o.expired = at_least_one(spam / 10);
    return o;
}

void manipulation_options::validate(std::size_t domains) const {
    check_fields(*this, "synthetic_web");
    for (const auto& [value, name, max] : {std::tuple{farm_pages, "farm_pages", 1e6},
                                            std::tuple{pbn_pages, "pbn_pages", 1e6},
                                            std::tuple{farm_leak, "farm_leak", 1e3},
                                            std::tuple{pbn_backlinks, "pbn_backlinks", 1e3}})
        if (!(value <= max))
            throw std::invalid_argument(
                fmt::format("synthetic_web: {} must be <= {}, got {}", name, max, value));
    const manipulation_options r = resolved(domains);
    const double roles = static_cast<double>(r.farms) +
                         static_cast<double>(r.pbns) * static_cast<double>(r.pbn_targets) +
                         2.0 * static_cast<double>(r.exchanges) +
                         2.0 * static_cast<double>(r.paid_links) +
                         static_cast<double>(r.expired + synthetic::expired_sites(r));
    if (roles > static_cast<double>(domains) / 2)
        throw std::invalid_argument(fmt::format(
            "synthetic_web: manipulation needs {} honest domains as targets, exchangers, "
            "paid-link buyers/sellers and expired domains (farms + pbns * pbn_targets + 2 * "
            "exchanges + 2 * paid_links + expired + its money sites), at most half of domains "
            "({}); use more domains or fewer of them",
            roles, domains / 2));
    const double added = static_cast<double>(r.farms) * static_cast<double>(r.farm_size) +
                         static_cast<double>(r.pbns) * static_cast<double>(r.pbn_size);
    if (added > static_cast<double>(max_nodes) / 4)
        throw std::invalid_argument(fmt::format(
            "synthetic_web: farms * farm_size + pbns * pbn_size must be < {}, got {}",
            max_nodes / 4, added));
}

namespace synthetic {

std::uint32_t add_domain(spam_web& w, std::string name, std::uint32_t pages, bool www) {
    const std::uint64_t first = w.page_host.size();
    if (first + pages >= max_nodes)
        throw std::length_error(fmt::format(
            "synthetic_web: more than {} pages with the manipulation's domains", max_nodes));
    const auto d = static_cast<std::uint32_t>(w.domain_names.size());
    const auto h = static_cast<std::uint32_t>(w.host_names.size());
    w.host_names.push_back(www ? "www." + name : name);
    w.domain_names.push_back(std::move(name));
    w.host_domain.push_back(d);
    w.page_host.insert(w.page_host.end(), pages, h);
    w.domain_first_page.back() = static_cast<std::uint32_t>(first);  // the end entry becomes d's
    w.domain_first_page.push_back(static_cast<std::uint32_t>(first + pages));
    w.host_first_page.back() = static_cast<std::uint32_t>(first);
    w.host_first_page.push_back(static_cast<std::uint32_t>(first + pages));
    w.label.push_back(domain_label::honest);
    w.group.emplace_back();
    return d;
}

std::uint32_t take_honest(spam_web& w, rng& r, double lo, double hi) {
    const std::size_t n = w.by_popularity.size();
    const auto a = static_cast<std::size_t>(lo * static_cast<double>(n));
    const auto b = std::max(a + 1, std::min(n, static_cast<std::size_t>(hi * static_cast<double>(n))));
    std::size_t rank = a + r.below(b - a);
    for (int tries = 0; tries < 32 && w.taken[w.by_popularity[rank]]; ++tries)
        rank = a + r.below(b - a);
    for (std::size_t step = 1; w.taken[w.by_popularity[rank]]; ++step) {  // nearest free rank
        if (rank + step < n && !w.taken[w.by_popularity[rank + step]]) rank += step;
        else if (step <= rank && !w.taken[w.by_popularity[rank - step]]) rank -= step;
        else if (step > n) throw std::logic_error("synthetic_web: no honest domain left");
    }
    const std::uint32_t d = w.by_popularity[rank];
    w.taken[d] = 1;
    return d;
}

void set_role(spam_web& w, std::uint32_t d, domain_label l, const std::string& group) {
    w.label[d] = l;
    w.group[d] = group;
}

std::uint32_t page_of(const spam_web& w, std::uint32_t d, rng& r, double home) {
    const std::uint32_t first = w.first_page(d);
    if (r.uniform() < home) return first;
    return first + static_cast<std::uint32_t>(r.below(w.num_pages(d)));
}

std::uint32_t honest_page(const spam_web& w, rng& r) {
    return static_cast<std::uint32_t>(r.below(w.honest_pages));
}

std::uint32_t popular_domain(const spam_web& w, rng& r) {
    const auto c = static_cast<std::uint32_t>(r.below(w.alias_prob.size()));
    return r.uniform() < w.alias_prob[c] ? c : w.alias[c];
}

std::uint32_t poisson(rng& r, double mean) {
    const double limit = std::exp(-mean);
    double product = r.uniform();
    std::uint32_t k = 0;
    while (product > limit && k < 1000) {
        product *= r.uniform();
        ++k;
    }
    return k;
}

std::uint32_t page_count(rng& r, double mean) {
    if (mean <= 1) return 1;
    const double p = 1.0 / mean;  // 1 + Geometric(p) failures has mean 1/p
    const double u = 1.0 - r.uniform();
    return 1 + static_cast<std::uint32_t>(std::min(1e6, std::floor(std::log(u) / std::log1p(-p))));
}

namespace {

const char* const money_words[] = {"cheap", "best", "buy", "casino", "loans", "pills", "crypto",
                                   "bet", "replica", "deals", "free", "top", "seo", "win",
                                   "discount", "promo", "cash", "fast", "vip", "bonus"};
const char* const topic_words[] = {"garden", "travel", "kitchen", "family", "outdoor", "healthy",
                                   "urban", "vintage", "daily", "smart", "green", "modern",
                                   "simple", "happy", "coastal", "mountain", "city", "home"};
const char* const topic_nouns[] = {"tips", "journal", "notes", "guide", "stories", "corner",
                                   "life", "hub", "living", "diary", "insider", "review"};
const char* const spam_tlds[] = {".info", ".biz", ".xyz", ".top", ".online", ".com", ".net"};
const char* const blog_tlds[] = {".com", ".com", ".com", ".net", ".org", ".co.uk", ".de"};

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

}  // namespace

// Honest names are syllables + base-36 id, never a hyphen; these all have one, and the base-36
// id (>= the honest domain count) before the suffix keeps them unique among themselves.
std::string new_domain_name(rng& r, std::uint64_t id, bool honest_style) {
    std::string name;
    if (honest_style) {
        name = std::string(topic_words[r.below(count_of(topic_words))]) +
               topic_nouns[r.below(count_of(topic_nouns))] + "-" + base36(id) +
               blog_tlds[r.below(count_of(blog_tlds))];
    } else {
        const int words = 2 + static_cast<int>(r.below(2));
        for (int i = 0; i < words; ++i) {
            name += money_words[r.below(count_of(money_words))];
            name += '-';
        }
        name += base36(id);
        name += spam_tlds[r.below(count_of(spam_tlds))];
    }
    return name;
}

void add_link(spam_web& w, std::uint32_t src, std::uint32_t dst, edge_flags rel,
              link_position pos, std::uint8_t anchor_kind, std::uint32_t anchor_param) {
    w.links.push_back({src, dst, rel, pos, anchor_kind, anchor_param, false});
}

void add_redirect(spam_web& w, std::uint32_t src, std::uint32_t dst) {
    w.links.push_back({src, dst, flags::none, link_position::unknown, anchor::none, 0, true});
}

void plant_manipulation(spam_web& w, const manipulation_options& o, std::uint64_t seed) {
    w.by_popularity.resize(w.honest_domains);
    std::iota(w.by_popularity.begin(), w.by_popularity.end(), 0u);
    // Popularity = the preferential-attachment weight, recovered from the alias table's mass.
    std::vector<double> mass(w.honest_domains, 0.0);
    for (std::size_t c = 0; c < w.honest_domains; ++c) {
        mass[c] += w.alias_prob[c];
        mass[w.alias[c]] += 1 - w.alias_prob[c];
    }
    std::stable_sort(w.by_popularity.begin(), w.by_popularity.end(),
                     [&mass](std::uint32_t a, std::uint32_t b) { return mass[a] > mass[b]; });
    w.taken.assign(w.honest_domains, 0);
    w.label.assign(w.domain_names.size(), domain_label::honest);
    w.group.assign(w.domain_names.size(), std::string());
    // Each pass draws from its own stream: adding exchanges does not move the farms.
    const auto stream = [seed](std::uint64_t pass) { return rng(mix64(mix64(seed) ^ pass)); };
    rng farms = stream(0xFA2A5ull), pbns = stream(0x9B4Eull), exchanges = stream(0xE8C4ull),
        paid = stream(0x9A1Dull), expired = stream(0xE7D1ull);
    plant_link_farms(w, o, farms);
    plant_private_blog_networks(w, o, pbns);
    plant_link_exchanges(w, o, exchanges);
    plant_paid_links(w, o, paid);
    plant_expired_domains(w, o, expired);
}

}  // namespace synthetic
}  // namespace linkequity::web
