#include "entities/org_names.h"

#include <algorithm>

#include "entities/casing.h"

namespace newsindex::entities {

namespace {

std::vector<std::string> split_words(const std::string& name) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < name.size()) {
        const std::size_t space = name.find(' ', at);
        const std::size_t end = space == std::string::npos ? name.size() : space;
        if (end > at) words.push_back(name.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

std::string without_possessive(std::string word) {
    for (const char* possessive : {"'s", "\u2019s"}) {
        const std::string p = possessive;
        if (word.size() > p.size() && word.compare(word.size() - p.size(), p.size(), p) == 0)
            return word.substr(0, word.size() - p.size());
    }
    return word;
}

// Whether the first word of a name is a possessive ("Moody's Investors Service"): its bare
// word then names the same body ("Moody"), where "BBC" of "BBC Sport" names another.
bool possessive_first(const std::string& name) {
    const std::vector<std::string> words = split_words(name);
    return !words.empty() && without_possessive(words[0]) != words[0];
}

}  // namespace

std::vector<std::string> org_core_words(const std::string& name, const Gazetteer& gazetteer) {
    std::vector<std::string> words = split_words(name);
    while (words.size() > 1 && (gazetteer.lists_of(words.back()) & kListCompanyForm))
        words.pop_back();
    for (std::string& word : words) word = without_possessive(word);
    return words;
}

std::string org_initials(const std::vector<std::string>& core) {
    std::string initials;
    for (const std::string& word : core)
        if (!word.empty() && initial_case(word) == InitialCase::Upper) initials += word[0];
    return initials;
}

std::string acronym_letters(const std::string& name) {
    std::string letters;
    for (const std::string& word : split_words(name)) {
        // "and" may stand between the capitals ("S and P"); any other lower-case letter means
        // a word, not an acronym.
        if (word == "and" || word == "&") continue;
        for (const char c : word) {
            if (c >= 'A' && c <= 'Z') {
                letters += c;
            } else if ((c >= 'a' && c <= 'z') || (c & 0x80)) {
                return "";
            }
        }
    }
    return letters.size() >= 2 ? letters : "";
}

std::string org_expansion(const std::string& short_name, const std::vector<std::string>& longer,
                          const Gazetteer& gazetteer) {
    return OrgNames(longer, gazetteer).expansion(short_name);
}

OrgNames::OrgNames(const std::vector<std::string>& names, const Gazetteer& gazetteer)
    : gazetteer_(gazetteer) {
    for (const std::string& name : names) {
        // An article names an organisation many times: each name once.
        if (std::any_of(names_.begin(), names_.end(),
                        [&name](const Name& n) { return n.name == name; }))
            continue;
        Name n{name, org_core_words(name, gazetteer), {}, possessive_first(name)};
        n.initials = org_initials(n.core);
        names_.push_back(std::move(n));
    }
}

std::string OrgNames::expansion(const std::string& short_name) const {
    const auto core = org_core_words(short_name, gazetteer_);
    if (core.empty()) return "";
    const std::string letters = acronym_letters(short_name);
    // A generic word ("Bank", "National", "American") says too little to stand for one name.
    const bool generic =
        core.size() == 1 &&
        (gazetteer_.lists_of(core[0]) &
         (kListOrgWord | kListPlace | kListPlaceWord | kListDemonym | kListNotName | kListTitle));
    const std::string* found = nullptr;
    for (const Name& other : names_) {
        if (other.name.size() <= short_name.size()) continue;
        const bool stands =
            other.core == core ||
            (core.size() == 1 && other.core.size() >= 2 && other.core[0] == core[0] && !generic &&
             other.possessive_first) ||
            (!letters.empty() && other.core.size() >= 2 && other.initials == letters);
        if (!stands) continue;
        if (found) return "";  // several
        found = &other.name;
    }
    return found ? *found : "";
}

}  // namespace newsindex::entities
