#include "collection_names.h"

#include <utility>

#include "entity_renames.h"

namespace newsindex::indexer {

CollectionNames::CollectionNames(const Xapian::Database& first_shard,
                                 const Xapian::Database& written,
                                 NameCounting::HoldersOf holders_of)
    : aliases_(first_shard),
      counting_(aliases_, written, std::move(holders_of)),
      written_(written) {}

std::vector<DocumentBuilder::EntityRename> CollectionNames::renames_for(Article& article) {
    std::vector<DocumentBuilder::EntityRename> renames;
    if (deferred_) return renames;
    for (auto& rename : aliases_.resolve(article))
        renames.push_back({rename.old_type, std::move(rename.alias.short_name), rename.alias.type,
                           std::move(rename.alias.full_name)});
    return renames;
}

void CollectionNames::settle_batch(std::vector<Xapian::WritableDatabase>& shards,
                                   DocumentBuilder& builder, const RemakeFiles& remake) {
    // What the batch taught changes the names of earlier documents; the documents made again
    // for it are read again, which may (when their files changed since) teach more.
    for (int round = 0; round < 4; ++round) {
        EntityAliases::Changes changes = aliases_.take_changes();
        if (deferred_) break;  // only the counts are kept, for the merge of the parts
        if (changes.learned.empty() && changes.withdrawn.empty()) break;
        rename_in_documents(shards, aliases_, changes.learned, builder);
        // A short name that no longer stands for a full name as it did (another full name
        // won, it became ambiguous, a type is no longer renamed): the documents named after
        // it are made again from their files, as a clean index (which knows every article
        // from the start) makes them. Those of this batch too: an article is named when it
        // is written, and one written before the article that withdrew the name took the
        // old one.
        if (!changes.withdrawn.empty()) remake(files_named_after(written_, changes.withdrawn));
    }
    aliases_.save(shards.front());
}

void CollectionNames::name_from(Xapian::WritableDatabase& first,
                                const EntityAliases::ClaimCounts& counted) {
    // The documents were written with the names their articles give: nothing stood before.
    aliases_.assume_undecided(aliases_.rewrite_counts(first, counted));
}

}  // namespace newsindex::indexer
