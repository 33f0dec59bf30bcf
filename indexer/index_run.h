// One indexing run: scan the inputs, read each file as an article, and add or replace its
// document in the database, committing in batches. A file that cannot be read or parsed is
// reported and skipped; the run goes on and what is already indexed is kept.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace newsindex::indexer {

struct IndexOptions {
    std::string database_path;
    std::vector<std::string> inputs;  // files and directories
    std::size_t batch_size = 1000;    // documents between commits
};

struct IndexSummary {
    std::size_t added = 0;    // articles whose id was not in the database before
    std::size_t updated = 0;  // articles that replaced a document with the same id
    std::size_t failed = 0;   // inputs reported and skipped
    double seconds = 0;
};

// Receives one complete message ("PATH: problem") per skipped input.
using ProblemReporter = std::function<void(const std::string& message)>;

// Runs the indexing described by options, calling report for each skipped input. Returns the
// counts.
// Throws DatabaseError when the database cannot be opened or written; the documents of
// batches committed before the error stay in the database.
IndexSummary run_index(const IndexOptions& options, const ProblemReporter& report);

}  // namespace newsindex::indexer
