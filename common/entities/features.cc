#include "entities/features.h"

#include <string_view>

#include "entities/casing.h"

namespace newsindex::entities {

namespace {

const char* const kTagNames[kTagCount] = {"O",       "B-person", "I-person", "B-org",  "I-org",
                                          "B-place", "I-place",  "B-other",  "I-other"};
const char* const kListNames[] = {"place", "title",   "orgword", "org",  "placeword",
                                  "otherword", "demonym", "notname", "abbr", "first"};

// Which type labels the other occurrences of a word in the article carry (pass two).
constexpr int kTypes = 4;

// FNV-1a, 64 bits, fed piece by piece.
constexpr std::uint64_t kHashStart = 1469598103934665603ull;
std::uint64_t hash_more(std::uint64_t hash, std::string_view piece) {
    for (const char c : piece) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace

const char* tag_name(int tag) { return tag >= 0 && tag < kTagCount ? kTagNames[tag] : "?"; }

std::uint64_t feature_hash(const std::string& name) { return hash_more(kHashStart, name); }

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

void Document::prepare(const Gazetteer& gazetteer) {
    for (int s = 0; s < kSegments; ++s) {
        const auto& tokens = segments_[s].tokens;
        auto& info = info_[s];
        info.resize(tokens.size());
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& t = tokens[i];
            info[i].lower = to_lower(t.text);
            info[i].shape = word_shape(t.text);
            std::uint32_t lists = gazetteer.lists_of(t.text);
            if (t.word && all_capitals(t.text) && t.text.size() > 3)
                lists |= gazetteer.lists_of(to_title_case(t.text));
            if (!t.text.empty() && t.text.back() == '.')
                lists |= gazetteer.lists_of(t.text.substr(0, t.text.size() - 1)) & kListTitle;
            info[i].lists = lists;
            if (!t.word) continue;
            const InitialCase c = initial_case(t.text);
            if (c == InitialCase::Lower) ++lower_seen_[info[i].lower];
            if (s == 1 && c == InitialCase::Upper && !t.sentence_start && !all_capitals(t.text))
                ++capital_mid_[info[i].lower];
        }
        // Listed places of several words ("New York", "Papua New Guinea"), longest first.
        const std::size_t longest = std::min<std::size_t>(gazetteer.longest_place_words(), 5);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!tokens[i].word || !starts_upper(tokens[i].text)) continue;
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
                if (gazetteer.is_place(name) ||
                    (all_capitals(name) && name.size() > 3 && gazetteer.is_place(to_title_case(name))))
                    best = n;
            }
            if (best > 1) {
                info[i].place_match = 1;
                for (std::size_t k = 1; k < best; ++k) info[i + k].place_match = 2;
                i += best - 1;
            }
        }
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

void Document::set_first_pass(const std::vector<int> (&tags)[kSegments]) {
    word_types_.clear();
    for (int s = 0; s < kSegments; ++s) {
        first_pass_[s] = tags[s];
        for (std::size_t k = 0; k < segments_[s].tokens.size() && k < tags[s].size(); ++k) {
            if (!segments_[s].tokens[k].word) continue;
            auto& counts = word_types_.try_emplace(info_[s][k].lower, std::array<int, 5>{}).first->second;
            const int tag = tags[s][k];
            ++counts[tag == kOutside ? kTypes : tag_type(tag)];
        }
    }
}

void Document::features(int s, std::size_t i, bool second_pass,
                        std::vector<std::uint64_t>* out) const {
    base_features(s, i, out);
    if (second_pass) consistency_features(s, i, out);
}

void Document::base_features(int s, std::size_t i, std::vector<std::uint64_t>* out) const {
    const auto& tokens = segments_[s].tokens;
    const auto& info = info_[s];
    const Token& t = tokens[i];
    const TokenInfo& me = info[i];
    // The hash of "key=value" or "key=first|second", without building the string.
    auto add2 = [&](std::string_view key, std::string_view first, std::string_view second) {
        std::uint64_t hash = hash_more(kHashStart, key);
        hash = hash_more(hash, "=");
        hash = hash_more(hash, first);
        hash = hash_more(hash, "|");
        out->push_back(hash_more(hash, second));
    };
    auto add = [&](std::string_view key, std::string_view value) {
        std::uint64_t hash = hash_more(kHashStart, key);
        hash = hash_more(hash, "=");
        out->push_back(hash_more(hash, value));
    };
    auto lower_at = [&](std::ptrdiff_t k) -> const std::string& {
        static const std::string start = "<s>", end = "</s>";
        if (k < 0) return start;
        if (static_cast<std::size_t>(k) >= tokens.size()) return end;
        return info[static_cast<std::size_t>(k)].lower;
    };
    auto shape_at = [&](std::ptrdiff_t k) -> const std::string& {
        static const std::string start = "<s>", end = "</s>";
        if (k < 0) return start;
        if (static_cast<std::size_t>(k) >= tokens.size()) return end;
        return info[static_cast<std::size_t>(k)].shape;
    };
    const auto at = static_cast<std::ptrdiff_t>(i);
    add("b", "");
    add("w", t.text);
    add("l", me.lower);
    add("sh", me.shape);
    // Prefixes and suffixes, in bytes: enough for the Latin-script endings that matter
    // ("-ian", "-stan", "-berg", "Mc-").
    for (std::size_t n = 1; n <= 3 && n <= me.lower.size(); ++n) add("p", me.lower.substr(0, n));
    for (std::size_t n = 1; n <= 4 && n <= me.lower.size(); ++n)
        add("s", me.lower.substr(me.lower.size() - n));
    add("l-1", lower_at(at - 1));
    add("l+1", lower_at(at + 1));
    add("l-2", lower_at(at - 2));
    add("l+2", lower_at(at + 2));
    add("sh-1", shape_at(at - 1));
    add("sh+1", shape_at(at + 1));
    add2("sh-1|sh", shape_at(at - 1), me.shape);
    add2("sh|sh+1", me.shape, shape_at(at + 1));
    add2("l-1|l", lower_at(at - 1), me.lower);
    add2("l|l+1", me.lower, lower_at(at + 1));
    add2("l-1|sh", lower_at(at - 1), me.shape);
    add2("sh|l+1", me.shape, lower_at(at + 1));
    if (t.sentence_start) add("ss|sh", me.shape);
    if (t.line_start) add("ls|sh", me.shape);
    // Title versus body, and the headline's style: in a headline every word is capitalised.
    if (s == 0) {
        add("title|sh", me.shape);
        if (headline_) add("headline|sh", me.shape);
        if (caps_title_) add("capstitle|sh", me.shape);
    } else if (i < 8) {
        // The opening of the body: datelines ("LONDON —", "WASHINGTON, Jan 5 (Reuters) -").
        add2("open|sh", std::string_view("01234567" + i, 1), me.shape);
    }
    // Byline: "By Jane Doe" at the start of a line.
    if (i > 0 && tokens[i - 1].line_start && info[i - 1].lower == "by") add("byline", me.shape);
    // What the rest of the article says about this word.
    if (t.word) {
        const auto lower = lower_seen_.find(me.lower);
        const int lower_count = lower == lower_seen_.end() ? 0 : lower->second;
        const bool own_lower = initial_case(t.text) == InitialCase::Lower;
        if (lower_count > (own_lower ? 1 : 0)) add("lowseen|sh", me.shape);
        const auto capital = capital_mid_.find(me.lower);
        if (capital != capital_mid_.end() && capital->second > 0) add("capmid|sh", me.shape);
    }
    // Gazetteer lists of the word and its neighbours.
    for (int bit = 0; bit < 10; ++bit) {
        if (me.lists & (1u << bit)) add("g", kListNames[bit]);
        if (i > 0 && (info[i - 1].lists & (1u << bit))) add("g-1", kListNames[bit]);
        if (i + 1 < tokens.size() && (info[i + 1].lists & (1u << bit))) add("g+1", kListNames[bit]);
    }
    if (me.place_match) add("gp", me.place_match == 1 ? "B" : "I");
    // The rule extractor's reading (when the model was trained with it).
    const auto& rules = segments_[s].rule_tags;
    if (!rules.empty()) {
        add("r", tag_name(rules[i]));
        add2("r|sh", tag_name(rules[i]), me.shape);
        if (i + 1 < rules.size()) add("r+1", tag_name(rules[i + 1]));
        if (i > 0) add("r-1", tag_name(rules[i - 1]));
    }
}

void Document::consistency_features(int s, std::size_t i, std::vector<std::uint64_t>* out) const {
    const Token& t = segments_[s].tokens[i];
    const TokenInfo& me = info_[s][i];
    auto add = [&](std::string_view key, std::string_view value) {
        std::uint64_t hash = hash_more(kHashStart, key);
        hash = hash_more(hash, "=");
        out->push_back(hash_more(hash, value));
    };
    // Pass two: the types the first pass gave the same word elsewhere in the article.
    if (t.word && has_letter(t.text)) {
        const auto found = word_types_.find(me.lower);
        if (found != word_types_.end()) {
            std::array<int, kTypes + 1> counts = found->second;
            const int own = first_pass_[s][i];
            --counts[own == kOutside ? kTypes : tag_type(own)];
            static const char* const kTypeKeys[kTypes + 1] = {"person", "org", "place", "other",
                                                              "O"};
            bool any = false;
            for (int type = 0; type < kTypes; ++type) {
                if (counts[type] > 0) {
                    add("doc", kTypeKeys[type]);
                    any = true;
                }
            }
            if (!any && counts[kTypes] > 0) add("doc", "O");
        }
    }
}

}  // namespace newsindex::entities
