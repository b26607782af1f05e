// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: propagation blocking (Beamer, Asanović, Patterson, "Reducing
// PageRank Communication via Propagation Blocking", IPDPS 2017) for the in-edges whose source
// lies outside a cache-sized "hot" prefix of the ids. With nodes in decreasing-degree order the
// first `hot` contributions (16 MiB of doubles) serve most edges from cache; the rest ("cold"
// sources) would each cost a random DRAM access. Instead, every iteration streams the cold
// sources in id order and writes each contribution into per-destination-block bins (sequential
// writes), then each block adds its bin into an accumulator that stays in L2 — the
// deterministic variant of the paper: slot positions are fixed at set-up, so the bins' entries
// (and hence every sum) come out in the same order on any thread count.
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
    /// Destinations per bin: 2^16, so a bin's accumulator (512 KiB of doubles) fits in L2 and
    /// a local destination fits in 16 bits.
    static constexpr unsigned bin_shift = 16;
    static constexpr std::size_t bin_size = std::size_t{1} << bin_shift;

    /// Sources below this id are hot (pulled directly) by default: as many doubles as fill half
    /// the last-level cache (Linux sysfs cpu0/cache/index3, else 32 MiB assumed), rounded
    /// down to a power of two (at least bin_size) — 2^21 (16 MiB) on a 32 MiB L3.
    static node_id automatic_hot() noexcept;

    /// Lays out the cold in-edges (source >= hot; edges with a flag in `mask` skipped when
    /// `flags` is given) of the in-adjacency (rows sorted by source, as csr_graph guarantees):
    /// per cold source its edges' bin numbers, per bin the local
    /// destination of each slot. O(n + m) time, parallel; memory 12 bytes per cold edge
    /// (2 bin + 2 destination + 8 value) + 8 per cold node, plus 12 per cold edge while
    /// building (the transposition's pairs and destinations).
    cold_bins(std::size_t n, const edge_offset* offsets, const node_id* sources,
              const edge_flags* flags, edge_flags mask, node_id hot);

    node_id hot() const noexcept { return hot_; }
    std::size_t num_bins() const noexcept { return bin_start_.size() - 1; }
    std::size_t cold_edges() const noexcept { return bin_dst_.size(); }

    /// Phase 1: writes c[j] into the slot of every cold edge of every cold source j. Parallel
    /// over fixed source chunks; O(cold edges) sequential reads and binned writes.
    void scatter(const double* c);
    /// Phase 2, for one bin: acc[local destination] += value of every slot of bin b, in slot
    /// order (source order). acc must hold bin_size entries.
    void add_bin(std::size_t b, double* acc) const noexcept {
        for (edge_offset s = bin_start_[b]; s < bin_start_[b + 1]; ++s)
            acc[bin_dst_[s]] += values_[s];
    }

private:
    node_id hot_;
    buffer<edge_offset> out_offsets_;    // cold source j - hot → its slots' bins
    buffer<std::uint16_t> out_bin_;      // bin of each cold edge, by source
    buffer<edge_offset> bin_start_;      // first slot of each bin (+ end)
    buffer<std::uint16_t> bin_dst_;      // local destination of each slot
    std::vector<double, huge_page_allocator<double>> values_;  // slot values, rewritten each step
    std::vector<std::size_t> chunk_first_;  // scatter chunks: first cold source (+ end)
    std::vector<edge_offset> chunk_cursor_;  // chunk × bin → first slot of the chunk in the bin
};

}  // namespace linkequity::detail
