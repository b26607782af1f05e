// SPDX-License-Identifier: MIT
#include "cold_bins.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <utility>

#include "../../graph/counting_sort.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {
namespace {

/// The last-level cache in bytes from Linux's sysfs ("32768K"), 0 when unknown. Not sysconf:
/// glibc's _SC_LEVEL3_CACHE_SIZE reads CPUID and reported 320 MiB on this project's 32 MiB VM.
std::size_t last_level_cache_bytes() {
    std::ifstream f("/sys/devices/system/cpu/cpu0/cache/index3/size");
    std::size_t value = 0;
    char unit = 0;
    if (!(f >> value)) return 0;
    f >> unit;
    return unit == 'K' ? value << 10 : unit == 'M' ? value << 20 : value;
}

}  // namespace

node_id cold_bins::automatic_hot() noexcept {
    static const node_id hot = [] {
        std::size_t bytes = 0;
        try {
            bytes = last_level_cache_bytes();
        } catch (...) {
        }
        if (bytes == 0) bytes = std::size_t{32} << 20;
        const std::size_t nodes = bytes / 2 / sizeof(double);
        std::size_t pow2 = bin_size;
        while (pow2 * 2 <= nodes && pow2 < (std::size_t{1} << 30)) pow2 *= 2;
        return static_cast<node_id>(pow2);
    }();
    return hot;
}

cold_bins::cold_bins(std::size_t n, const edge_offset* offsets, const node_id* sources,
                     const edge_flags* flags, edge_flags mask, node_id hot)
    : hot_(static_cast<node_id>(std::min<std::size_t>(hot, n))) {
    auto skip = [&](edge_offset e) { return flags && (flags[e] & mask); };
    const std::size_t bins = (n + bin_size - 1) / bin_size;
    const std::size_t cold_nodes = n - hot_;
    // First cold in-edge of row i: rows are sorted by source, so the cold ones are its tail.
    auto first_cold = [&](std::size_t i) {
        return static_cast<edge_offset>(
            std::lower_bound(sources + offsets[i], sources + offsets[i + 1], hot_) - sources);
    };
    // Cold entries of every bin (bin b holds the rows [b·bin_size, (b+1)·bin_size)).
    bin_start_ = buffer<edge_offset>(bins + 1);
#pragma omp parallel for schedule(dynamic, 16) if (bins > 1)
    for (std::size_t b = 0; b < bins; ++b) {
        edge_offset count = 0;
        for (std::size_t i = b << bin_shift; i < std::min(n, (b + 1) << bin_shift); ++i)
            for (edge_offset e = first_cold(i); e < offsets[i + 1]; ++e) count += !skip(e);
        bin_start_[b] = count;
    }
    bin_start_[bins] = 0;  // the spare last entry becomes the total
    std::exclusive_scan(bin_start_.data(), bin_start_.data() + bins + 1, bin_start_.data(),
                        edge_offset{0});
    const edge_offset cold = bin_start_[bins];
    // Transpose the cold edges to source order, each source's destinations ascending: a
    // stable counting sort in two cache-friendly passes (one random counter per edge over all
    // cold sources was DRAM-latency bound: 10 s at scale 26). Pass 1 splits the edges by
    // source partition (2^16 sources) in row order; pass 2 sorts each partition by source
    // with its counters in L2. Both passes parallel; the result does not depend on threads.
    constexpr unsigned part_shift = 16;
    const std::size_t parts = (cold_nodes >> part_shift) + 1;
    const int sort_chunks = chunk_count(cold);
    const std::vector<std::size_t> rows = balanced_rows({offsets, n + 1}, sort_chunks);
    buffer<node_id> dst(cold);
    buffer<edge_offset> edges_of(cold_nodes + 1);  // cold source → its edges in dst
    edges_of[cold_nodes] = cold;
    {
        buffer<std::uint64_t> pairs(cold);  // source within its partition << 32 | destination
        const buffer<edge_offset> part_start = counting_sort(
            parts, sort_chunks,
            [&](int t, auto&& f) {  // f(partition, source − hot, destination), row order
                for (std::size_t i = rows[t]; i < rows[t + 1]; ++i)
                    for (edge_offset e = first_cold(i); e < offsets[i + 1]; ++e)
                        if (!skip(e)) {
                            const node_id j = sources[e] - hot_;
                            f(j >> part_shift, j, static_cast<node_id>(i));
                        }
            },
            [&](edge_offset s, node_id j, node_id i) {
                pairs[s] = std::uint64_t{j & ((1u << part_shift) - 1)} << 32 | i;
            });
#pragma omp parallel for schedule(dynamic, 1) if (parts > 1 && cold > parallel_threshold)
        for (std::size_t p = 0; p < parts; ++p) {
            const std::size_t first = p << part_shift;
            const std::size_t count = std::min(cold_nodes - first, std::size_t{1} << part_shift);
            std::vector<edge_offset> at(count + 1, 0);  // → first slot of each source
            for (edge_offset s = part_start[p]; s < part_start[p + 1]; ++s)
                ++at[(pairs[s] >> 32) + 1];
            at[0] = part_start[p];
            std::partial_sum(at.begin(), at.end(), at.begin());
            std::copy(at.begin(), at.end() - 1, edges_of.data() + first);
            for (edge_offset s = part_start[p]; s < part_start[p + 1]; ++s)
                dst[at[pairs[s] >> 32]++] = static_cast<node_id>(pairs[s]);
        }
    }
    // One value per (cold source, bin), written once by the scatter and read by each of the
    // source's entries in that bin: at scale 26 the 193M cold edges make only 116M such pairs,
    // since cold sources link mostly to the few high-in-degree destinations of the first bins.
    // A source's destinations are ascending, so its edges into one bin are adjacent.
    auto bin_of = [&](edge_offset e) { return static_cast<std::uint16_t>(dst[e] >> bin_shift); };
    buffer<edge_offset> pairs_of(cold_nodes + 1);  // cold source → its (source, bin) pairs
#pragma omp parallel for schedule(static) if (cold_nodes > parallel_threshold)
    for (std::size_t j = 0; j < cold_nodes; ++j) {
        edge_offset distinct = 0;
        for (edge_offset e = edges_of[j]; e < edges_of[j + 1]; ++e)
            distinct += e == edges_of[j] || bin_of(e) != bin_of(e - 1);
        pairs_of[j] = distinct;
    }
    pairs_of[cold_nodes] = 0;  // the spare last entry becomes the total
    std::exclusive_scan(pairs_of.data(), pairs_of.data() + cold_nodes + 1, pairs_of.data(),
                        edge_offset{0});
    const edge_offset values = pairs_of[cold_nodes];
    out_bin_ = buffer<std::uint16_t>(values);
    out_src_ = buffer<node_id>(values);
#pragma omp parallel for schedule(static) if (cold_nodes > parallel_threshold)
    for (std::size_t j = 0; j < cold_nodes; ++j) {
        edge_offset at = pairs_of[j];
        for (edge_offset e = edges_of[j]; e < edges_of[j + 1]; ++e)
            if (e == edges_of[j] || bin_of(e) != bin_of(e - 1)) {
                out_src_[at] = static_cast<node_id>(hot_ + j);
                out_bin_[at++] = bin_of(e);
            }
    }
    // Scatter chunks of about equal value counts, each with its own first value and first
    // entry in every bin, so chunks can run on any thread and nothing depends on the thread
    // count. Within a bin: chunk order, then source order, then destination order.
    const std::size_t chunks = std::clamp<std::size_t>(values >> 22, 1, 256);
    const std::vector<std::size_t> chunk_sources =
        balanced_rows(pairs_of.view(), static_cast<int>(chunks));
    chunk_first_.resize(chunks + 1);
    for (std::size_t c = 0; c <= chunks; ++c) chunk_first_[c] = pairs_of[chunk_sources[c]];
    pairs_of.reset();  // set-up temporaries go as soon as they are used: the set-up is the peak
    chunk_cursor_.assign(chunks * bins, 0);
#pragma omp parallel for schedule(dynamic, 1) if (chunks > 1)
    for (std::size_t c = 0; c < chunks; ++c) {
        edge_offset* count = chunk_cursor_.data() + c * bins;
        for (edge_offset s = chunk_first_[c]; s < chunk_first_[c + 1]; ++s) ++count[out_bin_[s]];
    }
    value_start_ = buffer<edge_offset>(bins + 1);
    edge_offset value_at = 0;
    for (std::size_t b = 0; b < bins; ++b) {
        value_start_[b] = value_at;
        for (std::size_t c = 0; c < chunks; ++c)
            value_at += std::exchange(chunk_cursor_[c * bins + b], value_at);
    }
    value_start_[bins] = value_at;
    // Every entry, sorted by bin in the same chunk and source order: its local destination,
    // with the top bit set on the last entry of its (source, bin) pair (the next entry reads
    // the next value). The buckets' offsets are bin_start_ again.
    bin_dst_ = buffer<std::uint16_t>(cold);
    counting_sort(
        bins, static_cast<int>(chunks),
        [&](int c, auto&& f) {  // f(bin, entry)
            for (std::size_t j = chunk_sources[c]; j < chunk_sources[c + 1]; ++j)
                for (edge_offset e = edges_of[j]; e < edges_of[j + 1]; ++e) {
                    const bool last = e + 1 == edges_of[j + 1] || bin_of(e + 1) != bin_of(e);
                    f(bin_of(e), static_cast<std::uint16_t>((dst[e] & (bin_size - 1)) |
                                                            (last ? next_value_flag : 0u)));
                }
        },
        [&](edge_offset s, std::uint16_t entry) { bin_dst_[s] = entry; });
    dst.reset();
    edges_of.reset();
    // First touch of the values here, in parallel, not in the first iteration's scatter
    // (the allocator leaves them unwritten).
    values_.resize(values);
#pragma omp parallel for schedule(static) if (values > parallel_threshold)
    for (std::size_t s = 0; s < values; ++s) values_[s] = 0.0;
}

void cold_bins::scatter(const double* c) {
    const std::size_t bins = num_bins(), chunks = chunk_first_.size() - 1;
#pragma omp parallel for schedule(dynamic, 1) if (chunks > 1)
    for (std::size_t k = 0; k < chunks; ++k) {
        std::vector<edge_offset> cursor(chunk_cursor_.begin() + k * bins,
                                        chunk_cursor_.begin() + (k + 1) * bins);
        double* values = values_.data();
        // One loop over the chunk's pairs, not one per source: no branch on each source's
        // (mostly 0–2) pair count; the sources read from c ascend.
        for (edge_offset s = chunk_first_[k]; s < chunk_first_[k + 1]; ++s)
            values[cursor[out_bin_[s]]++] = c[out_src_[s]];
    }
}

}  // namespace linkequity::detail
