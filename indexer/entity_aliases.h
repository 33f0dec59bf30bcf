// One canonical name and one type per entity across the collection. Within one article the
// extractor already names "Milley" after the "Mark Milley" the article also mentions; an
// article that only ever says "Milley" is named here, from what the whole collection says:
//
// - Full names. A person's last word ("Milley") stands for the full name most articles give
//   ("Mark Milley"), when that name is written in more than twice as many articles as any
//   other full name ending in the same word; otherwise the short name is ambiguous and stays
//   as written. A name that still starts with a title or rank ("Gen. Mark Milley", "State
//   Antony Blinken") counts as the name after it, and is renamed to it when that name stands
//   for its last word. An acronym ("ECB") stands for its expansion once any article defines
//   it ("European Central Bank (ECB)", a name whose capitals can spell it): the organisation
//   name written in the most articles among those the articles defined it as and (for three
//   letters or more) those whose initials spell it, so that a misspelt definition in one
//   story does not win.
// - Types. A one-word name takes the type most articles give it when used alone (person,
//   organisation or other; places are left as the gazetteer says): a lone "Putin" guessed to
//   be an organisation becomes the person, while "Labour", an organisation in most articles,
//   is never renamed into a person ("Old Labour"). An article reading a word as a person
//   counts four times when a full name stands for the word (collection_type() says why).
//
// What decides is counted per article (the number of articles that say it), and kept in the
// database's metadata (docs/schema.md: alias:, aliasn:, aliasa:): later runs know it, an article
// read again (the same id) replaces what it taught instead of counting twice, and the names
// depend only on the set of articles, not on their order or batches. Not thread-safe: used by
// IndexWriter on its thread.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "article.h"

namespace newsindex::indexer {

struct EntityAlias {
    EntityType type = EntityType::Other;  // the type the short name takes (never Place)
    std::string short_name;
    std::string full_name;  // equal to short_name when only the type changes
};

class EntityAliases {
  public:
    // Reads what earlier runs learned from store; store must outlive this object. store may be
    // the database save() writes to: it then sees what was saved before the commit.
    explicit EntityAliases(const Xapian::Database& store) : store_(store) {}

    // Counts what article (whose document has id_term) says about names. An article learned
    // before under the same id_term replaces what it said then.
    void learn(const std::string& id_term, const Article& article);

    // How the aliases changed since the last call: those now standing (new, or renaming more
    // types than before), to be applied to the documents of earlier batches, and those no
    // longer standing as they were (another full name won, the name became ambiguous, or a
    // type stopped being renamed), whose documents are to be made again (IndexWriter does it).
    struct Changes {
        std::vector<EntityAlias> learned;
        std::vector<EntityAlias> withdrawn;  // full_name: the name no longer given
    };
    Changes take_changes();

    // One entity renamed by resolve(): it had type old_type and name alias.short_name.
    struct Rename {
        EntityType old_type;
        EntityAlias alias;
    };

    // Renames article's one-word entities as the collection names them, and a person's name
    // that starts with a title to the full name it ends in when that full name is the one its
    // last word stands for ("Gen. Mark Milley" to "Mark Milley"), merging them with an entity
    // of that name already there. Returns what it renamed.
    std::vector<Rename> resolve(Article& article);

    // True while alias still stands: the short name has that type and full name.
    bool still_stands_for(const EntityAlias& alias);

    // The types of lone short names that alias renames now (empty when it does not stand).
    std::vector<EntityType> types_renamed(const EntityAlias& alias);

    // The titled names ("Gen. Mark Milley") that a person alias (short name "Milley", full
    // name "Mark Milley") renames now, as aliases of their own.
    std::vector<EntityAlias> titled_renamed(const EntityAlias& alias);

    // Articles per label, per subject (a type letter and a word): what claims add up to.
    using ClaimCounts = std::map<std::string, std::map<std::string, unsigned>>;

    // Adds the claims of every article recorded in store (aliasa: keys) to counts, except
    // those of an article whose key is in ids_seen (which gets the others' keys): an article
    // held by two parts of a build in parts counts once. Throws Xapian::Error.
    static void add_claims(const Xapian::Database& store, ClaimCounts& counts,
                           std::unordered_set<std::string>& ids_seen);

    // Replaces the tallies (aliasn:) and decisions (alias:) of database, which must be the
    // store this object reads, with those counted makes; take_changes() then tells how the
    // decisions changed. Returns the words counted. Throws Xapian::Error.
    std::set<std::string> rewrite_counts(Xapian::WritableDatabase& database,
                                         const ClaimCounts& counted);

    // rewrite_counts() with the claims of the store's own articles: for a database merged
    // from parts, whose tallies the compactor took from one part.
    std::set<std::string> recount(Xapian::WritableDatabase& database);

    // Takes it that no name stood for words before, so that take_changes() tells every alias
    // that stands for them now as learned: for documents written with the names their
    // articles give (IndexWriter::defer_collection_names()).
    void assume_undecided(const std::set<std::string>& words);

    // Writes what was learned since the last save() to the metadata of database, which must
    // be the database store reads (or its first shard), so that what is saved is read back.
    void save(Xapian::WritableDatabase& database);

  private:
    // Articles per label, for one subject: a type letter and a name ("PMilley": the full
    // names ending in Milley; "OECB": expansions of ECB; "TMilley": the types Milley has alone).
    using Tally = std::map<std::string, unsigned>;
    struct Decision {
        std::string full;     // "" none, kAmbiguous, else the name (may be the short one)
        std::string absorbs;  // type letters of lone short names renamed into it; N: titled
                              // names of a person's full name
        bool stands() const;
    };

    Tally& tally(const std::string& subject);
    std::set<std::string> claims_of(const Article& article) const;
    // The person (P) or acronym (O) full name of word, "" or kAmbiguous.
    std::string full_name_of(char type, const std::string& word);
    // The titled names counted for word (subject N) that end in full.
    std::vector<std::string> titled_names(const std::string& word, const std::string& full);
    // The type letter a lone word written as type takes across the collection.
    char collection_type(const std::string& word, char type);
    const Decision& decide(char type, const std::string& word);
    void touch(const std::string& word);

    const Xapian::Database& store_;
    std::unordered_map<std::string, Tally> tallies_;
    // tallies_ holds every subject that has counts (after rewrite_counts(), until save()
    // drops the cache): a subject not in it has none, and is not looked up in store_.
    bool all_tallies_cached_ = false;
    std::set<std::string> unsaved_tallies_;
    std::map<std::string, std::string> unsaved_claims_;    // id term -> claims
    std::unordered_map<std::string, Decision> decisions_;  // type letter + word
    std::map<std::string, Decision> before_;  // decisions as they stood at take_changes()
    std::set<std::string> unsaved_decisions_;
};

// Renames alias.short_name entities of alias.type in article to alias.full_name, merging
// counts and mentions. Returns true when article had such an entity.
bool rename_entity(Article& article, const EntityAlias& alias);

// rename_entity() for each of aliases in turn, in one pass over the entities and with one
// sort (most mentioned first) at the end, so that the cost grows with the entities and the
// aliases, not with their product. Two entities that end with the same type and name are
// merged. Returns, for each alias, whether it renamed an entity.
std::vector<bool> rename_entities(Article& article, const std::vector<EntityAlias>& aliases);

}  // namespace newsindex::indexer
