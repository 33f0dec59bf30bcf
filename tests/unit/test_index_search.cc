// The indexer's run and the searcher driven together through the real Xapian library, over
// the fixture articles in tests/data/search.
#include <catch2/catch.hpp>

#include "database.h"
#include "errors.h"
#include "index_run.h"
#include "query.h"
#include "schema.h"
#include "search.h"
#include "test_support.h"

using namespace newsindex;

namespace {

struct IndexedFixtures {
    TempDir dir;
    std::string db_path = (dir.path() / "db").string();
    std::vector<std::string> problems, notes;
    indexer::IndexCounts summary;

    IndexedFixtures() { summary = index_again(); }

    indexer::IndexCounts index_again(bool full = false) {
        indexer::IndexOptions options;
        options.database_path = db_path;
        options.inputs = {(test_data_dir() / "search").string()};
        options.batch_size = 2;  // several commits within one run
        options.jobs = 2;
        options.full = full;
        indexer::RunCallbacks callbacks;
        callbacks.messages.problem = [this](const std::string& m) { problems.push_back(m); };
        callbacks.messages.note = [this](const std::string& m) { notes.push_back(m); };
        return indexer::run_index(options, callbacks).counts;
    }

    std::vector<std::string> titles_for(const std::string& query, unsigned limit = 10) {
        searcher::Searcher searcher({db_path});
        searcher::SearchRequest request;
        request.query = query;
        request.limit = limit;
        std::vector<std::string> titles;
        for (const auto& hit : searcher.search(request).hits) titles.push_back(hit.article.title);
        return titles;
    }
};

}  // namespace

TEST_CASE("a run indexes every readable article and reports the broken one by path", "[index]") {
    IndexedFixtures fixtures;
    CHECK(fixtures.summary.added == 5);
    CHECK(fixtures.summary.updated == 0);
    CHECK(fixtures.summary.failed == 1);
    REQUIRE(fixtures.problems.size() == 1);
    CHECK(fixtures.problems[0].find("broken.txt: empty file") != std::string::npos);
    CHECK(Xapian::Database(fixtures.db_path).get_doccount() == 5);
}

TEST_CASE("a batch ends after its changes or its input bytes, and commits gather batches",
          "[index]") {
    auto revisions_after = [](std::size_t batch_size, std::size_t batch_bytes,
                              std::size_t commit_changes) {
        TempDir dir;
        const std::string db = (dir.path() / "db").string();
        indexer::IndexOptions options;
        options.database_path = db;
        options.inputs = {(test_data_dir() / "search").string()};
        options.batch_size = batch_size;
        options.batch_bytes = batch_bytes;
        options.commit_changes = commit_changes;
        options.jobs = 2;
        // Into an existing database: a new one is built in parts (parallel_build.h), merged
        // at the end, and has no revision per commit to count.
        open_writable(db, std::chrono::milliseconds(0));
        indexer::RunCallbacks callbacks;
        callbacks.messages.problem = [](const std::string&) {};
        callbacks.messages.note = [](const std::string&) {};
        indexer::run_index(options, callbacks);
        return Xapian::Database(db).get_revision();
    };
    // Six files: with a commit at every batch, one after each file's bytes or each change.
    CHECK(revisions_after(1'000'000, 1, 1) >= 5);
    CHECK(revisions_after(1, 1 << 30, 1) >= 5);
    // One batch, or batches gathered into one commit: a few revisions for the whole run (the
    // documents, then the spelling data at the end).
    CHECK(revisions_after(1'000'000, 1 << 30, 1) <= 3);
    CHECK(revisions_after(1, 1, 1'000'000) <= 3);
}

TEST_CASE("a second run over unchanged files changes nothing", "[index]") {
    IndexedFixtures fixtures;
    const auto revision = Xapian::Database(fixtures.db_path).get_revision();
    auto second = fixtures.index_again();
    CHECK(second.added == 0);
    CHECK(second.updated == 0);
    CHECK(second.deleted == 0);
    CHECK(second.unchanged == 5);
    // The broken file was reported by the first run; unchanged, it is passed over quietly.
    CHECK(second.failed == 0);
    CHECK(second.still_failing == 1);
    CHECK(Xapian::Database(fixtures.db_path).get_revision() == revision);
}

TEST_CASE("a full run replaces documents instead of adding copies", "[index]") {
    IndexedFixtures fixtures;
    auto second = fixtures.index_again(true);
    CHECK(second.added == 0);
    CHECK(second.updated == 5);
    CHECK(Xapian::Database(fixtures.db_path).get_doccount() == 5);
}

TEST_CASE("the schema version is recorded and a different one is refused", "[index][database]") {
    IndexedFixtures fixtures;
    {
        Xapian::Database db(fixtures.db_path);
        CHECK(db.get_metadata(std::string(schema::kSchemaVersionKey)) ==
              std::to_string(schema::kSchemaVersion));
    }
    {
        Xapian::WritableDatabase db(fixtures.db_path);
        db.set_metadata(std::string(schema::kSchemaVersionKey), "999");
        db.commit();
    }
    try {
        open_readable({fixtures.db_path});
        FAIL("an incompatible schema was accepted");
    } catch (const DatabaseError& e) {
        CHECK(e.kind() == DatabaseError::Kind::IncompatibleSchema);
        CHECK(std::string(e.what()).find("schema version 999") != std::string::npos);
    }
    CHECK_THROWS_AS(open_writable(fixtures.db_path), DatabaseError);
}

TEST_CASE("a second writer is refused with the database named", "[database]") {
    TempDir dir;
    const std::string path = (dir.path() / "db").string();
    Xapian::WritableDatabase holder = open_writable(path);
    try {
        open_writable(path);
        FAIL("a second writer got the lock");
    } catch (const DatabaseError& e) {
        CHECK(e.kind() == DatabaseError::Kind::Locked);
        CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
}

TEST_CASE("a missing database is reported as missing", "[database]") {
    TempDir dir;
    const std::string path = (dir.path() / "nothing-here").string();
    try {
        searcher::Searcher searcher({path});
        FAIL("a missing database opened");
    } catch (const DatabaseError& e) {
        CHECK(e.kind() == DatabaseError::Kind::Missing);
        CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
}

TEST_CASE("queries find what a reader expects", "[search]") {
    IndexedFixtures fixtures;
    using Titles = std::vector<std::string>;
    auto [query, titles] = GENERATE(table<std::string, Titles>({
        // The pipeline named in both title and body outranks a passing mention.
        {"Nord Stream 2",
         {"Berlin Halts Certification of Nord Stream 2",
          "Washington Weighs Sanctions on Pipeline Operator"}},
        // A phrase needs the words together: "stream of" alone does not match.
        {"\"Nord Stream 2\"",
         {"Berlin Halts Certification of Nord Stream 2",
          "Washington Weighs Sanctions on Pipeline Operator"}},
        {"Milley", {"General Milley Testifies on Troop Readiness"}},
        {"title:pipeline", {"Washington Weighs Sanctions on Pipeline Operator"}},
        {"author:okafor", {"Harbour Festival Draws Crowds"}},
        {"author:\"katrin vogel\"", {"Washington Weighs Sanctions on Pipeline Operator"}},
        {"stream date:2022",
         {"Berlin Halts Certification of Nord Stream 2", "Central Bank Raises Rates Again"}},
        {"stream date:2021-12", {"Washington Weighs Sanctions on Pipeline Operator"}},
        {"stream date:2022-05-04", {"Central Bank Raises Rates Again"}},
        {"stream date:2021-12-01..2022-02-28",
         {"Berlin Halts Certification of Nord Stream 2",
          "Washington Weighs Sanctions on Pipeline Operator"}},
        {"stream date:..2021", {"Washington Weighs Sanctions on Pipeline Operator"}},
        {"stream date:2022-03..", {"Central Bank Raises Rates Again"}},
        {"stream site:WWW.Ledger.example", {"Berlin Halts Certification of Nord Stream 2"}},
        {"stream NOT pipeline", {"Central Bank Raises Rates Again"}},
        {"harb*", {"Harbour Festival Draws Crowds"}},
        // Wildcards expand over stems (the index holds no other words), in fields too.
        {"HARB*", {"Harbour Festival Draws Crowds"}},
        {"title:pipel*", {"Washington Weighs Sanctions on Pipeline Operator"}},
        {"(festiv* OR testif*) -harbour", {"General Milley Testifies on Troop Readiness"}},
        {"\"harb*\"", {}},
        // A whole word before the '*' finds the words its stem begins ("testifies" is
        // "testifi..."), and punctuation may follow the '*'.
        {"testifies*", {"General Milley Testifies on Troop Readiness"}},
        {"harb*,", {"Harbour Festival Draws Crowds"}},
        // Regression: a hyphen inside a word is not a token start.
        {"festival-harb*", {}},
        // Phrases match stems in order: "certifying Nord Stream" would match too.
        {"\"certification of nord\"", {"Berlin Halts Certification of Nord Stream 2"}},
        {"troops -poland", {}},
        {"zebra", {}},
    }));
    CAPTURE(query);
    auto found = fixtures.titles_for(query);
    if (query == "stream date:2022" || query == "stream date:2021-12-01..2022-02-28") {
        std::sort(found.begin(), found.end());  // order between these is not the point here
        std::sort(titles.begin(), titles.end());
    }
    CHECK(found == titles);
}

TEST_CASE("hits carry the stored record and a snippet marking the matches", "[search]") {
    IndexedFixtures fixtures;
    searcher::Searcher searcher({fixtures.db_path});
    searcher::SearchRequest request;
    request.query = "Milley";
    auto results = searcher.search(request);
    REQUIRE(results.hits.size() == 1);
    const auto& hit = results.hits[0];
    CHECK(hit.rank == 1);
    CHECK(hit.score > 0);
    CHECK(hit.article.date == "2022-03-10");
    CHECK(hit.article.authors == std::vector<std::string>{"Lena Brandt", "Reuters"});
    CHECK(hit.article.url == "https://www.ledger.example/2022/03/10/milley-testifies");
    CHECK(hit.article.source_path ==
          (test_data_dir() / "search" / "general-testimony.txt").lexically_normal().string());
    bool marked = false;
    for (const auto& part : hit.snippet) marked = marked || (part.matched && part.text == "Milley");
    CHECK(marked);
}

TEST_CASE("offset and limit page through the ranking", "[search]") {
    IndexedFixtures fixtures;
    auto all = fixtures.titles_for("stream", 10);
    REQUIRE(all.size() == 3);
    searcher::Searcher searcher({fixtures.db_path});
    searcher::SearchRequest request;
    request.query = "stream";
    request.offset = 1;
    request.limit = 1;
    auto page = searcher.search(request);
    REQUIRE(page.hits.size() == 1);
    CHECK(page.hits[0].rank == 2);
    CHECK(page.hits[0].article.title == all[1]);
    CHECK(page.matches_estimated == 3);
}

TEST_CASE("malformed queries and dates give a QueryError naming the query", "[search][query]") {
    IndexedFixtures fixtures;
    searcher::Searcher searcher({fixtures.db_path});
    auto query = GENERATE(as<std::string>{}, "date:2022-13", "date:2022-02-30",
                          "date:yesterday-ish", "date:2022..2021", "date:..", "date:22");
    searcher::SearchRequest request;
    request.query = query;
    CAPTURE(query);
    try {
        searcher.search(request);
        FAIL("accepted");
    } catch (const QueryError& e) {
        CHECK(e.query() == query);
        CHECK(std::string(e.what()).find(query) != std::string::npos);
    }
}

// Regression: the index holds stems, which Xapian's snippets never compare equal to the words
// of a quoted phrase or to a wildcard's start; such matches went unmarked.
TEST_CASE("snippets mark the words of phrases, wildcards and loose words alike",
          "[search][snippet]") {
    IndexedFixtures fixtures;
    auto [query, first_marked] = GENERATE(table<std::string, std::string>({
        {"\"Nord Stream 2\"", "Nord Stream 2"},
        {"Nord Stream 2", "Nord Stream 2"},
        {"harb*", "harbour"},
        {"approval", "approval"},
    }));
    CAPTURE(query);
    searcher::Searcher searcher({fixtures.db_path});
    searcher::SearchRequest request;
    request.query = query;
    request.limit = 1;
    const searcher::SearchResults results = searcher.search(request);
    REQUIRE(results.hits.size() == 1);
    std::vector<std::string> marked;
    for (const auto& part : results.hits[0].snippet)
        if (part.matched) marked.push_back(part.text);
    REQUIRE_FALSE(marked.empty());
    CHECK(marked.front() == first_marked);
}

TEST_CASE("exclusions alone and '*' match every article but the excluded", "[search]") {
    IndexedFixtures fixtures;
    using Titles = std::vector<std::string>;
    const std::string berlin = "Berlin Halts Certification of Nord Stream 2",
                      washington = "Washington Weighs Sanctions on Pipeline Operator",
                      milley = "General Milley Testifies on Troop Readiness",
                      harbour = "Harbour Festival Draws Crowds",
                      bank = "Central Bank Raises Rates Again";
    auto [query, titles] = GENERATE_COPY(table<std::string, Titles>({
        // Regression: Xapian's parser read "-harbour" alone as "harbour".
        {"-harbour", {berlin, washington, milley, bank}},
        {"NOT harbour", {berlin, washington, milley, bank}},
        {"* -harbour", {berlin, washington, milley, bank}},
        {"-harbour -Milley", {berlin, washington, bank}},
        {"-\"nord stream\"", {milley, harbour, bank}},
        {"*", {berlin, washington, milley, harbour, bank}},
        {"* date:2021", {washington}},
        {"* date:2022", {berlin, milley, harbour, bank}},
        {"* -harbour date:2022", {berlin, milley, bank}},
        // '*' beside words adds nothing to them.
        {"* Milley", {milley}},
    }));
    CAPTURE(query);
    auto found = fixtures.titles_for(query);
    std::sort(found.begin(), found.end());
    std::sort(titles.begin(), titles.end());
    CHECK(found == titles);
}

TEST_CASE("the any-word fallback happens only where the request allows it", "[search]") {
    IndexedFixtures fixtures;
    searcher::Searcher searcher({fixtures.db_path});
    searcher::SearchRequest request;
    request.query = "Milley zebra";
    request.exact_count = true;
    const auto with_fallback = searcher.search(request);
    CHECK(with_fallback.fell_back_to_any);
    CHECK(with_fallback.hits.size() == 1);
    // Regression: counts and script formats printed the any-word count without a word.
    request.fall_back_to_any = false;
    const auto as_typed = searcher.search(request);
    CHECK_FALSE(as_typed.fell_back_to_any);
    CHECK(as_typed.matches_upper_bound == 0);
    CHECK(as_typed.hits.empty());
}

TEST_CASE("did-you-mean corrects only words the index lacks", "[search]") {
    IndexedFixtures fixtures;
    searcher::Searcher searcher({fixtures.db_path});
    auto [query, suggestion] = GENERATE(table<std::string, std::string>({
        {"Milly", "milley"},
        {"Milly troop", "milley troop"},
        {"harbuor festival", "harbour festival"},
        // Words in the index, stop words, quoted and excluded words stay as typed.
        // Regression: words that match were "corrected" to more common neighbours.
        {"festival of troops", ""},
        {"Why did the harbour festival draw crowds", ""},
        {"\"harbuor\"", ""},
        {"Milley -harbuor", ""},
        {"harb*", ""},
        {"zebra", ""},
    }));
    CAPTURE(query);
    searcher::SearchRequest request;
    request.query = query;
    CHECK(searcher.search(request).did_you_mean == suggestion);
}

TEST_CASE("pseudo-relevance feedback changes the order, never the matches", "[search]") {
    IndexedFixtures fixtures;
    searcher::Searcher searcher({fixtures.db_path});
    searcher::SearchRequest request;
    request.query = "stream OR rates OR troops";
    request.exact_count = true;
    request.mode = searcher::MatchMode::AnyWord;
    const auto plain = searcher.search(request);
    request.ranking.feedback.terms = 5;
    request.ranking.feedback.documents = 2;
    const auto expanded = searcher.search(request);
    CHECK(expanded.matches_upper_bound == plain.matches_upper_bound);
    CHECK(expanded.hits.size() == plain.hits.size());
    // The expansion words are in the query Xapian ran, weighted below the query's own.
    INFO(expanded.explanation);
    CHECK(expanded.explanation.find("AND_MAYBE") != std::string::npos);
    CHECK(expanded.explanation.find("AND_MAYBE 0.2") != std::string::npos);
    CHECK(plain.explanation.find("AND_MAYBE 0.2") == std::string::npos);
}

TEST_CASE("a search sorted by date reads no positions for the boost of words together",
          "[search]") {
    IndexedFixtures fixtures;
    searcher::Searcher searcher({fixtures.db_path});
    searcher::SearchRequest request;
    request.query = "nord stream";
    const auto by_relevance = searcher.search(request);
    CHECK(by_relevance.explanation.find("AND_MAYBE") != std::string::npos);
    for (searcher::SortOrder order : {searcher::SortOrder::Newest, searcher::SortOrder::Oldest}) {
        request.sort = order;
        const auto by_date = searcher.search(request);
        INFO(by_date.explanation);
        CHECK(by_date.explanation.find("AND_MAYBE") == std::string::npos);
        CHECK(by_date.matches_upper_bound == by_relevance.matches_upper_bound);
    }
}

TEST_CASE("facet counts are the same with pseudo-relevance feedback as without", "[search]") {
    // The feedback's first look at the top articles ran with the facet spies attached, which
    // counted those articles a second time (found when the spies moved to FacetCounter).
    IndexedFixtures fixtures;
    searcher::Searcher searcher({fixtures.db_path});
    searcher::SearchRequest request;
    request.query = "stream OR rates OR troops";
    request.mode = searcher::MatchMode::AnyWord;
    request.facets = {"year", "author"};
    const auto plain = searcher.search(request);
    request.ranking.feedback.terms = 5;
    request.ranking.feedback.documents = 2;
    const auto expanded = searcher.search(request);
    REQUIRE(plain.facets.size() == 2);
    REQUIRE(expanded.facets.size() == 2);
    for (std::size_t i = 0; i < plain.facets.size(); ++i) {
        const std::string& name = plain.facets[i].first;
        const auto& counts = plain.facets[i].second;
        const auto& expanded_counts = expanded.facets[i].second;
        CAPTURE(name);
        CHECK(expanded.facets[i].first == name);
        REQUIRE(expanded_counts.size() == counts.size());
        for (std::size_t j = 0; j < counts.size(); ++j) {
            CHECK(expanded_counts[j].value == counts[j].value);
            CHECK(expanded_counts[j].count == counts[j].count);
        }
    }
}
