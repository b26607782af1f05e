// SPDX-License-Identifier: MIT
// detail::string_hash and fold_multiply (detail/hash_mix.hpp), the hash of the web graph
// builder's interners: the 128-bit product checked against a hand-computed one, every byte of
// a string and its length reaching the hash, no collision among a million URL-like strings, and
// the low bits (the interner's slot index) spread evenly.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "linkequity/detail/hash_mix.hpp"

using linkequity::detail::fold_multiply;
using linkequity::detail::string_hash;

TEST_CASE("string hash: fold_multiply is the 128-bit product's halves xor-ed", "[hash]") {
    // 0x0123456789ABCDEF * 0xFEDCBA9876543210 = 0x0121FA00AD77D742'2236D88FE5618CF0 (by hand,
    // in Python's exact integers).
    CHECK(fold_multiply(0x0123456789ABCDEFull, 0xFEDCBA9876543210ull) ==
          (0x0121FA00AD77D742ull ^ 0x2236D88FE5618CF0ull));
    CHECK(fold_multiply(3, 5) == 15);               // no high half
    CHECK(fold_multiply(1ull << 63, 4) == 2);       // only a high half: 2^65 = 2 · 2^64
    CHECK(fold_multiply(0, 0xFFFFFFFFFFFFFFFFull) == 0);
}

TEST_CASE("string hash: every byte and the length change the hash", "[hash]") {
    std::string s;
    for (std::size_t n = 0; n <= 70; ++n) {
        const std::uint64_t h = string_hash(s);
        CHECK(string_hash(s + '\0') != h);  // the length enters even where the bytes are zero
        for (std::size_t i = 0; i < n; ++i)
            for (unsigned char bit = 1; bit != 0; bit = static_cast<unsigned char>(bit << 1)) {
                std::string t = s;
                t[i] = static_cast<char>(static_cast<unsigned char>(t[i]) ^ bit);
                if (string_hash(t) == h) FAIL("flipping bit " << int(bit) << " of byte " << i
                                                              << " of a " << n
                                                              << "-byte string keeps the hash");
            }
        s += static_cast<char>('a' + n % 26);
    }
}

TEST_CASE("string hash: no collisions among a million URLs, low and high bits spread", "[hash]") {
    constexpr std::size_t count = 1'000'000, buckets = 1 << 16;
    std::unordered_set<std::uint64_t> seen;
    seen.reserve(count);
    std::vector<std::uint32_t> load(buckets, 0), tag_load(buckets, 0);
    for (std::size_t i = 0; i < count; ++i) {
        // Near-identical strings, the hard case: one host, paths differing in a few digits.
        const std::string url = fmt::format("https://www.example{}.com/guides/page-{}", i % 97, i);
        const std::uint64_t h = string_hash(url);
        REQUIRE(seen.insert(h).second);
        ++load[h & (buckets - 1)];       // the interner's slot index: the low bits
        ++tag_load[(h >> 48) & (buckets - 1)];  // its tag: the high bits
    }
    // About 15.3 strings a bucket. For a uniform hash the chi-square statistic of the loads is
    // 65,535 ± 362 (its standard deviation, √(2 · 65,535)): allow 6 deviations.
    const double mean = double(count) / buckets;
    for (const auto* l : {&load, &tag_load}) {
        double chi2 = 0;
        for (const std::uint32_t x : *l) chi2 += (x - mean) * (x - mean) / mean;
        CHECK(chi2 < (buckets - 1) + 6 * 362.0);
        CHECK(chi2 > (buckets - 1) - 6 * 362.0);
    }
    CHECK(string_hash("") != string_hash(std::string(1, '\0')));
}
