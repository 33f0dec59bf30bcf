#include "search.h"

#include "database.h"
#include "errors.h"
#include "query.h"
#include "schema.h"

namespace newsindex::searcher {

namespace {
constexpr std::size_t kSnippetBytes = 240;
// Counting every match exactly is cheap at the sizes one machine holds and makes the counts
// printed trustworthy; Xapian stops early only past this many.
constexpr Xapian::doccount kCheckAtLeast = 100000;
constexpr int kAttemptsOnModified = 3;
}  // namespace

Searcher::Searcher(const std::vector<std::string>& database_paths)
    : paths_(database_paths), db_(open_readable(database_paths)) {}

SearchResults Searcher::search(const SearchRequest& request) {
    for (int attempt = 1;; ++attempt) {
        try {
            return search_once(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kAttemptsOnModified) {
                throw DatabaseError(DatabaseError::Kind::Other, paths_.front(),
                                    "kept changing under the search; try again");
            }
            db_.reopen();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(DatabaseError::Kind::Other, paths_.front(), e.get_description());
        }
    }
}

SearchResults Searcher::search_once(const SearchRequest& request) {
    QueryBuilder builder(db_);
    Xapian::Enquire enquire(db_);
    enquire.set_query(builder.parse(request.query));
    Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, kCheckAtLeast);

    SearchResults results;
    results.query = request.query;
    results.offset = request.offset;
    results.matches_lower_bound = mset.get_matches_lower_bound();
    results.matches_estimated = mset.get_matches_estimated();
    results.matches_upper_bound = mset.get_matches_upper_bound();
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = it.get_rank() + 1;
        hit.score = it.get_weight();
        hit.docid = *it;
        hit.article = schema::decode_record(it.get_document().get_data());
        hit.snippet = make_snippet(mset, hit.article.body, builder.stemmer(), kSnippetBytes);
        results.hits.push_back(std::move(hit));
    }
    return results;
}

}  // namespace newsindex::searcher
