// IndexWriter: every change the indexer makes to a database goes through here, on one
// thread. It keeps each document tied to the files that hold its article (path terms), folds
// duplicate articles into one document, prunes the documents of files that vanished, and
// records each file's state in the metadata. A database may be split into shards: a new
// document goes to the shard chosen by a stable hash of its id, lookups see all shards.
// A file's state is written only after the commit that holds its documents has finished on
// every shard, so a crash can leave a file to be read again but never recorded without its
// documents. Entities take one name across the collection (CollectionNames), which asks it
// to make files again when a name changes.
// Not thread-safe.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "article.h"
#include "collection_names.h"
#include "deletions.h"
#include "document_builder.h"
#include "index_sink.h"
#include "schema.h"

namespace newsindex::indexer {

// One article read and turned into a document by a worker thread.
struct PreparedArticle {
    Article article;
    Xapian::Document document;  // with its id, content and path terms
    std::string id_term;
    std::string content_term;
    SpellingWords spelling_words;  // empty when spelling data is not recorded
};

// What became of one input file.
struct FileOutcome {
    enum class Kind {
        Unchanged,     // same size and time, or same content: nothing to index
        Prepared,      // read and parsed: articles replace the file's documents
        Failed,        // could not be read or parsed: the file's documents are kept
        Unknown,       // found by content (scan.h, Found::ByContent) and not text: passed over
        StillFailing,  // failed in an earlier run and not changed since: passed over quietly
    };
    Kind kind = Kind::Failed;
    std::string path;
    schema::FileState state;                 // as found now (Unchanged, Prepared)
    std::optional<schema::FileState> known;  // as recorded before, when the run read it
    std::int64_t ctime_ns = 0;  // Failed after the file was found: recorded as a FailedState
    // A file of many articles comes in parts of about a batch each, First, Middle... and Last,
    // so that its documents are never all in memory at once; every other outcome is Whole.
    // The parts of one file arrive one after another. Only the Last (or a Failed) one holds
    // the file's state; the others' state.size is the input bytes of their articles.
    enum class Part { Whole, First, Middle, Last };
    Part part = Part::Whole;
    std::vector<PreparedArticle> articles;  // Prepared
    std::string problem;                    // Failed: the complete message; Unknown: why
    // Prepared: bad records skipped inside the file. Only the first of a file is kept in full
    // (kShownProblemsPerFile); the Whole or Last outcome counts the others, for one closing
    // line, so that a file of a million bad records costs two lines and no memory.
    std::vector<std::string> record_problems;
    std::size_t more_problems = 0;
    std::vector<std::string> notes;  // Prepared: worth knowing, not failures (a body cut short)
};

inline constexpr std::size_t kShownProblemsPerFile = 1;

struct IndexCounts {
    std::size_t added = 0;          // documents new to the database
    std::size_t updated = 0;        // documents replaced because their file changed
    std::size_t unchanged = 0;      // documents of files that had not changed
    std::size_t deleted = 0;        // documents removed (file vanished or now holds fewer)
    std::size_t duplicates = 0;     // articles folded into a document of another file
    std::size_t failed = 0;         // inputs and records reported and skipped
    std::size_t unknown = 0;        // files in directories passed over as not articles (images,
                                    // binary files without an extension); not failures
    std::size_t still_failing = 0;  // files that failed before and have not changed: passed
                                    // over without a message (--retry-failed reads them)
};

struct WriterMessages {
    std::function<void(const std::string&)> problem;  // something was skipped
    std::function<void(const std::string&)> note;     // worth knowing, not a failure
};

class IndexWriter {
  public:
    // Reads the database through readers (one per shard, in stub order) and puts its changes
    // into sink, which must outlive the writer and, unless a dry run (IndexSink::writes()
    // false), write to the same shards. A dry run counts what each file alone would change,
    // against the database as it is: nothing is read back, held for a batch, read again for
    // a shared document, or renamed.
    IndexWriter(IndexSink& sink, std::vector<Xapian::Database> readers, WriterMessages messages,
                bool record_spelling);

    // Reads a file again as the run reads it (found: its size and time now), for the files
    // that share a document with a changed one. Without it they cannot be made again.
    using FileReader =
        std::function<FileOutcome(const std::string& path, const schema::FileState& found)>;
    void set_file_reader(FileReader reader) { read_file_ = std::move(reader); }

    // What the database recorded of path when it was last indexed, if anything.
    std::optional<schema::FileState> known_state(const std::string& path) const;

    // The failure recorded for path by an earlier run, if any (schema::FailedState).
    std::optional<schema::FailedState> failed_state(const std::string& path) const;

    // Applies one file's outcome: at once in a dry run, else with the next commit() (which
    // the caller makes when uncommitted_changes() is large enough). Throws Xapian::Error on a
    // database failure.
    void apply(FileOutcome&& outcome);

    // Removes the documents of files recorded under directory that no longer exist there.
    // directory must be absolute and lexically normal. Files in seen (found by this run's
    // scan) are known to exist and are not looked at again.
    // Unless prune_all, a directory where more than half of the indexed files (two or more)
    // are gone at once is left alone and reported as a problem (counted as failed): an
    // unmounted or emptied directory must not silently empty the index.
    void prune(const std::string& directory, const std::unordered_set<std::string>& seen,
               bool prune_all);

    // Ends a batch: applies the held outcomes (so the batch's articles take each other's
    // names) and records their files' states. A single database commits only when
    // commit_changes changes or commit_bytes of input have gathered since its last commit
    // (see set_commit_threshold()), the files' states in the same transaction as their
    // documents: every commit rewrites the last block of each posting list it touches, which
    // at a million articles is most of the table. Sharded databases commit at every batch:
    // each shard, then the states. force_commit commits whatever has gathered. A no-op in a
    // dry run. Throws Xapian::Error.
    void end_batch(bool force_commit = false);

    // end_batch(true).
    void commit();

    // When a single database commits (end_batch()): after this many changes or input bytes.
    void set_commit_threshold(std::size_t changes, std::size_t bytes) {
        commit_changes_ = changes;
        commit_bytes_ = bytes;
    }

    // Writes what is still held back (spelling data) and commits. Call once, at the end of a
    // run. Throws Xapian::Error.
    void finish();

    // Records a source (sources.h), or the last run (summary.h), in the first shard's metadata
    // with the next commit, when its value differs from the recorded one (an unchanged run
    // writes nothing). A no-op in a dry run.
    void record_source(const std::string& key, const std::string& value);

    // The stream that the articles from standard input applied from now on come from: each
    // one written is recorded under kStdinDocumentPrefix with this stamp.
    void set_stdin_stream(const std::string& stamp) { stdin_stream_ = stamp; }
    // Documents written from standard input since the writer was made.
    std::size_t stdin_documents() const { return stdin_documents_; }

    // Copies into this database the documents that came from standard input into old
    // (all_shards: every shard as one; first_shard: where the records are), with their
    // records and the streams', except those whose id this database already holds: they
    // cannot be read again. Counts them as added. Call before finish(). Throws Xapian::Error.
    void carry_over_stdin_documents(const Xapian::Database& all_shards,
                                    const Xapian::Database& first_shard);

    // The articles removed with --delete (deletions.h): read from the first shard when the
    // writer is made, with those delete_documents() and carry_deletions() add, less those a
    // changed file or article brought back.
    const Deletions& deletions() const { return deletions_; }
    // Every shard as one database, as this writer has changed it so far.
    const Xapian::Database& database() const { return reader_; }

    // Removes the documents docids (of database()) and records each article they hold
    // (their ids) as deleted, with the state its files have now (a file changed since it was
    // indexed is hashed again), so that no later run indexes it again while they stay so.
    // The files' states keep their document counts true; the collection's names forget the
    // articles, as when their file vanishes. Counts them as deleted. In a dry run, only
    // counts. Returns the ids (schema::article_id()) of the documents, in docid order. Call
    // commit() after. Throws Xapian::Error.
    std::vector<std::string> delete_documents(const std::set<Xapian::docid>& docids);

    // Copies the deletion records carried (those of the database a --rebuild replaces) into
    // this one with the next commit, and keeps their articles out of this run.
    void carry_deletions(const Deletions& carried);

    // For a part of a build in parts (parallel_build.h): documents are written with the names
    // their articles give, and the collection's names are only counted (their claims kept in
    // the metadata), to be given once the parts are merged (settle_merged_parts()). A part
    // sees some of the collection: names it gave would be withdrawn for the whole of it.
    void defer_collection_names() { names_.defer(); }

    // For a part written with defer_collection_names(), once every part is: gives its
    // documents, in place, the names that counted (the claims of every part,
    // EntityAliases::add_claims()) makes. Call before finish(). Throws Xapian::Error.
    void name_from(const EntityAliases::ClaimCounts& counted);

    // Makes a database merged from named parts (name_from()) what one run over all their
    // files gives: counts the collection's names again from the articles it holds (an article
    // two parts held was counted by both) and renames what that changes, and folds into one
    // document the articles that two parts both hold (same id or text) by applying their
    // files again. Leaves counts() as they were. Call before finish(). Throws Xapian::Error.
    void settle_merged_parts();

    std::size_t uncommitted_changes() const { return uncommitted_; }
    // Input bytes (file sizes) of the files applied since the last commit.
    std::size_t uncommitted_bytes() const { return uncommitted_bytes_; }
    const IndexCounts& counts() const { return counts_; }

  private:
    struct Location {
        std::size_t shard;
        Xapian::docid docid;  // within the shard
    };
    void apply_now(FileOutcome&& outcome);
    void apply_held_outcomes();
    // The term that ties a document to the file at path.
    static std::string path_term(const std::string& path);
    std::size_t shard_of(const std::string& key) const;
    Location locate(Xapian::docid global) const;
    std::optional<Xapian::docid> first_posting(const std::string& term) const;
    // The paths of the files holding document docid ("" for a shortened path term).
    std::vector<std::string> holders_of(Xapian::docid docid) const;
    // The term that finds a document by the id of an article folded into it.
    static std::string other_id_term(const std::string& id_term);
    // Ids of the other articles folded into a document (same text under another id, or
    // another id of the same cluster): the document is found by them as by its own id term.
    static constexpr std::string_view kOtherIdPrefix = "XQ";
    // The files holding documents that another document has the same id or text as: in a
    // database merged from parts, the articles two parts both hold.
    std::set<std::string> files_of_unfolded_duplicates() const;
    // The articles of a file that shares a document with a changed one, read again through
    // read_file_ (its state is recorded later). None when it is gone or cannot be read.
    std::vector<PreparedArticle> read_again(const std::string& path);
    // Puts the file at path in the index with articles (none when vanished): its documents and
    // those it shares with other files are made again from all their files' articles, so that
    // the result is what a clean index of the current files gives. Records state when given;
    // counts what changed when counted (not for a file only made again).
    void apply_file(const std::string& path, std::vector<PreparedArticle> articles, bool vanished,
                    const schema::FileState* state, bool counted = true);
    // apply_file() in three steps, so that a long file can come in parts (FileOutcome::Part).
    struct FileInProgress {
        std::string path;
        std::size_t held_alone = 0;         // documents the file held by itself before
        std::set<std::string> shared_with;  // files it shared documents with before
        std::set<std::string> written_ids;  // id terms of its articles written so far
        std::size_t dry_written = 0;        // a dry run: articles that would be written
        bool remake = false;  // an alias was withdrawn while it came in parts (apply_now())
        // The file is applied for itself, not made again for another: its duplicates and
        // spelling words count.
        bool counted = true;
        std::set<std::string> gone_ids;  // id terms its documents held, not yet given again
    };
    // Notes what the file held, deletes its documents and those it shares, and writes the
    // other files' articles again. articles: the file's, when it comes whole (nullptr for a
    // file in parts), so that the articles it no longer holds are forgotten at once.
    FileInProgress start_file(const std::string& path,
                              const std::vector<PreparedArticle>* articles);
    // Makes the collection's names forget the articles of file.gone_ids it did not write.
    void forget_gone_articles(FileInProgress& file);
    void add_articles(FileInProgress& file, std::vector<PreparedArticle>& articles);
    // Counts what changed and records the states.
    void finish_file(FileInProgress& file, bool vanished, const schema::FileState* state,
                     bool counted);
    void count_file(std::size_t written, std::size_t released, std::size_t reclaimed);
    // Writes one article of the file at path: a document of its own, or folded with the
    // documents of the same article (same id or text) into one whose text and id are those
    // of the first file in path order. count_words: the file being applied, not one read again
    // or made again: its spelling words and a second copy of an article in it are counted.
    void write_article(PreparedArticle& prepared, const std::string& path,
                       std::set<std::string>& written_ids, bool count_words);
    void record_state(const schema::FileState& state);
    // Drops the deletion records of the file's articles that it, read now as found, no
    // longer matches (same_as_deleted()): those articles were indexed again.
    void forget_stale_deletions(const schema::FileState& found);
    // Whether the article from standard input is one --delete left out; a record that it no
    // longer matches is dropped.
    bool left_out_from_stdin(const PreparedArticle& prepared);
    // The state of the file at path now, for a deletion record: its recorded state when its
    // size and mtime are unchanged, else hashed again; the recorded one when it is gone.
    std::optional<schema::FileState> state_for_deletion(const std::string& path) const;
    // Drops path's FailedState, if it has one, with the next commit.
    void forget_failure(const std::string& path);
    // Drops the FailedStates of files under directory that are gone.
    void forget_vanished_failures(const std::string& directory,
                                  const std::unordered_set<std::string>& seen);
    // Counts an article's spelling words (PreparedArticle::spelling_words) for its shard.
    void count_spelling(std::size_t shard, const SpellingWords& words);
    // Hands the counted words to Xapian, to be written by the next commit.
    void flush_spelling();
    // Makes the documents of the files at paths again from their files (a file coming in
    // parts, once its last part is in): CollectionNames asks for it when a name they took no
    // longer stands.
    void remake_files(const std::set<std::string>& paths);

    IndexSink& sink_;
    FileReader read_file_;
    std::vector<schema::FileState> reread_states_;  // files read again, to be recorded
    std::vector<Xapian::Database> readers_;
    Xapian::Database reader_;  // all shards as one: global docids interleave the shards'
    std::vector<FileOutcome> held_outcomes_;   // applied at the next commit()
    std::optional<FileInProgress> streaming_;  // a file whose first part came, not its last
    CollectionNames names_;  // reads the first shard's metadata, writes it at each batch's end
    Deletions deletions_;
    DocumentBuilder builder_;  // renames entities in documents
    WriterMessages messages_;
    bool record_spelling_;
    // Words and their frequencies per shard, held until flush_spelling(). Xapian rewrites (and
    // compresses) a word's spelling entry at every commit that changed it; held back over a
    // whole run, a common word is written once instead of once per batch.
    std::vector<std::unordered_map<std::string, Xapian::termcount>> spelling_counts_;
    std::size_t spelling_words_held_ = 0;
    std::size_t uncommitted_ = 0;
    std::size_t uncommitted_bytes_ = 0;
    std::size_t changes_since_commit_ = 0;  // single database: applied, not yet committed
    std::size_t bytes_since_commit_ = 0;
    std::string stdin_stream_;
    std::size_t stdin_documents_ = 0;
    std::size_t commit_changes_ = 1000;
    std::size_t commit_bytes_ = 4 << 20;
    IndexCounts counts_;
};

}  // namespace newsindex::indexer
