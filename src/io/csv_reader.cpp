// SPDX-License-Identifier: MIT
// csv_tokenizer: a row with no quote is read in place, in one pass of 16-byte steps (SSE2 where
// the compiler has it) whose delimiters and line ends come as bit masks. Any other row goes
// through a state machine over 1 MiB blocks: unquoted and quoted runs are found 16 bytes a step
// (or with a 256-entry lookup table) and appended in one piece; the state survives block
// boundaries, so quoted newlines need no look-back.
#include "csv_reader.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace linkequity::io::detail {
namespace {

/// The index of the lowest set bit of x (x != 0).
inline int lowest_bit(unsigned x) noexcept {
#if defined(__GNUC__)
    return __builtin_ctz(x);
#else
    int i = 0;
    for (; (x & 1u) == 0; x >>= 1) ++i;
    return i;
#endif
}

/// First byte in [q, e) marked in `table`, or e. Unrolled by four: the table lookups are
/// independent, so they overlap instead of forming one long dependency chain.
inline const char* scan(const bool* table, const char* q, const char* e) noexcept {
    auto hit = [table](char c) { return table[static_cast<unsigned char>(c)]; };
    while (e - q >= 4) {
        if (hit(q[0])) return q;
        if (hit(q[1])) return q + 1;
        if (hit(q[2])) return q + 2;
        if (hit(q[3])) return q + 3;
        q += 4;
    }
    while (q < e && !hit(*q)) ++q;
    return q;
}

/// scan() for a table that marks exactly the bytes of `set` (up to five; a repeated byte is
/// harmless): 16 bytes a step with SSE2, one compare per byte of the set, then scan() for the
/// tail (and for the whole run without SSE2). Same result as scan(table, q, e).
template <std::size_t N>
inline const char* scan_set(const char (&set)[N], const bool* table, const char* q,
                            const char* e) noexcept {
#if defined(__SSE2__)
    __m128i want[N];
    for (std::size_t k = 0; k < N; ++k) want[k] = _mm_set1_epi8(set[k]);
    while (e - q >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        __m128i eq = _mm_cmpeq_epi8(v, want[0]);
        for (std::size_t k = 1; k < N; ++k) eq = _mm_or_si128(eq, _mm_cmpeq_epi8(v, want[k]));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(eq));
        if (mask != 0) return q + lowest_bit(mask);
        q += 16;
    }
#else
    (void)set;
#endif
    return scan(table, q, e);
}

/// Up to 16 bytes of an unquoted row as bit masks (bit i for byte i): the delimiters, the line
/// ends (CR, LF), the bytes that need the state machine (quote, NUL), and the bytes above 0x7F.
/// The delimiter must be none of CR, LF, quote, NUL, so that the first three are disjoint.
struct byte_masks {
    unsigned delim = 0, line_end = 0, stop = 0, high = 0;
};

/// byte_masks of p[0, n), n <= 16: with SSE2 one load and five compares for a full 16 bytes.
inline byte_masks classify(const char* p, std::size_t n, char delim) noexcept {
    byte_masks m;
#if defined(__SSE2__)
    if (n == 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        auto is = [v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
        m.delim = static_cast<unsigned>(_mm_movemask_epi8(is(delim)));
        m.line_end = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(is('\r'), is('\n'))));
        m.stop = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(is('"'), is('\0'))));
        m.high = static_cast<unsigned>(_mm_movemask_epi8(v));
        return m;
    }
#endif
    for (std::size_t i = 0; i < n; ++i) {
        const char c = p[i];
        const unsigned bit = 1u << i;
        if (c == delim) m.delim |= bit;
        if (c == '\r' || c == '\n') m.line_end |= bit;
        if (c == '"' || c == '\0') m.stop |= bit;
        if (static_cast<unsigned char>(c) >= 0x80) m.high |= bit;
    }
    return m;
}

}  // namespace

const char* csv_error_reason(csv_error e) noexcept {
    switch (e) {
        case csv_error::none: return "no error";
        case csv_error::unterminated_quote: return "unterminated quoted field (opened here)";
        case csv_error::text_after_quote: return "text after the closing quote of a field";
        case csv_error::binary_data: return "binary data (NUL byte)";
        case csv_error::row_too_long: return "row too long";
    }
    return "unknown error";
}

csv_tokenizer::csv_tokenizer(text_stream& in, std::size_t max_row_bytes)
    : in_(&in), max_row_(max_row_bytes == 0 ? 1 : max_row_bytes), own_(new char[block_size]) {
    buf_ = own_.get();
    while (end_ < block_size) {
        std::size_t got = in_->read(own_.get() + end_, block_size - end_);
        if (got == 0) {
            eof_ = true;
            break;
        }
        end_ += got;
    }
    set_delimiter(',');
}

csv_tokenizer::csv_tokenizer(std::string_view text, std::size_t max_row_bytes, char delimiter)
    : max_row_(max_row_bytes == 0 ? 1 : max_row_bytes), buf_(text.data()), end_(text.size()),
      eof_(true) {
    set_delimiter(delimiter);
}

std::string_view csv_tokenizer::take_buffered() {
    if (skip_lf_ && pos_ == end_) refill();
    if (skip_lf_ && pos_ < end_) {
        skip_lf_ = false;
        if (buf_[pos_] == '\n') {
            ++pos_;
            line_start_ = base_ + pos_;
        }
    }
    std::string_view rest(buf_ + pos_, end_ - pos_);
    base_ += end_;
    pos_ = end_ = 0;
    return rest;
}

void csv_tokenizer::set_delimiter(char d) {
    delim_ = d;
    special_set_[0] = d;
    // The tables mark the bytes the sets list (one list of each, in the header).
    std::memset(special_, 0, sizeof special_);
    std::memset(quoted_special_, 0, sizeof quoted_special_);
    for (const char c : special_set_) special_[static_cast<unsigned char>(c)] = true;
    for (const char c : quoted_set_) quoted_special_[static_cast<unsigned char>(c)] = true;
    direct_ok_ = d != '\r' && d != '\n' && d != '"' && d != '\0';
}

bool csv_tokenizer::refill() {
    if (eof_) return false;
    base_ += end_;
    pos_ = end_ = 0;
    std::size_t got = in_->read(own_.get(), block_size);
    if (got == 0) {
        eof_ = true;
        return false;
    }
    end_ = got;
    return true;
}

bool csv_tokenizer::skip_blank_lines() {
    for (;;) {
        if (pos_ == end_ && !refill()) return false;
        char c = buf_[pos_];
        if (skip_lf_) {
            skip_lf_ = false;
            if (c == '\n') {
                ++pos_;
                line_start_ = base_ + pos_;
                continue;
            }
        }
        if (c == '\n') {
            ++pos_;
            newline();
        } else if (c == '\r') {
            ++pos_;
            newline();
            skip_lf_ = true;
        } else {
            return true;
        }
    }
}

bool csv_tokenizer::direct_row(csv_row& row) {
    if (!direct_ok_ || !direct_on_) return false;
    const char* const b = buf_ + pos_;
    // The row may use bytes [0, max_row_) for its line: the state machine's measure, the
    // fields' bytes plus one per field, is the line's length plus one.
    const std::size_t avail = std::min(end_ - pos_, max_row_);
    const std::size_t column = base_ + pos_ - line_start_ + 1;  // of b
    std::size_t field = 0;  // where the current field starts
    bool high = false;      // a byte above 0x7F seen
    for (std::size_t at = 0; at < avail; at += 16) {
        const byte_masks m = classify(b + at, std::min<std::size_t>(16, avail - at), delim_);
        const unsigned ends = m.line_end | m.stop;
        const unsigned before = ends ? (1u << lowest_bit(ends)) - 1 : 0xFFFFu;
        high = high || (m.high & before) != 0;
        for (unsigned d = m.delim & before; d != 0; d &= d - 1) {
            const std::size_t k = at + static_cast<std::size_t>(lowest_bit(d));
            row.starts.push_back({line_, column + field});
            row.ends.push_back(k);
            field = k + 1;
        }
        if (ends == 0) continue;
        if (m.stop & (before + 1)) break;  // the first is a quote or a NUL: the state machine
        const std::size_t k = at + static_cast<std::size_t>(lowest_bit(ends));
        row.starts.push_back({line_, column + field});
        row.ends.push_back(k);
        row.direct = b;
        row.ascii = !high;  // found while scanning: spares each field's UTF-8 check
        row.end_line = line_;
        pos_ += k + 1;
        newline();
        skip_lf_ = b[k] == '\r';
        return true;
    }
    row.ends.clear();  // no line end in reach, or a quote or a NUL before it
    row.starts.clear();
    return false;
}

// One function on purpose (~160 lines): the RFC 4180 state machine reads best as one switch,
// and its per-byte loop stays tight with the state in registers.
bool csv_tokenizer::next(csv_row& row) {
    enum class state { field_start, unquoted, quoted, quote_seen, skip_line };
    row.clear();
    if (!skip_blank_lines()) return false;
    row.line = line_;
    if (direct_row(row)) return true;
    state st = state::field_start;
    text_pos quote{};
    std::size_t field_bytes = 0;  // data + one per field: what max_row_bytes bounds

    auto set_error = [&](csv_error e, text_pos where) {
        if (row.error == csv_error::none) {
            row.error = e;
            row.error_pos = where;
        }
    };
    auto too_long = [&](std::size_t more) {
        field_bytes += more;
        if (field_bytes <= max_row_) return false;
        row.error = csv_error::row_too_long;  // overrides: the rest of the line is dropped
        row.error_pos = {row.line, 1};
        if (st == state::quoted || st == state::quote_seen) row.open_quote = quote;
        row.data.clear();
        row.ends.clear();
        row.starts.clear();
        st = state::skip_line;
        return true;
    };
    auto end_field = [&] {
        if (!too_long(1)) row.ends.push_back(row.data.size());
    };
    auto end_row = [&] { row.end_line = line_; };
    // Appends the bytes before the next special one (of a quoted field when `quoted`) to the
    // field and moves past them; `q` points at that byte (or the buffer's end). False when the
    // row grew too long.
    auto copy_run = [&](bool quoted, const char*& q) {
        const char* p = buf_ + pos_;
        q = quoted ? scan_set(quoted_set_, quoted_special_, p, buf_ + end_)
                   : scan_set(special_set_, special_, p, buf_ + end_);
        if (q > p) {
            if (too_long(q - p)) return false;
            row.data.append(p, q - p);
        }
        pos_ = q - buf_;
        return true;
    };

    for (;;) {
        if (pos_ == end_ && !refill()) {
            // End of input: close the row as it stands.
            switch (st) {
                case state::field_start:
                    row.starts.push_back({line_, column()});
                    end_field();
                    break;
                case state::quoted:
                    ended_in_quote_ = true;
                    set_error(csv_error::unterminated_quote, quote);
                    end_field();
                    break;
                case state::unquoted:
                case state::quote_seen: end_field(); break;
                case state::skip_line: break;
            }
            end_row();
            return true;
        }
        switch (st) {
            case state::field_start:
                row.starts.push_back({line_, column()});
                if (buf_[pos_] == '"') {
                    quote = {line_, column()};
                    ++pos_;
                    st = state::quoted;
                } else {
                    st = state::unquoted;
                }
                break;

            case state::unquoted: {
                const char* q = nullptr;
                if (!copy_run(false, q) || q == buf_ + end_) break;
                char c = *q;
                if (c == delim_) {
                    ++pos_;
                    end_field();
                    if (st != state::skip_line) st = state::field_start;
                } else if (c == '\n' || c == '\r') {
                    end_field();
                    end_row();
                    ++pos_;
                    newline();
                    skip_lf_ = c == '\r';
                    return true;
                } else if (c == '"') {
                    // A quote inside an unquoted field is taken literally (5" screen).
                    if (too_long(1)) break;
                    row.data.push_back('"');
                    ++pos_;
                } else {  // NUL
                    set_error(csv_error::binary_data, {line_, column()});
                    ++pos_;
                }
                break;
            }

            case state::quoted: {
                const char* q = nullptr;
                if (!copy_run(true, q) || q == buf_ + end_) break;
                char c = *q;
                if (c == '"') {
                    ++pos_;
                    st = state::quote_seen;
                } else if (c == '\n') {
                    if (too_long(1)) break;
                    row.data.push_back('\n');
                    ++pos_;
                    newline();
                } else {  // NUL
                    set_error(csv_error::binary_data, {line_, column()});
                    ++pos_;
                }
                break;
            }

            case state::quote_seen: {
                char c = buf_[pos_];
                if (c == '"') {  // "" inside a quoted field
                    if (too_long(1)) break;
                    row.data.push_back('"');
                    ++pos_;
                    st = state::quoted;
                } else if (c == delim_) {
                    ++pos_;
                    end_field();
                    if (st != state::skip_line) st = state::field_start;
                } else if (c == '\n' || c == '\r') {
                    st = state::unquoted;  // the unquoted state ends the row
                } else {
                    set_error(csv_error::text_after_quote, {line_, column()});
                    st = state::unquoted;
                }
                break;
            }

            case state::skip_line: {
                const char* p = buf_ + pos_;
                const char* e = buf_ + end_;
                const char* q = p;
                while (q < e && *q != '\n' && *q != '\r') ++q;
                pos_ = q - buf_;
                if (q == e) break;
                ++pos_;
                newline();
                skip_lf_ = *q == '\r';
                row.end_line = line_ - 1;
                return true;
            }
        }
    }
}

bool csv_tokenizer::next_line(csv_row& row) {
    row.clear();
    if (skip_lf_) {
        if (pos_ == end_ && !refill()) return false;
        skip_lf_ = false;
        if (buf_[pos_] == '\n') {
            ++pos_;
            line_start_ = base_ + pos_;
        }
    }
    if (pos_ == end_ && !refill()) return false;
    row.line = line_;
    bool skipping = false;
    for (;;) {
        if (pos_ == end_ && !refill()) break;
        const char* p = buf_ + pos_;
        const char* e = buf_ + end_;
        const char* q = p;
        while (q < e && *q != '\n' && *q != '\r' && *q != '\0') ++q;
        if (!skipping && q > p) {
            if (row.data.size() + (q - p) > max_row_) {
                row.error = csv_error::row_too_long;
                row.error_pos = {row.line, 1};
                row.data.clear();
                skipping = true;
            } else {
                row.data.append(p, q - p);
            }
        }
        pos_ = q - buf_;
        if (q == e) continue;
        ++pos_;
        if (*q == '\0') {
            if (row.error == csv_error::none) {
                row.error = csv_error::binary_data;
                row.error_pos = {line_, base_ + pos_ - line_start_};
            }
            continue;
        }
        newline();
        skip_lf_ = *q == '\r';
        break;
    }
    row.end_line = row.line;
    return true;
}

std::string describe_rows(std::string_view text, std::size_t max_row_bytes, char delimiter,
                          bool stream, bool direct) {
    auto pos = [](text_pos p) { return std::to_string(p.line) + ':' + std::to_string(p.column); };
    std::string out;
    auto all = [&](csv_tokenizer& tok) {
        tok.set_delimiter(delimiter);
        tok.set_direct_rows(direct);
        csv_row row;
        while (tok.next(row)) {
            out += std::to_string(row.line) + '-' + std::to_string(row.end_line) + ' ' +
                   csv_error_reason(row.error) + ' ' + pos(row.error_pos) + ' ' +
                   pos(row.open_quote) + " |";
            for (std::size_t i = 0; i < row.size(); ++i)
                out += pos(row.starts.at(i)) + '=' + std::string(row.field(i)) + '|';
            out += '\n';
        }
        out += "end " + std::to_string(tok.line()) + (tok.ended_in_quote() ? " in quote" : "");
    };
    if (stream) {
        text_stream in = text_stream::from_memory(text.data(), text.size(), "rows");
        csv_tokenizer tok(in, max_row_bytes);
        all(tok);
    } else {
        csv_tokenizer tok(text, max_row_bytes, delimiter);
        all(tok);
    }
    return out;
}

}  // namespace linkequity::io::detail
