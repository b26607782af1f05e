// SPDX-License-Identifier: MIT
// append_csv_field: CSV field quoting (see linkequity/io/csv_writer.hpp).
#include "linkequity/io/csv_writer.hpp"

namespace linkequity::io {

void append_csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
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
