// The proximity boost in two passes (searcher/rerank.h), through the real indexer and searcher:
// the first kProximityWindow matches are ranked again with the boost, the rest keep their
// unboosted order, and every page is cut from that one order.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "database.h"
#include "index_support.h"
#include "query.h"
#include "rerank.h"
#include "search.h"
#include "test_support.h"

using namespace newsindex;
namespace fs = std::filesystem;

namespace {

constexpr unsigned kFillers = 36;

// Articles that all have "harbour" and "ferry", apart, each with its own number of "harbour"s
// and of other words, so that no two weigh the same; "together-early" has the two words side
// by side and ranks inside the window unboosted, "together-late" has them side by side but is
// long, so that unboosted it ranks below the window. Written into one directory, or into two
// (odd and even numbers), to be indexed as one database or as two shards.
void write_articles(const fs::path& one, const fs::path& two) {
    for (unsigned i = 0; i < kFillers; ++i) {
        std::string body = "Report number " + std::to_string(i) + ".";
        for (unsigned k = 0; k < 1 + i % 7; ++k) body += " The harbour was busy.";
        for (unsigned k = 0; k < i; ++k) body += " Filler" + std::to_string(k) + " words here.";
        body += " A ferry left at noon.";
        write_file((i % 2 ? two : one) / ("filler-" + std::to_string(i) + ".txt"),
                   "Report " + std::to_string(i) + "\n\n" + body + "\n");
    }
    write_file(one / "together-early.txt",
               "Morning Crossing\n\nThe harbour ferry sailed. The harbour was calm and the "
               "harbour was full.\n");
    std::string late = "Evening Crossing\n\nThe harbour ferry sailed.";
    for (unsigned k = 0; k < 120; ++k) late += " Longer text " + std::to_string(k) + ".";
    write_file(two / "together-late.txt", late + "\n");
}

struct Collection {
    TempDir dir;
    std::string db = (dir.path() / "db").string();
    std::string shard_one = (dir.path() / "shard-1").string();
    std::string shard_two = (dir.path() / "shard-2").string();

    Collection() {
        write_articles(dir.path() / "in-1", dir.path() / "in-2");
        index_quietly(db, {(dir.path() / "in-1").string(), (dir.path() / "in-2").string()}, 1);
        index_quietly(shard_one, {(dir.path() / "in-1").string()}, 1);
        index_quietly(shard_two, {(dir.path() / "in-2").string()}, 1);
    }
};

struct Ranked {
    std::vector<std::string> names;  // file names, in rank order
    std::vector<double> scores;
};

Ranked search(const std::vector<std::string>& dbs, bool boost, unsigned offset = 0,
              unsigned limit = 0) {
    searcher::Searcher searcher(dbs);
    searcher::SearchRequest request;
    request.query = "harbour ferry";
    request.offset = offset;
    request.limit = limit;
    request.snippets = false;
    request.ranking.proximity_boost = boost;
    Ranked ranked;
    for (const searcher::Hit& hit : searcher.search(request).hits) {
        ranked.names.push_back(fs::path(hit.article.source_path).filename().string());
        ranked.scores.push_back(hit.score);
    }
    return ranked;
}

std::size_t rank_of(const Ranked& ranked, const std::string& name) {
    return static_cast<std::size_t>(std::find(ranked.names.begin(), ranked.names.end(), name) -
                                    ranked.names.begin());
}

}  // namespace

TEST_CASE("the boost reorders the window of first matches and leaves the rest in order",
          "[rerank]") {
    Collection collection;
    const std::size_t window = searcher::kProximityWindow;
    const Ranked unboosted = search({collection.db}, false);
    const Ranked boosted = search({collection.db}, true);
    REQUIRE(unboosted.names.size() == kFillers + 2);
    REQUIRE(boosted.names.size() == unboosted.names.size());
    // What the collection was built to show.
    REQUIRE(rank_of(unboosted, "together-early.txt") > 0);
    REQUIRE(rank_of(unboosted, "together-early.txt") < window);
    REQUIRE(rank_of(unboosted, "together-late.txt") >= window);

    CHECK(rank_of(boosted, "together-early.txt") == 0);
    CHECK(rank_of(boosted, "together-late.txt") == rank_of(unboosted, "together-late.txt"));
    std::vector<std::string> top(boosted.names.begin(), boosted.names.begin() + window);
    std::vector<std::string> top_unboosted(unboosted.names.begin(),
                                           unboosted.names.begin() + window);
    std::sort(top.begin(), top.end());
    std::sort(top_unboosted.begin(), top_unboosted.end());
    CHECK(top == top_unboosted);
    CHECK(std::vector<std::string>(boosted.names.begin() + window, boosted.names.end()) ==
          std::vector<std::string>(unboosted.names.begin() + window, unboosted.names.end()));
    CHECK(std::is_sorted(boosted.scores.begin(), boosted.scores.begin() + window,
                         std::greater<double>()));
}

TEST_CASE("pages across the window's end are cut from one order", "[rerank]") {
    Collection collection;
    const Ranked all = search({collection.db}, true);
    const unsigned page = GENERATE(1u, 7u, 10u, 20u, 25u);
    INFO("pages of " << page);
    std::vector<std::string> paged;
    for (unsigned offset = 0; offset < all.names.size(); offset += page) {
        const Ranked one = search({collection.db}, true, offset, page);
        paged.insert(paged.end(), one.names.begin(), one.names.end());
    }
    CHECK(paged == all.names);
}

TEST_CASE("two shards rank as the one database that holds both", "[rerank]") {
    Collection collection;
    const Ranked one = search({collection.db}, true);
    const Ranked shards = search({collection.shard_one, collection.shard_two}, true);
    CHECK(shards.names == one.names);
    REQUIRE(shards.scores.size() == one.scores.size());
    for (std::size_t i = 0; i < one.scores.size(); ++i)
        CHECK(shards.scores[i] == Approx(one.scores[i]).epsilon(1e-9));
}

TEST_CASE("the window weighs its documents by the query and the boost, as one pass orders them",
          "[rerank]") {
    Collection collection;
    const ReadableDatabases opened =
        open_readable({collection.shard_one, collection.shard_two}, RemoteOptions());
    REQUIRE(searcher::can_rerank(opened));
    searcher::QueryBuilder builder(opened.combined);
    const searcher::ParsedQuery parsed = builder.parse("harbour ferry");
    REQUIRE_FALSE(parsed.proximity.empty());
    const Xapian::BM25Weight weighting(1.2, 0, 1, 0.5, 0.5);
    auto ranked = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(opened.combined);
        enquire.set_weighting_scheme(weighting);
        enquire.set_query(query);
        return enquire.get_mset(0, 100);
    };
    const Xapian::MSet unboosted = ranked(parsed.unboosted);
    std::map<Xapian::docid, double> boost;
    const Xapian::MSet boosts = ranked(parsed.proximity);
    for (auto it = boosts.begin(); it != boosts.end(); ++it) boost[*it] = it.get_weight();
    REQUIRE(boost.size() == 2);  // the two articles with the words side by side

    const std::vector<searcher::WindowHit> window =
        searcher::rerank_window(opened, weighting, parsed.proximity, unboosted);
    REQUIRE(window.size() == searcher::kProximityWindow);
    std::vector<Xapian::doccount> indexes;
    std::vector<Xapian::docid> order;
    for (const searcher::WindowHit& hit : window) {
        const Xapian::docid docid = *unboosted[hit.index];
        const double expected =
            unboosted[hit.index].get_weight() + (boost.count(docid) ? boost.at(docid) : 0.0);
        CHECK(hit.weight == Approx(expected).epsilon(1e-12));
        indexes.push_back(hit.index);
        order.push_back(docid);
    }
    CHECK(std::is_sorted(window.begin(), window.end(),
                         [](const searcher::WindowHit& a, const searcher::WindowHit& b) {
                             return a.weight > b.weight;
                         }));
    std::sort(indexes.begin(), indexes.end());
    for (Xapian::doccount i = 0; i < searcher::kProximityWindow; ++i) CHECK(indexes[i] == i);
    // Xapian's one pass (AND_MAYBE of both) orders the window's documents the same way.
    std::vector<Xapian::docid> one_pass_order;
    const Xapian::MSet one_pass = ranked(parsed.query);
    for (auto it = one_pass.begin(); it != one_pass.end(); ++it)
        if (std::find(order.begin(), order.end(), *it) != order.end())
            one_pass_order.push_back(*it);
    CHECK(one_pass_order == order);
}

TEST_CASE("databases that cannot be told apart by UUID are ranked in one pass", "[rerank]") {
    Collection collection;
    const std::string copy = (collection.dir.path() / "copy").string();
    fs::copy(collection.db, copy, fs::copy_options::recursive);
    CHECK(searcher::can_rerank(open_readable({collection.db}, RemoteOptions())));
    CHECK_FALSE(searcher::can_rerank(open_readable({collection.db, copy}, RemoteOptions())));
    // Searched together, each article is there twice, and the boost still reaches every match.
    const Ranked twice = search({collection.db, copy}, true);
    REQUIRE(twice.names.size() == 2 * (kFillers + 2));
    CHECK(twice.names[0] == "together-early.txt");
    CHECK(twice.names[1] == "together-early.txt");
    CHECK(rank_of(twice, "together-late.txt") <
          rank_of(search({collection.db}, false), "together-late.txt") * 2);
}

TEST_CASE("a search without hits counts what the search with them counts", "[rerank]") {
    Collection collection;
    const std::vector<std::string> dbs = {collection.db};
    auto counted = [&](bool hits) {
        searcher::Searcher searcher(dbs);
        searcher::SearchRequest request;
        request.query = "harbour ferry";
        request.hits = hits;
        request.exact_count = true;
        request.facets = {"month"};
        return searcher.search(request);
    };
    const searcher::SearchResults with_hits = counted(true);
    const searcher::SearchResults without = counted(false);
    CHECK(without.hits.empty());
    CHECK(without.matches_estimated == kFillers + 2);
    CHECK(without.matches_lower_bound == with_hits.matches_lower_bound);
    CHECK(without.matches_upper_bound == with_hits.matches_upper_bound);
    REQUIRE(without.facets.size() == 1);
    REQUIRE(with_hits.facets.size() == 1);
    CHECK(without.facets[0].second.size() == with_hits.facets[0].second.size());
    for (std::size_t i = 0; i < without.facets[0].second.size(); ++i) {
        CHECK(without.facets[0].second[i].value == with_hits.facets[0].second[i].value);
        CHECK(without.facets[0].second[i].count == with_hits.facets[0].second[i].count);
    }
}
