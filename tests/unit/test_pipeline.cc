// The pipeline between scan and writer (indexer/pipeline.h): how much it lets in flight, and
// that outcomes come out in the order the files went in, whatever the workers' timing.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline.h"
#include "test_support.h"

using namespace newsindex;
using newsindex::indexer::FileJob;
using newsindex::indexer::FileOutcome;
using newsindex::indexer::Pipeline;

namespace {

FileJob job_for(const std::filesystem::path& path) {
    FileJob job;
    job.path = path.string();
    job.found.path = job.path;
    job.found.size = std::filesystem::file_size(path);
    job.full = true;
    return job;
}

}  // namespace

TEST_CASE("two batches may be in flight with workers and one file without", "[pipeline]") {
    // The writer applies and commits a batch at once: with workers, the next batch is
    // prepared meanwhile and another may wait, so that the writer does not wait for the
    // workers after every commit.
    auto [workers, batch, files_before_full] = GENERATE(table<unsigned, std::size_t, std::size_t>({
        {1, 3, 6},
        {1, 5, 10},
        {2, 4, 8},
        {0, 3, 1},  // serial: each job is prepared as it is submitted
    }));
    CAPTURE(workers, batch);
    TempDir dir;
    std::vector<std::string> submitted;
    ReadOptions read_options;
    Pipeline pipeline(workers, batch, 1 << 20, read_options, false, [](FileOutcome&&) {});
    std::size_t submitted_before_full = 0;
    for (std::size_t i = 0; i < 20 && !pipeline.full(); ++i) {
        const auto path = dir.path() / ("article-" + std::to_string(100 + i) + ".txt");
        std::ofstream(path) << "Title " << i << "\n\nThe body of article " << i << ".\n";
        pipeline.submit(job_for(path));
        submitted.push_back(path.string());
        ++submitted_before_full;
    }
    CHECK(submitted_before_full == files_before_full);
    // Outcomes come in submission order.
    std::vector<std::string> applied;
    while (!pipeline.empty()) applied.push_back(pipeline.next(true)->path);
    CHECK(applied == submitted);
}

TEST_CASE("the input bytes in flight are bounded as the files are", "[pipeline]") {
    TempDir dir;
    ReadOptions read_options;
    // Batches of at most 1,000 files or 1 KiB: two batches are 2 KiB, five files of 500 bytes.
    Pipeline pipeline(1, 1000, 1024, read_options, false, [](FileOutcome&&) {});
    std::size_t submitted = 0;
    for (std::size_t i = 0; i < 20 && !pipeline.full(); ++i) {
        const auto path = dir.path() / ("long-" + std::to_string(i) + ".txt");
        std::ofstream(path) << "Title\n\n" << std::string(492, 'a') << "\n";
        REQUIRE(std::filesystem::file_size(path) == 500);
        pipeline.submit(job_for(path));
        ++submitted;
    }
    CHECK(submitted == 5);
    while (!pipeline.empty()) pipeline.next(true);
}
