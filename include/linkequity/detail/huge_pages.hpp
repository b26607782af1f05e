// SPDX-License-Identifier: MIT
// huge_page_allocator: a std::allocator stand-in that asks Linux for transparent huge pages
// (madvise MADV_HUGEPAGE) on large blocks, and leaves default-constructed elements unwritten.
// The PageRank kernel gathers from a per-node array at random; with 4 KiB pages every miss is
// also a TLB miss once the array outgrows the TLB's reach (2048 entries × 4 KiB = 8 MiB).
// Internal; elsewhere a plain allocation.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace linkequity::detail {

template <class T>
struct huge_page_allocator {
    using value_type = T;
    static constexpr std::size_t huge_page = std::size_t{2} << 20;
    static constexpr std::size_t threshold = std::size_t{4} << 20;  // smaller blocks: plain new

    huge_page_allocator() noexcept = default;
    template <class U>
    huge_page_allocator(const huge_page_allocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < threshold) return static_cast<T*>(::operator new(bytes));
        const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
        void* p = std::aligned_alloc(huge_page, rounded);
        if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure just means 4 KiB pages
#endif
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < threshold) ::operator delete(p);
        else std::free(p);
    }
    /// Default-initialises: `vector<double, huge_page_allocator<double>> v(n)` leaves the
    /// doubles unwritten, so the owner can first-touch them in parallel (faster, and each page
    /// lands near the thread that uses it). Value-initialise (v(n, 0.0)) where zeros matter.
    template <class U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
    template <class U>
    bool operator==(const huge_page_allocator<U>&) const noexcept { return true; }
    template <class U>
    bool operator!=(const huge_page_allocator<U>&) const noexcept { return false; }
};

}  // namespace linkequity::detail
