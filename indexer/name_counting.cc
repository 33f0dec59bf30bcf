#include "name_counting.h"

#include <algorithm>
#include <utility>

#include "schema.h"

namespace newsindex::indexer {

NameCounting::NameCounting(EntityAliases& aliases, const Xapian::Database& written,
                           HoldersOf holders_of)
    : aliases_(aliases), written_(written), holders_of_(std::move(holders_of)) {}

NameCounting::RemakingScope::RemakingScope(NameCounting& counting, std::string path,
                                           std::optional<std::set<std::string>> ids)
    : counting_(counting) {
    counting_.remaking_ = Remaking{std::move(path), std::move(ids)};
}

void NameCounting::learn(const std::string& id_term, const Article& article,
                         const std::string& path) {
    if (path.empty()) {  // from standard input
        aliases_.learn(id_term, article);
        return;
    }
    if (named_by_earlier_file(id_term, path)) return;
    aliases_.learn(id_term, article);
    std::string& first = named_in_batch_[id_term];
    if (first.empty() || path < first) first = path;
}

bool NameCounting::named_by_earlier_file(const std::string& id_term,
                                         const std::string& path) const {
    const auto in_batch = named_in_batch_.find(id_term);
    if (in_batch != named_in_batch_.end() && in_batch->second < path) return true;
    // The file an id is the own id of a document for: the file its text comes from. (Ids
    // folded into a document by text, XQ terms, do not tell which of its files gave them.)
    if (!written_.term_exists(id_term)) return false;
    for (auto it = written_.postlist_begin(id_term); it != written_.postlist_end(id_term); ++it) {
        const std::vector<std::string> holders = holders_of_(*it);
        if (std::none_of(holders.begin(), holders.end(),
                         [&](const std::string& holder) { return holder < path; }))
            continue;
        const std::string kept =
            schema::decode_record(written_.get_document(*it).get_data()).source_path;
        if (kept.empty() || kept >= path) continue;
        // The file being made again names the id only if it still gives it.
        if (remaking_ && kept == remaking_->path && remaking_->ids &&
            !remaking_->ids->count(id_term))
            continue;
        return true;
    }
    return false;
}

}  // namespace newsindex::indexer
