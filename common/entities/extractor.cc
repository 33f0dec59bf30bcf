#include "entities/extractor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iostream>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "entities/casing.h"
#include "entities/model.h"
#include "entities/org_names.h"
#include "text/utf8.h"

namespace newsindex::entities {

namespace {

// A mention as token indices [first, last] of a segment, before its surface is cleaned.
struct Found {
    int segment;
    std::size_t first, last;
    EntityType type;
    std::string surface;
};

// The text of tokens [first, last], with every run of white space as one space.
std::string surface_of(const Segment& segment, std::size_t first, std::size_t last) {
    const std::string& text = *segment.text;
    std::string out;
    bool space = false;
    for (std::size_t at = segment.tokens[first].begin; at < segment.tokens[last].end; ++at) {
        const char c = text[at];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Whether a person's mention is a date in a table or a dateline ("Pay Jan 15", "87 Jan",
// "Record April 10"): it holds a number, or an English month name that a number follows and
// no listed given name ("Brian May 2 weeks later" is a person).
bool is_date(const Segment& segment, const Found& m, const Gazetteer& gazetteer) {
    const auto& tokens = segment.tokens;
    auto number = [&](std::size_t i) {
        return i < tokens.size() && !tokens[i].text.empty() &&
               std::all_of(tokens[i].text.begin(), tokens[i].text.end(),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    // English only, unlike text::month_from_name (eight languages): there "mai", "mars" and
    // "julio" are months, and names here.
    static const std::set<std::string> kMonths = {
        "jan",  "january",   "feb",  "february", "mar",  "march",    "apr",    "april",
        "may",  "jun",       "june", "jul",      "july", "aug",      "august", "sep",
        "sept", "september", "oct",  "october",  "nov",  "november", "dec",    "december"};
    bool month_then_number = false;
    for (std::size_t i = m.first; i <= m.last; ++i) {
        if (number(i)) return true;
        std::string word = to_lower(tokens[i].text);
        if (!word.empty() && word.back() == '.') word.pop_back();
        if (number(i + 1) && kMonths.count(word))
            month_then_number = true;  // "Jan" is also a given name: not counted as one here
        else if (gazetteer.lists_of(tokens[i].text) & kListFirstName)
            return false;
    }
    return month_then_number;
}

// The letters of a name, counted in characters ("É" is one).
std::size_t letters_in(const std::string& name) {
    std::size_t letters = 0;
    for (std::size_t at = 0; at < name.size(); ++at) {
        const auto c = static_cast<unsigned char>(name[at]);
        if ((c & 0xC0) == 0x80) continue;  // continues a character
        if (c >= 0x80 || std::isalpha(c)) ++letters;
    }
    return letters;
}

// Trims what is never part of a name from the edges of a mention: punctuation, possessives,
// an article ("the", "a"), and titles before a person's name ("Gen.", "Secretary of State").
// A place the gazetteer lists with its article ("The Hague") keeps it, or takes it when the
// model left it out, and is a place.
bool trim(const Segment& segment, const Gazetteer& gazetteer, std::ptrdiff_t previous_last,
          Found* m) {
    const auto& tokens = segment.tokens;
    auto is_title = [&](const Token& t) {
        if (!t.word) return false;
        std::string word = t.text;
        if (word.size() > 1 && word.back() == '.') word.pop_back();
        return (gazetteer.lists_of(word) & kListTitle) != 0 ||
               (gazetteer.lists_of(t.text) & kListTitle) != 0;
    };
    // "The Hague", "the Hague": the article and the words after it as the gazetteer writes them.
    auto place_with_article = [&](std::size_t article) {
        return to_lower(tokens[article].text) == "the" && article < m->last &&
               gazetteer.is_place("The " + surface_of(segment, article + 1, m->last));
    };
    // "ST. LOUIS", "St Louis", "New York": a capitalised word before the name (a title, an
    // abbreviation, a word the model left out) that with the name spells a listed place
    // belongs to it, and the name is a place; so does a leading title ("St." is also Saint).
    // Looked up as the gazetteer writes names: in title case, with or without the first
    // word's dot.
    auto place_from = [&](std::size_t first) {
        const std::string name = surface_of(segment, first, m->last);
        // The first word's dot, in its token ("St.") or one of its own ("ST" ".").
        std::string undotted = name;
        const std::size_t word = tokens[first].text.size();
        if (name[word - 1] == '.')
            undotted.erase(word - 1, 1);
        else if (word < name.size() && name[word] == '.')
            undotted.erase(word, 1);
        for (const std::string& form : {name, undotted})
            for (const std::string& spelled : {form, to_title_case(form)})
                if (gazetteer.is_place(spelled)) return true;
        return false;
    };
    if (m->type == EntityType::Person && m->first < m->last && is_title(tokens[m->first]) &&
        place_from(m->first)) {
        m->type = EntityType::Place;
    } else if (m->first > 0) {
        // The word before, or before a dot of its own ("ST" "." "LOUIS": an abbreviation of
        // three letters at most or in capitals, not "Saint." ending a sentence), when no
        // mention holds it already.
        std::size_t before = m->first - 1;
        if (tokens[before].text == "." && before > 0 &&
            tokens[before - 1].end == tokens[before].begin &&
            (tokens[before - 1].text.size() <= 3 || all_capitals(tokens[before - 1].text)))
            --before;
        if (static_cast<std::ptrdiff_t>(before) > previous_last && tokens[before].word &&
            starts_upper(tokens[before].text) &&
            tokens[m->first - 1].end + 1 >= tokens[m->first].begin && place_from(before)) {
            m->first = before;
            m->type = EntityType::Place;
        }
    }
    while (m->first <= m->last) {
        const Token& t = tokens[m->first];
        const std::string lower = to_lower(t.text);
        if (lower == "the" && place_with_article(m->first)) break;
        if (!t.word || ((lower == "the" || lower == "a" || lower == "an") && m->first < m->last) ||
            (m->type == EntityType::Person && m->first < m->last && is_title(t)) ||
            (m->first < m->last && (t.text == "of" || t.text == "and")))
            ++m->first;
        else
            break;
    }
    while (m->last >= m->first && m->last < tokens.size()) {
        const Token& t = tokens[m->last];
        // A closing dot belongs to an abbreviation token already; other punctuation does not.
        if (!t.word || t.text == "of" || t.text == "and" || t.text == "the") {
            if (m->last == 0) return false;
            --m->last;
        } else {
            break;
        }
    }
    if (m->first > m->last || m->last >= tokens.size()) return false;
    if (m->first > 0 && tokens[m->first - 1].word && place_with_article(m->first - 1)) --m->first;
    if (to_lower(tokens[m->first].text) == "the") {
        m->type = EntityType::Place;
        m->surface = "The " + surface_of(segment, m->first + 1, m->last);
        return true;
    }
    m->surface = surface_of(segment, m->first, m->last);
    // A lone letter ("M" of "M and G", "F" of a table) is no one's name.
    const bool lone_letter =
        m->type == EntityType::Person && m->first == m->last && letters_in(m->surface) == 1;
    return has_letter(m->surface) && !lone_letter &&
           !(m->type == EntityType::Person && is_date(segment, *m, gazetteer));
}

std::vector<std::string> words_of(const std::string& name) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at <= name.size()) {
        const std::size_t space = name.find(' ', at);
        const std::size_t end = space == std::string::npos ? name.size() : space;
        if (end > at) words.push_back(name.substr(at, end - at));
        if (space == std::string::npos) break;
        at = space + 1;
    }
    return words;
}

// The canonical name of each mention within the article: a person's later surname takes the
// full name it belongs to, an acronym defined in brackets takes its expansion (and type),
// listed short forms their full names, a lone organisation head word ("Bank") the article's
// one organisation that holds it, and ALL-CAPS names the body's mixed-case spelling of the
// same name and type, else normal case (acronyms and initials excepted).
void canonicalise(const std::vector<Found>& found, const Document& document,
                  const Gazetteer& gazetteer, std::vector<Mention>* out) {
    std::unordered_map<std::string, std::string> person_by_part;
    std::unordered_map<std::string, std::pair<std::string, EntityType>> acronyms;
    // Full names of people, body first (titles are short), in text order.
    for (int pass = 0; pass < 2; ++pass) {
        const int wanted = pass == 0 ? 1 : 0;
        for (const Found& m : found) {
            if (m.segment != wanted || m.type != EntityType::Person) continue;
            const auto words = words_of(m.surface);
            if (words.size() < 2) continue;
            // "Le Pen" of "Marine Le Pen": the last words of a longer name.
            for (std::size_t from = 1; from + 1 < words.size(); ++from) {
                std::string tail;
                for (std::size_t k = from; k < words.size(); ++k)
                    tail += (k > from ? " " : "") + words[k];
                person_by_part.emplace(tail, m.surface);
            }
            for (const std::string& word : words) {
                if (word.size() > 2 && word.back() != '.' && starts_upper(word)) {
                    person_by_part.emplace(word, m.surface);
                    person_by_part.emplace(to_lower(word), m.surface);
                    // "al-Sisi" is also written "Sisi".
                    const auto hyphen = word.find('-');
                    if (hyphen != std::string::npos && hyphen < 4 &&
                        !starts_upper(word.substr(0, hyphen)))
                        person_by_part.emplace(word.substr(hyphen + 1), m.surface);
                }
            }
        }
    }
    // "North Atlantic Treaty Organization (NATO)".
    for (std::size_t k = 0; k + 1 < found.size(); ++k) {
        const Found& full = found[k];
        const Found& acronym = found[k + 1];
        if (full.segment != acronym.segment || acronym.first != full.last + 2) continue;
        const auto& tokens = document.segment(full.segment).tokens;
        if (tokens[full.last + 1].text != "(" || !all_capitals(acronym.surface) ||
            words_of(full.surface).size() < 2)
            continue;
        acronyms.emplace(acronym.surface, std::make_pair(full.surface, full.type));
    }
    // "the Bank" of an article that names the Bank of England: a lone organisation head word
    // ("Bank", "Commission", "Ministry") stands for the one organisation of the article whose
    // name holds it; with none or several it stays as written.
    std::unordered_map<std::string, std::set<std::string>> orgs_by_head;
    for (const Found& m : found) {
        if (m.type != EntityType::Org) continue;
        const auto words = words_of(m.surface);
        if (words.size() < 2) continue;
        for (const std::string& word : words)
            if (gazetteer.lists_of(word) & kListOrgWord) orgs_by_head[word].insert(m.surface);
    }
    // The article's organisation names, for their short forms.
    std::vector<std::string> org_surfaces;
    for (const Found& m : found)
        if (m.type == EntityType::Org) org_surfaces.push_back(m.surface);
    const OrgNames org_names(org_surfaces, gazetteer);
    std::unordered_map<std::string, std::string> expansions;  // short form -> full, or ""
    // How the body writes a name in mixed case, by its lower case: a name in capitals of the
    // same type (a Reuters headline's "MOODY", a dateline) takes that spelling, so that it is
    // the same entity, where normal case would guess ("Moody") or leave it ("MOODY").
    std::unordered_map<std::string, const Found*> written;
    for (const Found& m : found)
        if (m.segment == 1 && has_lower_letter(m.surface)) written.emplace(to_lower(m.surface), &m);
    for (const Found& m : found) {
        Mention mention{m.surface, m.type, m.surface};
        if (!has_lower_letter(m.surface)) {
            if (auto same = written.find(to_lower(m.surface));
                same != written.end() && same->second->type == m.type)
                mention.canonical = same->second->surface;
        }
        // Capitals to normal case, but not initials ("U.S.", "F.J."): a dot may only end a
        // word ("ST. LOUIS").
        bool initials = false;
        for (std::size_t dot = m.surface.find('.'); dot != std::string::npos && !initials;
             dot = m.surface.find('.', dot + 1))
            initials = dot + 1 < m.surface.size() && m.surface[dot + 1] != ' ';
        if (!has_lower_letter(m.surface) && !initials && m.surface.size() > 2 &&
            (m.type != EntityType::Org || m.surface.size() > 6) && mention.canonical == m.surface)
            mention.canonical = to_title_case(m.surface);
        if (m.type == EntityType::Org && words_of(m.surface).size() == 1) {
            const auto head = orgs_by_head.find(m.surface);
            if (head != orgs_by_head.end() && head->second.size() == 1)
                mention.canonical = *head->second.begin();
        }
        if (const std::string& listed = gazetteer.canonical_of(m.surface); !listed.empty())
            mention.canonical = listed;
        if (m.type == EntityType::Person) {
            auto full = person_by_part.find(m.surface);
            if (full == person_by_part.end()) full = person_by_part.find(to_lower(m.surface));
            if (full != person_by_part.end()) mention.canonical = full->second;
        }
        if (auto acronym = acronyms.find(m.surface); acronym != acronyms.end()) {
            mention.canonical = acronym->second.first;
            mention.type = acronym->second.second;
        }
        // "GM", "Moody" and "S/P" of an article that names General Motors Corp, Moody's
        // Investors Service Inc and Standard and Poor's Corp (org_names.h).
        if (mention.type == EntityType::Org) {
            auto known = expansions.find(mention.canonical);
            if (known == expansions.end())
                known =
                    expansions.emplace(mention.canonical, org_names.expansion(mention.canonical))
                        .first;
            if (!known->second.empty()) mention.canonical = known->second;
        }
        out->push_back(std::move(mention));
    }
}

// A name directly followed by a company form or other organisation head word that the model
// tagged as a name of its own ("Nord Stream 2" + "AG") is one organisation.
void join_company_forms(const Document& document, const Gazetteer& gazetteer,
                        std::vector<Found>* found) {
    std::vector<Found> joined;
    for (Found& m : *found) {
        if (!joined.empty()) {
            Found& last = joined.back();
            const Segment& segment = document.segment(m.segment);
            if (last.segment == m.segment && m.first == m.last && m.first == last.last + 1 &&
                (gazetteer.lists_of(segment.tokens[m.first].text) &
                 (kListOrgWord | kListCompanyForm))) {
                last.last = m.last;
                last.type = EntityType::Org;
                last.surface = surface_of(segment, last.first, last.last);
                continue;
            }
        }
        joined.push_back(std::move(m));
    }
    *found = std::move(joined);
}

// A number right after a name, one space away, belongs to it ("Nord Stream 2", "Highway 3",
// "Nikkei 225"): the model, which saw few such names, tends to end the name before it. Not
// after a person (a date: "May 2"), not a year ("Paris 2024"), not a number that goes on
// ("Boeing 747-8" keeps 747) or that another mention holds. A place with a number is a road
// or the like when its last word says so ("Highway 3"), else a thing such as a pipeline
// ("Nord Stream 2"), which the guidelines call other.
void join_trailing_numbers(const Document& document, const Gazetteer& gazetteer,
                           std::vector<Found>* found) {
    for (std::size_t k = 0; k < found->size(); ++k) {
        Found& m = (*found)[k];
        const auto& tokens = document.segment(m.segment).tokens;
        const std::size_t next = m.last + 1;
        if (m.type == EntityType::Person || next >= tokens.size()) continue;
        const Token& number = tokens[next];
        if (!number.word || number.begin != tokens[m.last].end + 1 ||
            *(document.segment(m.segment).text->data() + tokens[m.last].end) != ' ' ||
            number.text.size() > 4 ||
            !std::all_of(number.text.begin(), number.text.end(),
                         [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        if (number.text.size() == 4 && number.text >= "1800" && number.text <= "2199") continue;
        if (k + 1 < found->size() && (*found)[k + 1].segment == m.segment &&
            (*found)[k + 1].first == next)
            continue;
        if (m.type == EntityType::Place &&
            !(gazetteer.lists_of(tokens[m.last].text) & kListPlaceWord))
            m.type = EntityType::Other;
        m.last = next;
        m.surface = surface_of(document.segment(m.segment), m.first, m.last);
    }
}

// Two names with only lower-case name particles between them, the second a person, are one
// person ("Ursula" von der "Leyen", "Ludwig" van "Beethoven"): particles are rare in the
// training news, so the model tends to end a name before them.
void join_particle_names(const Document& document, const Gazetteer& gazetteer,
                         std::vector<Found>* found) {
    constexpr std::size_t kMaxParticles = 3;
    std::vector<Found> joined;
    for (Found& m : *found) {
        if (!joined.empty()) {
            Found& last = joined.back();
            const auto& tokens = document.segment(m.segment).tokens;
            bool particles = last.segment == m.segment && m.type == EntityType::Person &&
                             m.first > last.last + 1 && m.first - last.last - 1 <= kMaxParticles;
            for (std::size_t k = last.last + 1; particles && k < m.first; ++k)
                particles = tokens[k].word && !starts_upper(tokens[k].text) &&
                            (gazetteer.lists_of(tokens[k].text) & kListParticle);
            if (particles) {
                last.last = m.last;
                last.type = EntityType::Person;
                last.surface = surface_of(document.segment(m.segment), last.first, last.last);
                continue;
            }
        }
        joined.push_back(std::move(m));
    }
    *found = std::move(joined);
}

// An acronym defined in brackets after a name ("Organisation of Petroleum Exporting Countries
// (OPEC)") tells exactly where the name starts and ends: the longest run of capitalised words
// (with lower-case connectors inside) before the bracket whose initials spell the acronym. The
// model may cut such a name short at a word it rarely saw ("Exporting"); the mentions inside
// the run give way to the whole name, typed as the longest of them was (else organisation).
void complete_acronym_definitions(const Document& document, std::vector<Found>* found) {
    constexpr std::size_t kMaxWords = 12;
    static const std::array<std::string_view, 10> kConnectors = {"of", "the", "and", "for", "&",
                                                                 "de", "du",  "des", "on",  "in"};
    auto connector = [&](const std::string& word) {
        return std::find(kConnectors.begin(), kConnectors.end(), word) != kConnectors.end();
    };
    std::vector<Found> added;
    for (const Found& acronym : *found) {
        const Segment& segment = document.segment(acronym.segment);
        const auto& tokens = segment.tokens;
        const std::string& letters = acronym.surface;
        if (acronym.first != acronym.last || acronym.first < 2 || letters.size() < 2 ||
            letters.size() > 8 || !all_capitals(letters) || tokens[acronym.first - 1].text != "(")
            continue;
        const std::size_t end = acronym.first - 2;  // the name's last token
        std::size_t best_start = 0;
        bool matched = false;
        std::string initials;  // of the capitalised words from `start` to `end`, built backwards
        for (std::size_t start = end + 1, words = 0; start-- > 0 && words < kMaxWords; ++words) {
            const Token& t = tokens[start];
            if (!t.word) break;
            if (starts_upper(t.text)) {
                initials.insert(initials.begin(), t.text[0]);
                if (initials.size() > letters.size()) break;
                if (initials == letters) {
                    best_start = start;
                    matched = true;
                }
            } else if (!connector(t.text)) {
                break;
            }
        }
        if (!matched || !starts_upper(tokens[end].text)) continue;
        Found name{acronym.segment, best_start, end, EntityType::Org,
                   surface_of(segment, best_start, end)};
        std::size_t longest = 0;
        for (const Found& inside : *found) {
            if (inside.segment != name.segment || inside.last < name.first ||
                inside.first > name.last)
                continue;
            if (inside.last - inside.first + 1 > longest) {
                longest = inside.last - inside.first + 1;
                name.type = inside.type;
            }
        }
        if (longest == name.last - name.first + 1) continue;  // the model found it whole
        added.push_back(std::move(name));
    }
    if (added.empty()) return;
    std::vector<Found> kept;
    for (Found& m : *found) {
        const bool covered = std::any_of(added.begin(), added.end(), [&](const Found& name) {
            return name.segment == m.segment && m.first >= name.first && m.last <= name.last;
        });
        if (!covered) kept.push_back(std::move(m));
    }
    for (Found& name : added) kept.push_back(std::move(name));
    std::sort(kept.begin(), kept.end(), [](const Found& a, const Found& b) {
        return std::tie(a.segment, a.first) < std::tie(b.segment, b.first);
    });
    *found = std::move(kept);
}

// A headline capitalises every word, so a title mention can take in words that are not part
// of the name ("Erdoğan Wins Runoff"): when the body never names it so, but does name a part
// of it (or a person's surname), the mention shrinks to the longest such part.
void shrink_title_mentions(const Document& document, std::vector<Found>* found) {
    std::unordered_map<std::string, int> body_names;
    for (const Found& m : *found) {
        if (m.segment != 1) continue;
        body_names.emplace(m.surface, 0);
        body_names.emplace(to_lower(m.surface), 0);
        // A surname alone ("Erdoğan" of "Recep Tayyip Erdoğan").
        if (m.type == EntityType::Person) {
            const auto space = m.surface.rfind(' ');
            if (space != std::string::npos) {
                body_names.emplace(m.surface.substr(space + 1), 0);
                body_names.emplace(to_lower(m.surface.substr(space + 1)), 0);
            }
        }
    }
    if (body_names.empty()) return;
    const Segment& title = document.segment(0);
    for (Found& m : *found) {
        if (m.segment != 0 || m.first == m.last || body_names.count(m.surface) ||
            body_names.count(to_lower(m.surface)))
            continue;
        std::size_t best_first = 0, best_last = 0, best_length = 0;
        for (std::size_t a = m.first; a <= m.last; ++a) {
            for (std::size_t b = m.last + 1; b-- > a;) {
                if (b - a + 1 <= best_length || b - a == m.last - m.first) continue;
                if (!title.tokens[a].word || !title.tokens[b].word) continue;
                const std::string part = surface_of(title, a, b);
                if (body_names.count(part) || body_names.count(to_lower(part))) {
                    best_first = a;
                    best_last = b;
                    best_length = b - a + 1;
                }
            }
        }
        if (best_length > 0) {
            m.first = best_first;
            m.last = best_last;
            m.surface = surface_of(title, best_first, best_last);
        }
    }
}

// One type per name within an article: every mention of the same surface takes the type most of
// them have (ties: the first mention's), and the surname or last words of a person's full name
// in the article ("Le Pen" after "Marine Le Pen") are that person. The model types each mention
// from its own context, and a story that names a company five times should not call it a person
// once.
void vote_types(std::vector<Found>* found) {
    std::unordered_map<std::string, std::array<int, 4>> votes;
    std::unordered_map<std::string, int> first;
    std::unordered_map<std::string, bool> person_part;
    for (const Found& m : *found) {
        ++votes[m.surface][static_cast<int>(m.type)];
        first.emplace(m.surface, static_cast<int>(m.type));
        if (m.type == EntityType::Person) {
            // The surname and the last words of a full name ("Milley", "Le Pen").
            const auto words = words_of(m.surface);
            std::string tail;
            for (std::size_t k = words.size(); k-- > 1;) {
                tail = words[k] + (tail.empty() ? "" : " ") + tail;
                person_part[tail] = true;
            }
        }
    }
    for (Found& m : *found) {
        const auto& v = votes[m.surface];
        int best = first[m.surface];
        for (int type = 0; type < 4; ++type) {
            if (v[type] > v[best]) best = type;
        }
        m.type = static_cast<EntityType>(best);
        if (person_part.count(m.surface)) m.type = EntityType::Person;
    }
}

}  // namespace

const Model& default_model() {
    static const Model model = [] {
        const auto file = entity_data_dir() / "model.bin";
        try {
            return Model::load(file);
        } catch (const std::exception& error) {
            std::cerr << "newsindex: " << error.what() << "; no entities will be found\n";
            return Model();
        }
    }();
    return model;
}

namespace {

// The first max_bytes or fewer of whole, ending at a paragraph break when one is in the
// second half, else at a space, never inside a UTF-8 character.
std::string text_prefix(const std::string& whole, std::size_t max_bytes) {
    const std::string_view head = text::truncate_utf8(whole, max_bytes);
    if (head.size() == whole.size()) return whole;
    for (std::string_view boundary : {"\n\n", " "}) {
        const std::size_t at = head.rfind(boundary);
        if (at != std::string_view::npos && at >= head.size() / 2)
            return std::string(head.substr(0, at));
    }
    return std::string(head);
}

}  // namespace

std::vector<Mention> extract(const std::string& title, const std::string& body,
                             const Gazetteer& gazetteer) {
    return extract(title, body, gazetteer, default_model());
}

std::vector<Mention> extract(const std::string& title, const std::string& body,
                             const Gazetteer& gazetteer, const Model& model) {
    if (title.size() > kMaxEntityTextBytes / 10 || body.size() > kMaxEntityTextBytes)
        return extract(text_prefix(title, kMaxEntityTextBytes / 10),
                       text_prefix(body, kMaxEntityTextBytes), gazetteer, model);
    Document document(title, body, gazetteer);
    std::vector<int> tags[Document::kSegments];
    model.decode(document, tags);
    std::vector<Found> found;
    for (int s = 0; s < Document::kSegments; ++s) {
        const Segment& segment = document.segment(s);
        const auto& t = tags[s];
        for (std::size_t i = 0; i < t.size();) {
            if (t[i] == kOutside) {
                ++i;
                continue;
            }
            Found m{s, i, i, static_cast<EntityType>(tag_type(t[i])), {}};
            std::size_t j = i + 1;
            while (j < t.size() && t[j] == inside_tag(tag_type(t[i]))) ++j;
            m.last = j - 1;
            const std::ptrdiff_t previous_last =
                !found.empty() && found.back().segment == s
                    ? static_cast<std::ptrdiff_t>(found.back().last)
                    : -1;
            if (trim(segment, gazetteer, previous_last, &m)) found.push_back(std::move(m));
            i = j;
        }
    }
    join_company_forms(document, gazetteer, &found);
    join_particle_names(document, gazetteer, &found);
    join_trailing_numbers(document, gazetteer, &found);
    complete_acronym_definitions(document, &found);
    shrink_title_mentions(document, &found);
    vote_types(&found);
    std::vector<Mention> mentions;
    canonicalise(found, document, gazetteer, &mentions);
    return mentions;
}

}  // namespace newsindex::entities
