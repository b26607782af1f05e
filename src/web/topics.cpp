// SPDX-License-Identifier: MIT
// Topical authority on the web model: the topics file (CSV domain,topic), the per-level seeds
// (a domain seeds itself, its hosts and its pages), one batched topic_pagerank per level, and
// the `topic:<name>` / `top_topic` columns appended to the score tables.
#include "linkequity/web/topics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

#include "linkequity/error.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/url.hpp"
#include "text_lines.hpp"

namespace linkequity::web {
namespace {

/// The fields of one CSV line (RFC 4180 quotes; no line breaks inside fields). Returns false
/// for an unterminated quote.
bool split_csv(std::string_view line, std::vector<std::string>& out) {
    out.assign(1, std::string());
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else out.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return !quoted;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

/// The domain as the graph names domains (normalize_host_name: lowercase, IDN to punycode, no
/// trailing dot), or "" with the reason in `error` when it is no bare host name.
std::string domain_key(const std::string& d, std::string& error) {
    for (const char c : d)
        if (std::strchr("\"',;", c)) {
            error = fmt::format("'{}' is not a domain name (it has '{}')", d, c);
            return {};
        }
    std::string host = normalize_host_name(d, &error);
    if (host.empty()) error = fmt::format("'{}' is not a domain name: {}", d, error);
    return host;
}

/// Column indices of `domain` and `topic` in the header, or throws.
std::pair<std::size_t, std::size_t> header_columns(const std::vector<std::string>& fields,
                                                   const std::string& name, std::size_t line) {
    std::size_t domain = fields.size(), topic = fields.size();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string f = trimmed(fields[i]);
        for (char& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (f == "domain") domain = i;
        if (f == "topic") topic = i;
    }
    if (domain == fields.size() || topic == fields.size())
        throw parse_error(name, line, 0,
                          "topics: expected the header 'domain,topic', got '" +
                              fmt::format("{}", fmt::join(fields, ",")) + "'");
    return {domain, topic};
}

/// Index of `topic` in the sorted names (all names are collected first).
std::size_t index_of(const std::vector<std::string>& sorted, const std::string& topic) {
    return static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), topic) -
                                    sorted.begin());
}

/// Sorts the topic names and turns the (domain, name) rows into (domain, index).
topic_labels finish(std::vector<std::pair<std::string, std::string>>&& rows,
                    std::vector<topic_labels::skipped_line>&& skipped) {
    topic_labels out;
    for (const auto& r : rows) out.topics.push_back(r.second);
    std::sort(out.topics.begin(), out.topics.end());
    out.topics.erase(std::unique(out.topics.begin(), out.topics.end()), out.topics.end());
    for (auto& r : rows) out.domains.emplace_back(std::move(r.first), index_of(out.topics, r.second));
    out.skipped = std::move(skipped);
    return out;
}

}  // namespace

topic_labels topic_labels::parse(std::string_view text, const std::string& name, bool skip_bad) {
    std::vector<std::pair<std::string, std::string>> rows;
    std::vector<skipped_line> skipped;
    std::pair<std::size_t, std::size_t> cols{0, 0};
    bool header = false;
    std::vector<std::string> fields;
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
        auto bad = [&](const std::string& reason) {
            if (!skip_bad) throw parse_error(name, line_no, 0, "topics: " + reason);
            skipped.push_back({line_no, reason});
        };
        if (std::string error = detail::utf8_line_error(line); !error.empty()) {
            bad(error);  // topic names become column names: text only
            continue;
        }
        const std::string t = trimmed(line);
        if (t.empty() || t[0] == '#') continue;
        if (!split_csv(line, fields)) {
            bad(fmt::format("unterminated quote in '{}'", t));
            continue;
        }
        if (!header) {
            cols = header_columns(fields, name, line_no);
            header = true;
            continue;
        }
        if (fields.size() <= std::max(cols.first, cols.second)) {
            bad(fmt::format("expected the fields domain,topic, got '{}'", t));
            continue;
        }
        std::string error;
        const std::string domain = domain_key(trimmed(fields[cols.first]), error);
        const std::string topic = trimmed(fields[cols.second]);
        if (domain.empty())
            bad(error);
        else if (topic.empty())
            bad(fmt::format("empty topic for domain '{}'", domain));
        else
            rows.emplace_back(domain, topic);
    }
    if (!header) throw parse_error(name, 0, 0, "topics: expected the header 'domain,topic'");
    if (rows.empty()) throw parse_error(name, 0, 0, "topics: no domain,topic rows");
    return finish(std::move(rows), std::move(skipped));
}

topic_labels topic_labels::read(const std::string& path, bool skip_bad) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw parse_error(path, 0, 0, fmt::format("topics: cannot open the file: {}",
                                                  std::strerror(errno)));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse(text, path, skip_bad);
}

topic_labels topic_labels::from_pairs(const std::vector<std::string>& domains,
                                      const std::vector<std::string>& topics) {
    if (domains.size() != topics.size())
        throw std::invalid_argument(fmt::format(
            "topics: {} domains and {} topics, expected one topic per domain", domains.size(),
            topics.size()));
    std::vector<std::pair<std::string, std::string>> rows;
    for (std::size_t i = 0; i < domains.size(); ++i) {
        std::string error;
        const std::string d = domain_key(trimmed(domains[i]), error);
        const std::string t = trimmed(topics[i]);
        if (d.empty()) throw std::invalid_argument("topics: " + error);
        if (t.empty())
            throw std::invalid_argument(fmt::format("topics: empty topic for domain '{}'", d));
        rows.emplace_back(d, t);
    }
    if (rows.empty()) throw std::invalid_argument("topics: no domains given");
    return finish(std::move(rows), {});
}

}  // namespace linkequity::web

namespace linkequity::web {
namespace {

/// Each topic's domain ids (ascending, distinct); labelled domains not in g go to `unknown`.
std::vector<std::vector<node_id>> topic_domains(const web_graph& g, const topic_labels& labels,
                                                std::vector<std::string>& unknown) {
    std::vector<std::vector<node_id>> out(labels.topics.size());
    for (const auto& [domain, t] : labels.domains) {
        std::optional<node_id> d = g.find_domain(domain);
        if (!d) {  // a host name given for its domain: www.example.com → example.com
            const std::string reg = g.suffix_list().registrable_domain(domain);
            if (!reg.empty() && reg != domain) d = g.find_domain(reg);
        }
        if (d) out[t].push_back(*d);
        else unknown.push_back(domain);
    }
    for (std::size_t t = 0; t < out.size(); ++t) {
        std::sort(out[t].begin(), out[t].end());
        out[t].erase(std::unique(out[t].begin(), out[t].end()), out[t].end());
        if (out[t].empty()) {
            std::vector<std::string> names;
            for (const auto& [domain, u] : labels.domains)
                if (u == t) names.push_back(domain);
            throw std::invalid_argument(fmt::format(
                "topics: topic '{}': none of its domains ({}) is in the input",
                labels.topics[t], fmt::join(names, ", ")));
        }
    }
    return out;
}

/// The seeds of one level: at domain level the domains themselves; at host / page level the
/// members of each seed domain (`member_domain[x]` is member x's domain), each weighted
/// 1 / (members of its domain).
std::vector<topic_seeds> level_seeds(const topic_labels& labels,
                                     const std::vector<std::vector<node_id>>& domains,
                                     std::size_t num_domains,
                                     const std::function<node_id(node_id)>* member_domain,
                                     std::size_t members) {
    std::vector<topic_seeds> out(labels.topics.size());
    for (std::size_t t = 0; t < out.size(); ++t) out[t].name = labels.topics[t];
    if (!member_domain) {
        for (std::size_t t = 0; t < out.size(); ++t) out[t].nodes = domains[t];
        return out;
    }
    std::vector<std::uint32_t> count(num_domains, 0);
    for (node_id x = 0; x < members; ++x) ++count[(*member_domain)(x)];
    std::vector<std::vector<std::size_t>> topics_of(num_domains);
    for (std::size_t t = 0; t < domains.size(); ++t)
        for (const node_id d : domains[t]) topics_of[d].push_back(t);
    for (node_id x = 0; x < members; ++x) {
        const node_id d = (*member_domain)(x);
        for (const std::size_t t : topics_of[d]) {
            out[t].nodes.push_back(x);
            out[t].weights.push_back(1.0 / count[d]);
        }
    }
    return out;
}

topic_pagerank_options topic_options(const authority_options& o) {
    topic_pagerank_options to;
    pagerank_options& p = to.pagerank;
    p.damping = o.pagerank.damping;
    p.tolerance = o.pagerank.tolerance;
    p.max_iterations = o.pagerank.max_iterations;
    p.weighted = o.pagerank.weighted;
    p.excluded = o.pagerank.excluded;
    p.excluded_links = o.pagerank.excluded_links;
    p.node_order = o.pagerank.node_order;
    p.progress = o.pagerank.progress;
    // The batch runs power or local Gauss–Seidel; the other solvers leave the topics on power.
    if (o.pagerank.solver == pagerank_solver::local_gauss_seidel) p.solver = o.pagerank.solver;
    return to;
}

}  // namespace

topic_scores compute_topics(const web_graph& g, const topic_labels& labels,
                            const authority_options& o, bool hosts) {
    o.validate();
    if (labels.topics.empty()) throw std::invalid_argument("topics: no topics given");
    topic_scores r;
    const auto domains = topic_domains(g, labels, r.unknown_domains);
    const contraction_options co = contraction_of(o);
    const topic_pagerank_options to = topic_options(o);
    const std::size_t nd = g.num_domains();
    {
        const std::function<node_id(node_id)> of = [&g](node_id p) { return g.domain_of(p); };
        r.pages = topic_pagerank(page_graph(g, co),
                                 level_seeds(labels, domains, nd, &of, g.num_pages()), to);
    }
    r.domains = topic_pagerank(contract(g, graph_level::domain, co),
                               level_seeds(labels, domains, nd, nullptr, nd), to);
    if (hosts) {
        const std::function<node_id(node_id)> of = [&g](node_id h) {
            return g.domain_of_host(h);
        };
        r.hosts = topic_pagerank(contract(g, graph_level::host, co),
                                 level_seeds(labels, domains, nd, &of, g.num_hosts()), to);
    }
    return r;
}

void append_topic_columns(score_table& t, const topic_pagerank_result& r) {
    const std::size_t n = r.num_nodes, k = r.num_topics();
    if (n != t.size())
        throw std::invalid_argument(fmt::format(
            "append_topic_columns: {} topic scores for a table of {} rows", n, t.size()));
    for (std::size_t c = 0; c < k; ++c) {
        std::vector<double> col(n);
        for (std::size_t i = 0; i < n; ++i) col[i] = r.scores[i * k + c];
        t.columns.push_back({"topic:" + r.topics[c], std::move(col), number_style::scientific});
    }
    // Topics in name order, so ties go to the first name.
    std::vector<std::size_t> by_name(k);
    for (std::size_t c = 0; c < k; ++c) by_name[c] = c;
    std::sort(by_name.begin(), by_name.end(),
              [&r](std::size_t a, std::size_t b) { return r.topics[a] < r.topics[b]; });
    std::vector<std::string> top(n);
    for (std::size_t i = 0; i < n; ++i) {
        double best = 0;
        for (const std::size_t c : by_name)
            if (r.scores[i * k + c] > best) {
                best = r.scores[i * k + c];
                top[i] = r.topics[c];
            }
    }
    t.columns.push_back({"top_topic", std::move(top), number_style::plain});
}

topic_scores add_topic_columns(const web_graph& g, const topic_labels& labels,
                               const authority_options& options, score_table& pages,
                               score_table& domains, score_table* hosts) {
    topic_scores s = compute_topics(g, labels, options, hosts != nullptr);
    append_topic_columns(pages, s.pages);
    append_topic_columns(domains, s.domains);
    if (hosts) append_topic_columns(*hosts, s.hosts);
    return s;
}

}  // namespace linkequity::web
