#include "compact.h"

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "database.h"
#include "errors.h"

namespace newsindex::indexer {

namespace {

namespace fs = std::filesystem;

void compact_one(const std::string& shard, std::chrono::milliseconds lock_wait) {
    const Xapian::WritableDatabase lock = open_writable(shard, lock_wait, SchemaCheck::Skip);
    const std::string compacted = shard + ".compact";
    std::error_code error;
    fs::remove_all(compacted, error);
    try {
        // The lock holder may compact: the compactor reads the last committed revision.
        Xapian::Database(shard).compact(compacted,
                                        Xapian::Compactor::FULLER | Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
        fs::remove_all(compacted, error);
        throw DatabaseError(DatabaseError::Kind::Other, shard,
                            "cannot compact: " + e.get_description());
    }
    if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, shard.c_str(), RENAME_EXCHANGE) != 0) {
        const std::string reason = std::strerror(errno);
        fs::remove_all(compacted, error);
        throw DatabaseError(DatabaseError::Kind::Other, shard,
                            "cannot swap in the compacted database: " + reason);
    }
    fs::remove_all(compacted, error);  // now the old database
}

}  // namespace

CompactionSizes compact_database(const std::string& path, std::chrono::milliseconds lock_wait) {
    std::error_code error;
    if (!fs::is_directory(path, error))
        throw DatabaseError(DatabaseError::Kind::Missing, path, "no database to compact");
    CompactionSizes sizes;
    sizes.bytes_before = bytes_on_disk(path);
    for (const std::string& shard :
         is_sharded(path) ? shard_paths(path) : std::vector<std::string>{path})
        compact_one(shard, lock_wait);
    sizes.bytes_after = bytes_on_disk(path);
    return sizes;
}

}  // namespace newsindex::indexer
