// Running a search: parse, rank with BM25, fetch the page of hits asked for, and build their
// snippets. One Searcher holds its databases open for any number of searches. Not
// thread-safe.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "article.h"
#include "snippet.h"

namespace newsindex::searcher {

struct SearchRequest {
    std::string query;
    unsigned offset = 0;  // hits to skip
    unsigned limit = 10;  // hits to return
};

struct Hit {
    unsigned rank = 0;  // 1-based, counting skipped hits
    double score = 0;   // BM25 weight; comparable only within one result set
    Xapian::docid docid = 0;
    Article article;  // from the stored record; source_path is the file it was indexed from
    std::vector<SnippetPart> snippet;
};

struct SearchResults {
    std::string query;
    unsigned offset = 0;
    // Xapian's bounds on how many documents match, and its estimate between them; the three
    // are equal when the count is exact.
    Xapian::doccount matches_lower_bound = 0;
    Xapian::doccount matches_estimated = 0;
    Xapian::doccount matches_upper_bound = 0;
    std::vector<Hit> hits;
};

class Searcher {
  public:
    // Opens the databases as one collection. Throws DatabaseError (see open_readable()).
    explicit Searcher(const std::vector<std::string>& database_paths);

    // Throws QueryError for a query that cannot be parsed, DatabaseError when the database
    // cannot be read. If an indexer commits while the search runs, the database is reopened
    // and the search repeated.
    SearchResults search(const SearchRequest& request);

  private:
    SearchResults search_once(const SearchRequest& request);

    std::vector<std::string> paths_;
    Xapian::Database db_;
};

}  // namespace newsindex::searcher
