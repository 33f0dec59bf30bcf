// indexer: command-line options, progress and summary output, exit statuses. The work is in
// index_run.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/completion.h"
#include "cli/config_file.h"
#include "cli/help.h"
#include "cli/version.h"
#include "compact.h"
#include "database.h"
#include "delete.h"
#include "errors.h"
#include "index_run.h"
#include "inspect.h"
#include "settings.h"
#include "signals.h"
#include "status.h"
#include "summary.h"
#include "text/terminal.h"

namespace po = boost::program_options;
using newsindex::indexer::IndexOptions;
using newsindex::indexer::IndexSummary;

namespace {

// Exit statuses, documented in --help and docs/indexer.md.
enum ExitStatus {
    kSuccess = 0,
    kSomeInputsSkipped = 1,
    kUsageError = 2,
    kDatabaseError = 3,
    kDatabaseLocked = 4,
    kStoppedBySignalBase = 128,  // + the signal number, as shells report it
};

constexpr const char* kAbout =
    "Index news articles from files and directories (searched recursively) into a newsindex\n"
    "database. Only new and changed files are read; the documents of files that\n"
    "vanished from a directory named here are deleted.\n";

std::string usage(const std::string& program) {
    // "or:" lines, as GNU programs write them, which help2man reads as more synopses.
    return "Usage: " + program + " [OPTIONS] PATH...\n" + "  or:  " + program +
           " [OPTIONS] --files-from LIST [-0]\n" + "  or:  " + program + " [--db DB] --compact\n" +
           "  or:  " + program + " [--db DB] --rebuild [--drop-sources] [PATH...]\n" +
           "  or:  " + program + " [--db DB] [--dry-run] --delete ID|PATH|QUERY...\n" + kAbout;
}

constexpr const char* kExitStatusHelp =
    "\nExit status:\n"
    "  0    every input was indexed (or was unchanged)\n"
    "  1    some inputs were skipped, each named on stderr; the rest were indexed; or a\n"
    "       --delete matched nothing\n"
    "  2    usage error, or a --rebuild that would drop recorded sources (nothing changed)\n"
    "  3    database error: cannot open or write, or written by another schema version\n"
    "       (then run again with --rebuild); also any other error that stopped the run\n"
    "  4    the database stayed locked by another indexer for --lock-timeout seconds\n"
    "  130  stopped by SIGINT, 143 by SIGTERM, after committing the work done\n"
    "\nEnvironment:\n"
    "  NEWSINDEX_DB  database used when --db is not given (before the settings file's db)\n"
    "\nFiles:\n"
    "  $XDG_CONFIG_HOME/newsindex/config (else ~/.config/newsindex/config): settings; every\n"
    "  long option can be given there, and [indexer] source = PATH lines name what a plain\n"
    "  run indexes (docs/configuration.md)\n"
    "\nExample crontab line (quiet unless something is wrong):\n"
    "  */10 * * * *  indexer --db ~/news.db ~/archive\n";

// The name the program was run as ("newsindex-indexer" once installed), for usage lines.
std::string program_name(const char* argv0) {
    std::string name = argv0 ? argv0 : "";
    name = name.substr(name.find_last_of('/') + 1);
    return name.empty() ? "indexer" : name;
}

// --completion bash|zsh: the script for the installed command, from the option table.
int print_completion(const po::variables_map& vm, const std::string& program,
                     const po::options_description& options) {
    const std::string shell = vm["completion"].as<std::string>();
    newsindex::cli::CompletionSpec spec;
    spec.command = program;
    spec.options = &options;
    spec.choices["format"] = {"text", "markdown", "html", "json", "jsonl", "email"};
    spec.choices["summary"] = {"text", "json"};
    spec.directory_options = {"db"};
    spec.file_options = {"config", "files-from"};
    if (shell == "bash") {
        std::cout << newsindex::cli::bash_completion(spec);
    } else if (shell == "zsh") {
        std::cout << newsindex::cli::zsh_completion(spec);
    } else {
        throw newsindex::UsageError("unknown --completion '" + shell + "' (use bash or zsh)");
    }
    return kSuccess;
}

// Every message for people goes out through here, as one line on stderr after the progress
// line (if any) is cleared: the message is made safe to print (text::escaped_for_terminal),
// since the file names and option values in it come from users and file systems and may
// hold escape sequences, carriage returns, line feeds or bidirectional overrides.
void print_message(const std::string& message, const char* kind = "") {
    if (isatty(STDERR_FILENO)) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "indexer: %s%s\n", kind,
                 newsindex::text::escaped_for_terminal(message).c_str());
}
void print_error(const std::string& message) {
    print_message(message);
}
void print_note(const std::string& message) {
    print_message(message, "note: ");
}
void print_usage_error(const std::string& message) {
    print_message(message);
    std::fputs("Try 'indexer --help'.\n", stderr);
}

void print_summary_line(const IndexSummary& s, const IndexOptions& options) {
    const auto& c = s.counts;
    std::fprintf(stderr,
                 "indexer: %zu added, %zu updated, %zu unchanged, %zu deleted, %zu duplicates, "
                 "%zu failed, %zu unknown skipped; %zu files in %.2f s (%.0f files/s)%s%s\n",
                 c.added, c.updated, c.unchanged, c.deleted, c.duplicates, c.failed, c.unknown,
                 s.files, s.seconds, s.seconds > 0 ? s.files / s.seconds : 0.0,
                 options.dry_run ? " [dry run: nothing written]" : "",
                 c.still_failing == 0
                     ? ""
                     : ("; " + std::to_string(c.still_failing) +
                        " files that failed before are unchanged and were passed over "
                        "(--retry-failed reads them)")
                           .c_str());
}

// Set when --summary json was asked for, so that a run that fails still prints its summary
// (with the error) from main(), where failures become exit statuses.
// A copy: the run's own options are gone by the time main() catches what it threw.
std::optional<IndexOptions> json_summary_for;

// Everything but the last line of defence: returns the exit status of a run that ended
// normally; exceptions are main()'s to map.
int run_indexer(int argc, char** argv) {
    IndexOptions options;
    bool verbose = false, quiet = false, no_prune = false, no_spelling = false;
    double lock_timeout_seconds = 30;
    std::size_t batch_mib = options.batch_bytes >> 20;
    std::string summary_format = "text", format_name, language;
    std::vector<std::string> field_mappings;
    bool inspect = false, compact = false, status = false;
    std::vector<std::string> deletions;
    options.jobs = std::max(1u, std::thread::hardware_concurrency());
    po::options_description visible("Options");
    visible.add_options()("help,h", "show this help and exit")(
        "db,d", po::value(&options.database_path),
        "database directory (default: $NEWSINDEX_DB, else ~/.local/share/newsindex/db)")(
        "files-from", po::value(&options.files_from),
        "read the paths to index from this file, one per line ('-': standard input)")(
        "null,0", po::bool_switch(&options.files_from_nul),
        "paths in the --files-from list end with NUL (as find -print0 writes them)")(
        "jobs,j", po::value(&options.jobs)->default_value(options.jobs, "all cores"),
        "threads at work, one of them writing the database, the others reading and parsing "
        "files; 1 runs everything on one thread")(
        "lock-timeout", po::value(&lock_timeout_seconds)->default_value(lock_timeout_seconds),
        "seconds to wait for another indexer to finish with the database")(
        "full", po::bool_switch(&options.full), "read every file again, changed or not")(
        "retry-failed", po::bool_switch(&options.retry_failed),
        "read again the files earlier runs failed to read, changed or not (without it they are "
        "passed over quietly until they change)")(
        "no-prune", po::bool_switch(&no_prune),
        "keep the documents of files that vanished from the directories named")(
        "prune-all", po::bool_switch(&options.prune_all),
        "prune even when more than half of a directory's indexed files are gone at once "
        "(without it such a directory is reported and left alone)")(
        "follow", po::bool_switch(&options.follow_symlinks),
        "follow symbolic links inside directories (loops are detected)")(
        "rebuild", po::bool_switch(&options.rebuild),
        "index into a new database and swap it in when complete (also the way past a schema "
        "version change); without PATHs, from the sources the database records; it refuses "
        "to drop recorded sources not named")(
        "drop-sources", po::bool_switch(&options.drop_sources),
        "let --rebuild drop the recorded sources not named, and the articles read from "
        "standard input")("dry-run,n", po::bool_switch(&options.dry_run),
                          "change nothing; report what would change")(
        "no-spelling", po::bool_switch(&no_spelling), "do not record spelling data")(
        "format", po::value(&format_name),
        "read every input as this format: text, markdown, html, json, jsonl or email "
        "(default: detected per file from its name and content)")(
        "field", po::value(&field_mappings),
        "for JSON input, read an article field from another key: NAME=SOURCE, e.g. "
        "body=story.text; NAME is title, authors, date, url, body or tags; repeatable")(
        "language", po::value(&language),
        "the language of articles whose source declares none and whose text does not tell "
        "(a code: de, fr, pt-BR); set when the database is made or rebuilt, recorded in it "
        "(default: the recorded one, else none: analysed as English; docs/languages.md)")(
        "compact", po::bool_switch(&compact),
        "rewrite the database with Xapian's compactor after indexing (alone: only compact); "
        "smaller and faster to search, swapped in atomically")(
        "delete", po::value(&deletions),
        "remove articles: an article id, a file path the database holds (all its articles) or "
        "a query as searcher takes it; repeatable; they stay out of later runs, --full and "
        "--rebuild included, until their files change (docs/indexer.md)")(
        "inspect", po::bool_switch(&inspect),
        "print what each file holds, one JSON object per article, and touch no database")(
        "shards", po::value(&options.shards),
        "create the database as this many shards (docs/scaling.md); an existing sharded "
        "database keeps its count unless rebuilt with --rebuild --shards N")(
        "batch-size", po::value(&options.batch_size)->default_value(options.batch_size),
        "changes in a batch (the writer applies a batch at once)")(
        "batch-mib", po::value(&batch_mib)->default_value(batch_mib),
        "MiB of input files in a batch (whichever of the two comes first)")(
        "summary", po::value(&summary_format)->default_value(summary_format),
        "text: a line on stderr (on a terminal or with --verbose); json: an object on stdout")(
        "verbose,v", po::bool_switch(&verbose),
        "print notes (duplicates, moved files) and the summary line, also when not on a "
        "terminal")("quiet,q", po::bool_switch(&quiet), "print nothing but problems");
    newsindex::cli::ConfigChoice config;
    std::string completion_shell;
    std::vector<std::string> configured_sources;
    visible.add_options()("config", po::value<std::string>(),
                          "read settings from this file instead of the default "
                          "($XDG_CONFIG_HOME/newsindex/config; docs/configuration.md)")(
        "no-config", po::bool_switch(), "read no settings file")(
        "status", po::bool_switch(&status),
        "show what the database holds and how it stands (documents, sources, last change, "
        "versions, size, whether an indexer is writing); JSON with --summary json")(
        "version", "show the version and exit");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&options.inputs))(
        "completion", po::value(&completion_shell), "print a bash or zsh completion script");
    // Settings only the file gives: the paths a plain `indexer` run indexes.
    po::options_description settings;
    settings.add(visible).add_options()("source", po::value(&configured_sources),
                                        "a path to index when the command line names none");
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    const std::string program = program_name(argv[0]);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        // Help and version never depend on the settings file being readable.
        if (vm.count("help")) {
            std::cout << usage(program) << '\n'
                      << newsindex::cli::format_options(visible) << kExitStatusHelp;
            return kSuccess;
        }
        if (vm.count("version")) {
            std::cout << newsindex::cli::version_text(program);
            return kSuccess;
        }
        if (vm.count("completion")) return print_completion(vm, program, visible);
        if (vm.count("config")) config.explicit_file = vm["config"].as<std::string>();
        config.disabled = vm["no-config"].as<bool>();  // notify() has not run yet
        newsindex::cli::load_config(config, "indexer", settings, vm);
        po::notify(vm);
    } catch (const po::error& e) {
        print_usage_error(e.what());
        return kUsageError;
    }
    // The configured sources stand in for paths only in a plain indexing run.
    if (options.inputs.empty() && options.files_from.empty() && !options.rebuild &&
        !vm["compact"].as<bool>() && !vm["inspect"].as<bool>() && !vm["status"].as<bool>() &&
        !vm.count("delete"))
        options.inputs = configured_sources;
    auto usage_error = [](const std::string& message) {
        print_usage_error(message);
        return kUsageError;
    };
    if (!format_name.empty()) {
        options.read_options.forced_format = newsindex::parse_format_name(format_name);
        if (!options.read_options.forced_format)
            return usage_error("unknown --format '" + format_name +
                               "' (use text, markdown, html, json, jsonl or email)");
    }
    for (const std::string& mapping : field_mappings) {
        std::string error;
        if (!options.read_options.json_fields.add_mapping(mapping, error))
            return usage_error("--field " + mapping + ": " + error);
    }
    // An indexing run's setting: --status, --delete and --compact alone read no articles and
    // pass it over (a settings file may give it for every run).
    if (vm.count("language") && language.empty())
        return usage_error("--language needs a language code, such as de, fr or pt-BR");
    if (!language.empty()) {
        options.language = newsindex::indexer::language_option(language);
        // --inspect reads no database: the language given is the default.
        options.read_options.default_language = options.language;
    }
    if (inspect) {
        if (options.inputs.empty()) return usage_error("--inspect needs files");
        const std::size_t problems = newsindex::indexer::inspect_files(
            options.inputs, options.read_options, std::cout, print_error);
        return problems > 0 ? kSomeInputsSkipped : kSuccess;
    }
    if (status) {
        if (!options.inputs.empty() || !options.files_from.empty() || compact || options.rebuild)
            return usage_error("--status takes no paths and no other action");
        if (options.database_path.empty())
            options.database_path = newsindex::default_database_path();
        const auto found = newsindex::indexer::read_status(options.database_path);
        if (summary_format == "json")
            newsindex::indexer::print_status_json(found, std::cout);
        else
            newsindex::indexer::print_status_text(found, std::cout);
        return kSuccess;
    }
    const bool no_inputs = options.inputs.empty() && options.files_from.empty();
    const bool compact_only = compact && no_inputs && !options.rebuild;
    // --rebuild alone indexes again what the database records it was indexed from.
    if (!deletions.empty() && (!no_inputs || options.rebuild || compact))
        return usage_error("--delete goes alone: not with paths to index, --rebuild or --compact");
    if (no_inputs && !compact_only && !options.rebuild && deletions.empty())
        return usage_error("no files or directories to index");
    // Every number is checked against a range before use: a thread count in the thousands
    // ends in std::system_error, and a timeout of 1e300 or nan overflows the conversion to
    // milliseconds.
    constexpr unsigned kMaxJobs = 256;
    constexpr double kMaxLockSeconds = 7 * 24 * 3600;
    constexpr std::size_t kMaxBatchSize = 10'000'000, kMaxBatchMib = 65536;
    if (options.batch_size == 0 || options.batch_size > kMaxBatchSize)
        return usage_error("--batch-size must be from 1 to 10000000");
    if (batch_mib == 0 || batch_mib > kMaxBatchMib)
        return usage_error("--batch-mib must be from 1 to 65536");
    options.batch_bytes = batch_mib << 20;
    if (options.jobs == 0 || options.jobs > kMaxJobs)
        return usage_error("--jobs must be from 1 to 256");
    if (options.shards > 1024) return usage_error("--shards must be at most 1024");
    if (!std::isfinite(lock_timeout_seconds) || lock_timeout_seconds < 0 ||
        lock_timeout_seconds > kMaxLockSeconds)
        return usage_error("--lock-timeout must be a number of seconds from 0 to 604800 (a week)");
    if (summary_format != "text" && summary_format != "json")
        return usage_error("--summary must be text or json");
    if (options.database_path.empty()) options.database_path = newsindex::default_database_path();
    if (summary_format == "json") json_summary_for = options;
    options.prune = !no_prune;
    options.spelling = !no_spelling;
    options.lock_wait =
        std::chrono::milliseconds(static_cast<long long>(lock_timeout_seconds * 1000));

    const bool on_terminal = isatty(STDERR_FILENO);
    newsindex::indexer::RunCallbacks callbacks;
    callbacks.messages.problem = print_error;
    // Messages fall in two classes (docs/indexer.md, "Messages"): problems, which need
    // someone to act (a file skipped, a database that cannot be written, a stop by signal),
    // go to stderr always, even with --quiet; notes (duplicates, a moved file) only with
    // --verbose, the progress line and summary with --verbose or on a terminal, so that cron
    // mails only when something is wrong.
    callbacks.messages.note = [&](const std::string& message) {
        if (!quiet && verbose) print_note(message);
    };
    if (on_terminal && !quiet) {
        callbacks.progress = [](const IndexSummary& s) {
            std::fprintf(stderr,
                         "\r\033[Kindexer: %zu files, %zu added, %zu updated, %zu unchanged...",
                         s.files, s.counts.added, s.counts.updated, s.counts.unchanged);
        };
    }

    auto run_compaction = [&] {
        const auto sizes =
            newsindex::indexer::compact_database(options.database_path, options.lock_wait);
        if (!quiet && (verbose || on_terminal))
            std::fprintf(stderr, "indexer: compacted %s: %.1f MiB -> %.1f MiB\n",
                         newsindex::text::escaped_for_terminal(options.database_path).c_str(),
                         sizes.bytes_before / 1048576.0, sizes.bytes_after / 1048576.0);
    };
    newsindex::indexer::install_stop_handlers();
    newsindex::set_lock_wait_interrupter([] { return newsindex::indexer::stop_signal() != 0; });
    if (compact_only) {
        run_compaction();
        return kSuccess;
    }
    if (!deletions.empty()) {
        const auto done =
            newsindex::indexer::delete_articles(options, deletions, callbacks.messages);
        if (summary_format == "json")
            std::printf("%s\n", newsindex::indexer::summary_json(done.summary, options).c_str());
        else if (!quiet)
            print_message(newsindex::indexer::deletion_line(done, options.dry_run));
        return done.unmatched > 0 ? kSomeInputsSkipped : kSuccess;
    }
    const IndexSummary summary = newsindex::indexer::run_index(options, callbacks);
    if (compact && !options.dry_run && !summary.stopped_by_signal) run_compaction();
    if (on_terminal && !quiet) std::fputs("\r\033[K", stderr);
    if (summary_format == "json")
        std::printf("%s\n", newsindex::indexer::summary_json(summary, options).c_str());
    else if (!quiet && (verbose || on_terminal))
        print_summary_line(summary, options);
    if (summary.stopped_by_signal) {
        // A new database built in parts (parallel_build.h) is kept only when complete.
        const char* outcome = !summary.work_discarded ? "the work done so far is committed"
                              : options.rebuild
                                  ? "the rebuild was abandoned and the database is as it was"
                                  : "the new database was abandoned before it was complete; "
                                    "run again to index from the start";
        std::fprintf(stderr, "indexer: stopped by %s; %s\n", strsignal(summary.stopped_by_signal),
                     outcome);
        return kStoppedBySignalBase + summary.stopped_by_signal;
    }
    return summary.counts.failed > 0 ? kSomeInputsSkipped : kSuccess;
}

}  // namespace

// Prints the message and, with --summary json, the summary of the failed run; returns status.
static int failed(const std::string& message, int status) {
    print_error(message);
    if (json_summary_for)
        std::printf(
            "%s\n",
            newsindex::indexer::failed_summary_json(*json_summary_for, message, status).c_str());
    return status;
}

// The boundary: every exception ends here as one message and an exit status, never in
// std::terminate. The modules translate what they call (Xapian, the file system) into
// DatabaseError or InputError naming the input at fault; anything else that reaches this
// point is unexpected, and still stops the run cleanly with status 3.
int main(int argc, char** argv) {
    try {
        return run_indexer(argc, argv);
    } catch (const newsindex::DatabaseError& e) {
        if (e.kind() == newsindex::DatabaseError::Kind::Interrupted)
            return failed(e.what(), kStoppedBySignalBase + newsindex::indexer::stop_signal());
        return failed(e.what(), e.kind() == newsindex::DatabaseError::Kind::Locked
                                    ? kDatabaseLocked
                                    : kDatabaseError);
    } catch (const newsindex::UsageError& e) {
        return failed(e.what(), kUsageError);
    } catch (const std::bad_alloc&) {
        return failed("out of memory; the batches committed before stay in the database",
                      kDatabaseError);
    } catch (const std::exception& e) {
        return failed(std::string("stopped by an unexpected error: ") + e.what(), kDatabaseError);
    } catch (...) {
        return failed("stopped by an unexpected error of unknown type", kDatabaseError);
    }
}
