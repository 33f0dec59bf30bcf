// Carrying the collection's names (entity_aliases.h) into documents already written: the
// documents of earlier batches that wrote a short name a new alias now stands for, and the
// files whose documents took a name from an alias that no longer stands. IndexWriter decides
// when (at the end of each batch) and makes the files again; these find and rename. Not
// thread-safe: used on the writer's thread.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "document_builder.h"
#include "entity_aliases.h"

namespace newsindex::indexer {

// Renames, in every shard, the entities that the aliases in learned now name: each document
// holding a short name (of a type the alias renames, or a titled form of its full name) is
// read, renamed in its stored record and terms (builder), and written once, however many of
// the names it holds. aliases answers which types and titled forms each alias renames.
// Returns the number of documents rewritten. Throws Xapian::Error.
std::size_t rename_in_documents(std::vector<Xapian::WritableDatabase>& shards,
                                EntityAliases& aliases, const std::vector<EntityAlias>& learned,
                                DocumentBuilder& builder);

// The files (source paths) of the documents that an alias in withdrawn may have named: those
// holding its full name as an entity of its type whose title or body writes the short name, in any
// case.
// Their documents are to be made again from the files. Throws Xapian::Error.
std::set<std::string> files_named_after(const Xapian::Database& all_shards,
                                        const std::vector<EntityAlias>& withdrawn);

}  // namespace newsindex::indexer
