// The collection's entity names while a run writes (entity_aliases.h): which full name each
// short name stands for, which article of an id counts for it (NameCounting), the renames an
// article takes when it is written, and, at the end of each batch, carrying what the batch
// taught into the documents already written. IndexWriter owns one and decides nothing about
// names itself; it makes files again when asked. Not thread-safe: used on the writer's thread.
#pragma once

#include <xapian.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "article.h"
#include "document_builder.h"
#include "entity_aliases.h"
#include "name_counting.h"

namespace newsindex::indexer {

class CollectionNames {
  public:
    // first_shard: where the names are recorded (its metadata); written: every shard as one,
    // as the run has changed it. Both must outlive this object.
    CollectionNames(const Xapian::Database& first_shard, const Xapian::Database& written,
                    NameCounting::HoldersOf holders_of);
    CollectionNames(const CollectionNames&) = delete;
    CollectionNames& operator=(const CollectionNames&) = delete;

    // Which article of an id counts: learn(), batch_written(), RemakingScope.
    NameCounting& counting() { return counting_; }

    // The article of id_term is gone from the collection (its file no longer gives it).
    void forget(const std::string& id_term) { aliases_.learn(id_term, Article{}); }

    // Names are only counted, and given once the parts of a build are merged
    // (IndexWriter::defer_collection_names()).
    void defer() { deferred_ = true; }

    // The renames article takes as the collection's names stand now: none while deferred.
    std::vector<DocumentBuilder::EntityRename> renames_for(Article& article);

    // Makes the documents of the files at paths again (the writer: from their files).
    using RemakeFiles = std::function<void(const std::set<std::string>& paths)>;

    // Ends a batch: renames in the documents of shards the names the batch taught, has the
    // files named after withdrawn names made again (remake), which may teach more (at most
    // four rounds), and records the names in the first shard's metadata with its next
    // commit. While deferred, only records the counts. Throws Xapian::Error.
    void settle_batch(std::vector<Xapian::WritableDatabase>& shards, DocumentBuilder& builder,
                      const RemakeFiles& remake);

    // A database merged from named parts: its names become those that counted (the claims
    // of every part) make, as if none stood before. first: the merged database's first
    // shard. Throws Xapian::Error.
    void name_from(Xapian::WritableDatabase& first, const EntityAliases::ClaimCounts& counted);

    // Counts the names again from the articles first holds (a merged database counted an
    // article two parts held twice). Throws Xapian::Error.
    void recount(Xapian::WritableDatabase& first) { aliases_.recount(first); }

  private:
    EntityAliases aliases_;  // reads the first shard's metadata, writes it at settle_batch()
    NameCounting counting_;  // which article of an id aliases_ counts
    const Xapian::Database& written_;
    bool deferred_ = false;
};

}  // namespace newsindex::indexer
