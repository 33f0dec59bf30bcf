#include "status.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/version.h"
#include "database.h"
#include "errors.h"
#include "schema.h"
#include "settings.h"
#include "sources.h"
#include "summary.h"

namespace fs = std::filesystem;

namespace newsindex::indexer {

namespace {

std::size_t count_keys(const Xapian::Database& db, std::string_view prefix) {
    std::size_t count = 0;
    const std::string start(prefix);
    for (auto it = db.metadata_keys_begin(start); it != db.metadata_keys_end(start); ++it) ++count;
    return count;
}

// Whether a process holds Xapian's write lock on the database directory: its lock is an
// fcntl lock on the file "flintlock", which F_GETLK reports without taking it (so a status
// query never delays an indexer).
bool write_locked(const std::string& directory) {
    const int fd = ::open((directory + "/flintlock").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct flock query {};
    query.l_type = F_WRLCK;
    query.l_whence = SEEK_SET;
    query.l_start = 0;
    query.l_len = 0;
    const bool locked = ::fcntl(fd, F_GETLK, &query) == 0 && query.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

}  // namespace

DatabaseStatus read_status(const std::string& path) {
    std::error_code error;
    if (!fs::exists(path, error))
        throw DatabaseError(DatabaseError::Kind::Missing, path, "does not exist");
    DatabaseStatus status;
    status.path = fs::absolute(path, error).lexically_normal().string();
    status.entity_model = cli::entity_model_description();
    status.bytes_on_disk = newsindex::bytes_on_disk(path);
    try {
        std::string first_shard = path;
        if (is_sharded(path)) {
            status.shards = shard_paths(path);
            if (!status.shards.empty()) first_shard = status.shards.front();
            for (const std::string& shard : status.shards)
                status.locked = status.locked || write_locked(shard);
        } else {
            status.locked = write_locked(path);
        }
        // Opened as Xapian opens it, not with open_readable(): a database of another schema
        // version still has a status (which says so).
        const Xapian::Database all(path);
        const Xapian::Database first(first_shard);
        status.documents = all.get_doccount();
        status.schema_version = first.get_metadata(std::string(schema::kSchemaVersionKey));
        status.schema_current = status.schema_version == std::to_string(schema::kSchemaVersion);
        status.default_language = recorded_language(first);
        const RecordedSources recorded = read_sources(first, all.get_doccount());
        for (const std::string& directory : recorded.directories)
            status.sources.push_back(directory + "/");
        for (const RecordedFile& file : recorded.files)
            if (file.list.empty()) status.sources.push_back(file.path);
        for (const std::string& list : recorded.lists)
            status.sources.push_back("--files-from " + list);
        std::sort(status.sources.begin(), status.sources.end());
        status.stdin_streams = recorded.stdin_streams.size();
        status.stdin_documents = recorded.stdin_documents;
        for (const std::string& shard :
             status.shards.empty() ? std::vector<std::string>{path} : status.shards) {
            const Xapian::Database one(shard);
            status.files += count_keys(one, schema::kFileKeyPrefix);
            status.failed_files += count_keys(one, schema::kFailedKeyPrefix);
        }
        status.last_run = first.get_metadata(std::string(kLastRunKey));
    } catch (const Xapian::Error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, path,
                            "cannot be read: " + e.get_description());
    }
    return status;
}

void print_status_text(const DatabaseStatus& s, std::ostream& out) {
    out << "database:       " << s.path << "\n";
    out << "documents:      " << s.documents << "\n";
    out << "files:          " << s.files << " indexed";
    if (s.failed_files) out << ", " << s.failed_files << " failing (--retry-failed reads them)";
    out << "\n";
    out << "shards:         " << (s.shards.empty() ? 1 : s.shards.size()) << "\n";
    out << "schema version: " << (s.schema_version.empty() ? "none recorded" : s.schema_version)
        << (s.schema_current ? "" : " (this program needs --rebuild to use it)") << "\n";
    out << "entity model:   " << s.entity_model << "\n";
    out << "language:       "
        << (s.default_language.empty() ? "none set (undetected articles: English analysis)"
                                       : s.default_language + " (for undetected articles)")
        << "\n";
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MiB", s.bytes_on_disk / 1048576.0);
    out << "size on disk:   " << size << "\n";
    out << "writer:         " << (s.locked ? "an indexer holds the lock now" : "none (not locked)")
        << "\n";
    out << "sources:        " << (s.sources.empty() ? "none recorded" : "") << "\n";
    for (const std::string& source : s.sources) out << "  " << source << "\n";
    if (s.stdin_streams)
        out << "  standard input: " << s.stdin_streams << " streams, " << s.stdin_documents
            << " articles\n";
    out << "last change:    ";
    const auto record = nlohmann::json::parse(s.last_run, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
        out << "none recorded\n";
        return;
    }
    out << record.value("finished", std::string("?")) << ": " << record.value("added", 0)
        << " added, " << record.value("updated", 0) << " updated, " << record.value("deleted", 0)
        << " deleted, " << record.value("failed", 0) << " failed, of " << record.value("files", 0)
        << " files\n";
}

void print_status_json(const DatabaseStatus& s, std::ostream& out) {
    nlohmann::ordered_json json;
    json["status_version"] = 1;
    json["database"] = s.path;
    json["documents"] = s.documents;
    json["files"] = s.files;
    json["failed_files"] = s.failed_files;
    json["shards"] = s.shards.empty() ? 1 : s.shards.size();
    json["schema_version"] = s.schema_version;
    json["schema_current"] = s.schema_current;
    json["entity_model"] = s.entity_model;
    json["default_language"] = s.default_language.empty()
                                   ? nlohmann::ordered_json(nullptr)
                                   : nlohmann::ordered_json(s.default_language);
    json["bytes_on_disk"] = s.bytes_on_disk;
    json["locked"] = s.locked;
    json["sources"] = s.sources;
    json["stdin_streams"] = s.stdin_streams;
    json["stdin_documents"] = s.stdin_documents;
    const auto record = nlohmann::ordered_json::parse(s.last_run, nullptr, false);
    json["last_run"] = record.is_discarded() ? nullptr : record;
    out << json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace newsindex::indexer
