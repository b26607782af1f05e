// SPDX-License-Identifier: MIT
// Topical authority on the web model (docs/topics.md): a topics file (CSV `domain,topic`) and,
// for each level (pages, domains, hosts), one TrustRank per topic seeded with the topic's
// domains (a domain seeds itself, its hosts and its pages), appended to the level's score table
// as `topic:<name>` columns and `top_topic`.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "linkequity/algo/topic_pagerank.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// Labelled domains: which domains belong to which topic (a domain may have several topics).
struct topic_labels {
    std::vector<std::string> topics;  ///< distinct topic names, sorted (the column order)
    /// (domain, index into topics), in file order; domains lowercased, trailing '.' removed.
    std::vector<std::pair<std::string, std::size_t>> domains;
    struct skipped_line {
        std::size_t line;
        std::string reason;
    };
    std::vector<skipped_line> skipped;  ///< bad rows skipped with skip_bad

    /// Reads a CSV file with the header `domain,topic` (either order, other columns ignored,
    /// blank lines and lines starting with '#' skipped; fields may be quoted as RFC 4180).
    /// A bad row (missing field, empty domain or topic, a domain with characters no host name
    /// has) throws parse_error "FILE:LINE: reason" naming the value, or with skip_bad is
    /// recorded in `skipped`. O(file size).
    /// @throws parse_error for a missing header, a bad row or a file without rows;
    ///         io_error when the file cannot be read.
    static topic_labels read(const std::string& path, bool skip_bad = false);
    /// As read(), from text in memory; `name` stands for the file name in messages.
    static topic_labels parse(std::string_view text, const std::string& name, bool skip_bad);
    /// From parallel lists (Python's dict or DataFrame). @throws std::invalid_argument for
    /// different lengths, an empty domain or topic.
    static topic_labels from_pairs(const std::vector<std::string>& domains,
                                   const std::vector<std::string>& topics);
};

/// Topic scores of each level, in node-id order (topic_pagerank_result::scores is n × k).
struct topic_scores {
    topic_pagerank_result pages, domains, hosts;  ///< hosts empty unless asked
    std::vector<std::string> unknown_domains;     ///< labelled domains not in the graph
};

/// For every topic t with domain set S_t, TrustRank (topic_pagerank) on each level's followable
/// graph (the graphs of compute_authority, same contraction and damping, tolerance,
/// max_iterations, excluded, excluded_links) with seeds: at domain level the domains of S_t
/// (weight 1 each); at host level every host of a domain in S_t, at page level every page of a
/// domain in S_t, each weighted 1 / (the domain's hosts or pages), so every seed domain weighs
/// the same. Labelled domains not in the graph are listed in unknown_domains.
/// Cost: one batched run per level (O(m · k') per pass) plus the graph contractions.
/// @throws std::invalid_argument when no topic is given or a topic has none of its domains in
///         the graph (the message names the topic and its domains).
topic_scores compute_topics(const web_graph& g, const topic_labels& labels,
                            const authority_options& options, bool hosts);

/// Appends to `t` one double column `topic:<name>` per topic (raw topic score, `{:.9e}`) and
/// the string column `top_topic`: the topic with the highest score for that node (ties: the
/// first name in sort order; empty when every topic score is 0). Every column of r sums to 1
/// over the same nodes, so the highest raw score is also the highest score relative to the
/// topic's mean. O(n · k). @throws std::invalid_argument when r's size is not t's level's.
void append_topic_columns(score_table& t, const topic_pagerank_result& r);

/// compute_topics, then append_topic_columns to `pages`, `domains` and (when not null) `hosts`.
/// Returns compute_topics' result: the labelled domains not in the graph, and per level the
/// batches' iterations, passes and convergence (with the scores the columns hold).
topic_scores add_topic_columns(const web_graph& g, const topic_labels& labels,
                               const authority_options& options, score_table& pages,
                               score_table& domains, score_table* hosts);

}  // namespace linkequity::web
