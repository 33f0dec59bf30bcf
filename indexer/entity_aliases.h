// One canonical name per entity across the collection. Within one article the extractor
// already names "Milley" after the "Mark Milley" the article also mentions; an article that
// only ever says "Milley" is named here, after the full names other articles gave: the short
// name is the last word of a multi-word name, or a one-word mention that article resolved to
// it ("NATO" for "North Atlantic Treaty Organization"). A short name that two different full
// names claim is ambiguous and stays as written. What is learned is kept in the database's
// metadata (schema::kAliasKeyPrefix), so later runs know it too. Not thread-safe: used by
// IndexWriter on its thread.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "article.h"

namespace newsindex::indexer {

struct EntityAlias {
    std::string type;  // "person", "org", "place", "other"
    std::string short_name;
    std::string full_name;
};

class EntityAliases {
  public:
    // Reads what earlier runs learned from store; store must outlive this object.
    explicit EntityAliases(const Xapian::Database& store) : store_(store) {}

    // Learns the full names of article's entities: returns the aliases new to the collection
    // (to be written with save() and applied to earlier documents).
    std::vector<EntityAlias> learn(const Article& article);

    // One entity renamed by resolve(): it had type old_type and name alias.short_name.
    struct Rename {
        std::string old_type;
        EntityAlias alias;
    };

    // Renames article's one-word entities whose full name is known, merging them with an
    // entity of that name already there. Returns what it renamed.
    std::vector<Rename> resolve(Article& article);

    // The aliases learn() found ambiguous since the last call: a second full name claimed
    // their short name, which must now stay as written. The documents named after the first
    // full name meanwhile are to be made again (IndexWriter does it).
    std::vector<EntityAlias> take_withdrawn();

    // True while short_name still stands for full_name alone (no other full name claimed it
    // since it was learned).
    bool still_stands_for(const EntityAlias& alias);

    // Writes the aliases learned since the last save() to the metadata of database.
    void save(Xapian::WritableDatabase& database);

  private:
    // The full name recorded for a short one, "" when none, kAmbiguous when several.
    const std::string& lookup(const std::string& key);

    const Xapian::Database& store_;
    std::unordered_map<std::string, std::string> known_;  // metadata key -> value
    std::vector<std::string> unsaved_keys_;
    std::vector<EntityAlias> withdrawn_;  // full_name: the name withdrawn
};

// The types of one-word entity an alias of alias_type renames: its own, and for a person also
// org and other, which the extractor guesses for a lone word it has no cue for (a surname
// known from other articles is the better guess).
std::vector<std::string> types_renamed_by(const std::string& alias_type);

// Renames alias.short_name entities of alias.type in article to alias.full_name, merging
// counts and mentions. Returns true when article had such an entity.
bool rename_entity(Article& article, const EntityAlias& alias);

// rename_entity() for each of aliases in turn, in one pass over the entities and with one
// sort (most mentioned first) at the end, so that the cost grows with the entities and the
// aliases, not with their product. Returns, for each alias, whether it renamed an entity.
std::vector<bool> rename_entities(Article& article, const std::vector<EntityAlias>& aliases);

}  // namespace newsindex::indexer
