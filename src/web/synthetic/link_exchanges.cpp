// SPDX-License-Identifier: MIT
// Manipulation pass: reciprocal link exchanges. Each exchange is a pair of honest domains of
// middling popularity (now `exchange`, one group per pair) that link to each other: 1–3
// followable links each way, from "partners"-style content, sidebar or footer spots, mostly to
// the other's home page, with brand or keyword anchors.
#include <fmt/format.h>

#include "manipulation.hpp"

namespace linkequity::web::synthetic {
namespace {

void link_one_way(spam_web& w, std::uint32_t from, std::uint32_t to, rng& r) {
    const std::uint32_t n = 1 + static_cast<std::uint32_t>(r.below(3));
    for (std::uint32_t k = 0; k < n; ++k) {
        const double v = r.uniform();
        const link_position pos = v < 0.5   ? link_position::content
                                  : v < 0.8 ? link_position::sidebar
                                            : link_position::footer;
        add_link(w, page_of(w, from, r, 0.2), page_of(w, to, r, 0.7), flags::none, pos,
                 r.uniform() < 0.5 ? anchor::brand : anchor::words,
                 static_cast<std::uint32_t>(r.next()));
    }
}

}  // namespace

// Both sides from the popularity ranks [20 %, 100 %): small and mid-sized sites trade links.
void plant_link_exchanges(spam_web& w, const manipulation_options& o, rng& r) {
    for (std::size_t i = 0; i < o.exchanges; ++i) {
        const std::string group = fmt::format("exchange-{}", i);
        const std::uint32_t a = take_honest(w, r, 0.20, 1.0);
        const std::uint32_t b = take_honest(w, r, 0.20, 1.0);
        set_role(w, a, domain_label::exchange, group);
        set_role(w, b, domain_label::exchange, group);
        link_one_way(w, a, b, r);
        link_one_way(w, b, a, r);
    }
}

}  // namespace linkequity::web::synthetic
