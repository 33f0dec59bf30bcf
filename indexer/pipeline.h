// The pipeline between an indexing run's scan and its writer: worker threads prepare files
// (prepare.h) while the run's thread applies the outcomes in scan order, so the result does
// not depend on thread timing. At most two batches of files (and of input bytes) are between
// scan and database at once, which bounds memory: the writer applies and commits a batch at
// once (writer.h), and with one batch in flight the workers ran dry during that work and the
// writer then waited for the next batch (Reuters-21578, --jobs 2: the writer waited 2.8 s for
// outcomes with one batch in flight, 1.8 s with two; docs/performance.md). With no workers,
// submit() prepares the job on the calling thread: a serial run, as omindex's.
//
// A file of many articles comes in parts of about a batch (PartSink): a worker hands each part
// over as it is made and waits while two of its parts are not yet applied, so a long file
// never holds all its documents at once. The run takes parts in order like outcomes; only a
// file's final outcome (Whole or Last) moves the sequence on. No deadlock: the file with the
// lowest sequence not yet applied is always the one the run is taking from.
//
// Thread safety: submit(), next(), full() and empty() are for the run's thread only; the
// workers are the pipeline's own.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "prepare.h"

namespace newsindex::indexer {

class Pipeline {
  public:
    // Starts workers threads (with SIGINT and SIGTERM blocked, so that the signals reach the
    // run's thread and interrupt what it waits on). A batch is max_in_flight files or
    // max_bytes_in_flight input bytes. apply_part: what the serial run does with a part at
    // once (it has no other thread to take it from a queue); called on the run's thread.
    Pipeline(unsigned workers, std::size_t max_in_flight, std::size_t max_bytes_in_flight,
             const ReadOptions& read_options, bool spelling,
             std::function<void(FileOutcome&&)> apply_part);
    // Stops the workers: a worker waiting to hand over a part gives the rest of its file up.
    ~Pipeline();

    // Whether submit() must wait: as many files, or as many input bytes, are between the scan
    // and the writer as kBatchesInFlight batches may hold (the bytes bound memory when
    // articles are long).
    bool full() const {
        return next_sequence_ - next_to_apply_ >= max_in_flight_ ||
               (bytes_in_flight_ >= max_bytes_in_flight_ && !empty());
    }
    bool empty() const { return next_sequence_ == next_to_apply_; }

    // Queues job (serial run: prepares it now). Call only when !full().
    void submit(FileJob job);

    // The next outcome in sequence order; waits for it when wait is true, else returns
    // nullopt when it is not ready.
    std::optional<FileOutcome> next(bool wait);

  private:
    // Batches between scan and writer: one being prepared while the writer ends the last.
    static constexpr std::size_t kBatchesInFlight = 2;

    void work(ReadOptions read_options, bool spelling);

    // Thrown through prepare_file() (not a std::exception, which it would catch) when the
    // pipeline closes while a worker waits to hand over a part.
    struct Closing {};

    // A worker's part of file sequence: queued, after waiting while kPartsAhead are.
    void hand_over(std::uint64_t sequence, FileOutcome&& part);

    const std::uint64_t max_in_flight_;
    const std::size_t max_bytes_in_flight_;
    const std::size_t part_articles_, part_bytes_;  // a part of a long file: about a batch
    const ReadOptions read_options_;
    DocumentBuilder inline_builder_;                 // for the serial run
    std::function<void(FileOutcome&&)> apply_part_;  // the serial run's
    std::uint64_t next_sequence_ = 0;                // touched by the run's thread only
    std::uint64_t next_to_apply_ = 0;  // written under mutex_ by next(); read by the run's thread
    std::deque<std::size_t> sizes_in_flight_;  // input bytes of each job submitted, not applied
    std::size_t bytes_in_flight_ = 0;          // their sum; both touched by the run's thread only
    std::mutex mutex_;
    std::condition_variable jobs_ready_, outcomes_ready_, parts_taken_;
    std::deque<FileJob> jobs_;
    // Per file in sequence: its outcome, or its parts so far (the final outcome last).
    std::map<std::uint64_t, std::deque<FileOutcome>> outcomes_;
    bool closing_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace newsindex::indexer
