// SPDX-License-Identifier: MIT
// Manipulation pass: expired-domain redirects. A money site (an honest domain, now `target`)
// buys expired_per_site formerly honest domains for the backlinks the honest web gave them (they
// keep those links: the honest rows still point at them) and 301-redirects every URL of each to
// its home page. The domains are labelled `expired`; the redirect records come after the links.
#include <fmt/format.h>

#include <algorithm>

#include "manipulation.hpp"

namespace linkequity::web::synthetic {

// Expired domains come from the popularity ranks [2 %, 50 %) (a backlink profile worth buying),
// money sites from [20 %, 90 %) (ordinary businesses).
void plant_expired_domains(spam_web& w, const manipulation_options& o, rng& r) {
    const std::size_t sites = expired_sites(o);
    for (std::size_t k = 0; k < sites; ++k) {
        const std::string group = fmt::format("expired-{}", k);
        const std::uint32_t money = take_honest(w, r, 0.20, 0.90);
        set_role(w, money, domain_label::target, group);
        const std::size_t count = std::min(o.expired_per_site, o.expired - k * o.expired_per_site);
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t d = take_honest(w, r, 0.02, 0.50);
            set_role(w, d, domain_label::expired, group);
            const std::uint32_t first = w.first_page(d), pages = w.num_pages(d);
            for (std::uint32_t p = first; p < first + pages; ++p)
                add_redirect(w, p, w.first_page(money));
        }
    }
}

}  // namespace linkequity::web::synthetic
