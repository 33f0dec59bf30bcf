#include "entity_aliases.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "schema.h"
#include "text/strings.h"

namespace newsindex::indexer {

namespace {

// A value no name can have: annotate() collapses white space, so no name holds a tab.
const std::string kAmbiguous = "\t";

// Metadata keys (docs/schema.md): the counts of one subject, and the claims of one article.
constexpr std::string_view kTallyPrefix = "aliasn:";
constexpr std::string_view kClaimsPrefix = "aliasa:";

// The types whose lone names the collection may retype: places come from the gazetteer and
// are left as they are.
constexpr std::string_view kRetypable = "POX";
// Not a type: Decision::absorbs holds it when the decision also renames titled names.
constexpr char kTitled = 'N';

std::string tally_key(const std::string& subject) {
    return schema::boolean_term(std::string(kTallyPrefix) + subject.front(), subject.substr(1));
}

std::string claims_key(const std::string& id_term) {
    return schema::boolean_term(kClaimsPrefix, id_term);
}

// The type of a letter of kRetypable (the only letters decisions are kept under).
EntityType type_of_letter(char letter) {
    return schema::entity_type_of_letter(letter).value_or(EntityType::Other);
}

bool is_one_word(const std::string& name) {
    return name.find(' ') == std::string::npos;
}

// Titles, ranks and honorifics a name may still start with when the extractor did not cut
// them off ("Gen. Mark Milley", "State Antony Blinken" from "Secretary of State ..."): such a
// name is not a full name; the name after the title is.
bool starts_with_title(const std::string& name) {
    static const std::vector<std::string_view> kTitles = {
        "Executive",  "Officer",  "Director",  "Spokesman",  "Spokeswoman", "Gen.",
        "Gen",        "General",  "Lt.",       "Col.",       "Maj.",        "Capt.",
        "Sgt.",       "Adm.",     "Admiral",   "Brig.",      "Cmdr.",       "Cpl.",
        "Gov.",       "Governor", "Sen.",      "Senator",    "Rep.",        "Secretary",
        "State",      "Minister", "President", "Vice",       "Prime",       "Premier",
        "Chancellor", "Mr.",      "Mrs.",      "Ms.",        "Mr",          "Mrs",
        "Ms",         "Dr.",      "Dr",        "Prof.",      "Professor",   "Sir",
        "Dame",       "Lord",     "Lady",      "King",       "Queen",       "Prince",
        "Princess",   "Pope",     "Rev.",      "Reverend",   "Sheikh",      "Chairman",
        "Chairwoman", "Chief",    "Mayor",     "Ambassador", "Deputy",      "Commissioner",
        "Judge",      "Justice",  "Speaker",   "Coach",      "Lieutenant",  "Colonel",
        "Captain",    "Sergeant", "Attorney"};
    const std::string_view first = std::string_view(name).substr(0, name.find(' '));
    return std::find(kTitles.begin(), kTitles.end(), first) != kTitles.end();
}

// The name a titled one ends in: "Mark Milley" of "Gen. Mark Milley", "Antony Blinken" of
// "Secretary of State Antony Blinken"; none unless two words or more are left.
std::string untitled(const std::string& name) {
    std::size_t start = 0;
    while (start < name.size()) {
        const std::size_t space = name.find(' ', start);
        if (space == std::string::npos) break;
        const std::string word = name.substr(start, space - start);
        if (!starts_with_title(word) && word != "of" && word != "the") break;
        start = space + 1;
    }
    if (start == 0 || name.find(' ', start) == std::string::npos) return {};
    return name.substr(start);
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

// An acronym: capital letters, digits, dots and (after the first) slashes and ampersands, at
// least two letters ("NATO", "IMF", "G7", "S/P").
bool is_acronym(const std::string& word) {
    std::size_t letters = 0;
    for (std::size_t k = 0; k < word.size(); ++k) {
        const char c = word[k];
        // A slash or an ampersand may stand between capitals ("S/P", "S&P", "AT&T").
        if (c >= 'A' && c <= 'Z')
            ++letters;
        else if (!(c >= '0' && c <= '9') && c != '.' && ((c != '/' && c != '&') || k == 0))
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

// The acronym an organisation's name spells with the capitals its words start with, lower-case
// connectors skipped ("ECB" for "European Central Bank", "OPEC" for "Organization of Petroleum
// Exporting Countries"); none when a word starts otherwise or fewer than two capitals.
std::string initials(const std::string& name) {
    std::string letters;
    for (std::string_view word : text::split(name, " ")) {
        if (word.empty()) return {};
        const char c = word[0];
        if (c >= 'A' && c <= 'Z')
            letters += c;
        else if (!(c >= 'a' && c <= 'z'))
            return {};
    }
    return letters.size() >= 2 ? letters : std::string();
}

// Whether acronym can abbreviate name: its letters are, in order, capitals that start words
// or parts of words of name ("U.S. Department of Agriculture" for "USDA"), the first one the
// first letter of name, and it is not itself a word of name.
// The extractor lists "FBI" among the forms of "Holding the FBI" and "EC" among those of "EC
// Commission": such a name does not define the acronym.
bool abbreviates(const std::string& acronym, const std::string& name) {
    for (std::string_view word : text::split(name, " "))
        if (word == acronym) return false;
    std::string capitals;  // first letters of words and of hyphenated parts, when capitals
    bool word_start = true;
    for (char c : name) {
        if (word_start && c >= 'A' && c <= 'Z') capitals += c;
        word_start = c == ' ' || c == '-' || c == '.';
    }
    std::string letters;
    for (char c : acronym)
        if (c >= 'A' && c <= 'Z') letters += c;
    // The name starts with the acronym's first letter: not "12 European Community (EC)".
    if (letters.empty() || name[0] != letters[0]) return false;
    std::size_t at = 0;
    for (char c : capitals)
        if (at < letters.size() && c == letters[at]) ++at;
    return at == letters.size();
}

std::string join_lines(const std::set<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        if (!out.empty()) out += '\n';
        out += line;
    }
    return out;
}

std::set<std::string> split_lines(const std::string& text) {
    std::set<std::string> lines;
    for (std::string_view line : text::split(text, "\n"))
        if (!line.empty()) lines.emplace(line);
    return lines;
}

}  // namespace

bool EntityAliases::Decision::stands() const {
    return !full.empty() && full != kAmbiguous && !absorbs.empty();
}

EntityAliases::Tally& EntityAliases::tally(const std::string& subject) {
    auto found = tallies_.find(subject);
    if (found != tallies_.end()) return found->second;
    // Every subject with counts is cached (rewrite_counts()): the others have none.
    if (all_tallies_cached_) return tallies_.emplace(subject, Tally{}).first->second;
    Tally counts;
    // Lines "count<TAB>label"; a label may hold tabs of its own.
    const std::string stored = store_.get_metadata(tally_key(subject));
    for (std::string_view line : text::split(stored, "\n")) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        const unsigned count = static_cast<unsigned>(
            std::strtoul(std::string(line.substr(0, tab)).c_str(), nullptr, 10));
        if (count > 0) counts[std::string(line.substr(tab + 1))] = count;
    }
    return tallies_.emplace(subject, std::move(counts)).first->second;
}

std::set<std::string> EntityAliases::claims_of(const Article& article) const {
    // Each claim: a subject (type letter and word), a tab, a label. T: the type a word has
    // alone; P: a person's full name ending in the word; N: a person's name with a title
    // ending in the word; O: an organisation's name the acronym may stand for ("n") or was
    // defined as ("d").
    std::set<std::string> claims;
    for (const ArticleEntity& entity : article.entities) {
        const char letter = schema::entity_type_letter(entity.type);
        if (is_one_word(entity.name)) {
            if (kRetypable.find(letter) != std::string_view::npos)
                claims.insert("T" + entity.name + '\t' + letter);
            continue;
        }
        // A name with a title: renamed to the full name it ends in when that one stands.
        // The name after it counts as the full name ("George Shultz" for "State George
        // Shultz", which some collections never write without the title).
        if (entity.type == EntityType::Person && starts_with_title(entity.name)) {
            const std::string full = untitled(entity.name);
            if (const std::string last = last_word(full); !last.empty()) {
                claims.insert("N" + last + '\t' + entity.name);
                claims.insert("P" + last + '\t' + full);
            }
        }
        if (const std::string last =
                entity.type == EntityType::Person ? last_word(entity.name) : "";
            !last.empty()) {
            if (!starts_with_title(entity.name)) claims.insert("P" + last + '\t' + entity.name);
            // "Milley" written alone for this person: the word is used as a person's name.
            if (std::find(entity.mentions.begin(), entity.mentions.end(), last) !=
                entity.mentions.end())
                claims.insert("T" + last + "\tP");
        } else if (entity.type == EntityType::Org) {
            // Two capitals spell too many names ("EC": European Community, Exxon Corp, Eaton
            // Corp): only an article's definition tells what a two-letter acronym stands for.
            if (const std::string spelt = initials(entity.name); spelt.size() >= 3)
                claims.insert("O" + spelt + "\tn\t" + entity.name);
        }
        // An acronym the article defined: an organisation's, whatever type the extractor
        // guessed for the name it stands for ("Organiaation of Petroleum Exporting Countries
        // (OPEC)" guessed a person).
        if (entity.type == EntityType::Place) continue;
        for (const std::string& mention : entity.mentions) {
            if (!is_one_word(mention) || !is_acronym(mention) || !abbreviates(mention, entity.name))
                continue;
            claims.insert("O" + mention + "\td\t" + entity.name);
            claims.insert("O" + mention + "\tn\t" + entity.name);
            claims.insert("T" + mention + "\tO");
        }
    }
    return claims;
}

void EntityAliases::touch(const std::string& word) {
    for (char type : kRetypable) {
        const std::string key = type + word;
        if (!before_.count(key)) before_.emplace(key, decide(type, word));
        unsaved_decisions_.insert(key);
    }
    for (char type : kRetypable) decisions_.erase(type + word);
}

void EntityAliases::learn(const std::string& id_term, const Article& article) {
    const std::set<std::string> now = claims_of(article);
    const std::string joined = join_lines(now);
    auto unsaved = unsaved_claims_.find(id_term);
    const std::string before_joined = unsaved != unsaved_claims_.end()
                                          ? unsaved->second
                                          : store_.get_metadata(claims_key(id_term));
    if (before_joined == joined) return;
    const std::set<std::string> before = split_lines(before_joined);
    auto change = [&](const std::string& claim, int by) {
        const std::size_t tab = claim.find('\t');
        const std::string subject = claim.substr(0, tab);
        const std::string label = claim.substr(tab + 1);
        touch(subject.substr(1));
        Tally& counts = tally(subject);
        unsigned& count = counts[label];
        count = by > 0 ? count + 1 : (count > 0 ? count - 1 : 0);
        if (count == 0) counts.erase(label);
        unsaved_tallies_.insert(subject);
    };
    for (const std::string& claim : before)
        if (!now.count(claim)) change(claim, -1);
    for (const std::string& claim : now)
        if (!before.count(claim)) change(claim, +1);
    unsaved_claims_[id_term] = joined;
}

std::string EntityAliases::full_name_of(char type, const std::string& word) {
    if (type == 'P') {
        // The full name most articles give, when more than twice as many as the next one.
        const Tally& names = tally("P" + word);
        const std::string* lead = nullptr;
        unsigned first = 0, second = 0;
        for (const auto& [name, count] : names) {
            if (count > first) {
                second = first;
                first = count;
                lead = &name;
            } else if (count > second) {
                second = count;
            }
        }
        if (!lead) return {};
        return first > 2 * second ? *lead : kAmbiguous;
    }
    if (type == 'O') {
        // Once any article defined the acronym: the name written in most articles, then
        // defined in most; a full tie is ambiguous.
        const Tally& names = tally("O" + word);
        bool defined = false;
        for (const auto& [label, count] : names) defined |= label.compare(0, 2, "d\t") == 0;
        if (!defined) return {};
        const std::string* lead = nullptr;
        std::pair<unsigned, unsigned> best{0, 0};
        bool tie = false;
        for (const auto& [label, count] : names) {
            if (label.compare(0, 2, "n\t") != 0) continue;
            const std::string name = label.substr(2);
            const auto d = names.find("d\t" + name);
            const std::pair<unsigned, unsigned> rank{count, d == names.end() ? 0 : d->second};
            if (rank > best) {
                best = rank;
                lead = &label;
                tie = false;
            } else if (rank == best) {
                tie = true;
            }
        }
        if (!lead) return {};
        return tie ? kAmbiguous : lead->substr(2);
    }
    return {};
}

char EntityAliases::collection_type(const std::string& word, char type) {
    const Tally& types = tally("T" + word);
    // The extractor calls a lone word with no cue an organisation, while a person needs a cue
    // (a title, "said", the full name in the same article): when a full name stands for the
    // word, each article reading it as a person outweighs kPersonWeight guesses. Measured
    // (docs/entities.md): "Trump" 152 person and 403 organisation articles (a person), "Chelsea"
    // 2 and 61, "Labour" 0 and 190 (organisations).
    constexpr unsigned kPersonWeight = 4;
    const std::string person = full_name_of('P', word);
    const bool person_named = !person.empty() && person != kAmbiguous;
    auto score = [&](char letter) {
        const auto found = types.find(std::string(1, letter));
        const unsigned articles = found == types.end() ? 0u : found->second;
        return letter == 'P' && person_named ? articles * kPersonWeight : articles;
    };
    char chosen = type;
    for (char other : kRetypable) {
        if (other == chosen) continue;
        // On a tie a surname known from a full name is the better guess.
        if (score(other) > score(chosen) ||
            (other == 'P' && person_named && score(other) == score(chosen) && score(other) > 0))
            chosen = other;
    }
    return chosen;
}

const EntityAliases::Decision& EntityAliases::decide(char type, const std::string& word) {
    const std::string key = type + word;
    auto found = decisions_.find(key);
    if (found != decisions_.end()) return found->second;
    Decision decision;
    const std::string full = full_name_of(type, word);
    const bool named = !full.empty() && full != kAmbiguous;
    const Tally& types = tally("T" + word);
    for (char written : kRetypable) {
        // A type no article gave the word alone has nothing to rename.
        if (!types.count(std::string(1, written))) continue;
        if (collection_type(word, written) != type) continue;
        // The type's own lone names only change when a full name stands for them.
        if (written != type || named) decision.absorbs += written;
    }
    // Titled names ("Gen. Mark Milley") of the full name ("Mark Milley").
    if (type == 'P' && named && !titled_names(word, full).empty()) decision.absorbs += kTitled;
    if (named)
        decision.full = full;
    else if (!decision.absorbs.empty())
        decision.full = word;
    else
        decision.full = full;  // "" or kAmbiguous
    return decisions_.emplace(key, std::move(decision)).first->second;
}

EntityAliases::Changes EntityAliases::take_changes() {
    Changes changes;
    for (const auto& [key, before] : before_) {
        const std::string word = key.substr(1);
        const Decision& after = decide(key[0], word);
        auto lost = [](const Decision& a, const Decision& b) {
            // Some of a no longer holds in b.
            if (!b.stands() || a.full != b.full) return true;
            return std::any_of(a.absorbs.begin(), a.absorbs.end(),
                               [&](char t) { return b.absorbs.find(t) == std::string::npos; });
        };
        const EntityType type = type_of_letter(key[0]);
        if (before.stands() && lost(before, after))
            changes.withdrawn.push_back({type, word, before.full});
        if (after.stands() && (!before.stands() || lost(after, before)))
            changes.learned.push_back({type, word, after.full});
    }
    before_.clear();
    return changes;
}

std::vector<std::string> EntityAliases::titled_names(const std::string& word,
                                                     const std::string& full) {
    std::vector<std::string> names;
    for (const auto& [name, count] : tally("N" + word))
        if (untitled(name) == full) names.push_back(name);
    return names;
}

std::vector<EntityAliases::Rename> EntityAliases::resolve(Article& article) {
    // Collected first: renaming merges entities and so changes the vector.
    std::vector<Rename> renames;
    for (const ArticleEntity& entity : article.entities) {
        if (entity.type == EntityType::Person && starts_with_title(entity.name)) {
            const std::string full = untitled(entity.name);
            const std::string last = last_word(full);
            if (last.empty()) continue;
            const Decision& decision = decide('P', last);
            if (decision.stands() && decision.full == full &&
                decision.absorbs.find(kTitled) != std::string::npos)
                renames.push_back({entity.type, {entity.type, entity.name, full}});
            continue;
        }
        if (!is_one_word(entity.name)) continue;
        const char written = schema::entity_type_letter(entity.type);
        if (kRetypable.find(written) == std::string_view::npos) continue;
        const char type = collection_type(entity.name, written);
        const Decision& decision = decide(type, entity.name);
        if (!decision.stands() || decision.absorbs.find(written) == std::string::npos) continue;
        renames.push_back({entity.type, {type_of_letter(type), entity.name, decision.full}});
    }
    if (renames.empty()) return renames;
    std::vector<EntityAlias> aliases;
    for (const Rename& rename : renames) {
        for (ArticleEntity& entity : article.entities)
            if (entity.name == rename.alias.short_name && entity.type == rename.old_type)
                entity.type = rename.alias.type;
        aliases.push_back(rename.alias);
    }
    const std::vector<bool> renamed = rename_entities(article, aliases);
    std::vector<Rename> done;
    for (std::size_t i = 0; i < renames.size(); ++i)
        if (renamed[i]) done.push_back(std::move(renames[i]));
    return done;
}

bool EntityAliases::still_stands_for(const EntityAlias& alias) {
    const Decision& decision = decide(schema::entity_type_letter(alias.type), alias.short_name);
    return decision.stands() && decision.full == alias.full_name;
}

std::vector<EntityType> EntityAliases::types_renamed(const EntityAlias& alias) {
    std::vector<EntityType> types;
    if (!still_stands_for(alias)) return types;
    for (char letter : decide(schema::entity_type_letter(alias.type), alias.short_name).absorbs)
        if (letter != kTitled) types.push_back(type_of_letter(letter));
    return types;
}

std::vector<EntityAlias> EntityAliases::titled_renamed(const EntityAlias& alias) {
    std::vector<EntityAlias> aliases;
    if (alias.type != EntityType::Person || !still_stands_for(alias)) return aliases;
    for (const std::string& name : titled_names(alias.short_name, alias.full_name))
        aliases.push_back({EntityType::Person, name, alias.full_name});
    return aliases;
}

void EntityAliases::save(Xapian::WritableDatabase& database) {
    for (const std::string& subject : unsaved_tallies_) {
        std::string value;
        for (const auto& [label, count] : tally(subject)) {
            if (!value.empty()) value += '\n';
            value += std::to_string(count) + '\t' + label;
        }
        database.set_metadata(tally_key(subject), value);  // empty: deleted
    }
    unsaved_tallies_.clear();
    for (const auto& [id_term, claims] : unsaved_claims_)
        database.set_metadata(claims_key(id_term), claims);
    unsaved_claims_.clear();
    // The decisions, for a reader of the database: what each short name stands for now.
    for (const std::string& key : unsaved_decisions_) {
        const Decision& decision = decide(key[0], key.substr(1));
        database.set_metadata(
            schema::alias_key(type_of_letter(key[0]), key.substr(1)),
            decision.stands() || decision.full == kAmbiguous ? decision.full : std::string());
    }
    unsaved_decisions_.clear();
    // Everything is in the database now: the caches may go, which bounds the memory a run
    // over millions of articles takes (the counts of every word it met).
    constexpr std::size_t kCachedSubjects = 200'000;
    if (tallies_.size() > kCachedSubjects) {
        tallies_.clear();
        all_tallies_cached_ = false;
        decisions_.clear();
    }
}

void EntityAliases::add_claims(const Xapian::Database& store, ClaimCounts& counts,
                               std::unordered_set<std::string>& ids_seen) {
    const std::string claims_prefix(kClaimsPrefix);
    for (auto it = store.metadata_keys_begin(claims_prefix);
         it != store.metadata_keys_end(claims_prefix); ++it) {
        // An article held by two parts counts once, as the merge keeps one of its records.
        if (!ids_seen.insert(*it).second) continue;
        for (const std::string& claim : split_lines(store.get_metadata(*it))) {
            const std::size_t tab = claim.find('\t');
            if (tab != std::string::npos) ++counts[claim.substr(0, tab)][claim.substr(tab + 1)];
        }
    }
}

std::set<std::string> EntityAliases::recount(Xapian::WritableDatabase& database) {
    ClaimCounts counted;
    std::unordered_set<std::string> ids_seen;
    add_claims(store_, counted, ids_seen);
    return rewrite_counts(database, counted);
}

std::set<std::string> EntityAliases::rewrite_counts(Xapian::WritableDatabase& database,
                                                    const ClaimCounts& counted) {
    std::set<std::string> words;
    for (const auto& entry : counted) words.insert(entry.first.substr(1));
    // What stood before, for take_changes(): the decisions the old counts made.
    before_.clear();
    for (const std::string& word : words)
        for (char type : kRetypable) before_[type + word] = decide(type, word);
    // Keys are written in full, and those no subject has any more are deleted: a key may be
    // hashed from its subject (tally_key()), so it cannot be turned back into one.
    std::set<std::string> written;
    for (const auto& [subject, labels] : counted) {
        std::string value;
        for (const auto& [label, count] : labels) {
            if (!value.empty()) value += '\n';
            value += std::to_string(count) + '\t' + label;
        }
        database.set_metadata(tally_key(subject), value);
        written.insert(tally_key(subject));
    }
    const std::string tally_prefix(kTallyPrefix);
    std::vector<std::string> stale;
    for (auto it = store_.metadata_keys_begin(tally_prefix);
         it != store_.metadata_keys_end(tally_prefix); ++it)
        if (!written.count(*it)) stale.push_back(*it);
    for (const std::string& key : stale) database.set_metadata(key, "");
    stale.clear();
    // The counts just written are all there are: the decisions below take them from memory,
    // without reading a key per subject back (four per word).
    tallies_.clear();
    for (const auto& [subject, labels] : counted) tallies_.emplace(subject, labels);
    all_tallies_cached_ = true;
    decisions_.clear();
    // The decisions, as save() writes them for every word an article counted.
    written.clear();
    for (const std::string& word : words) {
        for (char type : kRetypable) {
            const Decision& decision = decide(type, word);
            if (!decision.stands() && decision.full != kAmbiguous) continue;
            const std::string key = schema::alias_key(type_of_letter(type), word);
            database.set_metadata(key, decision.full);
            written.insert(key);
        }
    }
    const std::string alias_prefix(schema::kAliasKeyPrefix);
    for (auto it = store_.metadata_keys_begin(alias_prefix);
         it != store_.metadata_keys_end(alias_prefix); ++it)
        if (!written.count(*it)) stale.push_back(*it);
    for (const std::string& key : stale) database.set_metadata(key, "");
    return words;
}

void EntityAliases::assume_undecided(const std::set<std::string>& words) {
    for (const std::string& word : words)
        for (char type : kRetypable) before_[type + word] = Decision{};
}

bool rename_entity(Article& article, const EntityAlias& alias) {
    return rename_entities(article, {alias}).front();
}

std::vector<bool> rename_entities(Article& article, const std::vector<EntityAlias>& aliases) {
    std::vector<bool> renamed(aliases.size(), false);
    auto& entities = article.entities;
    auto key = [](EntityType type, const std::string& name) {
        return schema::entity_type_letter(type) + name;
    };
    // Where each (type, name) is; two entities may share one after a caller retyped them.
    std::unordered_map<std::string, std::vector<std::size_t>> where;
    for (std::size_t i = 0; i < entities.size(); ++i)
        where[key(entities[i].type, entities[i].name)].push_back(i);
    std::vector<bool> was_renamed(entities.size(), false);
    std::unordered_map<std::string, bool> result_of;  // the same alias twice: the first's result
    std::vector<std::string> touched;
    for (std::size_t a = 0; a < aliases.size(); ++a) {
        const EntityAlias& alias = aliases[a];
        const std::string from_key = key(alias.type, alias.short_name);
        const std::string alias_key = from_key + '\t' + alias.full_name;
        if (auto done = result_of.find(alias_key); done != result_of.end()) {
            renamed[a] = done->second;
            continue;
        }
        auto from = where.find(from_key);
        result_of[alias_key] = renamed[a] = from != where.end();
        if (from == where.end()) continue;
        const std::vector<std::size_t> moved = std::move(from->second);
        where.erase(from);
        const std::string into_key = key(alias.type, alias.full_name);
        std::vector<std::size_t>& into = where[into_key];
        for (std::size_t i : moved) {
            // The old name stays a surface form: a stored record, which keeps only the forms
            // with words the name lacks, may have dropped it ("State Antony Blinken" renamed
            // to "Antony Blinken"). First, where a clean index of the article has it.
            auto& mentions = entities[i].mentions;
            if (alias.short_name != alias.full_name &&
                std::find(mentions.begin(), mentions.end(), alias.short_name) == mentions.end())
                mentions.insert(mentions.begin(), alias.short_name);
            entities[i].name = alias.full_name;
            was_renamed[i] = true;
            into.push_back(i);
        }
        touched.push_back(into_key);
    }
    // Entities that now share a type and name become one: the one that had the name already
    // (else the first) takes the others' counts and mentions.
    std::vector<bool> merged_away(entities.size(), false);
    bool merged = false;
    for (const std::string& name_key : touched) {
        auto found = where.find(name_key);
        if (found == where.end() || found->second.size() < 2) continue;
        std::vector<std::size_t> group = found->second;
        std::sort(group.begin(), group.end());
        std::size_t target = group.front();
        for (std::size_t i : group)
            if (!was_renamed[i]) {
                target = i;
                break;
            }
        for (std::size_t i : group) {
            if (i == target || merged_away[i]) continue;
            ArticleEntity& into = entities[target];
            into.count += entities[i].count;
            for (const std::string& mention : entities[i].mentions)
                if (std::find(into.mentions.begin(), into.mentions.end(), mention) ==
                    into.mentions.end())
                    into.mentions.push_back(mention);
            merged_away[i] = true;
            merged = true;
        }
        found->second = {target};
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
