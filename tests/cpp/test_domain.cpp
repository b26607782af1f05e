// SPDX-License-Identifier: MIT
// public_suffix_list: expected values read off the published Public Suffix List rules
// (publicsuffix.org; the Debian file /usr/share/publicsuffix/public_suffix_list.dat holds e.g.
// "co.uk", "cc.ca.us", "*.ck" + "!www.ck", "*.kawasaki.jp" + "!city.kawasaki.jp" in the ICANN
// section and "blogspot.com", "github.io", "*.compute.amazonaws.com" in the private section).
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "linkequity/web/domain.hpp"
#include "linkequity/web/url.hpp"

using linkequity::web::psl_sections;
using linkequity::web::public_suffix_list;

TEST_CASE("domain: eTLD+1 under ICANN suffixes", "[domain]") {
    const public_suffix_list psl;
    CHECK(psl.sections() == psl_sections::all);
    CHECK(psl.registrable_domain("x.example.co.uk") == "example.co.uk");
    CHECK(psl.registrable_domain("a.b.c.example.co.uk") == "example.co.uk");
    CHECK(psl.registrable_domain("example.co.uk") == "example.co.uk");
    CHECK(psl.registrable_domain("www.example.com") == "example.com");
    CHECK(psl.registrable_domain("example.com") == "example.com");
    CHECK(psl.registrable_domain("www.example.com.au") == "example.com.au");
    CHECK(psl.registrable_domain("www.bbc.uk") == "bbc.uk");
}

TEST_CASE("domain: private section (blogspot.com, github.io)", "[domain]") {
    const public_suffix_list psl;
    CHECK(psl.registrable_domain("a.blogspot.com") == "a.blogspot.com");
    CHECK(psl.registrable_domain("b.blogspot.com") == "b.blogspot.com");
    CHECK(psl.registrable_domain("www.a.blogspot.com") == "a.blogspot.com");
    CHECK(psl.registrable_domain("user.github.io") == "user.github.io");
    CHECK(psl.registrable_domain("x.blogspot.co.uk") == "x.blogspot.co.uk");
    CHECK(psl.registrable_domain("ec2-1-2-3-4.eu-west-1.compute.amazonaws.com") ==
          "ec2-1-2-3-4.eu-west-1.compute.amazonaws.com");
}

TEST_CASE("domain: ICANN-only mode treats private suffixes as domains", "[domain]") {
    const public_suffix_list psl(psl_sections::icann_only);
    CHECK(psl.sections() == psl_sections::icann_only);
    CHECK(psl.registrable_domain("a.blogspot.com") == "blogspot.com");
    CHECK(psl.registrable_domain("b.blogspot.com") == "blogspot.com");
    CHECK(psl.registrable_domain("user.github.io") == "github.io");
    CHECK(psl.registrable_domain("x.blogspot.co.uk") == "blogspot.co.uk");
    CHECK(psl.registrable_domain("ec2-1-2-3-4.eu-west-1.compute.amazonaws.com") ==
          "amazonaws.com");
    // ICANN rules behave as in the full list.
    CHECK(psl.registrable_domain("x.example.co.uk") == "example.co.uk");
    CHECK(psl.registrable_domain("www.foo.cc.ca.us") == "foo.cc.ca.us");
    CHECK(psl.registrable_domain("a.b.c.ck") == "b.c.ck");
    CHECK(psl.registrable_domain("a.www.ck") == "www.ck");
    CHECK(psl.registrable_domain("co.uk") == "co.uk");
    CHECK(psl.registrable_domain("localhost") == "localhost");
    CHECK(psl.registrable_domain("192.0.2.1") == "192.0.2.1");
    CHECK(psl.registrable_domain("example.com.") == "example.com");
    CHECK(psl.version().find("ICANN") != std::string::npos);
}

TEST_CASE("domain: US state and locality suffixes (cc.ca.us, k12)", "[domain]") {
    const public_suffix_list psl;
    // "cc.ca.us" and "k12.ca.us" are listed suffixes; "ca.us" is one too.
    CHECK(psl.registrable_domain("foo.cc.ca.us") == "foo.cc.ca.us");
    CHECK(psl.registrable_domain("www.foo.cc.ca.us") == "foo.cc.ca.us");
    CHECK(psl.registrable_domain("cc.ca.us") == "cc.ca.us");  // a public suffix itself
    CHECK(psl.registrable_domain("school.k12.ca.us") == "school.k12.ca.us");
    CHECK(psl.registrable_domain("www.city.ca.us") == "city.ca.us");
    CHECK(psl.registrable_domain("x.pvt.k12.ma.us") == "x.pvt.k12.ma.us");
}

TEST_CASE("domain: wildcard and exception rules", "[domain]") {
    const public_suffix_list psl;
    CHECK(psl.registrable_domain("a.b.c.ck") == "b.c.ck");  // *.ck: c.ck is a suffix
    CHECK(psl.registrable_domain("www.ck") == "www.ck");    // !www.ck: registrable
    CHECK(psl.registrable_domain("a.www.ck") == "www.ck");
    CHECK(psl.registrable_domain("x.y.kawasaki.jp") == "x.y.kawasaki.jp");  // *.kawasaki.jp
    CHECK(psl.registrable_domain("www.city.kawasaki.jp") == "city.kawasaki.jp");
}

TEST_CASE("domain: hosts that are public suffixes or single labels", "[domain]") {
    const public_suffix_list psl;
    CHECK(psl.registrable_domain("co.uk") == "co.uk");
    CHECK(psl.registrable_domain("com") == "com");
    CHECK(psl.registrable_domain("blogspot.com") == "blogspot.com");
    CHECK(psl.registrable_domain("localhost") == "localhost");
    CHECK(psl.registrable_domain("intranet") == "intranet");
    CHECK(psl.registrable_domain("") == "");
}

TEST_CASE("domain: unknown TLDs use the default rule '*'", "[domain]") {
    const public_suffix_list psl;
    CHECK(psl.registrable_domain("www.example.notarealtld") == "example.notarealtld");
    CHECK(public_suffix_list(psl_sections::icann_only).registrable_domain("a.b.notarealtld") ==
          "b.notarealtld");
}

TEST_CASE("domain: trailing dots are ignored", "[domain]") {
    const public_suffix_list psl;
    CHECK(psl.registrable_domain("www.example.co.uk.") == "example.co.uk");
    CHECK(psl.registrable_domain("example.com..") == "example.com");
    CHECK(psl.registrable_domain(".") == "");
}

TEST_CASE("domain: IDN suffixes in punycode", "[domain]") {
    const public_suffix_list psl;
    // рф is listed; normalize_url turns "пример.рф" into punycode first.
    const auto url = linkequity::web::normalize_url("http://www.пример.рф/");
    REQUIRE(url.ok());
    CHECK(url.host == "www.xn--e1afmkfd.xn--p1ai");
    CHECK(psl.registrable_domain(url.host) == "xn--e1afmkfd.xn--p1ai");
    CHECK(psl.registrable_domain("xn--bcher-kva.de") == "xn--bcher-kva.de");
}

TEST_CASE("domain: uppercase is the caller's job (normalize_url lowercases)", "[domain]") {
    const public_suffix_list psl;
    const auto url = linkequity::web::normalize_url("HTTP://WWW.EXAMPLE.CO.UK/");
    REQUIRE(url.ok());
    CHECK(psl.registrable_domain(url.host) == "example.co.uk");
}

TEST_CASE("domain: IP hosts are their own domain", "[domain]") {
    const public_suffix_list psl;
    CHECK(psl.registrable_domain("192.0.2.1") == "192.0.2.1");
    CHECK(psl.registrable_domain("10.0.0.255") == "10.0.0.255");
    CHECK(psl.registrable_domain("[2001:db8::1]") == "[2001:db8::1]");
    CHECK(psl.registrable_domain("[::ffff:1.2.3.4]") == "[::ffff:1.2.3.4]");
    CHECK(public_suffix_list::is_ip_host("192.0.2.1"));
    CHECK(public_suffix_list::is_ip_host("[::1]"));
    CHECK_FALSE(public_suffix_list::is_ip_host("256.0.0.1"));
    CHECK_FALSE(public_suffix_list::is_ip_host("1.2.3"));
    CHECK_FALSE(public_suffix_list::is_ip_host("1.2.3.4.5"));
    CHECK_FALSE(public_suffix_list::is_ip_host("1.2.3.com"));
    CHECK_FALSE(public_suffix_list::is_ip_host("[]"));
    CHECK_FALSE(public_suffix_list::is_ip_host("example.com"));
    CHECK_FALSE(public_suffix_list::is_ip_host(""));
}

TEST_CASE("domain: long hosts", "[domain]") {
    const public_suffix_list psl;
    std::string host;
    for (int i = 0; i < 100; ++i) host += "abc.";
    CHECK(psl.registrable_domain(host + "example.co.uk") == "example.co.uk");
}

TEST_CASE("domain: version names the source", "[domain]") {
    const public_suffix_list psl;
    const std::string v = psl.version();
    CAPTURE(v);
    CHECK((v.find("public_suffix_list") != std::string::npos || v.find("builtin") != std::string::npos));
    CHECK(v.find("20") != std::string::npos);  // a date
}

TEST_CASE("domain: from_file pins a list, a bad file throws", "[domain]") {
    const auto psl = public_suffix_list::from_file(LINKEQUITY_TEST_DATA "/disavow/mini_psl.dat");
    CHECK(psl.registrable_domain("a.b.example.test") == "b.example.test");  // rule: example.test
    CHECK(psl.registrable_domain("www.example.com") == "example.com");      // rule: com
    CHECK(psl.version().find("mini_psl.dat") != std::string::npos);
    CHECK_THROWS_AS(public_suffix_list::from_file("/nonexistent/psl.dat"), std::runtime_error);
}

TEST_CASE("domain: copies share the list, concurrent lookups", "[domain]") {
    const public_suffix_list psl(psl_sections::icann_only);
    const public_suffix_list copy = psl;  // NOLINT: testing copy
    CHECK(copy.registrable_domain("a.blogspot.com") == "blogspot.com");
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            int good = 0;
            for (int i = 0; i < 2000; ++i) {
                good += copy.registrable_domain("x" + std::to_string(i) + ".example.co.uk") ==
                        "example.co.uk";
            }
            ok[t] = good;
        });
    }
    for (auto& th : threads) th.join();
    for (int v : ok) CHECK(v == 2000);
}
