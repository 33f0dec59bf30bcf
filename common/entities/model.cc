#include "entities/model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>

#include "entities/data_file.h"

namespace newsindex::entities {

namespace {

constexpr char kMagic[8] = {'N', 'I', 'E', 'N', 'T', 'M', 'D', 'L'};

// Little-endian integers and floats, whatever the machine.
template <typename T>
void put(std::ostream& out, T value) {
    std::uint64_t bits = 0;
    if constexpr (std::is_same_v<T, float>) {
        std::uint32_t f;
        std::memcpy(&f, &value, 4);
        bits = f;
    } else {
        bits = static_cast<std::uint64_t>(value);
    }
    for (std::size_t k = 0; k < sizeof(T); ++k)
        out.put(static_cast<char>((bits >> (8 * k)) & 0xFF));
}

// The model file's bytes, read whole: a stream read per value cost more than the rest of the
// loading put together.
struct Bytes {
    std::string data;
    std::size_t at = 0;
};

template <typename T>
T get(Bytes& in, const std::filesystem::path& file) {
    if (in.data.size() - in.at < sizeof(T))
        throw std::runtime_error(file.string() + ": entity model is truncated");
    std::uint64_t bits = 0;
    for (std::size_t k = 0; k < sizeof(T); ++k)
        bits |= std::uint64_t{static_cast<unsigned char>(in.data[in.at + k])} << (8 * k);
    in.at += sizeof(T);
    if constexpr (std::is_same_v<T, float>) {
        const auto f = static_cast<std::uint32_t>(bits);
        float value;
        std::memcpy(&value, &f, 4);
        return value;
    } else {
        return static_cast<T>(bits);
    }
}

bool allowed(int previous, int tag) {
    // I-X continues B-X or I-X only; previous == kTagCount is the start of a segment.
    if (is_begin(tag) || tag == kOutside) return true;
    return previous != kTagCount && previous != kOutside && tag_type(previous) == tag_type(tag);
}

}  // namespace

Model::Model()
    : transition_((kTagCount + 1) * kTagCount, 0.0f), masked_transition_(masked(transition_)) {}

std::vector<float> Model::masked(const std::vector<float>& transition) {
    // Forbidden transitions (I-X not after B-X or I-X) cost -infinity.
    std::vector<float> out(transition);
    for (int previous = 0; previous <= kTagCount; ++previous) {
        for (int tag = 0; tag < kTagCount; ++tag)
            if (!allowed(previous, tag))
                out[previous * kTagCount + tag] = -std::numeric_limits<float>::infinity();
    }
    return out;
}

std::vector<int> Model::viterbi(const std::vector<float>& scores,
                                const std::vector<float>& transition, int start) {
    return viterbi_masked(scores, masked(transition), start);
}

std::vector<int> Model::viterbi_masked(const std::vector<float>& scores,
                                       const std::vector<float>& allowed_transition, int start) {
    const std::size_t n = scores.size() / kTagCount;
    std::vector<int> tags(n, kOutside);
    if (n == 0) return tags;
    constexpr float kNever = -std::numeric_limits<float>::infinity();
    std::vector<float> best(n * kTagCount, kNever);
    std::vector<int> from(n * kTagCount, 0);
    for (int tag = 0; tag < kTagCount; ++tag) {
        best[tag] = scores[tag] + allowed_transition[start * kTagCount + tag];
    }
    for (std::size_t i = 1; i < n; ++i) {
        for (int tag = 0; tag < kTagCount; ++tag) {
            float top = kNever;
            int arg = 0;
            const float* before = best.data() + (i - 1) * kTagCount;
            for (int previous = 0; previous < kTagCount; ++previous) {
                const float value =
                    before[previous] + allowed_transition[previous * kTagCount + tag];
                if (value > top) {
                    top = value;
                    arg = previous;
                }
            }
            best[i * kTagCount + tag] = top + scores[i * kTagCount + tag];
            from[i * kTagCount + tag] = arg;
        }
    }
    int tag = 0;
    for (int t = 1; t < kTagCount; ++t) {
        if (best[(n - 1) * kTagCount + t] > best[(n - 1) * kTagCount + tag]) tag = t;
    }
    for (std::size_t i = n; i-- > 0;) {
        tags[i] = tag;
        tag = from[i * kTagCount + tag];
    }
    return tags;
}

void Model::build_table() {
    masked_transition_ = masked(transition_);
    // How much the transitions around a token can favour another tag over O: the most that
    // the transition in (from any allowed tag before) and out (to O or a B- tag after) gain.
    certain_margin_ = 0;
    for (int tag = 1; tag < kTagCount; ++tag) {
        float in = 0, out = 0;
        for (int previous = 0; previous <= kTagCount; ++previous) {
            if (allowed(previous, tag))
                in = std::max(in, transition_[previous * kTagCount + tag] -
                                      transition_[previous * kTagCount + kOutside]);
        }
        for (int next = 0; next < kTagCount; ++next) {
            if (next == kOutside || is_begin(next))
                out = std::max(out, transition_[tag * kTagCount + next] -
                                        transition_[kOutside * kTagCount + next]);
        }
        certain_margin_ = std::max(certain_margin_, in + out);
    }
    std::size_t size = 16;
    while (size < features_.size() * 2) size *= 2;
    keys_.assign(size, 0);
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (std::size_t k = 0; k < features_.size(); ++k) {
        const std::uint64_t key = features_[k] == 0 ? 1 : features_[k];
        std::uint64_t at = (key ^ (key >> 29)) & mask_;
        while (keys_[at] != 0 && keys_[at] != key) at = (at + 1) & mask_;
        keys_[at] = key;
        slots_[at] = static_cast<std::uint32_t>(k * kWeightStride);
    }
}

const float* Model::find(std::uint64_t feature) const {
    if (keys_.empty()) return nullptr;
    const std::uint64_t key = feature == 0 ? 1 : feature;
    for (std::uint64_t at = (key ^ (key >> 29)) & mask_;; at = (at + 1) & mask_) {
        if (keys_[at] == key) return padded_.data() + slots_[at];
        if (keys_[at] == 0) return nullptr;
    }
}

void Model::add_scores(const std::vector<std::uint64_t>& features, float* row) const {
    // Summed in a local array: written through `row`, every addition would be a load and a
    // store, as the compiler cannot know that `row` and the weights never overlap.
    // The padding to kWeightStride lets the compiler add whole vectors of four.
    float sum[kWeightStride] = {};
    std::copy(row, row + kTagCount, sum);
    for (const std::uint64_t f : features) {
        const float* w = find(f);
        if (!w) continue;
        for (int k = 0; k < kWeightStride; ++k) sum[k] += w[k];
    }
    std::copy(sum, sum + kTagCount, row);
}

void Model::first_pass(const Document& document, std::vector<int> (&tags)[Document::kSegments],
                       std::vector<float> (*tables)[Document::kSegments]) const {
    std::vector<float> own[Document::kSegments];
    auto& table = tables ? *tables : own;
    std::vector<std::uint64_t> features;
    for (int s = 0; s < Document::kSegments; ++s) {
        const std::size_t n = document.segment(s).tokens.size();
        table[s].assign(n * kTagCount, 0.0f);
        for (std::size_t i = 0; i < n; ++i) {
            float* row = table[s].data() + i * kTagCount;
            if (document.always_outside(s, i)) {
                force_outside(row);
                continue;
            }
            features.clear();
            document.base_features(s, i, &features);
            add_scores(features, row);
        }
        tags[s] = best_path(table[s]);
    }
}

void Model::decode(Document& document, std::vector<int> (&tags)[Document::kSegments]) const {
    // Pass two's scores are pass one's plus those of the consistency features.
    std::vector<float> table[Document::kSegments];
    std::vector<std::uint64_t> features;
    first_pass(document, tags, &table);
    document.set_first_pass(tags);
    for (int s = 0; s < Document::kSegments; ++s) {
        for (std::size_t i = 0; i < tags[s].size(); ++i) {
            if (document.always_outside(s, i)) continue;
            features.clear();
            document.consistency_features(s, i, &features);
            add_scores(features, table[s].data() + i * kTagCount);
        }
        tags[s] = best_path(table[s]);
    }
}

std::vector<int> Model::best_path(const std::vector<float>& scores) const {
    // Most tokens are O by a wide margin: one whose O score beats every other tag by more than
    // any two transitions could make up is O, and the stretches between such tokens are
    // decoded alone (starting after an O), which spares Viterbi most of the text.
    const std::size_t n = scores.size() / kTagCount;
    std::vector<int> tags(n, kOutside);
    std::vector<float> part;
    std::size_t begin = 0;
    // The margin of O over the other tags at i; a token is certain only when the next one is
    // not a likely I- tag either, as an I- tag would need this token inside the name too.
    // The tags are O, then B- and I- of each type in turn (features.h).
    static_assert(kTagCount == 9 && kOutside == 0, "the tag layout best_path() reads");
    auto inside_best = [&](std::size_t i) {
        const float* row = scores.data() + i * kTagCount;
        return std::max(std::max(row[2], row[4]), std::max(row[6], row[8]));
    };
    auto certain = [&](std::size_t i) {
        const float* row = scores.data() + i * kTagCount;
        const float begin_best = std::max(std::max(row[1], row[3]), std::max(row[5], row[7]));
        if (row[kOutside] - std::max(begin_best, inside_best(i)) <= certain_margin_) return false;
        return i + 1 == n ||
               scores[(i + 1) * kTagCount + kOutside] - inside_best(i + 1) > certain_margin_;
    };
    for (std::size_t i = 0; i <= n; ++i) {
        if (i < n && !certain(i)) continue;
        if (i > begin) {
            part.assign(scores.begin() + static_cast<std::ptrdiff_t>(begin * kTagCount),
                        scores.begin() + static_cast<std::ptrdiff_t>(i * kTagCount));
            // The stretch ends before an O: its last tag pays the transition into it.
            if (i < n) {
                float* last = part.data() + part.size() - kTagCount;
                for (int tag = 0; tag < kTagCount; ++tag)
                    last[tag] += transition_[tag * kTagCount + kOutside];
            }
            const auto found =
                viterbi_masked(part, masked_transition_, begin == 0 ? kTagCount : kOutside);
            std::copy(found.begin(), found.end(),
                      tags.begin() + static_cast<std::ptrdiff_t>(begin));
        }
        begin = i + 1;
    }
    return tags;
}

Model Model::from_weights(const std::unordered_map<std::uint64_t, std::vector<float>>& weights,
                          const std::vector<float>& transition, std::uint32_t flags, float prune) {
    Model model;
    model.flags_ = flags;
    // Quantise to 16 bits over the largest weight; the map is ordered so that the file (and
    // so the committed model) is the same for the same weights.
    float largest = 1e-6f;
    for (const float w : transition) largest = std::max(largest, std::fabs(w));
    std::map<std::uint64_t, const std::vector<float>*> kept;
    for (const auto& [hash, w] : weights) {
        float top = 0;
        for (const float v : w) top = std::max(top, std::fabs(v));
        if (top < prune) continue;
        kept.emplace(hash, &w);
        largest = std::max(largest, top);
    }
    model.scale_ = largest / 32767.0f;
    auto quantise = [&](float v) { return std::round(v / model.scale_) * model.scale_; };
    for (std::size_t k = 0; k < transition.size(); ++k)
        model.transition_[k] = quantise(transition[k]);
    model.padded_.assign(kept.size() * kWeightStride, 0.0f);
    for (const auto& [hash, w] : kept) {
        const std::size_t at = model.features_.size() * kWeightStride;
        model.features_.push_back(hash);
        for (int tag = 0; tag < kTagCount; ++tag) model.padded_[at + tag] = quantise((*w)[tag]);
    }
    model.build_table();
    return model;
}

void Model::save(const std::filesystem::path& file) const {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(file.string() + ": cannot write the entity model");
    out.write(kMagic, sizeof kMagic);
    put<std::uint32_t>(out, kVersion);
    put<std::uint32_t>(out, kTagCount);
    put<std::uint32_t>(out, flags_);
    put<float>(out, scale_);
    auto q = [&](float v) { return static_cast<std::int16_t>(std::lround(v / scale_)); };
    for (const float w : transition_) put<std::int16_t>(out, q(w));
    put<std::uint64_t>(out, features_.size());
    for (std::size_t k = 0; k < features_.size(); ++k) {
        const std::size_t at = k * kWeightStride;
        put<std::uint64_t>(out, features_[k]);
        std::uint8_t n = 0;
        for (int tag = 0; tag < kTagCount; ++tag) n += q(padded_[at + tag]) != 0;
        put<std::uint8_t>(out, n);
        for (int tag = 0; tag < kTagCount; ++tag) {
            const std::int16_t w = q(padded_[at + tag]);
            if (w == 0) continue;
            put<std::uint8_t>(out, static_cast<std::uint8_t>(tag));
            put<std::int16_t>(out, w);
        }
    }
    if (!out.flush()) throw std::runtime_error(file.string() + ": cannot write the entity model");
}

Model Model::load(const std::filesystem::path& file) {
    // Read whole in one call: every indexer that finds entities loads the model at start,
    // and reading it a character at a time took a third of the loading.
    Bytes in;
    if (!read_data_file(file, in.data))
        throw std::runtime_error(file.string() + ": cannot read the entity model");
    if (in.data.size() < sizeof kMagic || std::memcmp(in.data.data(), kMagic, sizeof kMagic) != 0)
        throw std::runtime_error(file.string() + ": not an entity model");
    in.at = sizeof kMagic;
    const auto version = get<std::uint32_t>(in, file);
    const auto tags = get<std::uint32_t>(in, file);
    if (version != kVersion || tags != kTagCount)
        throw std::runtime_error(file.string() + ": entity model version " +
                                 std::to_string(version) + " with " + std::to_string(tags) +
                                 " tags; this program reads version " + std::to_string(kVersion));
    Model model;
    model.flags_ = get<std::uint32_t>(in, file);
    model.scale_ = get<float>(in, file);
    if (!(model.scale_ > 0) || !std::isfinite(model.scale_))
        throw std::runtime_error(file.string() + ": entity model has a bad scale");
    for (float& w : model.transition_) w = get<std::int16_t>(in, file) * model.scale_;
    const auto count = get<std::uint64_t>(in, file);
    if (count > 50'000'000) throw std::runtime_error(file.string() + ": entity model is corrupt");
    // Each feature takes at least 9 bytes: a count beyond what the file holds is corrupt, and
    // must not make us allocate for it.
    if (count > (in.data.size() - in.at) / 9)
        throw std::runtime_error(file.string() + ": entity model is corrupt");
    model.features_.reserve(count);
    model.padded_.assign(count * kWeightStride, 0.0f);
    for (std::uint64_t k = 0; k < count; ++k) {
        const auto hash = get<std::uint64_t>(in, file);
        const auto n = get<std::uint8_t>(in, file);
        float* weights = model.padded_.data() + k * kWeightStride;
        for (int e = 0; e < n; ++e) {
            const auto tag = get<std::uint8_t>(in, file);
            const auto w = get<std::int16_t>(in, file);
            if (tag >= kTagCount)
                throw std::runtime_error(file.string() + ": entity model is corrupt");
            weights[tag] = w * model.scale_;
        }
        model.features_.push_back(hash);
    }
    model.build_table();
    return model;
}

}  // namespace newsindex::entities
