// SPDX-License-Identifier: MIT
// append_csv_field: CSV field quoting (see linkequity/io/csv_writer.hpp).
#include "linkequity/io/csv_writer.hpp"

namespace linkequity::io {

void append_csv_field(std::string& out, std::string_view field) {
    // One pass of four compares a byte (the compiler vectorises it), where find_first_of
    // searches the four characters at every byte.
    bool plain = true;
    for (const char c : field) plain &= !(c == ',' || c == '"' || c == '\r' || c == '\n');
    if (plain) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace linkequity::io
