#include "entity_aliases.h"

#include <algorithm>

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
            const std::string& known = lookup(key);
            if (known == entity.name || known == kAmbiguous) continue;
            known_[key] = known.empty() ? entity.name : kAmbiguous;
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
    std::vector<Rename> done;
    for (Rename& rename : renames)
        if (rename_entity(article, rename.alias)) done.push_back(std::move(rename));
    return done;
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
    auto& entities = article.entities;
    auto same = [&](const std::string& name) {
        return [&](const ArticleEntity& e) { return e.type == alias.type && e.name == name; };
    };
    auto from = std::find_if(entities.begin(), entities.end(), same(alias.short_name));
    if (from == entities.end()) return false;
    auto into = std::find_if(entities.begin(), entities.end(), same(alias.full_name));
    if (into == entities.end()) {
        from->name = alias.full_name;
        return true;
    }
    into->count += from->count;
    for (const std::string& mention : from->mentions)
        if (std::find(into->mentions.begin(), into->mentions.end(), mention) ==
            into->mentions.end())
            into->mentions.push_back(mention);
    entities.erase(from);
    std::stable_sort(
        entities.begin(), entities.end(),
        [](const ArticleEntity& a, const ArticleEntity& b) { return a.count > b.count; });
    return true;
}

}  // namespace newsindex::indexer
