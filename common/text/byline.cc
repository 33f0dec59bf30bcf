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
constexpr std::string_view kWriterCredits[] = {"additional reporting by ",
                                               "reporting by ",
                                               "writing by ",
                                               "written by ",
                                               "story by ",
                                               "par ",
                                               "por "};
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
    "writer",     "writers",     "reporter",    "reporters",  "correspondent", "correspondents",
    "editor",     "editors",     "columnist",   "columnists", "contributor",   "contributors",
    "journalist", "journalists", "producer",    "analyst",    "photographer",  "critic",
    "staff",      "chief",       "desk",        "partner",    "bureau",        "reports",
    "team",       "presenter",   "commentator", "blogger",    "intern",        "newsroom"};

// Title words that are surnames too ("Rebecca Writer"): after a single other word they end a
// name where a name stands. Plurals and "Staff", "Desk", "Team" never do ("HuffPost Staff").
constexpr std::string_view kSurnameTitleWords[] = {"writer",  "editor", "reporter", "critic",
                                                   "partner", "chief",  "producer"};

// Words that stand before a title word in a job title ("Chief Economics Editor", "Senior
// Political Reporter"). A piece made of these and a title word is a title wherever it
// stands; a piece with other words before them may be a name ("Rebecca Writer").
constexpr std::string_view kTitleModifiers[] = {
    "staff",     "senior",      "chief",          "deputy",        "associate",     "assistant",
    "executive", "managing",    "contributing",   "special",       "guest",         "freelance",
    "political", "politics",    "economics",      "economic",      "economy",       "business",
    "finance",   "financial",   "markets",        "foreign",       "diplomatic",    "defence",
    "defense",   "security",    "home",           "world",         "international", "national",
    "local",     "regional",    "city",           "metro",         "news",          "sports",
    "sport",     "science",     "health",         "medical",       "technology",    "tech",
    "arts",      "culture",     "entertainment",  "music",         "film",          "media",
    "opinion",   "legal",       "investigations", "investigative", "data",          "digital",
    "education", "environment", "environmental",  "climate",       "energy",        "transport",
    "travel",    "food",        "fashion",        "consumer",      "royal",         "social",
    "affairs",   "editorial",   "general",        "lead",          "principal",     "head",
    "europe",    "asia",        "africa",         "americas",      "global",        "weekend"};

// Honorifics dropped before a name ("Dr. Anna Muller" -> "Anna Muller"), compared without a
// final dot and ignoring case. Peerages ("Lord", "Lady") are left alone: there the title is
// how the person is named.
constexpr std::string_view kHonorifics[] = {"dr",   "prof", "professor", "mr",   "mrs", "ms",
                                            "miss", "mx",   "sir",       "dame", "rev", "revd"};

// Degrees and post-nominal letters dropped after a name, compared without dots, as written or
// in capitals ("PhD", "Ph.D.", "PHD"; but "Ma" is a surname, not "MA").
constexpr std::string_view kDegrees[] = {"PhD", "DPhil", "MD",  "MBA",  "MSc", "BSc", "MA",
                                         "BA",  "MPhil", "JD",  "LLM",  "LLB", "MPH", "RN",
                                         "CFA", "CPA",   "Esq", "FRS",  "OBE", "MBE", "CBE",
                                         "KBE", "DDS",   "EdD", "PsyD", "MS",  "BS"};

// Name particles written in lowercase ("Ludwig van Beethoven", "Ana de Armas").
constexpr std::string_view kParticles[] = {"van", "von", "de",  "der", "den", "del",  "della",
                                           "di",  "da",  "das", "dos", "do",  "du",   "la",
                                           "le",  "al",  "el",  "bin", "ibn", "bint", "ben",
                                           "ter", "ten", "y",   "e",   "zu",  "af",   "av"};

// Lowercase words that never stand in a name: with them "By the end of the year" and
// "Written by hand" are text, not bylines.
constexpr std::string_view kNotNameWords[] = {
    "the",      "a",        "an",         "this",    "that",   "these",      "those",    "its",
    "their",    "his",      "her",        "our",     "my",     "your",       "any",      "all",
    "some",     "most",     "many",       "much",    "far",    "way",        "hand",     "then",
    "now",      "contrast", "comparison", "default", "design", "definition", "chance",   "law",
    "of",       "to",       "with",       "from",    "on",     "is",         "was",      "are",
    "were",     "will",     "would",      "be",      "been",   "has",        "have",     "had",
    "not",      "no",       "it",         "we",      "they",   "he",         "she",      "you",
    "which",    "what",     "when",       "how",     "who",    "mistake",    "accident", "night",
    "day",      "early",    "late",       "next",    "last",   "time",       "end",      "today",
    "tomorrow", "tonight",  "midnight",   "noon",    "dawn",   "email",      "phone",    "mail",
    "post",     "car",      "train",      "air",     "sea",    "road",       "foot"};

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

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view word) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool is_title_word(std::string_view word) {
    return listed(kTitleWords, ascii_lower(word));
}

bool starts_lowercase(std::string_view word) {
    return !word.empty() && word.front() >= 'a' && word.front() <= 'z';
}

bool is_particle(std::string_view word) {
    if (listed(kParticles, word)) return true;
    for (std::string_view prefix : {"d'", "l'", "al-", "el-"}) {
        if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix) return true;
    }
    return false;
}

// A word that may stand before a title word in a job title: a known modifier, another title
// word, or a word in lowercase ("BBC News health correspondent").
bool is_title_modifier(std::string_view word) {
    const std::string lowered = ascii_lower(word);
    return listed(kTitleModifiers, lowered) || listed(kTitleWords, lowered) ||
           (starts_lowercase(word) && !is_particle(word));
}

bool is_honorific(std::string_view word) {
    std::string key = ascii_lower(word);
    if (!key.empty() && key.back() == '.') key.pop_back();
    return listed(kHonorifics, key);
}

bool is_degree(std::string_view word) {
    std::string bare;
    for (char c : word) {
        if (c != '.') bare += c;
    }
    const bool capitals = bare.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
    for (std::string_view degree : kDegrees) {
        if (bare == degree || (capitals && ascii_lower(bare) == ascii_lower(degree))) return true;
    }
    return false;
}

// True when words read as a person's name: one to six words without digits, each starting
// with a capital (or a letter outside ASCII), apart from particles ("van", "al-"). A single
// word in lowercase passes as a user name, and with allow_lowercase (a byline written all in
// lowercase) so do more; but never words that do not stand in names ("the", "hand").
bool name_shaped(const std::vector<std::string_view>& words, bool allow_lowercase) {
    if (words.empty() || words.size() > 6) return false;
    bool core = false;
    for (std::string_view word : words) {
        if (word.find_first_of("0123456789") != std::string_view::npos) return false;
        if (is_particle(word)) continue;
        if (starts_lowercase(word)) {
            // One word in lowercase may be a user name ("oradmin"); more are a phrase.
            if (listed(kNotNameWords, word) || (!allow_lowercase && words.size() > 1)) return false;
        } else if ((word.front() < 'A' || word.front() > 'Z') &&
                   static_cast<unsigned char>(word.front()) < 0x80) {
            return false;  // punctuation or a symbol; bytes above 0x7F start letters such as "Ö"
        }
        core = true;
    }
    return core;
}

bool has_uppercase_ascii(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The words of one piece between separators once credits ("Reporting by"), places and outlets
// (" in Kyiv", " for Example News", " at Example News"), stray punctuation, honorifics and
// degrees are removed. The views point into text, which is rewritten. Empty when the whole
// piece is to be dropped: an editor's credit, a degree, a piece with digits (dates and times
// that crept in).
std::vector<std::string_view> piece_words(std::string& text) {
    text = collapse_spaces(text);
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
    for (std::string_view joiner : {" in ", " for ", " at "}) {
        std::size_t at = lowered.find(joiner);
        if (at != std::string::npos && at > 0) {
            text.resize(at);
            lowered.resize(at);
        }
    }
    std::vector<std::string_view> words = words_of(text);
    // Quotes and stray punctuation around the name.
    std::size_t punctuation = 0;
    while (punctuation < words.size() &&
           words[punctuation].find_first_not_of("\"'`:.-*_") == std::string_view::npos)
        ++punctuation;
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(punctuation));
    if (!words.empty()) words.front().remove_prefix(words.front().find_first_not_of("\"'`:.-*_"));
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
    for (std::string_view word : words) {
        if (word.find_first_of("0123456789") != std::string_view::npos) return {};
    }
    // Counted first and erased at once: a hostile field of a million "Dr" stays linear.
    std::size_t honorifics = 0;
    while (honorifics + 1 < words.size() && is_honorific(words[honorifics])) ++honorifics;
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(honorifics));
    if (std::all_of(words.begin(), words.end(), is_degree)) return {};
    // "Anna Muller PhD"; but not in a name written in capitals, where "MA" may be a surname.
    if (has_lower_latin(text)) {
        while (words.size() > 1 && is_degree(words.back())) words.pop_back();
    }
    return words;
}

// The name a piece gives, or "" to drop it. describes_previous: the piece follows a name
// after a comma, "|", a dash or a parenthesis, where a job title stands ("Jane Doe, Staff
// Writer"); after "and", "&", ";" or "/" a new person stands.
std::string name_of_piece(std::vector<std::string_view> words, bool describes_previous) {
    if (words.empty()) return {};
    if (is_title_word(words.back())) {
        // A job title; keep the agency it may start with ("AP Business Writer").
        for (std::size_t length = std::min<std::size_t>(words.size() - 1, 4); length > 0;
             --length) {
            if (const Agency* agency = find_agency(join_words(words, 0, length)))
                return std::string(agency->display);
        }
        std::size_t start = words.size() - 1;
        while (start > 0 && is_title_modifier(words[start - 1])) --start;
        if (start == 0 || describes_previous) return {};
        // "Jane Doe Staff Writer" gives "Jane Doe"; one word before a title word that is also a
        // surname is a name ("Rebecca Writer").
        if (start >= 2) {
            words.resize(start);
        } else if (start != words.size() - 1 ||
                   !listed(kSurnameTitleWords, ascii_lower(words.back()))) {
            return {};
        }
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

// names with URLs, e-mail addresses and handles removed and every separator made ',' (where
// a job title may follow: ",", "|", parentheses, brackets, spaced dashes) or ';' (where a new
// person follows: ";", "&", "/", " and ", " via ").
std::string unified_separators(std::string_view names) {
    // Word by word first: URLs hold '/' and '.'.
    std::string kept;
    for (std::string_view word : split(names, " ")) {
        if (word.empty() || is_noise_word(word)) continue;
        if (!kept.empty()) kept += ' ';
        kept.append(word);
    }
    const std::string lowered = ascii_lower(kept);
    std::string unified;
    unified.reserve(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const char c = kept[i];
        if (c == ';' || c == '&' || c == '/') {
            unified += ';';
        } else if (c == '|' || c == '(' || c == ')' || c == '[' || c == ']') {
            unified += ',';
        } else if (c == ' ' && kept.compare(i, 3, " - ") == 0) {
            unified += ',';
            i += 1;
        } else if (c == ' ' && (kept.compare(i, 5, " \xE2\x80\x94 ") == 0 ||
                                kept.compare(i, 5, " \xE2\x80\x93 ") == 0)) {
            unified += ',';  // spaced em or en dash
            i += 3;
        } else if (c == ' ' &&
                   (lowered.compare(i, 5, " and ") == 0 || lowered.compare(i, 5, " via ") == 0)) {
            unified += ';';  // "Variety via Reuters": both distributed it
            i += 4;
        } else {
            unified += c;
        }
    }
    return unified;
}

// How a byline is to be read: in_byline drops pieces that do not look like names (structured
// metadata is trusted to hold names), allow_lowercase lets "by jane doe" through.
struct Mode {
    bool in_byline = false;
    bool allow_lowercase = false;
};

std::vector<std::string> split_names(std::string_view names, Mode mode) {
    const std::string unified = unified_separators(names);
    std::vector<std::string> result;
    std::vector<int> groups;
    bool after_comma = false;
    for (std::size_t begin = 0; begin <= unified.size() && result.size() < kMaxNames;) {
        std::size_t end = unified.find_first_of(",;", begin);
        if (end == std::string::npos) end = unified.size();
        std::string piece = unified.substr(begin, end - begin);
        const bool describes_previous = after_comma && !result.empty();
        after_comma = end < unified.size() && unified[end] == ',';
        begin = end + 1;
        const std::vector<std::string_view> words = piece_words(piece);
        std::string name = name_of_piece(words, describes_previous);
        if (name.empty()) continue;
        if (is_name_suffix(name)) {
            if (!result.empty() && groups.back() == 0) result.back() += " " + name;
            continue;
        }
        const int group = agency_group(name);
        if (mode.in_byline && group == 0 && !name_shaped(words_of(name), mode.allow_lowercase))
            continue;
        if (std::find(result.begin(), result.end(), name) != result.end()) continue;
        if (group != 0 && std::find(groups.begin(), groups.end(), group) != groups.end()) continue;
        result.push_back(name);
        groups.push_back(group);
    }
    return result;
}

// Words that open a byline, lowercase, longest first; the names follow after a space, a tab or
// a colon.
constexpr std::string_view kLeadIns[] = {"additional reporting by",
                                         "reporting by",
                                         "reported by",
                                         "writing by",
                                         "written by",
                                         "words by",
                                         "story by",
                                         "text by",
                                         "by"};
// Labels that open a byline only with a colon after them ("Author: Jane Doe").
constexpr std::string_view kLabels[] = {"authors", "author(s)", "author",
                                        "byline",  "writers",   "writer"};

// Length of the lead-in that opens text ("By", "By:", "Written by", "Author:"), 0 when none.
std::size_t lead_in_length(std::string_view text) {
    auto after_spaces = [&](std::size_t at) {
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
        return at;
    };
    for (std::string_view lead : kLeadIns) {
        if (!starts_with_nocase(text, lead)) continue;
        const std::size_t size = lead.size();
        if (text.size() > size && text[size] != ' ' && text[size] != '\t' && text[size] != ':')
            continue;
        std::size_t at = after_spaces(size);
        if (at < text.size() && text[at] == ':') ++at;
        return at;
    }
    for (std::string_view label : kLabels) {
        if (!starts_with_nocase(text, label)) continue;
        const std::size_t at = after_spaces(label.size());
        if (at < text.size() && text[at] == ':') return at + 1;
    }
    return 0;
}

std::string_view without_lead_in(std::string_view names) {
    names = trim(names);
    return trim(names.substr(lead_in_length(names)));
}

// True for a line of names ending in an agency credit without a lead-in: "Jane Doe | Reuters",
// "Jane Doe, Reuters", "Jane Doe (AFP)", "Jane Doe and John Roe - AP". Every other piece must
// be a name of two to five words, or a job title after one.
bool is_agency_byline(std::string_view line) {
    constexpr std::size_t kMaxLine = 160;
    if (line.size() > kMaxLine) return false;
    const std::string unified = unified_separators(strip_markdown_inline(line));
    bool names = false, last_is_agency = false, after_comma = false;
    for (std::string_view piece : split(unified, ",")) {
        for (std::string_view part : split(piece, ";")) {
            if (trim(part).empty()) continue;
            std::string text(part);
            const std::vector<std::string_view> words = piece_words(text);
            if (words.empty()) return false;
            const std::string name = name_of_piece(words, after_comma && names);
            after_comma = false;
            if (name.empty()) {
                last_is_agency = false;
                continue;  // a job title after a name
            }
            last_is_agency = is_news_agency(name);
            if (last_is_agency) continue;
            if (words.size() < 2 || words.size() > 5 || !name_shaped(words, false)) return false;
            names = true;
        }
        after_comma = true;
    }
    return names && last_is_agency;
}

}  // namespace

bool is_byline(std::string_view line) {
    std::string_view trimmed = trim(line);
    const std::size_t lead = lead_in_length(trimmed);
    if (lead == 0) return is_agency_byline(trimmed);
    std::string_view names = trim(trimmed.substr(lead));
    if (names.empty()) return false;
    // Sentences open with "By" too: "By 2025, 40% of ...", "By any measure, ... a winner."
    if (names.front() >= '0' && names.front() <= '9') return false;
    std::size_t words = 0;
    for (std::string_view word : split(names, " ")) words += word.empty() ? 0 : 1;
    const char last = names.back();
    // A final "Jr." or "Ph.D." ends a name, not a sentence.
    const std::string_view last_word = names.substr(names.find_last_of(" \t,") + 1);
    const bool ends_sentence = (last == '.' || last == '!' || last == '?') &&
                               !is_degree(last_word) && !is_name_suffix(std::string(last_word));
    if (words > 30 || (ends_sentence && words > 6)) return false;
    // The first name must look like one: "By the end of the year", "Written by hand" are text.
    const std::string unified = unified_separators(strip_markdown_inline(names));
    std::string first = unified.substr(0, unified.find_first_of(",;"));
    const std::vector<std::string_view> first_words = piece_words(first);
    if (first_words.empty()) return true;  // a credit alone ("By Editing by ...") says nothing
    return is_news_agency(join_words(first_words, 0, first_words.size())) ||
           name_shaped(first_words, !has_uppercase_ascii(trimmed));
}

std::vector<std::string> parse_byline(std::string_view line) {
    if (!is_byline(line)) return {};
    Mode mode;
    mode.in_byline = true;
    mode.allow_lowercase = !has_uppercase_ascii(line);
    return split_names(strip_markdown_inline(without_lead_in(line)), mode);
}

std::vector<std::string> parse_author_names(std::string_view names) {
    return split_names(strip_markdown_inline(without_lead_in(names)), Mode{});
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
    rest = without_lead_in(rest);
    // Every word must belong to an agency name or a job title: strip those and see.
    std::vector<std::string> names = split_names(rest, Mode{});
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
