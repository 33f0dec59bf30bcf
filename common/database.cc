#include "database.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <thread>

#include "errors.h"
#include "schema.h"

namespace newsindex {

namespace {

namespace fs = std::filesystem;

std::string env_or_empty(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// Refuses a database whose recorded schema version is not ours. A database with documents
// but no version was not written by newsindex.
void check_schema_version(const Xapian::Database& db, const std::string& path) {
    const std::string recorded = db.get_metadata(std::string(schema::kSchemaVersionKey));
    const std::string ours = std::to_string(schema::kSchemaVersion);
    if (recorded == ours) return;
    if (recorded.empty()) {
        if (db.get_doccount() == 0) return;
        throw DatabaseError(DatabaseError::Kind::IncompatibleSchema, path,
                            "not a newsindex database (no schema version recorded)");
    }
    throw DatabaseError(DatabaseError::Kind::IncompatibleSchema, path,
                        "written with schema version " + recorded + ", but this build uses " +
                            ours + "; rebuild it with: indexer --rebuild --db " + path +
                            " PATH...");
}

std::string seconds_text(std::chrono::milliseconds duration) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", duration.count() / 1000.0);
    return text;
}

}  // namespace

std::string default_database_path() {
    if (std::string path = env_or_empty("NEWSINDEX_DB"); !path.empty()) return path;
    if (std::string data = env_or_empty("XDG_DATA_HOME"); !data.empty())
        return data + "/newsindex/db";
    if (std::string home = env_or_empty("HOME"); !home.empty())
        return home + "/.local/share/newsindex/db";
    return ".newsindex/db";
}

namespace {

// Set once by the program before any thread starts; read by open_writable's wait loop.
bool (*lock_wait_interrupted)() = nullptr;

// Creates an empty database at path, complete or not at all. Xapian writes a new database's
// table files before its revision file, so a creation cut short (kill -9) would leave a
// directory it can neither open nor create again; the database is made beside path and renamed
// into place. Losing a race to another creator is fine: its database is used.
//
// With shards > 0 the database is a directory holding a XAPIANDB stub and that many shard
// databases, all made in the same place beside path, so that a creation that fails half way
// (a full disk) cannot leave a stub naming shards that do not exist.
void create_atomically(const fs::path& path, unsigned shards = 0) {
    const std::string stem = path.filename().string() + ".creating-";
    const fs::path creating = path.string() + ".creating-" + std::to_string(::getpid());
    // Leftovers of creators that died (their process is gone) go first.
    std::error_code ignored;
    for (const auto& entry :
         fs::directory_iterator(path.parent_path().empty() ? "." : path.parent_path(), ignored)) {
        const std::string name = entry.path().filename().string();
        if (name.compare(0, stem.size(), stem) != 0) continue;
        const long pid = std::strtol(name.c_str() + stem.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove_all(entry.path(), ignored);
    }
    fs::remove_all(creating);
    try {
        const auto create_empty = [](const fs::path& where) {
            Xapian::WritableDatabase fresh(where.string(), Xapian::DB_CREATE);
            fresh.set_metadata(std::string(schema::kSchemaVersionKey),
                               std::to_string(schema::kSchemaVersion));
            fresh.commit();
        };
        if (shards == 0) {
            create_empty(creating);
        } else {
            fs::create_directories(creating);
            std::ofstream stub(creating / kStubFileName);
            for (unsigned i = 0; i < shards; ++i) stub << "auto shard-" << i << '\n';
            if (!stub.flush())
                throw DatabaseError(DatabaseError::Kind::Other, path.string(),
                                    "cannot write its XAPIANDB stub");
            stub.close();
            for (unsigned i = 0; i < shards; ++i)
                create_empty(creating / ("shard-" + std::to_string(i)));
        }
    } catch (...) {
        // Our own leftover goes at once: a later run should not have to wait for our death.
        fs::remove_all(creating, ignored);
        throw;
    }
    std::error_code lost_race;
    fs::rename(creating, path, lost_race);
    if (lost_race) fs::remove_all(creating);
}

}  // namespace

void set_lock_wait_interrupter(bool (*interrupted)()) {
    lock_wait_interrupted = interrupted;
}

Xapian::WritableDatabase open_writable(const std::string& path, std::chrono::milliseconds lock_wait,
                                       SchemaCheck schema_check, int flags) {
    // Xapian 1.4 either fails at once on a held lock or waits for ever (DB_RETRY_LOCK); a
    // bounded wait is a loop of attempts.
    constexpr auto kRetryInterval = std::chrono::milliseconds(100);
    const auto deadline = std::chrono::steady_clock::now() + lock_wait;
    try {
        fs::path parent = fs::path(path).parent_path();
        if (!parent.empty()) fs::create_directories(parent);
        if (!fs::exists(path)) create_atomically(path);
        std::optional<Xapian::WritableDatabase> opened;
        while (!opened) {
            try {
                opened.emplace(path, Xapian::DB_CREATE_OR_OPEN | flags);
            } catch (const Xapian::DatabaseLockError& e) {
                // Only a lock another process holds is worth waiting for; a lock file that
                // cannot be made (a read-only file system, no permission) never will be.
                if (e.get_msg().find("already locked") == std::string::npos)
                    throw DatabaseError(DatabaseError::Kind::Other, path,
                                        "cannot take the write lock: " + e.get_msg());
                if (std::chrono::steady_clock::now() + kRetryInterval > deadline) throw;
                if (lock_wait_interrupted && lock_wait_interrupted())
                    throw DatabaseError(DatabaseError::Kind::Interrupted, path,
                                        "stopped by a signal while waiting for the lock");
                std::this_thread::sleep_for(kRetryInterval);
            }
        }
        Xapian::WritableDatabase db = *opened;
        if (schema_check == SchemaCheck::Skip) return db;
        check_schema_version(db, path);
        if (db.get_metadata(std::string(schema::kSchemaVersionKey)).empty()) {
            db.set_metadata(std::string(schema::kSchemaVersionKey),
                            std::to_string(schema::kSchemaVersion));
            db.commit();
        }
        return db;
    } catch (const DatabaseError&) {
        throw;
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseError(
            DatabaseError::Kind::Locked, path,
            "locked by another indexer (waited " + seconds_text(lock_wait) + " s): " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
    } catch (const fs::filesystem_error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, path, e.code().message());
    }
}

std::uintmax_t bytes_on_disk(const std::string& directory) {
    std::uintmax_t total = 0;
    std::error_code error;
    for (fs::recursive_directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        if (it->is_regular_file(error)) total += it->file_size(error);
    }
    return total;
}

bool is_sharded(const std::string& path) {
    std::error_code ignored;
    return fs::is_directory(path, ignored) &&
           fs::is_regular_file(fs::path(path) / kStubFileName, ignored);
}

std::vector<std::string> shard_paths(const std::string& path) {
    std::ifstream stub(fs::path(path) / kStubFileName);
    if (!stub)
        throw DatabaseError(DatabaseError::Kind::Other, path, "cannot read its XAPIANDB stub");
    std::vector<std::string> shards;
    std::string line;
    while (std::getline(stub, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("auto ", 0) != 0) {
            throw DatabaseError(DatabaseError::Kind::Other, path,
                                "its stub names a shard the indexer cannot write locally: " + line);
        }
        fs::path shard = line.substr(5);
        shards.push_back(
            (shard.is_absolute() ? shard : fs::path(path) / shard).lexically_normal().string());
    }
    if (shards.empty())
        throw DatabaseError(DatabaseError::Kind::Other, path, "its stub lists no shards");
    return shards;
}

std::vector<Xapian::WritableDatabase> open_writable_shards(const std::string& path, unsigned shards,
                                                           std::chrono::milliseconds lock_wait) {
    std::error_code ignored;
    if (!fs::exists(path, ignored)) {
        if (shards == 0)
            throw DatabaseError(DatabaseError::Kind::Other, path, "no shard count given");
        try {
            fs::path parent = fs::path(path).parent_path();
            if (!parent.empty()) fs::create_directories(parent);
            create_atomically(path, shards);
        } catch (const Xapian::Error& e) {
            throw DatabaseError(DatabaseError::Kind::Other, path,
                                "cannot create the sharded database: " + e.get_description());
        } catch (const fs::filesystem_error& e) {
            throw DatabaseError(DatabaseError::Kind::Other, path,
                                "cannot create the sharded database: " + e.code().message());
        }
    } else if (!is_sharded(path)) {
        throw DatabaseError(DatabaseError::Kind::Other, path,
                            "is not a sharded database; rebuild it with --rebuild --shards N");
    }
    const std::vector<std::string> paths = shard_paths(path);
    if (shards != 0 && paths.size() != shards) {
        throw DatabaseError(
            DatabaseError::Kind::Other, path,
            "has " + std::to_string(paths.size()) + " shards, not " + std::to_string(shards) +
                "; change the count with --rebuild --shards " + std::to_string(shards));
    }
    std::vector<Xapian::WritableDatabase> opened;
    for (const std::string& shard : paths) opened.push_back(open_writable(shard, lock_wait));
    return opened;
}

namespace {

// Opens one local database (a directory, a single-file database, or a stub Xapian reads
// itself) for reading, with its schema version checked.
Xapian::Database open_local(const std::string& path) {
    std::error_code ignored;
    if (!fs::exists(path, ignored)) {
        throw DatabaseError(DatabaseError::Kind::Missing, path,
                            "does not exist (create it with: indexer --db " + path + " FILES...)");
    }
    // A commit can overtake these reads: Xapian then throws DatabaseModifiedError, or
    // sometimes DatabaseCorruptError when it meets blocks the writer has already reused.
    // Opening again a moment later reads the newer revision; a database that is really
    // corrupt fails every attempt and is reported.
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            Xapian::Database one(path);
            check_schema_version(one, path);
            return one;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kAttempts)
                throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
        } catch (const Xapian::DatabaseCorruptError& e) {
            if (attempt == kAttempts)
                throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
        } catch (const Xapian::Error& e) {
            throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
}

// The lines of the stub file at path (comments and blank lines left out) when it lists a
// remote shard, else nothing: other stubs, databases and files are Xapian's to open. A stub
// is a short text file of lines "KEYWORD ARGUMENT"; anything else is not read as one.
std::vector<std::string> remote_stub_lines(const fs::path& path) {
    constexpr std::uintmax_t kMaxStubBytes = 1 << 20;
    std::error_code error;
    if (!fs::is_regular_file(path, error) || fs::file_size(path, error) > kMaxStubBytes || error)
        return {};
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> lines;
    bool remote = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::string keyword = line.substr(0, line.find(' '));
        if (keyword != "auto" && keyword != "glass" && keyword != "chert" && keyword != "remote")
            return {};
        remote = remote || keyword == "remote";
        lines.push_back(line);
    }
    return remote ? lines : std::vector<std::string>{};
}

std::string remote_problem(const Xapian::NetworkError& error, std::chrono::milliseconds timeout) {
    // Xapian's exceptions are not polymorphic: their type is told by name.
    if (std::string(error.get_type()) == "NetworkTimeoutError")
        return "did not answer within " + seconds_text(timeout) + " s";
    std::string problem = "could not be reached: " + error.get_msg();
    if (const char* why = error.get_error_string(); why && *why)
        problem += std::string(" (") + why + ")";
    return problem;
}

// Opens one remote shard from the argument of its stub line: "HOST:PORT" ("[HOST]:PORT" for
// an IPv6 address) or ":PROGRAM ARGS".
Xapian::Database open_remote(const std::string& source, const std::string& where,
                             std::chrono::milliseconds timeout) {
    const auto ms = static_cast<unsigned>(timeout.count());
    if (!where.empty() && where[0] == ':') {
        const std::size_t space = where.find(' ');
        const std::string program = where.substr(1, space == std::string::npos ? space : space - 1);
        const std::string args = space == std::string::npos ? "" : where.substr(space + 1);
        return Xapian::Remote::open(program, args, ms);
    }
    const std::size_t colon = where.rfind(':');
    const std::string port_text = colon == std::string::npos ? "" : where.substr(colon + 1);
    if (port_text.empty() || port_text.size() > 5 ||
        port_text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(port_text) == 0 || std::stoul(port_text) > 65535)
        throw DatabaseError(DatabaseError::Kind::Other, source,
                            "its stub line 'remote " + where + "' has no valid port");
    std::string host = where.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    return Xapian::Remote::open(host, static_cast<unsigned>(std::stoul(port_text)), ms, ms);
}

// One part of a collection to open, in the order the paths and their stubs give them.
struct PartToOpen {
    std::string source;  // the path given
    std::string path;    // a local database or stub; for a remote shard its name
    bool remote = false;
    std::string argument;  // a remote shard's stub argument ("HOST:PORT", ":PROGRAM ARGS")
};

// Adds to parts what path holds: itself, or, for a stub listing remote shards, each of its
// lines ("auto" lines that are such stubs in turn, to a few levels).
void list_parts(const std::string& source, const std::string& path, std::vector<PartToOpen>& parts,
                int depth = 0) {
    constexpr int kMaxStubDepth = 8;
    std::error_code ignored;
    const fs::path stub =
        fs::is_directory(path, ignored) ? fs::path(path) / kStubFileName : fs::path(path);
    const std::vector<std::string> lines =
        depth < kMaxStubDepth ? remote_stub_lines(stub) : std::vector<std::string>{};
    if (lines.empty()) {
        parts.push_back({source, path, false, ""});
        return;
    }
    for (const std::string& line : lines) {
        const std::size_t space = line.find(' ');
        const std::string argument = space == std::string::npos ? "" : line.substr(space + 1);
        if (line.compare(0, space, "remote") != 0) {
            const fs::path local = argument;
            list_parts(source, (local.is_absolute() ? local : stub.parent_path() / local).string(),
                       parts, depth + 1);
            continue;
        }
        parts.push_back({source, "remote " + argument, true, argument});
    }
}

// Opens a remote shard and checks its schema version.
Xapian::Database open_checked_remote(const PartToOpen& part, std::chrono::milliseconds timeout) {
    Xapian::Database shard = open_remote(part.source, part.argument, timeout);
    check_schema_version(shard, part.path);
    return shard;
}

}  // namespace

std::string describe_network_error(const Xapian::NetworkError& error,
                                   std::chrono::milliseconds timeout, std::string* name) {
    // Xapian's context for a remote database is "remote:tcp(HOST:PORT)" or
    // "remote:prog(PROGRAM ARGS)".
    std::string shard = error.get_context();
    for (const char* form : {"remote:tcp(", "remote:prog("}) {
        const std::string start = form;
        if (shard.compare(0, start.size(), start) == 0 && shard.back() == ')') {
            shard = shard.substr(start.size(), shard.size() - start.size() - 1);
            if (start == "remote:prog(") shard.insert(0, ":");
            break;
        }
    }
    shard = "remote " + shard;
    if (name) *name = shard;
    return shard + " " + remote_problem(error, timeout);
}

ReadableDatabases open_readable(const std::vector<std::string>& paths,
                                const RemoteOptions& remote) {
    std::vector<PartToOpen> parts;
    for (const std::string& path : paths) list_parts(path, path, parts);
    // Remote shards are opened side by side, each on a thread of its own: opening one is a
    // round trip or more (xapian-tcpsrv forks a child that opens its database), and one that
    // does not answer costs the whole timeout. So N shards cost the slowest, not the sum.
    const auto remote_count = std::count_if(parts.begin(), parts.end(),
                                            [](const PartToOpen& part) { return part.remote; });
    std::vector<std::future<Xapian::Database>> opening(parts.size());
    if (remote_count > 1) {
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (!parts[i].remote) continue;
            opening[i] = std::async(std::launch::async, open_checked_remote, std::cref(parts[i]),
                                    remote.timeout);
        }
    }
    ReadableDatabases opened;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const PartToOpen& part = parts[i];
        if (!part.remote) {
            opened.parts.push_back({part.source, part.path, open_local(part.path), false});
            continue;
        }
        std::string problem;
        try {
            Xapian::Database shard =
                opening[i].valid() ? opening[i].get() : open_checked_remote(part, remote.timeout);
            opened.parts.push_back({part.source, part.path, shard, true});
            continue;
        } catch (const Xapian::NetworkError& e) {
            problem = remote_problem(e, remote.timeout);
        } catch (const Xapian::Error& e) {
            problem = "could not be opened: " + e.get_description();
        }
        if (!remote.partial)
            throw DatabaseError(DatabaseError::Kind::Other, part.source, part.path + " " + problem);
        opened.missing.push_back({part.source, part.path, problem});
    }
    if (opened.parts.empty() && !opened.missing.empty()) {
        const MissingShard& first = opened.missing.front();
        throw DatabaseError(DatabaseError::Kind::Other, first.source,
                            "no shard answered (" + first.name + " " + first.problem + ")");
    }
    for (const OpenShard& part : opened.parts) opened.combined.add_database(part.db);
    return opened;
}

void read_documents(const ReadableDatabases& opened, const std::vector<Xapian::docid>& docids,
                    const DocumentReader& read) {
    const std::size_t shards = opened.parts.size();
    const bool all_remote =
        shards > 1 && std::all_of(opened.parts.begin(), opened.parts.end(),
                                  [](const OpenShard& part) { return part.remote; });
    if (!all_remote || docids.size() < 2) {
        for (std::size_t i = 0; i < docids.size(); ++i)
            read(0, i, opened.combined.get_document(docids[i]));
        return;
    }
    // Xapian numbers the documents of several databases by interleaving them; each remote
    // shard is one database. A thread per shard that holds some of the documents, each using
    // only its own shard's connection.
    std::vector<std::vector<std::size_t>> of_shard(shards);
    for (std::size_t i = 0; i < docids.size(); ++i) of_shard[(docids[i] - 1) % shards].push_back(i);
    std::vector<std::future<void>> reading;
    for (std::size_t shard = 0; shard < shards; ++shard) {
        if (of_shard[shard].empty()) continue;
        reading.push_back(std::async(std::launch::async, [&, shard] {
            const Xapian::Database& db = opened.parts[shard].db;
            for (std::size_t i : of_shard[shard])
                read(shard, i, db.get_document((docids[i] - 1) / shards + 1));
        }));
    }
    // Every thread ends before the first failure, if any, is passed on.
    for (std::future<void>& done : reading) done.wait();
    for (std::future<void>& done : reading) done.get();
}

std::vector<Xapian::Document> fetch_documents(const ReadableDatabases& opened,
                                              const std::vector<Xapian::docid>& docids) {
    std::vector<Xapian::Document> documents(docids.size());
    read_documents(opened, docids,
                   [&](std::size_t, std::size_t index, const Xapian::Document& doc) {
                       documents[index] = doc;
                   });
    return documents;
}

Xapian::Database open_readable(const std::vector<std::string>& paths) {
    return open_readable(paths, RemoteOptions()).combined;
}

}  // namespace newsindex
