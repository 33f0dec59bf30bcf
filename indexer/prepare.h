// The per-file preparation of an indexing run: what a worker thread does with one file (or
// one record from standard input) without touching the database. It reads the file, skips it
// when its content is what the database recorded, parses its articles, finds their entities
// and builds their documents, and reports every problem of the file in its outcome instead
// of throwing. Thread-safe as long as each thread has its own DocumentBuilder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "deletions.h"
#include "document_builder.h"
#include "formats/reader.h"
#include "schema.h"
#include "writer.h"

namespace newsindex::indexer {

// One input to prepare: a file found by the scan, or a line of a JSON Lines stream on
// standard input.
struct FileJob {
    std::uint64_t sequence = 0;
    std::string path;             // empty for a record read from standard input
    std::string record;           // that record's text
    std::size_t record_line = 0;  // its line number on standard input
    schema::FileState found;      // size and time as stat() saw them
    std::int64_t ctime_ns = 0;    // status change time as stat() saw it
    std::optional<schema::FileState> known;
    bool full = false;
    bool by_content = false;  // found in a directory by content: read only if it is text
    // The deletion records (--delete) that name this file: the articles of those that the
    // file, as read, still matches are left out.
    std::vector<schema::DeletedArticle> deleted;
};

// Gives job the deletion records of its file. A record the file no longer matches by size
// and mtime (changed or touched since the deletion) makes the file be read even when its
// content is what the database recorded, so that the article comes back (the writer then
// drops the record).
void note_deletions(FileJob& job, const Deletions& deletions);

// Where a file of many articles sends its parts (FileOutcome::Part), and how large a part
// may grow: about a batch, so that a file costs the memory of a batch, not of its length.
struct PartSink {
    std::function<void(FileOutcome&&)> send;  // empty: the file comes whole
    std::size_t max_articles = 1000;
    std::size_t max_bytes = 4 << 20;
};

// Prepares job: reads the file (a file found by content only when it starts as text),
// compares its content hash with job.known (Unchanged unless job.full), reads its articles as
// read_options say (leaving out those --delete removed, job.deleted), and builds each one's
// document with builder. With parts.send set, a file of many articles goes out in parts of
// about parts.max_articles or parts.max_bytes (FileOutcome::Part), the last returned.
// Never throws for a bad file, record or article: they become a Failed outcome or
// record_problems. Throws only what parts.send throws.
FileOutcome prepare_file(const FileJob& job, DocumentBuilder& builder,
                         const ReadOptions& read_options, const PartSink& parts = {});

}  // namespace newsindex::indexer
