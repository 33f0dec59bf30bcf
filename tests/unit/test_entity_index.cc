// Named entities from the extractor's mentions to the index: grouping mentions into an
// article's entities, naming an entity the same way across the collection, and the fields and
// facets the searcher offers over them, driven through the real indexer and searcher.
#include <catch2/catch.hpp>

#include "entities/annotate.h"
#include "entity_aliases.h"
#include "index_run.h"
#include "index_support.h"
#include "schema.h"
#include "search.h"
#include "test_support.h"

using namespace newsindex;
using entities::EntityType;
using entities::Mention;

namespace {

std::vector<std::string> names_of(const std::vector<ArticleEntity>& entities) {
    std::vector<std::string> names;
    for (const ArticleEntity& e : entities)
        names.push_back(std::string(entity_type_name(e.type)) + ":" + e.name);
    return names;
}

indexer::IndexSummary index_paths(const std::string& db, std::vector<std::string> inputs) {
    return index_quietly(db, std::move(inputs), 2);
}

}  // namespace

TEST_CASE("mentions are grouped into entities, most mentioned first", "[entities][annotate]") {
    const std::vector<Mention> mentions = {
        {"NATO", EntityType::Org, "NATO"},
        {"Mark Milley", EntityType::Person, "Mark Milley"},
        {"Milley", EntityType::Person, "Mark Milley"},
        {"Milley", EntityType::Person, "Mark Milley"},
        {"Georgia", EntityType::Place, "Georgia"},
        // The same name with another type is another entity.
        {"Georgia", EntityType::Person, "Georgia"},
        {"Alliance\tHQ", EntityType::Org, "Alliance \n HQ"},
    };
    const std::vector<ArticleEntity> entities = entities::summarise(mentions);
    CHECK(names_of(entities) == std::vector<std::string>{"person:Mark Milley", "org:NATO",
                                                         "place:Georgia", "person:Georgia",
                                                         "org:Alliance HQ"});
    CHECK(entities[0].count == 3);
    CHECK(entities[0].mentions == std::vector<std::string>{"Mark Milley", "Milley"});
    // White space inside names is collapsed: the stored record separates parts with tabs.
    CHECK(entities[4].mentions == std::vector<std::string>{"Alliance HQ"});
}

TEST_CASE("entities survive the stored record", "[entities][schema]") {
    Article article;
    article.title = "T";
    article.entities = {
        {"Mark Milley", EntityType::Person, 3, {"Mark Milley", "Milley", "MILLEY", "Gen. Milley"}},
        {"North Atlantic Treaty Organization",
         EntityType::Org,
         2,
         {"North Atlantic Treaty Organization", "NATO"}},
        {"United Nations", EntityType::Org, 1, {"UN"}}};
    const Article back = schema::decode_record(schema::encode_record(article));
    REQUIRE(back.entities.size() == 3);
    CHECK(back.entities[0].name == "Mark Milley");
    CHECK(back.entities[0].type == EntityType::Person);
    CHECK(back.entities[0].count == 3);
    // Only the surface forms with words the name lacks are stored: the rest add nothing to
    // search (their words are the name's, in any case).
    CHECK(back.entities[0].mentions == std::vector<std::string>{"Gen. Milley"});
    CHECK(back.entities[1].name == "North Atlantic Treaty Organization");
    CHECK(back.entities[1].mentions == std::vector<std::string>{"NATO"});
    // Regression: "un" is inside "united nations", but it is not one of its words.
    CHECK(back.entities[2].mentions == std::vector<std::string>{"UN"});
}

TEST_CASE("each entity type has one name and one letter, both read back", "[entities][schema]") {
    auto [type, name, letter] = GENERATE(table<EntityType, std::string, char>({
        {EntityType::Person, "person", 'P'},
        {EntityType::Org, "org", 'O'},
        {EntityType::Place, "place", 'L'},
        {EntityType::Other, "other", 'X'},
    }));
    CHECK(entity_type_name(type) == name);
    CHECK(entity_type_from_name(name) == type);
    CHECK(schema::entity_type_letter(type) == letter);
    CHECK(schema::entity_type_of_letter(letter) == type);
}

TEST_CASE("names and letters of no type are refused", "[entities][schema]") {
    CHECK_FALSE(entity_type_from_name("Person"));
    CHECK_FALSE(entity_type_from_name(""));
    CHECK_FALSE(schema::entity_type_of_letter('N'));
    // A stored entity of a type this version does not know is left out, not retyped.
    Article article;
    article.title = "T";
    article.entities = {{"NATO", EntityType::Org, 1, {}}};
    std::string record = schema::encode_record(article);
    const std::size_t at = record.find("entity=org\t");
    REQUIRE(at != std::string::npos);
    record.replace(at, 10, "entity=band");
    CHECK(schema::decode_record(record).entities.empty());
}

// Regression: a curly apostrophe that ends a word ("leaders’ summit") sent the tokenizer into
// an endless loop that filled memory.
TEST_CASE("a closing curly apostrophe does not stall extraction", "[entities][regression]") {
    const auto text = GENERATE(as<std::string>{}, "the world leaders\u2019 summit in Glasgow",
                               "Glasgow hosts the leaders\u2019", "\u2019", "a\u2019\u2019b",
                               "Boris Johnson\u2019s speech to leaders\u2019 summit");
    const auto mentions = entities::extract("Title", text, entities::default_gazetteer());
    CHECK(mentions.size() < 10);
}

TEST_CASE("renaming an entity merges it into the full name", "[entities][aliases]") {
    Article article;
    article.entities = {{"Milley", EntityType::Person, 2, {"Milley"}},
                        {"Mark Milley", EntityType::Person, 1, {"Mark Milley"}},
                        {"Milley", EntityType::Place, 1, {"Milley"}}};
    CHECK(indexer::rename_entity(article, {EntityType::Person, "Milley", "Mark Milley"}));
    REQUIRE(article.entities.size() == 2);
    CHECK(article.entities[0].name == "Mark Milley");
    CHECK(article.entities[0].count == 3);
    CHECK(article.entities[0].mentions == std::vector<std::string>{"Mark Milley", "Milley"});
    CHECK(article.entities[1].type == EntityType::Place);  // another type is another entity
    CHECK_FALSE(indexer::rename_entity(article, {EntityType::Person, "Milley", "Mark Milley"}));
}

TEST_CASE("a short name takes the full name another article gave, in any order",
          "[entities][aliases][index]") {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    const auto fixtures = test_data_dir() / "aliases";
    // 0-lone-surname.txt and a-short-name-only.txt are indexed before the article that gives
    // the full name; the first has no cue to the type, and the extractor guesses org.
    index_paths(db, {(fixtures / "first").string()});
    CHECK(holding(db, "XNP", "Erik Halvorsen") == 3);
    CHECK(holding(db, "XNP", "Halvorsen") == 0);
    CHECK(holding(db, "XNO", "Halvorsen") == 0);
    // Two full names end in "Lindqvist": the short name is ambiguous and stays as written.
    CHECK(holding(db, "XNP", "Jonas Lindqvist") == 1);
    CHECK(holding(db, "XNP", "Peter Lindqvist") == 1);

    // A later run knows what the earlier one learned.
    index_paths(db, {(fixtures / "first").string(), (fixtures / "second").string()});
    CHECK(holding(db, "XNP", "Erik Halvorsen") == 4);
    CHECK(holding(db, "XNP", "Halvorsen") == 0);
    CHECK(holding(db, "XNP", "Lindqvist") == 1);

    searcher::Searcher searcher({db});
    searcher::SearchRequest request;
    request.query = "person:\"Erik Halvorsen\"";
    request.limit = 10;
    request.facets = {"person"};
    const searcher::SearchResults results = searcher.search(request);
    CHECK(results.hits.size() == 4);
    REQUIRE_FALSE(results.facets.empty());
    REQUIRE_FALSE(results.facets[0].second.empty());
    CHECK(results.facets[0].second[0].value == "Erik Halvorsen");
    CHECK(results.facets[0].second[0].count == 4);
    // The renamed document no longer answers as an organisation.
    searcher::SearchRequest as_org;
    as_org.query = "org:Halvorsen";
    as_org.limit = 10;
    CHECK(searcher.search(as_org).hits.empty());
    // The stored record, and so every output format, carries the full name too.
    for (const searcher::Hit& hit : results.hits) {
        bool named = false;
        for (const ArticleEntity& e : hit.article.entities) named |= e.name == "Erik Halvorsen";
        CHECK(named);
    }
    // Entity words are kept without positions (docs/schema.md), renamed documents included;
    // the quoted name above matched by its words.
    const Xapian::Database index(db);
    for (const searcher::Hit& hit : results.hits) {
        CHECK(index.positionlist_begin(hit.docid, "XEPerik") ==
              index.positionlist_end(hit.docid, "XEPerik"));
        CHECK(index.positionlist_begin(hit.docid, "XEPhalvorsen") ==
              index.positionlist_end(hit.docid, "XEPhalvorsen"));
    }
}

TEST_CASE("an alias a second full name claims is withdrawn once, naming the first",
          "[entities][aliases]") {
    // The full names of three articles, in the order they are learned, and the withdrawal
    // expected ("" for none): what IndexWriter makes again from its files.
    auto [first, second, third, withdrawn] =
        GENERATE(table<std::string, std::string, std::string, std::string>(
            {{"Jonathan Creek", "Maria Creek", "Paul Creek", "Jonathan Creek"},
             {"Jonathan Creek", "Jonathan Creek", "Maria Creek", "Jonathan Creek"},
             {"Jonathan Creek", "Jonathan Creek", "Jonathan Creek", ""},
             {"Jonathan Creek", "Maria Stone", "Paul Brook", ""}}));
    TempDir dir;
    const Xapian::WritableDatabase store((dir.path() / "db").string(), Xapian::DB_CREATE);
    indexer::EntityAliases aliases(store);
    std::vector<indexer::EntityAlias> taken;
    // An article that writes Creek alone: without one, no alias has anything to rename.
    Article lone;
    lone.entities = {{"Creek", EntityType::Person, 1, {"Creek"}}};
    aliases.learn("Q0", lone);
    int n = 0;
    for (const std::string& name : {first, second, third}) {
        Article article;
        article.entities = {{name, EntityType::Person, 1, {name}}};
        aliases.learn("Q" + std::to_string(++n), article);
        for (indexer::EntityAlias& alias : aliases.take_changes().withdrawn) taken.push_back(alias);
    }
    if (withdrawn.empty()) {
        CHECK(taken.empty());
    } else {
        REQUIRE(taken.size() == 1);
        CHECK(taken[0].type == EntityType::Person);
        CHECK(taken[0].short_name == "Creek");
        CHECK(taken[0].full_name == withdrawn);
    }
}
