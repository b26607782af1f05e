// SPDX-License-Identifier: MIT
// Internal: sharded_interner, the web graph builder's page and anchor tables. Strings are kept in
// 64 string_interners (shards, picked by hash bits that neither the shards' slot index nor their
// tags use), so that threads can intern into distinct shards at once; the dense ids everyone
// sees are given out separately, in a serial pass, in first-seen order, so they are the ids one
// string_interner would give.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "string_interner.hpp"

namespace linkequity::web::detail {

/// Interns strings to dense ids 0, 1, 2 … in first-seen order, in two steps that may be split:
/// - intern_local(s, h) stores s in its shard and returns its key (shard and index there). Calls
///   for strings of distinct shards may run on several threads at once: a thread that owns the
///   shards s with s % parts == part (owns()) can intern a run of rows while others do theirs.
/// - resolve(key) gives the string its id the first time it is called for that key (serial).
/// intern(s) does both, and numbers strings exactly as string_interner::intern does. A string
/// that was interned locally but never resolved has no id: size(), operator[] and find() do not
/// see it. Costs as string_interner's, plus one 4-byte read for operator[] and resolve().
/// A table made unsharded (the default) is one string_interner: only intern(), none of the
/// two-step calls, and none of the extra reads: at 10M links on one thread, 1.1 s of interning
/// against 1.34 s sharded.
class sharded_interner {
public:
    using key = std::uint32_t;  ///< shard << local_bits | index in the shard; never all ones
    static constexpr int shard_count = 64;

    explicit sharded_interner(bool sharded = false) : sharded_(sharded) {}
    /// Whether intern_local and resolve may be used.
    bool sharded() const noexcept { return sharded_; }

    /// Whether part `part` of `parts` (threads) owns the shard of hash h.
    static bool owns(std::uint64_t h, int part, int parts) noexcept {
        return static_cast<int>(shard_of(h)) % parts == part;
    }

    /// Stores s (h = hash(s)) in its shard if new there; returns its key. Only the thread that
    /// owns h's shard may call this while others intern. @throws std::length_error past 2^26
    /// strings in one shard (about 4·10^9 strings in all) or string_interner's limits.
    key intern_local(std::string_view s, std::uint64_t h) {
        assert(sharded_);
        const std::uint32_t k = shard_of(h);
        shard& sh = shards_[k];
        const auto [local, inserted] = sh.strings.intern(s, h);
        if (inserted) {
            if (local >= local_mask)  // (all-ones keys are left to mean "none" to callers)
                throw std::length_error(fmt::format(
                    "web_graph_builder: more than {} distinct strings in one shard",
                    local_mask + 1));
            sh.id.push_back(no_id);
        }
        return k << local_bits | local;
    }

    /// The id of the string of key k, given now (inserted = true) if it had none: ids are
    /// handed out in the order of these calls. Serial: no intern_local may run meanwhile.
    /// @throws std::length_error past max_nodes ids.
    std::pair<std::uint32_t, bool> resolve(key k) {
        assert(sharded_ && (k & local_mask) < shards_[k >> local_bits].id.size());
        std::uint32_t& id = shards_[k >> local_bits].id[k & local_mask];
        if (id != no_id) return {id, false};
        if (where_.size() >= max_nodes)
            throw std::length_error(fmt::format(
                "web_graph_builder: more than {} distinct strings; ids are 32-bit", max_nodes));
        id = static_cast<std::uint32_t>(where_.size());
        where_.push_back(k);
        return {id, true};
    }

    /// Returns (id, inserted), as string_interner::intern.
    std::pair<std::uint32_t, bool> intern(std::string_view s) { return intern(s, hash(s)); }
    std::pair<std::uint32_t, bool> intern(std::string_view s, std::uint64_t h) {
        return sharded_ ? resolve(intern_local(s, h)) : shards_[0].strings.intern(s, h);
    }

    /// How many strings have ids.
    std::size_t size() const noexcept {
        return sharded_ ? where_.size() : shards_[0].strings.size();
    }
    /// The string of id i (i < size(), unchecked). Valid until the next insertion in its shard.
    std::string_view operator[](std::size_t i) const noexcept {
        if (!sharded_) return shards_[0].strings[i];
        const key k = where_[i];
        return shards_[k >> local_bits].strings[k & local_mask];
    }
    /// The id of `s`, or `missing` (also for a string interned locally but not resolved).
    std::uint32_t find(std::string_view s, std::uint32_t missing) const {
        if (!sharded_) return shards_[0].strings.find(s, missing);
        const std::uint64_t h = hash(s);
        const shard& sh = shards_[shard_of(h)];
        const std::uint32_t local = sh.strings.find(s, h, no_id);
        return local == no_id || sh.id[local] == no_id ? missing : sh.id[local];
    }
    /// Frees everything (the table stays sharded or not).
    void clear() { *this = sharded_interner(sharded_); }

    static std::uint64_t hash(std::string_view s) noexcept { return string_interner::hash(s); }
    /// A cache hint for a coming resolve(k) (a hint only).
    void prefetch_id(key k) const noexcept {
#if defined(__GNUC__)
        const shard& sh = shards_[k >> local_bits];
        if ((k & local_mask) < sh.id.size()) __builtin_prefetch(sh.id.data() + (k & local_mask));
#else
        (void)k;
#endif
    }
    /// Cache hints, as string_interner's (hints only).
    void prefetch_slot(std::uint64_t h) const noexcept {
        shards_[sharded_ ? shard_of(h) : 0].strings.prefetch_slot(h);
    }
    void prefetch_string(std::uint64_t h) const noexcept {
        shards_[sharded_ ? shard_of(h) : 0].strings.prefetch_string(h);
    }

private:
    static constexpr int local_bits = 26;
    static constexpr std::uint32_t local_mask = (std::uint32_t{1} << local_bits) - 1;
    static constexpr std::uint32_t no_id = std::numeric_limits<std::uint32_t>::max();

    /// Bits 34–39 of the hash: string_interner takes its slot index from the low bits (tables
    /// below 2^34 slots) and its tag from bits 40–63, so a shard's strings keep both spread.
    static std::uint32_t shard_of(std::uint64_t h) noexcept {
        return static_cast<std::uint32_t>(h >> 34) & (shard_count - 1);
    }

    struct alignas(64) shard {  // one cache line apart: threads write distinct shards
        string_interner strings;
        std::vector<std::uint32_t> id;  // index in the shard → id, or no_id
    };
    bool sharded_;
    std::array<shard, shard_count> shards_;  // unsharded: shards_[0] only, its ids the ids
    std::vector<key> where_;                 // id → key (sharded)
};

}  // namespace linkequity::web::detail
