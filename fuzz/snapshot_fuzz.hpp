// SPDX-License-Identifier: MIT
// Helpers shared by the snapshot fuzz targets: abort-on-false checks, a per-process scratch file
// (in /dev/shm when writable), writing the input there, and resealing — recomputing every
// in-bounds section checksum and the header checksum so damage gets past them (layout:
// src/io/snapshot_format.hpp).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "linkequity/io/snapshot.hpp"

namespace linkequity::fuzz {

inline void check(bool ok) {
    if (!ok) std::abort();
}

/// Keeps a value computed from what was read, so the reads are not optimised away.
inline void consume(std::uint64_t v) {
    volatile std::uint64_t sink = v;
    (void)sink;
}

/// "<dir>/<name>-<pid><suffix>", dir /dev/shm when writable, else /tmp.
inline std::string scratch_path(const char* name, const char* suffix) {
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    return std::string(dir) + "/" + name + "-" + std::to_string(getpid()) + suffix;
}

inline void write_file(const std::string& path, const std::vector<unsigned char>& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    if (!bytes.empty()) check(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
    check(std::fclose(f) == 0);
}

template <class T>
T get(const std::vector<unsigned char>& b, std::size_t at) {
    T v;
    std::memcpy(&v, b.data() + at, sizeof v);
    return v;
}
template <class T>
void put(std::vector<unsigned char>& b, std::size_t at, T v) {
    std::memcpy(b.data() + at, &v, sizeof v);
}

/// Recomputes every in-bounds section checksum and the header checksum.
inline void reseal(std::vector<unsigned char>& b) {
    if (b.size() < 64) return;
    const std::uint32_t count = get<std::uint32_t>(b, 20);
    const std::uint64_t end = 64 + std::uint64_t{count} * 80;
    if (end > b.size()) return;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t e = 64 + std::size_t{i} * 80;
        const auto off = get<std::uint64_t>(b, e + 48), bytes = get<std::uint64_t>(b, e + 56);
        if (off <= b.size() && bytes <= b.size() - off)
            put(b, e + 72, io::snapshot_checksum(b.data() + off, bytes));
    }
    put(b, 56, std::uint64_t{0});
    put(b, 56, io::snapshot_checksum(b.data(), end));
}

}  // namespace linkequity::fuzz
