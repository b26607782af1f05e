// SPDX-License-Identifier: MIT
// Redirects and canonicals in the synthetic web (`linkequity generate --redirect-share X`): a
// share of link targets is rewritten to a duplicate URL of the same page (http://, ?utm_source=,
// or both: a 2-hop mixed chain), each duplicate gets its redirect / canonical record row, and a
// few redirect loops are added. Off by default: the generator's output is then unchanged.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>

#include "linkequity/web/synthetic_web.hpp"

namespace linkequity::web {

struct synthetic_redirect_options {
    /// Share of link rows whose https:// target is rewritten to a duplicate URL, in [0, 1].
    double share = 0;
    /// Of the rewritten rows, one in `loop_every` also gets a 2-URL redirect loop (>= 1).
    std::uint64_t loop_every = 1000;
    /// @throws std::invalid_argument naming the option and its allowed range.
    void validate() const;
};

/// What write_csv_with_redirects added to the links.
struct synthetic_redirect_stats {
    std::uint64_t rewritten = 0;   ///< link rows whose target became a duplicate URL
    std::uint64_t redirects = 0;   ///< redirect record rows
    std::uint64_t canonicals = 0;  ///< canonical record rows
    std::uint64_t loops = 0;       ///< 2-URL redirect loops
    synthetic_web_stats links;     ///< the generator's counts of the links (as write_csv's)
};

/// Writes w's links as a generic CSV with the columns `source,target,anchor,rel,position,type,
/// status`: every link of w.generate() in order (rel and position as write_csv spells them),
/// with the target of about `o.share` of the https:// rows (chosen by a hash of the row number
/// and w's seed: deterministic) replaced by one of: `http://…` (record: 301 redirect to the
/// https URL), `…?utm_source=feed` (record: canonical to the URL), `http://…?ref=old` (records:
/// 301 redirect to `https://…?ref=old`, whose canonical is the URL: a 2-hop mixed chain). Each
/// duplicate URL's records are written once, right after the first row naming it. One rewritten
/// row in `o.loop_every` also adds a link to `…/loop-K-a` and the redirects `loop-K-a` →
/// `loop-K-b` → `loop-K-a`. The generator's own redirect records (expired domains,
/// synthetic_manipulation.hpp) are written as they are. O(links) time; memory O(distinct
/// duplicate URLs).
/// @throws std::ios_base::failure when writing fails; std::invalid_argument for bad options.
synthetic_redirect_stats write_csv_with_redirects(
    const synthetic_web& w, const synthetic_redirect_options& o, std::ostream& out,
    const std::function<void(std::size_t)>& progress = {});

}  // namespace linkequity::web
