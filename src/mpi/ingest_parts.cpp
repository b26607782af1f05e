// SPDX-License-Identifier: MIT
// `linkequity-mpi snapshot`, the files (ingest_parts.hpp): this rank's part arrays and the
// manifest's fields, computed across the ranks, written by the writers dist::save_partitions
// uses (dist::write_part_file, write_manifest_file, partition_id); tests/mpi/run_ingest.sh
// compares the two byte for byte.
#include "ingest_parts.hpp"


#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <new>

#include "collective.hpp"
#include "linkequity/dist/partition.hpp"
#include "linkequity/io/snapshot.hpp"

namespace linkequity::mpi_cli::ingest {
namespace {

/// This rank's part, as arrays (viewed by dist::part_arrays to be written).
struct part_storage {
    std::uint64_t first = 0, last = 0;
    std::vector<edge_offset> in_offsets, out_offsets;
    std::vector<node_id> in_sources;
    std::vector<edge_weight> in_weights, out_weights;
    std::vector<double> lean_out_weight;
};

/// Row offsets (rows + 1 entries, from 0) of edges sorted by their row key.
template <class Key>
std::vector<edge_offset> row_offsets(const std::vector<edge_rec>& edges, std::uint64_t first,
                                     std::uint64_t last, Key key) {
    std::vector<edge_offset> off(last - first + 1, 0);
    for (const edge_rec& e : edges) ++off[key(e) - first + 1];
    for (std::size_t i = 1; i < off.size(); ++i) off[i] += off[i - 1];
    return off;
}

part_storage make_arrays(const part_input& p, int rank, std::vector<edge_rec>&& in,
                        std::vector<edge_rec>&& out) {
    part_storage a;
    a.first = p.bounds[rank];
    a.last = p.bounds[rank + 1];
    a.in_offsets = row_offsets(in, a.first, a.last, [](const edge_rec& e) { return e.dst; });
    a.in_sources.reserve(in.size());
    for (const edge_rec& e : in) a.in_sources.push_back(e.src);
    if (p.weighted)
        for (const edge_rec& e : in) a.in_weights.push_back(e.w);
    release(in);
    // `out` is sorted by target: one stable pass by source gives out-rows sorted by target, and
    // a lean out-weight summed in target order, as graph_builder's out_weight_sums does.
    if (p.lean) {
        a.lean_out_weight.assign(a.last - a.first, 0.0);
        for (const edge_rec& e : out)  // merged copies count once when unweighted
            a.lean_out_weight[e.src - a.first] += p.weighted ? static_cast<double>(e.w) : 1.0;
    } else {
        a.out_offsets = row_offsets(out, a.first, a.last, [](const edge_rec& e) { return e.src; });
        if (p.weighted) {
            a.out_weights.resize(out.size());
            std::vector<edge_offset> at(a.out_offsets.begin(), a.out_offsets.end() - 1);
            for (const edge_rec& e : out) a.out_weights[at[e.src - a.first]++] = e.w;
        }
    }
    release(out);
    return a;
}

/// The view of `a` that dist::write_part_file writes.
dist::part_arrays view_of(const part_storage& a) {
    dist::part_arrays v;
    v.first = a.first;
    v.last = a.last;
    v.in_offsets = a.in_offsets;
    v.in_sources = a.in_sources;
    v.in_weights = a.in_weights;
    v.out_offsets = a.out_offsets;
    v.out_weights = a.out_weights;
    v.lean_out_weight = a.lean_out_weight;
    return v;
}

/// The manifest's fields every rank can fill: n, m, P, kinds, bounds and the id (the hash of
/// partition.cpp's partition_id: n, m, P, kinds, checksums of the whole in_offsets and
/// in_sources, computed here across the ranks). Collective.
dist::partition_manifest manifest_of(const part_input& p, const part_storage& a, int rank,
                                     int size, MPI_Comm comm) {
    dist::partition_manifest m;
    m.dir = p.dir;
    m.version = dist::partition_format_version;
    m.parts = static_cast<std::size_t>(size);
    m.bounds = p.bounds;
    std::uint64_t mine = a.in_sources.size(), total = 0, before = 0;
    MPI_Allreduce(&mine, &total, 1, MPI_UINT64_T, MPI_SUM, comm);
    MPI_Exscan(&mine, &before, 1, MPI_UINT64_T, MPI_SUM, comm);
    if (rank == 0) before = 0;
    m.num_nodes = p.nodes;
    m.num_edges = total;
    m.lean = p.lean;
    m.weights = p.weighted && total > 0;  // csr_graph::has_weights: a non-empty weight array
    m.flags = false;                      // edge lists carry no flags
    m.part_edges.resize(m.parts);
    MPI_Allgather(&mine, 1, MPI_UINT64_T, m.part_edges.data(), 1, MPI_UINT64_T, comm);
    // The whole graph's in_offsets: ours shifted by the edges before us; the last rank adds m.
    std::vector<edge_offset> global(a.in_offsets.begin(), a.in_offsets.end() - 1);
    for (edge_offset& o : global) o += before;
    if (rank + 1 == size) global.push_back(total);
    const std::uint64_t offsets_checksum =
        distributed_checksum(global.data(), global.size() * sizeof(edge_offset), comm);
    m.id = dist::partition_id(
        m, offsets_checksum,
        distributed_checksum(a.in_sources.data(), a.in_sources.size() * sizeof(node_id), comm));
    return m;
}

}  // namespace

std::vector<std::uint64_t> bounds_from_degrees(std::vector<std::uint32_t>&& degree,
                                               std::size_t parts) {
    const std::size_t n = degree.size();
    std::vector<edge_offset> offsets(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) offsets[i + 1] = offsets[i] + degree[i];
    release(degree);
    return dist::partition_bounds(span<const edge_offset>(offsets), parts);
}

std::uint64_t distributed_checksum(const void* data, std::uint64_t bytes, MPI_Comm comm) {
    int rank = 0, size = 1;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    const std::size_t P = static_cast<std::size_t>(size), me = static_cast<std::size_t>(rank);
    std::vector<std::uint64_t> start(P + 1, 0);
    MPI_Allgather(&bytes, 1, MPI_UINT64_T, start.data() + 1, 1, MPI_UINT64_T, comm);
    for (std::size_t r = 0; r < P; ++r) start[r + 1] += start[r];
    const std::uint64_t total = start[P], B = io::snapshot_checksum_block_bytes;
    if (total == 0) return io::snapshot_checksum("", 0);
    // Rank r hashes the blocks k with k·B in [start[r], start[r+1]): [k0(r), k0(r+1)).
    auto k0 = [&](std::size_t r) { return (start[r] + B - 1) / B; };
    auto need_end = [&](std::size_t r) {  // the end of rank r's last block
        return k0(r + 1) > k0(r) ? std::min(k0(r + 1) * B, total) : start[r + 1];
    };
    std::vector<int> sc(P, 0), sd(P, 0), rc(P, 0), rd(P, 0);
    for (std::size_t r = 0; r < P; ++r) {  // what rank r needs of my bytes, and I of rank r's
        const std::uint64_t lo = std::max(start[r + 1], start[me]);
        const std::uint64_t hi = std::min(need_end(r), start[me + 1]);
        if (r < me && hi > lo) sc[r] = static_cast<int>(hi - lo), sd[r] = static_cast<int>(lo - start[me]);
        const std::uint64_t lo2 = std::max(start[me + 1], start[r]);
        const std::uint64_t hi2 = std::min(need_end(me), start[r + 1]);
        if (r > me && hi2 > lo2) rc[r] = static_cast<int>(hi2 - lo2);
    }
    for (std::size_t r = 1; r < P; ++r) rd[r] = rd[r - 1] + rc[r - 1];
    std::vector<unsigned char> tail(static_cast<std::size_t>(rd[P - 1] + rc[P - 1]));
    MPI_Alltoallv(data, sc.data(), sd.data(), MPI_BYTE, tail.data(), rc.data(), rd.data(),
                  MPI_BYTE, comm);
    const auto* p = static_cast<const unsigned char*>(data);
    std::vector<std::uint64_t> digests;
    for (std::uint64_t k = k0(me); k < k0(me + 1); ++k) {
        const std::uint64_t lo = k * B, hi = std::min(lo + B, total);
        if (hi <= start[me + 1]) {
            digests.push_back(io::snapshot_checksum_block(p + (lo - start[me]), hi - lo, k));
        } else {  // the last block runs into the next ranks' bytes
            std::vector<unsigned char> block(p + (lo - start[me]), p + bytes);
            block.insert(block.end(), tail.begin(), tail.end());
            digests.push_back(io::snapshot_checksum_block(block.data(), block.size(), k));
        }
    }
    std::vector<int> dc(P), dd(P, 0);
    for (std::size_t r = 0; r < P; ++r) dc[r] = static_cast<int>(k0(r + 1) - k0(r));
    for (std::size_t r = 1; r < P; ++r) dd[r] = dd[r - 1] + dc[r - 1];
    std::vector<std::uint64_t> all(static_cast<std::size_t>(dd[P - 1] + dc[P - 1]));
    MPI_Allgatherv(digests.data(), static_cast<int>(digests.size()), MPI_UINT64_T, all.data(),
                   dc.data(), dd.data(), MPI_UINT64_T, comm);
    return io::snapshot_checksum_chain(total, all);
}

int write_parts(const part_input& p, std::vector<edge_rec>&& in, std::vector<edge_rec>&& out,
                MPI_Comm comm, ingest_summary& summary) {
    int rank = 0, size = 1;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    const part_storage a = make_arrays(p, rank, std::move(in), std::move(out));
    dist::partition_manifest m = manifest_of(p, a, rank, size, comm);
    std::uint64_t checksum = 0;
    int code = collectively([&] { checksum = dist::write_part_file(m, static_cast<std::size_t>(rank), view_of(a)); },
                            rank, comm);
    if (code != exit_ok) return code;
    m.part_checksums.resize(m.parts);
    MPI_Gather(&checksum, 1, MPI_UINT64_T, m.part_checksums.data(), 1, MPI_UINT64_T, 0, comm);
    code = collectively([&] { if (rank == 0) dist::write_manifest_file(m); }, rank, comm);
    summary = {m.num_nodes, m.num_edges, m.id, m.weights, m.bounds, m.part_edges};
    return code;
}

}  // namespace linkequity::mpi_cli::ingest
