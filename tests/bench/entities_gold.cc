// Entity extraction quality and speed: precision, recall and F1 per type over per-article sets
// of (type, surface) on the hand-annotated gold set (tests/data/entities) and, when the
// collection is there, on the held-out split of the news annotations (tests/data/entities/news
// over ../shared/data); "typed" is the micro-average over person, org and place. Throughput in
// MB/s on one core.
//
//   bench_entities --gold tests/data/entities [--news DIR --data DIR] [--errors]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "entity_data.h"

namespace fs = std::filesystem;
using namespace newsindex;

int main(int argc, char** argv) {
    fs::path gold, news, data;
    bool show_errors = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--gold" && i + 1 < argc)
            gold = argv[++i];
        else if (arg == "--news" && i + 1 < argc)
            news = argv[++i];
        else if (arg == "--data" && i + 1 < argc)
            data = argv[++i];
        else if (arg == "--errors")
            show_errors = true;
    }
    if (gold.empty()) {
        std::cerr << "usage: bench_entities --gold DIR [--news DIR --data DIR] [--errors]\n";
        return 2;
    }
    const entities::Gazetteer gazetteer;
    double seconds = 0, bytes = 0;
    auto run = [&](const std::string& heading, const std::vector<bench::AnnotatedArticle>& set,
                   const std::string& split) {
        bench::Score score;
        std::size_t count = 0;
        for (const auto& a : set) {
            if (a.split != split) continue;
            ++count;
            const auto start = std::chrono::steady_clock::now();
            const auto found = entities::extract(a.document.title, a.document.body, gazetteer);
            seconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            bytes += static_cast<double>(a.document.title.size() + a.document.body.size());
            bench::add_to_score(a.document, found, show_errors, &score);
        }
        bench::print_score(heading + " (" + std::to_string(count) + " articles)", score);
    };
    run("gold articles", bench::load_gold(gold), "gold");
    if (!news.empty()) {
        std::error_code error;
        if (data.empty() || !fs::is_directory(data, error))
            std::cerr << "bench_entities: no collection at '" << data.string()
                      << "': the news split is skipped\n";
        else
            run("held-out news split", bench::load_news(news, data), "test");
    }
    std::printf("%.1f KB, %.1f MB/s on one core (gazetteer: %zu places)\n", bytes / 1024,
                bytes / 1e6 / std::max(seconds, 1e-9), gazetteer.size());
    return 0;
}
