// A file of many articles (JSON Lines, mbox) is read and written in parts of about a batch
// (issue 20 item 11), so that it never holds all its documents in memory at once: each part
// is applied, and may be committed, before the next is made. Whether the result equals a
// file applied whole is checked by tests/e2e/integrity.sh.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "database.h"
#include "index_run.h"
#include "test_support.h"

using namespace newsindex;
namespace fs = std::filesystem;

namespace {

std::string records(int from, int to) {
    std::string text;
    for (int i = from; i <= to; ++i) {
        const std::string n = std::to_string(i);
        text += R"({"title":"Story )" + n + R"(","url":"https://n.example/)" + n +
                R"(","body":"Words of story )" + n + R"(, storyword."})" + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("a file of many articles is applied and committed part by part",
          "[index][parts][regression]") {
    auto [jobs, batch_size, batch_bytes] = GENERATE(table<unsigned, std::size_t, std::size_t>({
        {1, 2, 4 << 20},  // parts of two articles, on the run's thread
        {2, 2, 4 << 20},  // the same from a worker thread
        {2, 1000, 150},   // parts of about 150 bytes of text
    }));
    CAPTURE(jobs, batch_size, batch_bytes);
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    const fs::path inputs = dir.path() / "in";
    fs::create_directories(inputs);
    // Nine stories and a malformed line among them, reported once with its line number.
    std::ofstream(inputs / "feed.jsonl") << records(1, 4) << "{broken\n" << records(5, 9);

    std::vector<std::string> problems;
    indexer::IndexOptions options;
    options.database_path = db;
    options.inputs = {inputs.string()};
    options.jobs = jobs;
    options.batch_size = batch_size;
    options.batch_bytes = batch_bytes;
    options.commit_changes = 1;  // commit every batch, so that each part shows as a revision
    // Into an existing database: a new one is built in parts with two jobs (parallel_build.h),
    // merged at the end, and has no revision per commit to count.
    newsindex::open_writable(db, std::chrono::milliseconds(0));
    indexer::RunCallbacks callbacks;
    callbacks.messages.problem = [&](const std::string& m) { problems.push_back(m); };
    callbacks.messages.note = [](const std::string&) {};
    const indexer::IndexSummary summary = indexer::run_index(options, callbacks);

    CHECK(summary.counts.added == 9);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("feed.jsonl:5") != std::string::npos);
    Xapian::Database database(db);
    CHECK(database.get_doccount() == 9);
    // Written whole, the file is one batch and one commit after the database's creation.
    CHECK(database.get_revision() >= 4);

    // The file's state was recorded with the last part: a second run reads nothing.
    const indexer::IndexSummary again = indexer::run_index(options, callbacks);
    CHECK(again.counts.unchanged == 9);
    CHECK(again.counts.added == 0);
    CHECK(problems.size() == 1);
}
