// SPDX-License-Identifier: MIT
// read_redirects: redirect / canonical map files (`url,redirect_url[,status]`, `url,canonical_url`,
// and Screaming Frog's "Internal", "Response Codes" and "Canonicals" exports), recognised by the
// header row, one raw_link record per redirect or canonical (docs/input.md#redirect-and-canonical-
// map-files). Streaming, with the same strict/lenient bad-row rules as link files.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "link_formats.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"
#include "text_stream.hpp"

namespace linkequity::io {
namespace {

using detail::csv_error;
using detail::csv_row;

/// Where the roles of a map file are (-1 = absent).
struct map_columns {
    int url = -1, redirect = -1, canonical = -1, http_canonical = -1, status = -1, type = -1;
};

int find_any(const std::vector<std::string>& normalized, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const std::string n = detail::normalize_header_name(name);
        const auto it = std::find(normalized.begin(), normalized.end(), n);
        if (it != normalized.end()) return static_cast<int>(it - normalized.begin());
    }
    return -1;
}

map_columns map_header(const csv_row& row, const std::string& path) {
    std::vector<std::string> n;
    std::string found;
    for (std::size_t i = 0; i < row.size(); ++i) {
        n.push_back(detail::normalize_header_name(detail::trim(row.field(i))));
        found += fmt::format("{}'{}'", i ? ", " : "", detail::trim(row.field(i)));
    }
    map_columns m;
    m.url = find_any(n, {"url", "address", "source", "from"});
    m.redirect = find_any(n, {"redirect url", "redirect", "redirect uri", "location"});
    m.canonical = find_any(n, {"canonical url", "canonical", "canonical link element 1"});
    m.http_canonical = find_any(n, {"http canonical 1"});
    m.status = find_any(n, {"status code", "status"});
    m.type = find_any(n, {"redirect type"});
    if (m.url < 0 || (m.redirect < 0 && m.canonical < 0 && m.http_canonical < 0))
        throw parse_error(path, row.line, 0,
                          fmt::format("header lacks the columns of a redirect map: {}{}; found "
                                      "columns: {}",
                                      m.url < 0 ? "no URL column (expected 'url' or 'address')"
                                                : "",
                                      m.redirect < 0 && m.canonical < 0
                                          ? std::string(m.url < 0 ? "; " : "") +
                                                "no target column (expected 'redirect_url', "
                                                "'canonical_url' or 'Canonical Link Element 1')"
                                          : "",
                                      found));
    return m;
}

std::string_view cell(const csv_row& row, int col) {
    return col >= 0 && static_cast<std::size_t>(col) < row.size()
               ? detail::trim(row.field(static_cast<std::size_t>(col)))
               : std::string_view();
}

/// The redirect status of a row: the `redirect type` cell when it names a meta refresh or
/// JavaScript redirect, else the status cell. False (a bad row) when neither is a redirect.
bool row_status(const csv_row& row, const map_columns& m, std::uint16_t& status) {
    std::uint16_t by_type = redirect_status::unknown;
    if (m.type >= 0 && parse_redirect_status(cell(row, m.type), by_type) &&
        by_type != redirect_status::unknown) {
        status = by_type;
        return true;
    }
    return parse_redirect_status(cell(row, m.status), status);
}

/// Delivers the records of one data row; reports its bad fields.
void map_row(const csv_row& row, const map_columns& m, const read_options& options,
             read_report& report, raw_link& link,
             const std::function<void(const raw_link&)>& sink) {
    auto bad = [&](int col, const char* reason, const std::string& detail) {
        const auto& at = row.starts[std::min<std::size_t>(static_cast<std::size_t>(col),
                                                          row.starts.size() - 1)];
        report.bad_row(options.skip_bad, at.line, at.column, reason, detail);
    };
    const std::string_view url = cell(row, m.url);
    std::string_view canonical = cell(row, m.canonical);
    if (canonical.empty()) canonical = cell(row, m.http_canonical);
    const std::string_view redirect = cell(row, m.redirect);
    if (redirect.empty() && canonical.empty()) return;  // a page without a record
    if (url.empty()) return bad(m.url, "empty URL field", "");
    if (!detail::valid_utf8(url) || !detail::valid_utf8(redirect) || !detail::valid_utf8(canonical))
        return bad(m.url, "invalid UTF-8 in URL field", "");
    std::uint16_t status = redirect_status::unknown;
    if (!redirect.empty() && !row_status(row, m, status))
        return bad(m.status, "invalid redirect status",
                   fmt::format("'{}' (expected 301, 302, 303, 307, 308, meta-refresh or "
                               "javascript)",
                               cell(row, m.status)));
    link.source.assign(url);
    link.line = row.line;
    if (!redirect.empty()) {
        link.kind = record_kind::redirect;
        link.target.assign(redirect);
        link.status = status;
        ++report.links;
        sink(link);
    }
    if (!canonical.empty()) {
        link.kind = record_kind::canonical;
        link.target.assign(canonical);
        link.status = redirect_status::unknown;
        ++report.links;
        sink(link);
    }
}

}  // namespace

read_report read_redirects(const std::string& path, const read_options& options,
                           const std::function<void(const raw_link&)>& sink) {
    detail::text_stream in = detail::text_stream::open_file(path);
    read_report report;
    report.path = in.name();
    report.format = link_format::generic;
    detail::csv_tokenizer tok(in, options.max_row_bytes);
    const std::string_view head = tok.peek();
    if (head.empty()) throw parse_error(path, 0, 0, "empty file (no header row)");
    bool sep_line = false;
    const char delim = detail::header_delimiter(head, sep_line);
    csv_row row;
    if (sep_line) tok.next_line(row);
    tok.set_delimiter(delim);
    if (!tok.next(row)) throw parse_error(path, 0, 0, "empty file (no header row)");
    if (row.error != csv_error::none)
        throw parse_error(path, row.error_pos.line, row.error_pos.column,
                          fmt::format("bad header row: {}", detail::csv_error_reason(row.error)));
    const map_columns m = map_header(row, path);
    raw_link link;
    while (tok.next(row)) {
        ++report.rows;
        if (row.error != csv_error::none) {
            report.bad_row(options.skip_bad, row.error_pos.line, row.error_pos.column,
                           detail::csv_error_reason(row.error));
            continue;
        }
        const std::size_t before = report.links + report.skipped;
        map_row(row, m, options, report, link, sink);
        if (report.links + report.skipped == before) ++report.resources;  // no record
    }
    return report;
}

}  // namespace linkequity::io
