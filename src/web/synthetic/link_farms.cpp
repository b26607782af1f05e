// SPDX-License-Identifier: MIT
// Manipulation pass: link farms. Each farm is farm_size new low-value domains (hyphenated money
// keywords, cheap TLDs, a few pages) whose pages all link to one boosted target (an honest domain
// of modest popularity, now labelled `target`), to other members, and now and then to a popular
// honest site as camouflage; a few followable links leak in from honest pages (comment spam).
#include <fmt/format.h>

#include "manipulation.hpp"

namespace linkequity::web::synthetic {
namespace {

/// Links of one farm member's pages: the target, other members, own pages, camouflage.
void link_member_pages(spam_web& w, std::size_t i, const std::vector<std::uint32_t>& members,
                       std::uint32_t target, rng& r) {
    const std::uint32_t m = members[i];
    const std::uint32_t first = w.first_page(m), pages = w.num_pages(m);
    for (std::uint32_t p = first; p < first + pages; ++p) {
        // The money link: keyword anchors mostly, in the content, to the home page or a page.
        add_link(w, p, page_of(w, target, r, 0.5), flags::none, link_position::content,
                 r.uniform() < 0.7 ? anchor::words : anchor::brand,
                 static_cast<std::uint32_t>(r.next()));
        const std::uint32_t peers = 1 + static_cast<std::uint32_t>(r.below(2));
        for (std::uint32_t k = 0; k < peers; ++k) {
            // Uniform over the other members: index i is m itself, so skip over it.
            std::size_t j = r.below(members.size() - 1);
            if (j >= i) ++j;
            add_link(w, p, page_of(w, members[j], r, 0.3), flags::none,
                     r.uniform() < 0.6 ? link_position::content : link_position::sidebar,
                     anchor::words, static_cast<std::uint32_t>(r.next()));
        }
        if (pages > 1)
            add_link(w, p, first + (p - first + 1) % pages, flags::none,
                     link_position::navigation, anchor::navigation,
                     static_cast<std::uint32_t>(r.next()));
        if (r.uniform() < 0.5) {  // camouflage: a link to a well-known honest site
            const std::uint32_t d = popular_domain(w, r);
            add_link(w, p, page_of(w, d, r, 0.6), flags::none, link_position::content,
                     anchor::generic, static_cast<std::uint32_t>(r.next()));
        }
    }
}

}  // namespace

// Targets come from the popularity ranks [30 %, 95 %): small commercial sites that need the boost.
void plant_link_farms(spam_web& w, const manipulation_options& o, rng& r) {
    for (std::size_t f = 0; f < o.farms; ++f) {
        const std::string group = fmt::format("farm-{}", f);
        const std::uint32_t target = take_honest(w, r, 0.30, 0.95);
        set_role(w, target, domain_label::target, group);
        std::vector<std::uint32_t> members(o.farm_size);
        for (auto& m : members) {
            const std::uint64_t id = w.domain_names.size();
            m = add_domain(w, new_domain_name(r, id, false), page_count(r, o.farm_pages),
                           r.uniform() < 0.3);
            set_role(w, m, domain_label::farm, group);
        }
        for (std::size_t i = 0; i < members.size(); ++i)
            link_member_pages(w, i, members, target, r);
        for (std::uint32_t m : members) {
            const std::uint32_t leaks = poisson(r, o.farm_leak);
            for (std::uint32_t k = 0; k < leaks; ++k)
                add_link(w, honest_page(w, r), page_of(w, m, r, 0.5), flags::none,
                         link_position::content, r.uniform() < 0.5 ? anchor::words : anchor::url,
                         static_cast<std::uint32_t>(r.next()));
        }
    }
}

}  // namespace linkequity::web::synthetic
