// SPDX-License-Identifier: MIT
// Internal: the byte → UTF-8 text layer under every text reader in io/. A text_stream reads a
// file or a memory block in large blocks, inflates gzip (recognised by its magic bytes), drops a
// UTF-8 BOM and converts UTF-16 LE/BE (BOM, or an ASCII-looking x 00 y 00 start) to UTF-8.
// Memory is bounded by the block size whatever the input size. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace linkequity::io::detail {

/// A sequential source of raw bytes. One virtual call per block, never per byte.
class byte_source {
public:
    virtual ~byte_source() = default;
    /// Reads up to n bytes into out; returns 0 only at end of input.
    /// @throws parse_error on a read error or corrupt compressed data.
    virtual std::size_t read(char* out, std::size_t n) = 0;
};

/// What the first bytes of the input said.
enum class text_encoding : std::uint8_t { utf8, utf8_bom, utf16le, utf16be };

/// UTF-8 text from a file or memory, in blocks. Throws parse_error(path, 0, 0, reason) for a
/// missing file, a read error, corrupt or truncated gzip, and UTF-16 with an odd byte count.
/// An unpaired UTF-16 surrogate becomes the byte 0xFF (invalid UTF-8), so that the field holding
/// it is caught by UTF-8 validation downstream instead of being silently altered.
class text_stream {
public:
    /// Opens a file. @throws parse_error naming the path when it cannot be opened.
    static text_stream open_file(const std::string& path);
    /// Reads from memory that must outlive the stream; `name` is used in messages.
    static text_stream from_memory(const void* data, std::size_t size, std::string name);

    text_stream(text_stream&&) noexcept;
    text_stream& operator=(text_stream&&) noexcept;
    ~text_stream();

    /// Fills `out` with up to `cap` bytes of UTF-8 (any cap >= 1); returns 0 only at end of input.
    std::size_t read(char* out, std::size_t cap);

    const std::string& name() const noexcept { return name_; }
    bool gzipped() const noexcept { return gzipped_; }
    text_encoding encoding() const noexcept { return encoding_; }

private:
    text_stream(std::unique_ptr<byte_source> src, std::string name);
    void sniff();
    std::size_t read_raw(char* out, std::size_t n);
    std::size_t read_utf16(char* out, std::size_t cap);
    std::size_t decode_utf16_block(char* out);

    std::unique_ptr<byte_source> src_;
    std::string name_;
    bool gzipped_ = false;
    text_encoding encoding_ = text_encoding::utf8;
    std::string pending_;           // sniffed bytes not yet handed out (raw, after any BOM)
    std::size_t pending_pos_ = 0;
    std::unique_ptr<char[]> raw_;   // UTF-16 input block
    std::unique_ptr<char[]> utf8_;  // its UTF-8 conversion, handed out in pieces of any size
    std::size_t utf8_pos_ = 0, utf8_end_ = 0;
    int carry_byte_ = -1;           // odd UTF-16 byte waiting for its partner
    std::uint32_t high_surrogate_ = 0;
    bool eof_ = false;
};

}  // namespace linkequity::io::detail
