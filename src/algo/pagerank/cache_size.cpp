// SPDX-License-Identifier: MIT
#include "cache_size.hpp"

#include <fstream>

namespace linkequity::detail {
namespace {

/// sysfs's figure in bytes, 0 when unknown.
std::size_t read_sysfs_llc() {
    std::ifstream f("/sys/devices/system/cpu/cpu0/cache/index3/size");
    std::size_t value = 0;
    char unit = 0;
    if (!(f >> value)) return 0;
    f >> unit;
    return unit == 'K' ? value << 10 : unit == 'M' ? value << 20 : value;
}

}  // namespace

std::size_t last_level_cache_bytes() noexcept {
    static const std::size_t bytes = [] {
        std::size_t b = 0;
        try {
            b = read_sysfs_llc();
        } catch (...) {
        }
        return b > 0 ? b : std::size_t{32} << 20;
    }();
    return bytes;
}

}  // namespace linkequity::detail
