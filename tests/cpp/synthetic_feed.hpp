// SPDX-License-Identifier: MIT
// The web graph of a synthetic web (web::synthetic_web's rows fed to a web_graph_builder), for
// the tests that score, contract or compare the synthetic web.
#pragma once

#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"

namespace test_synthetic {

/// Every row w generates, through one web_graph_builder with options `go`.
inline linkequity::web::web_graph feed(const linkequity::web::synthetic_web& w,
                                       const linkequity::web::web_graph_options& go = {}) {
    linkequity::web::web_graph_builder b(go);
    w.generate([&b](linkequity::span<const linkequity::io::raw_link> rows) {
        for (const auto& r : rows) b.add(r);
    });
    return b.finish();
}

}  // namespace test_synthetic
