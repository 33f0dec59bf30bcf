#include "entities/features.h"

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <unordered_set>

#include "entities/casing.h"

namespace newsindex::entities {

namespace {

const char* const kTagNames[kTagCount] = {"O",       "B-person", "I-person", "B-org",  "I-org",
                                          "B-place", "I-place",  "B-other",  "I-other"};
const char* const kListNames[] = {"place",     "title",     "orgword", "org",
                                  "placeword", "otherword", "demonym", "notname",
                                  "abbr",      "first",     "particle"};
constexpr int kListCount = sizeof kListNames / sizeof kListNames[0];

// Lower-case words of four letters or more that join the words of names ("Gone with the
// Wind", "Once upon a Time"); the shorter ones ("of", "the", "and", "von") are scored anyway.
bool joins_names(const std::string& lower) {
    static const std::unordered_set<std::string_view> kJoiners = {
        "with",    "from",    "upon", "into",  "over",  "onto",  "unto",  "about", "under",
        "through", "without", "than", "della", "delle", "dello", "degli", "dalla", "dalle"};
    return kJoiners.count(lower) > 0;
}

// The characters of a UTF-8 word: its bytes that do not continue a character.
std::size_t letters(const std::string& word) {
    return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Tokens that never begin, continue or end a name: see Document::always_outside().
bool never_in_name(const Token& token, const std::string& lower, const std::string& shape) {
    if (token.word)
        return shape == "x" && letters(token.text) >= 4 && has_lower_letter(token.text) &&
               !joins_names(lower);
    static const std::string_view kSymbols = "()[]{}<>\"*=|#~^`;";
    return (token.text.size() == 1 && kSymbols.find(token.text[0]) != std::string_view::npos) ||
           token.text == "\u201C" || token.text == "\u201D";
}

// Whether a capitalised word is the adjective of a listed place, by the usual English
// endings: "Rwandan" (Rwanda), "Brazilian" (Brazil), "Canadian" (Canada), "Iraqi" (Iraq),
// "Senegalese" (Senegal), "Chinese" (China). demonyms.txt cannot list every country's.
bool demonym_of_listed_place(const std::string& word, const Gazetteer& gazetteer) {
    static const std::pair<std::string_view, std::string_view> kEndings[] = {
        {"n", ""}, {"an", ""}, {"ian", ""}, {"ian", "a"}, {"i", ""}, {"ese", ""}, {"ese", "a"}};
    if (word.size() < 5 || !starts_upper(word) || all_capitals(word)) return false;
    for (const auto& [ending, restore] : kEndings) {
        if (word.size() <= ending.size() + 2 ||
            word.compare(word.size() - ending.size(), ending.size(), ending) != 0)
            continue;
        std::string place = word.substr(0, word.size() - ending.size());
        place += restore;
        if (gazetteer.is_place(place)) return true;
    }
    return false;
}

// Which type labels the other occurrences of a word in the article carry (pass two).
constexpr int kTypes = 4;

// FNV-1a, 64 bits, fed piece by piece.
constexpr std::uint64_t kHashStart = 1469598103934665603ull;
// Mixes a value's hash into a feature's (a multiply-xorshift finaliser, order-sensitive).
std::uint64_t mix(std::uint64_t hash, std::uint64_t value) {
    std::uint64_t x = hash ^ (value * 0x9E3779B97F4A7C15ull);
    x ^= x >> 31;
    x *= 0xD6E8FEB86659FD93ull;
    x ^= x >> 32;
    return x;
}

constexpr std::uint64_t hash_more(std::uint64_t hash, std::string_view piece) {
    for (const char c : piece) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace

// A feature key's hash, computed by the compiler.
#define KEY(name) std::integral_constant<std::uint64_t, hash_more(kHashStart, name)>::value

const char* tag_name(int tag) {
    return tag >= 0 && tag < kTagCount ? kTagNames[tag] : "?";
}

void force_outside(float* row) {
    // Far below any sum of weights, yet finite, so that Viterbi's sums stay ordinary numbers.
    constexpr float kForbidden = -1e6f;
    for (int tag = 0; tag < kTagCount; ++tag)
        if (tag != kOutside) row[tag] = kForbidden;
}

std::uint64_t feature_hash(const std::string& name) {
    return hash_more(kHashStart, name);
}

Document::Document(const std::string& title, const std::string& body, const Gazetteer& gazetteer) {
    auto abbreviation = [&gazetteer](const std::string& word) {
        return gazetteer.is_abbreviation(word);
    };
    segments_[0].text = &title;
    segments_[0].tokens = tokenize(title, abbreviation);
    segments_[0].title = true;
    segments_[1].text = &body;
    segments_[1].tokens = tokenize(body, abbreviation);
    prepare(gazetteer);
}

void Document::mark_places(const std::vector<Token>& tokens, const Gazetteer& gazetteer,
                           std::vector<TokenInfo>& info) {
    // Places and cities alike: here they are features only.
    auto place_or_city = [&](const std::string& name) {
        return gazetteer.is_place(name) || (gazetteer.lists_of(name) & kListCity) != 0;
    };
    auto listed = [&](const std::string& name) {
        return place_or_city(name) ||
               (all_capitals(name) && name.size() > 3 && place_or_city(to_title_case(name)));
    };
    const std::size_t longest = std::min<std::size_t>(gazetteer.longest_place_words(), 5);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].word || !starts_upper(tokens[i].text)) continue;
        if (!gazetteer.starts_place_name(tokens[i].text) &&
            !(all_capitals(tokens[i].text) &&
              gazetteer.starts_place_name(to_title_case(tokens[i].text))))
            continue;
        std::string name;
        std::size_t best = 0;
        for (std::size_t n = 1; n <= longest && i + n <= tokens.size(); ++n) {
            const Token& t = tokens[i + n - 1];
            if (n > 1) {
                if (tokens[i + n - 2].end == t.begin) {
                    if (t.text != "-") {
                        name += t.text;
                    } else {
                        name += "-";
                        continue;
                    }
                } else {
                    name += ' ';
                    name += t.text;
                }
            } else {
                name = t.text;
            }
            if (listed(name)) best = n;
        }
        if (best > 1) {
            info[i].place_match = 1;
            for (std::size_t k = 1; k < best; ++k) info[i + k].place_match = 2;
            i += best - 1;
        }
    }
}

void Document::prepare(const Gazetteer& gazetteer) {
    for (int s = 0; s < kSegments; ++s) {
        const auto& tokens = segments_[s].tokens;
        auto& info = info_[s];
        info.resize(tokens.size());
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& t = tokens[i];
            info[i].lower = to_lower(t.text);
            info[i].shape = word_shape(t.text);
            info[i].text_hash = hash_more(kHashStart, t.text);
            info[i].lower_hash = hash_more(kHashStart, info[i].lower);
            info[i].shape_hash = hash_more(kHashStart, info[i].shape);
            info[i].outside = never_in_name(t, info[i].lower, info[i].shape);
            if (!t.word) continue;
            if (info[i].outside) {
                // A word of lower-case letters only: in no list (they hold names and
                // capitalised words), so only its case is counted.
                if (initial_case(t.text) == InitialCase::Lower) ++lower_seen_[info[i].lower_hash];
                continue;
            }
            std::uint32_t lists = gazetteer.lists_of(t.text);
            if (all_capitals(t.text) && t.text.size() > 3)
                lists |= gazetteer.lists_of(to_title_case(t.text));
            if (t.text.back() == '.')
                lists |= gazetteer.lists_of(t.text.substr(0, t.text.size() - 1)) & kListTitle;
            // To the model a city is a place: apart, the cities' own weight came out weaker
            // (they include surnames such as "Warren"), and gold place F1 fell from 0.945 to
            // 0.929. Only the steps after the model keep them apart (Gazetteer::is_place).
            if (lists & kListCity) lists |= kListPlace;
            if (!(lists & kListDemonym) && demonym_of_listed_place(t.text, gazetteer))
                lists |= kListDemonym;
            info[i].lists = lists;
            const InitialCase c = initial_case(t.text);
            if (c == InitialCase::Lower) ++lower_seen_[info[i].lower_hash];
            if (s == 1 && c == InitialCase::Upper && !t.sentence_start && !all_capitals(t.text))
                ++capital_mid_[info[i].lower_hash];
        }
        // Listed places of several words ("New York", "Papua New Guinea"), longest first.
        mark_places(tokens, gazetteer, info);
        runs_[s] = find_name_runs(tokens);
    }
    const auto& title = segments_[0].tokens;
    std::size_t words = 0, capitals = 0, all_caps = 0;
    for (const Token& t : title) {
        if (!t.word || info_[0][&t - title.data()].shape == "d") continue;
        ++words;
        if (starts_upper(t.text)) ++capitals;
        if (!has_lower_letter(t.text)) ++all_caps;
    }
    headline_ = words >= 3 && capitals * 10 >= words * 7;
    caps_title_ = words >= 2 && all_caps == words;
}

namespace {

// Where a token's first-pass tag is counted in Document::word_types_: a name of one word of
// type t at t, a word of a longer name ("England" in "Bank of England") at kTypes + t, O at
// kWordSlots - 1. Apart, so that "University of Maiduguri" does not make "Maiduguri" alone an
// organisation.
int word_slot(const std::vector<int>& tags, std::size_t k) {
    const int tag = tags[k];
    if (tag == kOutside) return kWordSlots - 1;
    const bool longer = !is_begin(tag) || (k + 1 < tags.size() && tags[k + 1] == tag + 1);
    return (longer ? kTypes : 0) + tag_type(tag);
}

}  // namespace

void Document::set_first_pass(const std::vector<int> (&tags)[kSegments]) {
    word_types_.clear();
    for (int s = 0; s < kSegments; ++s) {
        first_pass_[s] = tags[s];
        for (std::size_t k = 0; k < segments_[s].tokens.size() && k < tags[s].size(); ++k) {
            if (!segments_[s].tokens[k].word) continue;
            auto& counts =
                word_types_.try_emplace(info_[s][k].lower_hash, WordSlots{}).first->second;
            ++counts[word_slot(tags[s], k)];
        }
    }
}

void Document::features(int s, std::size_t i, bool second_pass,
                        std::vector<std::uint64_t>* out) const {
    base_features(s, i, out);
    if (second_pass) consistency_features(s, i, out);
}

void Document::base_features(int s, std::size_t i, std::vector<std::uint64_t>* out,
                             bool hide_word) const {
    const auto& tokens = segments_[s].tokens;
    const auto& info = info_[s];
    const Token& t = tokens[i];
    const TokenInfo& me = info[i];
    if (me.outside) return;
    // A feature is the hash of its key mixed with the hashes of its values; the values'
    // hashes are computed once per token (prepare), as each word is also its neighbours'
    // context.
    auto addh = [&](std::uint64_t key, std::uint64_t value) { out->push_back(mix(key, value)); };
    auto addh2 = [&](std::uint64_t key, std::uint64_t first, std::uint64_t second) {
        out->push_back(mix(mix(key, first), second));
    };
    auto add = [&](std::uint64_t key, std::string_view value) {
        addh(key, hash_more(kHashStart, value));
    };
    static const std::uint64_t kStart = hash_more(kHashStart, "<s>");
    static const std::uint64_t kEnd = hash_more(kHashStart, "</s>");
    auto lower_at = [&](std::ptrdiff_t k) {
        if (k < 0) return kStart;
        if (static_cast<std::size_t>(k) >= tokens.size()) return kEnd;
        return info[static_cast<std::size_t>(k)].lower_hash;
    };
    auto shape_at = [&](std::ptrdiff_t k) {
        if (k < 0) return kStart;
        if (static_cast<std::size_t>(k) >= tokens.size()) return kEnd;
        return info[static_cast<std::size_t>(k)].shape_hash;
    };
    const std::uint64_t shape = me.shape_hash, lower = me.lower_hash;
    const auto at = static_cast<std::ptrdiff_t>(i);
    add(KEY("b"), "");
    addh(KEY("sh"), shape);
    if (!hide_word) {
        addh(KEY("w"), me.text_hash);
        addh(KEY("l"), lower);
        // Prefixes and suffixes, in bytes: enough for the Latin-script endings that matter
        // ("-ian", "-stan", "-berg", "Mc-").
        for (std::size_t n = 1; n <= 3 && n <= me.lower.size(); ++n)
            add(KEY("p"), std::string_view(me.lower).substr(0, n));
        for (std::size_t n = 1; n <= 4 && n <= me.lower.size(); ++n)
            add(KEY("s"), std::string_view(me.lower).substr(me.lower.size() - n));
    }
    addh(KEY("l-1"), lower_at(at - 1));
    addh(KEY("l+1"), lower_at(at + 1));
    addh(KEY("l-2"), lower_at(at - 2));
    addh(KEY("l+2"), lower_at(at + 2));
    addh(KEY("sh-1"), shape_at(at - 1));
    addh(KEY("sh+1"), shape_at(at + 1));
    addh2(KEY("sh-1|sh"), shape_at(at - 1), shape);
    addh2(KEY("sh|sh+1"), shape, shape_at(at + 1));
    if (!hide_word) {
        addh2(KEY("l-1|l"), lower_at(at - 1), lower);
        addh2(KEY("l|l+1"), lower, lower_at(at + 1));
    }
    addh2(KEY("l-1|sh"), lower_at(at - 1), shape);
    addh2(KEY("sh|l+1"), shape, lower_at(at + 1));
    if (t.sentence_start) addh(KEY("ss|sh"), shape);
    if (t.line_start) addh(KEY("ls|sh"), shape);
    // A word alone on its line: a sign-off ("Reuter"), a heading, a table's label.
    if (t.line_start && (i + 1 == tokens.size() || tokens[i + 1].line_start))
        addh(KEY("lone|sh"), shape);
    // Title versus body, and the headline's style: in a headline every word is capitalised.
    if (s == 0) {
        addh(KEY("title|sh"), shape);
        if (headline_) addh(KEY("headline|sh"), shape);
        if (caps_title_) addh(KEY("capstitle|sh"), shape);
    } else if (i < 8) {
        // The opening of the body: datelines ("LONDON —", "WASHINGTON, Jan 5 (Reuters) -").
        addh2(KEY("open|sh"), i, shape);
    }
    // Byline: "By Jane Doe" at the start of a line.
    if (i > 0 && tokens[i - 1].line_start && info[i - 1].lower == "by") addh(KEY("byline"), shape);
    // What the rest of the article says about this word.
    if (t.word) {
        const auto lower = lower_seen_.find(me.lower_hash);
        const int lower_count = lower == lower_seen_.end() ? 0 : lower->second;
        const bool own_lower = initial_case(t.text) == InitialCase::Lower;
        if (lower_count > (own_lower ? 1 : 0)) addh(KEY("lowseen|sh"), shape);
        const auto capital = capital_mid_.find(me.lower_hash);
        if (capital != capital_mid_.end() && capital->second > 0) addh(KEY("capmid|sh"), shape);
    }
    // Gazetteer lists of the word and its neighbours.
    for (int bit = 0; bit < kListCount; ++bit) {
        if (me.lists & (1u << bit)) add(KEY("g"), kListNames[bit]);
        if (i > 0 && (info[i - 1].lists & (1u << bit))) add(KEY("g-1"), kListNames[bit]);
        if (i + 1 < tokens.size() && (info[i + 1].lists & (1u << bit)))
            add(KEY("g+1"), kListNames[bit]);
    }
    if (me.place_match) add(KEY("gp"), me.place_match == 1 ? "B" : "I");
    run_features(s, i, out, hide_word);
}

void Document::run_features(int s, std::size_t i, std::vector<std::uint64_t>* out,
                            bool hide_word) const {
    const int index = runs_[s].run_of[i];
    if (index < 0) return;
    const NameRun& run = runs_[s].runs[static_cast<std::size_t>(index)];
    const auto& tokens = segments_[s].tokens;
    const auto& info = info_[s];
    auto addh = [&](std::uint64_t key, std::uint64_t value) { out->push_back(mix(key, value)); };
    auto addh2 = [&](std::uint64_t key, std::uint64_t first, std::uint64_t second) {
        out->push_back(mix(mix(key, first), second));
    };
    static const std::uint64_t kStart = hash_more(kHashStart, "<s>");
    static const std::uint64_t kEnd = hash_more(kHashStart, "</s>");
    // The token's place in its run: U alone, B first, I inside, L last; with the run's length
    // (1 to 5 or more) and whether the run opens a sentence.
    const std::size_t length = run.end - run.begin;
    const std::uint64_t position = length == 1 ? 0 : i == run.begin ? 1 : i + 1 == run.end ? 3 : 2;
    const bool opens_sentence = tokens[run.begin].sentence_start;
    const std::uint64_t shape_of_run =
        position * 16 + std::min<std::size_t>(length, 5) * 2 + (opens_sentence ? 1 : 0);
    addh(KEY("rp"), shape_of_run);
    addh2(KEY("rp|sh"), shape_of_run, info[i].shape_hash);
    // The run's last capitalised word names what kind of thing it is ("River", "Bank",
    // "Council", "Dam"); its first word may be a title or a given name.
    const TokenInfo& head = info[run.head];
    const TokenInfo& first = info[run.begin];
    // A hidden word (base_features) is hidden here too, where it is the run's first or last.
    if (!hide_word || run.head != i) addh2(KEY("rh|p"), head.lower_hash, position);
    if (!hide_word || run.begin != i) addh2(KEY("rf|p"), first.lower_hash, position);
    for (int bit = 0; bit < kListCount; ++bit) {
        const auto b = static_cast<std::uint64_t>(bit);
        if (head.lists & (1u << bit)) addh2(KEY("rhg|p"), b, position);
        if (first.lists & (1u << bit)) addh2(KEY("rfg|p"), b, position);
    }
    // What surrounds the run: "in ..." and "at ..." before places, "... said" after people,
    // "(" after a name an acronym defines.
    const std::uint64_t before = run.begin == 0 ? kStart : info[run.begin - 1].lower_hash;
    const std::uint64_t after = run.end >= tokens.size() ? kEnd : info[run.end].lower_hash;
    addh2(KEY("rb|p"), before, position);
    addh2(KEY("ra|p"), after, position);
    // "Maiduguri, Nigeria", "Duluth, Minn.": a run followed by a comma and a listed place.
    if (run.end + 1 < tokens.size() && tokens[run.end].text == "," &&
        ((info[run.end + 1].lists & (kListPlace | kListCity)) ||
         info[run.end + 1].place_match == 1))
        addh(KEY("r,place|p"), position);
    // A run joined to the one before or after it ("Bank" of "England"): the joiners, and the
    // last and first words of the other run.
    const auto& runs = runs_[s].runs;
    if (run.previous >= 0) {
        const NameRun& other = runs[static_cast<std::size_t>(run.previous)];
        addh2(KEY("rjb|p"), info[other.end].lower_hash, position);
        addh2(KEY("rjbh|p"), info[other.head].lower_hash, position);
        for (int bit = 0; bit < kListCount; ++bit)
            if (info[other.head].lists & (1u << bit))
                addh2(KEY("rjbhg|p"), static_cast<std::uint64_t>(bit), position);
    }
    if (run.next >= 0) {
        const NameRun& other = runs[static_cast<std::size_t>(run.next)];
        addh2(KEY("rja|p"), info[run.end].lower_hash, position);
        addh2(KEY("rjah|p"), info[other.head].lower_hash, position);
        for (int bit = 0; bit < kListCount; ++bit)
            if (info[other.head].lists & (1u << bit))
                addh2(KEY("rjahg|p"), static_cast<std::uint64_t>(bit), position);
    }
    // A dateline: a run at the start of a body line, in capitals, followed by a comma or a
    // dash ("NEW YORK, March 5 -", "BENGALURU, Aug 23 (Reuters) -").
    if (s == 1 && tokens[run.begin].line_start && run.end < tokens.size() &&
        all_capitals(tokens[run.head].text))
        addh2(KEY("rdl|a"), after, position);
}

void Document::consistency_features(int s, std::size_t i, std::vector<std::uint64_t>* out) const {
    const Token& t = segments_[s].tokens[i];
    const TokenInfo& me = info_[s][i];
    if (me.outside) return;
    auto add = [&](std::string_view key, std::string_view value) {
        out->push_back(mix(hash_more(kHashStart, key), hash_more(kHashStart, value)));
    };
    // Pass two: the types the first pass gave the same word elsewhere in the article, as a
    // name of its own and as a word of a longer name.
    if (t.word && has_letter(t.text)) {
        const auto found = word_types_.find(me.lower_hash);
        if (found != word_types_.end()) {
            WordSlots counts = found->second;
            --counts[word_slot(first_pass_[s], i)];
            static const char* const kSlotKeys[kWordSlots] = {"person",   "org",       "place",
                                                              "other",    "in-person", "in-org",
                                                              "in-place", "in-other",  "O"};
            bool any = false;
            for (int slot = 0; slot + 1 < kWordSlots; ++slot) {
                if (counts[slot] > 0) {
                    add("doc", kSlotKeys[slot]);
                    any = true;
                }
            }
            if (!any && counts[kWordSlots - 1] > 0) add("doc", "O");
        }
    }
}

}  // namespace newsindex::entities
