// SPDX-License-Identifier: MIT
// Internal: a streaming RFC 4180 tokenizer (quoted fields with delimiters, newlines and "" escapes;
// CRLF, LF or CR line ends) over a text_stream, plus a plain line reader for edge lists. Rows are
// delivered into a caller-owned csv_row whose buffers are reused, so memory stays bounded by
// max_row_bytes and the 1 MiB block. Problems are reported on the row, never thrown, so that the
// caller decides between strict and lenient handling. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text_stream.hpp"

// Decoded-text block; the fuzzers build with tiny blocks so that every state meets a boundary.
#ifndef LINKEQUITY_IO_BLOCK_SIZE
#define LINKEQUITY_IO_BLOCK_SIZE (1u << 20)
#endif

namespace linkequity::io::detail {

/// The first problem found in a row (the tokenizer always resynchronises at a line end).
enum class csv_error : std::uint8_t {
    none,
    unterminated_quote,  ///< end of input inside a quoted field
    text_after_quote,    ///< `"abc"def`: text between a closing quote and the delimiter
    binary_data,         ///< a NUL byte
    row_too_long,        ///< more than max_row_bytes; the rest of the physical line is skipped
};

/// Where a field starts: 1-based line and 1-based column (bytes of UTF-8 text in that line).
struct text_pos {
    std::size_t line = 0;
    std::size_t column = 0;
};

/// One row's fields. Two layouts: a row with no quote and no NUL that ends inside the
/// tokenizer's buffer is not copied (`direct` points at its first byte in the text, field i is
/// [ends[i-1] + 1, ends[i]) of it: the delimiters sit between); any other row's fields are
/// unquoted into `data`, back to back (field i is [ends[i-1], ends[i]) of it). field() reads
/// both; a direct row's views stay valid until the tokenizer's next call.
struct csv_row {
    std::string data;                 ///< the fields' bytes, unquoted and concatenated
    std::vector<std::size_t> ends;    ///< end offset of each field (in `data`, or from `direct`)
    const char* direct = nullptr;     ///< a direct row's first byte in the text, else null
    bool ascii = false;               ///< known to be all ASCII (direct rows are checked)
    std::vector<text_pos> starts;     ///< where each field starts in the text
    std::size_t line = 0;             ///< line of the row's first byte
    std::size_t end_line = 0;         ///< line of the row's last byte
    csv_error error = csv_error::none;
    text_pos error_pos;               ///< where the problem is (quote opening, NUL, row start)
    text_pos open_quote;              ///< for row_too_long: a quote still open, else line 0

    std::size_t size() const noexcept { return ends.size(); }
    std::string_view field(std::size_t i) const noexcept {
        if (direct) {
            const std::size_t b = i == 0 ? 0 : ends[i - 1] + 1;
            return std::string_view(direct + b, ends[i] - b);
        }
        std::size_t b = i == 0 ? 0 : ends[i - 1];
        return std::string_view(data).substr(b, ends[i] - b);
    }
    void clear() noexcept {
        direct = nullptr;
        ascii = false;
        data.clear();
        ends.clear();
        starts.clear();
        error = csv_error::none;
        error_pos = {};
        open_quote = {};
    }
};

class csv_tokenizer {
public:
    static constexpr std::size_t block_size = LINKEQUITY_IO_BLOCK_SIZE;

    /// Reads the first block at once so that peek() can show it.
    csv_tokenizer(text_stream& in, std::size_t max_row_bytes);
    /// Tokenizes `text` in place (no copy, no stream): a chunk of a larger text that starts at a
    /// row boundary. Lines count from 1 and columns from the chunk's start; the caller adds the
    /// chunk's first line. `text` must outlive the tokenizer.
    csv_tokenizer(std::string_view text, std::size_t max_row_bytes, char delimiter);

    /// The start of the text (up to one block), for format sniffing; valid until next().
    std::string_view peek() const noexcept { return {buf_ + pos_, end_ - pos_}; }

    void set_delimiter(char d);
    char delimiter() const noexcept { return delim_; }
    /// Whether next() may read rows in place (on by default). Off, every row goes through the
    /// state machine: the tests and fuzzers compare the two, row by row.
    void set_direct_rows(bool on) noexcept { direct_on_ = on; }

    /// Reads the next row, skipping blank lines. Returns false at end of input.
    /// Cost: O(bytes of the row), amortised over block reads.
    bool next(csv_row& row);

    /// Reads the next physical line (without its line end) into row.data / row.line, with the
    /// same error reporting (binary_data, row_too_long). Returns false at end of input.
    bool next_line(csv_row& row);

    /// The line number the next row starts at (or that end of input was reached on).
    std::size_t line() const noexcept { return line_; }

    /// Whether the input ended inside a quoted field (the last row then has unterminated_quote).
    /// On a chunk, this means the chunk did not end at a row boundary.
    bool ended_in_quote() const noexcept { return ended_in_quote_; }

    /// Hands over the text buffered but not yet tokenized (after the rows read so far; a line
    /// feed that completes a CR line end is dropped), for a reader that goes on by itself with
    /// the stream and line(). Valid until the next call; the tokenizer is empty afterwards.
    /// @throws what text_stream::read throws (it may read one block to find that line feed).
    std::string_view take_buffered();

private:
    bool refill();
    void newline() noexcept {
        ++line_;
        line_start_ = base_ + pos_;
    }
    std::size_t column() const noexcept { return base_ + pos_ - line_start_ + 1; }
    bool skip_blank_lines();
    /// The fast path of next() at a row's start: a row with no quote and no NUL whose line end
    /// is in the buffer, within max_row_bytes, is read as a direct row (no copy, `ascii` set
    /// when no byte is above 0x7F) and true returned. Otherwise false, with nothing consumed
    /// and `row` as cleared: next()'s state machine reads it. One pass over the row's bytes,
    /// 16 a step with SSE2 (each step's delimiters taken from a bit mask).
    bool direct_row(csv_row& row);

    text_stream* in_ = nullptr;    // null: tokenizing a chunk in memory
    std::size_t max_row_;
    std::unique_ptr<char[]> own_;  // the block buffer when reading a stream
    const char* buf_ = nullptr;    // own_, or the chunk
    std::size_t pos_ = 0, end_ = 0;
    std::size_t base_ = 0;        // absolute text offset of buf_[0]
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;  // absolute text offset of the current line's first byte
    bool eof_ = false;
    bool skip_lf_ = false;        // a CR ended the last line; swallow a following LF
    bool ended_in_quote_ = false;
    char delim_ = ',';
    char special_set_[5] = {',', '\r', '\n', '"', '\0'};  // unquoted: delimiter, CR, LF, quote, NUL
    char quoted_set_[3] = {'"', '\n', '\0'};             // quoted: quote, LF, NUL
    bool special_[256] = {};         // the same bytes as tables (set_delimiter fills them)
    bool quoted_special_[256] = {};
    bool direct_ok_ = true;  // the delimiter allows direct rows (it is no CR, LF, quote, NUL)
    bool direct_on_ = true;  // set_direct_rows
};

const char* csv_error_reason(csv_error e) noexcept;

/// For tests and fuzzers: every row of `text` as text — its lines, each field with its line and
/// column, its error and where — read from memory as a chunk (`stream` false) or through a
/// text_stream in blocks (`stream` true: decoding, block ends), with direct rows on or off.
/// Two calls that differ only in `direct` must give the same string. O(|text|).
/// @throws what text_stream throws (stream only).
std::string describe_rows(std::string_view text, std::size_t max_row_bytes, char delimiter,
                          bool stream, bool direct);

}  // namespace linkequity::io::detail
