#include "writer.h"

#include <sys/stat.h>

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "errors.h"
#include "sources.h"
#include "text/strings.h"

namespace newsindex::indexer {

namespace {

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

IndexWriter::IndexWriter(IndexSink& sink, std::vector<Xapian::Database> readers,
                         WriterMessages messages, bool record_spelling)
    : sink_(sink),
      readers_(std::move(readers)),
      names_(readers_.front(), reader_, [this](Xapian::docid docid) { return holders_of(docid); }),
      messages_(std::move(messages)),
      record_spelling_(record_spelling),
      spelling_counts_(readers_.size()) {
    for (const Xapian::Database& shard : readers_) reader_.add_database(shard);
    deletions_.load(readers_.front());
}

std::string IndexWriter::path_term(const std::string& path) {
    return schema::boolean_term(schema::kPathPrefix, path);
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
            sink_.add_spelling(shard, word, frequency);
        spelling_counts_[shard].clear();
    }
    spelling_words_held_ = 0;
}

std::string IndexWriter::other_id_term(const std::string& id_term) {
    return schema::boolean_term(kOtherIdPrefix, id_term.substr(schema::kIdPrefix.size()));
}

std::vector<std::string> IndexWriter::holders_of(Xapian::docid docid) const {
    std::vector<std::string> paths;
    Xapian::TermIterator it = reader_.termlist_begin(docid);
    for (it.skip_to(std::string(schema::kPathPrefix)); it != reader_.termlist_end(docid); ++it) {
        const std::string term = *it;
        if (!is_path_term(term)) break;
        paths.push_back(path_of_term(term));
    }
    return paths;
}

std::vector<PreparedArticle> IndexWriter::read_again(const std::string& path) {
    struct stat info;
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        // Gone: a clean index would not hold it either; forget its state too.
        sink_.set_metadata_later(shard_of(path), schema::file_key(path), "");
        return {};
    }
    schema::FileState found;
    found.path = path;
    found.size = static_cast<std::uint64_t>(info.st_size);
    found.mtime_ns =
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    if (!read_file_) {
        messages_.problem(path +
                          ": cannot be read again by this writer; its articles are left out");
        ++counts_.failed;
        return {};
    }
    FileOutcome outcome = read_file_(path, found);
    if (outcome.kind != FileOutcome::Kind::Prepared) {
        messages_.problem(outcome.problem.empty() ? path + ": cannot be read again"
                                                  : outcome.problem);
        ++counts_.failed;
        return {};
    }
    for (const PreparedArticle& prepared : outcome.articles)
        names_.counting().learn(prepared.id_term, prepared.article, path);
    forget_stale_deletions(outcome.state);
    reread_states_.push_back(outcome.state);
    return std::move(outcome.articles);
}

void IndexWriter::apply_file(const std::string& path, std::vector<PreparedArticle> articles,
                             bool vanished, const schema::FileState* state, bool counted) {
    FileInProgress file = start_file(path, &articles);
    file.counted = counted;
    add_articles(file, articles);
    finish_file(file, vanished, state, counted);
}

void IndexWriter::forget_gone_articles(FileInProgress& file) {
    for (const std::string& id_term : file.gone_ids)
        if (!file.written_ids.count(id_term)) names_.forget(id_term);
    file.gone_ids.clear();
}

IndexWriter::FileInProgress IndexWriter::start_file(const std::string& path,
                                                    const std::vector<PreparedArticle>* articles) {
    FileInProgress file;
    file.path = path;
    const std::string own = path_term(path);
    // The documents the file held, and the files it shared them with.
    for (auto it = reader_.postlist_begin(own); it != reader_.postlist_end(own); ++it) {
        const std::vector<std::string> holders = holders_of(*it);
        if (holders.size() <= 1) ++file.held_alone;
        for (const std::string& holder : holders)
            if (holder != path) file.shared_with.insert(holder);
    }
    if (!sink_.writes()) return file;  // a dry run reads nothing again
    // Every file that shares a document with a file of the set joins the set: their documents
    // are made again from all their files, as a clean index would make them.
    std::optional<std::set<std::string>> own_ids;
    if (articles) {
        own_ids.emplace();
        for (const PreparedArticle& prepared : *articles) own_ids->insert(prepared.id_term);
    }
    std::map<std::string, std::vector<PreparedArticle>> others;
    std::vector<std::string> queue{path};
    std::set<Xapian::docid> doomed;
    // Ended when the files are read, and also when reading them ends by an exception.
    std::optional<NameCounting::RemakingScope> remaking;
    remaking.emplace(names_.counting(), path, std::move(own_ids));
    while (!queue.empty()) {
        const std::string next = queue.back();
        queue.pop_back();
        const std::string term = path_term(next);
        for (auto it = reader_.postlist_begin(term); it != reader_.postlist_end(term); ++it) {
            if (!doomed.insert(*it).second) continue;
            for (const std::string& holder : holders_of(*it)) {
                // empty: a shortened term
                if (holder.empty() || holder == path || others.count(holder)) continue;
                others.emplace(holder, read_again(holder));
                queue.push_back(holder);
            }
        }
    }
    // The ids of the articles the documents held: those no file gives any more (a vanished
    // file, a record gone from a changed one) are forgotten by the collection's names too.
    for (Xapian::docid docid : doomed) {
        for (std::string_view prefix : {schema::kIdPrefix, kOtherIdPrefix}) {
            Xapian::TermIterator it = reader_.termlist_begin(docid);
            for (it.skip_to(std::string(prefix)); it != reader_.termlist_end(docid); ++it) {
                const std::string term = *it;
                if (term.compare(0, prefix.size(), prefix) != 0) break;
                file.gone_ids.insert(std::string(schema::kIdPrefix) + term.substr(prefix.size()));
            }
        }
    }
    remaking.reset();
    for (const auto& entry : others)
        for (const PreparedArticle& prepared : entry.second) file.gone_ids.erase(prepared.id_term);
    // A file that comes whole is known now: its gone articles are forgotten before any of the
    // set's articles is named. One in parts can only tell at its end (finish_file()).
    if (articles) {
        for (const PreparedArticle& prepared : *articles) file.gone_ids.erase(prepared.id_term);
        forget_gone_articles(file);
    }
    for (Xapian::docid docid : doomed) {
        const Location where = locate(docid);
        sink_.remove(where.shard, where.docid);
        ++uncommitted_;
    }
    // The text of a document of several files comes from the first in path order, whatever
    // order they are written in (write_article()), so the file's own articles may follow.
    for (auto& [other, prepared_articles] : others) {
        std::set<std::string> written_ids;
        for (PreparedArticle& prepared : prepared_articles)
            write_article(prepared, other, written_ids, false);
    }
    return file;
}

void IndexWriter::add_articles(FileInProgress& file, std::vector<PreparedArticle>& articles) {
    if (sink_.writes()) {
        for (PreparedArticle& prepared : articles)
            write_article(prepared, file.path, file.written_ids, file.counted);
        return;
    }
    // A dry run counts what the file alone would change.
    for (PreparedArticle& prepared : articles) {
        if (!file.written_ids.insert(prepared.id_term).second) continue;
        std::optional<Xapian::docid> existing = first_posting(prepared.id_term);
        if (!existing) existing = first_posting(prepared.content_term);
        std::vector<std::string> holders;
        if (existing) holders = holders_of(*existing);
        if (existing && std::find(holders.begin(), holders.end(), file.path) == holders.end())
            ++counts_.duplicates;
        else
            ++file.dry_written;
    }
}

void IndexWriter::finish_file(FileInProgress& file, bool vanished, const schema::FileState* state,
                              bool counted) {
    const std::string& path = file.path;
    const std::string own = path_term(path);
    if (!sink_.writes()) {
        count_file(file.dry_written, file.held_alone, 0);
        return;
    }
    forget_gone_articles(file);  // a file in parts: what its last part left out
    // What became of the file's articles, from the documents it holds now.
    std::size_t written = 0, reclaimed = 0;
    if (!vanished) {
        for (auto it = reader_.postlist_begin(own); it != reader_.postlist_end(own); ++it) {
            std::vector<std::string> others = holders_of(*it);
            others.erase(std::remove(others.begin(), others.end(), path), others.end());
            if (others.empty()) {
                ++written;
                continue;
            }
            const Xapian::Document doc = reader_.get_document(*it);
            const std::string kept = schema::decode_record(doc.get_data()).source_path;
            const bool shared_before = std::any_of(others.begin(), others.end(), [&](auto& o) {
                return file.shared_with.count(o) > 0;
            });
            if (shared_before) {
                ++(kept == path ? reclaimed : counts_.duplicates);
                continue;
            }
            ++counts_.duplicates;
            Xapian::TermIterator id = doc.termlist_begin();
            id.skip_to(std::string(schema::kIdPrefix));
            const bool same_id = id != doc.termlist_end() && file.written_ids.count(*id) > 0;
            const std::string& other = kept == path ? others.front() : kept;
            if (same_id)
                messages_.note(path + ": same URL as " + other + "; one document, text from " +
                               kept);
            else
                messages_.note(path + ": same article text as " + other + "; kept " + kept);
        }
    }
    if (counted) count_file(written, file.held_alone, reclaimed);
    // The states of the files, with the documents that hold each now.
    for (schema::FileState& reread : reread_states_) {
        reread.documents = reader_.get_termfreq(path_term(reread.path));
        record_state(reread);
    }
    reread_states_.clear();
    if (state) {
        schema::FileState now = *state;
        now.documents = reader_.get_termfreq(own);
        record_state(now);
    }
}

void IndexWriter::count_file(std::size_t written, std::size_t released, std::size_t reclaimed) {
    counts_.updated += std::min(written, released) + reclaimed;
    if (written > released) counts_.added += written - released;
    if (released > written) counts_.deleted += released - written;
}

void IndexWriter::write_article(PreparedArticle& prepared, const std::string& path,
                                std::set<std::string>& written_ids, bool count_words) {
    // What this batch taught is already known (apply() learned it): only documents of
    // earlier batches need renaming (rename_in_documents() at the end of the batch).
    builder_.rename_entities(prepared.document, prepared.article,
                             names_.renames_for(prepared.article));
    if (!written_ids.insert(prepared.id_term).second) {
        if (count_words) {
            messages_.note(path + ": holds the same article twice; kept the first");
            ++counts_.duplicates;
        }
        return;
    }
    ++uncommitted_;
    // Every article a file gives counts its words once, whether it gets a document of its own
    // or is folded into another's: the counts then depend on the set of files, not on the
    // order they come in (a build in parts, parallel_build.h, gives what one run gives).
    if (record_spelling_ && count_words)
        count_spelling(shard_of(prepared.id_term), prepared.spelling_words);
    // The documents of the same article: the same id (as theirs or one folded into them) or
    // the same text. A bridge between two of them folds them all into one.
    std::set<Xapian::docid> same;
    for (const std::string& term :
         {prepared.id_term, other_id_term(prepared.id_term), prepared.content_term}) {
        for (auto it = reader_.postlist_begin(term); it != reader_.postlist_end(term); ++it)
            same.insert(*it);
    }
    if (same.empty()) {
        sink_.replace(shard_of(prepared.id_term), prepared.id_term, prepared.document);
        return;
    }
    // The article of the first file in path order (then id order) gives the text and the id,
    // whatever order the files came in; the others add their path, id and content terms.
    struct Candidate {
        std::string path, id_term;
        std::optional<Xapian::docid> docid;  // none: the article being written
    };
    std::vector<Candidate> candidates{{path, prepared.id_term, std::nullopt}};
    for (Xapian::docid docid : same) {
        const Xapian::Document doc = reader_.get_document(docid);
        Xapian::TermIterator id = doc.termlist_begin();
        id.skip_to(std::string(schema::kIdPrefix));
        const std::string id_term =
            id != doc.termlist_end() && (*id).rfind(schema::kIdPrefix, 0) == 0 ? *id : "";
        candidates.push_back({schema::decode_record(doc.get_data()).source_path, id_term, docid});
    }
    const Candidate& kept = *std::min_element(
        candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return std::tie(a.path, a.id_term) < std::tie(b.path, b.id_term);
        });
    Xapian::Document doc = kept.docid ? reader_.get_document(*kept.docid) : prepared.document;
    std::set<std::string> other_ids;
    auto fold_in = [&](const Xapian::Document& from, const std::string& id_term) {
        if (id_term != kept.id_term && !id_term.empty()) other_ids.insert(id_term);
        for (auto it = from.termlist_begin(); it != from.termlist_end(); ++it) {
            const std::string term = *it;
            if (is_path_term(term) ||
                term.compare(0, schema::kContentPrefix.size(), schema::kContentPrefix) == 0 ||
                term.compare(0, kOtherIdPrefix.size(), kOtherIdPrefix) == 0)
                doc.add_boolean_term(term);
        }
    };
    for (const Candidate& candidate : candidates) {
        if (candidate.docid && candidate.docid == kept.docid) continue;
        if (candidate.docid)
            fold_in(reader_.get_document(*candidate.docid), candidate.id_term);
        else
            fold_in(prepared.document, candidate.id_term);
    }
    for (const std::string& id_term : other_ids) doc.add_boolean_term(other_id_term(id_term));
    const std::string own_other = other_id_term(kept.id_term);
    if (doc.termlist_begin() != doc.termlist_end()) {
        Xapian::TermIterator it = doc.termlist_begin();
        it.skip_to(own_other);
        if (it != doc.termlist_end() && *it == own_other) doc.remove_term(own_other);
    }
    for (const Candidate& candidate : candidates) {
        if (!candidate.docid || candidate.docid == kept.docid) continue;
        const Location where = locate(*candidate.docid);
        sink_.remove(where.shard, where.docid);
    }
    if (kept.docid) {
        const Location where = locate(*kept.docid);
        sink_.replace(where.shard, where.docid, doc);
    } else {
        sink_.replace(shard_of(prepared.id_term), prepared.id_term, doc);
    }
}

std::optional<schema::FailedState> IndexWriter::failed_state(const std::string& path) const {
    schema::FailedState state;
    const std::string value = readers_[shard_of(path)].get_metadata(schema::failed_key(path));
    if (value.empty() || !schema::decode_failed_state(value, state) || state.path != path)
        return std::nullopt;
    return state;
}

void IndexWriter::record_state(const schema::FileState& state) {
    sink_.set_metadata_later(shard_of(state.path), schema::file_key(state.path),
                             schema::encode_file_state(state));
    ++uncommitted_;
}

void IndexWriter::apply(FileOutcome&& outcome) {
    // Articles from standard input that --delete left out go no further, not even into the
    // collection's names.
    if (outcome.kind == FileOutcome::Kind::Prepared && outcome.path.empty())
        outcome.articles.erase(std::remove_if(outcome.articles.begin(), outcome.articles.end(),
                                              [this](const PreparedArticle& prepared) {
                                                  return left_out_from_stdin(prepared);
                                              }),
                               outcome.articles.end());
    if (!sink_.writes()) {  // a dry run holds nothing back: no batch is written
        apply_now(std::move(outcome));
        return;
    }
    // Held until the batch is committed, so that every article of the batch can take the
    // full names any other article of the batch gives.
    std::size_t changes = 1;
    if (outcome.kind == FileOutcome::Kind::Prepared) {
        for (const PreparedArticle& prepared : outcome.articles)
            names_.counting().learn(prepared.id_term, prepared.article, outcome.path);
        changes += outcome.articles.size();
        uncommitted_bytes_ += outcome.state.size;
    }
    held_outcomes_.push_back(std::move(outcome));
    uncommitted_ += changes;
}

void IndexWriter::apply_held_outcomes() {
    for (FileOutcome& outcome : held_outcomes_) apply_now(std::move(outcome));
    held_outcomes_.clear();
    names_.counting().batch_written();
}

void IndexWriter::apply_now(FileOutcome&& outcome) {
    switch (outcome.kind) {
        case FileOutcome::Kind::Failed:
            messages_.problem(outcome.problem);
            ++counts_.failed;
            // A file that failed after some of its parts were written keeps them, but no
            // state: the next run reads it again and replaces them.
            if (streaming_ && streaming_->path == outcome.path) streaming_.reset();
            // Remembered, so that the next run neither reads it again nor reports it again
            // until it changes: a cron job must not mail the same complaint every ten minutes.
            if (!outcome.path.empty() && outcome.ctime_ns != 0) {
                schema::FailedState failed{outcome.state.size, outcome.state.mtime_ns,
                                           outcome.ctime_ns, outcome.path};
                sink_.set_metadata_later(shard_of(outcome.path), schema::failed_key(outcome.path),
                                         schema::encode_failed_state(failed));
                ++uncommitted_;
            }
            return;
        case FileOutcome::Kind::StillFailing:
            ++counts_.still_failing;
            return;
        case FileOutcome::Kind::Unknown:
            // Not a failure: nothing was asked of this file. No state is recorded, so the
            // file is looked at again (its first bytes) by each run: it may become text.
            messages_.note(outcome.problem);
            ++counts_.unknown;
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
                forget_failure(outcome.path);  // read again and found good
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
    for (const std::string& note : outcome.notes) messages_.note(note);
    if (outcome.more_problems > 0) {
        messages_.problem(outcome.path + ": ...and " + text::with_thousands(outcome.more_problems) +
                          " more bad records skipped");
        counts_.failed += outcome.more_problems;
    }
    if (outcome.path.empty()) {
        // Records from standard input: no file to release or remember.
        std::set<std::string> written_ids;
        for (PreparedArticle& prepared : outcome.articles) {
            const bool existed = first_posting(prepared.id_term).has_value();
            const bool fresh = !written_ids.count(prepared.id_term);
            if (sink_.writes())
                write_article(prepared, outcome.path, written_ids, true);
            else
                written_ids.insert(prepared.id_term);
            if (fresh) {
                ++(existed ? counts_.updated : counts_.added);
                // Such a document cannot be read again: --rebuild carries it over.
                record_source(source_key(kStdinDocumentPrefix, prepared.id_term),
                              stdin_stream_ + " " + prepared.id_term);
                ++stdin_documents_;
            }
        }
        return;
    }
    switch (outcome.part) {
        case FileOutcome::Part::Whole:
            forget_failure(outcome.path);
            forget_stale_deletions(outcome.state);
            apply_file(outcome.path, std::move(outcome.articles), false, &outcome.state);
            return;
        case FileOutcome::Part::First:
            streaming_ = start_file(outcome.path, nullptr);
            break;
        case FileOutcome::Part::Middle:
        case FileOutcome::Part::Last:
            break;
    }
    if (!streaming_ || streaming_->path != outcome.path)
        throw std::logic_error("indexer: a part of " + outcome.path + " came without its start");
    add_articles(*streaming_, outcome.articles);
    if (outcome.part != FileOutcome::Part::Last) return;
    forget_failure(outcome.path);
    forget_stale_deletions(outcome.state);
    finish_file(*streaming_, false, &outcome.state, true);
    const bool remake = streaming_->remake;
    streaming_.reset();
    // An alias withdrawn while the file came in parts: its documents take the names the run
    // ends with, as when it comes whole (remake_files()).
    if (remake) apply_file(outcome.path, read_again(outcome.path), false, nullptr, false);
}

void IndexWriter::forget_failure(const std::string& path) {
    if (failed_state(path)) {
        sink_.set_metadata_later(shard_of(path), schema::failed_key(path), "");
        ++uncommitted_;
    }
}

void IndexWriter::prune(const std::string& directory, const std::unordered_set<std::string>& seen,
                        bool prune_all) {
    apply_held_outcomes();  // prune sees the database as the run left it
    const std::string prefix = schema::file_key(directory + "/");
    if (prefix.find('#') != std::string::npos && prefix.size() > 180) return;  // shortened key
    struct Vanished {
        std::size_t shard;
        std::string key, path;
    };
    std::vector<Vanished> vanished;
    std::size_t recorded = 0;
    for (std::size_t shard = 0; shard < readers_.size(); ++shard) {
        const Xapian::Database& reader = readers_[shard];
        for (auto it = reader.metadata_keys_begin(prefix); it != reader.metadata_keys_end(prefix);
             ++it) {
            ++recorded;
            // A key that holds its whole path names a file the scan found: nothing to read.
            if (seen.count((*it).substr(schema::kFileKeyPrefix.size()))) continue;
            schema::FileState state;
            if (!schema::decode_file_state(reader.get_metadata(*it), state)) continue;
            if (state.path.compare(0, directory.size() + 1, directory + "/") != 0) continue;
            if (!seen.count(state.path) && !is_regular_file(state.path))
                vanished.push_back({shard, *it, state.path});
        }
    }
    if (!prune_all && vanished.size() >= 2 && vanished.size() * 2 > recorded) {
        messages_.problem(directory + ": " + std::to_string(vanished.size()) + " of " +
                          std::to_string(recorded) +
                          " indexed files are gone (an emptied or unmounted directory?); their "
                          "documents are kept; --prune-all removes them");
        ++counts_.failed;
        return;
    }
    for (const Vanished& gone : vanished) {
        apply_file(gone.path, {}, true, nullptr);
        sink_.set_metadata_later(gone.shard, gone.key, "");
        ++uncommitted_;
    }
    forget_vanished_failures(directory, seen);
}

void IndexWriter::forget_vanished_failures(const std::string& directory,
                                           const std::unordered_set<std::string>& seen) {
    const std::string prefix = schema::failed_key(directory + "/");
    for (std::size_t shard = 0; shard < readers_.size(); ++shard) {
        const Xapian::Database& reader = readers_[shard];
        for (auto it = reader.metadata_keys_begin(prefix); it != reader.metadata_keys_end(prefix);
             ++it) {
            schema::FailedState state;
            if (!schema::decode_failed_state(reader.get_metadata(*it), state)) continue;
            if (state.path.compare(0, directory.size() + 1, directory + "/") != 0) continue;
            if (seen.count(state.path) || is_regular_file(state.path)) continue;
            sink_.set_metadata_later(shard, *it, "");
            ++uncommitted_;
        }
    }
}

void IndexWriter::record_source(const std::string& key, const std::string& value) {
    if (readers_.front().get_metadata(key) == value) return;
    sink_.set_metadata_later(0, key, value);
    ++uncommitted_;
}

void IndexWriter::carry_over_stdin_documents(const Xapian::Database& all_shards,
                                             const Xapian::Database& first_shard) {
    apply_held_outcomes();  // the ids this run wrote are looked up below
    const std::string documents_prefix(kStdinDocumentPrefix);
    for (auto it = first_shard.metadata_keys_begin(documents_prefix);
         it != first_shard.metadata_keys_end(documents_prefix); ++it) {
        const std::string value = first_shard.get_metadata(*it);
        const std::size_t space = value.find(' ');
        if (space == std::string::npos) continue;
        const std::string id_term = value.substr(space + 1);
        if (first_posting(id_term)) continue;  // given again by this run
        Xapian::PostingIterator old = all_shards.postlist_begin(id_term);
        if (old == all_shards.postlist_end(id_term)) continue;
        sink_.replace(shard_of(id_term), id_term, all_shards.get_document(*old));
        sink_.set_metadata_later(0, *it, value);
        ++counts_.added;
        ++uncommitted_;
    }
    const std::string streams_prefix(kSourceStdinPrefix);
    for (auto it = first_shard.metadata_keys_begin(streams_prefix);
         it != first_shard.metadata_keys_end(streams_prefix); ++it)
        record_source(*it, first_shard.get_metadata(*it));
}

void IndexWriter::remake_files(const std::set<std::string>& paths) {
    for (const std::string& path : paths) {
        // A file coming in parts is made again once its last part is in.
        if (streaming_ && streaming_->path == path)
            streaming_->remake = true;
        else
            apply_file(path, read_again(path), false, nullptr, false);
    }
}

void IndexWriter::finish() {
    apply_held_outcomes();
    flush_spelling();
    commit();
}

void IndexWriter::commit() {
    end_batch(true);
}

void IndexWriter::end_batch(bool force_commit) {
    // Bounds the memory the held-back words take: about 100 bytes each.
    constexpr std::size_t kSpellingWordsHeld = 1'000'000;
    std::vector<Xapian::WritableDatabase>* shards = sink_.shards();
    if (!shards) {  // a dry run: nothing was held back, and no name is given
        uncommitted_ = 0;
        uncommitted_bytes_ = 0;
        return;
    }
    apply_held_outcomes();
    if (spelling_words_held_ > kSpellingWordsHeld) flush_spelling();
    names_.settle_batch(*shards, builder_,
                        [this](const std::set<std::string>& paths) { remake_files(paths); });
    if (shards->size() == 1) {
        // One database: the files' states go in the same transaction as their documents.
        sink_.write_metadata();
        changes_since_commit_ += uncommitted_;
        bytes_since_commit_ += uncommitted_bytes_;
        uncommitted_ = 0;
        uncommitted_bytes_ = 0;
        if (force_commit || changes_since_commit_ >= commit_changes_ ||
            bytes_since_commit_ >= commit_bytes_) {
            sink_.commit();
            changes_since_commit_ = 0;
            bytes_since_commit_ = 0;
        }
        return;
    }
    // Shards: the documents are committed on every shard before any state that counts them.
    uncommitted_ = 0;
    uncommitted_bytes_ = 0;
    sink_.commit();
    if (!sink_.metadata_waiting()) return;
    sink_.write_metadata();
    sink_.commit();
}

}  // namespace newsindex::indexer
