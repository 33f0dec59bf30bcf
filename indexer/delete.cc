#include "delete.h"

#include <chrono>
#include <filesystem>

#include "errors.h"
#include "query.h"
#include "schema.h"

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

// Whether reference is written as a path or an id rather than a query: such a reference that
// names nothing is reported as not found, never searched for as words (a mistyped URL would
// otherwise delete every article with "www" and "com" in it).
bool looks_like_reference(const std::string& reference) {
    for (const char* start : {"/", "./", "../", "~"})
        if (reference.rfind(start, 0) == 0) return true;
    if (reference.find("://") != std::string::npos) return true;
    if (reference.size() > 2 && reference.front() == '<' && reference.back() == '>') return true;
    std::error_code error;
    return fs::exists(reference, error);
}

void add_postings(const Xapian::Database& db, const std::string& term,
                  std::set<Xapian::docid>& docids) {
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) docids.insert(*it);
}

}  // namespace

Resolved resolve_reference(const Xapian::Database& db, const std::string& reference) {
    Resolved resolved;
    if (reference.empty()) {
        resolved.problem = "an empty --delete names nothing";
        return resolved;
    }
    std::error_code error;
    const std::string absolute = fs::absolute(reference, error).lexically_normal().string();
    resolved.kind = ReferenceKind::Path;
    add_postings(db, schema::boolean_term(schema::kPathPrefix, absolute), resolved.docids);
    if (!resolved.docids.empty()) return resolved;
    resolved.kind = ReferenceKind::Id;
    static const schema::Field& id_field = *schema::find_field("id");
    for (const std::string& id : {reference, absolute})
        add_postings(
            db,
            schema::boolean_term(id_field.prefix, schema::normalise_boolean_value(id_field, id)),
            resolved.docids);
    if (!resolved.docids.empty()) return resolved;
    if (looks_like_reference(reference)) {
        resolved.problem = "no indexed article has this id or file path";
        return resolved;
    }
    resolved.kind = ReferenceKind::Query;
    try {
        searcher::QueryBuilder builder(db);
        const searcher::ParsedQuery parsed =
            builder.parse(reference, searcher::MatchMode::AllWords, false);
        if (parsed.read_as_plain_words) {
            resolved.problem =
                "the query's operators do not parse; a deletion takes no guess (see "
                "'searcher --help-query')";
            return resolved;
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(parsed.query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
        for (auto it = matches.begin(); it != matches.end(); ++it) resolved.docids.insert(*it);
    } catch (const QueryError& e) {
        // The message without its "query "...": ", which the caller's names the reference.
        const std::string message = e.what(), named = "query \"" + e.query() + "\": ";
        resolved.problem = message.rfind(named, 0) == 0 ? message.substr(named.size()) : message;
        return resolved;
    }
    if (resolved.docids.empty()) resolved.problem = "no indexed article matches this query";
    return resolved;
}

DeleteSummary delete_articles(const IndexOptions& options,
                              const std::vector<std::string>& references,
                              const WriterMessages& messages) {
    std::error_code error;
    if (!fs::exists(options.database_path, error))
        throw DatabaseError(DatabaseError::Kind::Missing, options.database_path,
                            "no database here to delete from");
    const auto start = std::chrono::steady_clock::now();
    DeleteSummary done;
    RunCallbacks callbacks;
    callbacks.messages = messages;
    done.summary = work_on_database(options, callbacks, [&](IndexWriter& writer) {
        std::set<Xapian::docid> docids;
        for (const std::string& reference : references) {
            Resolved resolved = resolve_reference(writer.database(), reference);
            if (resolved.docids.empty()) {
                messages.problem("--delete '" + reference + "': " + resolved.problem);
                ++done.unmatched;
                continue;
            }
            docids.insert(resolved.docids.begin(), resolved.docids.end());
        }
        for (const std::string& id : writer.delete_documents(docids))
            messages.note((options.dry_run ? "would delete " : "deleted ") + id);
        writer.commit();
        IndexSummary summary;
        summary.counts = writer.counts();
        return summary;
    });
    done.summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return done;
}

std::string deletion_line(const DeleteSummary& done, bool dry_run) {
    const std::size_t count = done.summary.counts.deleted;
    const std::string articles = std::to_string(count) + (count == 1 ? " article" : " articles");
    return dry_run ? "would delete " + articles + " [dry run: nothing written]"
                   : "deleted " + articles;
}

}  // namespace newsindex::indexer
