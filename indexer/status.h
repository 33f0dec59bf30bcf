// `indexer --status`: what a database holds and how it stands, read without taking the write
// lock, so that it can be asked while an indexer runs (docs/indexer.md, "Status").
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace newsindex::indexer {

struct DatabaseStatus {
    std::string path;
    std::uint64_t documents = 0;
    std::vector<std::string> shards;   // the shard directories; empty for a single database
    std::string schema_version;        // as recorded ("7"), or empty when none is
    bool schema_current = false;       // the version this program writes and reads
    std::string entity_model;          // cli::entity_model_description() of this program's model
    std::string default_language;      // settings.h's recorded_language(), or empty
    std::vector<std::string> sources;  // recorded directories, files and lists, sorted
    std::size_t stdin_streams = 0, stdin_documents = 0;
    std::size_t files = 0;         // file states recorded (indexed files)
    std::size_t failed_files = 0;  // files recorded as failing
    std::string last_run;          // the kLastRunKey record (JSON), or empty
    std::uintmax_t bytes_on_disk = 0;
    bool locked = false;  // a writer (an indexer) holds the lock now
};

// Reads the status of the database at path (a directory: single or sharded).
// Throws DatabaseError: Missing when path does not exist; Other when Xapian cannot open it.
DatabaseStatus read_status(const std::string& path);

// Readable lines, one fact each.
void print_status_text(const DatabaseStatus& status, std::ostream& out);
// One JSON object on one line ("status_version": 1; docs/indexer.md lists the keys).
void print_status_json(const DatabaseStatus& status, std::ostream& out);

}  // namespace newsindex::indexer
