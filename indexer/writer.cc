#include "writer.h"

#include <sys/stat.h>

#include <exception>
#include <map>
#include <set>
#include <thread>
#include <vector>

namespace newsindex::indexer {

namespace {

std::string path_term(const std::string& path) {
    return schema::boolean_term(schema::kPathPrefix, path);
}

bool is_path_term(const std::string& term) {
    return term.size() > schema::kPathPrefix.size() &&
           term.compare(0, schema::kPathPrefix.size(), schema::kPathPrefix) == 0;
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

IndexWriter::IndexWriter(std::vector<Xapian::WritableDatabase>* shards,
                         std::vector<Xapian::Database> readers, WriterMessages messages,
                         bool record_spelling)
    : shards_(shards),
      readers_(std::move(readers)),
      aliases_(readers_.front()),
      messages_(std::move(messages)),
      record_spelling_(record_spelling),
      spelling_counts_(readers_.size()) {
    for (const Xapian::Database& shard : readers_) reader_.add_database(shard);
}

std::size_t IndexWriter::shard_of(const std::string& key) const {
    // The first 8 bytes of the FNV-1a hash: stable across runs, builds and machines.
    return std::stoull(schema::content_hash(key).substr(0, 8), nullptr, 16) % readers_.size();
}

IndexWriter::Location IndexWriter::locate(Xapian::docid global) const {
    // Xapian numbers the documents of several databases by interleaving them.
    const std::size_t count = readers_.size();
    return {(global - 1) % count, static_cast<Xapian::docid>((global - 1) / count + 1)};
}

std::optional<schema::FileState> IndexWriter::known_state(const std::string& path) const {
    schema::FileState state;
    const std::string value = readers_[shard_of(path)].get_metadata(schema::file_key(path));
    if (value.empty() || !schema::decode_file_state(value, state) || state.path != path)
        return std::nullopt;
    return state;
}

std::optional<Xapian::docid> IndexWriter::first_posting(const std::string& term) const {
    Xapian::PostingIterator it = reader_.postlist_begin(term);
    if (it == reader_.postlist_end(term)) return std::nullopt;
    return *it;
}

std::string IndexWriter::other_path_term(Xapian::docid docid,
                                         const std::string& own_path_term) const {
    Xapian::TermIterator it = reader_.termlist_begin(docid);
    for (it.skip_to(std::string(schema::kPathPrefix)); it != reader_.termlist_end(docid); ++it) {
        const std::string term = *it;
        if (!is_path_term(term)) break;
        if (term != own_path_term) return term;
    }
    return {};
}

std::size_t IndexWriter::release_documents_of(const std::string& path,
                                              std::set<Xapian::docid>* detached) {
    const std::string own = path_term(path);
    std::vector<Xapian::docid> docids;
    for (auto it = reader_.postlist_begin(own); it != reader_.postlist_end(own); ++it)
        docids.push_back(*it);
    std::size_t deleted = 0;
    for (Xapian::docid docid : docids) {
        const std::string other = other_path_term(docid, own);
        const Location where = locate(docid);
        if (other.empty()) {
            if (shards_) (*shards_)[where.shard].delete_document(where.docid);
            ++deleted;
        } else if (shards_) {
            if (detached) detached->insert(docid);
            // Another file holds the same article: keep the document, now as that file's.
            Xapian::Document doc = reader_.get_document(docid);
            doc.remove_term(own);
            Article record = schema::decode_record(doc.get_data());
            if (std::string other_path = path_of_term(other); !other_path.empty()) {
                record.source_path = other_path;
                doc.set_data(schema::encode_record(record));
            }
            (*shards_)[where.shard].replace_document(where.docid, doc);
        }
        ++uncommitted_;
    }
    return deleted;
}

void IndexWriter::count_spelling(std::size_t shard, const SpellingWords& words) {
    auto& counts = spelling_counts_[shard];
    for (const auto& [word, frequency] : words) {
        auto [entry, inserted] = counts.try_emplace(word, 0);
        entry->second += frequency;
        spelling_words_held_ += inserted;
    }
}

void IndexWriter::flush_spelling() {
    for (std::size_t shard = 0; shard < spelling_counts_.size(); ++shard) {
        for (const auto& [word, frequency] : spelling_counts_[shard])
            (*shards_)[shard].add_spelling(word, frequency);
        spelling_counts_[shard].clear();
    }
    spelling_words_held_ = 0;
}

void IndexWriter::write_article(PreparedArticle& prepared, const std::string& path,
                                std::set<std::string>& written_ids,
                                const std::set<Xapian::docid>& detached, std::size_t& reclaimed) {
    const std::string own = path_term(path);
    if (shards_) {
        // What this batch taught is already known (apply() learned it): only documents of
        // earlier batches need apply_new_aliases().
        std::vector<DocumentBuilder::EntityRename> renames;
        for (auto& rename : aliases_.resolve(prepared.article))
            renames.push_back({std::move(rename.old_type), std::move(rename.alias.short_name),
                               std::move(rename.alias.type), std::move(rename.alias.full_name)});
        builder_.rename_entities(prepared.document, prepared.article, renames);
    }
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
        const std::string other_path =
            schema::decode_record(reader_.get_document(*existing).get_data()).source_path;
        const std::string other_name = other_path.empty() ? "another file" : other_path;
        // This file held the document a moment ago, together with other files: with the same
        // URL it is this file's article, updated; with the same text it was and stays a
        // duplicate, already reported.
        const bool held_before = detached.count(*existing) > 0;
        if (held_before && same_url)
            ++reclaimed;
        else
            ++counts_.duplicates;
        if (!same_url) {
            // The same text under another id: the document already there stays.
            if (!held_before)
                messages_.note(path + ": same article text as " + other_name + "; kept " +
                               other_name);
            if (shards_) {
                Xapian::Document doc = reader_.get_document(*existing);
                doc.add_boolean_term(own);
                const Location where = locate(*existing);
                (*shards_)[where.shard].replace_document(where.docid, doc);
            }
            ++uncommitted_;
            return;
        }
        // The same URL: this is the newer version of the article; the document keeps the
        // path terms of every file that holds it.
        if (!held_before)
            messages_.note(path + ": same URL as " + other_name + "; one document, text from " +
                           path);
        if (shards_) {
            for (auto it = reader_.termlist_begin(*existing); it != reader_.termlist_end(*existing);
                 ++it) {
                if (is_path_term(*it)) prepared.document.add_boolean_term(*it);
            }
            const Location where = locate(*existing);
            (*shards_)[where.shard].replace_document(where.docid, prepared.document);
        }
        ++uncommitted_;
        return;
    }
    if (shards_) {
        Xapian::WritableDatabase& shard = (*shards_)[shard_of(prepared.id_term)];
        shard.replace_document(prepared.id_term, prepared.document);
        if (record_spelling_) count_spelling(shard_of(prepared.id_term), prepared.spelling_words);
    }
    written_ids.insert(prepared.id_term);
    ++uncommitted_;
}

void IndexWriter::record_state(const schema::FileState& state) {
    if (shards_)
        pending_states_.push_back(
            {shard_of(state.path), schema::file_key(state.path), schema::encode_file_state(state)});
    ++uncommitted_;
}

void IndexWriter::apply(FileOutcome&& outcome) {
    if (!shards_) {
        apply_now(std::move(outcome));
        return;
    }
    // Held until the batch is committed, so that every article of the batch can take the
    // full names any other article of the batch gives.
    std::size_t changes = 1;
    if (outcome.kind == FileOutcome::Kind::Prepared) {
        for (const PreparedArticle& prepared : outcome.articles) {
            for (EntityAlias& alias : aliases_.learn(prepared.article))
                new_aliases_.push_back(std::move(alias));
        }
        changes += outcome.articles.size();
        uncommitted_bytes_ += outcome.state.size;
    }
    held_outcomes_.push_back(std::move(outcome));
    uncommitted_ += changes;
}

void IndexWriter::apply_held_outcomes() {
    for (FileOutcome& outcome : held_outcomes_) apply_now(std::move(outcome));
    held_outcomes_.clear();
}

void IndexWriter::apply_now(FileOutcome&& outcome) {
    switch (outcome.kind) {
        case FileOutcome::Kind::Failed:
            messages_.problem(outcome.problem);
            ++counts_.failed;
            return;
        case FileOutcome::Kind::Unchanged: {
            // What the run found recorded (outcome.known), else read it again.
            auto known = outcome.known ? outcome.known : known_state(outcome.path);
            if (!known) return;
            counts_.unchanged += known->documents;
            // Touched but not changed: remember the new time so the next run need not read it.
            if (known->mtime_ns != outcome.state.mtime_ns || known->size != outcome.state.size) {
                outcome.state.documents = known->documents;
                record_state(outcome.state);
            }
            return;
        }
        case FileOutcome::Kind::Prepared:
            break;
    }
    for (const std::string& problem : outcome.record_problems) {
        messages_.problem(problem);
        ++counts_.failed;
    }
    if (outcome.path.empty()) {
        // Records from standard input: no file to release or remember.
        std::set<std::string> written_ids;
        std::set<Xapian::docid> none;
        std::size_t reclaimed = 0;
        for (PreparedArticle& prepared : outcome.articles) {
            const bool existed = first_posting(prepared.id_term).has_value();
            const std::size_t before = written_ids.size();
            write_article(prepared, outcome.path, written_ids, none, reclaimed);
            if (written_ids.size() > before) ++(existed ? counts_.updated : counts_.added);
        }
        return;
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
    outcome.state.documents = reader_.get_termfreq(path_term(outcome.path));
    record_state(outcome.state);
}

void IndexWriter::prune(const std::string& directory, const std::unordered_set<std::string>& seen) {
    apply_held_outcomes();  // prune sees the database as the run left it
    const std::string prefix = schema::file_key(directory + "/");
    if (prefix.find('#') != std::string::npos && prefix.size() > 180) return;  // shortened key
    struct Vanished {
        std::size_t shard;
        std::string key, path;
    };
    std::vector<Vanished> vanished;
    for (std::size_t shard = 0; shard < readers_.size(); ++shard) {
        const Xapian::Database& reader = readers_[shard];
        for (auto it = reader.metadata_keys_begin(prefix); it != reader.metadata_keys_end(prefix);
             ++it) {
            // A key that holds its whole path names a file the scan found: nothing to read.
            if (seen.count((*it).substr(schema::kFileKeyPrefix.size()))) continue;
            schema::FileState state;
            if (!schema::decode_file_state(reader.get_metadata(*it), state)) continue;
            if (state.path.compare(0, directory.size() + 1, directory + "/") != 0) continue;
            if (!seen.count(state.path) && !is_regular_file(state.path))
                vanished.push_back({shard, *it, state.path});
        }
    }
    for (const Vanished& gone : vanished) {
        counts_.deleted += release_documents_of(gone.path, nullptr);
        if (shards_) pending_states_.push_back({gone.shard, gone.key, ""});
        ++uncommitted_;
    }
}

void IndexWriter::commit_all_shards() {
    if (shards_->size() == 1) {
        shards_->front().commit();
        return;
    }
    // Each shard is its own database: their commits (the costly flush) run side by side.
    std::vector<std::thread> threads;
    std::vector<std::exception_ptr> failures(shards_->size());
    for (std::size_t i = 0; i < shards_->size(); ++i) {
        threads.emplace_back([this, i, &failures] {
            try {
                (*shards_)[i].commit();
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::exception_ptr& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
}

void IndexWriter::apply_new_aliases() {
    // Gathered per document first, so that a document with many of the new short names is
    // read, renamed and written once, not once per name. Ordered, so the renames of a
    // document come in the order the aliases were learned.
    std::map<std::pair<std::size_t, Xapian::docid>,
             std::vector<std::pair<std::string, EntityAlias>>>
        renames_of;  // (shard, docid) -> (type written, alias)
    for (const EntityAlias& alias : new_aliases_) {
        if (!aliases_.still_stands_for(alias)) continue;
        for (const std::string& type : types_renamed_by(alias.type)) {
            const std::string term = schema::boolean_term(
                std::string(schema::kEntityExactPrefix) + schema::entity_type_letter(type),
                alias.short_name);
            for (std::size_t shard = 0; shard < shards_->size(); ++shard) {
                Xapian::WritableDatabase& database = (*shards_)[shard];
                // Most short names were never written alone; asking is cheaper than opening
                // a posting list, which flushes the term's pending changes first.
                if (!database.term_exists(term)) continue;
                for (auto it = database.postlist_begin(term); it != database.postlist_end(term);
                     ++it)
                    renames_of[{shard, *it}].emplace_back(type, alias);
            }
        }
    }
    for (const auto& [where, renames] : renames_of) {
        Xapian::WritableDatabase& shard = (*shards_)[where.first];
        Xapian::Document doc = shard.get_document(where.second);
        Article article = schema::decode_record(doc.get_data());
        // An entity written as another type the alias renames (types_renamed_by()) takes the
        // alias's type first. Found by name, not by a walk of the entities per alias.
        std::unordered_map<std::string, std::vector<std::size_t>> by_name;
        for (std::size_t i = 0; i < article.entities.size(); ++i)
            by_name[article.entities[i].name].push_back(i);
        std::vector<EntityAlias> aliases;
        for (const auto& [type, alias] : renames) {
            if (auto found = by_name.find(alias.short_name); found != by_name.end())
                for (std::size_t i : found->second)
                    if (article.entities[i].type == type) article.entities[i].type = alias.type;
            aliases.push_back(alias);
        }
        const std::vector<bool> renamed = rename_entities(article, aliases);
        std::vector<DocumentBuilder::EntityRename> done;
        for (std::size_t i = 0; i < renames.size(); ++i)
            if (renamed[i])
                done.push_back({renames[i].first, aliases[i].short_name, aliases[i].type,
                                aliases[i].full_name});
        if (done.empty()) continue;
        builder_.rename_entities(doc, article, done);
        shard.replace_document(where.second, doc);
    }
    new_aliases_.clear();
}

void IndexWriter::finish() {
    if (shards_) {
        apply_held_outcomes();
        flush_spelling();
    }
    commit();
}

void IndexWriter::commit() {
    end_batch(true);
}

void IndexWriter::end_batch(bool force_commit) {
    // Bounds the memory the held-back words take: about 100 bytes each.
    constexpr std::size_t kSpellingWordsHeld = 1'000'000;
    if (!shards_) {
        uncommitted_ = 0;
        uncommitted_bytes_ = 0;
        return;
    }
    apply_held_outcomes();
    if (spelling_words_held_ > kSpellingWordsHeld) flush_spelling();
    apply_new_aliases();
    aliases_.save(shards_->front());
    if (shards_->size() == 1) {
        for (const PendingState& state : pending_states_)
            shards_->front().set_metadata(state.key, state.value);
        pending_states_.clear();
        changes_since_commit_ += uncommitted_;
        bytes_since_commit_ += uncommitted_bytes_;
        uncommitted_ = 0;
        uncommitted_bytes_ = 0;
        if (force_commit || changes_since_commit_ >= commit_changes_ ||
            bytes_since_commit_ >= commit_bytes_) {
            shards_->front().commit();
            changes_since_commit_ = 0;
            bytes_since_commit_ = 0;
        }
        return;
    }
    uncommitted_ = 0;
    uncommitted_bytes_ = 0;
    commit_all_shards();
    if (pending_states_.empty()) return;
    for (const PendingState& state : pending_states_)
        (*shards_)[state.shard].set_metadata(state.key, state.value);
    pending_states_.clear();
    commit_all_shards();
}

}  // namespace newsindex::indexer
