// SPDX-License-Identifier: MIT
// Anchor-text classification (classify_anchor, the generic-anchor list) and the anchor table of
// a target domain or page.
#include "linkequity/analysis/anchors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "linkequity/analysis/link_intersect.hpp"
#include "linkequity/web/url.hpp"

namespace linkequity::analysis {
namespace {

bool is_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/// Removes surrounding punctuation (ASCII and the UTF-8 sequences of … » « – —) and spaces.
std::string_view strip_punctuation(std::string_view s) {
    static const char* const multi[] = {"\xE2\x80\xA6", "\xC2\xBB", "\xC2\xAB", "\xE2\x80\x93",
                                        "\xE2\x80\x94", "\xE2\x80\xBA", "\xE2\x80\xB9"};
    const std::string_view ascii = " .,:;!?><-|()[]\"'/*#";
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        if (ascii.find(s.front()) != std::string_view::npos) { s.remove_prefix(1); changed = true; }
        if (!s.empty() && ascii.find(s.back()) != std::string_view::npos) { s.remove_suffix(1); changed = true; }
        for (const char* m : multi) {
            const std::string_view mv(m);
            if (s.size() >= mv.size() && s.substr(0, mv.size()) == mv) { s.remove_prefix(mv.size()); changed = true; }
            if (s.size() >= mv.size() && s.substr(s.size() - mv.size()) == mv) { s.remove_suffix(mv.size()); changed = true; }
        }
    }
    return s;
}

/// `needle` occurs in `hay` bounded by non-alphanumerics or the ends.
bool contains_words(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return false;
    for (std::size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) {
        const bool left = p == 0 || !is_alnum(static_cast<unsigned char>(hay[p - 1]));
        const std::size_t e = p + needle.size();
        const bool right = e == hay.size() || !is_alnum(static_cast<unsigned char>(hay[e]));
        if (left && right) return true;
    }
    return false;
}

/// A URL or a bare domain name ("nike.com", "www.nike.com/shoes", "https://…").
bool looks_like_url(std::string_view a) {
    if (a.rfind("http://", 0) == 0 || a.rfind("https://", 0) == 0 || a.rfind("www.", 0) == 0)
        return true;
    if (a.find(' ') != std::string_view::npos) return false;
    const std::string_view host = a.substr(0, a.find('/'));
    const std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    const std::string_view tld = host.substr(dot + 1);
    if (tld.size() < 2) return false;
    for (char c : tld) if (c < 'a' || c > 'z') return false;
    for (char c : host)
        if (!(is_alnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return false;
    return true;
}

}  // namespace

const char* anchor_class_name(anchor_class c) noexcept {
    switch (c) {
        case anchor_class::empty: return "empty";
        case anchor_class::url: return "url";
        case anchor_class::exact: return "exact";
        case anchor_class::partial: return "partial";
        case anchor_class::branded: return "branded";
        case anchor_class::generic: return "generic";
        case anchor_class::other: return "other";
    }
    return "other";
}

std::string normalize_anchor(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return out;
}

const std::vector<std::string>& generic_anchors() {
    static const std::vector<std::string> list = [] {
        std::vector<std::string> v = {
            // English
            "click here", "click", "here", "this", "read more", "more", "learn more", "more info",
            "more information", "find out more", "see more", "continue reading", "website",
            "web site", "site", "this site", "this website", "the website", "visit website",
            "visit site", "visit", "go to website", "homepage", "home page", "home", "link",
            "this link", "source", "article", "this article", "page", "this page", "url",
            "details", "view", "download", "check it out", "official site", "official website",
            // German
            "hier", "hier klicken", "klicken sie hier", "mehr", "mehr erfahren", "weiterlesen",
            "mehr lesen", "webseite", "internetseite", "quelle", "zur website",
            // French
            "ici", "cliquez ici", "cliquer ici", "en savoir plus", "lire la suite", "plus",
            "site web", "site internet", "lien", "ce lien",
            // Spanish
            "aquí", "aqui", "haga clic aquí", "haz clic aquí", "pincha aquí", "leer más",
            "más información", "sitio web", "enlace", "fuente", "página web",
            // Italian
            "qui", "clicca qui", "leggi di più", "leggi tutto", "sito", "sito web", "fonte",
            "collegamento",
            // Dutch
            "klik hier", "lees meer", "meer informatie", "lees verder", "bron",
            // Portuguese
            "clique aqui", "saiba mais", "leia mais", "página", "fonte"};
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }();
    return list;
}

anchor_class classify_anchor(std::string_view anchor, const std::vector<std::string>& keywords,
                             std::string_view brand) {
    const std::string a = normalize_anchor(anchor);
    if (a.empty()) return anchor_class::empty;
    if (looks_like_url(a)) return anchor_class::url;
    for (const auto& k : keywords)
        if (!k.empty() && a == k) return anchor_class::exact;
    for (const auto& k : keywords)
        if (contains_words(a, k)) return anchor_class::partial;
    if (!brand.empty()) {
        std::string spaced(brand), joined;
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        for (char c : brand) if (c != '-') joined.push_back(c);
        if (a.find(brand) != std::string::npos || a.find(spaced) != std::string::npos ||
            a.find(joined) != std::string::npos)
            return anchor_class::branded;
    }
    const std::string stripped(strip_punctuation(a));
    const auto& g = generic_anchors();
    if (std::binary_search(g.begin(), g.end(), stripped)) return anchor_class::generic;
    return anchor_class::other;
}

void anchors_options::validate() const {
    for (std::size_t i = 0; i < keywords.size(); ++i)
        if (normalize_anchor(keywords[i]).empty())
            throw std::invalid_argument(
                fmt::format("anchors: keyword {} is empty (keywords must hold text)", i + 1));
}

anchors_result anchors(const web::web_graph& g, std::string_view target,
                       const anchors_options& options) {
    options.validate();
    anchors_result r;
    std::vector<std::string> keys;
    for (const auto& k : options.keywords) keys.push_back(normalize_anchor(k));
    node_id target_domain = 0;
    std::optional<node_id> target_page;
    if (options.level == anchor_level::page) {
        const web::normalized_url u = web::normalize_url(target);
        target_page = u.ok() ? g.find_page(u.url) : std::nullopt;
        if (!target_page)
            throw std::invalid_argument(
                fmt::format("anchors: target '{}' is not a page of the links", target));
        target_domain = g.domain_of(*target_page);
        r.target = std::string(g.page_url(*target_page));
    } else {
        target_domain = resolve_domain(g, target, "anchors", "target");
        r.target = std::string(g.domain_name(target_domain));
    }
    const std::string_view dn = g.domain_name(target_domain);
    r.brand = std::string(dn.substr(0, dn.find('.')));

    // Per anchor id: links and the linking domains (sorted, deduplicated at the end).
    std::unordered_map<std::uint32_t, std::pair<std::uint64_t, std::vector<node_id>>> per_anchor;
    std::vector<node_id> all_domains;
    const auto src = g.link_sources(), dst = g.link_targets();
    const auto anc = g.link_anchors();
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        const node_id dt = g.domain_of(dst[l]);
        if (dt != target_domain || (target_page && dst[l] != *target_page)) continue;
        const node_id ds = g.domain_of(src[l]);
        if (ds == dt) continue;
        auto& e = per_anchor[anc[l]];
        ++e.first;
        e.second.push_back(ds);
        all_domains.push_back(ds);
        ++r.links;
    }
    auto distinct = [](std::vector<node_id>& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return static_cast<std::uint64_t>(v.size());
    };
    r.referring_domains = distinct(all_domains);
    std::array<std::vector<node_id>, num_anchor_classes> class_domains;
    for (std::size_t c = 0; c < num_anchor_classes; ++c) r.classes[c].cls = anchor_class(c);
    for (auto& [id, e] : per_anchor) {
        anchor_row row;
        row.anchor = std::string(g.anchor_text(id));
        row.cls = classify_anchor(row.anchor, keys, r.brand);
        row.links = e.first;
        auto& cd = class_domains[static_cast<std::size_t>(row.cls)];
        cd.insert(cd.end(), e.second.begin(), e.second.end());
        row.referring_domains = distinct(e.second);
        row.share = r.links ? double(row.links) / double(r.links) : 0.0;
        auto& t = r.classes[static_cast<std::size_t>(row.cls)];
        ++t.anchors;
        t.links += row.links;
        r.rows.push_back(std::move(row));
    }
    for (std::size_t c = 0; c < num_anchor_classes; ++c) {
        r.classes[c].referring_domains = distinct(class_domains[c]);
        r.classes[c].share = r.links ? double(r.classes[c].links) / double(r.links) : 0.0;
    }
    std::sort(r.rows.begin(), r.rows.end(), [](const anchor_row& a, const anchor_row& b) {
        if (a.links != b.links) return a.links > b.links;
        if (a.referring_domains != b.referring_domains) return a.referring_domains > b.referring_domains;
        return a.anchor < b.anchor;
    });
    return r;
}

}  // namespace linkequity::analysis
