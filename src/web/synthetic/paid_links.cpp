// SPDX-License-Identifier: MIT
// Manipulation pass: sitewide paid footer links. Each deal has a seller (an honest site of some
// standing, now `paid_seller`) whose every page carries one footer link to the buyer's landing
// page (`paid_buyer`) with one keyword anchor, as a template link does. A share paid_sponsored of
// the deals declare it (rel="sponsored"); the rest pass PageRank as any followable link.
#include <fmt/format.h>

#include "manipulation.hpp"

namespace linkequity::web::synthetic {

// Sellers from the popularity ranks [0 %, 40 %) (authority to sell), buyers from [20 %, 100 %).
void plant_paid_links(spam_web& w, const manipulation_options& o, rng& r) {
    for (std::size_t i = 0; i < o.paid_links; ++i) {
        const std::string group = fmt::format("paid-{}", i);
        const std::uint32_t seller = take_honest(w, r, 0.0, 0.40);
        const std::uint32_t buyer = take_honest(w, r, 0.20, 1.0);
        set_role(w, seller, domain_label::paid_seller, group);
        set_role(w, buyer, domain_label::paid_buyer, group);
        const edge_flags rel = r.uniform() < o.paid_sponsored ? flags::sponsored : flags::none;
        const std::uint32_t landing = page_of(w, buyer, r, 0.6);
        const auto text = static_cast<std::uint32_t>(r.next());  // one anchor, sitewide
        const std::uint32_t first = w.first_page(seller), pages = w.num_pages(seller);
        for (std::uint32_t p = first; p < first + pages; ++p)
            add_link(w, p, landing, rel, link_position::footer, anchor::words, text);
    }
}

}  // namespace linkequity::web::synthetic
