// Rebuilds the entity model from the news annotations and prints its precision, recall and F1
// per type on the held-out news split and on the gold articles (docs/entities.md).
//
//   train_entities [--annotations DIR] [--data DIR] [--gold DIR] [--out FILE] [--epochs N]
//                  [--prune X] [--hide-words X] [--margin X] [--seed N] [--train-gold DIR]
//                  [--errors]
//
// --train-gold trains on the gold articles instead (the smoke test that keeps this program
// from rotting, without ../shared/data; never a way to build the committed model).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "entities/model.h"
#include "entity_data.h"

namespace fs = std::filesystem;
using namespace newsindex;

int main(int argc, char** argv) {
    fs::path annotations = TRAIN_ENTITIES_SOURCE_DIR "/tests/data/entities/news";
    fs::path data = TRAIN_ENTITIES_SOURCE_DIR "/../shared/data";
    fs::path gold = TRAIN_ENTITIES_SOURCE_DIR "/tests/data/entities";
    fs::path out = TRAIN_ENTITIES_SOURCE_DIR "/common/entities/data/model.bin";
    fs::path train_gold;
    entities::TrainingOptions options;
    bool errors = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--annotations" && has_value) {
            annotations = argv[++i];
        } else if (arg == "--data" && has_value) {
            data = argv[++i];
        } else if (arg == "--gold" && has_value) {
            gold = argv[++i];
        } else if (arg == "--out" && has_value) {
            out = argv[++i];
        } else if (arg == "--train-gold" && has_value) {
            train_gold = argv[++i];
        } else if (arg == "--epochs" && has_value) {
            options.epochs = std::stoi(argv[++i]);
        } else if (arg == "--seed" && has_value) {
            options.seed = static_cast<std::uint32_t>(std::stoul(argv[++i]));
        } else if (arg == "--margin" && has_value) {
            options.margin = std::stof(argv[++i]);
        } else if (arg == "--hide-words" && has_value) {
            options.hide_words = std::stof(argv[++i]);
            if (!(options.hide_words >= 0 && options.hide_words <= 1)) {
                std::cerr << "train_entities: --hide-words takes a share from 0 to 1\n";
                return 2;
            }
        } else if (arg == "--prune" && has_value) {
            options.prune = std::stof(argv[++i]);
        } else if (arg == "--errors") {
            errors = true;
        } else {
            std::cerr
                << "train_entities: unknown option " << arg
                << "\nusage: train_entities [--annotations DIR] [--data DIR] [--gold DIR] "
                   "[--out FILE] [--epochs N] [--prune X] [--hide-words X] [--margin X] [--seed "
                   "N] [--train-gold DIR] "
                   "[--errors]\n";
            return 2;
        }
    }
    const auto started = std::chrono::steady_clock::now();
    const entities::Gazetteer gazetteer;
    std::vector<bench::AnnotatedArticle> news;
    std::vector<entities::TrainingDocument> training;
    if (!train_gold.empty()) {
        for (auto& a : bench::load_gold(train_gold)) training.push_back(std::move(a.document));
        std::cerr << "training on the gold articles of " << train_gold.string()
                  << " (smoke test: not the committed model)\n";
    } else {
        std::error_code error;
        if (!fs::is_directory(data, error)) {
            std::cerr << "train_entities: " << data.string()
                      << " is missing: the news texts are needed to train; nothing done\n";
            return 0;
        }
        news = bench::load_news(annotations, data);
        for (const auto& a : news) {
            if (a.split == "train") training.push_back(a.document);
        }
    }
    if (training.empty()) {
        std::cerr << "train_entities: no training documents\n";
        return 1;
    }
    std::size_t misaligned = 0, spans = 0;
    for (const auto& d : training) {
        entities::Document document(d.title, d.body, gazetteer);
        std::vector<int> tags[entities::Document::kSegments];
        entities::gold_tags(document, d.spans, tags, &misaligned);
        spans += d.spans[0].size() + d.spans[1].size();
    }
    std::cerr << training.size() << " training documents, " << spans << " mentions (" << misaligned
              << " not on token edges)\n";
    const entities::Model model = entities::train(training, gazetteer, options, &std::cerr);
    model.save(out);
    std::error_code error;
    std::cerr << "wrote " << out.string() << ": " << model.feature_count() << " features, "
              << fs::file_size(out, error) << " bytes\n";
    const entities::Model loaded = entities::Model::load(out);
    auto evaluate = [&](const std::string& heading, const std::vector<bench::AnnotatedArticle>& set,
                        const std::string& split) {
        bench::Score score;
        std::size_t count = 0;
        for (const auto& a : set) {
            if (a.split != split) continue;
            ++count;
            const auto found =
                entities::extract(a.document.title, a.document.body, gazetteer, loaded);
            bench::add_to_score(a.document, found, errors, &score);
        }
        bench::print_score(heading + " (" + std::to_string(count) + " articles)", score);
    };
    if (!news.empty()) evaluate("held-out news split", news, "test");
    evaluate("gold articles " + gold.string(), bench::load_gold(gold), "gold");
    std::printf("%.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return 0;
}
