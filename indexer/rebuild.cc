#include "rebuild.h"

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "database.h"
#include "errors.h"
#include "parallel_build.h"
#include "run_database.h"
#include "schema.h"
#include "settings.h"
#include "sources.h"

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

// "A, B, C and 4 more", for a message.
std::string listed(const std::vector<std::string>& names) {
    constexpr std::size_t kShown = 5;
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < kShown; ++i)
        text += (i == 0 ? "" : ", ") + names[i];
    if (names.size() > kShown) text += " and " + std::to_string(names.size() - kShown) + " more";
    return text;
}

// Decides what a rebuild reads, from options and the old database's records (sources.h):
// no inputs -> the recorded sources; inputs that leave recorded sources out -> UsageError
// unless drop_sources. Sets fresh's inputs and what to carry over from old_all.
void plan_rebuild(IndexOptions& fresh, const std::vector<Xapian::WritableDatabase>& old_shards,
                  const Xapian::Database& old_all) {
    const bool given = !fresh.inputs.empty() || !fresh.files_from.empty();
    if (old_shards.empty()) {
        if (!given) throw UsageError("--rebuild of a database that does not exist needs inputs");
        return;
    }
    const Xapian::Database& first = old_shards.front();
    const RecordedSources recorded = read_sources(first, old_all.get_doccount());
    const bool same_schema = first.get_metadata(std::string(schema::kSchemaVersionKey)) ==
                             std::to_string(schema::kSchemaVersion);
    if (!given) {
        if (!recorded.known)
            throw UsageError(
                "--rebuild without inputs: this database does not record what it was indexed "
                "from (it was made before sources were recorded); name them, as in 'indexer "
                "--rebuild DIR...'");
        fresh.inputs = inputs_of(recorded);
        if (fresh.inputs.empty() && recorded.stdin_documents == 0)
            throw UsageError("--rebuild without inputs: the database records no sources");
    } else if (!fresh.drop_sources) {
        std::vector<std::string> inputs;
        std::error_code error;
        for (const std::string& input : fresh.inputs)
            inputs.push_back(input == "-" ? input
                                          : fs::absolute(input, error).lexically_normal().string());
        const std::string list =
            fresh.files_from.empty() || fresh.files_from == "-"
                ? fresh.files_from
                : fs::absolute(fresh.files_from, error).lexically_normal().string();
        const std::vector<std::string> dropped = sources_not_covered(recorded, inputs, list);
        if (!dropped.empty())
            throw UsageError(
                "--rebuild would drop " + std::to_string(dropped.size()) + " source" +
                (dropped.size() == 1 ? "" : "s") +
                " the database was indexed from and that are not named here: " + listed(dropped) +
                "; name them too, or add --drop-sources to drop them");
    }
    if (fresh.drop_sources || recorded.stdin_documents == 0) return;
    if (!same_schema)
        throw UsageError("--rebuild cannot carry over the " +
                         std::to_string(recorded.stdin_documents) +
                         " articles from standard input of a database of another schema "
                         "version; send them again with '-', or add --drop-sources");
    fresh.carry_from = &old_all;
    fresh.carry_from_first_shard = &first;
}

}  // namespace

IndexSummary rebuild(const IndexOptions& options, const RunCallbacks& callbacks,
                     const RunWork& run) {
    const std::string& target = options.database_path;
    const std::string building = target + ".rebuild";
    std::error_code error;
    const bool target_exists = fs::exists(target, error);
    // Holding the old database's locks keeps other indexers from writing changes that the
    // swap would throw away.
    std::vector<Xapian::WritableDatabase> old_locks;
    if (target_exists) {
        for (const std::string& shard :
             is_sharded(target) ? shard_paths(target) : std::vector<std::string>{target})
            old_locks.push_back(open_writable(shard, options.lock_wait, SchemaCheck::Skip));
    }
    Xapian::Database old_all;
    for (const Xapian::WritableDatabase& shard : old_locks) old_all.add_database(shard);
    IndexOptions fresh = options;
    std::string old_language;
    Deletions old_deletions;
    try {
        plan_rebuild(fresh, old_locks, old_all);
        if (!old_locks.empty()) {
            old_language = recorded_language(old_locks.front());
            old_deletions.load(old_locks.front());
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, target, e.get_description());
    }
    // The new database is empty: it takes --language, else keeps the old default. Articles
    // carried over from standard input cannot be read again in the new one.
    fresh.read_options.default_language = fresh.language.empty() ? old_language : fresh.language;
    if (fresh.carry_from && fresh.read_options.default_language != old_language)
        throw UsageError(
            "--rebuild --language " + fresh.language +
            " cannot analyse again the articles from standard input the database holds; send "
            "them again with '-', or add --drop-sources");
    fs::remove_all(building, error);
    fresh.database_path = building;
    fresh.full = true;
    fresh.prune = false;
    // A sharded database keeps its shard count unless --shards gives another.
    if (fresh.shards == 0 && target_exists && is_sharded(target))
        fresh.shards = static_cast<unsigned>(old_locks.size());
    // What --delete removed stays out of the new database, until its files change.
    if (!old_locks.empty()) fresh.deletions_from = &old_deletions;
    IndexSummary summary = builds_in_parts(fresh)
                               ? build_in_parts(fresh, callbacks, run)
                               : with_writer(building, fresh, callbacks, [&](IndexWriter& writer) {
                                     return run(fresh, writer);
                                 });
    if (summary.stopped_by_signal) {
        fs::remove_all(building, error);
        summary.work_discarded = true;
        return summary;
    }
    if (target_exists) {
        if (::renameat2(AT_FDCWD, building.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) !=
            0) {
            throw DatabaseError(
                DatabaseError::Kind::Other, target,
                std::string("cannot swap in the rebuilt database: ") + std::strerror(errno));
        }
        old_locks.clear();
        fs::remove_all(building, error);  // now the old database
    } else {
        fs::rename(building, target, error);
        if (error)
            throw DatabaseError(
                DatabaseError::Kind::Other, target,
                "cannot move the rebuilt database " + building + " into place: " + error.message());
    }
    return summary;
}

}  // namespace newsindex::indexer
