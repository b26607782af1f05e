// SPDX-License-Identifier: MIT
// Internal: the line handling shared by the one-entry-per-line files of the web model (disavow
// files, TrustRank seed files): whitespace trimming, case-insensitive prefixes and the UTF-8
// check whose failure is reported as a bad line.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace linkequity::web::detail {

inline bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// `s` without leading and trailing spaces, tabs and `\r`.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

/// Whether `s` starts with the lowercase ASCII `prefix`, ignoring the case of `s`.
inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

/// Byte offset of the first invalid UTF-8 sequence in `s`, or npos.
inline std::size_t invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        unsigned cp;
        unsigned min;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1Fu; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0Fu; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07u; min = 0x10000; }
        else return i;
        if (i + len > s.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

/// "" when `line` is UTF-8 (or ASCII), else the message that names the first invalid byte and
/// its 1-based column, as every line-oriented file of the web model reports it.
inline std::string utf8_line_error(std::string_view line) {
    const std::size_t bad = invalid_utf8_at(line);
    if (bad == std::string_view::npos) return {};
    return fmt::format("line is not UTF-8 or ASCII text (invalid byte 0x{:02X} at column {})",
                       static_cast<unsigned char>(line[bad]), bad + 1);
}

/// Calls f(line_no, raw_line) for every line of `text` (split at `\n`, a UTF-8 BOM at the start
/// skipped; line_no 1-based), and returns the number of lines. f may throw to stop.
template <class F>
std::size_t for_each_line(std::string_view text, F&& f) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
    std::size_t pos = 0, line_no = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        f(++line_no, text.substr(pos, end - pos));
        pos = end + 1;
    }
    return line_no;
}

}  // namespace linkequity::web::detail
