// Articles built to break the indexer: words, names and fields far longer than any Xapian
// term or metadata key may be. Each must be indexed (its other words searchable), must not
// stop the files after it, and must leave the run without a problem to report.
#include <catch2/catch.hpp>
#include <fstream>

#include "document_builder.h"
#include "index_run.h"
#include "schema.h"
#include "search.h"
#include "test_support.h"

using namespace newsindex;

namespace {

std::size_t hits_for(const std::string& db, const std::string& query) {
    searcher::Searcher searcher({db});
    searcher::SearchRequest request;
    request.query = query;
    request.limit = 10;
    request.fall_back_to_any = false;
    return searcher.search(request).hits.size();
}

}  // namespace

TEST_CASE("an article with an overlong word, name or field is indexed and stops nothing",
          "[index][hostile][regression]") {
    const std::string Q = repeated("Q", 300);
    const std::string q = repeated("q", 300);
    // case, the hostile article as one JSON record, a query its other words must answer
    auto [what, record, query] = GENERATE_COPY(table<std::string, std::string, std::string>({
        {"long capitalised word (person)",
         R"({"title":"Harbour talks","body":"Yesterday John )" + Q + R"( spoke at the harbour."})",
         "spoke harbour"},
        {"long acronym (org)",
         R"({"title":"Harbour talks","body":"The Nordic Harbour Treaty Organization ()" + Q +
             R"() met. Yesterday the harbour council spoke."})",
         "spoke harbour"},
        {"long non-ASCII capitalised word (person)",
         R"({"title":"Harbour talks","body":"Yesterday John É)" + repeated("é", 200) +
             R"( spoke at the harbour."})",
         "spoke harbour"},
        {"long many-word name",
         R"({"title":"Harbour talks","body":"Yesterday )" + repeated("Kalvor ", 60) +
             R"(Orm spoke at the harbour."})",
         "spoke harbour"},
        {"long author",
         R"({"title":"Harbour talks","author":"Anna )" + Q +
             R"(","body":"Yesterday the council spoke at the harbour."})",
         "spoke harbour"},
        {"long word in body",
         R"({"title":"Harbour talks","body":"Yesterday the council )" + q + R"( spoke."})",
         "spoke harbour"},
        {"long URL",
         R"({"title":"Harbour talks","url":"https://example.com/)" + q +
             R"(","body":"Yesterday the council spoke at the harbour."})",
         "spoke harbour"},
        {"long title word",
         R"({"title":"Harbour )" + Q + R"( talks","body":"Yesterday the council spoke."})",
         "talks harbour"},
    }));
    INFO(what);
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    const auto inputs = dir.path() / "in";
    std::filesystem::create_directories(inputs);
    write_file(inputs / "a-hostile.json", record);
    write_file(inputs / "b-next.txt", "Pipeline opens\n\nThe new pipeline opened on Monday.\n");

    std::vector<std::string> problems;
    auto index = [&] {
        indexer::IndexOptions options;
        options.database_path = db;
        options.inputs = {inputs.string()};
        options.jobs = 2;
        indexer::RunCallbacks callbacks;
        callbacks.messages.problem = [&](const std::string& m) { problems.push_back(m); };
        callbacks.messages.note = [](const std::string&) {};
        return indexer::run_index(options, callbacks);
    };
    const indexer::IndexSummary first = index();
    CHECK(problems.empty());
    CHECK(first.counts.added == 2);
    CHECK(first.counts.failed == 0);
    CHECK(hits_for(db, query) == 1);
    CHECK(hits_for(db, "pipeline monday") == 1);
    // Both files' states were saved: a second run reads neither again.
    const indexer::IndexSummary second = index();
    CHECK(problems.empty());
    CHECK(second.counts.unchanged == 2);
    CHECK(second.counts.added == 0);
}

TEST_CASE("alias keys of long names fit Xapian's metadata keys and stay apart",
          "[schema][hostile][regression]") {
    CHECK(schema::alias_key(EntityType::Person, "Milley") == "alias:PMilley");
    CHECK(schema::alias_key(EntityType::Org, "NATO") == "alias:ONATO");
    const std::string long_name = repeated("Q", 300);
    const std::string key = schema::alias_key(EntityType::Org, long_name);
    CHECK(key.size() <= 240);
    CHECK(key.rfind("alias:OQQQ", 0) == 0);
    CHECK(key != schema::alias_key(EntityType::Org, long_name + "R"));
    CHECK(key != schema::alias_key(EntityType::Person, long_name));
}

TEST_CASE("a document with a term Xapian cannot store is refused before it reaches a database",
          "[index][hostile]") {
    Xapian::Document doc;
    doc.add_boolean_term("Qfine");
    doc.add_boolean_term(std::string(schema::kXapianMaxTermBytes, 'x'));
    CHECK_NOTHROW(indexer::DocumentBuilder::check_terms(doc));
    doc.add_boolean_term(std::string(schema::kXapianMaxTermBytes + 1, 'y'));
    CHECK_THROWS_AS(indexer::DocumentBuilder::check_terms(doc), Xapian::InvalidArgumentError);
}

TEST_CASE("the builder keeps every term and spelling word of a hostile article within limits",
          "[index][hostile]") {
    Article article;
    article.title = "Harbour " + repeated("Q", 300) + " talks";
    article.body = "Yesterday John " + repeated("Q", 300) + " spoke of " + repeated("z", 500);
    article.authors = {"Anna " + repeated("Q", 300)};
    article.url = "https://example.com/" + repeated("q", 400);
    article.entities = {
        {"John " + repeated("Q", 300), EntityType::Person, 1, {repeated("Q", 300)}}};
    indexer::DocumentBuilder builder(true);
    const Xapian::Document doc = builder.build(article);
    std::size_t longest = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
        longest = std::max(longest, (*it).size());
    CHECK(longest <= schema::kXapianMaxTermBytes);
    for (const auto& [word, frequency] : builder.spelling_words(article))
        CHECK(word.size() <= schema::kMaxWordBytes);
}
