// Compacting a database in place, the maintenance command `indexer --compact`. Not
// thread-safe with other writers of the same database: it takes each shard's write lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace newsindex::indexer {

struct CompactionSizes {
    std::uintmax_t bytes_before = 0, bytes_after = 0;  // on disk, every shard together
};

// Rewrites the database at path (each shard of a sharded one) with Xapian's compactor, fullest
// blocks, document ids kept, and swaps the result in with one rename per shard, so searchers
// see the old or the compacted database, never a mix within a shard. Holds each shard's write
// lock meanwhile (waiting up to lock_wait for it).
// Throws DatabaseError: Locked, Missing, or Other for a failed compaction or swap.
CompactionSizes compact_database(const std::string& path, std::chrono::milliseconds lock_wait);

}  // namespace newsindex::indexer
