// Ranking benchmark over the CACM test collection (3,204 abstracts, 64 queries, 52 of them
// with relevance judgements). Converts the collection into plain-text articles in a scratch
// directory, indexes them with the real indexer library, runs every judged query through the
// real searcher library in any-word mode, and prints MAP and nDCG@10. With --sweep it also
// tries the grid of ranking settings of ranking_metrics.h (shared with ranking_news.cc), to
// choose the defaults by measurement.
//
//   bench_ranking_cacm --cacm ../shared/data/cacm [--work DIR] [--sweep]
//
// The collection stays outside the project: this program only reads it.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "index_run.h"
#include "ranking_metrics.h"
#include "search.h"

namespace fs = std::filesystem;
using namespace newsindex;

namespace {

struct Record {
    int id = 0;
    std::map<char, std::string> fields;  // '.T' -> text, '.W' -> text, ...
};

// Reads the SMART format: ".I n" starts a record, ".X" style lines start a field.
std::vector<Record> read_smart(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::vector<Record> records;
    char field = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind(".I ", 0) == 0) {
            records.push_back({std::stoi(line.substr(3)), {}});
            field = 0;
        } else if (line.size() == 2 && line[0] == '.') {
            field = line[1];
        } else if (!records.empty() && field) {
            records.back().fields[field] += line + "\n";
        }
    }
    return records;
}

std::map<int, std::set<int>> read_qrels(const fs::path& file) {
    std::ifstream in(file);
    std::map<int, std::set<int>> judged;
    int query, doc;
    std::string rest;
    while (in >> query >> doc && std::getline(in, rest)) judged[query].insert(doc);
    return judged;
}

std::string one_paragraph(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\n' ? ' ' : c);
    return out;
}

struct Scores {
    double map = 0, ndcg10 = 0;
};

Scores evaluate(searcher::Searcher& searcher, const std::vector<Record>& queries,
                const std::map<int, std::set<int>>& judged,
                const searcher::RankingOptions& ranking) {
    Scores total;
    int evaluated = 0;
    for (const Record& query : queries) {
        auto relevant = judged.find(query.id);
        if (relevant == judged.end()) continue;
        searcher::SearchRequest request;
        request.query = one_paragraph(query.fields.count('W') ? query.fields.at('W') : "");
        request.mode = searcher::MatchMode::AnyWord;
        request.limit = 1000;
        request.snippets = false;  // not measured; costs most of the time of a search
        request.ranking = ranking;
        std::vector<int> grades;  // 1 for a relevant hit, 0 otherwise, in rank order
        try {
            for (const auto& hit : searcher.search(request).hits) {
                const int doc = std::stoi(fs::path(hit.article.source_path).stem().string());
                grades.push_back(relevant->second.count(doc) ? 1 : 0);
            }
        } catch (const std::exception& e) {
            std::cerr << "query " << query.id << ": " << e.what() << '\n';
        }
        total.map += bench::average_precision(grades, relevant->second.size());
        total.ndcg10 += bench::ndcg_at(grades, std::vector<int>(relevant->second.size(), 1));
        ++evaluated;
    }
    total.map /= evaluated;
    total.ndcg10 /= evaluated;
    return total;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path cacm,
        work = fs::temp_directory_path() / ("newsindex-cacm-" + std::to_string(getpid()));
    bool sweep = false;
    searcher::RankingOptions base;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--cacm" && i + 1 < argc)
            cacm = argv[++i];
        else if (arg == "--work" && i + 1 < argc)
            work = argv[++i];
        else if (arg == "--sweep")
            sweep = true;
        else if (arg == "--feedback" && i + 1 < argc)
            base.feedback.terms = static_cast<unsigned>(std::stoul(argv[++i]));
        else if (arg == "--feedback-weight" && i + 1 < argc)
            base.feedback.weight = std::stod(argv[++i]);
        else {
            std::cerr << "usage: bench_ranking_cacm --cacm DIR [--work DIR] [--sweep] "
                         "[--feedback TERMS] [--feedback-weight X]\n";
            return 2;
        }
    }
    if (cacm.empty()) {
        std::cerr << "bench_ranking_cacm: --cacm DIR is required (the CACM collection: cacm.all, "
                     "query.text, qrels.text)\n";
        return 2;
    }
    try {
        const auto documents = read_smart(cacm / "cacm.all");
        const auto queries = read_smart(cacm / "query.text");
        const auto judged = read_qrels(cacm / "qrels.text");
        fs::create_directories(work / "articles");
        for (const Record& doc : documents) {
            std::ofstream out(work / "articles" / (std::to_string(doc.id) + ".txt"));
            auto field = [&](char name) {
                return doc.fields.count(name) ? one_paragraph(doc.fields.at(name)) : "";
            };
            out << field('T') << "\n\n" << field('W') << "\n\n" << field('A') << "\n";
        }
        indexer::IndexOptions options;
        options.database_path = (work / "db").string();
        options.inputs = {(work / "articles").string()};
        options.jobs = 2;
        options.full = true;
        indexer::RunCallbacks callbacks;
        callbacks.messages.problem = [](const std::string& m) { std::cerr << m << '\n'; };
        callbacks.messages.note = [](const std::string&) {};
        const auto summary = indexer::run_index(options, callbacks);
        std::printf("CACM: %zu documents indexed, %zu queries judged\n",
                    summary.counts.added + summary.counts.updated + summary.counts.unchanged,
                    judged.size());
        searcher::Searcher searcher({options.database_path});
        std::vector<searcher::RankingOptions> settings = {base};
        if (sweep) settings = bench::sweep_settings();
        std::printf("%-6s %-6s %-9s %-7s %-7s\n", "k1", "b", "boost", "MAP", "nDCG@10");
        for (const auto& ranking : settings) {
            const Scores scores = evaluate(searcher, queries, judged, ranking);
            std::printf("%-6.2f %-6.2f %-9s %-7.4f %-7.4f\n", ranking.bm25_k1, ranking.bm25_b,
                        ranking.proximity_boost ? "phrase" : "none", scores.map, scores.ndcg10);
        }
        fs::remove_all(work);
    } catch (const std::exception& e) {
        std::cerr << "bench_ranking_cacm: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
