// The articles removed with `indexer --delete` (schema::DeletedArticle), as the indexer
// consults them while it indexes: which articles of a file to leave out, and which records a
// changed file or a changed article from standard input makes stale. Held in memory for a
// run (a few per deletion; the records are read once, from the first shard's metadata).
// Not thread-safe; the pure functions are.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "schema.h"

namespace newsindex::indexer {

// Whether file, as found now, is the file the record names in the state it had when the
// article was deleted: the same path, size and mtime, and, when both are known (not empty),
// the same content hash. A touched file differs, so `touch FILE` brings its deleted articles
// back at the next run.
bool same_as_deleted(const schema::DeletedArticle& deleted, const schema::FileState& file);

// Whether an article from standard input with this content hash is one left out: the record
// names no file (it came from standard input) and the article's text is unchanged.
bool same_stdin_article(const schema::DeletedArticle& deleted, const std::string& content_hash);

class Deletions {
  public:
    // Reads every record under schema::kDeletedKeyPrefix of db (the first shard); records that
    // do not decode are ignored (a newer writer's). Throws Xapian::Error.
    void load(const Xapian::Database& db);

    // Adds or replaces the record of deleted.id.
    void add(schema::DeletedArticle deleted);
    // Drops the record of id, if any.
    void erase(const std::string& id);

    // The record of id (as its id term holds it, without the prefix), or nullptr.
    const schema::DeletedArticle* find(const std::string& id) const;
    // The ids of the records that name path among their files.
    std::vector<std::string> of_file(const std::string& path) const;
    // Every record, in no particular order.
    std::vector<const schema::DeletedArticle*> all() const;
    bool empty() const { return by_id_.empty(); }

  private:
    std::unordered_map<std::string, schema::DeletedArticle> by_id_;
    std::unordered_map<std::string, std::vector<std::string>> ids_by_path_;
};

}  // namespace newsindex::indexer
