#include "entities/org_names.h"

#include <set>

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
    const auto core = org_core_words(short_name, gazetteer);
    if (core.empty()) return "";
    const std::string letters = acronym_letters(short_name);
    // A generic word ("Bank", "National", "American") says too little to stand for one name.
    const bool generic =
        core.size() == 1 &&
        (gazetteer.lists_of(core[0]) & (kListOrgWord | kListPlace | kListPlaceWord |
                                        kListDemonym | kListNotName | kListTitle));
    std::set<std::string> found;
    for (const std::string& name : longer) {
        if (name.size() <= short_name.size()) continue;
        const auto other = org_core_words(name, gazetteer);
        if (other == core) {
            found.insert(name);
        } else if (core.size() == 1 && other.size() >= 2 && other[0] == core[0] && !generic &&
                   possessive_first(name)) {
            found.insert(name);
        } else if (!letters.empty() && other.size() >= 2 && org_initials(other) == letters) {
            found.insert(name);
        }
    }
    return found.size() == 1 ? *found.begin() : "";
}

}  // namespace newsindex::entities
