#include "database.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
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
                            ours + "; rebuild it with: indexer --rebuild --db " + path + " PATH...");
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

Xapian::WritableDatabase open_writable(const std::string& path, std::chrono::milliseconds lock_wait,
                                       SchemaCheck schema_check) {
    // Xapian 1.4 either fails at once on a held lock or waits for ever (DB_RETRY_LOCK); a
    // bounded wait is a loop of attempts.
    constexpr auto kRetryInterval = std::chrono::milliseconds(100);
    const auto deadline = std::chrono::steady_clock::now() + lock_wait;
    try {
        fs::path parent = fs::path(path).parent_path();
        if (!parent.empty()) fs::create_directories(parent);
        std::optional<Xapian::WritableDatabase> opened;
        while (!opened) {
            try {
                opened.emplace(path, Xapian::DB_CREATE_OR_OPEN);
            } catch (const Xapian::DatabaseLockError&) {
                if (std::chrono::steady_clock::now() + kRetryInterval > deadline) throw;
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
    } catch (const Xapian::DatabaseLockError& e) {
        throw DatabaseError(DatabaseError::Kind::Locked, path,
                            "locked by another indexer (waited " + seconds_text(lock_wait) +
                                " s): " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
    } catch (const fs::filesystem_error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, path, e.code().message());
    }
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
                if (attempt == kAttempts) throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
            } catch (const Xapian::DatabaseCorruptError& e) {
                if (attempt == kAttempts) throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
            } catch (const Xapian::Error& e) {
                throw DatabaseError(DatabaseError::Kind::Other, path, e.get_description());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        }
    }
    return combined;
}

}  // namespace newsindex
