// Files that cannot be read are reported once (issue 20 item 16): the failure is recorded in the
// database, later runs pass the unchanged file over without reading or reporting it, and the
// record goes when the file changes and reads well, or is gone.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "index_run.h"
#include "schema.h"
#include "test_support.h"

using namespace newsindex;
namespace fs = std::filesystem;

namespace {

struct Run {
    indexer::IndexSummary summary;
    std::vector<std::string> problems;
};

Run index(const std::string& db, const fs::path& input, bool retry_failed = false) {
    Run run;
    indexer::IndexOptions options;
    options.database_path = db;
    options.inputs = {input.string()};
    options.jobs = 1;
    options.retry_failed = retry_failed;
    indexer::RunCallbacks callbacks;
    callbacks.messages.problem = [&](const std::string& m) { run.problems.push_back(m); };
    callbacks.messages.note = [](const std::string&) {};
    run.summary = indexer::run_index(options, callbacks);
    return run;
}

bool failure_recorded(const std::string& db, const fs::path& file) {
    return !Xapian::Database(db).get_metadata(schema::failed_key(file.string())).empty();
}

}  // namespace

TEST_CASE("failed-state records round-trip, paths with spaces included", "[schema][failed]") {
    auto [size, mtime, ctime, path] =
        GENERATE(table<std::uint64_t, std::int64_t, std::int64_t, std::string>({
            {0, 0, 1, "/a"},
            {12345, 1700000000123456789, 1700000000987654321, "/srv/news/with space/a b.json"},
            {1, -5, 7, "/x/y z  "},
        }));
    const std::string encoded = schema::encode_failed_state({size, mtime, ctime, path});
    schema::FailedState decoded;
    REQUIRE(schema::decode_failed_state(encoded, decoded));
    CHECK(decoded.size == size);
    CHECK(decoded.mtime_ns == mtime);
    CHECK(decoded.ctime_ns == ctime);
    CHECK(decoded.path == path);
    schema::FailedState ignored;
    CHECK_FALSE(schema::decode_failed_state("", ignored));
    CHECK_FALSE(schema::decode_failed_state("1 2 /no-ctime", ignored));
    CHECK_FALSE(schema::decode_failed_state("1x 2 3 /p", ignored));
}

TEST_CASE("a file that fails is reported once, until it changes or --retry-failed",
          "[index][failed][regression]") {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    const fs::path inputs = dir.path() / "in";
    fs::create_directories(inputs);
    const fs::path bad = inputs / "broken.json";
    write_file(inputs / "good.txt", "Harbour ferries\n\nNight ferries run again.\n");
    write_file(bad, "{\"title\": \"Cut short\", \"body\": ");

    Run first = index(db, inputs);
    REQUIRE(first.problems.size() == 1);
    CHECK(first.problems[0].find("broken.json") != std::string::npos);
    CHECK(first.summary.counts.failed == 1);
    CHECK(failure_recorded(db, bad));

    // Unchanged: passed over without a word, and not counted as a failure.
    Run second = index(db, inputs);
    CHECK(second.problems.empty());
    CHECK(second.summary.counts.failed == 0);
    CHECK(second.summary.counts.still_failing == 1);

    // Asked for: read and reported again.
    Run retried = index(db, inputs, true);
    CHECK(retried.problems.size() == 1);
    CHECK(retried.summary.counts.failed == 1);

    // Changed but still broken (another time): reported again, then quiet again.
    fs::last_write_time(bad, fs::last_write_time(bad) + std::chrono::seconds(5));
    CHECK(index(db, inputs).problems.size() == 1);
    CHECK(index(db, inputs).problems.empty());

    // Mended: indexed, and its failure forgotten.
    write_file(bad, R"({"title": "Whole again", "body": "The ferry story is complete now."})");
    Run mended = index(db, inputs);
    CHECK(mended.problems.empty());
    CHECK(mended.summary.counts.added == 1);
    CHECK_FALSE(failure_recorded(db, bad));

    // Broken again, then deleted: the record goes with the file.
    write_file(bad, "{");
    CHECK(index(db, inputs).problems.size() == 1);
    CHECK(failure_recorded(db, bad));
    fs::remove(bad);
    Run gone = index(db, inputs);
    CHECK(gone.problems.empty());
    CHECK_FALSE(failure_recorded(db, bad));
}
