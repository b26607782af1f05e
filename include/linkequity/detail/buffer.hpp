// SPDX-License-Identifier: MIT
// buffer<T>: a fixed-size array of trivially copyable T that is NOT zero-filled on allocation
// (std::vector would touch every byte once more), or a read-only view kept alive by an owner
// (e.g. a memory-mapped snapshot). Internal: graph storage uses it; not part of the API.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>

#include "linkequity/span.hpp"

namespace linkequity::detail {

template <class T>
class buffer {
    static_assert(std::is_trivially_copyable_v<T>, "buffer holds plain data only");

public:
    buffer() = default;
    /// n uninitialised elements.
    explicit buffer(std::size_t n) : size_(n) {
        if (n > 0) {
            owned_.reset(new T[n]);  // default-initialised: no write pass over the memory
            data_ = owned_.get();
        }
    }
    /// A view of external memory kept alive by `owner` (e.g. an mmap region).
    buffer(const T* data, std::size_t n, std::shared_ptr<const void> owner)
        : data_(const_cast<T*>(data)), size_(n), keep_alive_(std::move(owner)) {}

    /// Moving leaves the source empty (size 0, no data), never pointing at what it gave away.
    buffer(buffer&& other) noexcept
        : owned_(std::move(other.owned_)),
          data_(std::exchange(other.data_, nullptr)),
          size_(std::exchange(other.size_, 0)),
          keep_alive_(std::move(other.keep_alive_)) {}
    buffer& operator=(buffer&& other) noexcept {
        if (this != &other) {
            owned_ = std::move(other.owned_);
            data_ = std::exchange(other.data_, nullptr);
            size_ = std::exchange(other.size_, 0);
            keep_alive_ = std::move(other.keep_alive_);
        }
        return *this;
    }
    buffer(const buffer&) = delete;
    buffer& operator=(const buffer&) = delete;

    /// A deep copy that owns its memory.
    buffer clone() const {
        buffer b(size_);
        if (size_) std::memcpy(b.data_, data_, size_ * sizeof(T));
        return b;
    }
    /// Keeps the first n elements (n <= size()); reallocates so the memory is returned.
    void shrink(std::size_t n) {
        if (n >= size_) return;
        buffer b(n);
        if (n) std::memcpy(b.data_, data_, n * sizeof(T));
        *this = std::move(b);
    }
    /// Keeps the first n elements (n <= size()) without reallocating: the memory stays held
    /// (for when a copy would double the peak).
    void truncate(std::size_t n) noexcept {
        if (n < size_) size_ = n;
    }
    void reset() { *this = buffer(); }

    T* data() noexcept { return data_; }
    const T* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    T& operator[](std::size_t i) noexcept { return data_[i]; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    span<const T> view() const noexcept { return {data_, size_}; }
    std::size_t bytes() const noexcept { return size_ * sizeof(T); }

private:
    std::unique_ptr<T[]> owned_;
    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::shared_ptr<const void> keep_alive_;
};

}  // namespace linkequity::detail
