// SPDX-License-Identifier: MIT
// Anchor text of the links into a target domain or page (docs/backlinks.md "Anchor text"):
// links and referring domains per anchor, each anchor's class (exact, partial, branded, url,
// generic, empty, other), and the totals per class. The generic-anchor list is generic_anchors().
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

/// Anchor classes, in the order the classifier tries them (the first that applies wins).
enum class anchor_class : std::uint8_t { empty, url, exact, partial, branded, generic, other };
inline constexpr std::size_t num_anchor_classes = 7;

/// "empty", "url", "exact", "partial", "branded", "generic", "other".
const char* anchor_class_name(anchor_class c) noexcept;

/// An anchor as the classifier compares it: ASCII letters lowercased, runs of whitespace (ASCII
/// and U+00A0) made one space, leading/trailing whitespace dropped. Non-ASCII letters are kept as
/// they are (no Unicode case folding).
std::string normalize_anchor(std::string_view text);

/// The documented generic anchors, normalized, sorted: English, German, French, Spanish, Italian,
/// Dutch and Portuguese ("click here", "here", "read more", "website", "link", "hier", "ici",
/// "aquí", "clicca qui", …). An anchor is generic when, normalized and stripped of surrounding
/// punctuation (. , : ; ! ? … » « > < - – — | ( ) [ ] " '), it equals one of them.
const std::vector<std::string>& generic_anchors();

/// The class of one anchor for a target whose brand is `brand` (its registrable domain without
/// the public suffix: "nike" for nike.co.uk), with `keywords` normalized by normalize_anchor:
///  1. empty   — nothing but whitespace;
///  2. url     — a URL or domain name: starts with http://, https:// or www., or is one word of
///               dot-separated labels whose last label has ≥ 2 letters ("nike.com/shoes");
///  3. exact   — equals a keyword (case- and whitespace-insensitive: normalized equality);
///  4. partial — contains a keyword as whole words (bounded by non-alphanumeric ASCII or the ends);
///  5. branded — contains the brand, or the brand with '-' read as ' ' or dropped ("my shop",
///               "myshop" for my-shop.com);
///  6. generic — in generic_anchors() (after stripping surrounding punctuation);
///  7. other   — descriptive text matching none of the above (docs/backlinks.md's six classes plus
///               this one, so every anchor has a class). O(length · keywords).
anchor_class classify_anchor(std::string_view anchor, const std::vector<std::string>& keywords,
                             std::string_view brand);

enum class anchor_level : std::uint8_t { domain, page };

struct anchors_options {
    /// Keywords for exact/partial; each is normalized; an empty one is an error. May be empty
    /// (no anchor is then exact or partial).
    std::vector<std::string> keywords;
    anchor_level level = anchor_level::domain;  ///< target is a domain or one page (URL)
    void validate() const;                       ///< @throws std::invalid_argument
};

struct anchor_row {
    std::string anchor;      ///< the text as in the input (anchors are grouped by exact text)
    anchor_class cls = anchor_class::other;
    std::uint64_t links = 0;              ///< link rows with this anchor into the target
    std::uint64_t referring_domains = 0;  ///< distinct linking domains
    double share = 0;                     ///< links / all counted links (0 when none)
};

struct anchor_class_total {
    anchor_class cls = anchor_class::other;
    std::uint64_t anchors = 0, links = 0, referring_domains = 0;
    double share = 0;  ///< links / all counted links
};

struct anchors_result {
    std::string target;  ///< domain name or page URL
    std::string brand;   ///< what `branded` looked for
    std::uint64_t links = 0, referring_domains = 0;
    /// Sorted by links (desc), referring_domains (desc), then anchor text (byte order: tie rule).
    std::vector<anchor_row> rows;
    /// One per class, in anchor_class order (classes without links included, with zeros).
    std::array<anchor_class_total, num_anchor_classes> classes{};
};

/// Anchors of every link into the target (a domain: any page of it; a page: that URL) from a page
/// of another registrable domain, followable or not (nofollow anchors shape a profile too).
/// Cost: O(L) plus O(A log A) for A distinct anchors.
/// @throws std::invalid_argument: an empty keyword, or an unknown target ("anchors: target
///         'x.com' is not a domain of the links" / "… is not a page of the links").
anchors_result anchors(const web::web_graph& g, std::string_view target,
                       const anchors_options& options = {});

}  // namespace linkequity::analysis
