// IndexWriter's side of --delete (delete.h) and of the deletion records that keep deleted
// articles out of later runs (deletions.h).
#include <sys/stat.h>

#include "formats/reader.h"
#include "sources.h"
#include "writer.h"

namespace newsindex::indexer {

void IndexWriter::forget_stale_deletions(const schema::FileState& found) {
    for (const std::string& id : deletions_.of_file(found.path)) {
        const schema::DeletedArticle* deleted = deletions_.find(id);
        if (!deleted || same_as_deleted(*deleted, found)) continue;
        sink_.set_metadata_later(0, schema::deleted_key(id), "");
        ++uncommitted_;
        deletions_.erase(id);
    }
}

bool IndexWriter::left_out_from_stdin(const PreparedArticle& prepared) {
    const std::string id = prepared.id_term.substr(schema::kIdPrefix.size());
    const schema::DeletedArticle* deleted = deletions_.find(id);
    if (!deleted) return false;
    if (same_stdin_article(*deleted, prepared.content_term.substr(schema::kContentPrefix.size())))
        return true;
    // Changed, or given now by standard input where a file gave it before: it is back.
    sink_.set_metadata_later(0, schema::deleted_key(id), "");
    ++uncommitted_;
    deletions_.erase(id);
    return false;
}

std::optional<schema::FileState> IndexWriter::state_for_deletion(const std::string& path) const {
    std::optional<schema::FileState> known = known_state(path);
    struct stat info;
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return known;
    schema::FileState now;
    now.path = path;
    now.size = static_cast<std::uint64_t>(info.st_size);
    now.mtime_ns =
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    if (known && known->size == now.size && known->mtime_ns == now.mtime_ns) {
        now.content_hash = known->content_hash;
        return now;
    }
    // Changed since it was indexed: the article stays out until the file changes again.
    try {
        const std::string bytes = read_file_bytes(path, ReadOptions().max_file_bytes);
        now.size = bytes.size();
        now.content_hash = schema::content_hash(bytes);
    } catch (const InputError&) {
        return known;
    }
    return now;
}

std::vector<std::string> IndexWriter::delete_documents(const std::set<Xapian::docid>& docids) {
    apply_held_outcomes();
    // The terms of doc under prefix, prefix and all.
    const auto terms_under = [](const Xapian::Document& doc, std::string_view prefix) {
        std::vector<std::string> terms;
        Xapian::TermIterator it = doc.termlist_begin();
        for (it.skip_to(std::string(prefix)); it != doc.termlist_end(); ++it) {
            const std::string term = *it;
            if (term.compare(0, prefix.size(), prefix) != 0) break;
            terms.push_back(term);
        }
        return terms;
    };
    std::vector<std::string> ids;
    std::set<std::string> holders;
    for (Xapian::docid docid : docids) {
        const Xapian::Document doc = reader_.get_document(docid);
        ids.push_back(schema::article_id(schema::decode_record(doc.get_data())));
        ++counts_.deleted;
        ++uncommitted_;
        if (!sink_.writes()) continue;  // a dry run counts
        schema::DeletedArticle deleted;
        for (const std::string& term : terms_under(doc, schema::kContentPrefix))
            deleted.content_hashes.push_back(term.substr(schema::kContentPrefix.size()));
        for (const std::string& path : holders_of(docid)) {
            if (path.empty()) continue;  // a shortened path term: not a file to match
            if (auto state = state_for_deletion(path)) {
                state->documents = 0;
                deleted.files.push_back(std::move(*state));
            }
            holders.insert(path);
        }
        // Its own id and those of the articles folded into it: each file's article stays out.
        std::vector<std::string> id_terms = terms_under(doc, schema::kIdPrefix);
        for (const std::string& other : terms_under(doc, kOtherIdPrefix))
            id_terms.push_back(std::string(schema::kIdPrefix) +
                               other.substr(kOtherIdPrefix.size()));
        for (const std::string& id_term : id_terms) {
            deleted.id = id_term.substr(schema::kIdPrefix.size());
            sink_.set_metadata_later(0, schema::deleted_key(deleted.id),
                                     schema::encode_deleted_article(deleted));
            deletions_.add(deleted);
            // As when its file vanishes: the collection's names forget it (start_file()).
            names_.forget(id_term);
            // From standard input: --rebuild has nothing of it to carry over.
            const std::string stdin_key = source_key(kStdinDocumentPrefix, id_term);
            if (!readers_.front().get_metadata(stdin_key).empty())
                sink_.set_metadata_later(0, stdin_key, "");
        }
        const Location where = locate(docid);
        sink_.remove(where.shard, where.docid);
    }
    // The files keep their states, with the documents they hold now: unchanged, they are
    // passed over by the next run, which counts their documents from the state.
    for (const std::string& path : holders) {
        std::optional<schema::FileState> known = known_state(path);
        if (!known) continue;
        known->documents = reader_.get_termfreq(path_term(path));
        record_state(*known);
    }
    return ids;
}

void IndexWriter::carry_deletions(const Deletions& carried) {
    for (const schema::DeletedArticle* deleted : carried.all()) {
        sink_.set_metadata_later(0, schema::deleted_key(deleted->id),
                                 schema::encode_deleted_article(*deleted));
        ++uncommitted_;
        deletions_.add(*deleted);
    }
}

}  // namespace newsindex::indexer
