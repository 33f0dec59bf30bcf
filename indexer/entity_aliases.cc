#include "entity_aliases.h"

#include <algorithm>
#include <unordered_map>

#include "schema.h"
#include "text/strings.h"

namespace newsindex::indexer {

namespace {

// A value no name can have: annotate() collapses white space, so no name holds a tab.
const std::string kAmbiguous = "\t";
const std::string kNone;

std::string alias_key(const std::string& type, const std::string& short_name) {
    return schema::alias_key(type, short_name);
}

bool is_one_word(const std::string& name) {
    return name.find(' ') == std::string::npos;
}

// Two to four words, each capitalised or a name particle ("Ursula von der Leyen"), none of
// them a connector that joins two names ("Larry Johnson of the Corn Growers", "U.S. And
// Canadian"): the shape of a person's name, whose last word may stand for it.
bool person_name_shape(const std::string& name) {
    static const char* const kParticles[] = {"von", "van", "der", "den", "de",  "del", "da",
                                             "di",  "du",  "la",  "le",  "bin", "ibn", "al"};
    std::size_t words = 0;
    for (std::string_view word : text::split(name, " ")) {
        ++words;
        if (word.empty()) return false;
        const bool particle =
            std::find(std::begin(kParticles), std::end(kParticles), word) != std::end(kParticles);
        if (!particle && !(word[0] >= 'A' && word[0] <= 'Z') &&
            static_cast<unsigned char>(word[0]) < 0x80)
            return false;
        if (word == "And" || word == "Of" || word == "The") return false;
    }
    return words >= 2 && words <= 4;
}

// An acronym: two or more capital letters, digits or dots, at least two letters ("NATO",
// "IMF", "G7").
bool is_acronym(const std::string& word) {
    std::size_t letters = 0;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z')
            ++letters;
        else if (!(c >= '0' && c <= '9') && c != '.')
            return false;
    }
    return letters >= 2;
}

// "Milley" of "Mark Milley"; none for a last word that is not a capitalised word of letters
// ("Group of 20", "Nord Stream 2"), which would not be a name on its own.
std::string last_word(const std::string& name) {
    if (!person_name_shape(name)) return {};
    const std::size_t space = name.rfind(' ');
    if (space == std::string::npos) return {};
    std::string word = name.substr(space + 1);
    if (word.size() < 2 || !(word[0] >= 'A' && word[0] <= 'Z')) return {};
    for (char c : word)
        if ((c >= '0' && c <= '9') || c == '.') return {};
    return word;
}

}  // namespace

const std::string& EntityAliases::lookup(const std::string& key) {
    auto found = known_.find(key);
    if (found == known_.end()) found = known_.emplace(key, store_.get_metadata(key)).first;
    return found->second;
}

std::vector<EntityAlias> EntityAliases::learn(const Article& article) {
    std::vector<EntityAlias> learned;
    for (const ArticleEntity& entity : article.entities) {
        if (is_one_word(entity.name)) continue;
        std::vector<std::string> short_names;
        if (entity.type == "person") {
            if (std::string last = last_word(entity.name); !last.empty())
                short_names.push_back(std::move(last));
        }
        // An organisation's acronym, as the article defined it ("NATO" for "North Atlantic
        // Treaty Organization"). Other one-word forms the extractor resolved are left to the
        // article: across a collection they join too much ("Iranian" to "Iranian crude").
        if (entity.type == "org") {
            for (const std::string& mention : entity.mentions)
                if (is_one_word(mention) && is_acronym(mention)) short_names.push_back(mention);
        }
        for (const std::string& short_name : short_names) {
            const std::string key = alias_key(entity.type, short_name);
            const std::string known = lookup(key);
            if (known == entity.name || known == kAmbiguous) continue;
            known_[key] = known.empty() ? entity.name : kAmbiguous;
            // Documents already named after the first full name must be named again.
            if (!known.empty()) withdrawn_.push_back({entity.type, short_name, known});
            unsaved_keys_.push_back(key);
            if (known_[key] != kAmbiguous)
                learned.push_back({entity.type, short_name, entity.name});
        }
    }
    return learned;
}

std::vector<EntityAliases::Rename> EntityAliases::resolve(Article& article) {
    // Collected first: renaming merges entities and so changes the vector.
    std::vector<Rename> renames;
    for (ArticleEntity& entity : article.entities) {
        if (!is_one_word(entity.name)) continue;
        const std::string old_type = entity.type;
        const std::string* full = &lookup(alias_key(entity.type, entity.name));
        if (full->empty()) {
            // Another type's alias that may rename this one (types_renamed_by()).
            for (const char* other : {"person", "org", "place", "other"}) {
                if (other == entity.type) continue;
                const auto types = types_renamed_by(other);
                if (std::find(types.begin(), types.end(), entity.type) == types.end()) continue;
                const std::string& candidate = lookup(alias_key(other, entity.name));
                if (candidate.empty() || candidate == kAmbiguous) continue;
                entity.type = other;
                full = &candidate;
                break;
            }
        }
        if (!full->empty() && *full != kAmbiguous)
            renames.push_back({old_type, {entity.type, entity.name, *full}});
    }
    std::vector<EntityAlias> aliases;
    for (const Rename& rename : renames) aliases.push_back(rename.alias);
    const std::vector<bool> renamed = rename_entities(article, aliases);
    std::vector<Rename> done;
    for (std::size_t i = 0; i < renames.size(); ++i)
        if (renamed[i]) done.push_back(std::move(renames[i]));
    return done;
}

std::vector<EntityAlias> EntityAliases::take_withdrawn() {
    std::vector<EntityAlias> withdrawn;
    withdrawn.swap(withdrawn_);
    return withdrawn;
}

bool EntityAliases::still_stands_for(const EntityAlias& alias) {
    return lookup(alias_key(alias.type, alias.short_name)) == alias.full_name;
}

void EntityAliases::save(Xapian::WritableDatabase& database) {
    for (const std::string& key : unsaved_keys_) database.set_metadata(key, known_[key]);
    unsaved_keys_.clear();
}

std::vector<std::string> types_renamed_by(const std::string& alias_type) {
    if (alias_type == "person") return {"person", "org", "other"};
    return {alias_type};
}

bool rename_entity(Article& article, const EntityAlias& alias) {
    return rename_entities(article, {alias}).front();
}

std::vector<bool> rename_entities(Article& article, const std::vector<EntityAlias>& aliases) {
    std::vector<bool> renamed(aliases.size(), false);
    auto& entities = article.entities;
    // Where each (type, name) is: the first entity of it, as a search from the front finds.
    auto key = [](const std::string& type, const std::string& name) { return type + '\t' + name; };
    std::unordered_map<std::string, std::size_t> where;
    for (std::size_t i = 0; i < entities.size(); ++i)
        where.emplace(key(entities[i].type, entities[i].name), i);
    std::vector<bool> merged_away(entities.size(), false);
    bool merged = false;
    for (std::size_t a = 0; a < aliases.size(); ++a) {
        const EntityAlias& alias = aliases[a];
        auto from = where.find(key(alias.type, alias.short_name));
        if (from == where.end()) continue;
        renamed[a] = true;
        const std::size_t from_index = from->second;
        where.erase(from);
        ArticleEntity& entity = entities[from_index];
        auto into = where.find(key(alias.type, alias.full_name));
        if (into == where.end()) {
            entity.name = alias.full_name;
            where.emplace(key(alias.type, alias.full_name), from_index);
            continue;
        }
        ArticleEntity& target = entities[into->second];
        target.count += entity.count;
        for (const std::string& mention : entity.mentions)
            if (std::find(target.mentions.begin(), target.mentions.end(), mention) ==
                target.mentions.end())
                target.mentions.push_back(mention);
        merged_away[from_index] = true;
        merged = true;
    }
    if (merged) {
        std::vector<ArticleEntity> kept;
        kept.reserve(entities.size());
        for (std::size_t i = 0; i < entities.size(); ++i)
            if (!merged_away[i]) kept.push_back(std::move(entities[i]));
        entities = std::move(kept);
        std::stable_sort(
            entities.begin(), entities.end(),
            [](const ArticleEntity& a, const ArticleEntity& b) { return a.count > b.count; });
    }
    return renamed;
}

}  // namespace newsindex::indexer
