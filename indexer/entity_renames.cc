#include "entity_renames.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "entities/casing.h"
#include "schema.h"

namespace newsindex::indexer {

std::size_t rename_in_documents(std::vector<Xapian::WritableDatabase>& shards,
                                EntityAliases& aliases, const std::vector<EntityAlias>& learned,
                                DocumentBuilder& builder) {
    // Gathered per document first, so that a document with many of the new short names is
    // read, renamed and written once, not once per name. Ordered, so the renames of a
    // document come in the order the aliases were learned.
    std::map<std::pair<std::size_t, Xapian::docid>, std::vector<std::pair<EntityType, EntityAlias>>>
        renames_of;  // (shard, docid) -> (type written, alias)
    for (const EntityAlias& alias : learned) {
        // (type written, alias): lone short names of each type the alias renames, and the
        // titled names of its full name, which are aliases of their own.
        std::vector<std::pair<EntityType, EntityAlias>> wanted;
        for (EntityType type : aliases.types_renamed(alias)) wanted.emplace_back(type, alias);
        for (EntityAlias& titled : aliases.titled_renamed(alias))
            wanted.emplace_back(titled.type, std::move(titled));
        for (const auto& [type, renaming] : wanted) {
            const std::string term = schema::boolean_term(
                std::string(schema::kEntityExactPrefix) + schema::entity_type_letter(type),
                renaming.short_name);
            for (std::size_t shard = 0; shard < shards.size(); ++shard) {
                Xapian::WritableDatabase& database = shards[shard];
                // Most short names were never written alone; asking is cheaper than opening
                // a posting list, which flushes the term's pending changes first.
                if (!database.term_exists(term)) continue;
                for (auto it = database.postlist_begin(term); it != database.postlist_end(term);
                     ++it)
                    renames_of[{shard, *it}].emplace_back(type, renaming);
            }
        }
    }
    std::size_t rewritten = 0;
    for (const auto& [where, renames] : renames_of) {
        Xapian::WritableDatabase& shard = shards[where.first];
        Xapian::Document doc = shard.get_document(where.second);
        Article article = schema::decode_record(doc.get_data());
        // An entity written as another type the alias renames (types_renamed()) takes the
        // alias's type first. Found by name, not by a walk of the entities per alias.
        std::unordered_map<std::string, std::vector<std::size_t>> by_name;
        for (std::size_t i = 0; i < article.entities.size(); ++i)
            by_name[article.entities[i].name].push_back(i);
        std::vector<EntityAlias> aliases;
        for (const auto& [type, alias] : renames) {
            if (auto found = by_name.find(alias.short_name); found != by_name.end())
                for (std::size_t i : found->second)
                    if (article.entities[i].type == type) article.entities[i].type = alias.type;
            aliases.push_back(alias);
        }
        const std::vector<bool> renamed = rename_entities(article, aliases);
        std::vector<DocumentBuilder::EntityRename> done;
        for (std::size_t i = 0; i < renames.size(); ++i)
            if (renamed[i])
                done.push_back({renames[i].first, aliases[i].short_name, aliases[i].type,
                                aliases[i].full_name});
        if (done.empty()) continue;
        builder.rename_entities(doc, article, done);
        shard.replace_document(where.second, doc);
        ++rewritten;
    }
    return rewritten;
}

std::set<std::string> files_named_after(const Xapian::Database& all_shards,
                                        const std::vector<EntityAlias>& withdrawn) {
    std::set<std::string> paths;
    for (const EntityAlias& alias : withdrawn) {
        const std::string term = schema::boolean_term(
            std::string(schema::kEntityExactPrefix) + schema::entity_type_letter(alias.type),
            alias.full_name);
        const std::string short_lower = entities::to_lower(alias.short_name);
        for (auto it = all_shards.postlist_begin(term); it != all_shards.postlist_end(term); ++it) {
            const Article record = schema::decode_record(all_shards.get_document(*it).get_data());
            // Whether the alias named it cannot be told from the record, which keeps only
            // the forms with words the name lacks, nor from the text (an article may write
            // "General Motors" once and "GM" alone, not defined, elsewhere): every document
            // of the full name that writes the short name somewhere is made again.
            // Without case: the recogniser reads a headline in capitals ("MURPHY RAISES
            // ...") as the name it writes.
            const bool mentions_short =
                entities::to_lower(record.title).find(short_lower) != std::string::npos ||
                entities::to_lower(record.body).find(short_lower) != std::string::npos;
            const bool renamed =
                mentions_short && std::any_of(record.entities.begin(), record.entities.end(),
                                              [&](const ArticleEntity& entity) {
                                                  return entity.type == alias.type &&
                                                         entity.name == alias.full_name;
                                              });
            if (renamed && !record.source_path.empty()) paths.insert(record.source_path);
        }
    }
    return paths;
}

}  // namespace newsindex::indexer
