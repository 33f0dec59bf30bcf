#include "text/byline.h"

#include <algorithm>
#include <iterator>

#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex::text {

namespace {

struct Agency {
    std::string_view name;     // lowercase, as matched
    std::string_view display;  // as written out
    int group;                 // names of one agency share a group
};

constexpr Agency kAgencies[] = {
    {"ap", "AP", 1},
    {"associated press", "Associated Press", 1},
    {"reuters", "Reuters", 2},
    {"thomson reuters", "Thomson Reuters", 2},
    {"afp", "AFP", 3},
    {"agence france-presse", "Agence France-Presse", 3},
    {"agence france presse", "Agence France-Presse", 3},
    {"bloomberg", "Bloomberg", 4},
    {"bloomberg news", "Bloomberg News", 4},
    {"dpa", "dpa", 5},
    {"deutsche presse-agentur", "Deutsche Presse-Agentur", 5},
    {"xinhua", "Xinhua", 6},
    {"xinhua news agency", "Xinhua News Agency", 6},
    {"tass", "TASS", 7},
    {"itar-tass", "ITAR-TASS", 7},
    {"ria novosti", "RIA Novosti", 8},
    {"interfax", "Interfax", 9},
    {"efe", "EFE", 10},
    {"ansa", "ANSA", 11},
    {"kyodo", "Kyodo", 12},
    {"kyodo news", "Kyodo News", 12},
    {"yonhap", "Yonhap", 13},
    {"upi", "UPI", 14},
    {"united press international", "United Press International", 14},
    {"pa", "PA", 15},
    {"pa media", "PA Media", 15},
    {"press association", "Press Association", 15},
    {"aap", "AAP", 16},
    {"australian associated press", "Australian Associated Press", 16},
    {"canadian press", "Canadian Press", 17},
    {"pti", "PTI", 18},
    {"press trust of india", "Press Trust of India", 18},
    {"anadolu", "Anadolu", 19},
    {"anadolu agency", "Anadolu Agency", 19},
    {"ukrinform", "Ukrinform", 20},
    {"europa press", "Europa Press", 21},
    {"anp", "ANP", 22},
    {"belga", "Belga", 23},
    {"pap", "PAP", 24},
    {"lusa", "Lusa", 25},
    {"apa", "APA", 26},
    {"ctk", "CTK", 27},
};

// Credits that open a piece: those naming a writer keep the name after them; the others
// ("Editing by") drop the piece, since editors are not authors.
constexpr std::string_view kWriterCredits[] = {"additional reporting by ", "reporting by ",
                                               "writing by ", "written by ", "story by "};
constexpr std::string_view kOtherCredits[] = {"editing by ",   "edited by ",      "compiled by ",
                                              "on assignment", "photos by ",      "photo by ",
                                              "graphics by ",  "illustration by "};

// A byline names a handful of people; more pieces than this are not worth splitting, and the
// cap keeps duplicate checks linear on hostile input.
constexpr std::size_t kMaxNames = 100;

// Name suffixes that belong to the name before them ("John Roe, Jr.").
constexpr std::string_view kNameSuffixes[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};

// Last words that make a piece a job title rather than a name.
constexpr std::string_view kTitleWords[] = {
    "writer",      "writers",  "reporter",  "reporters",    "correspondent", "correspondents",
    "editor",      "editors",  "columnist", "contributor",  "contributors",  "journalist",
    "journalists", "producer", "analyst",   "photographer", "critic",        "staff",
    "chief",       "desk",     "partner",   "bureau",       "reports",       "team"};

// The agency entry a name matches (case ignored, a leading "The" allowed), or nullptr.
const Agency* find_agency(std::string_view name) {
    std::string lowered = collapse_spaces(ascii_lower(name));
    std::string_view key = lowered;
    if (key.substr(0, 4) == "the ") key.remove_prefix(4);
    for (const Agency& agency : kAgencies) {
        if (agency.name == key) return &agency;
    }
    return nullptr;
}

// Group of an agency name, 0 when the name is none.
int agency_group(std::string_view name) {
    const Agency* agency = find_agency(name);
    return agency ? agency->group : 0;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    for (std::string_view word : split(text, " ")) {
        if (!word.empty()) words.push_back(word);
    }
    return words;
}

std::string join_words(const std::vector<std::string_view>& words, std::size_t from,
                       std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (!out.empty()) out += ' ';
        out.append(words[i]);
    }
    return out;
}

bool is_noise_word(std::string_view word) {
    return starts_with_nocase(word, "http://") || starts_with_nocase(word, "https://") ||
           starts_with_nocase(word, "www.") || word.find('@') != std::string_view::npos;
}

// Lowercase of an uppercase letter in Latin-1 or Latin Extended-A; other code points as given.
char32_t lower_latin(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    const bool even = cp % 2 == 0;
    if ((cp >= 0x0100 && cp <= 0x012F) || (cp >= 0x0132 && cp <= 0x0137) ||
        (cp >= 0x014A && cp <= 0x0177))
        return even ? cp + 1 : cp;
    if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E)) return even ? cp : cp + 1;
    return cp;
}

bool has_lower_latin(std::string_view word) {
    for (char c : word) {
        if (c >= 'a' && c <= 'z') return true;
    }
    // Two-byte Latin-1 and Extended-A lowercase letters.
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
        const unsigned char lead = static_cast<unsigned char>(word[i]);
        if (lead < 0xC3 || lead > 0xC5) continue;
        const char32_t cp = static_cast<char32_t>(((lead & 0x1F) << 6) |
                                                  (static_cast<unsigned char>(word[i + 1]) & 0x3F));
        if (lower_latin(cp) == cp && cp >= 0xDF) return true;
    }
    return false;
}

// "JILL LAWLESS" -> "Jill Lawless", "O'BRIEN" -> "O'Brien", "ABDUL-ZAHRA" -> "Abdul-Zahra".
// Words without a vowel stay as they are ("BBC"); so does anything already in mixed case.
std::string title_case_if_shouting(const std::string& name) {
    std::vector<std::string_view> words = words_of(name);
    if (words.size() < 2 || has_lower_latin(name)) return name;
    std::string out;
    for (std::string_view word : words) {
        if (!out.empty()) out += ' ';
        if (word.find_first_of("AEIOUY") == std::string_view::npos) {
            out.append(word);
            continue;
        }
        bool start = true;
        for (std::size_t i = 0; i < word.size();) {
            const unsigned char lead = static_cast<unsigned char>(word[i]);
            if (lead >= 0xC3 && lead <= 0xC5 && i + 1 < word.size()) {
                const char32_t cp = static_cast<char32_t>(
                    ((lead & 0x1F) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3F));
                append_utf8(out, start ? cp : lower_latin(cp));
                i += 2;
                start = false;
                continue;
            }
            const char c = word[i++];
            out.push_back(!start && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            start = c == '-' || c == '\'' || c == '.';
        }
    }
    return out;
}

// Cleans one piece between separators: returns the name to keep, or "" to drop the piece.
std::string clean_piece(std::string_view piece) {
    std::string text = collapse_spaces(piece);
    std::string lowered = ascii_lower(text);
    for (std::string_view credit : kOtherCredits) {
        if (lowered.compare(0, credit.size(), credit) == 0) return {};
    }
    for (std::string_view credit : kWriterCredits) {
        if (lowered.compare(0, credit.size(), credit) == 0) {
            text.erase(0, credit.size());
            lowered.erase(0, credit.size());
            break;
        }
    }
    // Drop " in <place>" and " for <outlet>" after a name.
    for (std::string_view joiner : {" in ", " for "}) {
        std::size_t at = lowered.find(joiner);
        if (at != std::string::npos && at > 0) {
            text.resize(at);
            lowered.resize(at);
        }
    }
    std::vector<std::string_view> words = words_of(text);
    // Quotes and stray punctuation around the name.
    while (!words.empty()) {
        std::string_view& first = words.front();
        std::size_t skip = first.find_first_not_of("\"'`:.-*_");
        if (skip == std::string_view::npos) {
            words.erase(words.begin());
            continue;
        }
        first.remove_prefix(skip);
        break;
    }
    while (!words.empty()) {
        std::string_view& last = words.back();
        std::size_t keep = last.find_last_not_of("\"'`:,-*_");
        if (keep == std::string_view::npos) {
            words.pop_back();
            continue;
        }
        last = last.substr(0, keep + 1);
        break;
    }
    if (words.empty()) return {};
    // Names have no digits; pieces with them are dates, times or counts that crept in.
    for (std::string_view word : words) {
        if (word.find_first_of("0123456789") != std::string_view::npos) return {};
    }
    std::string last = ascii_lower(words.back());
    if (std::find(std::begin(kTitleWords), std::end(kTitleWords), last) != std::end(kTitleWords)) {
        // A job title; keep the agency it may start with ("AP Business Writer").
        for (std::size_t length = std::min<std::size_t>(words.size() - 1, 4); length > 0;
             --length) {
            if (const Agency* agency = find_agency(join_words(words, 0, length)))
                return std::string(agency->display);
        }
        return {};
    }
    std::string name = join_words(words, 0, words.size());
    if (const Agency* agency = find_agency(name)) return std::string(agency->display);
    return title_case_if_shouting(name);
}

bool is_name_suffix(const std::string& piece) {
    const std::string lowered = ascii_lower(piece);
    return std::find(std::begin(kNameSuffixes), std::end(kNameSuffixes), lowered) !=
           std::end(kNameSuffixes);
}

std::vector<std::string> split_names(std::string_view names) {
    // Remove URLs, e-mail addresses and handles word by word first: they hold '/' and '.'.
    std::string kept;
    for (std::string_view word : split(names, " ")) {
        if (word.empty() || is_noise_word(word)) continue;
        if (!kept.empty()) kept += ' ';
        kept.append(word);
    }
    std::string unified;
    unified.reserve(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const char c = kept[i];
        if (c == ';' || c == '&' || c == '|' || c == '/' || c == '(' || c == ')' || c == '[' ||
            c == ']') {
            unified += ',';
        } else if (c == ' ' && kept.compare(i, 3, " - ") == 0) {
            unified += ',';
            i += 1;
        } else if (c == ' ' && (kept.compare(i, 5, " \xE2\x80\x94 ") == 0 ||
                                kept.compare(i, 5, " \xE2\x80\x93 ") == 0)) {
            unified += ',';  // spaced em or en dash
            i += 3;
        } else {
            unified += c;
        }
    }
    std::string lowered = ascii_lower(unified);
    std::string with_commas;
    for (std::size_t i = 0; i < unified.size();) {
        if (lowered.compare(i, 5, " and ") == 0) {
            with_commas += ",";
            i += 5;
        } else if (lowered.compare(i, 5, " via ") == 0) {
            with_commas += ",";  // "Variety via Reuters": both distributed it
            i += 5;
        } else {
            with_commas += unified[i++];
        }
    }
    std::vector<std::string> result;
    std::vector<int> groups;
    for (std::string_view piece : split(with_commas, ",")) {
        if (result.size() >= kMaxNames) break;
        std::string name = clean_piece(piece);
        if (name.empty()) continue;
        if (is_name_suffix(name)) {
            if (!result.empty() && groups.back() == 0) result.back() += " " + name;
            continue;
        }
        const int group = agency_group(name);
        if (std::find(result.begin(), result.end(), name) != result.end()) continue;
        if (group != 0 && std::find(groups.begin(), groups.end(), group) != groups.end()) continue;
        result.push_back(name);
        groups.push_back(group);
    }
    return result;
}

// names without a leading "By" / "By:".
std::string_view without_by(std::string_view names) {
    names = trim(names);
    if (starts_with_nocase(names, "by") &&
        (names.size() == 2 || names[2] == ' ' || names[2] == ':' || names[2] == '\t')) {
        names = trim(names.substr(2));
        if (!names.empty() && names.front() == ':') names.remove_prefix(1);
    }
    return names;
}

}  // namespace

bool is_byline(std::string_view line) {
    std::string_view trimmed = trim(line);
    if (!starts_with_nocase(trimmed, "by") || trimmed.size() < 4) return false;
    char after = trimmed[2];
    if (after != ' ' && after != ':' && after != '\t') return false;
    std::string_view names = trim(trimmed.substr(3));
    if (names.empty()) return false;
    // Sentences open with "By" too: "By 2025, 40% of ...", "By any measure, ... a winner."
    if (names.front() >= '0' && names.front() <= '9') return false;
    std::size_t words = 0;
    for (std::string_view word : split(names, " ")) words += word.empty() ? 0 : 1;
    const char last = names.back();
    const bool ends_sentence = last == '.' || last == '!' || last == '?';
    return words <= 30 && !(ends_sentence && words > 6);
}

std::vector<std::string> parse_byline(std::string_view line) {
    if (!is_byline(line)) return {};
    return parse_author_names(line);
}

std::vector<std::string> parse_author_names(std::string_view names) {
    return split_names(strip_markdown_inline(without_by(names)));
}

bool is_news_agency(std::string_view name) {
    return agency_group(name) != 0;
}

std::vector<std::string> agency_credit(std::string_view line) {
    std::string_view text = trim(line);
    // A credit is short; a longer line is a sentence.
    if (text.empty() || text.size() > 80) return {};
    std::string plain = collapse_spaces(strip_markdown_inline(text));
    std::string_view rest = plain;
    for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "-"}) {
        if (rest.substr(0, dash.size()) == dash) rest = trim(rest.substr(dash.size()));
    }
    rest = without_by(rest);
    // Every word must belong to an agency name or a job title: strip those and see.
    std::vector<std::string> names = split_names(rest);
    if (names.empty()) return {};
    for (const std::string& name : names) {
        if (!is_news_agency(name)) return {};
    }
    // "Reuters reported" splits into one piece that is no agency, so it never gets here; but
    // make sure nothing but separators, agencies and title words was dropped.
    std::string lowered = ascii_lower(rest);
    for (std::string_view word : words_of(lowered)) {
        std::string bare(word);
        bare.erase(std::remove_if(bare.begin(), bare.end(),
                                  [](char c) { return c == '(' || c == ')' || c == ','; }),
                   bare.end());
        if (bare.empty() || bare == "/" || bare == "and" || bare == "&" || bare == "the" ||
            bare == "-")
            continue;
        bool known = std::find(std::begin(kTitleWords), std::end(kTitleWords), bare) !=
                     std::end(kTitleWords);
        for (const Agency& agency : kAgencies) {
            for (std::string_view part : split(agency.name, " ")) {
                if (part == bare) known = true;
            }
        }
        if (!known) return {};
    }
    return names;
}

std::string dateline_agency(std::string_view paragraph) {
    constexpr std::size_t kMaxPlace = 60;
    const std::size_t open = paragraph.find('(');
    if (open == 0 || open == std::string_view::npos || open > kMaxPlace) return {};
    // The place opens in capitals, as wire services print it: "MOSCOW", "KYIV, Ukraine".
    const std::size_t first_end = paragraph.find_first_of(" ,(");
    std::size_t capitals = 0;
    for (char c : paragraph.substr(0, first_end)) {
        if (c >= 'A' && c <= 'Z') {
            ++capitals;
        } else if (c != '.' && c != '-' && c != '\'' && static_cast<unsigned char>(c) < 0x80) {
            return {};
        }
    }
    if (capitals < 2) return {};
    const std::size_t close = paragraph.find(')', open);
    if (close == std::string_view::npos) return {};
    std::string agency = collapse_spaces(paragraph.substr(open + 1, close - open - 1));
    if (!is_news_agency(agency)) return {};
    std::string_view after = trim(paragraph.substr(close + 1));
    for (std::string_view dash : {"-", ":", "\xE2\x80\x94", "\xE2\x80\x93"}) {
        if (after.substr(0, dash.size()) == dash) return agency;
    }
    return {};
}

}  // namespace newsindex::text
