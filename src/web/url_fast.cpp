// SPDX-License-Identifier: MIT
// already_normal: the byte scan behind normalize_url's fast path (see url_fast.hpp). Every
// class below is a subset of what the full normaliser keeps byte for byte.
#include "url_fast.hpp"

#include <array>
#include <cstdint>

namespace linkequity::web::detail {
namespace {

enum : std::uint8_t { fc_host = 1, fc_path = 2, fc_query = 4 };

/// Byte classes: host = lowercase letters, digits, '.', '-', '_'; path = unreserved,
/// sub-delims except '\'', ':', '@', '/'; query = the path's plus '?'.
constexpr std::array<std::uint8_t, 256> make_classes() {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
        const bool digit = c >= '0' && c <= '9';
        const bool unreserved = lower || upper || digit || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        bool sub = false;
        for (char s : {'!', '$', '&', '(', ')', '*', '+', ',', ';', '='}) sub = sub || c == s;
        std::uint8_t b = 0;
        if (lower || digit || c == '.' || c == '-' || c == '_') b |= fc_host;
        if (unreserved || sub || c == ':' || c == '@' || c == '/') b |= fc_path | fc_query;
        if (c == '?') b |= fc_query;
        t[static_cast<std::size_t>(c)] = b;
    }
    return t;
}
constexpr std::array<std::uint8_t, 256> classes = make_classes();

bool has(unsigned char c, std::uint8_t bit) noexcept { return (classes[c] & bit) != 0; }

/// The host ends with a label the WHATWG parser would read as a number (digits, or 0x…):
/// refused whenever the last label starts with a digit.
bool last_label_numeric(std::string_view host) noexcept {
    const std::size_t dot = host.rfind('.');
    const char first = host[dot == std::string_view::npos ? 0 : dot + 1];
    return first >= '0' && first <= '9';
}

/// A "." or ".." segment in the path (what remove_dot_segments would rewrite).
bool has_dot_segment(std::string_view path) noexcept {
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        if (path[i] != '/' || path[i + 1] != '.') continue;
        std::size_t j = i + 2;
        if (j < path.size() && path[j] == '.') ++j;
        if (j == path.size() || path[j] == '/') return true;
    }
    return false;
}

}  // namespace

bool already_normal(std::string_view raw, std::string_view& host) noexcept {
    if (raw.size() > max_url_length) return false;
    // Byte by byte: a compare() here was a memcmp call per URL.
    if (raw.size() < 8 || raw[0] != 'h' || raw[1] != 't' || raw[2] != 't' || raw[3] != 'p')
        return false;
    std::size_t i = 4;
    if (raw[i] == 's') ++i;
    if (raw[i] != ':' || raw[i + 1] != '/' || raw[i + 2] != '/') return false;
    i += 3;
    const std::size_t host_begin = i;
    while (i < raw.size() && has(static_cast<unsigned char>(raw[i]), fc_host)) ++i;
    if (i == host_begin || i == raw.size() || raw[i] != '/') return false;
    const std::string_view h = raw.substr(host_begin, i - host_begin);
    if (h.front() == '.' || h.back() == '.' || last_label_numeric(h)) return false;
    const std::size_t path_begin = i;
    while (i < raw.size() && has(static_cast<unsigned char>(raw[i]), fc_path)) ++i;
    if (has_dot_segment(raw.substr(path_begin, i - path_begin))) return false;
    if (i < raw.size()) {
        if (raw[i] != '?') return false;
        for (++i; i < raw.size(); ++i)
            if (!has(static_cast<unsigned char>(raw[i]), fc_query)) return false;
    }
    host = h;
    return true;
}

bool host_already_normal(std::string_view host) noexcept {
    if (host.empty() || host.front() == '.' || host.back() == '.' || last_label_numeric(host))
        return false;
    for (char c : host)
        if (!has(static_cast<unsigned char>(c), fc_host)) return false;
    return true;
}

}  // namespace linkequity::web::detail
