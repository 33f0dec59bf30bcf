#include "pipeline.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>

namespace newsindex::indexer {

Pipeline::Pipeline(unsigned workers, std::size_t max_in_flight, std::size_t max_bytes_in_flight,
                   const ReadOptions& read_options, bool spelling,
                   std::function<void(FileOutcome&&)> apply_part)
    : max_in_flight_(
          workers == 0 ? 1 : std::max<std::size_t>(workers * 4, kBatchesInFlight * max_in_flight)),
      max_bytes_in_flight_(workers == 0 ? max_bytes_in_flight
                                        : kBatchesInFlight * max_bytes_in_flight),
      part_articles_(std::max<std::size_t>(1, max_in_flight)),
      part_bytes_(std::max<std::size_t>(1, max_bytes_in_flight)),
      read_options_(read_options),
      inline_builder_(spelling),
      apply_part_(std::move(apply_part)) {
    // Workers start with SIGINT and SIGTERM blocked, so that the signals reach the run's
    // thread and interrupt what it is waiting on.
    sigset_t stop_signals, previous;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
    for (unsigned i = 0; i < workers; ++i) {
        threads_.emplace_back([this, read_options, spelling] { work(read_options, spelling); });
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

Pipeline::~Pipeline() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closing_ = true;
    }
    jobs_ready_.notify_all();
    parts_taken_.notify_all();
    for (std::thread& thread : threads_) thread.join();
}

void Pipeline::submit(FileJob job) {
    job.sequence = next_sequence_++;
    const std::size_t bytes = job.path.empty() ? job.record.size() : job.found.size;
    sizes_in_flight_.push_back(bytes);
    bytes_in_flight_ += bytes;
    if (threads_.empty()) {
        // Every earlier outcome is applied (max_in_flight_ is 1): parts go straight in.
        FileOutcome outcome = prepare_file(job, inline_builder_, read_options_,
                                           {apply_part_, part_articles_, part_bytes_});
        std::lock_guard<std::mutex> lock(mutex_);
        outcomes_[job.sequence].push_back(std::move(outcome));
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    jobs_ready_.notify_one();
}

std::optional<FileOutcome> Pipeline::next(bool wait) {
    std::unique_lock<std::mutex> lock(mutex_);
    const auto ready = [this] {
        auto found = outcomes_.find(next_to_apply_);
        return found != outcomes_.end() && !found->second.empty();
    };
    if (wait) outcomes_ready_.wait(lock, ready);
    if (!ready()) return std::nullopt;
    auto found = outcomes_.find(next_to_apply_);
    FileOutcome outcome = std::move(found->second.front());
    found->second.pop_front();
    if (outcome.part == FileOutcome::Part::First || outcome.part == FileOutcome::Part::Middle) {
        lock.unlock();
        parts_taken_.notify_all();
        return outcome;
    }
    outcomes_.erase(found);
    ++next_to_apply_;
    bytes_in_flight_ -= sizes_in_flight_.front();
    sizes_in_flight_.pop_front();
    return outcome;
}

void Pipeline::work(ReadOptions read_options, bool spelling) {
    DocumentBuilder builder(spelling);
    for (;;) {
        FileJob job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            jobs_ready_.wait(lock, [this] { return closing_ || !jobs_.empty(); });
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        const std::uint64_t sequence = job.sequence;
        PartSink parts{
            [this, sequence](FileOutcome&& part) { hand_over(sequence, std::move(part)); },
            part_articles_, part_bytes_};
        FileOutcome outcome;
        try {
            outcome = prepare_file(job, builder, read_options, parts);
        } catch (const Closing&) {
            return;  // the run is over; nobody will take the rest of the file
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            outcomes_[sequence].push_back(std::move(outcome));
        }
        outcomes_ready_.notify_all();
    }
}

void Pipeline::hand_over(std::uint64_t sequence, FileOutcome&& part) {
    constexpr std::size_t kPartsAhead = 2;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        parts_taken_.wait(lock, [&] {
            auto found = outcomes_.find(sequence);
            return closing_ || found == outcomes_.end() || found->second.size() < kPartsAhead;
        });
        if (closing_) throw Closing{};
        outcomes_[sequence].push_back(std::move(part));
    }
    outcomes_ready_.notify_all();
}

}  // namespace newsindex::indexer
