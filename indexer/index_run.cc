#include "index_run.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_set>

#include "document_builder.h"
#include "errors.h"
#include "formats/reader.h"
#include "parallel_build.h"
#include "pipeline.h"
#include "prepare.h"
#include "rebuild.h"
#include "run_database.h"
#include "scan.h"
#include "schema.h"
#include "settings.h"
#include "signals.h"
#include "sources.h"
#include "summary.h"

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

// Thrown from the scan callback to end the scan when a stop signal arrived.
struct ScanStopped {};

class Run {
  public:
    Run(const IndexOptions& options, const RunCallbacks& callbacks, IndexWriter& writer)
        : options_(options),
          callbacks_(callbacks),
          writer_(writer),
          // --jobs counts every thread at work: this one writes, the others prepare.
          // The writer holds a batch until its commit (writer.h); the workers may prepare
          // the next one meanwhile.
          pipeline_(std::max(1u, options.jobs) - 1, options.batch_size, options.batch_bytes,
                    options.read_options, options.spelling && !options.dry_run,
                    [this](FileOutcome&& part) { apply(std::move(part)); }) {}

    IndexSummary execute() {
        const auto start = std::chrono::steady_clock::now();
        // With the first commit: a run stopped after some batches leaves a database whose
        // articles and setting agree.
        if (!options_.read_options.default_language.empty())
            writer_.record_source(std::string(kLanguageSettingKey),
                                  options_.read_options.default_language);
        ScanCallbacks scan_callbacks;
        scan_callbacks.on_file = [this](const fs::path& file, Found how) {
            if (how == Found::Named) {
                std::string value = file.string();
                if (!current_list_.empty()) value += std::string(1, '\0') + current_list_;
                writer_.record_source(source_key(kSourceFilePrefix, file.string()), value);
            }
            on_file(file.string(), how == Found::ByContent);
        };
        scan_callbacks.on_error = [this](const std::string& path, const std::string& problem) {
            scan_errors_in_root_ = true;
            if (!takes(path)) return;
            FileOutcome failed;
            failed.path = path;
            failed.problem = path + ": " + problem;
            writer_.apply(std::move(failed));
        };
        scan_callbacks.on_unknown = [this](const fs::path& file) {
            // Not counted in summary_.files, the files opened: this one is not.
            if (stop_signal()) throw ScanStopped();
            if (!takes(file.string())) return;
            FileOutcome unknown;
            unknown.kind = FileOutcome::Kind::Unknown;
            unknown.path = file.string();
            unknown.problem = unknown.path + ": not an article file by its name; passed over";
            apply(std::move(unknown));
        };
        ScanOptions scan_options;
        scan_options.follow_symlinks = options_.follow_symlinks;
        std::vector<std::string> complete_directories;
        try {
            for (const std::string& root : options_.inputs) {
                if (root == "-") {
                    read_stdin_records();
                    continue;
                }
                scan_directory_or_file(root, scan_options, scan_callbacks, complete_directories);
            }
            if (!options_.files_from.empty()) {
                std::error_code error;
                current_list_ =
                    options_.files_from == "-"
                        ? "-"
                        : fs::absolute(options_.files_from, error).lexically_normal().string();
                writer_.record_source(source_key(kSourceListPrefix, current_list_), current_list_);
                read_input_list(options_.files_from, options_.files_from_nul,
                                [&](const std::string& path) {
                                    if (!path.empty())
                                        scan_directory_or_file(path, scan_options, scan_callbacks,
                                                               complete_directories);
                                });
                current_list_.clear();
            }
        } catch (const ScanStopped&) {
        } catch (const InputError& e) {
            if (takes(options_.files_from)) {
                FileOutcome failed;
                failed.problem = e.what();
                writer_.apply(std::move(failed));
            }
        }
        while (!pipeline_.empty()) apply(*pipeline_.next(true));
        summary_.stopped_by_signal = stop_signal();
        if (options_.carry_from && !summary_.stopped_by_signal)
            writer_.carry_over_stdin_documents(*options_.carry_from,
                                               *options_.carry_from_first_shard);
        // A scan cut short, or one that could not read part of a directory, does not prove
        // that a file is gone: prune only directories scanned completely.
        if (options_.prune && !summary_.stopped_by_signal) {
            for (const std::string& directory : complete_directories)
                writer_.prune(directory, seen_files_, options_.prune_all);
        }
        // The last run that changed the database is recorded with its last commit
        // (summary.h); a run that changes nothing writes nothing.
        const auto& counts = writer_.counts();
        if (counts.added + counts.updated + counts.deleted + counts.duplicates + counts.failed >
            0) {
            IndexSummary so_far = summary_;
            so_far.counts = counts;
            so_far.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            writer_.record_source(std::string(kLastRunKey), last_run_record(so_far, options_));
        }
        writer_.finish();
        summary_.counts = writer_.counts();
        summary_.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary_;
    }

  private:
    // Scans one input (a command-line root or a list entry), records it as a source when it
    // is a directory (a file is recorded as the scan finds it), and remembers it for the
    // prune when its scan was complete.
    void scan_directory_or_file(const std::string& root, const ScanOptions& scan_options,
                                const ScanCallbacks& scan_callbacks,
                                std::vector<std::string>& complete_directories) {
        scan_errors_in_root_ = false;
        scan_root(root, scan_options, scan_callbacks);
        std::error_code error;
        const std::string absolute = fs::absolute(root, error).lexically_normal().string();
        if (error || !fs::is_directory(root, error)) return;
        writer_.record_source(source_key(kSourceDirPrefix, absolute), absolute);
        if (!scan_errors_in_root_) complete_directories.push_back(absolute);
    }

    // scan_inputs() for one root; a file system error there (the working directory gone, so
    // that the root has no absolute path) concerns that root alone: reported, and the run
    // goes on.
    void scan_root(const std::string& root, const ScanOptions& scan_options,
                   const ScanCallbacks& scan_callbacks) {
        try {
            scan_inputs({root}, scan_options, scan_callbacks);
        } catch (const fs::filesystem_error& e) {
            scan_errors_in_root_ = true;
            if (!takes(root)) return;
            FileOutcome failed;
            failed.path = root;
            failed.problem = root + ": cannot scan: " + e.code().message();
            writer_.apply(std::move(failed));
        }
    }

    void read_stdin_records() {
        // Each stream is recorded with the number of documents it gave (sources.h); the
        // documents themselves as the writer writes them.
        const std::string stamp = new_stream_stamp();
        writer_.set_stdin_stream(stamp);
        const std::size_t before = writer_.stdin_documents();
        read_stdin_records_of_stream();
        while (!pipeline_.empty()) apply(*pipeline_.next(true));
        writer_.end_batch();  // applies the held records, counting their documents
        const std::size_t given = writer_.stdin_documents() - before;
        if (given > 0)
            writer_.record_source(source_key(kSourceStdinPrefix, stamp), std::to_string(given));
    }

    void read_stdin_records_of_stream() {
        std::size_t line = 0;
        read_input_list("-", false, [&](const std::string& record) {
            ++line;
            if (record.find_first_not_of(" \t\r") == std::string::npos) return;
            FileJob job;
            job.record = record;
            job.record_line = line;
            submit(std::move(job));
        });
    }

    void submit(FileJob job) {
        while (pipeline_.full()) apply(*pipeline_.next(true));
        pipeline_.submit(std::move(job));
        while (auto ready = pipeline_.next(false)) apply(std::move(*ready));
    }

    // Whether this run indexes the file at path: every file, unless it builds one part of a
    // build in parts (and then reports the problems of its own files only).
    bool takes(const std::string& path) const {
        return options_.parts <= 1 || part_of(path, options_.parts) == options_.part;
    }

    void on_file(const std::string& path, bool by_content) {
        if (stop_signal()) throw ScanStopped();
        if (!takes(path)) return;
        ++summary_.files;
        seen_files_.insert(path);
        struct stat info;
        std::string problem;
        if (::stat(path.c_str(), &info) != 0)
            problem = std::string("cannot read file status: ") + std::strerror(errno);
        // A FIFO or device named on the command line would block or never end.
        else if (!S_ISREG(info.st_mode))
            problem = kNotRegularFile;
        if (!problem.empty()) {
            FileOutcome failed;
            failed.problem = path + ": " + problem;
            writer_.apply(std::move(failed));
            return;
        }
        FileJob job;
        job.path = path;
        job.found.path = path;
        job.found.size = static_cast<std::uint64_t>(info.st_size);
        job.found.mtime_ns =
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
        job.ctime_ns =
            static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec;
        job.known = writer_.known_state(path);
        job.full = options_.full;
        job.by_content = by_content;
        note_deletions(job, writer_.deletions());
        if (!job.full && job.known && job.known->size == job.found.size &&
            job.known->mtime_ns == job.found.mtime_ns) {
            // Size and time unchanged: trusted without reading, as make and rsync do.
            FileOutcome unchanged;
            unchanged.kind = FileOutcome::Kind::Unchanged;
            unchanged.path = path;
            unchanged.state = *job.known;
            unchanged.known = std::move(job.known);
            apply(std::move(unchanged));
            return;
        }
        if (!job.full && !options_.retry_failed) {
            const auto failed = writer_.failed_state(path);
            if (failed && failed->size == job.found.size &&
                failed->mtime_ns == job.found.mtime_ns && failed->ctime_ns == job.ctime_ns) {
                // Reported when it failed; reading it again would only repeat the complaint.
                FileOutcome still;
                still.kind = FileOutcome::Kind::StillFailing;
                still.path = path;
                apply(std::move(still));
                return;
            }
        }
        submit(std::move(job));
    }

    void apply(FileOutcome&& outcome) {
        writer_.apply(std::move(outcome));
        if (writer_.uncommitted_changes() >= options_.batch_size ||
            writer_.uncommitted_bytes() >= options_.batch_bytes)
            writer_.end_batch();
        if (callbacks_.progress) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last_progress_ >= std::chrono::milliseconds(200)) {
                last_progress_ = now;
                summary_.counts = writer_.counts();
                callbacks_.progress(summary_);
            }
        }
    }

    const IndexOptions& options_;
    const RunCallbacks& callbacks_;
    IndexWriter& writer_;
    Pipeline pipeline_;
    IndexSummary summary_;
    bool scan_errors_in_root_ = false;
    std::string current_list_;  // the --files-from list being read ("-": stdin), else empty
    std::unordered_set<std::string> seen_files_;  // every file the scan found, for prune()
    std::chrono::steady_clock::time_point last_progress_{};
};

}  // namespace

// Reads with read(2) rather than iostreams, which retry after EINTR: a signal must end a read
// blocked on a pipe.
void read_input_list(const std::string& list, bool nul_separated,
                     const std::function<void(const std::string&)>& on_input) {
    const int fd = list == "-" ? STDIN_FILENO : ::open(list.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw InputError(list, 0,
                         std::string("cannot open the --files-from list: ") + std::strerror(errno));
    const char separator = nul_separated ? '\0' : '\n';
    std::string pending;
    char buffer[1 << 14];
    while (!stop_signal()) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        pending.append(buffer, static_cast<std::size_t>(got));
        std::size_t start = 0;
        for (std::size_t end; (end = pending.find(separator, start)) != std::string::npos;
             start = end + 1) {
            on_input(pending.substr(start, end - start));
        }
        pending.erase(0, start);
    }
    if (!pending.empty() && !stop_signal()) on_input(pending);
    if (fd != STDIN_FILENO) ::close(fd);
}

IndexSummary run_index(const IndexOptions& given, const RunCallbacks& callbacks) {
    const RunWork run = [&](const IndexOptions& planned, IndexWriter& writer) {
        return Run(planned, callbacks, writer).execute();
    };
    if (given.rebuild && !given.dry_run) return rebuild(given, callbacks, run);
    // The first index of a run with several jobs is built in parts, beside where it goes,
    // and moved there when complete, as a rebuild is.
    std::error_code missing;
    if (builds_in_parts(given) && !fs::exists(given.database_path, missing) && !missing)
        return rebuild(given, callbacks, run);
    IndexOptions options = given;
    // A dry run of a rebuild reads the database as it is, with the language a rebuild would take.
    options.read_options.default_language =
        language_for_database(options.language, options.database_path, given.rebuild);
    return with_writer(options.database_path, options, callbacks, [&](IndexWriter& writer) {
        return Run(options, callbacks, writer).execute();
    });
}

IndexSummary work_on_database(const IndexOptions& options, const RunCallbacks& callbacks,
                              const std::function<IndexSummary(IndexWriter&)>& work) {
    return with_writer(options.database_path, options, callbacks, work);
}

}  // namespace newsindex::indexer
