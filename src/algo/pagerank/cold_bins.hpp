// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: propagation blocking (Beamer, Asanović, Patterson, "Reducing
// PageRank Communication via Propagation Blocking", IPDPS 2017) for the in-edges whose source
// lies outside a cache-sized "hot" prefix of the ids. With nodes in decreasing-degree order the
// first `hot` contributions (16 MiB of doubles) serve most edges from cache; the rest ("cold"
// sources) would each cost a random DRAM access. Instead, every iteration streams the cold
// sources in id order and writes each contribution into per-destination-block bins (sequential
// writes; once per (source, bin) pair, which all of the source's edges into that bin read),
// then each block adds its bin into an accumulator that stays in L2 — the deterministic
// variant of the paper: slot positions are fixed at set-up, so the bins' entries (and hence
// every sum) come out in the same order on any thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/detail/huge_pages.hpp"
#include "linkequity/graph/edge_flags.hpp"

namespace linkequity::detail {

class cold_bins {
public:
    /// Destinations per bin: 2^15, so a bin's accumulator (256 KiB of doubles) fits in L2 and
    /// a local destination fits in 15 bits (the 16th marks the last entry of a value).
    static constexpr unsigned bin_shift = 15;
    static constexpr std::size_t bin_size = std::size_t{1} << bin_shift;
    static constexpr unsigned next_value_flag = 1u << bin_shift;
    /// Bin numbers are 16-bit: graphs with more nodes than this (2^31) are not binned.
    static constexpr std::size_t max_nodes = bin_size << 16;

    /// Sources below this id are hot (pulled directly) by default: as many doubles as fill half
    /// the last-level cache (Linux sysfs cpu0/cache/index3, else 32 MiB assumed), rounded
    /// down to a power of two (at least bin_size) — 2^21 (16 MiB) on a 32 MiB L3.
    static node_id automatic_hot() noexcept;

    /// Lays out the cold in-edges (source >= hot; edges with a flag in `mask` skipped when
    /// `flags` is given) of the in-adjacency (rows sorted by source, as csr_graph guarantees):
    /// per cold source the bins it reaches, per bin the local destination of each entry.
    /// O(n + m) time, parallel; memory 2 bytes per cold edge (its entry) + 14 per (cold
    /// source, bin) pair (8 value + 4 source + 2 bin; 0.6 pairs per cold edge at scale 26),
    /// plus while building 12 per cold edge (the transposition's pairs and destinations) and
    /// 16 per cold node.
    cold_bins(std::size_t n, const edge_offset* offsets, const node_id* sources,
              const edge_flags* flags, edge_flags mask, node_id hot);

    node_id hot() const noexcept { return hot_; }
    std::size_t num_bins() const noexcept { return bin_start_.size() - 1; }
    std::size_t cold_edges() const noexcept { return bin_dst_.size(); }

    /// Phase 1: writes c[j] into the value of every (cold source j, bin) pair. Parallel over
    /// fixed source chunks; O(pairs) sequential reads and binned writes.
    void scatter(const double* c);
    /// Phase 2, for one bin: acc[local destination] += value of its (source, bin) pair, for
    /// every entry of bin b in entry order (source order). acc must hold bin_size entries.
    void add_bin(std::size_t b, double* acc) const noexcept {
        const double* v = values_.data() + value_start_[b];
        for (edge_offset s = bin_start_[b]; s < bin_start_[b + 1]; ++s) {
            const unsigned entry = bin_dst_[s];
            acc[entry & (bin_size - 1)] += *v;
            v += entry >> bin_shift;
        }
    }

private:
    struct rows;       // the in-adjacency being laid out (cold_bins.cpp)
    struct by_source;  // its cold edges transposed to source order (cold_bins.cpp)
    // The constructor's passes, in order (each documented in cold_bins.cpp).
    edge_offset count_bin_entries(const rows& in);
    static by_source transpose(const rows& in, edge_offset cold);
    buffer<edge_offset> pair_sources_with_bins(const by_source& t);
    std::vector<std::size_t> plan_scatter(buffer<edge_offset>&& pairs_of);
    void write_bin_entries(const by_source& t, const std::vector<std::size_t>& chunk_sources);

    node_id hot_;
    buffer<node_id> out_src_;            // source of each (cold source, bin) pair, by source
    buffer<std::uint16_t> out_bin_;      // bin of each pair
    buffer<edge_offset> bin_start_;      // first entry of each bin (+ end)
    buffer<std::uint16_t> bin_dst_;      // each entry's local destination | next_value_flag
    buffer<edge_offset> value_start_;    // first value of each bin (+ end)
    std::vector<double, huge_page_allocator<double>> values_;  // rewritten by every scatter
    std::vector<edge_offset> chunk_first_;  // scatter chunks: first pair (+ end)
    std::vector<edge_offset> chunk_cursor_;  // chunk × bin → first value of the chunk in the bin
};

}  // namespace linkequity::detail
