// SPDX-License-Identifier: MIT
#include "cold_bins.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "../../graph/counting_sort.hpp"
#include "cache_size.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {

node_id cold_bins::automatic_hot() noexcept {
    static const node_id hot = [] {
        const std::size_t nodes = last_level_cache_bytes() / 2 / sizeof(double);
        std::size_t pow2 = bin_size;
        while (pow2 * 2 <= nodes && pow2 < (std::size_t{1} << 30)) pow2 *= 2;
        return static_cast<node_id>(pow2);
    }();
    return hot;
}

/// The in-adjacency rows the bins are laid out from: which edges are cold, which are skipped.
struct cold_bins::rows {
    std::size_t n;
    const edge_offset* offsets;
    const node_id* sources;
    const edge_flags* flags;
    edge_flags mask;
    node_id hot;

    bool skip(edge_offset e) const { return flags && (flags[e] & mask); }
    /// First cold in-edge of row i: rows are sorted by source, so the cold ones are its tail.
    edge_offset first_cold(std::size_t i) const {
        return static_cast<edge_offset>(
            std::lower_bound(sources + offsets[i], sources + offsets[i + 1], hot) - sources);
    }
};

/// The cold edges in source order: source j (j − hot, in fact) → its destinations, ascending.
struct cold_bins::by_source {
    buffer<node_id> dst;
    buffer<edge_offset> edges_of;  // cold source → its edges in dst (+ end)

    std::uint16_t bin_of(edge_offset e) const {
        return static_cast<std::uint16_t>(dst[e] >> bin_shift);
    }
    /// Whether edge e starts a new (source, bin) pair of source j.
    bool starts_pair(std::size_t j, edge_offset e) const {
        return e == edges_of[j] || bin_of(e) != bin_of(e - 1);
    }
};

cold_bins::cold_bins(std::size_t n, const edge_offset* offsets, const node_id* sources,
                     const edge_flags* flags, edge_flags mask, node_id hot)
    : hot_(static_cast<node_id>(std::min<std::size_t>(hot, n))) {
    const rows in{n, offsets, sources, flags, mask, hot_};
    const edge_offset cold = count_bin_entries(in);
    by_source t = transpose(in, cold);
    std::vector<std::size_t> chunk_sources = plan_scatter(pair_sources_with_bins(t));
    write_bin_entries(t, chunk_sources);
    t = {};  // set-up temporaries go as soon as they are used: the set-up is the peak
    // First touch of the values here, in parallel, not in the first iteration's scatter
    // (the allocator leaves them unwritten).
    const edge_offset values = value_start_[num_bins()];
    values_.resize(values);
#pragma omp parallel for schedule(static) if (values > parallel_threshold)
    for (std::size_t s = 0; s < values; ++s) values_[s] = 0.0;
}

/// Pass 1: bin_start_ ← the first cold entry of every bin (bin b holds the rows
/// [b·bin_size, (b+1)·bin_size)) and the total. Returns the number of cold edges.
edge_offset cold_bins::count_bin_entries(const rows& in) {
    const std::size_t n = in.n;
    const std::size_t bins = (n + bin_size - 1) / bin_size;
    bin_start_ = buffer<edge_offset>(bins + 1);
#pragma omp parallel for schedule(dynamic, 16) if (bins > 1)
    for (std::size_t b = 0; b < bins; ++b) {
        edge_offset count = 0;
        for (std::size_t i = b << bin_shift; i < std::min(n, (b + 1) << bin_shift); ++i)
            for (edge_offset e = in.first_cold(i); e < in.offsets[i + 1]; ++e) count += !in.skip(e);
        bin_start_[b] = count;
    }
    bin_start_[bins] = 0;  // the spare last entry becomes the total
    std::exclusive_scan(bin_start_.data(), bin_start_.data() + bins + 1, bin_start_.data(),
                        edge_offset{0});
    return bin_start_[bins];
}

/// Pass 2: the cold edges transposed to source order, each source's destinations ascending: a
/// stable counting sort in two cache-friendly passes (one random counter per edge over all
/// cold sources was DRAM-latency bound: 10 s at scale 26). The first splits the edges by
/// source partition (2^16 sources) in row order; the second sorts each partition by source
/// with its counters in L2. Both parallel; the result does not depend on threads.
cold_bins::by_source cold_bins::transpose(const rows& in, edge_offset cold) {
    constexpr unsigned part_shift = 16;
    const std::size_t cold_nodes = in.n - in.hot;
    const std::size_t parts = (cold_nodes >> part_shift) + 1;
    const int sort_chunks = chunk_count(cold);
    const std::vector<std::size_t> row_chunks = balanced_rows({in.offsets, in.n + 1}, sort_chunks);
    by_source t{buffer<node_id>(cold), buffer<edge_offset>(cold_nodes + 1)};
    t.edges_of[cold_nodes] = cold;
    buffer<std::uint64_t> pairs(cold);  // source within its partition << 32 | destination
    const buffer<edge_offset> part_start = counting_sort(
        parts, sort_chunks,
        [&](int c, auto&& f) {  // f(partition, source − hot, destination), row order
            for (std::size_t i = row_chunks[c]; i < row_chunks[c + 1]; ++i)
                for (edge_offset e = in.first_cold(i); e < in.offsets[i + 1]; ++e)
                    if (!in.skip(e)) {
                        const node_id j = in.sources[e] - in.hot;
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
        for (edge_offset s = part_start[p]; s < part_start[p + 1]; ++s) ++at[(pairs[s] >> 32) + 1];
        at[0] = part_start[p];
        std::partial_sum(at.begin(), at.end(), at.begin());
        std::copy(at.begin(), at.end() - 1, t.edges_of.data() + first);
        for (edge_offset s = part_start[p]; s < part_start[p + 1]; ++s)
            t.dst[at[pairs[s] >> 32]++] = static_cast<node_id>(pairs[s]);
    }
    return t;
}

/// Pass 3: one value per (cold source, bin), written once by the scatter and read by each of
/// the source's entries in that bin: at scale 26 the 193M cold edges make only 116M such pairs,
/// since cold sources link mostly to the few high-in-degree destinations of the first bins.
/// A source's destinations are ascending, so its edges into one bin are adjacent. Fills
/// out_src_ and out_bin_; returns each cold source's first pair (+ the total).
buffer<edge_offset> cold_bins::pair_sources_with_bins(const by_source& t) {
    const std::size_t cold_nodes = t.edges_of.size() - 1;
    buffer<edge_offset> pairs_of(cold_nodes + 1);
#pragma omp parallel for schedule(static) if (cold_nodes > parallel_threshold)
    for (std::size_t j = 0; j < cold_nodes; ++j) {
        edge_offset distinct = 0;
        for (edge_offset e = t.edges_of[j]; e < t.edges_of[j + 1]; ++e)
            distinct += t.starts_pair(j, e);
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
        for (edge_offset e = t.edges_of[j]; e < t.edges_of[j + 1]; ++e)
            if (t.starts_pair(j, e)) {
                out_src_[at] = static_cast<node_id>(hot_ + j);
                out_bin_[at++] = t.bin_of(e);
            }
    }
    return pairs_of;
}

/// Pass 4: scatter chunks of about equal value counts, each with its own first value and first
/// entry in every bin, so chunks can run on any thread and nothing depends on the thread
/// count. Within a bin: chunk order, then source order, then destination order. Fills
/// chunk_first_, chunk_cursor_ and value_start_; returns each chunk's first cold source.
std::vector<std::size_t> cold_bins::plan_scatter(buffer<edge_offset>&& pairs_of) {
    const std::size_t bins = num_bins();
    const edge_offset values = pairs_of[pairs_of.size() - 1];
    const std::size_t chunks = std::clamp<std::size_t>(values >> 22, 1, 256);
    std::vector<std::size_t> chunk_sources =
        balanced_rows(pairs_of.view(), static_cast<int>(chunks));
    chunk_first_.resize(chunks + 1);
    for (std::size_t c = 0; c <= chunks; ++c) chunk_first_[c] = pairs_of[chunk_sources[c]];
    pairs_of.reset();  // the set-up is the peak: temporaries go as soon as they are used
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
    return chunk_sources;
}

/// Pass 5: every entry, sorted by bin in the same chunk and source order: its local
/// destination, with the top bit set on the last entry of its (source, bin) pair (the next
/// entry reads the next value). The buckets' offsets are bin_start_ again.
void cold_bins::write_bin_entries(const by_source& t,
                                  const std::vector<std::size_t>& chunk_sources) {
    const std::size_t chunks = chunk_sources.size() - 1;
    bin_dst_ = buffer<std::uint16_t>(t.dst.size());
    counting_sort(
        num_bins(), static_cast<int>(chunks),
        [&](int c, auto&& f) {  // f(bin, entry)
            for (std::size_t j = chunk_sources[c]; j < chunk_sources[c + 1]; ++j)
                for (edge_offset e = t.edges_of[j]; e < t.edges_of[j + 1]; ++e) {
                    const bool last = e + 1 == t.edges_of[j + 1] || t.bin_of(e + 1) != t.bin_of(e);
                    f(t.bin_of(e), static_cast<std::uint16_t>((t.dst[e] & (bin_size - 1)) |
                                                              (last ? next_value_flag : 0u)));
                }
        },
        [&](edge_offset s, std::uint16_t entry) { bin_dst_[s] = entry; });
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
