// SPDX-License-Identifier: MIT
// read_links / read_edge_list: format sniffing (edge list, "sep=" line, delimiter from the header),
// the row → raw_link mapping of each export format, SNAP edge-list parsing, and the strict/lenient
// bad-row switch (read_report::bad_row). Streaming: one reused csv_row and raw_link per read.
#include "linkequity/io/link_source.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <future>
#include <stdexcept>

#include <fmt/format.h>

#include "csv_reader.hpp"
#include "link_formats.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/error.hpp"
#include "matrix_market.hpp"
#include "text_stream.hpp"

namespace linkequity::io {

// ---------------------------------------------------------------- names and the report

const char* format_name(link_format f) noexcept {
    switch (f) {
        case link_format::auto_detect: return "auto";
        case link_format::generic: return "generic";
        case link_format::screaming_frog: return "screaming-frog";
        case link_format::ahrefs: return "ahrefs";
        case link_format::majestic: return "majestic";
        case link_format::edge_list: return "edge-list";
    }
    return "unknown";
}

link_format parse_format(const std::string& name) {
    std::string n;
    for (char c : name) n.push_back(c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? char(c + 32) : c);
    std::string allowed;
    for (link_format f : all_link_formats) {
        if (n == format_name(f)) return f;
        allowed += allowed.empty() ? format_name(f) : std::string(", ") + format_name(f);
    }
    if (n == "auto-detect") return link_format::auto_detect;
    throw std::invalid_argument(
        fmt::format("parse_format: unknown link format '{}'; allowed: {}", name, allowed));
}

void read_report::bad_row(bool skip_bad, std::size_t line, std::size_t column,
                          const std::string& reason) {
    bad_row(skip_bad, line, column, reason, std::string());
}

void read_report::bad_row(bool skip_bad, std::size_t line, std::size_t column,
                          const std::string& reason, const std::string& detail) {
    std::string message = detail.empty() ? reason : reason + ": " + detail;
    if (!skip_bad) throw parse_error(path, line, column, message);
    ++skipped;
    ++skipped_by_reason[reason];
    if (examples.size() < 10) examples.push_back(parse_error(path, line, column, message).what());
}

namespace {

using detail::csv_error;
using detail::csv_row;
using detail::csv_tokenizer;
using detail::text_stream;

// ---------------------------------------------------------------- sniffing

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/// Splits an edge-list line into at most `max` tokens (whitespace and/or one comma between).
/// Returns the token count, which may exceed max (extra tokens are not stored).
std::size_t split_edge_tokens(std::string_view line, std::string_view* tok, std::size_t max) {
    std::size_t n = 0, i = 0;
    while (i < line.size()) {
        while (i < line.size() && (is_space(line[i]) || line[i] == ',')) ++i;
        if (i == line.size()) break;
        std::size_t b = i;
        while (i < line.size() && !is_space(line[i]) && line[i] != ',') ++i;
        if (n < max) tok[n] = line.substr(b, i - b);
        ++n;
    }
    return n;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

bool is_number(std::string_view s) {
    double d;
    auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

/// Whether the first line that is not blank or a #/% comment is "int int [number]".
bool looks_like_edge_list(std::string_view head) {
    while (!head.empty()) {
        std::size_t nl = head.find('\n');
        std::string_view line = head.substr(0, nl);
        head = nl == std::string_view::npos ? std::string_view() : head.substr(nl + 1);
        line = detail::trim(line);
        if (line.empty() || line[0] == '#' || line[0] == '%') continue;
        std::string_view tok[3];
        std::size_t n = split_edge_tokens(line, tok, 3);
        return (n == 2 || n == 3) && all_digits(tok[0]) && all_digits(tok[1]) &&
               (n == 2 || is_number(tok[2]));
    }
    return false;
}

[[noreturn]] void throw_empty(const std::string& path) {
    throw parse_error(path, 0, 0, "empty file (no header row)");
}

struct prepared {
    link_format format = link_format::auto_detect;
    detail::column_map map;
    std::size_t header_columns = 0;
    char delimiter = ',';
};

/// Reads up to and including the header row; decides format, delimiter and columns.
prepared prepare_header(csv_tokenizer& tok, const std::string& path, const read_options& options,
                 bool map) {
    prepared p;
    std::string_view head = tok.peek();
    if (head.empty()) throw_empty(path);
    p.format = options.format;
    if (p.format == link_format::auto_detect && looks_like_edge_list(head)) {
        p.format = link_format::edge_list;
    }
    if (p.format == link_format::edge_list) return p;

    csv_row row;
    bool sep_line = false;  // Excel's "sep=;" first line, else the header's commonest separator
    const char delimiter = detail::header_delimiter(head, sep_line);
    if (sep_line) tok.next_line(row);
    tok.set_delimiter(delimiter);
    p.delimiter = delimiter;
    if (!tok.next(row)) throw_empty(path);
    if (row.error != csv_error::none) {
        throw parse_error(path, row.error_pos.line, row.error_pos.column,
                          fmt::format("bad header row: {}", detail::csv_error_reason(row.error)));
    }
    std::vector<std::string> header;
    header.reserve(row.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
        std::string_view f = detail::trim(row.field(i));
        if (f.size() >= 3 && f.substr(0, 3) == "\xEF\xBB\xBF") f = detail::trim(f.substr(3));
        header.emplace_back(f);
    }
    if (p.format == link_format::auto_detect) p.format = detail::detect_csv_format(header);
    p.header_columns = header.size();
    if (map) p.map = detail::map_columns(p.format, header, options, path, row.line);
    if (!options.anchors) p.map.anchor = -1;  // (min_fields, computed with it, stays)
    return p;
}

// ---------------------------------------------------------------- CSV rows → links

/// A row longer than max_row_bytes (lines [line, end_line]), reported as a bad row.
void report_too_long(read_report& report, const read_options& options, std::size_t line,
                     std::size_t end_line, detail::text_pos open_quote) {
    std::string detail = fmt::format("longer than {} bytes; lines {}-{} skipped",
                                     options.max_row_bytes, line, end_line);
    if (open_quote.line > 0) {
        detail += fmt::format("; the quoted field opened at {}:{} may lack its closing quote",
                              open_quote.line, open_quote.column);
    }
    report.bad_row(options.skip_bad, line, 1, "row too long", detail);
}

/// A chunk's bad rows and counts, kept with chunk-relative lines until the chunk's first line
/// is known; replay() then reports them as read_report::bad_row would have, in order.
struct chunk_log {
    struct bad {
        std::size_t line = 0, column = 0;
        std::string reason, detail;
        bool too_long = false;  // row_too_long: detail is made by report_too_long at replay
        std::size_t end_line = 0;
        detail::text_pos open_quote;
    };
    std::size_t rows = 0, links = 0, resources = 0, records = 0;
    std::vector<bad> bad_rows;

    void clear() {
        rows = links = resources = records = 0;
        bad_rows.clear();
    }
    void bad_row(bool, std::size_t line, std::size_t column, const std::string& reason,
                 const std::string& detail = std::string()) {
        bad b;
        b.line = line;
        b.column = column;
        b.reason = reason;
        b.detail = detail;
        bad_rows.push_back(std::move(b));
    }
    /// Reports entry `b` to `report` with its lines moved down by `shift`.
    static void replay(read_report& report, const read_options& options, const bad& b,
                       std::size_t shift) {
        if (!b.too_long) {
            report.bad_row(options.skip_bad, b.line + shift, b.column, b.reason, b.detail);
            return;
        }
        detail::text_pos q = b.open_quote;
        if (q.line > 0) q.line += shift;
        report_too_long(report, options, b.line + shift, b.end_line + shift, q);
    }
};

void report_too_long(chunk_log& log, const read_options&, std::size_t line, std::size_t end_line,
                     detail::text_pos open_quote) {
    chunk_log::bad b;
    b.line = line;
    b.column = 1;
    b.too_long = true;
    b.end_line = end_line;
    b.open_quote = open_quote;
    log.bad_rows.push_back(std::move(b));
}

/// Reports a tokenizer-level problem of the row (to a read_report or a chunk_log).
template <class Report>
void report_row_error(Report& report, const read_options& options, const csv_row& row) {
    if (row.error == csv_error::row_too_long) {
        report_too_long(report, options, row.line, row.end_line, row.open_quote);
        return;
    }
    report.bad_row(options.skip_bad, row.error_pos.line, row.error_pos.column,
                   detail::csv_error_reason(row.error));
}

/// Whether a chunk's parse may stop: strict mode and a bad row seen (nothing after it counts).
/// A read_report in strict mode has thrown at that row already.
bool stop_after_bad(const read_report&, const read_options&) { return false; }
bool stop_after_bad(const chunk_log& log, const read_options& options) {
    return !options.skip_bad && !log.bad_rows.empty();
}

/// Maps CSV rows to links; bad rows go to `Report` (read_report, or chunk_log in a chunk).
template <class Report>
class row_mapper {
public:
    row_mapper(const detail::column_map& map, Report& report, const read_options& options)
        : map_(map), report_(report), options_(options) {}

    /// Fills `link` from the row; false when the row is bad (reported) or a resource (counted).
    bool map(const csv_row& row, raw_link& link, std::size_t header_columns) {
        if (row.size() < map_.min_fields) {
            const auto& last = row.starts.back();
            report_.bad_row(options_.skip_bad, last.line, last.column, "too few columns",
                            fmt::format("{} field{}, the header has {}", row.size(),
                                        row.size() == 1 ? "" : "s", header_columns));
            return false;
        }
        link.kind = record_kind::link;
        link.status = redirect_status::unknown;
        if (map_.type >= 0) {
            std::string_view type = detail::trim(row.field(map_.type));
            if (type.empty()) {
                bad(row, map_.type, "empty Type field", "");
                return false;
            }
            // "Hyperlink" since version 11, "AHREF" before.
            if (!detail::iequals(type, "hyperlink") && !detail::iequals(type, "ahref")) {
                if (!screaming_frog_record(type, link)) {
                    ++report_.resources;
                    return false;
                }
            }
        }
        if (map_.record_type >= 0 && !generic_record(row, link)) return false;
        if (link.kind != record_kind::link && !options_.records) {
            ++report_.resources;
            ++report_.records;
            return false;
        }
        if (!url_field(row, map_.source, "source", link.source)) return false;
        if (!url_field(row, map_.target, "target", link.target)) return false;

        edge_flags rel = flags::none;
        if (map_.rel >= 0) rel |= parse_rel(row.field(map_.rel));
        if (map_.link_type >= 0) rel |= parse_rel(row.field(map_.link_type));
        if (map_.follow >= 0) {
            auto b = detail::parse_bool(row.field(map_.follow));
            if (b == detail::tribool::invalid) return bad_bool(row, map_.follow, "Follow");
            // An empty Follow cell says nothing; "false" means nofollow.
            if (b == detail::tribool::no && !detail::trim(row.field(map_.follow)).empty()) {
                rel |= flags::nofollow;
            }
        }
        const bool plus_minus = map_.format == link_format::majestic;
        struct { int col; edge_flags bit; const char* name; } bools[] = {
            {map_.nofollow, flags::nofollow, plus_minus ? "Flag No Follow" : "Nofollow"},
            {map_.ugc, flags::ugc, "UGC"},
            {map_.sponsored, flags::sponsored, "Sponsored"},
        };
        for (const auto& b : bools) {
            if (b.col < 0) continue;
            auto v = detail::parse_bool(row.field(b.col), plus_minus);
            if (v == detail::tribool::invalid) return bad_bool(row, b.col, b.name);
            if (v == detail::tribool::yes) rel |= b.bit;
        }
        link.rel = rel;

        text_field(row, map_.anchor, link.anchor);
        text_field(row, map_.first_seen, link.first_seen);
        text_field(row, map_.last_seen, link.last_seen);
        link.position = map_.position >= 0 ? parse_position(row.field(map_.position))
                                           : link_position::unknown;
        link.line = row.line;
        return true;
    }

private:
    /// A Screaming Frog All Inlinks Type naming a canonical or a redirect: sets link.kind and
    /// link.status and returns true; false for any other (resource) type.
    static bool screaming_frog_record(std::string_view type, raw_link& link) {
        if (detail::iequals(type, "canonical")) {
            link.kind = record_kind::canonical;
            return true;
        }
        for (const char* t : {"http redirect", "redirect", "meta refresh", "meta refresh redirect",
                              "javascript redirect"}) {
            if (detail::iequals(type, t)) {
                link.kind = record_kind::redirect;
                parse_redirect_status(type, link.status);
                return true;
            }
        }
        return false;
    }
    /// The generic `type` column (and `status` for redirects); false when the row is bad.
    bool generic_record(const csv_row& row, raw_link& link) {
        const auto col = static_cast<std::size_t>(map_.record_type);
        std::string_view type = col < row.size() ? detail::trim(row.field(col)) : "";
        if (detail::iequals(type, "redirect")) {
            link.kind = record_kind::redirect;
        } else if (detail::iequals(type, "canonical")) {
            link.kind = record_kind::canonical;
        } else if (!type.empty() && !detail::iequals(type, "link")) {
            bad(row, map_.record_type, "invalid type",
                fmt::format("'{}' (expected link, redirect or canonical)", type));
            return false;
        }
        const auto sc = static_cast<std::size_t>(map_.status);
        if (link.kind == record_kind::redirect && map_.status >= 0 && sc < row.size() &&
            !parse_redirect_status(row.field(sc), link.status)) {
            bad(row, map_.status, "invalid redirect status",
                fmt::format("'{}' (expected 301, 302, 303, 307, 308, meta-refresh or javascript)",
                            detail::trim(row.field(sc))));
            return false;
        }
        return true;
    }
    void bad(const csv_row& row, int col, const char* reason, const std::string& detail) {
        const auto& at = row.starts[static_cast<std::size_t>(col)];
        report_.bad_row(options_.skip_bad, at.line, at.column, reason, detail);
    }
    bool bad_bool(const csv_row& row, int col, const char* column_name) {
        bad(row, col, "invalid boolean value",
            fmt::format("'{}' in column {} (expected true/false{})",
                        detail::trim(row.field(col)), column_name,
                        map_.format == link_format::majestic ? " or +/-" : ""));
        return false;
    }
    bool url_field(const csv_row& row, int col, const char* role, std::string& out) {
        std::string_view v = detail::trim(row.field(col));
        if (v.empty()) {
            bad(row, col, role[0] == 's' ? "empty source field" : "empty target field", "");
            return false;
        }
        if (!row.ascii && !detail::valid_utf8(v)) {
            bad(row, col,
                role[0] == 's' ? "invalid UTF-8 in source field" : "invalid UTF-8 in target field",
                "");
            return false;
        }
        out.assign(v.data(), v.size());
        return true;
    }
    static void text_field(const csv_row& row, int col, std::string& out) {
        if (col < 0) {
            out.clear();
            return;
        }
        const std::string_view v = detail::trim(row.field(col));
        if (row.ascii)
            out.assign(v.data(), v.size());  // nothing to repair
        else
            detail::assign_repaired_utf8(out, v);
    }

    const detail::column_map& map_;
    Report& report_;
    const read_options& options_;
};

// ---------------------------------------------------------------- edge lists

/// Parses edge-list lines; calls on_edge(src, dst, weight, has_weight, tokens, line).
template <class OnEdge>
void parse_edge_lines(csv_tokenizer& tok, read_report& report, const read_options& options,
                      OnEdge&& on_edge) {
    csv_row row;
    while (tok.next_line(row)) {
        if (row.error != csv_error::none) {
            ++report.rows;
            report_row_error(report, options, row);
            continue;
        }
        std::string_view line = detail::trim(row.data);
        if (line.empty() || line[0] == '#' || line[0] == '%') continue;
        ++report.rows;
        std::string_view tok3[3];
        std::size_t n = split_edge_tokens(line, tok3, 3);
        auto column_of = [&](std::string_view t) {
            return static_cast<std::size_t>(t.data() - row.data.data()) + 1;
        };
        if (n < 2) {
            report.bad_row(options.skip_bad, row.line, column_of(line), "too few columns",
                           fmt::format("{} value{}, expected 'source target [weight]'", n,
                                       n == 1 ? "" : "s"));
            continue;
        }
        if (n > 3) {
            report.bad_row(options.skip_bad, row.line, column_of(line), "too many columns",
                           fmt::format("{} values, expected 'source target [weight]'", n));
            continue;
        }
        std::uint64_t id[2];
        bool ok = true;
        for (int k = 0; k < 2 && ok; ++k) {
            std::string_view t = tok3[k];
            auto r = std::from_chars(t.data(), t.data() + t.size(), id[k]);
            if (r.ec != std::errc() || r.ptr != t.data() + t.size() || id[k] >= max_nodes) {
                ok = false;
                bool overflow = r.ec == std::errc::result_out_of_range ||
                                (r.ec == std::errc() && r.ptr == t.data() + t.size());
                report.bad_row(options.skip_bad, row.line, column_of(t), "invalid node id",
                               overflow ? fmt::format("{} is larger than the largest id {}", t,
                                                      max_nodes - 1)
                                        : fmt::format("'{}' is not a non-negative integer", t));
            }
        }
        if (!ok) continue;
        double w = 1.0;
        if (n == 3) {
            std::string_view t = tok3[2];
            auto r = std::from_chars(t.data(), t.data() + t.size(), w);
            if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(w) ||
                w < 0) {
                report.bad_row(options.skip_bad, row.line, column_of(t), "invalid weight",
                               fmt::format("'{}' is not a finite number >= 0", t));
                continue;
            }
        }
        on_edge(id[0], id[1], w, n == 3, tok3, row.line);
    }
}

/// The CSV rows of `tok` as links, counted in `report` (rows, links, resources, records) with
/// their bad rows: each row is mapped into next_link() and, when it is a link or a delivered
/// record, handed to emit(link). Stops early only where stop_after_bad says so.
template <class Report, class NextLink, class Emit>
void map_rows(csv_tokenizer& tok, const prepared& p, Report& report, const read_options& options,
              NextLink&& next_link, Emit&& emit) {
    row_mapper<Report> mapper(p.map, report, options);
    csv_row row;
    while (tok.next(row)) {
        ++report.rows;
        if (row.error != csv_error::none) {
            report_row_error(report, options, row);
        } else if (raw_link& link = next_link(); mapper.map(row, link, p.header_columns)) {
            if (link.kind == record_kind::link) {
                ++report.links;
            } else {
                ++report.resources;
                ++report.records;
            }
            emit(link);
        }
        if (stop_after_bad(report, options)) break;
    }
}

/// The serial reader, after prepare_header(): sink(link) per link, in input order.
void read_serial(csv_tokenizer& tok, const prepared& p, read_report& report,
                 const read_options& options, const std::function<void(const raw_link&)>& sink) {
    raw_link link;
    if (p.format == link_format::edge_list) {
        parse_edge_lines(tok, report, options,
                         [&](std::uint64_t, std::uint64_t, double, bool, const std::string_view* t,
                             std::size_t line) {
                             link.source.assign(t[0].data(), t[0].size());
                             link.target.assign(t[1].data(), t[1].size());
                             link.line = line;
                             ++report.links;
                             sink(link);
                         });
        return;
    }
    map_rows(tok, p, report, options, [&link]() -> raw_link& { return link; }, sink);
}

// ---------------------------------------------------------------- parallel chunks

/// What parsing one chunk found: its lines, whether it ended inside a quoted field (then it did
/// not end at a row boundary), its counts and bad rows, or an exception.
struct chunk_result {
    std::size_t begin = 0, end = 0;  // bytes of the block's text
    std::size_t lines = 0;           // line ends inside (the next chunk starts that much later)
    bool in_quote = false;
    chunk_log log;
    std::exception_ptr error;
};

/// Parses the rows of `text` (which starts at a row boundary) into out.links[0, out.size), with
/// chunk-relative lines. In strict mode it stops at the first bad row: nothing after it counts.
void parse_chunk(std::string_view text, const prepared& p, const read_options& options,
                 link_chunk& out, chunk_result& r) {
    r.log.clear();
    r.error = nullptr;
    out.size = 0;
    csv_tokenizer tok(text, options.max_row_bytes, p.delimiter);
    map_rows(
        tok, p, r.log, options,
        [&out]() -> raw_link& {
            if (out.size == out.links.size()) out.links.emplace_back();
            return out.links[out.size];
        },
        [&out](const raw_link&) { ++out.size; });
    r.lines = tok.line() - 1;
    r.in_quote = tok.ended_in_quote();
}

/// End of the last complete line of text[0, n): after the last LF, else after the last CR whose
/// next byte is known (not an LF: there is none); 0 when there is no such line end.
std::size_t last_line_end(const char* text, std::size_t n) {
    for (std::size_t i = n; i > 0; --i)
        if (text[i - 1] == '\n') return i;
    for (std::size_t i = n - 1; i > 0; --i)  // n >= 1 here: the loop above saw no LF
        if (text[i - 1] == '\r') return i;
    return 0;
}

/// The first line end at or after `from` in text[0, end) (end itself is one): the cut after it.
std::size_t next_cut(const char* text, std::size_t from, std::size_t end) {
    for (std::size_t i = from; i < end; ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == end || text[i + 1] != '\n')))
            return i + 1;
    }
    return end;
}

/// Reads up to n bytes of text (fewer only at the end of input).
std::size_t read_full(text_stream& in, char* out, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const std::size_t k = in.read(out + got, n - got);
        if (k == 0) break;
        got += k;
    }
    return got;
}

/// The text the chunked reader parses: bytes [lo, hi) of one of two buffers. The next block is
/// read (on the read-ahead thread) into the other buffer behind `headroom` bytes; append() then
/// copies only the carried tail of this text (the unfinished line after the last cut) in front
/// of it and swaps the buffers, so a block is never copied after it is read (the copy of each
/// block into the text was a serial step between blocks: 1.9 % of a one-thread `score`). A tail
/// longer than the headroom (a quoted field that spans a block, or no line end in a block yet)
/// takes the old way: the new block is appended behind it. O(tail) a block, else O(text).
class block_text {
public:
    static constexpr std::size_t headroom = std::size_t{64} << 10;

    block_text(std::string_view first, std::size_t block_bytes)
        : block_(block_bytes), cur_(first.begin(), first.end()), hi_(cur_.size()),
          next_(headroom + block_bytes) {}

    const char* data() const noexcept { return cur_.data() + lo_; }
    std::size_t size() const noexcept { return hi_ - lo_; }
    /// Drops the first k bytes (k <= size()), O(1).
    void drop_front(std::size_t k) noexcept { lo_ += k; }
    /// Where the next block is read: room for block_bytes, untouched until append().
    char* ahead() noexcept { return next_.data() + headroom; }
    /// The text becomes this text followed by the `got` bytes read at ahead().
    void append(std::size_t got) {
        const std::size_t keep = size();
        if (keep <= headroom) {
            if (keep > 0) std::memcpy(next_.data() + headroom - keep, data(), keep);
            cur_.swap(next_);
            lo_ = headroom - keep;
            hi_ = headroom + got;
            next_.resize(headroom + block_);  // (the first text's buffer may be smaller)
            return;
        }
        cur_.resize(hi_);
        cur_.erase(cur_.begin(), cur_.begin() + static_cast<std::ptrdiff_t>(lo_));
        cur_.insert(cur_.end(), ahead(), ahead() + got);
        lo_ = 0;
        hi_ = cur_.size();
    }

private:
    std::size_t block_;
    std::vector<char> cur_;
    std::size_t lo_ = 0, hi_;
    std::vector<char> next_;
};

/// read_links_chunked's callbacks (prepare and share may be empty).
struct chunk_steps {
    std::function<void(link_chunk&)> prepare;
    chunk_share_step share;
    std::function<void(link_chunk&)> consume;
};

/// The parallel reader, after prepare_header() of a CSV file. Blocks of up to half the chunk
/// slots are read ahead on a thread of their own. Each block's chunks are parsed (and prepared)
/// on all threads while the calling thread first consumes the previous block's chunks (they are
/// in the other half of the slots) and then joins the parsing; with a share step, all threads
/// first share the previous block's chunks and meet at a barrier before the consuming starts.
/// After that, in order, a chunk that ended inside a quoted field is parsed again together with
/// the next (or carried over to the next block), lines are made absolute and bad rows replayed;
/// the chunks wait to be consumed with the next block. The output does not depend on the thread
/// count.
void read_chunked(text_stream& in, csv_tokenizer& tok, const prepared& p, read_report& report,
                  const read_options& options, const chunk_steps& steps) {
    const auto& prepare = steps.prepare;  // (not a structured binding: lambdas capture these)
    const auto& share = steps.share;
    const auto& consume = steps.consume;
    constexpr std::size_t per_block = link_chunk_slots / 2;
    const std::size_t chunk_bytes = options.chunk_bytes;
    std::vector<link_chunk> chunks(link_chunk_slots);
    for (std::size_t k = 0; k < link_chunk_slots; ++k) chunks[k].slot = k;
    std::vector<chunk_result> res(link_chunk_slots);

    std::size_t line = tok.line();  // of the block's first byte
    const std::string_view buffered = tok.take_buffered();
    const std::size_t block_bytes = chunk_bytes * per_block;
    block_text text(buffered, block_bytes);
    std::future<std::size_t> reading;
    bool more = true;  // the input may go on after `text`
    auto read_ahead = [&] {
        reading = std::async(std::launch::async, [&in, to = text.ahead(), block_bytes] {
            return read_full(in, to, block_bytes);
        });
    };
    auto append_ahead = [&] {  // waits for the block read ahead, appends it, reads the next
        const std::size_t got = reading.get();
        text.append(got);
        more = got == block_bytes;
        if (more) read_ahead();
    };
    read_ahead();
    append_ahead();

    std::vector<std::size_t> waiting;  // slots parsed, checked, not consumed yet (input order)
    auto consume_waiting = [&] {
        for (std::size_t s : waiting) consume(chunks[s]);
        waiting.clear();
    };
    [[maybe_unused]] const int threads = linkequity::detail::max_threads();  // (no OpenMP: 1)
    const bool sharing = share && threads > 1;
    // The waiting chunks' share step: each thread of the calling team does its part (all
    // threads must call this). The first error is kept, and rethrown by the caller.
    std::vector<link_chunk*> shared;
    std::exception_ptr share_error;
    auto share_waiting = [&] {
        [[maybe_unused]] const int part = linkequity::detail::thread_num();
        [[maybe_unused]] const int parts = linkequity::detail::team_size();
#pragma omp single
        {
            shared.clear();
            for (std::size_t s : waiting) shared.push_back(&chunks[s]);
        }  // (an implied barrier)
        if (shared.empty()) return;
        try {
            share(span<link_chunk* const>(shared.data(), shared.size()), part, parts);
        } catch (...) {
#pragma omp critical(linkequity_share_error)
            if (!share_error) share_error = std::current_exception();
        }
    };
    const bool strict = !options.skip_bad;
    std::size_t half = 0;  // this block's chunks go to slots [half, half + per_block)
    for (;; half = per_block - half) {
        const std::size_t n = text.size();
        const std::size_t end = more ? (n == 0 ? 0 : last_line_end(text.data(), n)) : n;
        if (end == 0 && more) {
            append_ahead();  // no complete line yet: a longer block
            half = per_block - half;  // (the loop flips it back: nothing was parsed)
            continue;
        }
        // Cut [0, end) at line ends into up to per_block chunks, in slots [half, half + count).
        std::size_t count = 0;
        for (std::size_t b = 0; b < end; ++count) {
            const std::size_t target = std::max(b + 1, (count + 1) * chunk_bytes);
            const std::size_t e =
                count + 1 == per_block ? end : next_cut(text.data(), target - 1, end);
            res[half + count].begin = b;
            res[half + count].end = e;
            b = e;
        }
        const std::string_view all(text.data(), end);
        auto parse = [&](std::size_t s) {
            parse_chunk(all.substr(res[s].begin, res[s].end - res[s].begin), p, options, chunks[s],
                        res[s]);
            if (prepare) prepare(chunks[s]);
        };
        std::atomic<std::size_t> next_chunk{0};
        std::exception_ptr consume_error;
#pragma omp parallel num_threads(threads) if (threads > 1 && count > 0)
        {
            if (sharing) {  // all threads share, then one consumes while the others parse
                share_waiting();
#pragma omp barrier
            }
            if (linkequity::detail::thread_num() == 0 && !share_error) {
                try {
                    consume_waiting();
                } catch (...) {
                    consume_error = std::current_exception();
                }
            }
            for (std::size_t k; (k = next_chunk.fetch_add(1)) < count;) {
                try {
                    parse(half + k);
                } catch (...) {
                    res[half + k].error = std::current_exception();
                }
            }
        }
        if (share_error) std::rethrow_exception(share_error);
        if (consume_error) std::rethrow_exception(consume_error);
        consume_waiting();  // (a block without chunks)
        // In order: merge across quoted cuts, make lines absolute, replay bad rows.
        std::size_t carry = end;  // text from here goes on to the next block
        for (std::size_t k = 0; k < count;) {
            const std::size_t s = half + k;
            std::size_t next = k + 1;
            while (res[s].in_quote && next < count) {  // a quoted field spans the cut
                res[s].end = res[half + next].end;
                ++next;
                parse(s);
            }
            if (res[s].error) std::rethrow_exception(res[s].error);
            if (res[s].in_quote && more) {
                carry = res[s].begin;  // the field may close in the text still to come
                break;
            }
            link_chunk& c = chunks[s];
            const std::size_t shift = line - 1;
            for (std::size_t i = 0; i < c.size; ++i) c.links[i].line += shift;
            const chunk_log& log = res[s].log;
            report.rows += log.rows;
            report.links += log.links;
            report.resources += log.resources;
            report.records += log.records;
            if (strict && !log.bad_rows.empty()) {
                consume_waiting();
                consume(c);  // the links before the bad row (parse_chunk stopped there)
                chunk_log::replay(report, options, log.bad_rows.front(), shift);  // throws
            }
            for (const auto& b : log.bad_rows) chunk_log::replay(report, options, b, shift);
            waiting.push_back(s);
            line += res[s].lines;
            k = next;
        }
        if (!more && carry == n) break;
        text.drop_front(carry);
        if (more) append_ahead();
    }
    if (sharing) {  // the last block's chunks
#pragma omp parallel num_threads(threads)
        share_waiting();
        if (share_error) std::rethrow_exception(share_error);
    }
    consume_waiting();
}

/// The share step of one chunk on one thread (the serial reader's chunks).
void share_alone(const chunk_share_step& share, link_chunk& c) {
    link_chunk* one = &c;
    share(span<link_chunk* const>(&one, 1), 0, 1);
}

/// Both entry points: the header, then the chunked reader (CSV files) or the serial one, which
/// hands over chunks of 4,096 links in slot 0 (and, when it throws, the links before the error).
read_report read_chunks_impl(text_stream& in, const read_options& options,
                             const chunk_steps& steps) {
    const auto& prepare = steps.prepare;  // (not a structured binding: lambdas capture these)
    const auto& share = steps.share;
    const auto& consume = steps.consume;
    read_report report;
    report.path = in.name();
    csv_tokenizer tok(in, options.max_row_bytes);
    prepared p = prepare_header(tok, report.path, options, true);
    report.format = p.format;
    if (p.format != link_format::edge_list && options.chunk_bytes > 0) {
        read_chunked(in, tok, p, report, options, steps);
        return report;
    }
    link_chunk c;
    auto deliver = [&] {
        if (c.size == 0) return;
        if (prepare) prepare(c);
        if (share && linkequity::detail::max_threads() > 1) share_alone(share, c);
        consume(c);
        c.size = 0;
    };
    try {
        read_serial(tok, p, report, options, [&](const raw_link& l) {
            if (c.size == c.links.size()) c.links.emplace_back();
            c.links[c.size++] = l;
            if (c.size == 4096) deliver();
        });
    } catch (const parse_error&) {
        deliver();  // the links before the bad row, as a serial reader gives them
        throw;
    }
    deliver();
    return report;
}

read_report read_links_impl(text_stream& in, const read_options& options,
                            const std::function<void(const raw_link&)>& sink) {
    return read_chunks_impl(in, options, {{}, {}, [&sink](link_chunk& c) {
                                for (std::size_t i = 0; i < c.size; ++i) sink(c.links[i]);
                            }});
}

edge_list read_edge_list_impl(text_stream& in, const read_options& options, read_report* out) {
    if (options.format != link_format::auto_detect && options.format != link_format::edge_list) {
        throw std::invalid_argument(fmt::format(
            "read_edge_list: read_options::format must be auto or edge-list, got {}",
            format_name(options.format)));
    }
    read_report report;
    report.path = in.name();
    report.format = link_format::edge_list;
    csv_tokenizer tok(in, options.max_row_bytes);
    if (tok.peek().empty()) throw_empty(report.path);
    if (detail::is_matrix_market(tok.peek())) {
        edge_list mm = detail::read_matrix_market(tok, report, options);
        if (out) *out = std::move(report);
        return mm;
    }
    edge_list edges;
    std::uint64_t max_id = 0;
    bool any = false, weighted = false;
    parse_edge_lines(tok, report, options,
                     [&](std::uint64_t s, std::uint64_t d, double w, bool has_weight,
                         const std::string_view*, std::size_t) {
                         if (has_weight && !weighted) {  // earlier edges weigh 1
                             edges.weights.assign(edges.src.size(), edge_weight(1));
                             weighted = true;
                         }
                         edges.src.push_back(static_cast<node_id>(s));
                         edges.dst.push_back(static_cast<node_id>(d));
                         if (weighted) edges.weights.push_back(edge_weight(w));
                         max_id = std::max({max_id, s, d});
                         any = true;
                         ++report.links;
                     });
    edges.num_nodes = any ? static_cast<std::size_t>(max_id) + 1 : 0;
    if (out) *out = std::move(report);
    return edges;
}

}  // namespace

// ---------------------------------------------------------------- public entry points

read_report read_links(const std::string& path, const read_options& options,
                       const std::function<void(const raw_link&)>& sink) {
    text_stream in = text_stream::open_file(path);
    return read_links_impl(in, options, sink);
}

read_report read_links_from_memory(const void* data, std::size_t size, const std::string& name,
                                   const read_options& options,
                                   const std::function<void(const raw_link&)>& sink) {
    text_stream in = text_stream::from_memory(data, size, name);
    return read_links_impl(in, options, sink);
}

read_report read_links_chunked(const std::string& path, const read_options& options,
                               const std::function<void(link_chunk&)>& prepare,
                               const std::function<void(link_chunk&)>& consume) {
    return read_links_chunked(path, options, prepare, {}, consume);
}

read_report read_links_chunked(const std::string& path, const read_options& options,
                               const std::function<void(link_chunk&)>& prepare,
                               const chunk_share_step& share,
                               const std::function<void(link_chunk&)>& consume) {
    text_stream in = text_stream::open_file(path);
    return read_chunks_impl(in, options, {prepare, share, consume});
}

link_format detect_format(const std::string& path) {
    text_stream in = text_stream::open_file(path);
    csv_tokenizer tok(in, read_options{}.max_row_bytes);
    return prepare_header(tok, path, read_options{}, false).format;
}

edge_list read_edge_list(const std::string& path, const read_options& options,
                         read_report* report) {
    text_stream in = text_stream::open_file(path);
    return read_edge_list_impl(in, options, report);
}

edge_list read_edge_list_from_memory(const void* data, std::size_t size, const std::string& name,
                                     const read_options& options, read_report* report) {
    text_stream in = text_stream::from_memory(data, size, name);
    return read_edge_list_impl(in, options, report);
}

}  // namespace linkequity::io
