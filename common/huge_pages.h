// An allocator for large arrays that are built once and read often (the entity model's
// weights and hash table): it asks the kernel to back them with transparent huge pages.
//
// Why: every indexer that finds entities fills about 7 MiB of such arrays at start. Touched
// page by page, that is some 1,800 page faults; on the 2-core virtual machine of our benchmarks
// a fault costs about 12 us, so filling 8 MiB took 25 ms, and 0.8 ms with huge pages
// (docs/performance.md). Where the kernel does not give huge pages (THP "never", another
// system), the arrays are ordinary memory and only the rounding up to 2 MiB is lost.
//
// Arrays under 2 MiB come from operator new, as with std::allocator. Stateless: any two
// instances compare equal. Throws std::bad_alloc as std::allocator does.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace newsindex {

template <typename T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHugePage = std::size_t{2} << 20;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > (static_cast<std::size_t>(-1) - kHugePage) / sizeof(T)) throw std::bad_alloc();
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
        const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void* memory = std::aligned_alloc(kHugePage, rounded);
        if (!memory) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
        ::madvise(memory, rounded, MADV_HUGEPAGE);  // advice only: failure leaves small pages
#endif
        return static_cast<T*>(memory);
    }
    void deallocate(T* memory, std::size_t n) noexcept {
        if (n * sizeof(T) < kHugePage) {
            ::operator delete(memory);
        } else {
            std::free(memory);
        }
    }
};

template <typename T, typename U>
bool operator==(const HugePageAllocator<T>&, const HugePageAllocator<U>&) noexcept {
    return true;
}
template <typename T, typename U>
bool operator!=(const HugePageAllocator<T>&, const HugePageAllocator<U>&) noexcept {
    return false;
}

}  // namespace newsindex
