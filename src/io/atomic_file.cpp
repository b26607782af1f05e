// SPDX-License-Identifier: MIT
// atomic_output: temporary file + rename, removed on failure (see linkequity/io/atomic_file.hpp).
#include "linkequity/io/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace linkequity::io {

std::filesystem::path temporary_path(const std::filesystem::path& final_path) {
    return final_path.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
}

atomic_output::atomic_output(std::filesystem::path final_path)
    : final_(std::move(final_path)), temp_(temporary_path(final_)), buffer_(new char[1 << 20]) {
    out_.rdbuf()->pubsetbuf(buffer_.get(), 1 << 20);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_)
        throw std::filesystem::filesystem_error(
            "cannot create output file", temp_,
            std::error_code(errno ? errno : EIO, std::generic_category()));
    out_.exceptions(std::ios::badbit | std::ios::failbit);
}

atomic_output::~atomic_output() {
    if (committed_) return;
    try {
        if (out_.is_open()) {
            out_.exceptions(std::ios::goodbit);
            out_.close();
        }
    } catch (...) {
    }
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
}

void atomic_output::close() {
    if (!out_.is_open()) return;
    out_.flush();
    out_.close();
}

void atomic_output::commit() {
    close();
    std::filesystem::rename(temp_, final_);
    committed_ = true;
}

void commit_all(const std::vector<atomic_output*>& outputs) {
    for (auto* o : outputs) o->close();
    for (auto* o : outputs) o->commit();
}

}  // namespace linkequity::io
