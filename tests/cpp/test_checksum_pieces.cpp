// SPDX-License-Identifier: MIT
// io::snapshot_checksum_block / snapshot_checksum_chain (io/snapshot.hpp), the pieces the MPI
// ingest uses to checksum an array held in slices by several ranks: chaining the block digests
// must give snapshot_checksum of the whole array, for any length (0, under one block, exactly
// one, several with a short last block).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "linkequity/io/snapshot.hpp"

using namespace linkequity;

namespace {

std::uint64_t chained(const std::vector<unsigned char>& data) {
    const std::size_t B = io::snapshot_checksum_block_bytes;
    std::vector<std::uint64_t> digests;
    for (std::size_t lo = 0; lo < data.size() || digests.empty(); lo += B) {
        const std::size_t k = std::min(B, data.size() - lo);
        digests.push_back(io::snapshot_checksum_block(data.data() + lo, k, lo / B));
    }
    return io::snapshot_checksum_chain(data.size(), digests);
}

}  // namespace

TEST_CASE("checksum pieces: chained block digests equal snapshot_checksum", "[snapshot]") {
    const std::size_t B = io::snapshot_checksum_block_bytes;
    for (std::size_t bytes : {std::size_t{0}, std::size_t{7}, std::size_t{4096}, B, B + 1,
                              3 * B + 12345}) {
        std::vector<unsigned char> data(bytes);
        for (std::size_t i = 0; i < bytes; ++i) data[i] = static_cast<unsigned char>(i * 131 + 7);
        INFO("bytes = " << bytes);
        CHECK(chained(data) == io::snapshot_checksum(data.data(), data.size()));
    }
}

TEST_CASE("checksum pieces: a block's index is part of its digest", "[snapshot]") {
    // Two equal blocks at different positions must not hash alike (else swapped blocks match).
    std::vector<unsigned char> block(1000, 42);
    CHECK(io::snapshot_checksum_block(block.data(), block.size(), 0) !=
          io::snapshot_checksum_block(block.data(), block.size(), 1));
}
