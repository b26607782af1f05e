// SPDX-License-Identifier: MIT
// Internal: string_interner, the web graph builder's string → dense id map (pages, hosts,
// anchors, dates, record URLs). Strings live back to back in one buffer; the index is an
// open-addressing table of (hash tag, id) words, so a look-up touches one table cache line and,
// on a tag match, the string itself — no node per string as in std::unordered_map.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "linkequity/config.hpp"
#include "linkequity/detail/hash_mix.hpp"

namespace linkequity::web::detail {

/// Interns strings to dense ids 0, 1, 2 … in first-seen order.
/// intern(): expected O(|s|) (linear probing at load factor ≤ 1/2); operator[] is O(1).
/// Views returned by operator[] stay valid until the next intern() that inserts.
class string_interner {
public:
    /// Returns (id, inserted). @throws std::length_error past max_nodes strings (32-bit ids).
    std::pair<std::uint32_t, bool> intern(std::string_view s) { return intern(s, hash(s)); }
    /// The same, with h = hash(s) computed beforehand (by another thread, say).
    std::pair<std::uint32_t, bool> intern(std::string_view s, std::uint64_t h) {
        if (slots_.empty()) rehash(1024);
        std::size_t i = h & mask_;
        for (;; i = (i + 1) & mask_) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) break;
            if ((slot >> 32) == (h >> 32) && (*this)[id_of(slot)] == s) return {id_of(slot), false};
        }
        if (size() >= max_nodes)
            throw std::length_error(fmt::format(
                "web_graph_builder: more than {} distinct strings; ids are 32-bit", max_nodes));
        const auto id = static_cast<std::uint32_t>(size());
        chars_.append(s.data(), s.size());
        offsets_.push_back(chars_.size());
        slots_[i] = (h & ~std::uint64_t{0xFFFFFFFF}) | (std::uint64_t{id} + 1);
        if (2 * size() > slots_.size()) rehash(2 * slots_.size());
        return {id, true};
    }
    std::size_t size() const noexcept { return offsets_.size() - 1; }
    /// The string of id i (i < size(), unchecked).
    std::string_view operator[](std::size_t i) const noexcept {
        return std::string_view(chars_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
    }
    /// The id of `s`, or `missing`.
    std::uint32_t find(std::string_view s, std::uint32_t missing) const {
        if (slots_.empty()) return missing;
        const std::uint64_t h = hash(s);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) return missing;
            if ((slot >> 32) == (h >> 32) && (*this)[id_of(slot)] == s) return id_of(slot);
        }
    }
    /// Frees everything.
    void clear() { *this = string_interner(); }

    /// The hash intern() and find() use. Pure: safe to compute on any thread.
    static std::uint64_t hash(std::string_view s) noexcept {
        return linkequity::detail::string_hash(s);  // well spread: tag bits and index alike
    }
    /// Cache hints for a coming intern(s, h), to be given some rows ahead, in two steps: the
    /// table slot first (prefetch_slot), then, once that slot is likely cached, the string its
    /// tag points at (prefetch_string). Hints only: results never depend on them. O(1).
    void prefetch_slot(std::uint64_t h) const noexcept {
#if defined(__GNUC__)
        if (!slots_.empty()) __builtin_prefetch(slots_.data() + (h & mask_));
#else
        (void)h;
#endif
    }
    void prefetch_string(std::uint64_t h) const noexcept {
#if defined(__GNUC__)
        if (slots_.empty()) return;
        const std::uint64_t slot = slots_[h & mask_];
        if (slot != 0 && (slot >> 32) == (h >> 32))
            __builtin_prefetch(chars_.data() + offsets_[id_of(slot)]);
#else
        (void)h;
#endif
    }

private:
    static std::uint32_t id_of(std::uint64_t slot) noexcept {
        return static_cast<std::uint32_t>(slot & 0xFFFFFFFF) - 1;
    }
    /// Rebuilds the table with `n` slots (a power of two) from the stored strings.
    void rehash(std::size_t n) {
        slots_.assign(n, 0);
        mask_ = n - 1;
        for (std::uint32_t id = 0; id < size(); ++id) {
            const std::uint64_t h = hash((*this)[id]);
            std::size_t i = h & mask_;
            while (slots_[i] != 0) i = (i + 1) & mask_;
            slots_[i] = (h & ~std::uint64_t{0xFFFFFFFF}) | (std::uint64_t{id} + 1);
        }
    }

    std::string chars_;
    std::vector<std::size_t> offsets_{0};
    std::vector<std::uint64_t> slots_;  // 0 = empty, else (hash tag << 32) | (id + 1)
    std::size_t mask_ = 0;
};

}  // namespace linkequity::web::detail
