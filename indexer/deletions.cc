#include "deletions.h"

#include <algorithm>

namespace newsindex::indexer {

bool same_as_deleted(const schema::DeletedArticle& deleted, const schema::FileState& file) {
    for (const schema::FileState& then : deleted.files) {
        if (then.path != file.path) continue;
        return then.size == file.size && then.mtime_ns == file.mtime_ns &&
               (then.content_hash.empty() || file.content_hash.empty() ||
                then.content_hash == file.content_hash);
    }
    return false;
}

bool same_stdin_article(const schema::DeletedArticle& deleted, const std::string& content_hash) {
    return deleted.files.empty() &&
           std::find(deleted.content_hashes.begin(), deleted.content_hashes.end(), content_hash) !=
               deleted.content_hashes.end();
}

void Deletions::load(const Xapian::Database& db) {
    const std::string prefix(schema::kDeletedKeyPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        schema::DeletedArticle deleted;
        if (schema::decode_deleted_article(db.get_metadata(*it), deleted)) add(std::move(deleted));
    }
}

void Deletions::add(schema::DeletedArticle deleted) {
    erase(deleted.id);
    for (const schema::FileState& file : deleted.files)
        ids_by_path_[file.path].push_back(deleted.id);
    std::string id = deleted.id;
    by_id_.emplace(std::move(id), std::move(deleted));
}

void Deletions::erase(const std::string& id) {
    const auto found = by_id_.find(id);
    if (found == by_id_.end()) return;
    for (const schema::FileState& file : found->second.files) {
        auto ids = ids_by_path_.find(file.path);
        if (ids == ids_by_path_.end()) continue;
        ids->second.erase(std::remove(ids->second.begin(), ids->second.end(), id),
                          ids->second.end());
        if (ids->second.empty()) ids_by_path_.erase(ids);
    }
    by_id_.erase(found);
}

const schema::DeletedArticle* Deletions::find(const std::string& id) const {
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : &found->second;
}

std::vector<std::string> Deletions::of_file(const std::string& path) const {
    const auto found = ids_by_path_.find(path);
    return found == ids_by_path_.end() ? std::vector<std::string>{} : found->second;
}

std::vector<const schema::DeletedArticle*> Deletions::all() const {
    std::vector<const schema::DeletedArticle*> records;
    for (const auto& entry : by_id_) records.push_back(&entry.second);
    return records;
}

}  // namespace newsindex::indexer
