// SPDX-License-Identifier: MIT
// read_matrix_market: the Matrix Market coordinate format as a directed graph — banner, size line,
// 1-based entries; pattern / real / integer values; general or symmetric (expanded) storage.
// Bad entries follow the strict/lenient switch of read_report::bad_row like every reader in io/.
#include "matrix_market.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "link_formats.hpp"
#include "linkequity/error.hpp"

namespace linkequity::io::detail {
namespace {

constexpr std::string_view banner = "%%matrixmarket";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/// Splits on blanks into at most `max` tokens; returns the token count (may exceed max).
std::size_t split_blanks(std::string_view line, std::string_view* tok, std::size_t max) {
    std::size_t n = 0, i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_blank(line[i])) ++i;
        if (i == line.size()) break;
        const std::size_t b = i;
        while (i < line.size() && !is_blank(line[i])) ++i;
        if (n < max) tok[n] = line.substr(b, i - b);
        ++n;
    }
    return n;
}

template <class T>
bool parse_whole(std::string_view t, T& out) {
    auto r = std::from_chars(t.data(), t.data() + t.size(), out);
    return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

struct mm_header {
    bool pattern = false;
    bool integer = false;
    bool symmetric = false;
    std::uint64_t n = 0;
    std::uint64_t nnz = 0;
};

/// "%%MatrixMarket matrix coordinate FIELD SYMMETRY" (words in any case).
void parse_banner(const csv_row& row, mm_header& h, const std::string& path) {
    std::string_view tok[6];
    const std::size_t n = split_blanks(row.data, tok, 6);
    auto fail = [&](const std::string& what) {
        throw parse_error(path, row.line, 1,
                          "bad Matrix Market header: " + what +
                              "; expected '%%MatrixMarket matrix coordinate "
                              "pattern|real|integer general|symmetric'");
    };
    if (n != 5) fail(fmt::format("{} words, expected 5", n));
    if (!iequals(tok[0], banner)) fail(fmt::format("'{}' is not the banner", tok[0]));
    if (!iequals(tok[1], "matrix")) fail(fmt::format("object '{}' is not 'matrix'", tok[1]));
    if (!iequals(tok[2], "coordinate"))
        fail(fmt::format("format '{}' is not supported (only 'coordinate')", tok[2]));
    h.pattern = iequals(tok[3], "pattern");
    h.integer = iequals(tok[3], "integer");
    if (!h.pattern && !h.integer && !iequals(tok[3], "real"))
        fail(fmt::format("field '{}' is not supported", tok[3]));
    h.symmetric = iequals(tok[4], "symmetric");
    if (!h.symmetric && !iequals(tok[4], "general"))
        fail(fmt::format("symmetry '{}' is not supported", tok[4]));
}

/// The first line that is neither blank nor a % comment: "rows columns entries", square.
void parse_size_line(csv_tokenizer& tok, csv_row& row, mm_header& h, const std::string& path) {
    while (tok.next_line(row)) {
        if (row.error != csv_error::none)
            throw parse_error(path, row.error_pos.line, row.error_pos.column,
                              std::string("bad Matrix Market size line: ") +
                                  csv_error_reason(row.error));
        const std::string_view line = trim(row.data);
        if (line.empty() || line[0] == '%') continue;
        std::string_view t[4];
        std::uint64_t rows = 0, cols = 0;
        if (split_blanks(line, t, 4) != 3 || !parse_whole(t[0], rows) || !parse_whole(t[1], cols) ||
            !parse_whole(t[2], h.nnz))
            throw parse_error(path, row.line, 1,
                              fmt::format("bad Matrix Market size line: '{}', expected 'rows "
                                          "columns entries' (three non-negative integers)",
                                          line));
        if (rows != cols)
            throw parse_error(path, row.line, 1,
                              fmt::format("Matrix Market matrix is {} x {}, expected a square "
                                          "matrix (an adjacency matrix: rows = columns = nodes)",
                                          rows, cols));
        if (rows > max_nodes)
            throw parse_error(path, row.line, 1,
                              fmt::format("Matrix Market matrix has {} rows, at most {} nodes "
                                          "are allowed",
                                          rows, max_nodes));
        h.n = rows;
        return;
    }
    throw parse_error(path, row.line, 0, "bad Matrix Market file: no size line after the banner");
}

/// One entry line → edge(s); false (after report.bad_row) when the entry is bad.
bool parse_entry(std::string_view line, const csv_row& row, const mm_header& h, edge_list& e,
                 read_report& report, const read_options& options) {
    auto column_of = [&](std::string_view t) {
        return static_cast<std::size_t>(t.data() - row.data.data()) + 1;
    };
    std::string_view t[4];
    const std::size_t want = h.pattern ? 2 : 3;
    const std::size_t n = split_blanks(line, t, 4);
    if (n != want) {
        report.bad_row(options.skip_bad, row.line, column_of(line),
                       n < want ? "too few columns" : "too many columns",
                       fmt::format("{} value{}, expected '{}'", n, n == 1 ? "" : "s",
                                   h.pattern ? "row column" : "row column value"));
        return false;
    }
    std::uint64_t id[2];
    for (int k = 0; k < 2; ++k) {
        if (!parse_whole(t[k], id[k]) || id[k] < 1 || id[k] > h.n) {
            report.bad_row(options.skip_bad, row.line, column_of(t[k]), "invalid node id",
                           fmt::format("'{}' is not an integer in [1, {}] (Matrix Market ids are "
                                       "1-based; the size line declares {} nodes)",
                                       t[k], h.n, h.n));
            return false;
        }
    }
    double w = 1.0;
    if (!h.pattern) {
        std::int64_t iv = 0;
        const bool ok = h.integer ? parse_whole(t[2], iv) && iv >= 0
                                  : parse_whole(t[2], w) && std::isfinite(w) && w >= 0;
        if (h.integer) w = static_cast<double>(iv);
        if (!ok) {
            report.bad_row(options.skip_bad, row.line, column_of(t[2]), "invalid weight",
                           fmt::format("'{}' is not {} >= 0", t[2],
                                       h.integer ? "an integer" : "a finite number"));
            return false;
        }
    }
    const auto u = static_cast<node_id>(id[0] - 1), v = static_cast<node_id>(id[1] - 1);
    const int copies = h.symmetric && u != v ? 2 : 1;
    for (int c = 0; c < copies; ++c) {
        e.src.push_back(c == 0 ? u : v);
        e.dst.push_back(c == 0 ? v : u);
        if (!h.pattern) e.weights.push_back(static_cast<edge_weight>(w));
    }
    report.links += static_cast<std::size_t>(copies);
    return true;
}

}  // namespace

bool is_matrix_market(std::string_view head) noexcept {
    return head.size() >= banner.size() && iequals(head.substr(0, banner.size()), banner);
}

edge_list read_matrix_market(csv_tokenizer& tok, read_report& report, const read_options& options) {
    const std::string& path = report.path;
    csv_row row;
    mm_header h;
    if (!tok.next_line(row) || row.error != csv_error::none)
        throw parse_error(path, 1, 1, "bad Matrix Market header: unreadable banner line");
    parse_banner(row, h, path);
    parse_size_line(tok, row, h, path);
    edge_list e;
    e.num_nodes = static_cast<std::size_t>(h.n);
    std::size_t last_line = row.line;
    while (tok.next_line(row)) {
        last_line = row.line;
        if (row.error != csv_error::none) {
            ++report.rows;
            report.bad_row(options.skip_bad, row.error_pos.line, row.error_pos.column,
                           csv_error_reason(row.error));
            continue;
        }
        const std::string_view line = trim(row.data);
        if (line.empty() || line[0] == '%') continue;
        if (++report.rows == h.nnz + 1)
            report.bad_row(options.skip_bad, row.line, 1, "entry count",
                           fmt::format("more entries than the {} declared by the size line",
                                       h.nnz));
        parse_entry(line, row, h, e, report, options);
    }
    if (report.rows < h.nnz)
        report.bad_row(options.skip_bad, last_line, 0, "entry count",
                       fmt::format("{} entries, the size line declares {} (truncated file?)",
                                   report.rows, h.nnz));
    return e;
}

}  // namespace linkequity::io::detail
