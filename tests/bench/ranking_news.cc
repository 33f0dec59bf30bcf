// Ranking benchmark over news: BBC News (2,225 articles, 2004-05) and Reuters-21578 (21,578
// stories, 1987) in one database, with the topics and graded judgements of
// tests/data/ranking-news (README.md there says how they were made). Indexes the two
// collections with the real indexer library (or takes a database already made), runs every
// topic through the real searcher library as users get it (all words, falling back to any
// word) and in any-word mode, and prints nDCG@10 (graded) and MAP (grade 1 or 2 relevant).
// With --sweep it tries the k1 x b x proximity-boost grid of ranking_metrics.h; --per-topic adds
// each topic's scores under the first setting (for paired comparisons); with --pool N
// it prints the judging pool instead: the union of the top N of several rankings per topic.
//
//   bench_ranking_news [--data ../shared/data] [--db DB | --work DIR [--keep]]
//                      [--topics FILE] [--judgements FILE] [--k1 X] [--b X] [--boost on|off]
//                      [--feedback TERMS] [--feedback-weight X] [--feedback-docs N]
//                      [--sweep] [--per-topic] [--pool N]
//
// Documents are named bbc/SECTION/NNN (the BBC file's path under bbc/, without .txt) and
// reuters/NEWID (the story's NEWID attribute, which bench_reuters_convert uses as file name);
// a database given with --db must have been indexed from folders named bbc and reuters.
// The collections stay outside the project: this program only reads them.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "index_run.h"
#include "ranking_metrics.h"
#include "search.h"

#ifndef RANKING_NEWS_DATA
#define RANKING_NEWS_DATA "tests/data/ranking-news"
#endif

namespace fs = std::filesystem;
using namespace newsindex;

namespace {

struct Topic {
    std::string id, query, description;
};

// Reads the tab-separated lines that are not comments; each must have at least `fields`
// fields. Throws naming the file and line otherwise.
std::vector<std::vector<std::string>> read_tsv(const fs::path& file, std::size_t fields) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::vector<std::vector<std::string>> rows;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> row;
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, '\t');) row.push_back(cell);
        if (row.size() < fields)
            throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": expected " +
                                     std::to_string(fields) + " tab-separated fields");
        rows.push_back(row);
    }
    return rows;
}

// The collection-independent name of an indexed file (see the header comment), or the path
// itself when it lies in neither collection.
std::string document_name(const std::string& source_path) {
    const fs::path path(source_path);
    const fs::path folder = path.parent_path();
    if (folder.parent_path().filename() == "bbc")
        return "bbc/" + folder.filename().string() + "/" + path.stem().string();
    if (folder.parent_path().filename() == "reuters") return "reuters/" + path.stem().string();
    return source_path;
}

using Judgements = std::map<std::string, std::map<std::string, int>>;  // topic -> doc -> grade

struct Scores {
    double ndcg10 = 0, map = 0;
};

// The names of the first `limit` hits of a topic's query.
std::vector<std::string> ranked(searcher::Searcher& searcher, const Topic& topic,
                                searcher::MatchMode mode, const searcher::RankingOptions& ranking,
                                unsigned limit) {
    searcher::SearchRequest request;
    request.query = topic.query;
    request.mode = mode;
    request.limit = limit;
    request.snippets = false;
    request.ranking = ranking;
    std::vector<std::string> names;
    try {
        for (const auto& hit : searcher.search(request).hits)
            names.push_back(document_name(hit.article.source_path));
    } catch (const std::exception& e) {
        std::cerr << "topic " << topic.id << " (" << topic.query << "): " << e.what() << '\n';
    }
    return names;
}

// The means over the judged topics that have a relevant document; each topic's own scores go
// to per_topic when it is given.
Scores evaluate(searcher::Searcher& searcher, const std::vector<Topic>& topics,
                const Judgements& judged, searcher::MatchMode mode,
                const searcher::RankingOptions& ranking,
                std::vector<std::pair<std::string, Scores>>* per_topic = nullptr) {
    Scores total;
    int evaluated = 0;
    for (const Topic& topic : topics) {
        const auto grades_of = judged.find(topic.id);
        if (grades_of == judged.end()) continue;
        std::vector<int> all_grades;
        std::size_t relevant = 0;
        for (const auto& [doc, grade] : grades_of->second) {
            all_grades.push_back(grade);
            relevant += grade >= 1;
        }
        if (relevant == 0) continue;
        std::vector<int> grades;
        for (const std::string& name : ranked(searcher, topic, mode, ranking, 1000)) {
            const auto grade = grades_of->second.find(name);
            grades.push_back(grade == grades_of->second.end() ? 0 : grade->second);
        }
        const Scores topic_scores = {bench::ndcg_at(grades, all_grades),
                                     bench::average_precision(grades, relevant)};
        if (per_topic) per_topic->emplace_back(topic.id, topic_scores);
        total.ndcg10 += topic_scores.ndcg10;
        total.map += topic_scores.map;
        ++evaluated;
    }
    if (evaluated) {
        total.ndcg10 /= evaluated;
        total.map /= evaluated;
    }
    return total;
}

// The rankings whose top hits make the judging pool: the defaults in both modes, and BM25
// with other parameters in the default mode.
struct PoolRanking {
    const char* name;
    searcher::MatchMode mode;
    searcher::RankingOptions ranking;
};
searcher::RankingOptions bm25(double k1, double b, bool boost) {
    searcher::RankingOptions ranking;
    ranking.bm25_k1 = k1;
    ranking.bm25_b = b;
    ranking.proximity_boost = boost;
    return ranking;
}
const PoolRanking kPoolRankings[] = {
    {"default", searcher::MatchMode::AllWords, {}},
    {"any", searcher::MatchMode::AnyWord, {}},
    {"k0.9b0.4", searcher::MatchMode::AllWords, bm25(0.9, 0.4, true)},
    {"k1.6b0.75", searcher::MatchMode::AllWords, bm25(1.6, 0.75, true)},
    {"noboost", searcher::MatchMode::AllWords, bm25(1.2, 0.5, false)},
    {"any-k1.6b0.75", searcher::MatchMode::AnyWord, bm25(1.6, 0.75, false)},
};

// Prints topic, document and the pool rankings that found it in their top `depth`, a line per
// pooled document, in order of first appearance.
void print_pool(searcher::Searcher& searcher, const std::vector<Topic>& topics, unsigned depth) {
    std::printf("# topic\tdocument\trankings\n");
    for (const Topic& topic : topics) {
        std::vector<std::string> order;
        std::map<std::string, std::string> found_by;
        for (const PoolRanking& pool : kPoolRankings) {
            for (const std::string& name :
                 ranked(searcher, topic, pool.mode, pool.ranking, depth)) {
                if (!found_by.count(name)) order.push_back(name);
                found_by[name] += (found_by[name].empty() ? "" : ",") + std::string(pool.name);
            }
        }
        for (const std::string& name : order)
            std::printf("%s\t%s\t%s\n", topic.id.c_str(), name.c_str(), found_by[name].c_str());
    }
}

// Quotes an argument for the shell.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Converts Reuters-21578 with bench_reuters_convert (beside this program) and indexes it and
// BBC News into work/db; returns the database path.
std::string index_collections(const fs::path& program, const fs::path& bbc,
                              const fs::path& reuters_sgml, const fs::path& work) {
    const fs::path converter = program.parent_path() / "bench_reuters_convert";
    const fs::path reuters = work / "reuters";
    fs::remove_all(reuters);
    fs::create_directories(work);
    const std::string command = quoted(converter.string()) + " --from " +
                                quoted(reuters_sgml.string()) + " --to " +
                                quoted(reuters.string()) + " >&2";
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("converting Reuters-21578 failed: " + command);
    indexer::IndexOptions options;
    options.database_path = (work / "db").string();
    // BBC first, then Reuters, each in sorted order: of two identical articles the first one
    // read keeps the document, so this order fixes which name a duplicate is judged under.
    options.inputs = {bbc.string(), reuters.string()};
    options.jobs = 2;
    options.full = true;
    indexer::RunCallbacks callbacks;
    callbacks.messages.problem = [](const std::string& m) { std::cerr << m << '\n'; };
    callbacks.messages.note = [](const std::string&) {};
    const auto summary = indexer::run_index(options, callbacks);
    std::fprintf(stderr, "indexed %zu documents (%zu duplicates folded) into %s\n",
                 summary.counts.added + summary.counts.updated + summary.counts.unchanged,
                 summary.counts.duplicates, options.database_path.c_str());
    return options.database_path;
}

void usage() {
    std::cerr << "usage: bench_ranking_news [--data DIR] [--db DB | --work DIR [--keep]]\n"
                 "         [--topics FILE] [--judgements FILE] [--k1 X] [--b X] "
                 "[--boost on|off] [--feedback TERMS] [--feedback-weight X] [--feedback-docs N] "
                 "[--sweep] [--per-topic] [--pool N]\n";
}

}  // namespace

int main(int argc, char** argv) {
    fs::path data = "../shared/data", work,
             topics_file = fs::path(RANKING_NEWS_DATA) / "topics.tsv",
             judgements_file = fs::path(RANKING_NEWS_DATA) / "judgements.tsv";
    std::string database;
    bool sweep = false, keep = false, per_topic = false;
    unsigned pool_depth = 0;
    searcher::RankingOptions base;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            const bool has_value = i + 1 < argc;
            if (arg == "--data" && has_value)
                data = argv[++i];
            else if (arg == "--db" && has_value)
                database = argv[++i];
            else if (arg == "--work" && has_value)
                work = argv[++i];
            else if (arg == "--topics" && has_value)
                topics_file = argv[++i];
            else if (arg == "--judgements" && has_value)
                judgements_file = argv[++i];
            else if (arg == "--k1" && has_value)
                base.bm25_k1 = std::stod(argv[++i]);
            else if (arg == "--b" && has_value)
                base.bm25_b = std::stod(argv[++i]);
            else if (arg == "--boost" && has_value) {
                const std::string value = argv[++i];
                if (value != "on" && value != "off") throw std::invalid_argument("--boost");
                base.proximity_boost = value == "on";
            } else if (arg == "--feedback" && has_value)
                base.feedback.terms = static_cast<unsigned>(std::stoul(argv[++i]));
            else if (arg == "--feedback-weight" && has_value)
                base.feedback.weight = std::stod(argv[++i]);
            else if (arg == "--feedback-docs" && has_value)
                base.feedback.documents = static_cast<unsigned>(std::stoul(argv[++i]));
            else if (arg == "--pool" && has_value)
                pool_depth = static_cast<unsigned>(std::stoul(argv[++i]));
            else if (arg == "--sweep")
                sweep = true;
            else if (arg == "--keep")
                keep = true;
            else if (arg == "--per-topic")
                per_topic = true;
            else {
                usage();
                return 2;
            }
        }
    } catch (const std::exception&) {
        std::cerr << "bench_ranking_news: bad option value\n";
        usage();
        return 2;
    }

    try {
        std::vector<Topic> topics;
        for (const auto& row : read_tsv(topics_file, 3)) topics.push_back({row[0], row[1], row[2]});
        Judgements judged;
        std::size_t judgements = 0;
        if (!pool_depth) {
            for (const auto& row : read_tsv(judgements_file, 3)) {
                judged[row[0]][row[1]] = std::stoi(row[2]);
                ++judgements;
            }
        }

        const bool made_here = database.empty();
        if (made_here) {
            const fs::path bbc = data / "bbc-news" / "bbc", reuters = data / "reuters21578";
            if (!fs::is_directory(bbc) || !fs::is_directory(reuters)) {
                std::cerr << "bench_ranking_news: the collections are not in " << data
                          << " (expected bbc-news/bbc and reuters21578 there): pass --data DIR "
                             "(the shared data folder) or --db DB (a database indexed from "
                             "them)\n";
                return 2;
            }
            if (work.empty())
                work = fs::temp_directory_path() / ("newsindex-news-" + std::to_string(getpid()));
            database = index_collections(argv[0], bbc, reuters, work);
        }

        searcher::Searcher searcher({database});
        if (pool_depth) {
            print_pool(searcher, topics, pool_depth);
        } else {
            std::printf("news: %zu topics, %zu judgements (%zu topics judged)\n", topics.size(),
                        judgements, judged.size());
            std::vector<searcher::RankingOptions> settings = {base};
            if (sweep) settings = bench::sweep_settings();
            std::printf("%-6s %-6s %-7s %-12s %-12s %-12s %-12s\n", "k1", "b", "boost", "nDCG@10",
                        "MAP", "any:nDCG@10", "any:MAP");
            for (const auto& ranking : settings) {
                const Scores all =
                    evaluate(searcher, topics, judged, searcher::MatchMode::AllWords, ranking);
                const Scores any =
                    evaluate(searcher, topics, judged, searcher::MatchMode::AnyWord, ranking);
                std::printf("%-6.2f %-6.2f %-7s %-12.4f %-12.4f %-12.4f %-12.4f\n", ranking.bm25_k1,
                            ranking.bm25_b, ranking.proximity_boost ? "phrase" : "none", all.ndcg10,
                            all.map, any.ndcg10, any.map);
            }
            if (per_topic) {
                // The first setting's scores per topic, both modes, for paired comparisons.
                std::vector<std::pair<std::string, Scores>> all, any;
                evaluate(searcher, topics, judged, searcher::MatchMode::AllWords, settings[0],
                         &all);
                evaluate(searcher, topics, judged, searcher::MatchMode::AnyWord, settings[0], &any);
                std::printf("\n%-6s %-12s %-12s %-12s %-12s\n", "topic", "nDCG@10", "AP",
                            "any:nDCG@10", "any:AP");
                for (std::size_t i = 0; i < all.size() && i < any.size(); ++i)
                    std::printf("%-6s %-12.4f %-12.4f %-12.4f %-12.4f\n", all[i].first.c_str(),
                                all[i].second.ndcg10, all[i].second.map, any[i].second.ndcg10,
                                any[i].second.map);
            }
        }
        if (made_here && !keep)
            fs::remove_all(work);
        else if (made_here)
            std::fprintf(stderr, "database kept in %s (reuse it with --db)\n", database.c_str());
    } catch (const std::exception& e) {
        std::cerr << "bench_ranking_news: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
