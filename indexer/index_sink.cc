#include "index_sink.h"

#include <future>

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
    std::vector<std::future<void>> commits;
    for (Xapian::WritableDatabase& shard : shards_)
        commits.push_back(std::async(std::launch::async, [&shard] { shard.commit(); }));
    // Every commit ends before the first failure, if any, is passed on.
    for (std::future<void>& done : commits) done.wait();
    for (std::future<void>& done : commits) done.get();
}

}  // namespace newsindex::indexer
