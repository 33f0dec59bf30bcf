#include "database.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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
                                       SchemaCheck schema_check) {
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
                opened.emplace(path, Xapian::DB_CREATE_OR_OPEN);
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

Xapian::Database open_readable(const std::vector<std::string>& paths) {
    Xapian::Database combined;
    for (const std::string& path : paths) {
        std::error_code ignored;
        if (!fs::exists(path, ignored)) {
            throw DatabaseError(
                DatabaseError::Kind::Missing, path,
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
                combined.add_database(one);
                break;
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
    return combined;
}

}  // namespace newsindex
