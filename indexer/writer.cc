#include "writer.h"

#include <sys/stat.h>

#include <set>
#include <vector>

namespace newsindex::indexer {

namespace {

std::string path_term(const std::string& path) { return schema::boolean_term(schema::kPathPrefix, path); }

bool is_path_term(const std::string& term) {
    return term.size() > schema::kPathPrefix.size() && term.compare(0, schema::kPathPrefix.size(), schema::kPathPrefix) == 0;
}

// The path a path term names; empty when the term was shortened (very long paths).
std::string path_of_term(const std::string& term) {
    const std::string value = term.substr(schema::kPathPrefix.size());
    return schema::boolean_term(schema::kPathPrefix, value) == term ? value : std::string();
}

bool is_regular_file(const std::string& path) {
    struct stat info;
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

IndexWriter::IndexWriter(Xapian::WritableDatabase* db, const Xapian::Database& reader,
                         WriterMessages messages, bool record_spelling)
    : db_(db), reader_(reader), messages_(std::move(messages)), record_spelling_(record_spelling) {}

std::optional<schema::FileState> IndexWriter::known_state(const std::string& path) const {
    schema::FileState state;
    const std::string value = reader_.get_metadata(schema::file_key(path));
    if (value.empty() || !schema::decode_file_state(value, state) || state.path != path) return std::nullopt;
    return state;
}

std::optional<Xapian::docid> IndexWriter::first_posting(const std::string& term) const {
    Xapian::PostingIterator it = reader_.postlist_begin(term);
    if (it == reader_.postlist_end(term)) return std::nullopt;
    return *it;
}

std::string IndexWriter::other_path_term(Xapian::docid docid, const std::string& own_path_term) const {
    Xapian::TermIterator it = reader_.termlist_begin(docid);
    for (it.skip_to(std::string(schema::kPathPrefix)); it != reader_.termlist_end(docid); ++it) {
        const std::string term = *it;
        if (!is_path_term(term)) break;
        if (term != own_path_term) return term;
    }
    return {};
}

std::size_t IndexWriter::release_documents_of(const std::string& path, std::set<Xapian::docid>* detached) {
    const std::string own = path_term(path);
    std::vector<Xapian::docid> docids;
    for (auto it = reader_.postlist_begin(own); it != reader_.postlist_end(own); ++it) docids.push_back(*it);
    std::size_t deleted = 0;
    for (Xapian::docid docid : docids) {
        const std::string other = other_path_term(docid, own);
        if (other.empty()) {
            if (db_) db_->delete_document(docid);
            ++deleted;
        } else if (db_) {
            if (detached) detached->insert(docid);
            // Another file holds the same article: keep the document, now as that file's.
            Xapian::Document doc = reader_.get_document(docid);
            doc.remove_term(own);
            Article record = schema::decode_record(doc.get_data());
            if (std::string other_path = path_of_term(other); !other_path.empty()) {
                record.source_path = other_path;
                doc.set_data(schema::encode_record(record));
            }
            db_->replace_document(docid, doc);
        }
        ++uncommitted_;
    }
    return deleted;
}

void IndexWriter::add_spelling(const Xapian::Document& document) {
    // Unprefixed, unstemmed terms are the words people type; prefixes are upper case.
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
        const std::string term = *it;
        if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) db_->add_spelling(term, it.get_wdf());
    }
}

void IndexWriter::write_article(PreparedArticle& prepared, const std::string& path,
                                std::set<std::string>& written_ids, const std::set<Xapian::docid>& detached,
                                std::size_t& reclaimed) {
    const std::string own = path_term(path);
    if (written_ids.count(prepared.id_term)) {
        messages_.note(path + ": holds the same article twice; kept the first");
        ++counts_.duplicates;
        return;
    }
    std::optional<Xapian::docid> existing = first_posting(prepared.id_term);
    const bool same_url = existing.has_value();
    if (!existing) existing = first_posting(prepared.content_term);
    // A document only this file holds is this file's own (still there in a dry run): replace it.
    if (existing && other_path_term(*existing, own).empty()) existing.reset();
    if (existing) {
        // Name the file the document's text came from.
        const std::string other_path = schema::decode_record(reader_.get_document(*existing).get_data()).source_path;
        const std::string other_name = other_path.empty() ? "another file" : other_path;
        // This file held the document a moment ago, together with other files: with the same
        // URL it is this file's article, updated; with the same text it was and stays a
        // duplicate, already reported.
        const bool held_before = detached.count(*existing) > 0;
        if (held_before && same_url) ++reclaimed;
        else ++counts_.duplicates;
        if (!same_url) {
            // The same text under another id: the document already there stays.
            if (!held_before)
                messages_.note(path + ": same article text as " + other_name + "; kept " + other_name);
            if (db_) {
                Xapian::Document doc = reader_.get_document(*existing);
                doc.add_boolean_term(own);
                db_->replace_document(*existing, doc);
            }
            ++uncommitted_;
            return;
        }
        // The same URL: this is the newer version of the article; the document keeps the
        // path terms of every file that holds it.
        if (!held_before)
            messages_.note(path + ": same URL as " + other_name + "; one document, text from " + path);
        if (db_) {
            for (auto it = reader_.termlist_begin(*existing); it != reader_.termlist_end(*existing); ++it) {
                if (is_path_term(*it)) prepared.document.add_boolean_term(*it);
            }
            db_->replace_document(*existing, prepared.document);
        }
        ++uncommitted_;
        return;
    }
    if (db_) {
        db_->replace_document(prepared.id_term, prepared.document);
        if (record_spelling_) add_spelling(prepared.document);
    }
    written_ids.insert(prepared.id_term);
    ++uncommitted_;
}

void IndexWriter::record_state(const schema::FileState& state) {
    if (db_) db_->set_metadata(schema::file_key(state.path), schema::encode_file_state(state));
    ++uncommitted_;
}

void IndexWriter::apply(FileOutcome&& outcome) {
    switch (outcome.kind) {
        case FileOutcome::Kind::Failed:
            messages_.problem(outcome.problem);
            ++counts_.failed;
            return;
        case FileOutcome::Kind::Unchanged: {
            auto known = known_state(outcome.path);
            counts_.unchanged += reader_.get_termfreq(path_term(outcome.path));
            // Touched but not changed: remember the new time so the next run need not read it.
            if (known && (known->mtime_ns != outcome.state.mtime_ns || known->size != outcome.state.size))
                record_state(outcome.state);
            return;
        }
        case FileOutcome::Kind::Prepared:
            break;
    }
    for (const std::string& problem : outcome.record_problems) {
        messages_.problem(problem);
        ++counts_.failed;
    }
    std::set<Xapian::docid> detached;
    const std::size_t released = release_documents_of(outcome.path, &detached);
    std::set<std::string> written_ids;
    std::size_t reclaimed = 0;
    for (PreparedArticle& prepared : outcome.articles)
        write_article(prepared, outcome.path, written_ids, detached, reclaimed);
    const std::size_t written = written_ids.size();
    counts_.updated += std::min(written, released) + reclaimed;
    if (written > released) counts_.added += written - released;
    if (released > written) counts_.deleted += released - written;
    record_state(outcome.state);
}

void IndexWriter::prune(const std::string& directory) {
    const std::string prefix = schema::file_key(directory + "/");
    if (prefix.find('#') != std::string::npos && prefix.size() > 180) return;  // shortened key
    std::vector<std::pair<std::string, std::string>> vanished;  // key, path
    for (auto it = reader_.metadata_keys_begin(prefix); it != reader_.metadata_keys_end(prefix); ++it) {
        schema::FileState state;
        if (!schema::decode_file_state(reader_.get_metadata(*it), state)) continue;
        if (state.path.compare(0, directory.size() + 1, directory + "/") != 0) continue;
        if (!is_regular_file(state.path)) vanished.emplace_back(*it, state.path);
    }
    for (const auto& [key, path] : vanished) {
        counts_.deleted += release_documents_of(path, nullptr);
        if (db_) db_->set_metadata(key, "");
        ++uncommitted_;
    }
}

void IndexWriter::commit() {
    if (db_) db_->commit();
    uncommitted_ = 0;
}

}  // namespace newsindex::indexer
