// SPDX-License-Identifier: MIT
// Internal to the solvers: the size of the last-level cache, which sets how much of a gathered
// per-node array the kernels plan to keep in cache (cold_bins' hot prefix, topic batches).
#pragma once

#include <cstddef>

namespace linkequity::detail {

/// The last-level cache in bytes, read once from Linux's sysfs (cpu0/cache/index3/size, e.g.
/// "32768K"); 32 MiB when that file is missing or unreadable. Not sysconf: glibc's
/// _SC_LEVEL3_CACHE_SIZE reads CPUID, and reported 320 MiB on one of this project's 32 MiB
/// VMs. O(1) after the first call; never throws.
std::size_t last_level_cache_bytes() noexcept;

}  // namespace linkequity::detail
