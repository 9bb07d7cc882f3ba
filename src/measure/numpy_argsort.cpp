// numpy's introsort argsort (numpy/core/src/npysort/quicksort.cpp, aquicksort_ and
// heapsort.cpp, aheapsort_, numpy 1.24), written again step by step so ties fall the same way.
#include "hcs/measure/numpy_argsort.hpp"

#include <utility>

namespace hcs::measure {
namespace {

constexpr std::int64_t kSmallQuicksort = 15;  // SMALL_QUICKSORT in numpy's npysort

// numpy's aheapsort_ on tosort[0..n): 1-based heap over the index array.
void heapsort_indices(const double* v, std::int64_t* tosort, std::int64_t n) {
    std::int64_t* a = tosort - 1;
    std::int64_t i, j, l, tmp;
    for (l = n >> 1; l > 0; --l) {
        tmp = a[l];
        for (i = l, j = l << 1; j <= n;) {
            if (j < n && v[a[j]] < v[a[j + 1]]) j += 1;
            if (v[tmp] < v[a[j]]) {
                a[i] = a[j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        a[i] = tmp;
    }
    for (; n > 1;) {
        tmp = a[n];
        a[n] = a[1];
        n -= 1;
        for (i = 1, j = 2; j <= n;) {
            if (j < n && v[a[j]] < v[a[j + 1]]) j++;
            if (v[tmp] < v[a[j]]) {
                a[i] = a[j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        a[i] = tmp;
    }
}

int most_significant_bit(std::uint64_t n) {
    int depth = 0;
    while (n >>= 1) depth++;
    return depth;
}

}  // namespace

std::vector<std::int64_t> numpy_argsort(const std::vector<double>& values) {
    const std::int64_t num = static_cast<std::int64_t>(values.size());
    std::vector<std::int64_t> order(values.size());
    for (std::int64_t k = 0; k < num; ++k) order[k] = k;
    if (num < 2) return order;
    const double* v = values.data();
    std::int64_t* pl = order.data();
    std::int64_t* pr = pl + num - 1;
    std::vector<std::int64_t*> stack;
    std::vector<int> depths;
    int depth = most_significant_bit(static_cast<std::uint64_t>(num)) * 2;
    for (;;) {
        if (depth < 0) {
            heapsort_indices(v, pl, pr - pl + 1);
        } else {
            while ((pr - pl) > kSmallQuicksort) {
                std::int64_t* pm = pl + ((pr - pl) >> 1);
                if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
                if (v[*pr] < v[*pm]) std::swap(*pr, *pm);
                if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
                const double pivot = v[*pm];
                std::int64_t* pi = pl;
                std::int64_t* pj = pr - 1;
                std::swap(*pm, *pj);
                for (;;) {
                    do ++pi;
                    while (v[*pi] < pivot);
                    do --pj;
                    while (pivot < v[*pj]);
                    if (pi >= pj) break;
                    std::swap(*pi, *pj);
                }
                std::int64_t* pk = pr - 1;
                std::swap(*pi, *pk);
                // the larger partition waits on the stack
                if (pi - pl < pr - pi) {
                    stack.push_back(pi + 1);
                    stack.push_back(pr);
                    pr = pi - 1;
                } else {
                    stack.push_back(pl);
                    stack.push_back(pi - 1);
                    pl = pi + 1;
                }
                depths.push_back(--depth);
            }
            for (std::int64_t* pi = pl + 1; pi <= pr; ++pi) {
                const std::int64_t vi = *pi;
                const double vp = v[vi];
                std::int64_t* pj = pi;
                std::int64_t* pk = pi - 1;
                while (pj > pl && vp < v[*pk]) *pj-- = *pk--;
                *pj = vi;
            }
        }
        if (stack.empty()) break;
        pr = stack.back(), stack.pop_back();
        pl = stack.back(), stack.pop_back();
        depth = depths.back(), depths.pop_back();
    }
    return order;
}

}  // namespace hcs::measure
