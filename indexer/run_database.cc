#include "run_database.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "database.h"
#include "document_builder.h"
#include "errors.h"
#include "prepare.h"

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

// A file system error met while working on the database at path, as a DatabaseError that
// names the file at fault when it is not the database directory itself.
DatabaseError database_error(const std::string& path, const std::string& doing,
                             const fs::filesystem_error& e) {
    std::string problem = doing + ": ";
    if (!e.path1().empty() && e.path1() != fs::path(path)) problem += e.path1().string() + ": ";
    return DatabaseError(DatabaseError::Kind::Other, path, problem + e.code().message());
}

IndexSummary index_into_unchecked(const std::string& path, const IndexOptions& options,
                                  const RunCallbacks& callbacks, const WriterWork& work) {
    std::error_code error;
    const bool sharded = options.shards > 0 || is_sharded(path);
    if (options.dry_run) {
        std::vector<Xapian::Database> readers;
        if (fs::exists(path, error)) {
            for (const std::string& shard :
                 sharded ? shard_paths(path) : std::vector<std::string>{path})
                readers.push_back(open_readable({shard}));
        } else {
            readers.resize(std::max(1u, options.shards));  // empty databases: everything is new
        }
        DrySink nothing_written;
        IndexWriter writer(nothing_written, readers, callbacks.messages, false);
        return work(writer);
    }
    std::vector<Xapian::WritableDatabase> shards;
    if (sharded) {
        try {
            shards = open_writable_shards(path, options.shards, options.lock_wait);
        } catch (const fs::filesystem_error& e) {
            throw database_error(path, "cannot create the sharded database", e);
        }
    } else {
        shards.push_back(open_writable(path, options.lock_wait, SchemaCheck::Check,
                                       options.sync ? 0 : Xapian::DB_NO_SYNC));
    }
    std::vector<Xapian::Database> readers(shards.begin(), shards.end());
    ShardSink sink(shards);
    IndexWriter writer(sink, readers, callbacks.messages, options.spelling);
    writer.set_commit_threshold(options.commit_changes, options.commit_bytes);
    // The writer reads again the files that share a document with a changed one.
    DocumentBuilder reread_builder(false);
    writer.set_file_reader([&](const std::string& file, const schema::FileState& found) {
        FileJob job;
        job.path = file;
        job.found = found;
        job.full = true;
        note_deletions(job, writer.deletions());
        return prepare_file(job, reread_builder, options.read_options);
    });
    if (options.deletions_from) writer.carry_deletions(*options.deletions_from);
    return work(writer);
}

// The directory of the database at path (each shard's, when sharded) that the process may
// not write into, as "DIRECTORY is not writable (REASON)"; empty when all may be written.
std::string unwritable_directory(const std::string& path) {
    std::vector<std::string> directories{path};
    try {
        if (is_sharded(path)) directories = shard_paths(path);
    } catch (const DatabaseError&) {
        // An unreadable stub: the error at hand is the better explanation.
    }
    for (const std::string& directory : directories) {
        if (::access(directory.c_str(), W_OK) != 0 && (errno == EACCES || errno == EROFS))
            return directory + " is not writable (" + std::strerror(errno) + ")";
    }
    return {};
}

// What a Xapian error met while the run wrote to the database at path means to the user. A
// write that the system refused (a full disk, a file size limit, a quota, a directory that is
// not writable) is named as such with the system's reason, and says what became of the
// database: Xapian commits atomically, so the last commit stays whole and the next run goes
// on from it. Anything else (a corrupt table) keeps Xapian's own description.
// database_error: e is a Xapian::DatabaseError (Xapian::Error has no virtual functions to
// ask).
std::string describe_database_failure(const std::string& path, const Xapian::Error& e,
                                      bool database_error) {
    static const std::string kKept =
        "; the last commit stays whole and searchable, and the next run goes on from it";
    if (const char* cause = e.get_error_string()) {
        for (int refused : {ENOSPC, EFBIG, EDQUOT, EROFS, EACCES, EPERM}) {
            if (std::strcmp(cause, std::strerror(refused)) == 0)
                return "cannot write: " + std::string(cause) + " (" + e.get_msg() + ")" + kKept;
        }
    }
    // Xapian reports a revision file it could not make in a read-only directory without the
    // system's reason: the directory says it.
    if (database_error) {
        const std::string directory = unwritable_directory(path);
        if (!directory.empty()) return "cannot write: the directory " + directory + kKept;
    }
    return e.get_description();
}

}  // namespace

IndexSummary with_writer(const std::string& path, const IndexOptions& options,
                         const RunCallbacks& callbacks, const WriterWork& work) {
    try {
        return index_into_unchecked(path, options, callbacks, work);
    } catch (const Xapian::DatabaseError& e) {
        throw DatabaseError(DatabaseError::Kind::Other, path,
                            describe_database_failure(path, e, true));
    } catch (const Xapian::Error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, path,
                            describe_database_failure(path, e, false));
    } catch (const fs::filesystem_error& e) {
        throw database_error(path, "file system error", e);
    }
}

}  // namespace newsindex::indexer
