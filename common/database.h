// Opening newsindex databases: where the default one lives, and opening for reading or
// writing with the schema version checked. Xapian exceptions do not escape these functions:
// they come out as DatabaseError naming the path.
#pragma once

#include <xapian.h>

#include <chrono>
#include <string>
#include <vector>

namespace newsindex {

// The database path to use when the user gave none: $NEWSINDEX_DB when set and not empty,
// else $XDG_DATA_HOME/newsindex/db, else $HOME/.local/share/newsindex/db, else
// ".newsindex/db" in the current directory.
std::string default_database_path();

// Opens the database at path for writing, creating it (and missing parent directories) when
// absent, and records the schema version in a new database. While another process holds the
// write lock, retries until lock_wait has passed (zero: one attempt).
// Throws DatabaseError: Locked when the lock was not obtained in time; Interrupted when the
// interrupter (set_lock_wait_interrupter) said so during the wait; Other at once when the lock
// cannot be taken at all (a read-only file system); IncompatibleSchema when
// the database was written by another schema version or is not a newsindex database; Other
// otherwise. The returned object owns Xapian's write lock until it is closed or destroyed.
// With SchemaCheck::Skip the schema version is neither checked nor recorded: for holding the
// lock on a database that is about to be rebuilt.
enum class SchemaCheck { Check, Skip };

// A function that open_writable() asks between its attempts while waiting for the lock: when
// it returns true (a SIGTERM or SIGINT arrived), the wait ends at once with DatabaseError
// Interrupted. Call before any thread starts; nullptr (the default) waits the whole time.
void set_lock_wait_interrupter(bool (*interrupted)());
Xapian::WritableDatabase open_writable(
    const std::string& path, std::chrono::milliseconds lock_wait = std::chrono::milliseconds(0),
    SchemaCheck schema_check = SchemaCheck::Check);

// A sharded database is a directory holding shard databases "shard-0" ... "shard-N-1" and a
// Xapian stub file named XAPIANDB that lists them, so that Xapian (and the searcher) opens the
// directory as one database. docs/scaling.md describes it.
inline constexpr const char* kStubFileName = "XAPIANDB";

// True when path is a directory with a XAPIANDB stub in it.
bool is_sharded(const std::string& path);

// The absolute paths of the local shards the stub in path lists ("auto" lines), in order.
// Throws DatabaseError when the stub cannot be read or lists a remote shard.
std::vector<std::string> shard_paths(const std::string& path);

// Opens every shard of a sharded database for writing, creating the directory, shards
// and stub when path does not exist (shards > 0 is then required). With shards > 0 and an
// existing database, the counts must agree. Waits for each shard's lock as open_writable().
// Throws DatabaseError as open_writable(); Other when the shard counts disagree.
std::vector<Xapian::WritableDatabase> open_writable_shards(const std::string& path, unsigned shards,
                                                           std::chrono::milliseconds lock_wait);

// Opens one or more databases (directories or Xapian stub files) as one, for searching.
// Throws DatabaseError: Missing when a path does not exist; IncompatibleSchema when a database
// was written by another schema version; Other when Xapian cannot open it.
Xapian::Database open_readable(const std::vector<std::string>& paths);

}  // namespace newsindex
