// The array-backed binary min-heap that centrosome (heap.pxd) and scikit-image
// (heap_general.pxi) use, reproduced step for step: the initial items are taken as given (not
// heapified), a push sifts up, a pop moves the last item to the top and sifts down. When two
// items compare equal, the order they come off decides which label wins a contested pixel, so
// matching CellProfiler's labels needs this exact heap, not std::priority_queue.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace hcs::segment::detail {

template <typename Item, typename Less>
class BinaryHeap {
  public:
    explicit BinaryHeap(std::vector<Item> initial_items = {}, Less less = Less())
        : items_(std::move(initial_items)), less_(less) {}

    bool empty() const { return items_.empty(); }

    void reserve(std::size_t count) { items_.reserve(count); }

    void push(const Item& item) {
        std::size_t child = items_.size();
        items_.push_back(item);
        while (child > 0) {
            const std::size_t parent = (child + 1) / 2 - 1;
            if (!less_(items_[child], items_[parent])) break;
            std::swap(items_[child], items_[parent]);
            child = parent;
        }
    }

    Item pop() {
        const Item top = items_.front();
        items_.front() = items_.back();
        items_.pop_back();
        sift_down();
        return top;
    }

  private:
    void sift_down() {
        const std::size_t count = items_.size();
        std::size_t i = 0;
        while (true) {
            const std::size_t left = 2 * i + 1;
            const std::size_t right = left + 1;
            if (left >= count) break;
            std::size_t smallest = i;
            if (less_(items_[left], items_[i])) smallest = left;
            if (right < count && less_(items_[right], items_[smallest])) smallest = right;
            if (smallest == i) break;
            std::swap(items_[i], items_[smallest]);
            i = smallest;
        }
    }

    std::vector<Item> items_;
    Less less_;
};

}  // namespace hcs::segment::detail
