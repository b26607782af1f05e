// SPDX-License-Identifier: MIT
// Names of the snapshot element types and section kinds (io/snapshot.hpp); the layout itself is
// described in snapshot_format.hpp.
#include "linkequity/io/snapshot.hpp"

namespace linkequity::io {

const char* to_string(snapshot_element e) noexcept {
    switch (e) {
        case snapshot_element::u8: return "u8";
        case snapshot_element::u32: return "u32";
        case snapshot_element::u64: return "u64";
        case snapshot_element::f32: return "f32";
        case snapshot_element::f64: return "f64";
    }
    return "?";
}

const char* to_string(snapshot_section_kind k) noexcept {
    switch (k) {
        case snapshot_section_kind::graph: return "graph";
        case snapshot_section_kind::array: return "array";
        case snapshot_section_kind::string_offsets: return "strings.offsets";
        case snapshot_section_kind::string_chars: return "strings.chars";
    }
    return "?";
}

}  // namespace linkequity::io
