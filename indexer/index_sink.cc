#include "index_sink.h"

#include <exception>
#include <thread>

namespace newsindex::indexer {

void ShardSink::write_metadata() {
    for (const Metadata& metadata : waiting_)
        shards_[metadata.shard].set_metadata(metadata.key, metadata.value);
    waiting_.clear();
}

void ShardSink::commit() {
    if (shards_.size() == 1) {
        shards_.front().commit();
        return;
    }
    // Each shard is its own database: their commits (the costly flush) run side by side.
    std::vector<std::thread> threads;
    std::vector<std::exception_ptr> failures(shards_.size());
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        threads.emplace_back([this, i, &failures] {
            try {
                shards_[i].commit();
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::exception_ptr& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
}

}  // namespace newsindex::indexer
