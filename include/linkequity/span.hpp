// SPDX-License-Identifier: MIT
// span<T>: a non-owning view of contiguous elements (std::span's core, available in C++17).
// Graph accessors return it so adjacency lists work in range-for without copies.
#pragma once

#include <cstddef>
#include <type_traits>
#include <vector>

namespace linkequity {

/// A pointer and a length. Cheap to copy; never owns; valid while the viewed storage lives.
template <class T>
class span {
public:
    using element_type = T;
    using value_type = std::remove_cv_t<T>;
    using iterator = T*;

    constexpr span() noexcept = default;
    constexpr span(T* data, std::size_t size) noexcept : data_(data), size_(size) {}
    template <class U, class A,
              class = std::enable_if_t<std::is_convertible_v<const U (*)[], T (*)[]>>>
    span(const std::vector<U, A>& v) noexcept : data_(v.data()), size_(v.size()) {}
    template <class U, class A, class = std::enable_if_t<std::is_convertible_v<U (*)[], T (*)[]>>>
    span(std::vector<U, A>& v) noexcept : data_(v.data()), size_(v.size()) {}
    template <class U, class = std::enable_if_t<std::is_convertible_v<U (*)[], T (*)[]>>>
    constexpr span(span<U> other) noexcept : data_(other.data()), size_(other.size()) {}

    constexpr T* data() const noexcept { return data_; }
    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    constexpr T& operator[](std::size_t i) const noexcept { return data_[i]; }
    constexpr T* begin() const noexcept { return data_; }
    constexpr T* end() const noexcept { return data_ + size_; }
    constexpr span subspan(std::size_t offset, std::size_t count) const noexcept {
        return {data_ + offset, count};
    }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace linkequity
