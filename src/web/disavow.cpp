// SPDX-License-Identifier: MIT
// disavow_list: line-by-line parser for Google's disavow format with its limits, strict
// (parse_error at the first bad line) or lenient (skip and report) mode, and lookups over
// sorted vectors (binary search per host label).
#include "linkequity/web/disavow.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <functional>

#include "linkequity/error.hpp"
#include "linkequity/web/domain.hpp"
#include "linkequity/web/url.hpp"
#include "text_lines.hpp"

namespace linkequity::web {
namespace {

using detail::is_space;
using detail::starts_with_ci;
using detail::trim;

constexpr std::size_t max_kept_line_text = 200;

// The normalised domain of a `domain:` entry's value, or an error message in `error`.
std::string parse_domain(std::string_view value, std::string& error) {
    if (value.empty()) {
        error = "\"domain:\" has no domain after it (expected e.g. domain:example.com)";
        return {};
    }
    if (value.find("://") != std::string_view::npos) {
        error = fmt::format("\"domain:{}\" holds a URL; a domain: entry takes a bare domain such "
                            "as domain:example.com",
                            value);
        return {};
    }
    if (value.find_first_of("/\\") != std::string_view::npos) {
        error = fmt::format("\"domain:{}\" has a path; domain: entries take a bare domain "
                            "without subpaths (list a page as a full URL instead)",
                            value);
        return {};
    }
    if (value.find('*') != std::string_view::npos) {
        error = fmt::format("\"domain:{}\" has a wildcard; domain:example.com already covers "
                            "every subdomain",
                            value);
        return {};
    }
    if (value.find_first_of("?#") != std::string_view::npos) {
        error = fmt::format("\"domain:{}\" has a query or fragment; a bare domain is expected",
                            value);
        return {};
    }
    if (value.find('@') != std::string_view::npos) {
        error = fmt::format("\"domain:{}\" has user information; a bare domain is expected", value);
        return {};
    }
    const std::size_t close = value.front() == '[' ? value.find(']') : std::string_view::npos;
    const std::size_t colon = value.find(':', close == std::string_view::npos ? 0 : close);
    if (colon != std::string_view::npos) {
        error = fmt::format("\"domain:{}\" has a port; a bare domain is expected", value);
        return {};
    }
    for (char c : value) {
        if (is_space(c) || c == ' ') {
            error = fmt::format("\"domain:{}\" contains a space", value);
            return {};
        }
    }
    std::string url;
    url.reserve(value.size() + 8);
    url += "http://";
    url.append(value.data(), value.size());
    url += '/';
    normalized_url n = normalize_url(url);
    if (!n.ok()) {
        error = fmt::format("\"domain:{}\" is not a valid domain: {}", value, n.error);
        return {};
    }
    return std::move(n.host);
}

std::string parse_url_entry(std::string_view entry, std::string& error) {
    if (entry.size() > disavow_max_url_length) {
        error = fmt::format("URL is {} characters long; Google's limit is {}", entry.size(),
                            disavow_max_url_length);
        return {};
    }
    normalized_url n = normalize_url(entry);
    if (n.ok()) return std::move(n.url);
    if (n.kind == url_kind::non_web) {
        error = fmt::format("\"{}\" is a {}: URL; only http(s) URLs and domain: entries are "
                            "allowed",
                            entry, n.url);
    } else if (n.error.find("without a base") != std::string::npos) {
        error = fmt::format("\"{}\" is not an absolute URL; write a page as http(s)://… or a "
                            "whole domain as domain:example.com",
                            entry);
    } else {
        error = fmt::format("\"{}\" is not a valid URL: {}", entry, n.error);
    }
    return {};
}

[[noreturn]] void throw_size(const std::string& name, std::size_t size) {
    throw parse_error(name, 0, 0,
                      fmt::format("disavow file is {} bytes; Google's limit is 2 MB ({} bytes)",
                                  size, disavow_max_bytes));
}

void sort_unique(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool contains(const std::vector<std::string>& sorted, std::string_view key) {
    return std::binary_search(sorted.begin(), sorted.end(), key, std::less<>{});
}

}  // namespace

disavow_list disavow_list::parse(std::string_view text, const std::string& name, bool skip_bad) {
    if (text.size() > disavow_max_bytes) throw_size(name, text.size());
    disavow_list list;
    disavow_report& rep = list.report_;
    rep.source = name;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);

    std::size_t pos = 0;
    std::size_t line_no = 0;
    std::string error;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view raw_line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line_no > disavow_max_lines) {
            throw parse_error(name, line_no, 0,
                              fmt::format("disavow file has more than {} lines (Google's limit, "
                                          "comments and blank lines included)",
                                          disavow_max_lines));
        }
        const std::string_view line = trim(raw_line);
        error = detail::utf8_line_error(raw_line);
        if (!error.empty()) {
            // not UTF-8: a bad line, reported below
        } else if (line.empty()) {
            ++rep.blank_lines;
            continue;
        } else if (line.front() == '#') {
            ++rep.comment_lines;
            continue;
        } else if (starts_with_ci(line, "domain:")) {
            std::string domain = parse_domain(trim(line.substr(7)), error);
            if (error.empty()) {
                list.domains_.push_back(std::move(domain));
                ++rep.domain_lines;
                continue;
            }
        } else {
            std::string url = parse_url_entry(line, error);
            if (error.empty()) {
                list.urls_.push_back(std::move(url));
                ++rep.url_lines;
                continue;
            }
        }
        if (!skip_bad) throw parse_error(name, line_no, 0, error);
        disavow_skipped_line skipped;
        skipped.line = line_no;
        skipped.reason = std::move(error);
        skipped.text.assign(raw_line.data(), std::min(raw_line.size(), max_kept_line_text));
        rep.skipped.push_back(std::move(skipped));
        error = std::string();
    }
    rep.lines = line_no;
    sort_unique(list.domains_);
    sort_unique(list.urls_);
    rep.duplicates =
        (rep.domain_lines - list.domains_.size()) + (rep.url_lines - list.urls_.size());
    return list;
}

disavow_list disavow_list::read(const std::string& path, bool skip_bad) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw parse_error(path, 0, 0,
                          fmt::format("disavow_list::read: cannot open the file: {}",
                                      std::strerror(errno)));
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) {
        throw parse_error(path, 0, 0, "disavow_list::read: cannot determine the file size");
    }
    if (static_cast<std::size_t>(size) > disavow_max_bytes) {
        throw_size(path, static_cast<std::size_t>(size));
    }
    in.seekg(0, std::ios::beg);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (size > 0 && !in.read(text.data(), size)) {
        throw parse_error(path, 0, 0, "disavow_list::read: reading the file failed");
    }
    return parse(text, path, skip_bad);
}

bool disavow_list::matches_url(std::string_view normalized_url) const {
    return !urls_.empty() && contains(urls_, normalized_url);
}

bool disavow_list::matches_host(std::string_view host) const {
    if (domains_.empty() || host.empty()) return false;
    if (public_suffix_list::is_ip_host(host)) return contains(domains_, host);
    for (bool whole = true;; whole = false) {
        // An IP entry covers that address only, never as a "parent" of a longer name.
        if (contains(domains_, host) && (whole || !public_suffix_list::is_ip_host(host))) {
            return true;
        }
        const std::size_t dot = host.find('.');
        if (dot == std::string_view::npos) return false;
        host.remove_prefix(dot + 1);
    }
}

bool disavow_list::matches(std::string_view normalized_source_url,
                           std::string_view source_host) const {
    if (matches_url(normalized_source_url)) return true;
    if (domains_.empty()) return false;
    if (source_host.empty()) {
        // scheme://[userinfo@]host[:port]/…
        std::string_view rest = normalized_source_url;
        const std::size_t sep = rest.find("://");
        if (sep == std::string_view::npos) return false;
        rest.remove_prefix(sep + 3);
        rest = rest.substr(0, rest.find_first_of("/?"));
        if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
            rest.remove_prefix(at + 1);
        }
        const std::size_t close = rest.find(']');
        const std::size_t colon = rest.find(':', close == std::string_view::npos ? 0 : close);
        source_host = rest.substr(0, colon);
    }
    return matches_host(source_host);
}

}  // namespace linkequity::web
