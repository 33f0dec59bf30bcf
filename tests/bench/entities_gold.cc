// Entity extraction quality and speed on the hand-annotated gold set (tests/data/entities):
// precision, recall and F1 per type, over mentions matched by (surface text, type) within
// each article, and throughput in MB/s on one core.
//
//   bench_entities --gold tests/data/entities [--errors]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "entities/extractor.h"
#include "formats/plaintext.h"

namespace fs = std::filesystem;
using namespace newsindex;

int main(int argc, char** argv) {
    fs::path gold;
    bool show_errors = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--gold" && i + 1 < argc)
            gold = argv[++i];
        else if (arg == "--errors")
            show_errors = true;
    }
    if (gold.empty()) {
        std::cerr << "usage: bench_entities --gold DIR [--errors]\n";
        return 2;
    }
    const entities::Gazetteer gazetteer;
    struct Counts {
        double tp = 0, fp = 0, fn = 0;
    };
    std::map<std::string, Counts> per_type;
    double seconds = 0, bytes = 0;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(gold)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const Article article = read_plaintext_article(text.str(), file.string());
        const auto start = std::chrono::steady_clock::now();
        const auto found = entities::extract(article.title, article.body, gazetteer);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        bytes += static_cast<double>(article.title.size() + article.body.size());
        std::multiset<std::pair<std::string, std::string>> expected, got;
        std::ifstream tsv(fs::path(file).replace_extension(".entities.tsv"));
        std::string line;
        while (std::getline(tsv, line)) {
            const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
            if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
            expected.insert({line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1)});
        }
        for (const auto& m : found) got.insert({m.surface, entities::type_name(m.type)});
        for (const auto& item : got) {
            auto match = expected.find(item);
            if (match != expected.end()) {
                per_type[item.second].tp += 1;
                expected.erase(match);
            } else {
                per_type[item.second].fp += 1;
                if (show_errors)
                    std::printf("FP %s\t%s\t%s\n", file.filename().c_str(), item.first.c_str(),
                                item.second.c_str());
            }
        }
        for (const auto& item : expected) {
            per_type[item.second].fn += 1;
            if (show_errors)
                std::printf("FN %s\t%s\t%s\n", file.filename().c_str(), item.first.c_str(),
                            item.second.c_str());
        }
    }
    Counts all;
    std::printf("%-7s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "tp", "fp",
                "fn");
    auto row = [](const char* name, const Counts& c) {
        const double p = c.tp / std::max(1.0, c.tp + c.fp), r = c.tp / std::max(1.0, c.tp + c.fn);
        std::printf("%-7s %9.3f %9.3f %9.3f %6.0f %6.0f %6.0f\n", name, p, r,
                    p + r > 0 ? 2 * p * r / (p + r) : 0.0, c.tp, c.fp, c.fn);
    };
    for (const auto& [type, c] : per_type) {
        row(type.c_str(), c);
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn += c.fn;
    }
    row("all", all);
    std::printf("%zu articles, %.1f KB, %.1f MB/s on one core (gazetteer: %zu places)\n",
                files.size(), bytes / 1024, bytes / 1e6 / std::max(seconds, 1e-9),
                gazetteer.size());
    return 0;
}
