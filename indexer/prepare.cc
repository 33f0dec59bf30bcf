#include "prepare.h"

#include <unordered_set>

#include "entities/annotate.h"
#include "errors.h"
#include "formats/gzip.h"
#include "signals.h"
#include "text/strings.h"

namespace newsindex::indexer {

namespace {

// Bytes looked at to decide whether a file found by content is text.
constexpr std::size_t kSniffBytes = 16384;

PreparedArticle prepare_article(Article&& article, DocumentBuilder& builder) {
    entities::annotate(article, entities::default_gazetteer());
    PreparedArticle prepared;
    prepared.id_term = DocumentBuilder::id_term(article);
    prepared.content_term = DocumentBuilder::content_term(article);
    prepared.document = builder.build(article);
    prepared.spelling_words = builder.spelling_words(article);
    prepared.article = std::move(article);
    return prepared;
}

// The per-article boundary: an article whose document Xapian would refuse is reported as a
// problem of source and skipped; the file's other articles go on.
void add_article(Article&& article, DocumentBuilder& builder, const std::string& source,
                 FileOutcome& outcome, const std::function<void(std::string)>& report) {
    const std::string title = article.title;  // article is moved from
    try {
        outcome.articles.push_back(prepare_article(std::move(article), builder));
    } catch (const Xapian::InvalidArgumentError& e) {
        report(source + ": article \"" + title + "\" skipped: " + e.get_msg());
    }
}

// One line of a JSON Lines stream on standard input. Such articles have no file: their id is
// their URL, else a hash of their text, so that sending the same stream again updates them.
FileOutcome prepare_record(const FileJob& job, DocumentBuilder& builder,
                           const ReadOptions& read_options) {
    FileOutcome outcome;
    outcome.kind = FileOutcome::Kind::Prepared;
    outcome.state.size = job.record.size();  // counts towards the batch's bytes
    const std::string where = "stdin:" + std::to_string(job.record_line);
    try {
        read_articles(
            job.record, "stdin", read_options.forced_format.value_or(Format::JsonLines),
            read_options,
            [&](Article&& article) {
                article.source_path.clear();
                article.record_key = schema::content_hash(article.title + "\n" + article.body);
                add_article(std::move(article), builder, where, outcome, [&](std::string problem) {
                    outcome.record_problems.push_back(std::move(problem));
                });
            },
            [&](const InputError& problem) {
                outcome.record_problems.push_back(where + ": " + problem.problem());
            });
    } catch (const InputError& e) {
        // A malformed line is reported to on_problem first; that says more than "no article".
        outcome.kind = FileOutcome::Kind::Failed;
        outcome.problem = outcome.record_problems.empty() ? where + ": " + e.problem()
                                                          : outcome.record_problems.front();
        outcome.record_problems.clear();
    }
    return outcome;
}

}  // namespace

// Gives job the deletion records of its file. A record the file no longer matches by size
// and mtime (changed or touched since the deletion) makes the file be read even when its
// content is what the database recorded, so that the article comes back (the writer then
// drops the record).
void note_deletions(FileJob& job, const Deletions& deletions) {
    for (const std::string& id : deletions.of_file(job.path)) {
        const schema::DeletedArticle* deleted = deletions.find(id);
        if (!deleted) continue;
        job.deleted.push_back(*deleted);
        if (!same_as_deleted(*deleted, job.found)) job.full = true;
    }
}

// Worker side: everything that needs no database.
FileOutcome prepare_file(const FileJob& job, DocumentBuilder& builder,
                         const ReadOptions& read_options, const PartSink& parts) {
    FileOutcome outcome;
    outcome.path = job.path;
    outcome.state = job.found;
    outcome.ctime_ns = job.ctime_ns;
    std::size_t parts_sent = 0, part_bytes = 0, problems = 0;
    // The file's first problems go out in full, with the part they were met in; the others
    // are counted, for the closing line of the Whole or Last outcome.
    const auto report = [&](std::string problem) {
        if (++problems <= kShownProblemsPerFile)
            outcome.record_problems.push_back(std::move(problem));
        else
            ++outcome.more_problems;
    };
    // Sends the articles gathered so far as a part once they make a batch.
    const auto send_full_part = [&] {
        if (!parts.send ||
            (outcome.articles.size() < parts.max_articles && part_bytes < parts.max_bytes))
            return;
        FileOutcome part;
        part.kind = FileOutcome::Kind::Prepared;
        part.part = parts_sent == 0 ? FileOutcome::Part::First : FileOutcome::Part::Middle;
        part.path = job.path;
        part.state = job.found;
        part.state.size = part_bytes;  // counts towards the batch's bytes
        part.articles = std::move(outcome.articles);
        part.record_problems = std::move(outcome.record_problems);
        part.notes = std::move(outcome.notes);
        outcome.articles.clear();
        outcome.record_problems.clear();
        outcome.notes.clear();
        parts.send(std::move(part));
        ++parts_sent;
        part_bytes = 0;
    };
    if (job.path.empty()) return prepare_record(job, builder, read_options);
    // A file found by content is looked at before it is read whole: an image or archive in
    // a folder of articles costs one short read, and is passed over without a complaint.
    const auto unknown = [&] {
        outcome.kind = FileOutcome::Kind::Unknown;
        outcome.problem = job.path + ": not text (binary, an image or the like); passed over";
        return outcome;
    };
    try {
        if (job.by_content) {
            const std::string start =
                read_file_bytes(job.path, read_options.max_file_bytes, kSniffBytes);
            if (!is_gzip(start) && !looks_like_text_file(start)) return unknown();
        }
        std::string bytes = read_file_bytes(job.path, read_options.max_file_bytes);
        outcome.state.size = bytes.size();
        outcome.state.content_hash = schema::content_hash(bytes);
        if (!job.full && job.known && job.known->content_hash == outcome.state.content_hash) {
            outcome.kind = FileOutcome::Kind::Unchanged;
            outcome.known = job.known;
            return outcome;
        }
        // The ids of the articles --delete removed from the file as it is now.
        std::unordered_set<std::string> left_out;
        for (const schema::DeletedArticle& deleted : job.deleted)
            if (same_as_deleted(deleted, outcome.state)) left_out.insert(deleted.id);
        // The bytes are given up: a long file is in memory once, not twice.
        const std::string text = file_text(std::move(bytes), job.path, read_options.max_file_bytes);
        if (job.by_content && !looks_like_text_file(std::string_view(text).substr(0, kSniffBytes)))
            return unknown();
        const Format format = read_options.forced_format ? *read_options.forced_format
                                                         : detect_format(job.path, text);
        read_articles(
            text, job.path, format, read_options,
            [&](Article&& article) {
                if (!left_out.empty() && left_out.count(DocumentBuilder::id_term(article).substr(
                                             schema::kIdPrefix.size())))
                    return;
                // A stop signal ends a long file between articles; the parts already written
                // stay without a state, so the next run reads the file again.
                if (parts_sent > 0 && stop_signal())
                    throw InputError(job.path, 0,
                                     "stopped by a signal before its end; the next run reads it "
                                     "again");
                if (article.body_bytes_left_out > 0)
                    outcome.notes.push_back(
                        job.path +
                        (article.record_key.empty() ? "" : " (" + article.record_key + ")") +
                        ": body cut at " + std::to_string(kMaxBodyBytes >> 20) + " MiB, " +
                        text::with_thousands(article.body_bytes_left_out) + " bytes left out");
                part_bytes += article.title.size() + article.body.size();
                add_article(std::move(article), builder, job.path, outcome, report);
                send_full_part();
            },
            [&](const InputError& problem) { report(problem.what()); });
        outcome.kind = FileOutcome::Kind::Prepared;
        if (parts_sent > 0) outcome.part = FileOutcome::Part::Last;
        return outcome;
    } catch (const InputError& e) {
        outcome.kind = FileOutcome::Kind::Failed;
        outcome.problem = e.what();
    } catch (const std::bad_alloc&) {
        outcome.kind = FileOutcome::Kind::Failed;
        outcome.problem = job.path + ": out of memory while reading; skipped";
    } catch (const std::exception& e) {
        // Anything else a reader lets out (a library's own error) concerns this file only:
        // an exception must not leave a worker thread, where it would end the process.
        outcome.kind = FileOutcome::Kind::Failed;
        outcome.articles.clear();
        outcome.problem = job.path + ": cannot read: " + e.what() + "; skipped";
    }
    if (parts_sent > 0) {
        // Its first parts are written: the next run must read it again, not pass it over.
        outcome.part = FileOutcome::Part::Last;
        outcome.ctime_ns = 0;
        outcome.articles.clear();
    }
    return outcome;
}

}  // namespace newsindex::indexer
