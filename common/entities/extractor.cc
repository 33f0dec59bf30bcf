#include "entities/extractor.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace newsindex::entities {

namespace {

namespace fs = std::filesystem;

using WordSet = std::unordered_set<std::string>;

// Words that stand before a name and are not part of it: titles, ranks, honorifics, roles.
const WordSet kTitles = {
    "President",   "Vice",    "Prime",     "Minister",   "Chancellor",   "Secretary",  "Gen.",
    "General",     "Lt.",     "Col.",      "Adm.",       "Admiral",      "Sgt.",       "Capt.",
    "Maj.",        "Dr.",     "Mr.",       "Mrs.",       "Ms.",          "Sir",        "Dame",
    "Sen.",        "Senator", "Rep.",      "Gov.",       "Governor",     "Mayor",      "Judge",
    "Justice",     "King",    "Queen",     "Prince",     "Princess",     "Pope",       "Chairman",
    "Chairwoman",  "Chief",   "Executive", "Director",   "Commissioner", "Ambassador", "Spokesman",
    "Spokeswoman", "Foreign", "Defense",   "Defence",    "Finance",      "Interior",   "Deputy",
    "Acting",      "Former",  "Coach",     "Professor",  "Prof.",        "CEO",        "Founder",
    "Leader",      "Speaker", "Premier",   "Emir",       "Sheikh",       "Crown",      "Lord",
    "Archbishop",  "Bishop",  "Rev.",      "Detective",  "Inspector",    "Colonel",    "Major",
    "Lieutenant",  "Marshal", "Attorney",  "Prosecutor", "Commander",    "Striker",    "Midfielder",
    "Goalkeeper",  "Manager", "Economist", "Analyst"};

// The last word of an organisation's name.
const WordSet kOrgHeads = {"Bank",
                           "Agency",
                           "Ministry",
                           "Council",
                           "Commission",
                           "Party",
                           "University",
                           "Court",
                           "Company",
                           "Co.",
                           "Inc.",
                           "Inc",
                           "Corp.",
                           "Corp",
                           "Corporation",
                           "Group",
                           "Association",
                           "Federation",
                           "Union",
                           "Organization",
                           "Organisation",
                           "Institute",
                           "Reserve",
                           "Parliament",
                           "Senate",
                           "Congress",
                           "Assembly",
                           "Army",
                           "Navy",
                           "Force",
                           "Forces",
                           "Department",
                           "Office",
                           "Authority",
                           "Fund",
                           "Committee",
                           "Club",
                           "FC",
                           "Airlines",
                           "Airways",
                           "Motors",
                           "Times",
                           "Post",
                           "Journal",
                           "Press",
                           "News",
                           "Service",
                           "Services",
                           "Police",
                           "Guard",
                           "Board",
                           "Foundation",
                           "Society",
                           "Church",
                           "Hospital",
                           "School",
                           "College",
                           "Academy",
                           "Museum",
                           "Exchange",
                           "Ltd",
                           "Ltd.",
                           "LLC",
                           "AG",
                           "SA",
                           "plc",
                           "Holdings",
                           "Industries",
                           "Systems",
                           "Technologies",
                           "Pharmaceuticals",
                           "Network",
                           "Tribunal",
                           "Administration",
                           "Bureau",
                           "Cabinet",
                           "Government",
                           "Alliance",
                           "Coalition",
                           "Front",
                           "Movement",
                           "Agency",
                           "Observatory",
                           "Centre",
                           "Center",
                           "Laboratory",
                           "Programme",
                           "Team",
                           "United",
                           "City"};

// Single names and acronyms of organisations that no head word gives away.
const WordSet kKnownOrgs = {
    "NATO",      "UN",      "EU",       "WHO",     "IMF",     "OPEC",       "FIFA",
    "UEFA",      "IOC",     "ECB",      "Fed",     "Reuters", "AFP",        "AP",
    "Bloomberg", "Gazprom", "Google",   "Apple",   "Amazon",  "Microsoft",  "Meta",
    "Tesla",     "Intel",   "TSMC",     "Samsung", "Toyota",  "Volkswagen", "Ford",
    "Airbus",    "Boeing",  "BBC",      "CNN",     "Hamas",   "Hezbollah",  "Taliban",
    "Bundestag", "Duma",    "Nvidia",   "Pfizer",  "Moderna", "Shell",      "BP",
    "Nasa",      "NASA",    "Interpol", "Europol", "Kremlin"};

// Names of events, agreements, competitions and the like end in these.
const WordSet kOtherHeads = {"Cup",    "Olympics",     "Games",         "Prix",        "Marathon",
                             "League", "Championship", "Championships", "Agreement",   "Accord",
                             "Treaty", "Act",          "Initiative",    "War",         "Award",
                             "Prize",  "Festival",     "Expo",          "Declaration", "Protocol",
                             "Pact",   "Open"};

const WordSet kDemonyms = {
    "American",    "British",     "Russian",    "Ukrainian",  "French",     "German",
    "Chinese",     "Japanese",    "Indian",     "Italian",    "Spanish",    "Polish",
    "Dutch",       "Swiss",       "Swedish",    "Norwegian",  "Danish",     "Finnish",
    "Belgian",     "Austrian",    "Greek",      "Turkish",    "Iranian",    "Iraqi",
    "Israeli",     "Palestinian", "Syrian",     "Saudi",      "Egyptian",   "Nigerian",
    "Kenyan",      "Brazilian",   "Mexican",    "Canadian",   "Australian", "Korean",
    "Taiwanese",   "Vietnamese",  "Pakistani",  "Afghan",     "Belarusian", "Georgian",
    "Hungarian",   "Czech",       "Romanian",   "Bulgarian",  "Serbian",    "Croatian",
    "Portuguese",  "Irish",       "Scottish",   "Welsh",      "English",    "European",
    "Western",     "Soviet",      "Arab",       "African",    "Asian",      "Argentine",
    "Chilean",     "Colombian",   "Venezuelan", "Cuban",      "Ethiopian",  "Ghanaian",
    "Moroccan",    "Algerian",    "Libyan",     "Sudanese",   "Yemeni",     "Lebanese",
    "Qatari",      "Emirati",     "Thai",       "Indonesian", "Malaysian",  "Filipino",
    "Bangladeshi", "Kazakh",      "Armenian",   "Estonian",   "Latvian",    "Lithuanian",
    "Slovak",      "Icelandic",   "Republican", "Democratic", "Muslim",     "Christian",
    "Jewish",      "Catholic",    "Kurdish",    "Persian"};

// Capitalised, but never names here.
const WordSet kNotNames = {"Monday",   "Tuesday", "Wednesday", "Thursday",  "Friday",  "Saturday",
                           "Sunday",   "January", "February",  "March",     "April",   "May",
                           "June",     "July",    "August",    "September", "October", "November",
                           "December", "Mr",      "Mrs"};

// Lower-case words that may join the capitalised words of one name.
const WordSet kConnectors = {"of",  "de",  "la", "von", "der", "van", "al",  "du",  "del", "da",
                             "bin", "dos", "y",  "and", "for", "on",  "the", "des", "le"};

// Capitalised words that begin sentences far more often than names do.
const WordSet kSentenceStarters = {
    "The",     "A",         "An",      "In",       "On",      "At",      "But",       "And",
    "Or",      "If",        "As",      "It",       "He",      "She",     "They",      "We",
    "I",       "This",      "That",    "These",    "Those",   "There",   "Here",      "When",
    "While",   "After",     "Before",  "Since",    "Despite", "However", "Meanwhile", "Some",
    "Many",    "Most",      "Other",   "Others",   "More",    "One",     "Two",       "Three",
    "Last",    "Next",      "Earlier", "Later",    "Still",   "Yet",     "For",       "With",
    "By",      "From",      "To",      "Of",       "Under",   "Over",    "During",    "According",
    "Asked",   "Speaking",  "Its",     "His",      "Her",     "Their",   "Our",       "Such",
    "Both",    "Each",      "All",     "No",       "Not",     "Only",    "Even",      "Also",
    "Then",    "Now",       "So",      "Although", "Though",  "Without", "Among",     "Between",
    "What",    "Who",       "Why",     "How",      "Where",   "Which",   "Officials", "Analysts",
    "Critics", "Residents", "Police"};

bool is_upper_start(const std::string& word) {
    const unsigned char c = static_cast<unsigned char>(word[0]);
    return (c >= 'A' && c <= 'Z') || c >= 0xC3;  // a capital or a non-ASCII letter (Ł, Ö...)
}

bool has_digit(const std::string& word) {
    for (char c : word) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

bool all_caps(const std::string& word) {
    bool letter = false;
    for (char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

std::string title_case(const std::string& word) {
    std::string out = word;
    for (std::size_t i = 1; i < out.size(); ++i)
        out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    return out;
}

struct Token {
    std::string text;
    bool sentence_start;
    bool after_break;  // punctuation (comma, quote, bracket) between it and the token before
};

// Words: letters, digits, inner apostrophes, hyphens and dots ("U.S.", "Gen.", "al-Sisi").
std::vector<Token> tokenize(const std::string& text) {
    std::vector<Token> tokens;
    bool sentence_start = true, after_break = true;
    std::size_t i = 0;
    auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    // U+2000..U+206F (dashes, curly quotes, ellipsis) are punctuation, though non-ASCII.
    auto punctuation_at = [&](std::size_t at) {
        return at + 2 < text.size() && static_cast<unsigned char>(text[at]) == 0xE2 &&
               (static_cast<unsigned char>(text[at + 1]) == 0x80 ||
                static_cast<unsigned char>(text[at + 1]) == 0x81);
    };
    while (i < text.size()) {
        if (punctuation_at(i)) {
            // A curly apostrophe inside a word ("Putin’s") stays part of it, like "'".
            const bool apostrophe = static_cast<unsigned char>(text[i + 2]) == 0x99;
            if (!apostrophe || tokens.empty()) {
                sentence_start = sentence_start || static_cast<unsigned char>(text[i + 2]) == 0x94;
                after_break = true;
                i += 3;
                continue;
            }
        }
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!word_byte(c)) {
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';')
                sentence_start = true;
            if (c != ' ') after_break = true;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size()) {
            const unsigned char d = static_cast<unsigned char>(text[end]);
            if (punctuation_at(end)) {
                // Keep "’s" on the word; stop at any other dash or quote.
                if (static_cast<unsigned char>(text[end + 2]) == 0x99 && end + 3 < text.size() &&
                    text[end + 3] == 's') {
                    end += 4;
                }
                break;
            }
            if (word_byte(d)) {
                ++end;
            } else if ((d == '\'' || d == '-' || d == '&') && end + 1 < text.size() &&
                       word_byte(static_cast<unsigned char>(text[end + 1]))) {
                end += 1;
            } else if (d == '.' && end + 1 < text.size() &&
                       std::isalpha(static_cast<unsigned char>(text[end + 1])) &&
                       end + 2 <= text.size() && (end + 2 == text.size() || text[end + 2] == '.')) {
                end += 1;  // "U.S": the dot inside an abbreviation
            } else {
                break;
            }
        }
        std::string word = text.substr(i, end - i);
        // Keep the final dot of abbreviations ("U.S.", "Gen.", "Inc.") that are known as such.
        if (end < text.size() && text[end] == '.' &&
            (word.find('.') != std::string::npos || kTitles.count(word + ".") ||
             kOrgHeads.count(word + "."))) {
            word += '.';
            ++end;
            // "U.S." at a sentence end still ends the sentence only if a capital follows; keep it
            // simple.
        }
        tokens.push_back({word, sentence_start, after_break});
        sentence_start = false;
        after_break = false;
        i = end;
    }
    return tokens;
}

std::string strip_possessive(std::string word) {
    for (const char* suffix : {"'s", "\xE2\x80\x99s"}) {
        const std::string s = suffix;
        if (word.size() > s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0)
            return word.substr(0, word.size() - s.size());
    }
    if (!word.empty() && word.back() == '\'') word.pop_back();
    return word;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

const char* type_name(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "person";
        case EntityType::Org:
            return "org";
        case EntityType::Place:
            return "place";
        case EntityType::Other:
            return "other";
    }
    return "other";
}

Gazetteer::Gazetteer() {
    for (const char* name :
         {"U.S.",    "US",       "UK",      "Britain",        "America",       "Europe",
          "Africa",  "Asia",     "Russia",  "Iran",           "Syria",         "Venezuela",
          "Bolivia", "Tanzania", "Vietnam", "South Korea",    "North Korea",   "Taiwan",
          "Moldova", "Laos",     "Turkey",  "Czech Republic", "Middle East",   "Washington",
          "Gaza",    "Donbas",   "Crimea",  "Kyiv",           "Latin America", "Scandinavia",
          "Balkans"})
        places_.insert(name);
    auto load_json = [](const fs::path& file) {
        std::ifstream in(file);
        nlohmann::json value;
        if (in) value = nlohmann::json::parse(in, nullptr, false);
        return value;
    };
    const fs::path iso = "/usr/share/iso-codes/json";
    auto countries = load_json(iso / "iso_3166-1.json");
    if (countries.is_object() && countries.contains("3166-1")) {
        for (const auto& country : countries["3166-1"]) {
            for (const char* key : {"name", "common_name"}) {
                if (country.contains(key)) places_.insert(country[key].get<std::string>());
            }
        }
    }
    auto regions = load_json(iso / "iso_3166-2.json");
    if (regions.is_object() && regions.contains("3166-2")) {
        for (const auto& region : regions["3166-2"]) {
            if (region.contains("name")) places_.insert(region["name"].get<std::string>());
        }
    }
    std::error_code error;
    for (const char* area :
         {"Africa", "America", "Asia", "Europe", "Australia", "Pacific", "Atlantic", "Indian"}) {
        for (fs::recursive_directory_iterator it(fs::path("/usr/share/zoneinfo") / area, error),
             end;
             !error && it != end; it.increment(error)) {
            std::string city = it->path().filename().string();
            for (char& c : city) {
                if (c == '_') c = ' ';
            }
            places_.insert(city);
        }
    }
}

std::vector<Mention> extract(const std::string& title, const std::string& body,
                             const Gazetteer& gazetteer) {
    const std::string text = title + "\n" + body;
    const std::vector<Token> tokens = tokenize(text);
    WordSet lowercase_words, capitalised_mid_sentence;
    for (const Token& t : tokens) {
        if (t.text.empty()) continue;
        if (!is_upper_start(t.text))
            lowercase_words.insert(t.text);
        else if (!t.sentence_start)
            capitalised_mid_sentence.insert(strip_possessive(t.text));
    }
    std::vector<Mention> mentions;
    std::unordered_map<std::string, std::string> person_by_part;  // "Milley" -> "Mark Milley"
    std::unordered_map<std::string, EntityType> seen;             // surface -> type

    auto type_of = [&](const std::vector<std::string>& words, bool after_title) {
        const std::string name = join(words);
        const std::string& last = words.back();
        if (seen.count(name)) return seen[name];
        if (words.size() == 1 &&
            (kDemonyms.count(name) || (name.size() > 1 && name.back() == 's' &&
                                       kDemonyms.count(name.substr(0, name.size() - 1)))))
            return EntityType::Other;
        if (kKnownOrgs.count(name)) return EntityType::Org;
        if (gazetteer.is_place(name) || gazetteer.is_place(title_case(name)))
            return EntityType::Place;
        if (words.size() > 1 && (kOrgHeads.count(last) || kOrgHeads.count(words.front())))
            return EntityType::Org;
        if (kOtherHeads.count(last) || has_digit(name)) return EntityType::Other;
        if (after_title) return EntityType::Person;
        if (words.size() == 1 && person_by_part.count(name)) return EntityType::Person;
        if (words.size() == 1 && all_caps(name) && name.size() <= 5) return EntityType::Org;
        if (words.size() >= 2 && words.size() <= 4 && kDemonyms.count(words.front()) == 0)
            return EntityType::Person;
        return words.size() == 1 ? EntityType::Person : EntityType::Org;
    };

    auto emit = [&](std::vector<std::string> words, bool after_title) {
        while (!words.empty() && kConnectors.count(words.back())) words.pop_back();
        while (!words.empty() && (kConnectors.count(words.front()) || words.front() == "The"))
            words.erase(words.begin());
        if (words.empty()) return;
        const EntityType type = type_of(words, after_title);
        const std::string name = join(words);
        Mention mention{name, type, name};
        if (type == EntityType::Person) {
            if (words.size() > 1) {
                for (const std::string& part : words) person_by_part.emplace(part, name);
            } else if (auto full = person_by_part.find(name); full != person_by_part.end()) {
                mention.canonical = full->second;
            }
        }
        seen.emplace(name, type);
        mentions.push_back(std::move(mention));
    };

    for (std::size_t i = 0; i < tokens.size();) {
        const Token& first = tokens[i];
        if (!is_upper_start(first.text)) {
            ++i;
            continue;
        }
        // The run of capitalised words, joined by connectors, and digit words after them.
        std::size_t end = i + 1;
        while (end < tokens.size() && !tokens[end].after_break) {
            const std::string& w = tokens[end].text;
            if (is_upper_start(w) || (has_digit(w) && w.size() <= 4)) {
                ++end;
            } else if (kConnectors.count(w) && end + 1 < tokens.size() &&
                       !tokens[end + 1].after_break && is_upper_start(tokens[end + 1].text) &&
                       w != "and") {
                end += 2;
            } else {
                break;
            }
        }
        std::vector<std::string> words;
        for (std::size_t k = i; k < end; ++k) words.push_back(tokens[k].text);
        words.back() = strip_possessive(words.back());
        // A sentence's first word is a name only if the article never writes it in lower case
        // and it is not a common sentence opener.
        if (first.sentence_start &&
            (kSentenceStarters.count(words.front()) ||
             lowercase_words.count(
                 std::string(1, static_cast<char>(
                                    std::tolower(static_cast<unsigned char>(words.front()[0])))) +
                 words.front().substr(1)))) {
            words.erase(words.begin());
        }
        // "Several Ukrainian soldiers": an opener before a name the lists know is not part of it.
        if (first.sentence_start && words.size() == 2 &&
            !capitalised_mid_sentence.count(words.front())) {
            const std::string& rest = words.back();
            if (kDemonyms.count(rest) || gazetteer.is_place(rest) || kKnownOrgs.count(rest))
                words.erase(words.begin());
        }
        // A lone capitalised word opening a sentence is a name only if the article also
        // capitalises it mid-sentence, or a list knows it.
        if (first.sentence_start && words.size() == 1) {
            const std::string& w = words.front();
            if (!capitalised_mid_sentence.count(w) && !gazetteer.is_place(w) &&
                !kKnownOrgs.count(w) && !kDemonyms.count(w))
                words.clear();
        }
        while (!words.empty() && kNotNames.count(words.front())) words.erase(words.begin());
        while (!words.empty() && kNotNames.count(words.back())) words.pop_back();
        // Titles split the run: what stands before a title is a name of its own ("Federal Reserve"
        // in "Federal Reserve Chairman Jerome Powell"), what follows it a person.
        const bool org_name = !words.empty() && kOrgHeads.count(words.back()) > 0;
        std::vector<std::string> segment;
        bool after_title = false;
        for (const std::string& w : words) {
            if (kTitles.count(w) && !org_name) {
                if (!segment.empty()) emit(segment, false);
                segment.clear();
                after_title = true;
            } else {
                segment.push_back(w);
            }
        }
        if (!segment.empty()) emit(segment, after_title);
        i = end;
    }
    return mentions;
}

}  // namespace newsindex::entities
