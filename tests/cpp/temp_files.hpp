// SPDX-License-Identifier: MIT
// Test helpers for file-based tests: a temporary directory removed with everything in it when
// the test ends, and whole-file byte reads and writes (to damage files on purpose).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <system_error>
#include <vector>

namespace linkequity::test {

/// A fresh directory `<tmp>/<prefix>-<random>`, removed recursively by the destructor.
struct temp_dir {
    std::filesystem::path path;
    explicit temp_dir(const std::string& prefix = "linkequity-test") {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    std::string file(const std::string& name) const { return (path / name).string(); }
    /// Names of the entries, sorted.
    std::vector<std::string> entries() const {
        std::vector<std::string> r;
        for (const auto& e : std::filesystem::directory_iterator(path))
            r.push_back(e.path().filename().string());
        std::sort(r.begin(), r.end());
        return r;
    }
};

inline std::vector<unsigned char> read_bytes(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& p, const std::vector<unsigned char>& b) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

}  // namespace linkequity::test
