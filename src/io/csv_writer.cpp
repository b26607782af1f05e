// SPDX-License-Identifier: MIT
// append_csv_field: CSV field quoting (see linkequity/io/csv_writer.hpp).
#include "linkequity/io/csv_writer.hpp"

#include <cstring>

namespace linkequity::io {

namespace {

/// Whether `field` needs no quotes: no comma, double quote, CR or LF. One pass of four compares
/// a byte (the compiler vectorises it), where find_first_of searches the four characters at
/// every byte.
bool plain_csv_field(std::string_view field) noexcept {
    bool plain = true;
    for (const char c : field) plain &= !(c == ',' || c == '"' || c == '\r' || c == '\n');
    return plain;
}

}  // namespace

char* write_csv_field(char* out, std::string_view field) noexcept {
    if (plain_csv_field(field)) {
        if (!field.empty()) std::memcpy(out, field.data(), field.size());
        return out + field.size();
    }
    *out++ = '"';
    for (const char c : field) {
        if (c == '"') *out++ = '"';
        *out++ = c;
    }
    *out++ = '"';
    return out;
}

void append_csv_field(std::string& out, std::string_view field) {
    if (plain_csv_field(field)) {
        out.append(field);
        return;
    }
    const std::size_t at = out.size();
    out.resize(at + csv_field_bound(field.size()));
    out.resize(static_cast<std::size_t>(write_csv_field(out.data() + at, field) - out.data()));
}

}  // namespace linkequity::io
