// Ranking measures shared by the ranking benchmarks (ranking_cacm.cc, ranking_news.cc), and
// the grid of ranking settings their --sweep tries, so that the two collections are measured
// on the same points and can be compared setting by setting.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <vector>

#include "search.h"

namespace newsindex::bench {

// Average precision of one ranking. grades[i] is the judged grade of the hit at rank i + 1
// (0 when not judged); a grade of 1 or more counts as relevant. relevant is how many documents
// of the topic are judged relevant, found or not. Returns 0 when relevant is 0.
inline double average_precision(const std::vector<int>& grades, std::size_t relevant) {
    if (relevant == 0) return 0;
    double found = 0, precision_sum = 0;
    for (std::size_t i = 0; i < grades.size(); ++i) {
        if (grades[i] < 1) continue;
        found += 1;
        precision_sum += found / static_cast<double>(i + 1);
    }
    return precision_sum / static_cast<double>(relevant);
}

// nDCG at depth k with gain 2^grade - 1 (so binary judgements give the usual binary nDCG, and
// a grade 2 counts three times a grade 1) and discount log2(rank + 1). all_grades holds the
// grade of every judged document of the topic, in any order: the ideal ranking sorts them.
// Returns 0 when no judged document has a grade above 0.
inline double ndcg_at(const std::vector<int>& grades, std::vector<int> all_grades,
                      std::size_t k = 10) {
    auto dcg = [k](const std::vector<int>& ranked) {
        double sum = 0;
        for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i)
            sum += (std::pow(2.0, ranked[i]) - 1) / std::log2(static_cast<double>(i) + 2);
        return sum;
    };
    std::sort(all_grades.begin(), all_grades.end(), std::greater<int>());
    const double ideal = dcg(all_grades);
    return ideal > 0 ? dcg(grades) / ideal : 0;
}

// The settings --sweep tries: the defaults first, then k1 x b x proximity boost.
inline std::vector<searcher::RankingOptions> sweep_settings() {
    std::vector<searcher::RankingOptions> settings = {searcher::RankingOptions{}};
    for (double k1 : {0.6, 0.9, 1.2, 1.6, 2.0}) {
        for (double b : {0.3, 0.4, 0.5, 0.75, 0.9}) {
            for (bool boost : {true, false}) {
                searcher::RankingOptions ranking;
                ranking.bm25_k1 = k1;
                ranking.bm25_b = b;
                ranking.proximity_boost = boost;
                settings.push_back(ranking);
            }
        }
    }
    return settings;
}

}  // namespace newsindex::bench
