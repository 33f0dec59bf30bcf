// libFuzzer target: the searcher's query parsing and a whole search, over a small database
// that the project's indexer builds once per process from four short articles written here.
// Every input is a query; each is searched twice, with the defaults and with the other
// request options (any-word matching, date order, folding, facets, an offset), so that the
// fallback, spelling, facet, collapse and snippet paths all see hostile queries. The promise
// checked: a search ends in hits, no hits, or a QueryError naming the query; anything else
// (a crash, a DatabaseError, another exception, a broken invariant of the results) traps.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "errors.h"
#include "fuzz_support.h"
#include "index_run.h"
#include "search.h"

namespace {

namespace fs = std::filesystem;
using namespace newsindex;

// Short articles in the plain-text format, written for this target: dates, authors, sites,
// names and words that the dictionary's field names can hit.
constexpr const char* kArticles[][2] = {
    {"pipeline.txt",
     "Berlin Pauses the Baltic Pipeline\n\nBy Ana Ortiz and Reuters\n\nMarch 3, 2022\n\n"
     "Germany paused approval of the Baltic gas pipeline on Thursday. Chancellor Weber said\n"
     "the decision followed talks with NATO and the European Commission in Brussels.\n\n"
     "Original url:\n\n<https://www.ledger.example/2022/03/03/baltic-pipeline>\n"},
    {"rates.txt",
     "Central Bank Raises Interest Rates Again\n\nBy Lena Park\n\nJune 16, 2022\n\n"
     "The central bank raised interest rates by half a point. Governor Lagrange warned that\n"
     "prices of oil and gas would stay high through the winter in Frankfurt and Paris.\n\n"
     "Original url:\n\n<https://news.harbour.example/economy/rates-june>\n"},
    {"testimony.txt",
     "General Tells Lawmakers the War Could Last Years\n\nBy Tom Reyes, AFP\n\n"
     "April 6, 2021\n\nGeneral Milley told the committee that artillery supplies to Ukraine\n"
     "must grow. Senators asked about the pipeline and about sanctions on Russian oil.\n"},
    {"straße.txt",
     "Café Owners on Straße des 17. Juni Protest Rents\n\nBy Jörg Ørsted\n\n"
     "December 1, 2020\n\nOwners of cafés in Berlin protested rents that rose 40% in a year.\n"
     "Naïve plans, said one; the city council of Berlin promised a review in 2021.\n"},
};

// The database, built on first use and removed when the process exits normally.
struct Fixture {
    fs::path dir;
    std::unique_ptr<searcher::Searcher> searcher;

    Fixture() {
        char pattern[] = "/tmp/newsindex-fuzz-query-XXXXXX";
        if (!::mkdtemp(pattern)) std::abort();
        dir = pattern;
        fs::create_directories(dir / "articles");
        for (const auto& [name, text] : kArticles) std::ofstream(dir / "articles" / name) << text;
        indexer::IndexOptions options;
        options.database_path = (dir / "db").string();
        options.inputs = {(dir / "articles").string()};
        indexer::RunCallbacks callbacks;
        callbacks.messages.problem = [](const std::string& m) {
            std::fprintf(stderr, "fuzz_query: fixture: %s\n", m.c_str());
            std::abort();
        };
        callbacks.messages.note = [](const std::string&) {};
        if (indexer::run_index(options, callbacks).counts.added != std::size(kArticles))
            std::abort();
        searcher = std::make_unique<searcher::Searcher>(std::vector{options.database_path});
    }
    ~Fixture() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

Fixture& fixture() {
    static Fixture made;
    return made;
}

void check_results(const searcher::SearchRequest& request, const searcher::SearchResults& r) {
    using fuzz::require;
    require(r.query == request.query);
    require(r.matches_lower_bound <= r.matches_estimated);
    require(r.matches_estimated <= r.matches_upper_bound);
    require(r.matches_upper_bound <= std::size(kArticles));
    require(request.limit == 0 || r.hits.size() <= request.limit);
    unsigned previous_rank = request.offset;
    for (const searcher::Hit& hit : r.hits) {
        require(hit.rank > previous_rank);
        previous_rank = hit.rank;
        require(!hit.article.title.empty());
        for (const searcher::SnippetPart& part : hit.snippet)
            require(text::is_valid_utf8(part.text));
    }
    // A correction keeps the rest of the query as typed, bytes that are not UTF-8 included.
    require(text::is_valid_utf8(r.did_you_mean) || !text::is_valid_utf8(request.query));
}

void search(const searcher::SearchRequest& request) {
    try {
        check_results(request, fixture().searcher->search(request));
    } catch (const QueryError& e) {
        // The error names the query it is about.
        fuzz::require(e.query() == request.query);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_query: not a query error: %s\n", e.what());
        __builtin_trap();
    }
}

}  // namespace

// Xapian 1.4.22's query parser leaks a few objects when its grammar fails on some operator
// sequences and it reads the query again as plain words. searcher/query.cc keeps the ones
// it can see in its tokens away from it (bracket_signed_proximity: "-a NEAR b c"), but folding
// can make operators Xapian sees and the lexer does not ("-B\xe0NEAR z y": the bad byte
// becomes U+FFFD, which splits the word for Xapian). Leaks from inside Xapian's parser are
// therefore not findings; every other leak still is.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:Xapian::QueryParser::Internal::parse_query\n";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    searcher::SearchRequest request;
    request.query = std::string(fuzz::bytes_of(data, size));
    search(request);

    request.mode = searcher::MatchMode::AnyWord;
    request.sort = searcher::SortOrder::Newest;
    request.collapse = true;
    request.facets = {"month", "author", "entity"};
    request.offset = 1;
    request.limit = 2;
    request.exact_count = true;
    search(request);
    return 0;
}
