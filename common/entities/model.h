// The entity recogniser's model: weights of hashed features for each BIO tag (features.h) and
// of tag transitions, decoded with Viterbi in two passes (the second sees the first pass's tags
// of the same word elsewhere in the article). File format (little-endian, version 2):
//
//   "NIENTMDL" u32 version u32 tag_count u32 flags f32 scale
//   i16 transitions[(tag_count + 1) * tag_count]     (row tag_count: the start of a segment)
//   u64 feature_count, then per feature: u64 hash u8 n, n x (u8 tag i16 weight)
//
// Weights are stored as 16-bit integers times `scale`. A Model is immutable after load, so
// one instance is safely shared between threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities/features.h"
#include "huge_pages.h"

namespace newsindex::entities {

// Model flags: which optional feature groups the model was trained with. None are defined
// today (version 1 had the rule extractor's tags as one; version 2 replaced them with the
// features of runs of capitalised words, which every model has).

class Model {
  public:
    static constexpr std::uint32_t kVersion = 2;

    Model();  // an empty model: every token scores 0, so everything decodes as O

    // Throws std::runtime_error naming the file when it cannot be read or is not a model of
    // this version.
    static Model load(const std::filesystem::path& file);
    // Throws std::runtime_error naming the file when it cannot be written.
    void save(const std::filesystem::path& file) const;

    std::uint32_t flags() const { return flags_; }
    std::size_t feature_count() const { return features_.size(); }

    // The best tags of each segment of the document, in two passes.
    void decode(Document& document, std::vector<int> (&tags)[Document::kSegments]) const;

    // Pass one alone (no consistency features); its score tables too when `tables` is given.
    void first_pass(const Document& document, std::vector<int> (&tags)[Document::kSegments],
                    std::vector<float> (*tables)[Document::kSegments] = nullptr) const;

    // The best tag sequence for per-token tag scores (row-major, kTagCount per token) under
    // `transition` ((kTagCount + 1) x kTagCount, last row the start); I-X only after B-X or
    // I-X. Shared with the trainer.
    // `start` is the tag before the first token (kTagCount: the start of a segment).
    static std::vector<int> viterbi(const std::vector<float>& scores,
                                    const std::vector<float>& transition, int start = kTagCount);

    // Builds a model from trained weights: `weights` maps a feature hash to kTagCount values.
    // Features whose largest absolute weight is below `prune` are dropped.
    static Model from_weights(const std::unordered_map<std::uint64_t, std::vector<float>>& weights,
                              const std::vector<float>& transition, std::uint32_t flags,
                              float prune);

  private:
    // The transitions with -infinity where a tag may not follow another, and Viterbi over
    // such a table (viterbi() masks its table, then calls this).
    static std::vector<float> masked(const std::vector<float>& transition);
    static std::vector<int> viterbi_masked(const std::vector<float>& scores,
                                           const std::vector<float>& allowed_transition, int start);
    void add_scores(const std::vector<std::uint64_t>& features, float* row) const;
    std::vector<int> best_path(const std::vector<float>& scores) const;
    float certain_margin_ = 0;  // what transitions can add to a tag other than O

    std::uint32_t flags_ = 0;
    float scale_ = 1.0f;
    std::vector<float> transition_;         // dequantised
    std::vector<float> masked_transition_;  // masked(transition_), set by build_table()
    // Feature -> its kTagCount weights: an open-addressing table (linear probing, a power of
    // two at most half full), far quicker than std::unordered_map on this hot path. A slot
    // with key 0 is empty; a feature that hashes to 0 is stored as 1 (a harmless collision).
    void build_table();
    const float* find(std::uint64_t feature) const;
    // The table and the weights are the megabytes every indexer fills at start: on huge pages.
    template <typename T>
    using LargeArray = std::vector<T, HugePageAllocator<T>>;
    LargeArray<std::uint64_t> keys_;
    LargeArray<std::uint32_t> slots_;  // index into padded_ for each key
    std::uint64_t mask_ = 0;
    std::vector<std::uint64_t> features_;  // in file order
    // The weights, kWeightStride per feature in features_ order (zeros after kTagCount): a
    // multiple of four floats, so that add_scores() sums them four at a time. The only copy:
    // every indexer process loads the model, and each copy cost page faults at start.
    static constexpr int kWeightStride = 12;
    LargeArray<float> padded_;
};

}  // namespace newsindex::entities
