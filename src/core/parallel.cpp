// A minimal work-sharing loop: threads take the next index from one atomic counter.
#include "hcs/core/parallel.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include <opencv2/core.hpp>

namespace hcs {

int thread_count(int requested) {
    if (requested > 0) return requested;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(cores);
}

void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& work) {
    const int workers = std::min<int>(thread_count(threads), static_cast<int>(count));
    if (workers <= 1) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    // Our own threads already use every core; OpenCV's inner threading would oversubscribe them.
    const int opencv_threads = cv::getNumThreads();
    cv::setNumThreads(0);

    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::vector<std::thread> pool;
    for (int t = 0; t < workers; ++t) {
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < count; i = next++) {
                try {
                    work(i);
                } catch (...) {
                    std::lock_guard<std::mutex> lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    next = count;
                }
            }
        });
    }
    for (auto& thread : pool) thread.join();
    cv::setNumThreads(opencv_threads);
    if (failure) std::rethrow_exception(failure);
}

}  // namespace hcs
