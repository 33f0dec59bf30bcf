// Running a search: parse, rank with BM25 (or sort by date), count facets, fold duplicate
// stories, fetch the page of hits asked for, and build their snippets. One Searcher holds its
// databases open for any number of searches. Not thread-safe.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "article.h"
#include "database.h"
#include "facets.h"
#include "feedback.h"
#include "query.h"
#include "snippet.h"

namespace newsindex::searcher {

enum class SortOrder { Relevance, Newest, Oldest };

// How relevance is computed. The defaults were chosen by measurement on the CACM collection
// and on a judged news collection (tests/bench/ranking_cacm.cc, ranking_news.cc,
// docs/ranking.md); the benchmarks vary them.
struct RankingOptions {
    double bm25_k1 = 1.2;         // term frequency saturation
    double bm25_b = 0.5;          // document length normalisation
    bool proximity_boost = true;  // words standing together in query order rank higher (2-5 words)
    // Pseudo-relevance feedback (feedback.h): off unless feedback.terms > 0. Relevance order
    // only; the matching articles and their count do not change.
    FeedbackOptions feedback;
};

struct SearchRequest {
    std::string query;  // may be empty when like is given
    MatchMode mode = MatchMode::AllWords;
    unsigned offset = 0;  // hits to skip
    unsigned limit = 10;  // hits to return; 0 means all
    SortOrder sort = SortOrder::Relevance;
    std::vector<std::string> facets;  // names from schema::facets()
    bool collapse = false;            // fold copies of one story into one hit (collapse.h)
    std::string like;                 // an article's path, URL or id (find()): articles like it
    bool exact_count = false;         // count every match, not an estimate
    bool snippets = true;             // make each hit's snippet (the costliest part of a hit)
    // False: count matches (and facets) but return no hits (--facets-only).
    bool hits = true;
    // With AllWords: when no article has every word, show those with any of them (and say so
    // in SearchResults::fell_back_to_any). Off for counts and script formats, which must
    // answer the query as typed.
    bool fall_back_to_any = true;
    RankingOptions ranking;
};

struct Hit {
    unsigned rank = 0;  // 1-based, counting skipped hits
    double score = 0;   // BM25 weight; comparable only within one result set
    Xapian::docid docid = 0;
    Article article;  // from the stored record; source_path is the file it was indexed from
    std::vector<SnippetPart> snippet;
    Xapian::doccount collapsed = 0;  // with collapse: other copies folded into this hit, exact
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
    bool fell_back_to_any = false;     // no article had all the words; any-word matches shown
    bool read_as_plain_words = false;  // the query's operators did not parse
    std::string did_you_mean;          // a spelling correction, when hits are few
    std::string explanation;           // how the query was understood (Xapian's description)
    std::vector<std::pair<std::string, std::vector<FacetCount>>> facets;  // in request order
    // Remote shards left out because they did not answer (RemoteOptions::partial): the
    // results are those of the other shards only.
    std::vector<MissingShard> missing_shards;
};

class Searcher {
  public:
    // Opens the databases as one collection, remote shards as remote says. Throws
    // DatabaseError (see open_readable()).
    explicit Searcher(const std::vector<std::string>& database_paths,
                      const RemoteOptions& remote = RemoteOptions());

    // Throws QueryError for a query that cannot be parsed, an unknown facet, or a --like
    // article that is not in the index; DatabaseError when the database cannot be read, or a
    // remote shard fails or does not answer in time (naming it). If an indexer commits while
    // the search runs, the database is reopened and the search repeated; likewise after a
    // remote shard failed, when, with RemoteOptions::partial, a shard that does not answer
    // when opened again is left out of this and every later search (missing_shards()).
    SearchResults search(const SearchRequest& request);

    // The stored article that reference names, looked up in this order: a file path the
    // database holds (a relative path is taken from the current directory), an article id
    // (the `id` hit field), which for an article with a URL is its URL. The Hit carries docid and
    // article only (rank, score, snippet are those of no search). Empty when no article has it.
    // Throws DatabaseError as search().
    std::optional<Hit> find(const std::string& reference);

    // The remote shards left out so far (RemoteOptions::partial), in the order they failed.
    const std::vector<MissingShard>& missing_shards() const { return opened_.missing; }

  private:
    SearchResults search_once(const SearchRequest& request);
    // Runs work() against the databases, reopening them and running it again when an indexer
    // commits meanwhile or a remote shard fails (see search()); returns what work returns.
    template <class Work>
    auto with_retries(Work work) -> decltype(work());
    // The document reference names (see find()), or 0.
    Xapian::docid find_document(const std::string& reference);
    Xapian::Query like_query(const std::string& reference);
    // A spelling correction of the request's query that finds more articles than the
    // typed_matches it found, or empty.
    std::string better_query(QueryBuilder& builder, const SearchRequest& request,
                             Xapian::doccount typed_matches);

    // Opens every database again after a remote shard failed during a search (see search()).
    // Throws DatabaseError as open_readable().
    void reopen_after_network_error();

    std::vector<std::string> paths_;
    RemoteOptions remote_;
    ReadableDatabases opened_;
    Xapian::Database db_;  // opened_.combined
    // Snippets stem every word of every hit; this one remembers stems across searches.
    Xapian::Stem snippet_stemmer_;
};

}  // namespace newsindex::searcher
