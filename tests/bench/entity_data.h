// Annotated articles for the entity trainer and bench: the news annotations (standoff records
// in tests/data/entities/news over the texts of ../shared/data, README there) and the gold
// articles of tests/data/entities; and the score bench_entities reports.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "entities/extractor.h"
#include "entities/training.h"

namespace newsindex::bench {

struct AnnotatedArticle {
    entities::TrainingDocument document;
    std::string split;  // "train" or "test" (news); "gold" for tests/data/entities
};

// The news annotations, their texts read from `data` (../shared/data). Problems (a missing
// file, a bad line) are reported on stderr naming the file and line, and the article skipped.
std::vector<AnnotatedArticle> load_news(const std::filesystem::path& annotations,
                                        const std::filesystem::path& data);

// The gold articles (NAME.txt with NAME.entities.tsv); each mention is located in the text in
// order (title first). Mentions that cannot be located are counted in *unplaced.
std::vector<AnnotatedArticle> load_gold(const std::filesystem::path& directory,
                                        std::size_t* unplaced = nullptr);

// Precision, recall and F1 per type over per-document sets of (type, surface).
struct Counts {
    double tp = 0, fp = 0, fn = 0;
    double precision() const { return tp / std::max(1.0, tp + fp); }
    double recall() const { return tp / std::max(1.0, tp + fn); }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};
struct Score {
    std::map<std::string, Counts> per_type;  // person, org, place, other
    Counts typed;                            // micro over person, org and place
};

// Adds one article: the gold spans against the extractor's mentions. Errors, when `errors` is
// set, are printed as "FP|FN id surface type".
void add_to_score(const entities::TrainingDocument& gold,
                  const std::vector<entities::Mention>& found, bool errors, Score* score);

// The table bench_entities and train_entities print.
void print_score(const std::string& heading, const Score& score);

}  // namespace newsindex::bench
