// Folding end to end: articles written with one form of their letters, indexed by the real
// indexer run, found by queries typed with another form through the real searcher.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "index_run.h"
#include "search.h"
#include "test_support.h"

using namespace newsindex;

namespace {

struct Fixture {
    std::string file;
    std::string title;
    std::string author;
    std::string body;
};

// Short articles written for this test, each with the word forms the queries look for.
const Fixture kArticles[] = {
    {"strasse.txt", "Marathon Closes Berlin Avenue", "Jens Hofmann",
     "Police closed the Stra\xC3\x9F"
     "e des 17. Juni for the runners on Sunday."},
    {"orsted.txt", "Wind Farm Lease Awarded", "Mette Lund",
     "The Danish developer \xC3\x98rsted won the offshore lease after a long auction."},
    {"finance.txt", "Ministry Publishes Budget Plan", "Carla Ruiz",
     "The finance ministry set out its plan, and the \xEF\xAC\x81scal council approved it."},
    {"nato.txt", "Alliance Ministers Meet", "Tom Baker",
     "NATO ministers met in Brussels to discuss air defence."},
    {"greek.txt", "Philosopher Remembered", "Eleni Papadaki",
     "A lecture on \xCE\xA3\xCF\x89\xCE\xBA\xCF\x81\xCE\xAC\xCF\x84\xCE\xB7\xCF\x82 drew a "
     "large crowd."},  // Σωκράτης, with a final sigma
    {"legal.txt", "Court Reviews Code", "Anna Weber",
     "Judges debated the Straf\xC2\xAD"
     "recht reform at length."},  // a soft hyphen inside the word
    {"walesa.txt", "Former President Speaks", "Piotr Nowak",
     "Lech Wa\xC5\x82\xC4\x99sa spoke in Gda\xC5\x84sk about the shipyard strikes and the "
     "U.S. visit."},
    {"odegard.txt", "Midfielder Signs Contract",
     "Zo\xC3\xAB \xC3\x98"
     "deg\xC3\xA5rd",
     "The club confirmed the signing on Friday."},
};

void write_article(const std::filesystem::path& dir, const Fixture& article) {
    std::ofstream out(dir / article.file, std::ios::binary);
    out << article.title << "\n\nBy " << article.author << "\n\n2024-03-01\n\n"
        << article.body << "\n\nOriginal url: <https://news.example/" << article.file << ">\n";
}

struct FoldedIndex {
    TempDir dir;
    std::string db_path = (dir.path() / "db").string();

    FoldedIndex() {
        const std::filesystem::path articles = dir.path() / "articles";
        std::filesystem::create_directories(articles);
        for (const Fixture& article : kArticles) write_article(articles, article);
        indexer::IndexOptions options;
        options.database_path = db_path;
        options.inputs = {articles.string()};
        indexer::RunCallbacks callbacks;
        callbacks.messages.problem = [](const std::string& m) { FAIL(m); };
        callbacks.messages.note = [](const std::string&) {};
        indexer::run_index(options, callbacks);
    }

    std::vector<std::string> titles_for(const std::string& query) {
        searcher::Searcher searcher({db_path});
        searcher::SearchRequest request;
        request.query = query;
        std::vector<std::string> titles;
        for (const auto& hit : searcher.search(request).hits) titles.push_back(hit.article.title);
        std::sort(titles.begin(), titles.end());
        return titles;
    }
};

}  // namespace

TEST_CASE("a word is found whatever the form of its letters in article and query",
          "[fold][search]") {
    static FoldedIndex index;  // built once for every row
    using Titles = std::vector<std::string>;
    const Titles avenue = {"Marathon Closes Berlin Avenue"};
    const Titles wind = {"Wind Farm Lease Awarded"};
    const Titles budget = {"Ministry Publishes Budget Plan"};
    const Titles alliance = {"Alliance Ministers Meet"};
    const Titles president = {"Former President Speaks"};
    auto [query, titles] = GENERATE_REF(table<std::string, Titles>({
        // Issue 18 item 4: the article says "Straße".
        {"Stra\xC3\x9F"
         "e",
         avenue},
        {"STRASSE", avenue},
        {"strasse", avenue},
        {"Strasse", avenue},
        {"STRA\xE1\xBA\x9E"
         "E",
         avenue},  // capital sharp s
        {"\"Stra\xC3\x9F"
         "e des 17. Juni\"",
         avenue},
        {"\"strasse des 17 juni\"", avenue},
        // The article says "Ørsted".
        {"\xC3\x98rsted", wind},
        {"Orsted", wind},
        {"orsted", wind},
        // Ligatures and full-width letters, in the query or in the article.
        {"\xEF\xAC\x81nance", budget},  // ﬁnance
        {"fiscal", budget},             // the article has "ﬁscal"
        {"\xEF\xBC\xAE\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xAF", alliance},  // ＮＡＴＯ
        // Case folding beyond ASCII: capitals and a final sigma.
        {"\xCE\xA3\xCE\xA9\xCE\x9A\xCE\xA1\xCE\x91\xCE\xA4\xCE\x97\xCE\xA3",
         {"Philosopher Remembered"}},  // ΣΩΚΡΑΤΗΣ
        // A soft hyphen in the article does not split the word.
        {"Strafrecht", {"Court Reviews Code"}},
        // Accents as before, in fields too; boolean operators and initials keep working.
        {"Walesa Gdansk", president},
        {"Wa\xC5\x82\xC4\x99sa", president},
        {"\"lech walesa\"", president},
        {"author:odegard", {"Midfielder Signs Contract"}},
        {"author:\"zoe odegard\"", {"Midfielder Signs Contract"}},
        {"US visit", president},
        {"\xC3\x98rsted OR NATO", {"Alliance Ministers Meet", "Wind Farm Lease Awarded"}},
        {"Stra\xC3\x9F"
         "e NOT runners",
         {}},
    }));
    CAPTURE(query);
    CHECK(index.titles_for(query) == titles);
}
