// SPDX-License-Identifier: MIT
// detail::string_interner, the web graph builder's string → id map: ids in first-seen order,
// every string back by id and by find(), through many rehashes, with the empty string, long
// strings, and forced hash collisions (equal hashes, hence equal tags and probe starts) that
// only the stored records can tell apart. The oracle is std::unordered_map.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "../../src/web/string_interner.hpp"

using linkequity::web::detail::string_interner;

TEST_CASE("string interner: ids first-seen, strings back by id and find, across rehashes",
          "[interner]") {
    string_interner t;
    std::unordered_map<std::string, std::uint32_t> oracle;
    std::vector<std::string> by_id;
    std::mt19937_64 rng(7);
    for (int i = 0; i < 50000; ++i) {
        // A pool of 20,000 strings drawn 50,000 times: repeats, lengths 0 to 300.
        const auto k = rng() % 20000;
        std::string s = k == 0 ? std::string() : "https://h" + std::to_string(k % 97) + "/" +
                                                      std::string(k % 301, 'a' + k % 26);
        auto [id, inserted] = t.intern(s);
        auto [it, fresh] = oracle.emplace(s, static_cast<std::uint32_t>(by_id.size()));
        REQUIRE(inserted == fresh);
        REQUIRE(id == it->second);
        if (fresh) by_id.push_back(s);
    }
    REQUIRE(t.size() == by_id.size());
    for (std::size_t id = 0; id < by_id.size(); ++id) {
        REQUIRE(t[id] == by_id[id]);
        REQUIRE(t.find(by_id[id], 0xFFFFFFFF) == id);
    }
    CHECK(t.find("https://not-there/", 0xFFFFFFFF) == 0xFFFFFFFF);
    t.clear();
    CHECK(t.size() == 0);
    CHECK(t.find("", 123) == 123);
}

TEST_CASE("string interner: equal hashes are told apart by the stored strings", "[interner]") {
    // intern(s, h) with one h for all: every string gets the same tag and start slot, so each
    // look-up walks the probe run and compares lengths and bytes. (The contract wants h =
    // hash(s); a rehash would place them by their own hashes, so this stays below 512.)
    string_interner t;
    const std::uint64_t h = 0xABCDEF0123456789ull;
    const std::vector<std::string> strings = {"a", "b", "ab", "", "ba", std::string(5000, 'x'),
                                              std::string(5000, 'x') + "y"};
    for (std::size_t i = 0; i < strings.size(); ++i) {
        auto [id, inserted] = t.intern(strings[i], h);
        CHECK(inserted);
        CHECK(id == i);
    }
    for (std::size_t i = 0; i < strings.size(); ++i) {
        auto [id, inserted] = t.intern(strings[i], h);
        CHECK_FALSE(inserted);
        CHECK(id == i);
        CHECK(t[i] == strings[i]);
    }
}
