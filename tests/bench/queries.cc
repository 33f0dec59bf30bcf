// Query latency benchmark: a fixed mix of query types (one word, two and three words, a
// phrase, a field filter, a date range, a facet, a rare misspelling) run in-process through
// the real searcher library against an open database, printing median, p95 and p99 in
// milliseconds per type. Works on any database: one directory, a sharded one, a stub of
// remote shards.
//
//   bench_queries --db DB [--db DB ...] [--repeat 200] [--no-proximity]
//
// --no-proximity: without the boost of words standing together (SearchRequest's
// ranking.proximity_boost), to see what it costs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "errors.h"
#include "search.h"

using namespace newsindex;

int main(int argc, char** argv) {
    std::vector<std::string> databases;
    int repeat = 200;
    bool proximity_boost = true;
    bool usage_error = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-proximity")
            proximity_boost = false;
        else if (arg == "--db" && i + 1 < argc)
            databases.push_back(argv[++i]);
        else if (arg == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else
            usage_error = true;
    }
    if (databases.empty() || usage_error) {
        std::cerr << "usage: bench_queries --db DB [--db DB ...] [--repeat N] [--no-proximity]\n";
        return 2;
    }
    struct Case {
        const char* type;
        const char* query;
        const char* facet;
    };
    // Words common in Reuters-21578 and in the synthetic collections alike.
    const Case cases[] = {
        {"one word", "oil", nullptr},
        {"two words", "crude oil", nullptr},
        {"three words", "oil prices rise", nullptr},
        {"phrase", "\"interest rates\"", nullptr},
        {"field filter", "oil author:reuters", nullptr},
        {"date range", "coffee date:1987-03-01..1987-03-31", nullptr},
        {"facet", "oil", "month"},
        {"misspelling", "petrolium", nullptr},
    };
    try {
        searcher::Searcher searcher(databases);
        std::printf("%-13s %9s %9s %9s %9s\n", "query type", "matches", "median", "p95", "p99");
        for (const Case& c : cases) {
            searcher::SearchRequest request;
            request.query = c.query;
            request.ranking.proximity_boost = proximity_boost;
            if (c.facet) request.facets.push_back(c.facet);
            std::size_t matches = 0;
            for (int i = 0; i < 3; ++i)
                matches = searcher.search(request).matches_estimated;  // warm caches
            std::vector<double> ms;
            for (int i = 0; i < repeat; ++i) {
                const auto start = std::chrono::steady_clock::now();
                searcher.search(request);
                ms.push_back(std::chrono::duration<double, std::milli>(
                                 std::chrono::steady_clock::now() - start)
                                 .count());
            }
            std::sort(ms.begin(), ms.end());
            auto at = [&](double q) {
                return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
            };
            std::printf("%-13s %9zu %8.3fms %8.3fms %8.3fms\n", c.type, matches, at(0.5), at(0.95),
                        at(0.99));
        }
    } catch (const Error& e) {
        std::cerr << "bench_queries: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
