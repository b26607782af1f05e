// SPDX-License-Identifier: MIT
// normalize_url(): expected values from RFC 3986 (§5.4 resolution examples, §6.2.2 normalisation),
// the WHATWG URL Standard (leniencies, IPv4 forms, special-scheme slashes) and RFC 3492 /
// IANA's IDN test domains for punycode. None of them were produced by running the code.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "linkequity/web/url.hpp"

using linkequity::web::max_url_length;
using linkequity::web::normalize_host_name;
using linkequity::web::normalize_url;
using linkequity::web::url_kind;

namespace {
std::string norm(std::string_view raw, std::string_view base = {}) {
    const auto r = normalize_url(raw, base);
    if (r.kind == url_kind::invalid) return "<invalid: " + r.error + ">";
    if (r.kind == url_kind::non_web) return "<non_web " + r.url + ">";
    return r.url;
}
bool invalid(std::string_view raw, std::string_view base = {}) {
    return normalize_url(raw, base).kind == url_kind::invalid;
}
}  // namespace

TEST_CASE("url: header examples", "[url]") {
    CHECK(norm("HTTP://Example.COM:80/a/./b/../c#x") == "http://example.com/a/c");
    CHECK(norm(" https://example.com ") == "https://example.com/");
    CHECK(norm("http://example.com/%7euser") == "http://example.com/~user");
}

TEST_CASE("url: scheme and host lowercased, path and query case kept", "[url]") {
    CHECK(norm("HtTpS://WWW.Example.Org/Path/File.HTML?Q=A") ==
          "https://www.example.org/Path/File.HTML?Q=A");
    const auto r = normalize_url("http://WWW.EXAMPLE.com/");
    CHECK(r.ok());
    CHECK(r.host == "www.example.com");
    CHECK(r.error.empty());
}

TEST_CASE("url: ports", "[url]") {
    CHECK(norm("http://example.com:80/") == "http://example.com/");
    CHECK(norm("https://example.com:443/") == "https://example.com/");
    CHECK(norm("http://example.com:443/") == "http://example.com:443/");
    CHECK(norm("https://example.com:80/") == "https://example.com:80/");
    CHECK(norm("http://example.com:8080/x") == "http://example.com:8080/x");
    CHECK(norm("http://example.com:0080/") == "http://example.com/");  // leading zeros
    CHECK(norm("http://example.com:/") == "http://example.com/");      // empty port
    CHECK(norm("http://example.com:65535/") == "http://example.com:65535/");
    CHECK(invalid("http://example.com:65536/"));
    CHECK(invalid("http://example.com:99999999999/"));
    CHECK(invalid("http://example.com:8o/"));
    CHECK(normalize_url("http://example.com:abc/").error.find("port") != std::string::npos);
    CHECK(normalize_url("http://example.com:8080/").host == "example.com");
}

TEST_CASE("url: empty path, fragments", "[url]") {
    CHECK(norm("http://example.com") == "http://example.com/");
    CHECK(norm("http://example.com?q=1") == "http://example.com/?q=1");
    CHECK(norm("http://example.com#top") == "http://example.com/");
    CHECK(norm("http://example.com/a?b=c#d?e") == "http://example.com/a?b=c");
    CHECK(norm("http://example.com/a#frag with space and \"quotes\"") == "http://example.com/a");
    CHECK(norm("http://example.com/?") == "http://example.com/?");  // empty query is kept
}

TEST_CASE("url: trailing host dot dropped", "[url]") {
    CHECK(norm("http://example.com./x") == "http://example.com/x");
    CHECK(normalize_url("http://www.example.com.:8080/").host == "www.example.com");
    CHECK(norm("http://www.example.com.:8080/") == "http://www.example.com:8080/");
    CHECK(invalid("http://./"));
}

TEST_CASE("url: dot segments (RFC 3986 5.2.4)", "[url]") {
    CHECK(norm("http://a/b/c/./../../g") == "http://a/g");
    CHECK(norm("http://a/mid/content=5/../6") == "http://a/mid/6");
    CHECK(norm("http://a/../x") == "http://a/x");
    CHECK(norm("http://a/b/..") == "http://a/");
    CHECK(norm("http://a/b/.") == "http://a/b/");
    CHECK(norm("http://a/b/%2e%2E/c") == "http://a/c");  // WHATWG: %2e is a dot in segments
    CHECK(norm("http://a/b/..c/d") == "http://a/b/..c/d");  // not a dot segment
}

TEST_CASE("url: percent-encoding normalised (RFC 3986 6.2.2)", "[url]") {
    CHECK(norm("http://example.com/%7Efoo") == "http://example.com/~foo");
    CHECK(norm("http://example.com/a%2db%5fc%2E") == "http://example.com/a-b_c.");
    CHECK(norm("http://example.com/%41%62") == "http://example.com/Ab");
    CHECK(norm("http://example.com/a%2fb") == "http://example.com/a%2Fb");  // reserved: kept
    CHECK(norm("http://example.com/%c3%a9") == "http://example.com/%C3%A9");
    CHECK(norm("http://example.com/?q=%7e%2f") == "http://example.com/?q=~%2F");
    CHECK(norm("http://example.com/100%") == "http://example.com/100%25");  // stray %
    CHECK(norm("http://example.com/%zz") == "http://example.com/%25zz");
    CHECK(norm("http://%65xample.com/") == "http://example.com/");  // host escapes decoded
}

TEST_CASE("url: query kept", "[url]") {
    CHECK(norm("http://example.com/p?b=2&a=1&a=1") == "http://example.com/p?b=2&a=1&a=1");
    CHECK(norm("http://example.com/p?x=/a/../b") == "http://example.com/p?x=/a/../b");
    CHECK(norm("http://example.com/p?a=b?c") == "http://example.com/p?a=b?c");
}

TEST_CASE("url: WHATWG whitespace, tabs and newlines", "[url]") {
    CHECK(norm("\t\n http://example.com/a \r\n") == "http://example.com/a");
    CHECK(norm("http://exa\tmple.com/p\na\rth") == "http://example.com/path");
    CHECK(norm("\f http://example.com/") == "http://example.com/");
}

TEST_CASE("url: backslashes read as slashes in http(s)", "[url]") {
    CHECK(norm("http:\\\\example.com\\a\\b") == "http://example.com/a/b");
    CHECK(norm("https://example.com\\x\\..\\y") == "https://example.com/y");
    CHECK(norm("http://example.com/p?a=\\b") == "http://example.com/p?a=%5Cb");  // query: escaped
}

TEST_CASE("url: forbidden characters percent-encoded as UTF-8", "[url]") {
    CHECK(norm("http://example.com/a b") == "http://example.com/a%20b");
    CHECK(norm("http://example.com/a|b\"c{d}e^f<g>h`i") ==
          "http://example.com/a%7Cb%22c%7Bd%7De%5Ef%3Cg%3Eh%60i");
    CHECK(norm("http://example.com/caf\xC3\xA9") == "http://example.com/caf%C3%A9");
    CHECK(norm("http://example.com/?q=a b") == "http://example.com/?q=a%20b");
    CHECK(norm("http://example.com/\xE2\x82\xAC") == "http://example.com/%E2%82%AC");  // euro sign
    CHECK(norm("http://example.com/[x]") == "http://example.com/%5Bx%5D");
}

TEST_CASE("url: special-scheme slashes", "[url]") {
    CHECK(norm("http:example.com/a") == "http://example.com/a");  // no base: authority follows
    CHECK(norm("http:/example.com/") == "http://example.com/");
    CHECK(norm("http:///example.com/") == "http://example.com/");
    CHECK(norm("http:page.html", "http://example.com/dir/index.html") ==
          "http://example.com/dir/page.html");
    CHECK(norm("http:/other", "http://example.com/dir/index.html") == "http://example.com/other");
    // Different scheme from the base: not relative.
    CHECK(norm("https:host.org/x", "http://example.com/dir/") == "https://host.org/x");
}

TEST_CASE("url: relative references (RFC 3986 5.4.1 normal examples)", "[url]") {
    const char* base = "http://a/b/c/d;p?q";
    CHECK(norm("g", base) == "http://a/b/c/g");
    CHECK(norm("./g", base) == "http://a/b/c/g");
    CHECK(norm("g/", base) == "http://a/b/c/g/");
    CHECK(norm("/g", base) == "http://a/g");
    CHECK(norm("//g", base) == "http://g/");
    CHECK(norm("?y", base) == "http://a/b/c/d;p?y");
    CHECK(norm("g?y", base) == "http://a/b/c/g?y");
    CHECK(norm("#s", base) == "http://a/b/c/d;p?q");
    CHECK(norm("g#s", base) == "http://a/b/c/g");
    CHECK(norm(";x", base) == "http://a/b/c/;x");
    CHECK(norm(".", base) == "http://a/b/c/");
    CHECK(norm("./", base) == "http://a/b/c/");
    CHECK(norm("..", base) == "http://a/b/");
    CHECK(norm("../", base) == "http://a/b/");
    CHECK(norm("../g", base) == "http://a/b/g");
    CHECK(norm("../..", base) == "http://a/");
    CHECK(norm("../../", base) == "http://a/");
    CHECK(norm("../../g", base) == "http://a/g");
}

TEST_CASE("url: relative references (RFC 3986 5.4.2 abnormal examples)", "[url]") {
    const char* base = "http://a/b/c/d;p?q";
    CHECK(norm("../../../g", base) == "http://a/g");
    CHECK(norm("../../../../g", base) == "http://a/g");
    CHECK(norm("/./g", base) == "http://a/g");
    CHECK(norm("/../g", base) == "http://a/g");
    CHECK(norm("g.", base) == "http://a/b/c/g.");
    CHECK(norm(".g", base) == "http://a/b/c/.g");
    CHECK(norm("g..", base) == "http://a/b/c/g..");
    CHECK(norm("..g", base) == "http://a/b/c/..g");
    CHECK(norm("./../g", base) == "http://a/b/g");
    CHECK(norm("./g/.", base) == "http://a/b/c/g/");
    CHECK(norm("g/./h", base) == "http://a/b/c/g/h");
    CHECK(norm("g/../h", base) == "http://a/b/c/h");
    CHECK(norm("g;x=1/./y", base) == "http://a/b/c/g;x=1/y");
    CHECK(norm("g;x=1/../y", base) == "http://a/b/c/y");
    CHECK(norm("g?y/./x", base) == "http://a/b/c/g?y/./x");
    CHECK(norm("g?y/../x", base) == "http://a/b/c/g?y/../x");
}

TEST_CASE("url: relative references in crawl data", "[url]") {
    const char* base = "https://www.example.com/blog/post.html?page=2";
    CHECK(norm("//cdn.example.net/img.png", base) == "https://cdn.example.net/img.png");
    CHECK(norm("\\\\cdn.example.net\\img.png", base) == "https://cdn.example.net/img.png");
    CHECK(norm("/about", base) == "https://www.example.com/about");
    CHECK(norm("other post.html", base) == "https://www.example.com/blog/other%20post.html");
    CHECK(norm("?page=3", base) == "https://www.example.com/blog/post.html?page=3");
    CHECK(norm("../x", base) == "https://www.example.com/x");
    CHECK(norm("a:b/c", base) == "<non_web a>");  // a scheme, as browsers read it
    CHECK(norm("  /about  ", base) == "https://www.example.com/about");
    // The base itself may be un-normalised.
    CHECK(norm("x", "HTTP://Example.com:80/a/b") == "http://example.com/a/x");
    const auto r = normalize_url("/x", "http://Sub.Example.com./");
    CHECK(r.url == "http://sub.example.com/x");
    CHECK(r.host == "sub.example.com");
}

TEST_CASE("url: relative without a usable base is invalid", "[url]") {
    const auto r = normalize_url("/path");
    CHECK(r.kind == url_kind::invalid);
    CHECK(r.error.find("base") != std::string::npos);
    CHECK(invalid("page.html"));
    CHECK(invalid("//host/path"));
    CHECK(invalid("www.example.com"));
    CHECK(invalid("/x", "mailto:a@b.c"));
    CHECK(invalid("/x", "relative/base"));
}

TEST_CASE("url: IDN hosts to punycode", "[url]") {
    CHECK(norm("http://bücher.de/") == "http://xn--bcher-kva.de/");
    CHECK(norm("http://BÜCHER.de/") == "http://xn--bcher-kva.de/");  // IDNA lowercases first
    CHECK(norm("http://münchen.de/") == "http://xn--mnchen-3ya.de/");
    CHECK(norm("http://пример.испытание/") == "http://xn--e1afmkfd.xn--80akhbyknj4f/");
    CHECK(norm("http://例子.测试/") == "http://xn--fsqu00a.xn--0zwm56d/");
    CHECK(norm("http://b%C3%BCcher.de/") == "http://xn--bcher-kva.de/");  // escaped UTF-8
    CHECK(norm("http://例子。测试/") == "http://xn--fsqu00a.xn--0zwm56d/");  // ideographic dot
    CHECK(norm("http://ｅｘａｍｐｌｅ.com/") == "http://example.com/");  // full-width letters
    CHECK(norm("http://xn--bcher-kva.de/") == "http://xn--bcher-kva.de/");
    CHECK(normalize_url("http://bücher.de/ä").host == "xn--bcher-kva.de");
    CHECK(norm("http://bücher.de/ä") == "http://xn--bcher-kva.de/%C3%A4");
    CHECK(invalid("http://b%FFcher.de/"));  // escaped bytes that are not UTF-8
    // UTS #46 §4.1: a label that is already punycode ("xn--") cannot also hold Unicode.
    CHECK(invalid("http://xn--bcher-kvaü.de/"));
    CHECK(norm("http://XN--BCHER-KVA.de/") == "http://xn--bcher-kva.de/");
}

TEST_CASE("url: IPv4 hosts (WHATWG IPv4 parser)", "[url]") {
    CHECK(norm("http://192.0.2.1/") == "http://192.0.2.1/");
    CHECK(norm("http://192.0.2.1:8080") == "http://192.0.2.1:8080/");
    CHECK(norm("http://0x7f.0.0.1/") == "http://127.0.0.1/");
    CHECK(norm("http://127.1/") == "http://127.0.0.1/");
    CHECK(norm("http://0177.0.0.1/") == "http://127.0.0.1/");
    CHECK(norm("http://2130706433/") == "http://127.0.0.1/");
    CHECK(norm("http://192.0.2.1./") == "http://192.0.2.1/");
    CHECK(invalid("http://256.0.0.1/"));
    CHECK(invalid("http://1.2.3.4.5/"));
    CHECK(invalid("http://4294967296/"));
    CHECK(normalize_url("http://0x7f.0.0.1/").host == "127.0.0.1");
    CHECK(norm("http://1.2.3.example/") == "http://1.2.3.example/");  // not a number at the end
}

TEST_CASE("url: IPv6 hosts", "[url]") {
    CHECK(norm("http://[2001:DB8:0:0:0:0:0:1]/") == "http://[2001:db8::1]/");
    CHECK(norm("http://[2001:db8::1]:8080/x") == "http://[2001:db8::1]:8080/x");
    CHECK(norm("https://[::1]:443/") == "https://[::1]/");
    CHECK(normalize_url("http://[2001:DB8::1]/").host == "[2001:db8::1]");
    CHECK(invalid("http://[2001:db8::zz]/"));
    CHECK(invalid("http://[2001:db8::1/"));
    CHECK(invalid("http://[::1]x/"));
}

TEST_CASE("url: userinfo kept, empty userinfo dropped", "[url]") {
    CHECK(norm("http://user:pass@Example.com/") == "http://user:pass@example.com/");
    CHECK(norm("http://@example.com/") == "http://example.com/");
    CHECK(normalize_url("http://user@example.com/").host == "example.com");
    // WHATWG URL Standard: the first ':' splits user and password; a ':' in the password is
    // percent-encoded (userinfo percent-encode set); an empty password is not serialised.
    CHECK(norm("http://user:@example.com/") == "http://user@example.com/");
    CHECK(norm("http://:@example.com/") == "http://example.com/");
    CHECK(norm("http://:pass@example.com/") == "http://:pass@example.com/");
    CHECK(norm("http://::@example.com/") == "http://:%3A@example.com/");
    CHECK(norm("http:::@m") == "http://:%3A@m/");  // found by fuzz_web_lines: was not idempotent
    CHECK(norm("http://a:b:c@example.com/") == "http://a:b%3Ac@example.com/");
    CHECK(norm("http://a@b@example.com/") == "http://a%40b@example.com/");
}

TEST_CASE("url: non-web schemes", "[url]") {
    for (const char* s : {"mailto:someone@example.com", "tel:+1-555-0100", "javascript:void(0)",
                          "data:text/plain,hi", "ftp://ftp.example.com/f", "file:///etc/hosts",
                          "MAILTO:X@Y.Z", "android-app://com.example/http/x", "urn:isbn:0451450523"}) {
        INFO(s);
        const auto r = normalize_url(s, "http://example.com/");
        CHECK(r.kind == url_kind::non_web);
        CHECK(!r.ok());
        CHECK(r.host.empty());
    }
    CHECK(normalize_url("MAILTO:X@Y.Z").url == "mailto");
    CHECK(normalize_url("JavaScript:alert(1)").url == "javascript");
    CHECK(normalize_url("  tel:123").url == "tel");
}

TEST_CASE("url: invalid input is reported, never thrown", "[url]") {
    CHECK(normalize_url("").error == "empty URL");
    CHECK(invalid("   \t\n"));
    CHECK(invalid("http://"));
    CHECK(invalid("http:///"));
    CHECK(invalid("https://:80/"));
    CHECK(invalid("http://user@/"));
    CHECK(invalid("http://exa mple.com/"));  // space in host
    CHECK(invalid("http://exa<mple.com/"));
    CHECK(normalize_url("http:///").error.find("host") != std::string::npos);
}

TEST_CASE("url: control characters and binary data", "[url]") {
    using namespace std::string_literals;
    CHECK(invalid("http://example.com/\x01"));
    CHECK(invalid("http://example.com/a\x7F"));
    CHECK(invalid("http://example.com/\0x"s));
    CHECK(invalid("http://example.com/#\x02"));
    CHECK(invalid("http://example.com/\xFF\xFE"));    // not UTF-8
    CHECK(invalid("http://example.com/\xC0\xAF"));    // overlong encoding
    CHECK(invalid("http://example.com/\xED\xA0\x80"));  // UTF-16 surrogate
    CHECK(invalid("http://example.com/\xE2\x82"));    // truncated sequence
    CHECK(normalize_url("http://example.com/\x01").error.find("control") != std::string::npos);
}

TEST_CASE("url: too long", "[url]") {
    const std::string prefix = "http://example.com/";
    std::string ok = prefix + std::string(max_url_length - prefix.size(), 'a');
    CHECK(normalize_url(ok).ok());
    const auto r = normalize_url(ok + "a");
    CHECK(r.kind == url_kind::invalid);
    CHECK(r.error.find("8192") != std::string::npos);
    // Short enough as written, too long once its spaces are %20: its normal form would not be
    // accepted back (found by fuzz_url_fast_path), so it is not accepted either.
    const std::string spaced = prefix + std::string(max_url_length / 2, ' ') + "x";
    const auto s = normalize_url(spaced);
    CHECK(s.kind == url_kind::invalid);
    CHECK(s.error.find("once normalised") != std::string::npos);
    const std::string fits = prefix + std::string((max_url_length - prefix.size()) / 3, ' ') + "x";
    CHECK(normalize_url(fits).ok());
}

TEST_CASE("url: normalisation is idempotent", "[url]") {
    for (const char* s : {"HTTP://Example.COM:80/a/./b/../c#x", "http://bücher.de/a b?c=d e",
                          "http://[2001:DB8::1]:8080/%7e", "http:\\\\x.org\\a\\..\\b?q=\\",
                          "http://0x7f.1/%zz", "https://Example.com./?"}) {
        INFO(s);
        const auto once = normalize_url(s);
        REQUIRE(once.ok());
        const auto twice = normalize_url(once.url);
        CHECK(twice.url == once.url);
        CHECK(twice.host == once.host);
    }
}

TEST_CASE("url: hosts that start like an IPv4 address are names", "[url]") {
    // RFC 3986 §3.2.2: a host is an IPv4 address only when all of it matches the rule; else it
    // is a reg-name (wildcard-DNS names such as 10.0.0.1.nip.io). Found by fuzz_url_fast_path:
    // the URL lost its final '/' or the labels after the address.
    CHECK(norm("https://10.0.0.1.nip.io") == "https://10.0.0.1.nip.io/");
    CHECK(norm("https://10.0.0.1.NIP.io/a/../b") == "https://10.0.0.1.nip.io/b");
    CHECK(norm("https:1.1.2.0.W/..") == "https://1.1.2.0.w/");
    CHECK(norm("http://user:pw@10.0.0.1.nip.io:8080?q") ==
          "http://user:pw@10.0.0.1.nip.io:8080/?q");
    CHECK(norm("/x", "https://10.0.0.1.nip.io/a") == "https://10.0.0.1.nip.io/x");
    CHECK(norm("../../y", "https://10.0.0.1.nip.io/a/b") == "https://10.0.0.1.nip.io/y");
    CHECK(norm("?q", "https://10.0.0.1.nip.io") == "https://10.0.0.1.nip.io/?q");
    CHECK(norm("//10.0.0.1.nip.io", "https://a.example/") == "https://10.0.0.1.nip.io/");
    CHECK(normalize_url("/x", "https://10.0.0.1.nip.io/a").host == "10.0.0.1.nip.io");
}

TEST_CASE("url: many calls reuse a cached base correctly", "[url]") {
    CHECK(norm("a", "http://one.example/x/") == "http://one.example/x/a");
    CHECK(norm("a", "http://two.example/y/") == "http://two.example/y/a");
    CHECK(norm("b", "http://two.example/y/") == "http://two.example/y/b");
    CHECK(invalid("a", "not a url"));
    CHECK(norm("a", "http://one.example/x/") == "http://one.example/x/a");
}

TEST_CASE("url: random input never throws, web results are idempotent", "[url]") {
    // Deterministic pseudo-random strings over the characters that matter to the parser.
    static const char alphabet[] = "hH:tps/\\?#%@[]:.0123456789abcxX \t\n|<>{}^`\"~-_=&";
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const char* prefixes[] = {"", "http://", "https://", "//", "http:", "../", "http://[", "http://0x"};
    std::size_t web = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string s = prefixes[next() % 8];
        const std::size_t len = next() % 24;
        for (std::size_t k = 0; k < len; ++k) {
            const auto r = next();
            s += (r % 16 == 0) ? static_cast<char>(r >> 8) : alphabet[(r >> 8) % (sizeof alphabet - 1)];
        }
        INFO(s);
        linkequity::web::normalized_url r;
        REQUIRE_NOTHROW(r = normalize_url(s, (i % 2) ? "http://base.example/a/b" : ""));
        if (r.ok()) {
            ++web;
            const auto again = normalize_url(r.url);
            REQUIRE(again.ok());
            REQUIRE(again.url == r.url);
            REQUIRE(again.host == r.host);
        } else if (r.kind == url_kind::invalid) {
            REQUIRE(!r.error.empty());
        }
    }
    CHECK(web > 1000);
}

TEST_CASE("url: host names as people write them", "[url]") {
    // The hosts of http://NAME/ (RFC 3492's punycode for bücher, WHATWG's IPv4 forms, RFC 5952's
    // IPv6 text); only bare names are accepted.
    CHECK(normalize_host_name("Bücher.DE.") == "xn--bcher-kva.de");
    CHECK(normalize_host_name(" WWW.Example.com \t") == "www.example.com");
    CHECK(normalize_host_name("xn--bcher-kva.de") == "xn--bcher-kva.de");
    CHECK(normalize_host_name("0x7f.1") == "127.0.0.1");
    CHECK(normalize_host_name("[2001:DB8:0:0:0:0:0:1]") == "[2001:db8::1]");
    for (const char* bad : {"", "  ", "example.com/", "https://example.com", "example.com:8080",
                            "a b.com", "user@example.com", "example.com?q", "example.com#f",
                            "[2001:db8::1]:80", "[2001:db8::1"}) {
        INFO(bad);
        std::string error;
        CHECK(normalize_host_name(bad, &error).empty());
        CHECK_FALSE(error.empty());
    }
    std::string error;
    CHECK(normalize_host_name("a.com:80", &error).empty());
    CHECK(error == "it has a scheme or a port (a bare host name is expected)");
    CHECK(normalize_host_name("a .com", &error).empty());
    CHECK(error == "it has ' ' (a bare host name is expected)");
}
