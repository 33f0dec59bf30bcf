// Opening newsindex databases: where the default one lives, and opening for reading or
// writing with the schema version checked. Xapian exceptions do not escape these functions:
// they come out as DatabaseError naming the path.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <functional>
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
// flags: Xapian database flags to open with besides creation (Xapian::DB_NO_SYNC for a
// database that is thrown away after a crash).
Xapian::WritableDatabase open_writable(
    const std::string& path, std::chrono::milliseconds lock_wait = std::chrono::milliseconds(0),
    SchemaCheck schema_check = SchemaCheck::Check, int flags = 0);

// The bytes of every file under a database directory (every shard of a sharded one): what
// --status reports and --compact compares. Unreadable parts count as nothing.
std::uintmax_t bytes_on_disk(const std::string& directory);

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
// was written by another schema version; Other when Xapian cannot open it. Remote shards are
// opened as open_readable(paths, RemoteOptions()) opens them.
Xapian::Database open_readable(const std::vector<std::string>& paths);

// How remote shards (stub lines "remote HOST:PORT" or "remote :PROGRAM ARGS", served by
// xapian-tcpsrv or xapian-progsrv; docs/scaling.md) are opened.
struct RemoteOptions {
    // How long a remote shard may take to connect, and to answer each request afterwards
    // (Xapian's own default is also 10 s).
    std::chrono::milliseconds timeout{10'000};
    // Leave out remote shards that cannot be reached or do not answer in time, instead of
    // failing; ReadableDatabases::missing lists them.
    bool partial = false;
};

// One part of a collection: a local database, or one remote shard of a stub.
struct OpenShard {
    std::string source;  // the path given (a database or stub), for messages
    std::string name;    // the path, or "remote HOST:PORT" as the stub line names it
    Xapian::Database db;
    bool remote = false;  // a remote shard: one database, each request to it a round trip
};

// A remote shard left out (RemoteOptions::partial).
struct MissingShard {
    std::string source;   // the stub that lists it
    std::string name;     // "remote HOST:PORT"
    std::string problem;  // "did not answer within 5 s"
};

struct ReadableDatabases {
    Xapian::Database combined;     // every part below, as one database
    std::vector<OpenShard> parts;  // in the order given; stubs listing remote shards split
    std::vector<MissingShard> missing;
};

// Opens paths as open_readable(paths) does, but reads the stubs that list remote shards
// itself, to open each remote shard with remote.timeout and name the shard that fails. A
// stub without remote lines (a local sharded database) is one part, opened by Xapian.
// Throws DatabaseError as open_readable(paths); for a remote shard that cannot be reached
// or does not answer in time (unless remote.partial): Other naming the stub, the shard and the
// problem ("remote 127.0.0.1:47123 did not answer within 5 s"); and Other when no part at all
// could be opened (the first in the order given, when several fail). The remote shards are
// opened side by side, so that N of them take as long as the slowest, not the sum.
ReadableDatabases open_readable(const std::vector<std::string>& paths, const RemoteOptions& remote);

// Reads documents of a collection: read(shard, index, document) is called for each docids[index]
// (a docid of opened.combined). When every part is a remote shard, each shard's documents are
// read on a thread of its own, side by side (Xapian 1.4 fetches a remote document, and its
// term list, per round trip, so N shards wait for about 1/N of them); read is then called
// from several threads at once, for documents of different shards, with shard the part the
// document comes from, and must be safe so. Otherwise every call is on this thread, in order,
// with shard 0. Throws what read throws, or Xapian::Error as Database::get_document(), once
// every thread has ended. opened must not be used by another thread meanwhile.
using DocumentReader =
    std::function<void(std::size_t shard, std::size_t index, const Xapian::Document& document)>;
void read_documents(const ReadableDatabases& opened, const std::vector<Xapian::docid>& docids,
                    const DocumentReader& read);

// The documents docids of opened.combined, in that order, fetched as read_documents() reads
// them. Throws as read_documents().
std::vector<Xapian::Document> fetch_documents(const ReadableDatabases& opened,
                                              const std::vector<Xapian::docid>& docids);

// The remote shard a Xapian network error is about and what went wrong, from the error's
// context ("remote 127.0.0.1:47123 did not answer within 5 s"); timeout is the one the shard
// was opened with. name, when not null, receives the shard's name alone ("remote
// 127.0.0.1:47123", as OpenShard::name has it).
std::string describe_network_error(const Xapian::NetworkError& error,
                                   std::chrono::milliseconds timeout, std::string* name = nullptr);

}  // namespace newsindex
