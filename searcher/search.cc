#include "search.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include "collapse.h"
#include "database.h"
#include "errors.h"
#include "rerank.h"
#include "schema.h"
#include "stemmer.h"
#include "stop_words.h"

namespace newsindex::searcher {

namespace {
constexpr std::size_t kSnippetBytes = 240;
// Matches looked at beyond the page asked for, so that small counts come out exact while a
// common word does not cost a pass over every match (facets and --count still count all).
constexpr Xapian::doccount kCheckAtLeast = 100;
constexpr int kAttemptsOnModified = 5;
// "Did you mean" is offered when a query finds fewer articles than this.
constexpr Xapian::doccount kFewMatches = 3;
// Terms taken from an article to find articles like it.
constexpr Xapian::termcount kLikeTerms = 25;

// Words of the text that other articles share: stems of unprefixed words ("Zpipelin"; field
// prefixes are upper case) in at least two documents. A word only the article itself has
// cannot find another article, yet Xapian's expansion ranks such rare words first.
class SharedWords : public Xapian::ExpandDecider {
  public:
    explicit SharedWords(const Xapian::Database& db) : db_(db) {}
    bool operator()(const std::string& term) const override {
        return term.size() > 3 &&
               term.compare(0, schema::kStemPrefix.size(), schema::kStemPrefix) == 0 &&
               !(term[1] >= 'A' && term[1] <= 'Z') && db_.get_termfreq(term) >= 2;
    }

  private:
    const Xapian::Database& db_;
};
}  // namespace

Searcher::Searcher(const std::vector<std::string>& database_paths, const RemoteOptions& remote)
    : paths_(database_paths),
      remote_(remote),
      opened_(open_readable(database_paths, remote)),
      db_(opened_.combined),
      snippet_stemmer_(remembering_stemmer()) {}

void Searcher::reopen_after_network_error() {
    std::vector<MissingShard> missing_before = std::move(opened_.missing);
    opened_ = open_readable(paths_, remote_);
    db_ = opened_.combined;
    // Shards missing before stay listed unless they answered this time.
    std::vector<MissingShard> missing;
    for (MissingShard& shard : missing_before) {
        const auto answered = [&](const OpenShard& part) { return part.name == shard.name; };
        const auto listed = [&](const MissingShard& other) { return other.name == shard.name; };
        if (std::none_of(opened_.parts.begin(), opened_.parts.end(), answered) &&
            std::none_of(opened_.missing.begin(), opened_.missing.end(), listed))
            missing.push_back(std::move(shard));
    }
    missing.insert(missing.end(), opened_.missing.begin(), opened_.missing.end());
    opened_.missing = std::move(missing);
}

template <class Work>
auto Searcher::with_retries(Work work) -> decltype(work()) {
    constexpr int kAttemptsOnNetworkError = 3;
    int network_attempt = 0;
    for (int attempt = 1;; ++attempt) {
        try {
            return work();
        } catch (const Xapian::NetworkError& e) {
            // A remote shard failed during the search. Xapian's remote match reports a shard's
            // timeout as "Connection closed unexpectedly", without naming the shard, and can
            // leave the other shards' connections out of step (tests/e2e/remote_timeouts.sh):
            // everything is opened again, which names the shard that does not answer (a
            // DatabaseError) or, with RemoteOptions::partial, leaves it out.
            if (++network_attempt == kAttemptsOnNetworkError)
                throw DatabaseError(DatabaseError::Kind::Other, paths_.front(),
                                    describe_network_error(e, remote_.timeout));
            reopen_after_network_error();
            --attempt;  // not a change under the search
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kAttemptsOnModified) {
                throw DatabaseError(DatabaseError::Kind::Other, paths_.front(),
                                    "kept changing under the search; try again");
            }
            db_.reopen();
        } catch (const Xapian::DatabaseCorruptError& e) {
            // A reader that fell behind a fast writer can meet blocks the writer has reused,
            // which Xapian 1.4 sometimes reports as corruption (seen in tests/e2e/concurrency.sh).
            // A newer revision reads cleanly; a database that is really corrupt fails every time.
            if (attempt == kAttemptsOnModified)
                throw DatabaseError(DatabaseError::Kind::Other, paths_.front(),
                                    e.get_description());
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
            db_.reopen();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(DatabaseError::Kind::Other, paths_.front(), e.get_description());
        }
    }
}

SearchResults Searcher::search(const SearchRequest& request) {
    return with_retries([&] {
        SearchResults results = search_once(request);
        results.missing_shards = opened_.missing;
        return results;
    });
}

std::optional<Hit> Searcher::find(const std::string& reference) {
    return with_retries([&]() -> std::optional<Hit> {
        const Xapian::docid docid = find_document(reference);
        if (docid == 0) return std::nullopt;
        Hit hit;
        hit.docid = docid;
        hit.article = schema::decode_record(db_.get_document(docid).get_data());
        return hit;
    });
}

Xapian::docid Searcher::find_document(const std::string& reference) {
    if (reference.empty()) return 0;
    std::error_code ignored;
    const std::string absolute =
        std::filesystem::absolute(reference, ignored).lexically_normal().string();
    // No lookup of the URL on its own: an article with a URL has it as its id.
    static const schema::Field& id_field = *schema::find_field("id");
    for (const std::string& term :
         {schema::boolean_term(schema::kPathPrefix, absolute),
          schema::boolean_term(id_field.prefix,
                               schema::normalise_boolean_value(id_field, reference))}) {
        Xapian::PostingIterator it = db_.postlist_begin(term);
        if (it != db_.postlist_end(term)) return *it;
    }
    return 0;
}

Xapian::Query Searcher::like_query(const std::string& reference) {
    const Xapian::docid docid = find_document(reference);
    if (docid == 0)
        throw QueryError("--like " + reference, "no indexed article has this path or id");
    Xapian::RSet relevant;
    relevant.add_document(docid);
    Xapian::Enquire enquire(db_);
    SharedWords shared_words(db_);
    Xapian::ESet terms = enquire.get_eset(kLikeTerms, relevant, &shared_words);
    std::vector<Xapian::Query> pieces;
    for (auto it = terms.begin(); it != terms.end(); ++it) pieces.emplace_back(*it);
    Xapian::Query like(Xapian::Query::OP_OR, pieces.begin(), pieces.end());
    // An article is not "like" itself: leave its document out, by its id term.
    Xapian::Document doc = db_.get_document(docid);
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(std::string(schema::kIdPrefix));
    if (t != doc.termlist_end() &&
        (*t).compare(0, schema::kIdPrefix.size(), schema::kIdPrefix) == 0)
        return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(*t));
    return like;
}

std::string Searcher::better_query(QueryBuilder& builder, const SearchRequest& request,
                                   Xapian::doccount typed_matches) {
    const std::string corrected = builder.spelling_correction(request.query);
    if (corrected.empty() || corrected == request.query) return {};
    // Never suggest a rewrite that finds no more articles than the query as typed, counted
    // the same way (all words unless --any).
    Xapian::Enquire enquire(db_);
    try {
        enquire.set_query(builder.parse(corrected, request.mode, false).query);
    } catch (const QueryError&) {
        return {};
    }
    const Xapian::MSet mset = enquire.get_mset(0, 0, typed_matches + 1);
    if (mset.get_matches_lower_bound() <= typed_matches) return {};
    return corrected;
}

namespace {

// A search whose facets of our own (FacetCounter::runs_remotely() false) are counted here, over
// every match read from the shards (opened), each shard's on a thread of its own
// (read_documents()) with spies of its own, whose counts are merged as Xapian merges a remote
// spy's; the counters that run remotely must already be added to enquire. Returns the page
// asked for.
Xapian::MSet run_counting_on_client(const ReadableDatabases& opened, Xapian::Enquire& enquire,
                                    std::vector<FacetCounter>& counters, Xapian::doccount doccount,
                                    Xapian::doccount first, Xapian::doccount wanted,
                                    Xapian::doccount check_at_least) {
    const Xapian::MSet all = enquire.get_mset(0, doccount);
    std::vector<Xapian::docid> docids;
    docids.reserve(all.size());
    for (auto it = all.begin(); it != all.end(); ++it) docids.push_back(*it);
    // spies[shard][k]: the k-th counted-here counter's spy for that shard's documents.
    std::vector<std::vector<std::unique_ptr<Xapian::MatchSpy>>> spies(opened.parts.size());
    for (auto& of_shard : spies) {
        for (FacetCounter& counter : counters) {
            if (!counter.runs_remotely()) of_shard.emplace_back(counter.spy().clone());
        }
    }
    read_documents(opened, docids,
                   [&](std::size_t shard, std::size_t, const Xapian::Document& doc) {
                       for (auto& spy : spies[shard]) (*spy)(doc, 0);
                   });
    for (const auto& of_shard : spies) {
        std::size_t k = 0;
        for (FacetCounter& counter : counters) {
            if (!counter.runs_remotely()) counter.merge(*of_shard[k++]);
        }
    }
    // Every counter has seen every match once: the page must not count again.
    enquire.clear_matchspies();
    return enquire.get_mset(first, wanted, check_at_least);
}

}  // namespace

SearchResults Searcher::search_once(const SearchRequest& request) {
    QueryBuilder builder(db_);
    SearchResults results;
    results.query = request.query;
    results.offset = request.offset;

    Xapian::Query query;
    ParsedQuery parsed;
    // Sorted by date, the boost of words standing together could only order articles of the
    // same second: not worth reading positions for.
    const bool proximity_boost =
        request.ranking.proximity_boost && request.sort == SortOrder::Relevance;
    if (!request.query.empty()) {
        parsed = builder.parse(request.query, request.mode, proximity_boost);
        query = parsed.query;
        results.read_as_plain_words = parsed.read_as_plain_words;
    }
    if (!request.like.empty()) {
        Xapian::Query like = like_query(request.like);
        query = query.empty() ? like : Xapian::Query(Xapian::Query::OP_FILTER, like, query);
    }
    if (query.empty()) throw QueryError(request.query, "has no words to search for");

    Xapian::Enquire enquire(db_);
    const Xapian::BM25Weight weighting(request.ranking.bm25_k1, 0, 1, request.ranking.bm25_b, 0.5);
    enquire.set_weighting_scheme(weighting);
    if (request.sort != SortOrder::Relevance)
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot,
                                                 request.sort == SortOrder::Newest);

    std::vector<FacetCounter> counters;  // in request order
    counters.reserve(request.facets.size());
    for (const std::string& name : request.facets) {
        const schema::Facet* facet = schema::find_facet(name);
        if (!facet) throw QueryError(request.query, "unknown facet '" + name + "'");
        counters.emplace_back(*facet);
    }
    // Facets and exact counts need every match looked at.
    const Xapian::doccount doccount = db_.get_doccount();
    const Xapian::doccount limit = request.limit == 0 ? doccount : request.limit;
    const Xapian::doccount check_at_least =
        (!counters.empty() || request.exact_count || request.collapse)
            ? doccount
            : std::min(request.offset + limit + kCheckAtLeast, doccount);
    // --collapse folds every match (searcher/collapse.h), so that its page and counts are
    // exact; the page is cut from the folded list.
    const Xapian::doccount first = request.collapse ? 0 : request.offset;
    const Xapian::doccount wanted = request.collapse ? doccount : limit;

    // Set when a remote shard (xapian-tcpsrv) refused our own match spy: it knows only
    // Xapian's. The facets such a spy counts are then counted here over every match: exact,
    // but each matching document travels over the network (docs/scaling.md). Value-slot
    // facets stay with Xapian's ValueCountMatchSpy, where the documents are.
    bool counting_on_client = false;
    auto attach_spies = [&] {
        enquire.clear_matchspies();
        for (FacetCounter& counter : counters) {
            if (!counting_on_client || counter.runs_remotely())
                enquire.add_matchspy(&counter.spy());
        }
    };
    auto run = [&](const Xapian::Query& q, Xapian::doccount from, Xapian::doccount count) {
        enquire.set_query(q);
        attach_spies();
        if (!counting_on_client) {
            try {
                return enquire.get_mset(from, count, check_at_least);
            } catch (const Xapian::InvalidArgumentError&) {
                if (std::all_of(counters.begin(), counters.end(),
                                [](const FacetCounter& c) { return c.runs_remotely(); }))
                    throw;
                counting_on_client = true;
                for (FacetCounter& counter : counters) counter.reset();
                attach_spies();
            }
        }
        return run_counting_on_client(opened_, enquire, counters, doccount, from, count,
                                      check_at_least);
    };
    const bool feedback = request.ranking.feedback.terms > 0 &&
                          request.sort == SortOrder::Relevance && request.like.empty();
    if (feedback) query = with_feedback(enquire, db_, query, request.ranking.feedback);
    // The query as parsed is what runs (no --like, no feedback): its proximity boost may be
    // left out or put off. Without hits (counts, --facets-only) the order does not matter, so
    // the boost is not run at all; with them, it reorders the first matches only (rerank.h),
    // unless the page is cut from every match folded (--collapse).
    const bool as_parsed = !feedback && request.like.empty();
    const bool unordered = !request.hits && !request.collapse;
    const bool boost_window = as_parsed && !request.collapse;
    // mset starts at rank mset_first; when window is set, mset is unboosted from rank 0 and
    // window orders its first matches with the boost (kProximityWindow).
    Xapian::doccount mset_first = first;
    std::optional<std::vector<WindowHit>> window;
    auto search = [&](const ParsedQuery& p, const Xapian::Query& q) {
        mset_first = first;
        window.reset();
        if (!as_parsed || p.proximity.empty()) return run(q, first, wanted);
        if (unordered) return run(p.unboosted, first, wanted);
        if (!boost_window || !can_rerank(opened_)) return run(q, first, wanted);
        mset_first = 0;
        Xapian::MSet ranked = run(p.unboosted, 0, std::max(kProximityWindow, first + wanted));
        window = rerank_window(opened_, weighting, p.proximity, ranked);
        return ranked;
    };
    Xapian::MSet mset = search(parsed, query);
    // What the query as typed (before any fallback) found, for the spelling check.
    const Xapian::doccount typed_matches = mset.get_matches_upper_bound();
    std::vector<std::string> any_wildcards;  // of the any-word query, when it is shown
    if (mset.size() <= first - mset_first && request.fall_back_to_any &&
        request.mode == MatchMode::AllWords && !request.query.empty() && request.like.empty()) {
        // Nothing has every word: show what has some of them, and say so.
        ParsedQuery any = builder.parse(request.query, MatchMode::AnyWord, proximity_boost);
        for (FacetCounter& counter : counters) counter.reset();
        const std::optional<std::vector<WindowHit>> typed_window = window;
        const Xapian::doccount typed_first = mset_first;
        Xapian::MSet any_mset = search(any, any.query);
        if (any_mset.size() <= first - mset_first) {
            window = typed_window;
            mset_first = typed_first;
        } else {
            mset = any_mset;
            query = any.query;
            any_wildcards = any.wildcard_starts;
            results.fell_back_to_any = true;
        }
    }
    results.explanation = query.get_description();
    results.matches_lower_bound = mset.get_matches_lower_bound();
    results.matches_estimated = mset.get_matches_estimated();
    results.matches_upper_bound = mset.get_matches_upper_bound();
    std::vector<FoldedHit> page;
    if (request.collapse) {
        FoldedPage folded = fold_near_duplicates(opened_, mset, schema::kNearDuplicateSlot,
                                                 schema::kDateSlot, request.offset, limit);
        page = std::move(folded.hits);
        results.matches_lower_bound = results.matches_estimated = results.matches_upper_bound =
            folded.kept;
    } else {
        Xapian::doccount rank = first;
        for (; window && rank < first + wanted && rank < window->size(); ++rank) {
            const WindowHit& hit = (*window)[rank];
            page.push_back({mset[hit.index], rank + 1, 0, hit.weight});
        }
        for (; rank < first + wanted && rank - mset_first < mset.size(); ++rank)
            page.push_back({mset[rank - mset_first], rank + 1, 0, std::nullopt});
    }
    if (!request.query.empty() && typed_matches < kFewMatches)
        results.did_you_mean = better_query(builder, request, typed_matches);
    for (std::size_t i = 0; i < counters.size(); ++i) {
        std::vector<FacetCount> counts = counters[i].counts();
        if (counters[i].facet().typed_entities) {
            for (FacetCount& c : counts) {
                if (c.value.empty()) continue;
                c.type = schema::entity_type_of_letter(c.value[0]);
                c.value.erase(0, 1);
            }
        }
        if (counters[i].facet().values == schema::FacetValues::YearMonths) {
            // Month terms are YYYYMM; people and scripts read YYYY-MM, as dates are written.
            for (FacetCount& c : counts) {
                if (c.value.size() == 6) c.value.insert(4, "-");
            }
        }
        results.facets.emplace_back(request.facets[i], std::move(counts));
    }

    // No MSet::fetch() here: in Xapian 1.4.22 it crashes when the MSet starts at an offset
    // (found by tests/e2e/search_forms.sh), and it did not make remote searches faster.
    std::vector<std::string> words = query_words(query);
    const std::vector<std::string>& wildcards =
        results.fell_back_to_any ? any_wildcards : parsed.wildcard_starts;
    words.insert(words.end(), wildcards.begin(), wildcards.end());
    // Each hit's snippet stems as its language was indexed (stemmer.h), and is placed by the
    // query's words without the function words of its language, which only other languages'
    // articles were asked for (stop_words.h): "die" stands everywhere in a German text.
    std::map<std::string, std::vector<std::string>> snippet_words;  // by article language
    auto words_of_language = [&](const std::string& language) -> const std::vector<std::string>& {
        auto found = snippet_words.find(language);
        if (found == snippet_words.end()) {
            std::vector<std::string> kept;
            for (const std::string& word : words)
                if (!is_own_stop_word(language, word)) kept.push_back(word);
            found = snippet_words.emplace(language, std::move(kept)).first;
        }
        return found->second;
    };
    std::map<std::string, Xapian::Stem> snippet_stemmers;  // by stemmer language
    const std::string default_stemmer = stemmer_language("");
    auto stemmer_of = [&](const std::string& language) -> const Xapian::Stem& {
        const std::string name = stemmer_language(language);
        auto found = snippet_stemmers.find(name);
        if (found == snippet_stemmers.end())
            found = snippet_stemmers
                        .emplace(name, snippet_stemmer(words,
                                                       name == default_stemmer
                                                           ? snippet_stemmer_
                                                           : remembering_stemmer(language),
                                                       language))
                        .first;
        return found->second;
    };
    const Xapian::MSet for_snippets =
        request.snippets && !mset.empty() ? snippet_mset(mset, db_, query, wildcards) : mset;
    if (!request.hits) page.clear();
    std::vector<Xapian::docid> page_docids;
    for (const FoldedHit& folded : page) page_docids.push_back(*folded.at);
    const std::vector<Xapian::Document> documents = fetch_documents(opened_, page_docids);
    for (std::size_t i = 0; i < page.size(); ++i) {
        const FoldedHit& folded = page[i];
        const Xapian::MSetIterator& it = folded.at;
        Hit hit;
        hit.rank = folded.rank;
        hit.score = folded.weight ? *folded.weight : it.get_weight();
        hit.docid = *it;
        hit.article = schema::decode_record(documents[i].get_data());
        if (request.snippets)
            hit.snippet = make_snippet(for_snippets, hit.article.body,
                                       words_of_language(hit.article.language),
                                       stemmer_of(hit.article.language), kSnippetBytes);
        hit.collapsed = folded.collapsed;
        results.hits.push_back(std::move(hit));
    }
    return results;
}

}  // namespace newsindex::searcher
