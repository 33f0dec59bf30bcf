// Features of the entity recogniser: for each token, the hashed names of the facts the model
// weighs (the word and its lower case, shape, prefixes and suffixes, neighbours and their
// shapes, sentence position, title versus body, gazetteer lists, what the rest of the article
// says about the same word, and the run of capitalised words it stands in: the run's first and
// last words and the words around it). docs/entities.md lists them.
// Pure functions of their inputs, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities/gazetteer.h"
#include "entities/name_runs.h"
#include "entities/tokenizer.h"

namespace newsindex::entities {

// Tags: O, then B- and I- for each of person, org, place, other (BIO).
constexpr int kTagCount = 9;
constexpr int kOutside = 0;
inline int begin_tag(int type) {
    return 1 + 2 * type;
}  // type: EntityType as int
inline int inside_tag(int type) {
    return 2 + 2 * type;
}
inline int tag_type(int tag) {
    return (tag - 1) / 2;
}  // for tag != kOutside
inline bool is_begin(int tag) {
    return tag != kOutside && (tag - 1) % 2 == 0;
}
const char* tag_name(int tag);  // "O", "B-person", ...

// Sets a token's tag scores so that only O can win: for tokens that are always_outside().
void force_outside(float* row);

// How Document counts the first pass's tags of a word: each type as a name of its own, each as
// a word of a longer name, and O.
constexpr int kWordSlots = 9;

// One segment (title or body) of an article, tokenised.
struct Segment {
    const std::string* text = nullptr;
    std::vector<Token> tokens;
    bool title = false;
};

// An article ready for feature extraction: its segments and what the whole article says about
// each word, computed once.
class Document {
  public:
    // Tokenises title and body (the gazetteer's abbreviations keep their dots).
    Document(const std::string& title, const std::string& body, const Gazetteer& gazetteer);

    Segment& segment(int s) { return segments_[s]; }
    const Segment& segment(int s) const { return segments_[s]; }
    static constexpr int kSegments = 2;  // 0 title, 1 body

    // The features of token i of segment s, appended to *out as 64-bit hashes. In pass two
    // (`second_pass`), they include the tags set_first_pass() gave the same word elsewhere.
    void features(int s, std::size_t i, bool second_pass, std::vector<std::uint64_t>* out) const;

    // The features of pass one, and those pass two adds (the tags set_first_pass() recorded
    // for the same word elsewhere); features() gives both.
    // With `hide_word`, the features of the word itself (its spelling, lower case, prefixes
    // and suffixes) are left out, as if it were a word never seen: training hides some words
    // so that the model learns what the context and the lists say about unknown names.
    void base_features(int s, std::size_t i, std::vector<std::uint64_t>* out,
                       bool hide_word = false) const;
    void consistency_features(int s, std::size_t i, std::vector<std::uint64_t>* out) const;

    // Whether token i of segment s is never part of a name, so that it has no features and
    // is tagged O without being scored: a word of four or more lower-case letters that is not
    // a connector inside names ("with", "from", ...), or a bracket, quote mark or symbol.
    // Half the tokens of news are such, and under 1% of the annotated names' tokens.
    bool always_outside(int s, std::size_t i) const { return info_[s][i].outside; }

    // Records the first pass's tags (one vector per segment, one tag per token) for pass two.
    void set_first_pass(const std::vector<int> (&tags)[kSegments]);

  private:
    struct TokenInfo {
        std::string lower, shape;
        std::uint64_t text_hash = 0, lower_hash = 0, shape_hash = 0;  // of text, lower, shape
        std::uint32_t lists = 0;  // the word's own gazetteer lists
        int place_match = 0;      // 0 none, 1 first word of a listed place, 2 a later word
        bool outside = false;     // always_outside()
    };
    void prepare(const Gazetteer& gazetteer);
    // The features of the run of capitalised words holding token i (name_runs.h), if any.
    void run_features(int s, std::size_t i, std::vector<std::uint64_t>* out, bool hide_word) const;
    // Marks the listed places of several words in tokens (TokenInfo::place_match: 1 the
    // first word, 2 the later ones), longest first.
    static void mark_places(const std::vector<Token>& tokens, const Gazetteer& gazetteer,
                            std::vector<TokenInfo>& info);

    Segment segments_[kSegments];
    std::vector<TokenInfo> info_[kSegments];
    NameRuns runs_[kSegments];
    bool headline_ = false;  // the title has most of its words capitalised
    bool caps_title_ = false;
    // Per word, by the hash of its lower case (TokenInfo::lower_hash; 64 bits make a clash
    // between two words of one article negligible): how often it is written in lower case,
    // and capitalised mid-sentence in the body.
    std::unordered_map<std::uint64_t, int> lower_seen_;
    std::unordered_map<std::uint64_t, int> capital_mid_;
    // Pass one's tags per token, and per lower-case word the count of each type
    std::vector<int> first_pass_[kSegments];
    // (word_slot() in features.cc: each type as a name of its own, as a word of a longer
    // name, and O).
    using WordSlots = std::array<int, kWordSlots>;
    std::unordered_map<std::uint64_t, WordSlots> word_types_;
};

// A 64-bit FNV-1a hash of a feature name.
std::uint64_t feature_hash(const std::string& name);

}  // namespace newsindex::entities
