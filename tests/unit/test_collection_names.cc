// One name and one type per entity across the collection (indexer/entity_aliases.h): which
// full name a short name takes, what an acronym stands for, which type a lone word has, and
// that only the set of articles decides, not their order or how often one is read.
#include <algorithm>
#include <catch2/catch.hpp>

#include "collection_names.h"
#include "document_builder.h"
#include "entity_aliases.h"
#include "index_run.h"
#include "index_support.h"
#include "name_counting.h"
#include "schema.h"
#include "test_support.h"
#include "text/strings.h"

using namespace newsindex;

namespace {

// An article from "type:name|mention|mention;type:name...": entities separated by ';', each
// with its surface forms after '|' (the name alone when none are given).
Article article_of(const std::string& spec) {
    Article article;
    for (std::string_view entity : text::split(spec, ";")) {
        const std::size_t colon = entity.find(':');
        std::vector<std::string> parts;
        for (std::string_view part : text::split(entity.substr(colon + 1), "|"))
            parts.emplace_back(part);
        const std::string name = parts.front();
        if (parts.size() > 1) parts.erase(parts.begin());
        const std::optional<EntityType> type = entity_type_from_name(entity.substr(0, colon));
        REQUIRE(type);
        article.entities.push_back({name, *type, 1, parts});
    }
    return article;
}

std::string spec_of(const Article& article) {
    std::string out;
    for (const ArticleEntity& entity : article.entities)
        out += (out.empty() ? "" : ";") + std::string(entity_type_name(entity.type)) + ":" +
               entity.name;
    return out;
}

// Learns articles (ids Q1, Q2, ... in the order given) and then probe (id Q0), and returns
// probe as resolve() names it.
std::string resolved(indexer::EntityAliases& aliases, const std::vector<std::string>& articles,
                     const std::string& probe) {
    for (std::size_t i = 0; i < articles.size(); ++i)
        aliases.learn("Q" + std::to_string(i + 1), article_of(articles[i]));
    Article article = article_of(probe);
    aliases.learn("Q0", article);
    aliases.resolve(article);
    return spec_of(article);
}

}  // namespace

TEST_CASE("a short name takes the name and type the collection gives it, in any order",
          "[entities][aliases][collection]") {
    using Row = std::tuple<std::string, std::vector<std::string>, std::string, std::string>;
    const std::string opec_misspelt =
        "person:Organiaation of Petroleum Exporting Countries|Organiaation of Petroleum "
        "Exporting Countries|OPEC";
    const std::string opec = "org:Organization of Petroleum Exporting Countries";
    const std::string ronald = "person:Ronald Reagan|Ronald Reagan|Reagan";
    const std::string titled = "person:State Antony Blinken|State Antony Blinken|Blinken";
    const std::string donald = "person:Donald Trump|Donald Trump|Trump";
    auto [what, articles, probe, expected] =
        GENERATE_COPY(table<std::string, std::vector<std::string>, std::string, std::string>({
            // The name most articles write wins over the one misspelt definition.
            Row{"acronym: most frequent expansion",
                {opec_misspelt, opec, opec},
                "org:OPEC",
                "org:Organization of Petroleum Exporting Countries"},
            Row{"acronym: defined by one article",
                {"org:European Central Bank|European Central Bank|ECB"},
                "org:ECB",
                "org:European Central Bank"},
            Row{"acronym: never defined", {"org:European Central Bank"}, "org:ECB", "org:ECB"},
            Row{"acronym: written with a slash",
                {"org:Standard and Poor's Corp|Standard and Poor's Corp|S/P"},
                "org:S/P",
                "org:Standard and Poor's Corp"},
            Row{"acronym: written with an ampersand",
                {"org:Standard and Poor's Corp|Standard and Poor's Corp|S&P"},
                "org:S&P",
                "org:Standard and Poor's Corp"},
            // A name that holds the acronym as a word, or whose capitals cannot spell it, does
            // not define it.
            Row{"acronym: a word of the name",
                {"org:Holding the FBI|Holding the FBI|FBI"},
                "org:FBI",
                "org:FBI"},
            Row{"acronym: two letters need a definition",
                {"org:European Commission", "org:Exxon Corp"},
                "org:EC",
                "org:EC"},
            Row{"acronym: a name that starts otherwise",
                {"org:12 European Community|12 European Community|EC"},
                "org:EC",
                "org:EC"},
            Row{"acronym: capitals after dots",
                {"org:U.S. Department of Agriculture|U.S. Department of Agriculture|USDA"},
                "org:USDA",
                "org:U.S. Department of Agriculture"},
            Row{"acronym: letters the name lacks",
                {"org:Bank of England|Bank of England|ECB"},
                "org:ECB",
                "org:ECB"},
            Row{"surname: dominant full name",
                {ronald, ronald, ronald, "person:Nancy Reagan"},
                "person:Reagan",
                "person:Ronald Reagan"},
            Row{"surname: no dominant full name",
                {ronald, ronald, "person:Nancy Reagan"},
                "person:Reagan",
                "person:Reagan"},
            // A name that still starts with a title is not a second full name.
            Row{"surname: a titled name counts as the name after it",
                {titled, titled, "person:Antony Blinken"},
                "person:Blinken",
                "person:Antony Blinken"},
            Row{"surname: only a titled name", {titled}, "person:Blinken", "person:Antony Blinken"},
            // A titled name counts as the name after the title, and takes the full name its last
            // word stands for, and no other.
            Row{"titled: renamed",
                {titled, "person:Antony Blinken"},
                "person:State Antony Blinken",
                "person:Antony Blinken"},
            Row{"titled: a rank",
                {"person:Mark Milley|Mark Milley|Milley"},
                "person:Gen. Mark Milley",
                "person:Mark Milley"},
            Row{"titled: another first name",
                {"person:Mark Milley", "person:Mark Milley"},
                "person:Gen. Anne Milley",
                "person:Gen. Anne Milley"},
            // A party is not renamed into a person-shaped name that ends in it...
            Row{"type: organisation kept",
                {"org:Labour", "org:Labour", "person:Old Labour"},
                "org:Labour",
                "org:Labour"},
            // ...and a lone guess of person takes the type the collection gives the word (a
            // person reading counts four times when a full name stands for the word).
            Row{"type: person guess of an organisation",
                {"org:Labour", "org:Labour", "org:Labour", "org:Labour", "org:Labour",
                 "person:Old Labour"},
                "person:Labour",
                "org:Labour"},
            Row{"type: organisation guess of a surname",
                {donald, donald, donald, "person:Melania Trump"},
                "org:Trump",
                "person:Donald Trump"},
            Row{"type: a tie goes to the known surname",
                {"person:Vladimir Putin|Vladimir Putin|Putin"},
                "org:Putin",
                "person:Vladimir Putin"},
            Row{"type: without a full name",
                {"person:Madonna", "person:Madonna"},
                "org:Madonna",
                "person:Madonna"},
            Row{"type: places are left alone",
                {"person:Georgia", "person:Georgia"},
                "place:Georgia",
                "place:Georgia"},
            // Entities that end with one type and name become one.
            Row{"merge: two types into one person",
                {donald, donald},
                "person:Donald Trump;org:Trump;person:Trump",
                "person:Donald Trump"},
        }));
    // The articles as given, reversed, and rotated by one.
    const int order = GENERATE(0, 1, 2);
    if (order == 1) std::reverse(articles.begin(), articles.end());
    if (order == 2) std::rotate(articles.begin(), articles.begin() + 1, articles.end());
    INFO(what << ", order " << order);
    TempDir dir;
    const Xapian::WritableDatabase store((dir.path() / "db").string(), Xapian::DB_CREATE);
    indexer::EntityAliases aliases(store);
    CHECK(resolved(aliases, articles, probe) == expected);
}

TEST_CASE("an article read again counts once, and what is learned persists",
          "[entities][aliases][collection]") {
    TempDir dir;
    const std::string path = (dir.path() / "db").string();
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE);
    {
        indexer::EntityAliases aliases(database);
        // Read three times (a file shared with a changed one is read again), Q1 is one article:
        // one full name each, the short name stays as written.
        for (int i = 0; i < 3; ++i) aliases.learn("Q1", article_of("person:Maria Creek"));
        CHECK(resolved(aliases, {"person:Maria Creek", "person:Jonathan Creek"}, "person:Creek") ==
              "person:Creek");
        // An article changed under its id replaces what it said: two articles name Jonathan.
        aliases.learn("Q1", article_of("person:Jonathan Creek"));
        Article lone = article_of("person:Creek");
        aliases.resolve(lone);
        CHECK(spec_of(lone) == "person:Jonathan Creek");
        aliases.save(database);
        // Saved, not yet committed: a reader of the same database sees the counts (the
        // writer drops its caches after save() and reads them back).
        indexer::EntityAliases reread(database);
        Article again = article_of("person:Creek");
        reread.resolve(again);
        CHECK(spec_of(again) == "person:Jonathan Creek");
        database.commit();
    }
    // A later run knows the counts: one more Maria does not make Creek hers.
    indexer::EntityAliases later(database);
    later.learn("Q7", article_of("person:Maria Creek"));
    Article lone = article_of("person:Creek");
    later.resolve(lone);
    CHECK(spec_of(lone) == "person:Creek");  // two against one: not dominant
    CHECK(database.get_metadata(schema::alias_key(EntityType::Person, "Creek")) ==
          "Jonathan Creek");
}

TEST_CASE("counts rewritten without a subject decide as if it had never been counted",
          "[entities][aliases][collection]") {
    TempDir dir;
    Xapian::WritableDatabase database((dir.path() / "db").string(), Xapian::DB_CREATE);
    {
        indexer::EntityAliases aliases(database);
        aliases.learn("Q1", article_of("person:Mark Milley|Mark Milley|Milley"));
        aliases.learn("Q2", article_of("person:Mark Milley|Mark Milley|Milley"));
        aliases.save(database);
        database.commit();
    }
    REQUIRE(database.get_metadata(schema::alias_key(EntityType::Person, "Milley")) ==
            "Mark Milley");
    // The recount (a merge of parts, say) finds "Milley" read as a person, and no article that
    // gives a full name for it: the stored full names must not decide any more.
    indexer::EntityAliases aliases(database);
    const indexer::EntityAliases::ClaimCounts counted{{"TMilley", {{"P", 1}}}};
    aliases.rewrite_counts(database, counted);
    CHECK(database.get_metadata(schema::alias_key(EntityType::Person, "Milley")).empty());
    Article lone = article_of("person:Milley");
    aliases.resolve(lone);
    CHECK(spec_of(lone) == "person:Milley");
}

TEST_CASE("a new winner withdraws the old one and is learned in its place",
          "[entities][aliases][collection]") {
    TempDir dir;
    const Xapian::WritableDatabase store((dir.path() / "db").string(), Xapian::DB_CREATE);
    indexer::EntityAliases aliases(store);
    aliases.learn("Q1", article_of("org:OPEC"));
    aliases.learn("Q2", article_of("person:Organiaation of Petroleum Exporting Countries|"
                                   "Organiaation of Petroleum Exporting Countries|OPEC"));
    auto first = aliases.take_changes();
    REQUIRE(first.learned.size() == 1);
    CHECK(first.learned[0].full_name == "Organiaation of Petroleum Exporting Countries");
    CHECK(first.withdrawn.empty());
    aliases.learn("Q3", article_of("org:Organization of Petroleum Exporting Countries"));
    aliases.learn("Q4", article_of("org:Organization of Petroleum Exporting Countries"));
    auto second = aliases.take_changes();
    REQUIRE(second.withdrawn.size() == 1);
    CHECK(second.withdrawn[0].type == EntityType::Org);
    CHECK(second.withdrawn[0].short_name == "OPEC");
    CHECK(second.withdrawn[0].full_name == "Organiaation of Petroleum Exporting Countries");
    REQUIRE(second.learned.size() == 1);
    CHECK(second.learned[0].full_name == "Organization of Petroleum Exporting Countries");
    // Nothing new: nothing to report.
    aliases.learn("Q4", article_of("org:Organization of Petroleum Exporting Countries"));
    const auto third = aliases.take_changes();
    CHECK(third.learned.empty());
    CHECK(third.withdrawn.empty());
}

namespace {

indexer::IndexSummary index_dir(const std::string& db, const std::string& dir) {
    return index_quietly(db, {dir}, 1);
}

// A story in the plain-text format, written into the directory news.
void write_story(const std::filesystem::path& news, const std::string& file,
                 const std::string& title, const std::string& text) {
    std::filesystem::create_directories(news);
    std::ofstream(news / file) << title << "\n\nBy Jane Doe\n\n" << text << "\n";
}

// The chairman Kevin Murphy, and a headline in capitals that writes his surname alone.
void write_kevin_murphy(const std::filesystem::path& news) {
    write_story(news, "a1.txt", "Oil company names a chairman",
                "Kevin Murphy, the new chairman, said on Monday that output would rise.");
    write_story(news, "a2.txt", "MURPHY RAISES CRUDE OIL PRICES BY ONE DOLLAR", "");
}

}  // namespace

TEST_CASE("documents named after a winner that lost are renamed by the run that changes it",
          "[entities][aliases][collection][index]") {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    const auto news = dir.path() / "news";
    std::filesystem::create_directories(news);
    auto story = [&](const std::string& file, const std::string& text) {
        std::ofstream(news / file) << "A Title\n\nBy Jane Doe\n\n" << text << "\n";
    };
    story("a1.txt",
          "Ministers of the Organiaation of Petroleum Exporting Countries (OPEC) met in Vienna "
          "on Monday.");
    story("a4.txt", "OPEC said on Thursday that the quota row was over.");
    index_dir(db, news.string());
    // The one definition names both articles: the defining one and the lone OPEC.
    CHECK(holding(db, "XNO", "Organiaation of Petroleum Exporting Countries") == 2);
    CHECK(holding(db, "XNO", "OPEC") == 0);

    story("a2.txt",
          "The Organization of Petroleum Exporting Countries said on Tuesday that output would "
          "fall.");
    story("a3.txt",
          "Prices set by the Organization of Petroleum Exporting Countries rose on Friday.");
    index_dir(db, news.string());
    // The name most articles write wins the acronym: the lone OPEC moves to it; the misspelling
    // keeps only the article that writes it.
    CHECK(holding(db, "XNO", "Organiaation of Petroleum Exporting Countries") == 1);
    CHECK(holding(db, "XNO", "Organization of Petroleum Exporting Countries") == 3);
    CHECK(holding(db, "XNO", "OPEC") == 0);
}

TEST_CASE(
    "a headline in capitals loses a name whose alias no longer stands, as a fresh build "
    "gives it",
    "[entities][aliases][collection][index]") {
    // Regression: the files an old winner may have named were found by the short name written
    // with its case, so a headline in capitals ("MURPHY RAISES ...", Reuters-21578) kept a
    // full name that a fresh build of the same files does not give.
    TempDir dir;
    const auto news = dir.path() / "news";
    write_kevin_murphy(news);
    const std::string incremental = (dir.path() / "incremental").string();
    index_dir(incremental, news.string());
    REQUIRE(holding(incremental, "XNP", "Kevin Murphy") == 2);

    // Another Murphy, written as often: the short name stands for neither any more.
    write_story(news, "b1.txt", "Court rules on appeal",
                "Anne Murphy, the judge, said on Tuesday that the appeal failed.");
    write_story(news, "b2.txt", "Judge retires",
                "Anne Murphy said on Friday that she would retire.");
    index_dir(incremental, news.string());

    const std::string fresh = (dir.path() / "fresh").string();
    index_dir(fresh, news.string());
    for (const std::string name : {"Kevin Murphy", "Anne Murphy", "Murphy"}) {
        INFO(name);
        CHECK(holding(incremental, "XNP", name) == holding(fresh, "XNP", name));
    }
}

TEST_CASE("at a batch's end, the files named after a name that no longer stands are made again",
          "[entities][aliases][collection][index]") {
    // CollectionNames alone over a database written by a run: it asks the writer (here the
    // remake callback) for the files to make again, and asks nothing while it defers naming.
    TempDir dir;
    const auto news = dir.path() / "news";
    write_kevin_murphy(news);
    const std::string db = (dir.path() / "db").string();
    index_dir(db, news.string());
    REQUIRE(holding(db, "XNP", "Kevin Murphy") == 2);

    std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(db)};
    indexer::CollectionNames names(shards.front(), shards.front(),
                                   [](Xapian::docid) { return std::vector<std::string>(); });
    const bool deferred = GENERATE(false, true);
    INFO((deferred ? "deferred" : "naming"));
    if (deferred) names.defer();
    // Another Murphy, as in "a headline in capitals loses a name ..." above.
    names.counting().learn("Qb1", article_of("person:Anne Murphy"), (news / "b1.txt").string());
    names.counting().learn("Qb2", article_of("person:Anne Murphy"), (news / "b2.txt").string());
    Article lone = article_of("person:Murphy");
    CHECK(names.renames_for(lone).empty());

    std::set<std::string> remade;
    indexer::DocumentBuilder builder;
    names.settle_batch(shards, builder, [&](const std::set<std::string>& paths) {
        remade.insert(paths.begin(), paths.end());
    });
    if (deferred) {
        CHECK(remade.empty());
    } else {
        CHECK(remade.count((news / "a1.txt").string()) == 1);
        CHECK(remade.count((news / "a2.txt").string()) == 1);
    }
}

TEST_CASE("an id counts the article of the first file in path order, in any order they come",
          "[entities][aliases][collection]") {
    // Q1's document keeps the text of /a/first.txt and is held by /c/third.txt too.
    TempDir dir;
    Xapian::WritableDatabase database((dir.path() / "db").string(), Xapian::DB_CREATE);
    Article kept;
    kept.source_path = "/a/first.txt";
    Xapian::Document document;
    document.add_boolean_term("Q1");
    document.set_data(schema::encode_record(kept));
    database.add_document(document);
    const indexer::NameCounting::HoldersOf holders = [](Xapian::docid) {
        return std::vector<std::string>{"/a/first.txt", "/c/third.txt"};
    };
    indexer::EntityAliases aliases(database);
    indexer::NameCounting counting(aliases, database, holders);
    // An article's lone "Creek" (Q0) takes the one full name that the counted articles give: the
    // name it takes shows which article the counting counted.
    auto lone_creek = [&] {
        Article lone = article_of("person:Creek");
        aliases.learn("Q0", lone);
        aliases.resolve(lone);
        return spec_of(lone);
    };
    const std::string maria = "person:Maria Creek";
    const std::string jonathan = "person:Jonathan Creek";

    SECTION("a later file does not count an id whose document keeps an earlier file's text") {
        counting.learn("Q1", article_of(maria), "/c/third.txt");
        CHECK(lone_creek() == "person:Creek");
    }
    SECTION("a file before the kept one counts it") {
        counting.learn("Q1", article_of(maria), "/0/zeroth.txt");
        CHECK(lone_creek() == "person:Maria Creek");
    }
    SECTION("in a batch, the first file in path order counts, whichever came first") {
        counting.learn("Q2", article_of(maria), "/b/second.txt");
        counting.learn("Q2", article_of(jonathan), "/d/fourth.txt");
        CHECK(lone_creek() == "person:Maria Creek");
        // Written, the batch no longer decides; no document has Q2, so the next file counts,
        // and its article replaces what Q2 said.
        counting.batch_written();
        counting.learn("Q2", article_of(jonathan), "/d/fourth.txt");
        CHECK(lone_creek() == "person:Jonathan Creek");
    }
    SECTION("a file made again names an id only while it still gives it") {
        {
            const indexer::NameCounting::RemakingScope remaking(counting, "/a/first.txt",
                                                                std::set<std::string>{"Q9"});
            counting.learn("Q1", article_of(jonathan), "/c/third.txt");
        }
        CHECK(lone_creek() == "person:Jonathan Creek");
    }
    SECTION("a file made again in parts keeps every id it gave") {
        {
            const indexer::NameCounting::RemakingScope remaking(counting, "/a/first.txt",
                                                                std::nullopt);
            counting.learn("Q1", article_of(jonathan), "/c/third.txt");
        }
        CHECK(lone_creek() == "person:Creek");
    }
    SECTION("the scope ends with its block") {
        {
            const indexer::NameCounting::RemakingScope remaking(counting, "/a/first.txt",
                                                                std::set<std::string>{});
        }
        counting.learn("Q1", article_of(jonathan), "/c/third.txt");
        CHECK(lone_creek() == "person:Creek");
    }
}
