// SPDX-License-Identifier: MIT
// text_stream: file/memory byte sources, streaming gzip inflation (zlib, multi-member files),
// BOM sniffing and UTF-16 → UTF-8 conversion. All errors are parse_error naming the input.
#include "text_stream.hpp"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "linkequity/error.hpp"
#include "linkequity/io/gzip.hpp"
#include "linkequity/io/read_progress.hpp"

namespace linkequity::io::detail {
namespace {

// Raw (file / compressed / UTF-16) block; the fuzzers build with a tiny odd size.
#ifndef LINKEQUITY_IO_RAW_BLOCK
#define LINKEQUITY_IO_RAW_BLOCK (256 * 1024)
#endif
constexpr std::size_t raw_block = LINKEQUITY_IO_RAW_BLOCK;

std::atomic<std::uint64_t> file_bytes{0};  // io::file_bytes_read()

[[noreturn]] void fail(const std::string& name, const std::string& reason) {
    throw parse_error(name, 0, 0, reason);
}

class file_source final : public byte_source {
public:
    explicit file_source(const std::string& path) : path_(path) {
        file_ = std::fopen(path.c_str(), "rb");
        if (!file_) fail(path, fmt::format("cannot open file: {}", std::strerror(errno)));
    }
    ~file_source() override {
        if (file_) std::fclose(file_);
    }
    file_source(const file_source&) = delete;
    file_source& operator=(const file_source&) = delete;

    std::size_t read(char* out, std::size_t n) override {
        std::size_t got = std::fread(out, 1, n, file_);
        if (got == 0 && std::ferror(file_)) {
            fail(path_, fmt::format("read error: {}", std::strerror(errno)));
        }
        file_bytes.fetch_add(got, std::memory_order_relaxed);
        return got;
    }

private:
    std::string path_;
    std::FILE* file_ = nullptr;
};

class memory_source final : public byte_source {
public:
    memory_source(const void* data, std::size_t size)
        : data_(static_cast<const char*>(data)), size_(size) {}
    std::size_t read(char* out, std::size_t n) override {
        std::size_t k = std::min(n, size_ - pos_);
        if (k) std::memcpy(out, data_ + pos_, k);
        pos_ += k;
        return k;
    }

private:
    const char* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

/// Hands out a few already-read bytes, then the rest of the inner source.
class prefixed_source final : public byte_source {
public:
    prefixed_source(std::string prefix, std::unique_ptr<byte_source> inner)
        : prefix_(std::move(prefix)), inner_(std::move(inner)) {}
    std::size_t read(char* out, std::size_t n) override {
        if (pos_ < prefix_.size()) {
            std::size_t k = std::min(n, prefix_.size() - pos_);
            std::memcpy(out, prefix_.data() + pos_, k);
            pos_ += k;
            return k;
        }
        return inner_->read(out, n);
    }

private:
    std::string prefix_;
    std::size_t pos_ = 0;
    std::unique_ptr<byte_source> inner_;
};

/// Streaming gzip inflation; concatenated members are read one after another (like gzip -d).
class gzip_source final : public byte_source {
public:
    gzip_source(std::unique_ptr<byte_source> in, std::string name)
        : in_(std::move(in)), name_(std::move(name)), buf_(new char[raw_block]) {
        std::memset(&zs_, 0, sizeof zs_);
        if (inflateInit2(&zs_, 15 + 16) != Z_OK) fail(name_, "cannot initialise zlib");
    }
    ~gzip_source() override { inflateEnd(&zs_); }
    gzip_source(const gzip_source&) = delete;
    gzip_source& operator=(const gzip_source&) = delete;

    std::size_t read(char* out, std::size_t n) override {
        if (done_ || n == 0) return 0;
        n = std::min<std::size_t>(n, UINT_MAX);
        zs_.next_out = reinterpret_cast<Bytef*>(out);
        zs_.avail_out = static_cast<uInt>(n);
        while (zs_.avail_out > 0) {
            if (zs_.avail_in == 0 && !in_eof_) {
                std::size_t got = in_->read(buf_.get(), raw_block);
                if (got == 0) {
                    in_eof_ = true;
                } else {
                    zs_.next_in = reinterpret_cast<Bytef*>(buf_.get());
                    zs_.avail_in = static_cast<uInt>(got);
                }
            }
            if (member_end_) {
                if (zs_.avail_in == 0) {
                    if (in_eof_) {
                        done_ = true;
                        break;
                    }
                    continue;
                }
                if (zs_.next_in[0] != gzip_id1) {  // the next member's magic
                    fail(name_, "unreadable gzip: trailing data after the compressed stream");
                }
                inflateReset(&zs_);
                member_end_ = false;
            }
            if (zs_.avail_in == 0 && in_eof_) {
                fail(name_, "unreadable gzip: truncated compressed stream (unexpected end of file)");
            }
            int rc = inflate(&zs_, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                member_end_ = true;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                fail(name_, fmt::format("unreadable gzip: {}",
                                        zs_.msg ? zs_.msg : "corrupt compressed data"));
            }
        }
        return n - zs_.avail_out;
    }

private:
    std::unique_ptr<byte_source> in_;
    std::string name_;
    std::unique_ptr<char[]> buf_;
    z_stream zs_;
    bool in_eof_ = false;
    bool member_end_ = false;
    bool done_ = false;
};

/// Reads until `want` bytes or end of input (sources may return short blocks).
std::string read_some(byte_source& src, std::size_t want) {
    std::string s(want, '\0');
    std::size_t have = 0;
    while (have < want) {
        std::size_t got = src.read(&s[have], want - have);
        if (got == 0) break;
        have += got;
    }
    s.resize(have);
    return s;
}

inline unsigned char byte_at(const std::string& s, std::size_t i) {
    return static_cast<unsigned char>(s[i]);
}

}  // namespace

text_stream::text_stream(std::unique_ptr<byte_source> src, std::string name)
    : src_(std::move(src)), name_(std::move(name)) {
    sniff();
}
text_stream::text_stream(text_stream&&) noexcept = default;
text_stream& text_stream::operator=(text_stream&&) noexcept = default;
text_stream::~text_stream() = default;

text_stream text_stream::open_file(const std::string& path) {
    return text_stream(std::make_unique<file_source>(path), path);
}

text_stream text_stream::from_memory(const void* data, std::size_t size, std::string name) {
    return text_stream(std::make_unique<memory_source>(data, size), std::move(name));
}

void text_stream::sniff() {
    std::string head = read_some(*src_, 4);
    if (is_gzip(head)) {
        gzipped_ = true;
        src_ = std::make_unique<gzip_source>(
            std::make_unique<prefixed_source>(std::move(head), std::move(src_)), name_);
        head = read_some(*src_, 4);
    }
    std::size_t skip = 0;
    if (head.size() >= 3 && byte_at(head, 0) == 0xEF && byte_at(head, 1) == 0xBB &&
        byte_at(head, 2) == 0xBF) {
        encoding_ = text_encoding::utf8_bom;
        skip = 3;
    } else if (head.size() >= 2 && byte_at(head, 0) == 0xFF && byte_at(head, 1) == 0xFE) {
        encoding_ = text_encoding::utf16le;
        skip = 2;
    } else if (head.size() >= 2 && byte_at(head, 0) == 0xFE && byte_at(head, 1) == 0xFF) {
        encoding_ = text_encoding::utf16be;
        skip = 2;
    } else if (head.size() == 4) {
        // No BOM: "s\0o\0" is UTF-16LE text, "\0s\0o" UTF-16BE (ASCII-looking start only).
        auto ascii = [&](std::size_t i) { return byte_at(head, i) >= 0x09 && byte_at(head, i) < 0x80; };
        if (ascii(0) && head[1] == 0 && ascii(2) && head[3] == 0) encoding_ = text_encoding::utf16le;
        if (head[0] == 0 && ascii(1) && head[2] == 0 && ascii(3)) encoding_ = text_encoding::utf16be;
    }
    pending_ = head.substr(skip);
    if (encoding_ == text_encoding::utf16le || encoding_ == text_encoding::utf16be) {
        raw_.reset(new char[raw_block]);
        utf8_.reset(new char[raw_block / 2 * 3 + 8]);
    }
}

std::size_t text_stream::read_raw(char* out, std::size_t n) {
    if (pending_pos_ < pending_.size()) {
        std::size_t k = std::min(n, pending_.size() - pending_pos_);
        std::memcpy(out, pending_.data() + pending_pos_, k);
        pending_pos_ += k;
        return k;
    }
    return src_->read(out, n);
}

std::size_t text_stream::read(char* out, std::size_t cap) {
    if (eof_) return 0;
    if (encoding_ == text_encoding::utf8 || encoding_ == text_encoding::utf8_bom) {
        std::size_t got = read_raw(out, cap);
        if (got == 0) eof_ = true;
        return got;
    }
    return read_utf16(out, cap);
}

std::size_t text_stream::read_utf16(char* out, std::size_t cap) {
    if (utf8_pos_ == utf8_end_) {
        utf8_pos_ = 0;
        utf8_end_ = decode_utf16_block(utf8_.get());
        if (utf8_end_ == 0) return 0;
    }
    std::size_t k = std::min(cap, utf8_end_ - utf8_pos_);
    std::memcpy(out, utf8_.get() + utf8_pos_, k);
    utf8_pos_ += k;
    return k;
}

/// Converts the next raw block into out (room for raw_block / 2 * 3 + 8 bytes): each 2-byte unit
/// yields at most 3 bytes, plus 4 for a surrogate pair completed across blocks and 1 for a flush.
std::size_t text_stream::decode_utf16_block(char* out) {
    const bool le = encoding_ == text_encoding::utf16le;
    std::size_t written = 0;
    while (written == 0) {
        std::size_t got = read_raw(raw_.get(), raw_block);
        if (got == 0) {
            eof_ = true;
            if (carry_byte_ >= 0) {
                fail(name_, "UTF-16 text has an odd number of bytes (truncated or not UTF-16)");
            }
            if (high_surrogate_) {
                out[written++] = static_cast<char>(0xFF);
                high_surrogate_ = 0;
            }
            return written;
        }
        const auto* p = reinterpret_cast<const unsigned char*>(raw_.get());
        std::size_t i = 0;
        auto emit_unit = [&](std::uint32_t u) {
            if (high_surrogate_) {
                if (u >= 0xDC00 && u <= 0xDFFF) {
                    std::uint32_t cp = 0x10000 + ((high_surrogate_ - 0xD800) << 10) + (u - 0xDC00);
                    out[written++] = static_cast<char>(0xF0 | (cp >> 18));
                    out[written++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                    out[written++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out[written++] = static_cast<char>(0x80 | (cp & 0x3F));
                    high_surrogate_ = 0;
                    return;
                }
                out[written++] = static_cast<char>(0xFF);  // unpaired high surrogate
                high_surrogate_ = 0;
            }
            if (u < 0x80) {
                out[written++] = static_cast<char>(u);
            } else if (u < 0x800) {
                out[written++] = static_cast<char>(0xC0 | (u >> 6));
                out[written++] = static_cast<char>(0x80 | (u & 0x3F));
            } else if (u >= 0xD800 && u <= 0xDBFF) {
                high_surrogate_ = u;
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                out[written++] = static_cast<char>(0xFF);  // unpaired low surrogate
            } else {
                out[written++] = static_cast<char>(0xE0 | (u >> 12));
                out[written++] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
                out[written++] = static_cast<char>(0x80 | (u & 0x3F));
            }
        };
        if (carry_byte_ >= 0) {
            auto b0 = static_cast<std::uint32_t>(carry_byte_), b1 = std::uint32_t{p[0]};
            emit_unit(le ? (b0 | (b1 << 8)) : ((b0 << 8) | b1));
            carry_byte_ = -1;
            i = 1;
        }
        for (; i + 1 < got; i += 2) {
            std::uint32_t u = le ? (p[i] | (std::uint32_t{p[i + 1]} << 8))
                                 : ((std::uint32_t{p[i]} << 8) | p[i + 1]);
            if (u < 0x80 && !high_surrogate_) {
                out[written++] = static_cast<char>(u);
            } else {
                emit_unit(u);
            }
        }
        if (i < got) carry_byte_ = p[i];
    }
    return written;
}

}  // namespace linkequity::io::detail

std::uint64_t linkequity::io::file_bytes_read() noexcept {
    return detail::file_bytes.load(std::memory_order_relaxed);
}

std::uint64_t linkequity::io::files_size(const std::vector<std::string>& paths) {
    std::uint64_t bytes = 0;
    for (const auto& path : paths) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) bytes += size;
    }
    return bytes;
}
