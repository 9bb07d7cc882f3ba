// Running independent pieces of work (image sets, wells) on a fixed number of threads. Each
// result lands at its own index, so the output never depends on the thread count.
#pragma once

#include <cstddef>
#include <functional>

namespace hcs {

// Calls work(i) for i in [0, count) on `threads` threads (0 = all cores). Exceptions from work
// are the caller's to catch inside work; one escaping is rethrown after all threads stop.
void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& work);

// The number of threads `requested` means (0 = hardware concurrency, at least 1).
int thread_count(int requested);

}  // namespace hcs
