// SPDX-License-Identifier: MIT
// normalize_url(): WHATWG-style clean-up of the raw text (whitespace, `\`, forbidden characters,
// special-scheme slashes), our own authority canonicalisation (IDNA/punycode per RFC 3492, IPv4
// and IPv6 literals, ports), then Boost.URL to validate and to resolve relative references
// (RFC 3986 §5), and our own percent-encoding (§6.2.2) and dot-segment (§5.2.4) passes, where
// Boost.URL 1.81's normalize() deviates from RFC 3986 (decodes %2F, keeps "/../").
// Hot path: scratch buffers are thread_local, so a call allocates only for its result strings.
#include "linkequity/web/url.hpp"
#include "url_fast.hpp"

#include <libpsl.h>

#include <array>
#include <boost/url.hpp>
#include <cstdint>
#include <cstdlib>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace linkequity::web {
namespace {

namespace bu = boost::urls;

// ------------------------------------------------------------------ character classes

constexpr bool is_alpha(unsigned char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_hex(unsigned char c) noexcept {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr int hex_value(unsigned char c) noexcept {
    return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}
constexpr char to_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr bool is_unreserved(unsigned char c) noexcept {
    return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
constexpr bool is_sub_delim(unsigned char c) noexcept {
    switch (c) {
        case '!': case '$': case '&': case '\'': case '(': case ')':
        case '*': case '+': case ',': case ';': case '=':
            return true;
        default:
            return false;
    }
}
// ASCII whitespace as the WHATWG URL standard trims it (space, tab, LF, FF, CR).
constexpr bool is_trim_space(unsigned char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
constexpr const char* hex_upper = "0123456789ABCDEF";

// Per-byte class bits, so the hot loops test one table entry and copy whole runs.
enum : unsigned char {
    cc_path = 1,      // kept as is in a path: unreserved, sub-delims, ':', '@', '/', and '\\'
    cc_query = 2,     // kept in a query: unreserved, sub-delims, ':', '@', '/', '?'
    cc_userinfo = 4,  // kept in a user name or password: unreserved, sub-delims
    cc_host = 8,      // canonical reg-name host: lowercase letters, digits, "-._~", sub-delims
    cc_plain = 16,    // input bytes copied without a second look: printable ASCII except '#'
};
struct char_table {
    unsigned char bits[256] = {};
    constexpr unsigned char operator[](unsigned char c) const { return bits[c]; }
};
constexpr char_table make_char_table() {
    char_table t;
    for (int i = 0; i < 256; ++i) {
        const auto c = static_cast<unsigned char>(i);
        unsigned char b = 0;
        const bool base = is_unreserved(c) || is_sub_delim(c);
        if (base || c == ':' || c == '@' || c == '/' || c == '\\') b |= cc_path;
        if (base || c == ':' || c == '@' || c == '/' || c == '?') b |= cc_query;
        if (base) b |= cc_userinfo;
        if ((base && !(c >= 'A' && c <= 'Z'))) b |= cc_host;
        if (c >= 0x20 && c < 0x7F && c != '#') b |= cc_plain;
        t.bits[i] = b;
    }
    return t;
}
constexpr char_table char_class = make_char_table();

void append_pct(std::string& out, unsigned char c) {
    out += '%';
    out += hex_upper[c >> 4];
    out += hex_upper[c & 15];
}

// ------------------------------------------------------------------ UTF-8

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid (overlong, surrogate,
// above U+10FFFF, truncated). `cp` receives the code point.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) noexcept {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) { cp = c; return 1; }
    std::size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// ------------------------------------------------------------------ punycode (RFC 3492)

constexpr std::uint32_t pc_base = 36, pc_tmin = 1, pc_tmax = 26, pc_skew = 38, pc_damp = 700;
constexpr std::uint32_t pc_initial_bias = 72, pc_initial_n = 128;

std::uint32_t punycode_adapt(std::uint32_t delta, std::uint32_t num_points, bool first) {
    delta = first ? delta / pc_damp : delta / 2;
    delta += delta / num_points;
    std::uint32_t k = 0;
    while (delta > ((pc_base - pc_tmin) * pc_tmax) / 2) {
        delta /= pc_base - pc_tmin;
        k += pc_base;
    }
    return k + (pc_base - pc_tmin + 1) * delta / (delta + pc_skew);
}

char punycode_digit(std::uint32_t d) {
    return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26));
}

// Appends the RFC 3492 encoding of `label` (without the "xn--" prefix). False on overflow.
bool punycode_encode(const std::vector<char32_t>& label, std::string& out) {
    std::uint32_t basic = 0;
    for (char32_t c : label) {
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++basic;
        }
    }
    if (basic > 0) out += '-';
    const auto length = static_cast<std::uint32_t>(label.size());
    std::uint32_t n = pc_initial_n, delta = 0, bias = pc_initial_bias, handled = basic;
    while (handled < length) {
        std::uint32_t m = 0x10FFFF + 1;
        for (char32_t c : label)
            if (c >= n && c < m) m = c;
        const std::uint64_t step = std::uint64_t(m - n) * (handled + 1);
        if (step > 0xFFFFFFFFu - delta) return false;
        delta += static_cast<std::uint32_t>(step);
        n = m;
        for (char32_t c : label) {
            if (c < n && ++delta == 0) return false;
            if (c != n) continue;
            std::uint32_t q = delta;
            for (std::uint32_t k = pc_base;; k += pc_base) {
                const std::uint32_t t =
                    k <= bias ? pc_tmin : (k >= bias + pc_tmax ? pc_tmax : k - bias);
                if (q < t) break;
                out += punycode_digit(t + (q - t) % (pc_base - t));
                q = (q - t) / (pc_base - t);
            }
            out += punycode_digit(q);
            bias = punycode_adapt(delta, handled + 1, handled == basic);
            delta = 0;
            ++handled;
        }
        ++delta;
        ++n;
    }
    return true;
}

// ------------------------------------------------------------------ hosts

// IDNA ToASCII for a host with non-ASCII characters: the UTS #46 mappings that matter in
// practice (full-width ASCII, ideographic full stops, soft hyphen ignored), Unicode lowercase
// (through libpsl's libunistring/ICU helper), then "xn--" + punycode per non-ASCII label.
// Not done: NFC normalisation and the full UTS #46 validity tables.
bool idna_to_ascii(std::string_view utf8, std::string& out, std::string& error) {
    std::string mapped;
    mapped.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = 0;
        const std::size_t len = utf8_sequence(utf8, i, cp);
        if (len == 0) {
            error = "host is not valid UTF-8";
            return false;
        }
        i += len;
        if (cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61) cp = '.';
        else if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
        else if (cp == 0x00AD) continue;                       // soft hyphen: ignored
        append_utf8(mapped, cp);
    }
    char* lowered = nullptr;
    if (psl_str_to_utf8lower(mapped.c_str(), "utf-8", nullptr, &lowered) == PSL_SUCCESS &&
        lowered != nullptr) {
        mapped = lowered;
    }
    psl_free_string(lowered);

    std::vector<char32_t> label;
    std::size_t start = 0;
    while (start <= mapped.size()) {
        std::size_t end = mapped.find('.', start);
        if (end == std::string::npos) end = mapped.size();
        const std::string_view part(mapped.data() + start, end - start);
        label.clear();
        bool ascii = true;
        for (std::size_t i = 0; i < part.size();) {
            char32_t cp = 0;
            i += utf8_sequence(part, i, cp);
            if (cp >= 0x80) ascii = false;
            label.push_back(cp < 0x80 ? static_cast<char32_t>(to_lower(char(cp))) : cp);
        }
        if (start > 0) out += '.';
        if (ascii) {
            for (char32_t c : label) out += static_cast<char>(c);
        } else {
            // UTS #46 §4.1: an "xn--" label is already punycode; Unicode in it is an error (it
            // would otherwise be encoded a second time, "xn--xn--…").
            if (part.size() >= 4 && part.substr(0, 4) == "xn--") {
                error = fmt::format("host label \"{}\" starts with xn-- but is not ASCII", part);
                return false;
            }
            out += "xn--";
            if (!punycode_encode(label, out)) {
                error = fmt::format("host label \"{}\" cannot be encoded as punycode", part);
                return false;
            }
        }
        start = end + 1;
    }
    return true;
}

// WHATWG "ends in a number": the last label is all digits or 0x-hex, so the host is an IPv4
// address (possibly in the legacy forms `0x7f.1`, `127.1`, `017.0.0.1`).
bool ends_in_number(std::string_view host) {
    const std::size_t dot = host.rfind('.');
    const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
    if (last.empty()) return false;
    bool digits = true;
    for (char c : last) digits = digits && is_digit(static_cast<unsigned char>(c));
    if (digits) return true;
    if (last.size() >= 2 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X')) {
        for (char c : last.substr(2))
            if (!is_hex(static_cast<unsigned char>(c))) return false;
        return true;
    }
    return false;
}

// WHATWG IPv4 parser: 1 to 4 parts, each decimal, 0x-hex or 0-octal; the last part fills the
// remaining bytes. Appends the dotted-decimal form.
bool parse_ipv4(std::string_view host, std::string& out) {
    std::array<std::uint64_t, 4> parts{};
    std::size_t count = 0, start = 0;
    while (true) {
        std::size_t end = host.find('.', start);
        if (end == std::string_view::npos) end = host.size();
        std::string_view p = host.substr(start, end - start);
        if (p.empty() || count == 4) return false;
        unsigned radix = 10;
        if (p.size() >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            radix = 16;
            p.remove_prefix(2);
        } else if (p.size() >= 2 && p[0] == '0') {
            radix = 8;
            p.remove_prefix(1);
        }
        std::uint64_t v = 0;
        for (char ch : p) {
            const auto c = static_cast<unsigned char>(ch);
            unsigned d;
            if (radix == 16 && is_hex(c)) d = static_cast<unsigned>(hex_value(c));
            else if (is_digit(c) && unsigned(c - '0') < radix) d = static_cast<unsigned>(c - '0');
            else return false;
            v = v * radix + d;
            if (v > 0xFFFFFFFFull) return false;
        }
        parts[count++] = v;
        if (end == host.size()) break;
        start = end + 1;
    }
    for (std::size_t i = 0; i + 1 < count; ++i)
        if (parts[i] > 255) return false;
    if (parts[count - 1] >= (1ull << (8 * (5 - count)))) return false;
    std::uint64_t address = parts[count - 1];
    for (std::size_t i = 0; i + 1 < count; ++i) address += parts[i] << (8 * (3 - i));
    out += fmt::format("{}.{}.{}.{}", (address >> 24) & 255, (address >> 16) & 255,
                       (address >> 8) & 255, address & 255);
    return true;
}

// Characters left in a canonical reg-name host: lowercase letters, digits, `-._~`, sub-delims.
bool is_host_char(unsigned char c) noexcept { return char_class[c] & cc_host; }

// Appends the canonical form of `raw_host` (as written between `//`/userinfo and the port).
bool append_host(std::string_view raw_host, std::string& out, std::string& error) {
    if (raw_host.empty()) {
        error = "URL has no host";
        return false;
    }
    if (raw_host.front() == '[') {
        if (raw_host.back() != ']') {
            error = fmt::format("IPv6 host \"{}\" is not closed by ']'", raw_host);
            return false;
        }
        const auto addr = bu::parse_ipv6_address(raw_host.substr(1, raw_host.size() - 2));
        if (!addr) {
            error = fmt::format("\"{}\" is not a valid IPv6 address", raw_host);
            return false;
        }
        char buf[bu::ipv6_address::max_str_len];
        out += '[';
        out += addr->to_buffer(buf, sizeof buf);
        out += ']';
        return true;
    }
    // Fast path: already lowercase ASCII without percent-escapes.
    std::string decoded;
    bool simple = true;
    for (char c : raw_host) simple = simple && is_host_char(static_cast<unsigned char>(c));
    std::string_view host = raw_host;
    if (!simple) {
        decoded.reserve(raw_host.size());
        bool non_ascii = false;
        for (std::size_t i = 0; i < raw_host.size(); ++i) {
            auto c = static_cast<unsigned char>(raw_host[i]);
            if (c == '%' && i + 2 < raw_host.size() &&
                is_hex(static_cast<unsigned char>(raw_host[i + 1])) &&
                is_hex(static_cast<unsigned char>(raw_host[i + 2]))) {
                c = static_cast<unsigned char>(hex_value(raw_host[i + 1]) * 16 +
                                               hex_value(raw_host[i + 2]));
                i += 2;
            }
            if (c >= 0x80) non_ascii = true;
            decoded += static_cast<char>(c);
        }
        if (non_ascii) {
            std::string ascii;
            if (!idna_to_ascii(decoded, ascii, error)) return false;
            decoded.swap(ascii);
        } else {
            for (char& c : decoded) c = to_lower(c);
        }
        for (char c : decoded) {
            if (!is_host_char(static_cast<unsigned char>(c))) {
                error = fmt::format("host \"{}\" contains the forbidden character {}", raw_host,
                                    static_cast<unsigned char>(c) < 0x20 || c == 0x7F
                                        ? fmt::format("0x{:02X}", c)
                                        : fmt::format("'{}'", c));
                return false;
            }
        }
        host = decoded;
    }
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);
    if (host.empty()) {
        error = fmt::format("host \"{}\" is empty once its trailing dots are dropped", raw_host);
        return false;
    }
    if (ends_in_number(host)) {
        if (!parse_ipv4(host, out)) {
            error = fmt::format("host \"{}\" ends in a number but is not a valid IPv4 address",
                                raw_host);
            return false;
        }
        return true;
    }
    out.append(host.data(), host.size());
    return true;
}

// ------------------------------------------------------------------ components

// Appends `text` (userinfo, path or query) with every character RFC 3986 does not allow there
// percent-encoded as UTF-8 bytes; a `%` that does not start an escape becomes `%25`.
// `extra` lists the gen-delims allowed in this component besides sub-delims and unreserved.
void append_encoded(std::string_view text, unsigned char allowed, std::string& out) {
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i;
        while (j < n && (char_class[static_cast<unsigned char>(text[j])] & allowed)) ++j;
        out.append(text.data() + i, j - i);
        if (j == n) break;
        const auto c = static_cast<unsigned char>(text[j]);
        if (c == '%' && j + 2 < n && is_hex(static_cast<unsigned char>(text[j + 1])) &&
            is_hex(static_cast<unsigned char>(text[j + 2]))) {
            out += '%';
        } else {
            append_pct(out, c);
        }
        i = j + 1;
    }
}

// Path (with `\` read as `/`) then query, each encoded.
void append_path_query(std::string_view text, std::string& out) {
    const std::size_t q = text.find('?');
    const std::string_view path = text.substr(0, q);
    const std::size_t from = out.size();
    append_encoded(path, cc_path, out);
    for (std::size_t i = from; i < out.size(); ++i)
        if (out[i] == '\\') out[i] = '/';
    if (q != std::string_view::npos) {
        out += '?';
        append_encoded(text.substr(q + 1), cc_query, out);
    }
}

bool append_port(std::string_view port, bool https, std::string& out, std::string& error) {
    if (port.empty()) return true;  // "http://host:/" has no port
    std::uint32_t value = 0;
    for (char c : port) {
        if (!is_digit(static_cast<unsigned char>(c)) || (value = value * 10 + (c - '0')) > 65535) {
            error = fmt::format("invalid port \"{}\" (allowed: 0-65535)", port);
            return false;
        }
    }
    if (value == (https ? 443u : 80u)) return true;
    out += ':';
    out += fmt::format("{}", value);
    return true;
}

// Appends the canonical authority; `host_out` receives the canonical host.
bool append_authority(std::string_view auth, bool https, std::string& out, std::string& host_out,
                      std::string& error) {
    const std::size_t at = auth.rfind('@');
    if (at != std::string_view::npos) {
        // user[:password] as WHATWG serialises them: the first ':' separates the two, a later
        // one is the password's own and written %3A; an empty password is dropped with its ':',
        // and an empty user with no password leaves no userinfo. (Dropping one trailing ':' of
        // the whole, as before, turned "::" into ":" and that into nothing: not idempotent.)
        const std::string_view userinfo = auth.substr(0, at);
        const std::size_t colon = userinfo.find(':');
        const std::string_view user = userinfo.substr(0, colon);
        const std::string_view password =
            colon == std::string_view::npos ? std::string_view() : userinfo.substr(colon + 1);
        if (!user.empty() || !password.empty()) {
            append_encoded(user, cc_userinfo, out);
            if (!password.empty()) {
                out += ':';
                append_encoded(password, cc_userinfo, out);
            }
            out += '@';
        }
        auth.remove_prefix(at + 1);
    }
    std::string_view host = auth, port;
    if (!auth.empty() && auth.front() == '[') {
        const std::size_t close = auth.find(']');
        if (close != std::string_view::npos) {
            host = auth.substr(0, close + 1);
            const std::string_view rest = auth.substr(close + 1);
            if (!rest.empty() && rest.front() != ':') {
                error = fmt::format("unexpected \"{}\" after the IPv6 host", rest);
                return false;
            }
            if (!rest.empty()) port = rest.substr(1);
        }
    } else if (const std::size_t colon = auth.find(':'); colon != std::string_view::npos) {
        host = auth.substr(0, colon);
        port = auth.substr(colon + 1);
    }
    const std::size_t host_start = out.size();
    if (!append_host(host, out, error)) return false;
    host_out.assign(out, host_start, std::string::npos);
    return append_port(port, https, out, error);
}

// RFC 3986 §5.2.4 remove_dot_segments over an absolute path (Boost.URL 1.81 keeps leading
// "/.." segments, e.g. "http://a/../g", which RFC 3986 §5.4.2 and browsers resolve to "/g").
bool needs_dot_removal(std::string_view path) {
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '.' || (i > 0 && path[i - 1] != '/')) continue;
        std::size_t j = i + 1;
        if (j < path.size() && path[j] == '.') ++j;
        if (j == path.size() || path[j] == '/') return true;
    }
    return false;
}

void remove_dot_segments(std::string_view path, std::string& out) {
    out.clear();
    std::size_t i = 0;
    while (i < path.size()) {
        std::size_t end = path.find('/', i + 1);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view seg = path.substr(i, end - i);  // "/name"
        if (seg == "/." || seg == "/..") {
            if (seg == "/..") {
                const std::size_t slash = out.rfind('/');
                out.resize(slash == std::string::npos ? 0 : slash);
            }
            if (end == path.size()) out += '/';
        } else {
            out.append(seg.data(), seg.size());
        }
        i = end;
    }
    if (out.empty()) out = "/";
}

// Scratch space reused by every call on this thread.
struct scratch {
    std::string text;     // cleaned input
    std::string buffer;   // assembled URL or reference
    std::string path;     // percent-normalised path
    std::string path2;    // dot-segment output
    std::string authority;  // canonical authority of the URL being built
    bu::url url;
    std::string last_base;          // cache: the last base seen and its parsed form
    normalized_url last_base_result;
    bu::url last_base_url;          // its path and query under stand_in_authority
    std::string last_base_authority;
};

// Boost.URL 1.81 reads a host that starts like an IPv4 address ("10.0.0.1.nip.io") as that
// address followed by the path (".nip.io"): URLs handed to it carry this one-letter reg-name
// instead, and the canonical authority, built here, is put back by finish().
constexpr std::string_view stand_in_authority = "x";

scratch& thread_scratch() {
    thread_local scratch s;
    return s;
}

normalized_url make_invalid(std::string error) {
    normalized_url r;
    r.kind = url_kind::invalid;
    r.error = std::move(error);
    return r;
}

// RFC 3986 §6.2.2.1-2: escapes of unreserved characters decoded, other escapes uppercased.
// (Boost.URL 1.81's normalize() also decodes reserved characters such as %2F, which changes
// the URL's meaning, so it is not used.)
void append_pct_normalized(std::string_view in, std::string& out) {
    std::size_t i = 0;
    while (i < in.size()) {
        const std::size_t pct = in.find('%', i);
        if (pct == std::string_view::npos || pct + 2 >= in.size()) {
            out.append(in.data() + i, in.size() - i);
            break;
        }
        out.append(in.data() + i, pct - i);
        const auto c =
            static_cast<unsigned char>(hex_value(in[pct + 1]) * 16 + hex_value(in[pct + 2]));
        if (is_unreserved(c)) {
            out += static_cast<char>(c);
        } else {
            append_pct(out, c);
        }
        i = pct + 3;
    }
}

// The result from an absolute URL `u` whose scheme and authority are already canonical:
// path and query percent-normalised, dot segments removed, empty path → "/", no fragment.
normalized_url finish(scratch& s, const bu::url_view_base& u, std::string_view authority,
                      std::string host) {
    normalized_url r;
    r.kind = url_kind::web;
    const std::string_view scheme = u.scheme();
    const std::string_view path = u.encoded_path();
    const std::string_view query = u.encoded_query();
    r.url.reserve(scheme.size() + 3 + authority.size() + path.size() + 2 + query.size());
    r.url.append(scheme.data(), scheme.size());
    r.url += "://";
    r.url.append(authority.data(), authority.size());
    s.path.clear();
    append_pct_normalized(path, s.path);
    if (s.path.empty()) {
        r.url += '/';
    } else if (needs_dot_removal(s.path)) {
        remove_dot_segments(s.path, s.path2);
        r.url += s.path2;
    } else {
        r.url += s.path;
    }
    if (u.has_query()) {
        r.url += '?';
        append_pct_normalized(query, r.url);
    }
    r.host = std::move(host);
    // Percent-encoding can lengthen a URL: its normal form must itself be a URL we accept,
    // or normalising would not be idempotent (found by fuzz_url_fast_path).
    if (r.url.size() > max_url_length)
        return make_invalid(fmt::format("URL is {} bytes long once normalised (allowed: at "
                                        "most {})", r.url.size(), max_url_length));
    return r;
}

normalized_url normalize_impl(std::string_view raw, std::string_view base, int depth);

// The parsed, normalised base (cached per thread: consecutive links of one page share it).
const normalized_url* parsed_base(scratch& s, std::string_view base, int depth) {
    if (base.empty()) return nullptr;
    if (s.last_base != base) {
        normalized_url b = normalize_impl(base, {}, depth + 1);
        s.last_base.assign(base.data(), base.size());
        s.last_base_result = std::move(b);
        if (s.last_base_result.ok()) {  // "scheme://authority/path?query", path never empty
            const std::string& url = s.last_base_result.url;
            const std::size_t begin = url.find("://") + 3;
            const std::size_t end = std::min(url.find_first_of("/?", begin), url.size());
            s.last_base_authority.assign(url, begin, end - begin);
            std::string for_boost(url, 0, begin);
            for_boost.append(stand_in_authority).append(url, end, std::string::npos);
            s.last_base_url = bu::url(for_boost);
        }
    }
    return &s.last_base_result;
}

normalized_url resolve_relative(scratch& s, std::string_view ref, std::string_view base,
                                int depth) {
    const normalized_url* b = parsed_base(s, base, depth);
    if (b == nullptr) return make_invalid("relative URL without a base URL");
    if (!b->ok()) {
        return make_invalid(fmt::format("relative URL with an unusable base URL \"{}\": {}", base,
                                        b->kind == url_kind::non_web ? "not http(s)" : b->error));
    }
    s.buffer.clear();
    // A first segment with ':' would read as a scheme: "./" keeps it a path.
    const std::size_t colon = ref.find(':');
    if (colon != std::string_view::npos && ref.find_first_of("/\\?") > colon) s.buffer += "./";
    append_path_query(ref, s.buffer);
    const auto rv = bu::parse_relative_ref(s.buffer);
    if (!rv) {
        return make_invalid(
            fmt::format("relative reference \"{}\" is not valid: {}", ref, rv.error().message()));
    }
    const auto res = bu::resolve(s.last_base_url, *rv, s.url);
    if (!res) {
        return make_invalid(fmt::format("cannot resolve \"{}\" against \"{}\": {}", ref, base,
                                        res.error().message()));
    }
    return finish(s, s.url, s.last_base_authority, b->host);
}

// `rest` follows "http:" / "https:" and its slashes (any number, WHATWG).
normalized_url build_absolute(scratch& s, std::string_view scheme, std::string_view rest) {
    const bool https = scheme.size() == 5;
    const std::size_t auth_end = rest.find_first_of("/\\?");
    const std::string_view auth = rest.substr(0, auth_end);
    std::string host, error;
    s.authority.clear();
    if (!append_authority(auth, https, s.authority, host, error)) {
        return make_invalid(std::move(error));
    }
    s.buffer.assign(scheme.data(), scheme.size());
    s.buffer.append("://").append(stand_in_authority);
    if (auth_end != std::string_view::npos) append_path_query(rest.substr(auth_end), s.buffer);
    const auto rv = bu::parse_uri(s.buffer);
    if (!rv) {
        return make_invalid(fmt::format("not a valid URL after clean-up (\"{}://{}{}\"): {}",
                                        scheme, s.authority,
                                        s.buffer.substr(scheme.size() + 4),
                                        rv.error().message()));
    }
    return finish(s, *rv, s.authority, std::move(host));
}

std::size_t skip_slashes(std::string_view v) {
    std::size_t i = 0;
    while (i < v.size() && (v[i] == '/' || v[i] == '\\')) ++i;
    return i;
}

/// Pass 1 of normalize_impl: copies `raw` into `text` up to the fragment without tabs and
/// newlines; rejects other control characters and bad UTF-8, in the fragment too. On failure
/// returns false with the reason in `error`.
bool copy_clean_text(std::string_view raw, std::string& text, std::string& error) {
    text.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t j = i;
        while (j < raw.size() && (char_class[static_cast<unsigned char>(raw[j])] & cc_plain)) ++j;
        text.append(raw.data() + i, j - i);
        if (j == raw.size()) break;
        i = j;
        const auto c = static_cast<unsigned char>(raw[i]);
        if (c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
        if (c < 0x20 || c == 0x7F) {
            error = fmt::format("URL contains the control character 0x{:02X} at byte {}", c, i);
            return false;
        }
        if (c == '#') break;
        if (c >= 0x80) {
            char32_t cp;
            const std::size_t len = utf8_sequence(raw, i, cp);
            if (len == 0) {
                error = fmt::format("URL is not valid UTF-8 (binary data?) at byte {}", i);
                return false;
            }
            text.append(raw.data() + i, len);
            i += len;
            continue;
        }
        text += static_cast<char>(c);
        ++i;
    }
    // Text after '#' must still be checked for controls and binary data.
    if (const std::size_t hash = raw.find('#'); hash != std::string_view::npos) {
        for (std::size_t i = hash; i < raw.size();) {
            const auto c = static_cast<unsigned char>(raw[i]);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                error = fmt::format("URL contains the control character 0x{:02X} at byte {}", c, i);
                return false;
            }
            char32_t cp;
            const std::size_t len = c < 0x80 ? 1 : utf8_sequence(raw, i, cp);
            if (len == 0) {
                error = fmt::format("URL is not valid UTF-8 (binary data?) at byte {}", i);
                return false;
            }
            i += len;
        }
    }
    return true;
}

/// The position of the ':' ending a scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":")
/// at the start of `v`, or npos.
std::size_t scheme_colon(std::string_view v) {
    if (v.empty() || !is_alpha(static_cast<unsigned char>(v[0]))) return std::string_view::npos;
    for (std::size_t i = 1; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c == ':') return i;
        if (!(is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.')) break;
    }
    return std::string_view::npos;
}

/// Pass 2a: a URL with a scheme ending at `colon`. Non-web schemes come back as non_web with
/// the lower-cased scheme; "http:page.html" against a base of the same scheme is relative.
normalized_url normalize_with_scheme(scratch& s, std::string_view v, std::size_t colon,
                                     std::string_view base, int depth) {
    char scheme_buf[6] = {};
    const std::string_view raw_scheme = v.substr(0, colon);
    bool web = raw_scheme.size() == 4 || raw_scheme.size() == 5;
    for (std::size_t i = 0; web && i < raw_scheme.size(); ++i)
        scheme_buf[i] = to_lower(raw_scheme[i]);
    const std::string_view scheme(scheme_buf, web ? raw_scheme.size() : 0);
    web = web && (scheme == "http" || scheme == "https");
    if (!web) {
        normalized_url r;
        r.kind = url_kind::non_web;
        r.url.reserve(raw_scheme.size());
        for (char c : raw_scheme) r.url += to_lower(c);
        return r;
    }
    const std::string_view rest = v.substr(colon + 1);
    const std::size_t slashes = skip_slashes(rest);
    if (slashes < 2 && !base.empty()) {
        // "http:page.html" or "http:/path" against a base of the same scheme is relative.
        const normalized_url* b = parsed_base(s, base, depth);
        if (b != nullptr && b->ok() && b->url.compare(0, scheme.size(), scheme) == 0 &&
            b->url[scheme.size()] == ':') {
            return resolve_relative(s, rest, base, depth);
        }
    }
    return build_absolute(s, scheme, rest.substr(slashes));
}

/// Pass 2b: a relative reference — scheme-relative "//host/path" takes the base's scheme,
/// anything else is resolved against the base.
normalized_url normalize_relative(scratch& s, std::string_view v, std::string_view base,
                                  int depth) {
    const std::size_t slashes = skip_slashes(v);
    if (slashes >= 2) {  // scheme-relative "//host/path"
        const normalized_url* b = parsed_base(s, base, depth);
        if (b == nullptr) return make_invalid("relative URL without a base URL");
        if (!b->ok()) {
            return make_invalid(
                fmt::format("relative URL with an unusable base URL \"{}\"", base));
        }
        const std::string_view scheme = b->url.compare(0, 6, "https:") == 0 ? "https" : "http";
        return build_absolute(s, scheme, v.substr(slashes));
    }
    return resolve_relative(s, v, base, depth);
}

normalized_url normalize_impl(std::string_view raw, std::string_view base, int depth) {
    if (depth > 1) return make_invalid("base URL is itself relative");
    if (raw.size() > max_url_length) {
        return make_invalid(fmt::format("URL is {} bytes long (allowed: at most {})", raw.size(),
                                        max_url_length));
    }
    auto space = [](char c) { return is_trim_space(static_cast<unsigned char>(c)); };
    while (!raw.empty() && space(raw.front())) raw.remove_prefix(1);
    while (!raw.empty() && space(raw.back())) raw.remove_suffix(1);
    if (raw.empty()) return make_invalid("empty URL");

    scratch& s = thread_scratch();
    std::string text;  // local: normalize_impl recurses for the base; moved back below
    text.swap(s.text);
    text.clear();
    struct give_back {
        std::string& slot;
        std::string& text;
        ~give_back() { slot.swap(text); }
    } guard{s.text, text};
    std::string error;
    if (!copy_clean_text(raw, text, error)) return make_invalid(std::move(error));
    const std::string_view v = text;
    const std::size_t colon = scheme_colon(v);
    if (colon != std::string_view::npos) return normalize_with_scheme(s, v, colon, base, depth);
    return normalize_relative(s, v, base, depth);
}

}  // namespace

normalized_url normalize_url(std::string_view raw, std::string_view base) {
    normalized_url full;  // the common case (already normal): the view is of raw, no parse
    const detail::normalized_url_view v = detail::normalize_url_view(raw, base, full);
    return {v.kind, std::string(v.url), std::string(v.host), std::string(v.error)};
}

detail::normalized_url_view detail::normalize_url_view(std::string_view raw,
                                                       std::string_view base,
                                                       normalized_url& full) {
    std::string_view host;
    if (already_normal(raw, host)) return {url_kind::web, raw, host, {}};
    full = normalize_url_full(raw, base);
    return {full.kind, full.url, full.host, full.error};
}

std::string normalize_host_name(std::string_view name, std::string* error) {
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return std::string();
    };
    auto space = [](char c) { return is_trim_space(static_cast<unsigned char>(c)); };
    while (!name.empty() && space(name.front())) name.remove_prefix(1);
    while (!name.empty() && space(name.back())) name.remove_suffix(1);
    if (name.empty()) return fail("empty host name");
    if (detail::host_already_normal(name)) return std::string(name);
    const std::size_t bad = name.find_first_of(" \t\n\r\f\v/\\?#@");
    if (bad != std::string_view::npos)
        return fail(fmt::format("it has '{}' (a bare host name is expected)", name[bad]));
    // A port's colon comes after the closing bracket of an IPv6 host, if there is one.
    const std::size_t close = name.front() == '[' ? name.find(']') : 0;
    if (close != std::string_view::npos && name.find(':', close) != std::string_view::npos)
        return fail("it has a scheme or a port (a bare host name is expected)");
    std::string url;
    url.reserve(name.size() + 8);
    url.append("http://").append(name).push_back('/');
    normalized_url n = normalize_url(url);
    if (!n.ok()) return fail(std::move(n.error));
    return std::move(n.host);
}

normalized_url detail::normalize_url_full(std::string_view raw, std::string_view base) {
    try {
        return normalize_impl(raw, base, 0);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        return make_invalid(fmt::format("URL could not be parsed: {}", e.what()));
    }
}

}  // namespace linkequity::web
