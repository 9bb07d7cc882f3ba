// A monotone priority queue (radix heap, Ahuja, Mehlhorn, Orlin and Tarjan 1990) for Dijkstra-like
// flooding whose keys never fall below the last key taken out. Items come out in increasing
// (key, tie) order, exactly as a binary heap would give them when no two items are equal, at a
// fraction of the cost: pushes are appends, and each item moves down at most 64 buckets.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <vector>

namespace hcs::segment::detail {

// Item needs `std::uint64_t key` (the priority) and `std::uint64_t tie` (the order among equal
// keys).
template <typename Item>
class RadixQueue {
  public:
    bool empty() const { return size_ == 0; }

    void push(const Item& item) {
        assert(item.key >= last_key_);
        const int bucket = bucket_of(item.key);
        if (bucket == 0) {
            insert_in_current(item);
        } else {
            buckets_[bucket].push_back(item);
        }
        ++size_;
    }

    Item pop() {
        if (buckets_[0].empty()) refill_current();
        const Item item = buckets_[0].back();
        buckets_[0].pop_back();
        --size_;
        return item;
    }

  private:
    int bucket_of(std::uint64_t key) const {
        return key == last_key_ ? 0 : 64 - __builtin_clzll(key ^ last_key_);
    }

    // Bucket 0 holds the items whose key equals the last key, sorted by falling `tie` so that the
    // smallest comes off the back.
    void insert_in_current(const Item& item) {
        std::vector<Item>& current = buckets_[0];
        const auto position =
            std::lower_bound(current.begin(), current.end(), item,
                             [](const Item& a, const Item& b) { return a.tie > b.tie; });
        current.insert(position, item);
    }

    // Takes the lowest non-empty bucket, moves the last key up to its smallest key and spreads
    // its items over the lower buckets; those with that key land in bucket 0.
    void refill_current() {
        int bucket = 1;
        while (buckets_[bucket].empty()) ++bucket;
        std::vector<Item> moving;
        moving.swap(buckets_[bucket]);
        std::uint64_t smallest = moving.front().key;
        for (const Item& item : moving) smallest = std::min(smallest, item.key);
        last_key_ = smallest;
        for (const Item& item : moving) {
            const int target = bucket_of(item.key);
            buckets_[target].push_back(item);
        }
        std::vector<Item>& current = buckets_[0];
        std::sort(current.begin(), current.end(),
                  [](const Item& a, const Item& b) { return a.tie > b.tie; });
        moving.clear();
        buckets_[bucket].swap(moving);  // keeps the capacity for later refills
    }

    std::array<std::vector<Item>, 65> buckets_;
    std::uint64_t last_key_ = 0;
    std::size_t size_ = 0;
};

}  // namespace hcs::segment::detail
