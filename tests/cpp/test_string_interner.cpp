// SPDX-License-Identifier: MIT
// detail::string_interner, the web graph builder's string → id map: ids in first-seen order,
// every string back by id and by find(), through many rehashes, with the empty string, long
// strings, and forced hash collisions (equal hashes, hence equal tags and probe starts) that
// only the stored records can tell apart. The oracle is std::unordered_map. Then
// detail::sharded_interner (the builder's page and anchor tables), interned in parts as threads
// do, against string_interner.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "../../src/web/sharded_interner.hpp"
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

TEST_CASE("sharded interner: two-step interning in parts gives string_interner's ids",
          "[interner]") {
    // The oracle is one string_interner fed the same sequence. The sharded table stores the
    // strings in `parts` passes over the sequence (pass p takes the shards it owns, as a thread
    // would), then resolves the keys in sequence order: same ids, same strings back, for 1, 2,
    // 3 and 7 parts and with the one-step intern().
    using linkequity::web::detail::sharded_interner;
    std::mt19937_64 rng(11);
    std::vector<std::string> seq;
    for (int i = 0; i < 30000; ++i) {
        const auto k = rng() % 8000;
        seq.push_back(k == 0 ? std::string() : "u" + std::to_string(k) + std::string(k % 40, 'z'));
    }
    string_interner oracle;
    std::vector<std::pair<std::uint32_t, bool>> want;
    for (const auto& s : seq) want.push_back(oracle.intern(s));

    for (int parts : {1, 2, 3, 7}) {
        sharded_interner t(true);
        REQUIRE(t.sharded());
        std::vector<sharded_interner::key> keys(seq.size(), 0xFFFFFFFF);
        for (int p = 0; p < parts; ++p)
            for (std::size_t i = 0; i < seq.size(); ++i) {
                const std::uint64_t h = sharded_interner::hash(seq[i]);
                if (sharded_interner::owns(h, p, parts)) keys[i] = t.intern_local(seq[i], h);
            }
        // A string stored but not resolved yet has no id.
        CHECK(t.size() == 0);
        CHECK(t.find(seq[0], 77) == 77);
        for (std::size_t i = 0; i < seq.size(); ++i) {
            INFO(parts << " parts, row " << i);
            REQUIRE(keys[i] != 0xFFFFFFFF);
            REQUIRE(t.resolve(keys[i]) == want[i]);
        }
        REQUIRE(t.size() == oracle.size());
        for (std::uint32_t id = 0; id < oracle.size(); ++id) {
            REQUIRE(t[id] == oracle[id]);
            REQUIRE(t.find(oracle[id], 0xFFFFFFFF) == id);
        }
        CHECK(t.find("not there", 5) == 5);
    }
    for (bool sharded : {true, false}) {
        sharded_interner t(sharded);
        for (std::size_t i = 0; i < seq.size(); ++i) REQUIRE(t.intern(seq[i]) == want[i]);
        REQUIRE(t.size() == oracle.size());
        for (std::uint32_t id = 0; id < oracle.size(); id += 97) CHECK(t[id] == oracle[id]);
        t.clear();
        CHECK(t.size() == 0);
        CHECK(t.sharded() == sharded);
    }
}
