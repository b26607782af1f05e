// SPDX-License-Identifier: MIT
// Manipulation pass: private blog networks. Each PBN is pbn_size new blog-like domains (topic
// names, ordinary TLDs, about pbn_pages pages each) that look like honest sites: internal links,
// citations of popular honest sites with the usual rel mix, legacy backlinks from honest pages
// (as an expired domain keeps them). Hidden in the content: 1–3 followable keyword links per
// member to the network's money sites (honest domains, now `target`), and sparse interlinks.
#include <fmt/format.h>

#include <algorithm>

#include "manipulation.hpp"

namespace linkequity::web::synthetic {
namespace {

/// A blog page's ordinary links: 2–5 internal, 0–2 citations of popular honest domains.
void link_blog_page(spam_web& w, std::uint32_t m, std::uint32_t p, rng& r) {
    const std::uint32_t internal = 2 + static_cast<std::uint32_t>(r.below(4));
    for (std::uint32_t k = 0; k < internal && w.num_pages(m) > 1; ++k) {
        std::uint32_t q = page_of(w, m, r, 0.3);
        if (q == p) q = w.first_page(m) + (p - w.first_page(m) + 1) % w.num_pages(m);
        const bool nav = r.uniform() < 0.5;
        add_link(w, p, q, flags::none, nav ? link_position::navigation : link_position::content,
                 nav ? anchor::navigation : anchor::words, static_cast<std::uint32_t>(r.next()));
    }
    const std::uint32_t citations = static_cast<std::uint32_t>(r.below(3));
    for (std::uint32_t k = 0; k < citations; ++k) {
        const edge_flags rel = r.uniform() < 0.3 ? flags::nofollow : flags::none;
        add_link(w, p, page_of(w, popular_domain(w, r), r, 0.4), rel, link_position::content,
                 r.uniform() < 0.5 ? anchor::brand : anchor::words,
                 static_cast<std::uint32_t>(r.next()));
    }
}

}  // namespace

// Money sites come from the popularity ranks [10 %, 80 %): established businesses buying rank.
void plant_private_blog_networks(spam_web& w, const manipulation_options& o, rng& r) {
    for (std::size_t k = 0; k < o.pbns; ++k) {
        const std::string group = fmt::format("pbn-{}", k);
        std::vector<std::uint32_t> money(o.pbn_targets), members(o.pbn_size);
        for (auto& t : money) {
            t = take_honest(w, r, 0.10, 0.80);
            set_role(w, t, domain_label::target, group);
        }
        for (auto& m : members) {
            const std::uint64_t id = w.domain_names.size();
            m = add_domain(w, new_domain_name(r, id, true),
                           std::max<std::uint32_t>(3, page_count(r, o.pbn_pages)),
                           r.uniform() < 0.7);
            set_role(w, m, domain_label::pbn, group);
        }
        for (std::uint32_t m : members) {
            const std::uint32_t first = w.first_page(m), pages = w.num_pages(m);
            for (std::uint32_t p = first; p < first + pages; ++p) link_blog_page(w, m, p, r);
            const std::uint32_t money_links = 1 + static_cast<std::uint32_t>(r.below(3));
            for (std::uint32_t i = 0; i < money_links; ++i)
                add_link(w, first + 1 + static_cast<std::uint32_t>(r.below(pages - 1)),
                         page_of(w, money[r.below(money.size())], r, 0.3), flags::none,
                         link_position::content, r.uniform() < 0.6 ? anchor::words : anchor::brand,
                         static_cast<std::uint32_t>(r.next()));
            if (r.uniform() < 0.3) {  // sparse interlinking: one other member, now and then
                std::uint32_t other = members[r.below(members.size())];
                if (other != m)
                    add_link(w, page_of(w, m, r, 0.0), w.first_page(other), flags::none,
                             link_position::content, anchor::brand,
                             static_cast<std::uint32_t>(r.next()));
            }
            const std::uint32_t legacy = poisson(r, o.pbn_backlinks);
            for (std::uint32_t i = 0; i < legacy; ++i)
                add_link(w, honest_page(w, r), page_of(w, m, r, 0.6), flags::none,
                         link_position::content, r.uniform() < 0.5 ? anchor::brand : anchor::words,
                         static_cast<std::uint32_t>(r.next()));
        }
    }
}

}  // namespace linkequity::web::synthetic
