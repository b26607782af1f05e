// SPDX-License-Identifier: MIT
// seed_list: the seed-file reader (line handling shared with the disavow reader through
// text_lines.hpp) and resolve_seeds, which marks the domains, hosts and pages an entry covers and
// collects each level's seeds in one pass over the pages.
#include "linkequity/web/seeds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "linkequity/error.hpp"
#include "linkequity/web/url.hpp"
#include "text_lines.hpp"

namespace linkequity::web {
namespace {

constexpr std::size_t max_seed_file_bytes = std::size_t{64} << 20;
constexpr std::size_t max_kept_line_text = 200;

/// The normalised host of a bare name, or an error message in `error`.
std::string parse_name(std::string_view value, std::string& error) {
    if (value.empty()) {
        error = "\"domain:\" has no domain after it (expected e.g. domain:example.com)";
        return {};
    }
    const std::size_t bad = value.find_first_of("/\\?#@*: \t");
    if (bad != std::string_view::npos) {
        error = fmt::format("\"{}\" is not a domain, a host or an absolute http(s) URL (it "
                            "has '{}'); write example.com, www.example.com or "
                            "https://example.com/page", value, value[bad]);
        return {};
    }
    normalized_url n = normalize_url(fmt::format("http://{}/", value));
    if (!n.ok()) {
        error = fmt::format("\"{}\" is not a valid host name: {}", value, n.error);
        return {};
    }
    return std::move(n.host);
}

std::string parse_url(std::string_view value, std::string& error) {
    normalized_url n = normalize_url(value);
    if (n.ok()) return std::move(n.url);
    error = n.kind == url_kind::non_web
                ? fmt::format("\"{}\" is a {}: URL; only http(s) URLs, domains and hosts are "
                              "allowed", value, n.url)
                : fmt::format("\"{}\" is not a valid URL: {}", value, n.error);
    return {};
}

}  // namespace

std::string seed_list::add(std::string_view line, std::size_t line_no) {
    std::string error;
    seed_entry e;
    e.line = line_no;
    if (detail::starts_with_ci(line, "domain:")) {
        e.kind = seed_kind::domain;
        e.value = parse_name(detail::trim(line.substr(7)), error);
    } else if (line.find("://") != std::string_view::npos) {
        e.kind = seed_kind::url;
        e.value = parse_url(line, error);
    } else {
        e.kind = seed_kind::name;
        e.value = parse_name(line, error);
    }
    if (error.empty() && seen_.insert({static_cast<int>(e.kind), e.value}).second)
        entries_.push_back(std::move(e));
    return error;
}

seed_list seed_list::parse(std::string_view text, const std::string& name, bool skip_bad) {
    seed_list s;
    s.source_ = name;
    s.lines_ = detail::for_each_line(text, [&](std::size_t line_no, std::string_view raw) {
        const std::string_view line = detail::trim(raw);
        std::string error = detail::utf8_line_error(raw);
        if (error.empty()) {
            if (line.empty() || line.front() == '#') return;
            error = s.add(line, line_no);
        }
        if (error.empty()) return;
        if (!skip_bad) throw parse_error(name, line_no, 0, error);
        s.skipped_.push_back({line_no, std::move(error),
                              std::string(raw.substr(0, max_kept_line_text))});
    });
    return s;
}

seed_list seed_list::read(const std::string& path, bool skip_bad) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw parse_error(path, 0, 0, fmt::format("seed file: cannot open the file: {}",
                                                  std::strerror(errno)));
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw parse_error(path, 0, 0, "seed file: cannot determine the file size");
    if (static_cast<std::size_t>(size) > max_seed_file_bytes)
        throw parse_error(path, 0, 0, fmt::format("seed file is {} bytes, more than the {} "
                                                  "allowed", size, max_seed_file_bytes));
    in.seekg(0, std::ios::beg);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (size > 0 && !in.read(text.data(), size))
        throw parse_error(path, 0, 0, "seed file: reading the file failed");
    return parse(text, path, skip_bad);
}

seed_list seed_list::from_entries(const std::vector<std::string>& entries,
                                  const std::string& name) {
    seed_list s;
    s.source_ = name;
    s.lines_ = entries.size();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string_view v = detail::trim(entries[i]);
        std::string error = v.empty() ? std::string("empty entry, expected a domain, host or URL")
                                      : s.add(v, i + 1);
        if (!error.empty()) throw parse_error(name, i + 1, 0, error);
    }
    return s;
}

seed_nodes resolve_seeds(const web_graph& g, const seed_list& seeds) {
    std::vector<unsigned char> domain_seed(g.num_domains(), 0), host_seed(g.num_hosts(), 0),
        page_seed(g.num_pages(), 0);
    // whole_*: every page (and host) below is seeded too
    std::vector<unsigned char> whole_domain(g.num_domains(), 0), whole_host(g.num_hosts(), 0);
    seed_nodes out;
    for (const seed_entry& e : seeds.entries()) {
        if (e.kind != seed_kind::url) {
            if (auto d = g.find_domain(e.value)) {
                domain_seed[*d] = whole_domain[*d] = 1;
                continue;
            }
            if (e.kind == seed_kind::name) {
                if (auto h = g.find_host(e.value)) {
                    host_seed[*h] = whole_host[*h] = 1;
                    domain_seed[g.domain_of_host(*h)] = 1;
                    continue;
                }
            }
        } else if (auto p = g.find_page(e.value)) {
            page_seed[*p] = 1;
            host_seed[g.host_of(*p)] = 1;
            domain_seed[g.domain_of(*p)] = 1;
            continue;
        }
        out.unmatched.push_back(e);
    }
    for (node_id h = 0; h < g.num_hosts(); ++h) {
        if (whole_domain[g.domain_of_host(h)]) host_seed[h] = whole_host[h] = 1;
        if (host_seed[h]) out.hosts.push_back(h);
    }
    for (node_id p = 0; p < g.num_pages(); ++p)
        if (page_seed[p] || whole_host[g.host_of(p)]) out.pages.push_back(p);
    for (node_id d = 0; d < g.num_domains(); ++d)
        if (domain_seed[d]) out.domains.push_back(d);
    return out;
}

}  // namespace linkequity::web
