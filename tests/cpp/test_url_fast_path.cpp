// SPDX-License-Identifier: MIT
// normalize_url's fast path (src/web/url_fast.hpp) against the full normaliser: on every URL-ish
// field of every file in tests/data, every string literal of test_url.cpp and a few hundred
// thousand fuzzed URLs, a URL the byte scan accepts must come back from the full path unchanged
// (same URL, same host), and normalize_url must equal the full path on every input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../../src/web/url_fast.hpp"

namespace fs = std::filesystem;
using linkequity::web::normalize_url;
using linkequity::web::normalized_url;
namespace fast = linkequity::web::detail;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

/// Every field of every plain-text file under tests/data, split at CSV/TSV delimiters, quotes
/// and line ends, plus every string literal of test_url.cpp (its hand-written edge cases).
std::vector<std::string> fixture_strings() {
    std::vector<std::string> out;
    auto split = [&out](const std::string& text, const std::string& seps) {
        std::string cur;
        for (char c : text) {
            if (seps.find(c) != std::string::npos) {
                if (!cur.empty()) out.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        if (!cur.empty()) out.push_back(cur);
    };
    for (const auto& e : fs::recursive_directory_iterator(LINKEQUITY_TEST_DATA)) {
        if (!e.is_regular_file() || e.path().extension() == ".gz") continue;
        const std::string text = slurp(e.path());
        split(text, std::string(",;\t\r\n\"", 6));
        split(text, std::string("\r\n", 2));  // whole lines too
    }
    const std::string src = slurp(fs::path(LINKEQUITY_TEST_DATA).parent_path() / "cpp" / "test_url.cpp");
    for (std::size_t q = src.find('"'); q != std::string::npos; q = src.find('"', q + 1)) {
        const std::size_t e = src.find('"', q + 1);
        if (e == std::string::npos) break;
        out.push_back(src.substr(q + 1, e - q - 1));
        q = e;
    }
    return out;
}

/// Random URLs built from pieces chosen to hit every rule of the normaliser near the fast path.
std::string fuzzed_url(std::mt19937_64& rng) {
    static const char* const starts[] = {"http://", "https://", "http://", "https://", "HTTP://",
                                         "http:/", "http:///", "https:", "//", "ftp://", ""};
    static const char* const host_bits[] = {"a", "b", "example", "com", ".", ".", "-", "_", "0",
                                            "1", "127", "0x7f", "x", "xn--bcher-kva", "E", "~",
                                            "%41", "..", "é", "1e"};
    static const char* const rest_bits[] = {
        "/", "/", "/", "a", "b", "Z", "0", ".", "..", "/.", "/..", "%2e", "%2F", "%41", "%7e",
        "%", "%zz", "?", "&", "=", "#", "#x", ":", ":80", ":443", ":8080", ":", "@", "'", "\\",
        " ", "|", "[", "]", "{", "~", "-", "_", "!", "$", "(", ")", "*", "+", ",", ";", "é",
        "\t", "\x01", "\"", "^", "`", "<"};
    static const char* const labels[] = {"a", "example", "b-c", "x_y", "com", "org", "1e", "9"};
    static const char* const benign[] = {"a", "b", "Z", "0", "/", "-", "_", "~", "=", "&", "!",
                                         "$", "(", ")", "*", "+", ",", ";", ":", "@", "?", ".",
                                         "..", "/."};
    std::string u;
    if (rng() % 2) {  // near normal form: a plausible URL with now and then one odd byte
        u = rng() % 2 ? "https://" : "http://";
        for (std::size_t k = rng() % 3 + 1; k > 0; --k) {
            u += labels[rng() % std::size(labels)];
            if (k > 1) u += '.';
        }
        if (rng() % 8) u += '/';
        for (std::size_t k = rng() % 8; k > 0; --k) {
            u += rng() % 10 ? benign[rng() % std::size(benign)]
                            : rest_bits[rng() % std::size(rest_bits)];
        }
        return u;
    }
    u = starts[rng() % std::size(starts)];
    for (std::size_t k = rng() % 5 + 1; k > 0; --k) u += host_bits[rng() % std::size(host_bits)];
    for (std::size_t k = rng() % 8; k > 0; --k) u += rest_bits[rng() % std::size(rest_bits)];
    return u;
}

/// Checks one input; returns whether the fast path took it.
bool check(const std::string& raw, const std::string& base = {}) {
    const normalized_url full = fast::normalize_url_full(raw, base);
    const normalized_url got = normalize_url(raw, base);
    INFO("input: '" << raw << "' base: '" << base << "'");
    CHECK(static_cast<int>(got.kind) == static_cast<int>(full.kind));
    CHECK(got.url == full.url);
    CHECK(got.host == full.host);
    CHECK(got.error == full.error);
    normalized_url kept;  // an earlier row's result must not leak into this one
    kept.url = "https://stale.example/with/a/long/path/from/an/earlier/row";
    kept.host = "stale.example";
    kept.error = "stale";
    const fast::normalized_url_view view = fast::normalize_url_view(raw, base, kept);
    CHECK(static_cast<int>(view.kind) == static_cast<int>(full.kind));
    CHECK(view.url == full.url);
    CHECK(view.host == full.host);
    CHECK(view.error == full.error);
    std::string_view host;
    if (!fast::already_normal(raw, host)) return false;
    CHECK(full.ok());
    CHECK(full.url == raw);
    CHECK(full.host == host);
    return true;
}

}  // namespace

TEST_CASE("url fast path: equal to the full normaliser on every fixture string", "[url]") {
    const std::vector<std::string> all = fixture_strings();
    std::size_t taken = 0;
    for (const std::string& s : all) taken += check(s);
    for (const std::string& s : all) check(s, "https://example.com/dir/page?q");
    INFO(all.size() << " strings, " << taken << " on the fast path");
    CHECK(all.size() > 1000);
    CHECK(taken > 100);  // the test means something only if the fast path is taken
}

TEST_CASE("url fast path: equal to the full normaliser on fuzzed URLs", "[url]") {
    std::mt19937_64 rng(20261201);
    std::size_t taken = 0, n = 300000;
    for (std::size_t i = 0; i < n; ++i) taken += check(fuzzed_url(rng), i % 2 ? "http://b.org/x/" : "");
    INFO(taken << " of " << n << " on the fast path");
    CHECK(taken > n / 10);
    CHECK(taken < n);
}

TEST_CASE("url fast path: accepts and refuses as documented", "[url]") {
    std::string_view host;
    CHECK(fast::already_normal("https://www.example.com/a/b?x=1&y", host));
    CHECK(host == "www.example.com");
    CHECK(fast::already_normal("http://a.b-c_d.org/", host));
    CHECK(host == "a.b-c_d.org");
    for (const char* refused :
         {"https://Example.com/", "https://example.com", "https://example.com:8080/",
          "https://u@example.com/", "https://example.com/#f", "https://example.com/a%20b",
          "https://example.com/./a", "https://example.com/a/..", "https://example.com./",
          "https://127.0.0.1/", "https://example.com/a b", "HTTP://example.com/",
          "https://example.com/a\\b", "https://example.com/it's", "https://[::1]/", "//x.com/"}) {
        INFO(refused);
        CHECK_FALSE(fast::already_normal(refused, host));
    }
}
