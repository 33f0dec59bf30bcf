#include "entities/training.h"

#include <algorithm>
#include <random>
#include <unordered_map>

namespace newsindex::entities {

namespace {

// Averaged perceptron weights: the running weight, the sum of past weights up to `stamp`,
// so that the average costs nothing per step (the usual lazy-update trick).
struct Averaged {
    float weight[kTagCount] = {};
    float total[kTagCount] = {};
    std::int64_t stamp[kTagCount] = {};

    void add(int tag, float delta, std::int64_t now) {
        total[tag] += static_cast<float>(now - stamp[tag]) * weight[tag];
        stamp[tag] = now;
        weight[tag] += delta;
    }
    float average(int tag, std::int64_t now) const {
        return (total[tag] + static_cast<float>(now - stamp[tag]) * weight[tag]) /
               static_cast<float>(now);
    }
};

class Perceptron {
  public:
    explicit Perceptron(float margin) : transition_((kTagCount + 1) * kTagCount), margin_(margin) {}

    void scores(const std::vector<std::vector<std::uint64_t>>& features,
                std::vector<float>* out) const {
        out->assign(features.size() * kTagCount, 0.0f);
        for (std::size_t i = 0; i < features.size(); ++i) {
            float* row = out->data() + i * kTagCount;
            for (const std::uint64_t f : features[i]) {
                const auto found = weights_.find(f);
                if (found == weights_.end()) continue;
                for (int tag = 0; tag < kTagCount; ++tag) row[tag] += found->second.weight[tag];
            }
        }
    }

    std::vector<float> transition() const {
        std::vector<float> out(transition_.size());
        for (std::size_t k = 0; k < out.size(); ++k) out[k] = transition_[k].weight[0];
        return out;
    }

    // One step: decode, and move the weights towards the gold tags where they differ.
    // Returns the number of wrong tags.
    // `outside`: the tokens always_outside(), scored as the model scores them.
    std::size_t learn(const std::vector<std::vector<std::uint64_t>>& features,
                      const std::vector<bool>& outside, const std::vector<int>& gold,
                      std::vector<int>* predicted) {
        ++now_;
        std::vector<float> table;
        scores(features, &table);
        // Loss-augmented decoding: every wrong tag gets a head start of `margin`, so that
        // the weights move until the gold tags win by a margin, not just barely (a structured
        // large-margin update; it generalises better than the plain perceptron's).
        for (std::size_t i = 0; i < gold.size(); ++i) {
            for (int tag = 0; tag < kTagCount; ++tag) {
                if (tag != gold[i]) table[i * kTagCount + tag] += margin_;
            }
            if (outside[i]) force_outside(table.data() + i * kTagCount);
        }
        *predicted = Model::viterbi(table, transition());
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < gold.size(); ++i) {
            const int g = gold[i], p = (*predicted)[i];
            const int gp = i == 0 ? kTagCount : gold[i - 1];
            const int pp = i == 0 ? kTagCount : (*predicted)[i - 1];
            if (g != p) {
                ++wrong;
                for (const std::uint64_t f : features[i]) {
                    Averaged& w = weights_[f];
                    w.add(g, 1.0f, now_);
                    w.add(p, -1.0f, now_);
                }
            }
            if (g != p || gp != pp) {
                transition_[gp * kTagCount + g].add(0, 1.0f, now_);
                transition_[pp * kTagCount + p].add(0, -1.0f, now_);
            }
        }
        return wrong;
    }

    Model averaged(std::uint32_t flags, float prune) const {
        std::unordered_map<std::uint64_t, std::vector<float>> weights;
        weights.reserve(weights_.size());
        const std::int64_t now = std::max<std::int64_t>(now_, 1);
        for (const auto& [hash, w] : weights_) {
            std::vector<float>& out = weights[hash];
            out.resize(kTagCount);
            for (int tag = 0; tag < kTagCount; ++tag) out[tag] = w.average(tag, now);
        }
        std::vector<float> transition(transition_.size());
        for (std::size_t k = 0; k < transition.size(); ++k)
            transition[k] = transition_[k].average(0, now);
        return Model::from_weights(weights, transition, flags, prune);
    }

  private:
    std::unordered_map<std::uint64_t, Averaged> weights_;
    std::vector<Averaged> transition_;
    std::int64_t now_ = 0;
    float margin_ = 0;
};

std::vector<std::vector<std::uint64_t>> base_features(const Document& document, int s,
                                                      bool hide_word) {
    std::vector<std::vector<std::uint64_t>> out(document.segment(s).tokens.size());
    for (std::size_t i = 0; i < out.size(); ++i) document.base_features(s, i, &out[i], hide_word);
    return out;
}

}  // namespace

void gold_tags(const Document& document, const std::vector<Span> (&spans)[Document::kSegments],
               std::vector<int> (&tags)[Document::kSegments], std::size_t* misaligned) {
    for (int s = 0; s < Document::kSegments; ++s) {
        const auto& tokens = document.segment(s).tokens;
        tags[s].assign(tokens.size(), kOutside);
        for (const Span& span : spans[s]) {
            bool first = true, exact_begin = false, exact_end = false;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                if (tokens[i].end <= span.begin || tokens[i].begin >= span.end) continue;
                exact_begin = exact_begin || tokens[i].begin == span.begin;
                exact_end = exact_end || tokens[i].end == span.end;
                tags[s][i] = first ? begin_tag(span.type) : inside_tag(span.type);
                first = false;
            }
            if (misaligned && (!exact_begin || !exact_end)) ++*misaligned;
        }
        // A token the model never tags is O here too (under 1% of the names' tokens), and a
        // name it cut begins again after it.
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (document.always_outside(s, i)) {
                tags[s][i] = kOutside;
            } else if (tags[s][i] != kOutside && !is_begin(tags[s][i]) &&
                       (i == 0 || tags[s][i - 1] == kOutside)) {
                tags[s][i] = begin_tag(tag_type(tags[s][i]));
            }
        }
    }
}

Model train(const std::vector<TrainingDocument>& documents, const Gazetteer& gazetteer,
            const TrainingOptions& options, std::ostream* log) {
    struct Prepared {
        std::unique_ptr<Document> document;
        std::vector<int> gold[Document::kSegments];
        std::vector<std::vector<std::uint64_t>> first[Document::kSegments];
        std::vector<std::vector<std::uint64_t>> hidden[Document::kSegments];  // hide_word
        std::vector<bool> outside[Document::kSegments];
    };
    std::vector<Prepared> prepared(documents.size());
    for (std::size_t d = 0; d < documents.size(); ++d) {
        Prepared& p = prepared[d];
        p.document = std::make_unique<Document>(documents[d].title, documents[d].body, gazetteer);
        gold_tags(*p.document, documents[d].spans, p.gold);
        for (int s = 0; s < Document::kSegments; ++s) {
            p.first[s] = base_features(*p.document, s, false);
            if (options.hide_words > 0) p.hidden[s] = base_features(*p.document, s, true);
            for (std::size_t i = 0; i < p.first[s].size(); ++i)
                p.outside[s].push_back(p.document->always_outside(s, i));
        }
    }
    std::vector<std::size_t> order(documents.size());
    for (std::size_t d = 0; d < order.size(); ++d) order[d] = d;
    std::mt19937 random(options.seed);
    // Which words are hidden: a stream of its own, so that the order of the documents is the
    // same whatever the share hidden.
    std::mt19937 hiding(options.seed ^ 0x5eedu);
    const double share = std::clamp(static_cast<double>(options.hide_words), 0.0, 1.0);
    const auto hide_below = static_cast<std::uint32_t>(share * 4294967295.0);
    Perceptron perceptron(options.margin);
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        // Fisher-Yates with mt19937 (whose output the standard fixes), not std::shuffle, so
        // that the order is the same with every standard library.
        for (std::size_t k = order.size(); k > 1; --k) {
            const std::size_t j = random() % k;
            std::swap(order[k - 1], order[j]);
        }
        std::size_t wrong = 0, total = 0;
        for (const std::size_t d : order) {
            Prepared& p = prepared[d];
            std::vector<int> first_pass[Document::kSegments];
            std::vector<std::vector<std::uint64_t>> base[Document::kSegments];
            for (int s = 0; s < Document::kSegments; ++s) {
                base[s] = p.first[s];
                if (!p.hidden[s].empty()) {
                    for (std::size_t i = 0; i < base[s].size(); ++i)
                        if (hiding() < hide_below) base[s][i] = p.hidden[s][i];
                }
                perceptron.learn(base[s], p.outside[s], p.gold[s], &first_pass[s]);
            }
            p.document->set_first_pass(first_pass);
            for (int s = 0; s < Document::kSegments; ++s) {
                std::vector<int> second;
                auto& features = base[s];
                for (std::size_t i = 0; i < features.size(); ++i)
                    p.document->consistency_features(s, i, &features[i]);
                wrong += perceptron.learn(features, p.outside[s], p.gold[s], &second);
                total += p.gold[s].size();
            }
        }
        if (log)
            *log << "epoch " << epoch << ": " << wrong << " of " << total
                 << " tokens mistagged in pass two\n";
    }
    return perceptron.averaged(std::uint32_t{0}, options.prune);
}

}  // namespace newsindex::entities
