// Measures the near-duplicate signatures (common/text/near_duplicate.h) on a collection of
// plain-text articles, for choosing the threshold of searcher --collapse: finds every pair of
// articles whose estimated similarity is at least --from, counts the pairs per similarity
// band (with how many share a day, and how many a headline), and prints a sample of pairs of
// each band with the words one has and the other lacks, for a person to judge whether they
// are copies of one story. Deterministic: the same collection gives the same output.
//
//   bench_near_duplicates --dir /tmp/reuters [--from 0.4] [--sample 8] [--days 1]
//
// No timings are asserted. docs/ranking.md gives the figures and the judgements.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "errors.h"
#include "formats/plaintext.h"
#include "text/near_duplicate.h"
#include "text/strings.h"

namespace fs = std::filesystem;
using namespace newsindex;

namespace {

struct Doc {
    std::string id;  // the file name without .txt (Reuters' NEWID)
    std::string day;
    std::string title;
    std::string body;
    std::string signature;
};

std::set<std::string> words_of(const std::string& text) {
    std::set<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words.insert(word);
            word.clear();
        }
    }
    return words;
}

std::string first_words_missing(const std::set<std::string>& from, const std::set<std::string>& in,
                                std::size_t n) {
    std::string out;
    std::size_t shown = 0, missing = 0;
    for (const std::string& w : from) {
        if (in.count(w)) continue;
        ++missing;
        if (shown < n) {
            out += (shown ? " " : "") + w;
            ++shown;
        }
    }
    if (missing > shown) out += " (+" + std::to_string(missing - shown) + ")";
    return out;
}

// Days since 1970-01-01 of a "YYYY-MM-DD" day (the civil calendar), or -1 for none.
long day_number(const std::string& day) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(day.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return -1;
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Days between two articles' days; -1 when either has none.
long days_apart(const std::string& a, const std::string& b) {
    const long x = day_number(a), y = day_number(b);
    if (x < 0 || y < 0) return -1;
    return x > y ? x - y : y - x;
}

std::string lower_title(const std::string& title) {
    std::string key;
    for (const std::string& w : words_of(title)) key += w + " ";
    return key;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir;
    double from = 0.4;
    std::size_t sample = 8;
    long window = 1;  // samples: pairs at most this many days apart (or undated)
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--dir")
            dir = argv[i + 1];
        else if (flag == "--from")
            from = std::stod(argv[i + 1]);
        else if (flag == "--sample")
            sample = std::stoul(argv[i + 1]);
        else if (flag == "--days")
            window = std::stol(argv[i + 1]);
    }
    if (dir.empty()) {
        std::cerr
            << "usage: bench_near_duplicates --dir DIR [--from 0.4] [--sample 8] [--days 1]\n";
        return 2;
    }

    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".txt")
            paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end(), [](const fs::path& a, const fs::path& b) {
        return std::stoul("0" + a.stem().string()) < std::stoul("0" + b.stem().string());
    });
    std::vector<Doc> docs;
    for (const fs::path& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        try {
            const Article article = read_plaintext_article(bytes.str(), path.string());
            Doc doc{path.stem().string(), article.date.substr(0, 10), article.title, article.body,
                    text::near_duplicate_signature(article.title, article.body)};
            docs.push_back(std::move(doc));
        } catch (const InputError& e) {
            std::cerr << "bench_near_duplicates: skipped " << e.what() << '\n';
        }
    }

    // Candidate pairs: those sharing both values of any of 64 two-value bands. A pair of
    // similarity J is missed with probability (1 - J^2)^64: 1.6e-5 at J = 0.4.
    std::unordered_set<std::uint64_t> candidates;
    for (std::size_t band = 0; band < text::kSignatureValues / 2; ++band) {
        std::unordered_map<std::string, std::vector<std::uint32_t>> buckets;
        for (std::uint32_t d = 0; d < docs.size(); ++d) {
            if (docs[d].signature.empty()) continue;
            buckets[docs[d].signature.substr(4 * band, 4)].push_back(d);
        }
        for (const auto& [key, members] : buckets)
            for (std::size_t a = 0; a < members.size(); ++a)
                for (std::size_t b = a + 1; b < members.size(); ++b)
                    candidates.insert(std::uint64_t{members[a]} << 32 | members[b]);
    }
    struct Pair {
        std::uint32_t a, b;
        std::size_t agreeing;
    };
    std::vector<Pair> pairs;
    for (std::uint64_t c : candidates) {
        const std::uint32_t a = static_cast<std::uint32_t>(c >> 32),
                            b = static_cast<std::uint32_t>(c);
        const std::size_t agreeing = text::agreeing_values(docs[a].signature, docs[b].signature);
        if (agreeing >= from * text::kSignatureValues) pairs.push_back({a, b, agreeing});
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
        return std::tie(x.agreeing, x.a, x.b) > std::tie(y.agreeing, y.a, y.b);
    });

    std::printf("%zu articles, %zu pairs with estimated similarity >= %.2f\n", docs.size(),
                pairs.size(), from);
    std::printf("%-11s %7s %9s %9s %9s %9s %11s %14s\n", "similarity", "pairs", "same day",
                "next day", "2-7 days", "8+ days", "same title", "folds at/above");
    // Bands of 0.05 from the top; the last column counts the pairs at or above the band's
    // lower edge (what a threshold there would fold).
    std::map<int, std::vector<const Pair*>, std::greater<int>> by_band;
    for (const Pair& p : pairs) {
        const int band = static_cast<int>(p.agreeing * 20 / text::kSignatureValues);
        by_band[band].push_back(&p);
    }
    std::size_t cumulative = 0;
    for (const auto& [band, members] : by_band) {
        std::size_t same_day = 0, next_day = 0, week = 0, later = 0, same_title = 0;
        for (const Pair* p : members) {
            const long apart = days_apart(docs[p->a].day, docs[p->b].day);
            same_day += apart == 0;
            next_day += apart == 1;
            week += apart >= 2 && apart <= 7;
            later += apart > 7;
            same_title += lower_title(docs[p->a].title) == lower_title(docs[p->b].title);
        }
        cumulative += members.size();
        std::printf("%.2f-%.2f  %7zu %9zu %9zu %9zu %9zu %11zu %14zu\n", band / 20.0,
                    std::min(1.0, (band + 1) / 20.0), members.size(), same_day, next_day, week,
                    later, same_title, cumulative);
    }

    // Samples: evenly spaced through each band, so that they cover its range; only pairs
    // within the day window, since --collapse folds no others.
    for (auto [band, members] : by_band) {
        members.erase(std::remove_if(members.begin(), members.end(),
                                     [&](const Pair* p) {
                                         return days_apart(docs[p->a].day, docs[p->b].day) > window;
                                     }),
                      members.end());
        std::printf("\n== %.2f-%.2f: %zu of %zu pairs within %ld days\n", band / 20.0,
                    std::min(1.0, (band + 1) / 20.0), std::min(sample, members.size()),
                    members.size(), window);
        for (std::size_t s = 0; s < sample && s < members.size(); ++s) {
            const Pair& p = *members[s * members.size() / std::min(sample, members.size())];
            const Doc &a = docs[p.a], &b = docs[p.b];
            const auto wa = words_of(a.title + " " + a.body), wb = words_of(b.title + " " + b.body);
            std::printf("%.3f  %s (%s, %zu bytes) ~ %s (%s, %zu bytes)\n",
                        static_cast<double>(p.agreeing) / text::kSignatureValues, a.id.c_str(),
                        a.day.c_str(), a.body.size(), b.id.c_str(), b.day.c_str(), b.body.size());
            std::printf("   A: %s\n   B: %s\n", a.title.c_str(), b.title.c_str());
            std::printf("   only A: %s\n   only B: %s\n", first_words_missing(wa, wb, 12).c_str(),
                        first_words_missing(wb, wa, 12).c_str());
        }
    }
    return 0;
}
