// SPDX-License-Identifier: MIT
// Exceptions. Bad parameters throw std::invalid_argument, bad node ids std::out_of_range
// (Python: ValueError, IndexError); bad input files throw parse_error, which carries file:line.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace linkequity {

/// Input that cannot be read: names the file, the 1-based line (0 when not line-oriented),
/// the 1-based column (0 when unknown) and the reason. what() is "file:line:column: reason".
class parse_error : public std::runtime_error {
public:
    parse_error(std::string path, std::size_t line, std::size_t column, const std::string& reason)
        : std::runtime_error(format(path, line, column, reason)),
          path_(std::move(path)),
          line_(line),
          column_(column),
          reason_(reason) {}

    const std::string& path() const noexcept { return path_; }
    std::size_t line() const noexcept { return line_; }
    std::size_t column() const noexcept { return column_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    static std::string format(const std::string& path, std::size_t line, std::size_t column,
                              const std::string& reason) {
        std::string s = path;
        if (line > 0) s += ":" + std::to_string(line);
        if (line > 0 && column > 0) s += ":" + std::to_string(column);
        return s + ": " + reason;
    }
    std::string path_;
    std::size_t line_;
    std::size_t column_;
    std::string reason_;
};

/// A long computation was stopped by its progress callback (e.g. Ctrl-C in Python).
class cancelled_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace linkequity
