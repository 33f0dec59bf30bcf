// indexer: command-line options and exit statuses only; the work is in index_run.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "database.h"
#include "errors.h"
#include "index_run.h"

namespace po = boost::program_options;

namespace {

// Exit statuses, documented in --help and docs/indexer.md.
enum ExitStatus {
    kSuccess = 0,
    kSomeInputsSkipped = 1,
    kUsageError = 2,
    kDatabaseError = 3,
    kDatabaseLocked = 4,
};

constexpr const char* kUsage =
    "Usage: indexer [OPTIONS] PATH...\n"
    "Index news articles from files and directories (searched recursively for *.txt)\n"
    "into a newsindex database.\n";

constexpr const char* kExitStatusHelp =
    "\nExit status:\n"
    "  0  every input was indexed\n"
    "  1  some inputs were skipped (each named on stderr); the rest were indexed\n"
    "  2  usage error\n"
    "  3  database error (cannot open, incompatible schema, write failed)\n"
    "  4  the database is locked by another indexer\n"
    "\nEnvironment:\n"
    "  NEWSINDEX_DB  database used when --db is not given\n";

}  // namespace

int main(int argc, char** argv) {
    newsindex::indexer::IndexOptions options;
    bool verbose = false, quiet = false;
    po::options_description visible("Options");
    visible.add_options()("help,h", "show this help and exit")(
        "db,d", po::value(&options.database_path),
        "database directory (default: $NEWSINDEX_DB, else ~/.local/share/newsindex/db)")(
        "batch-size", po::value(&options.batch_size)->default_value(options.batch_size),
        "documents indexed between commits")("verbose,v", po::bool_switch(&verbose),
                                             "print the summary line even when not on a terminal")(
        "quiet,q", po::bool_switch(&quiet), "print nothing but errors");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&options.inputs));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "indexer: " << e.what() << "\nTry 'indexer --help'.\n";
        return kUsageError;
    }
    if (vm.count("help")) {
        std::cout << kUsage << '\n' << visible << kExitStatusHelp;
        return kSuccess;
    }
    if (options.inputs.empty()) {
        std::cerr << "indexer: no files or directories to index\nTry 'indexer --help'.\n";
        return kUsageError;
    }
    if (options.batch_size == 0) {
        std::cerr << "indexer: --batch-size must be at least 1\n";
        return kUsageError;
    }
    if (options.database_path.empty()) options.database_path = newsindex::default_database_path();

    try {
        auto summary = newsindex::indexer::run_index(options, [](const std::string& message) {
            std::cerr << "indexer: " << message << '\n';
        });
        // Quiet on success when run from cron; a person at a terminal sees the summary.
        if (!quiet && (verbose || isatty(STDERR_FILENO))) {
            std::fprintf(stderr, "indexer: %zu added, %zu updated, %zu failed in %.2f s (%s)\n",
                         summary.added, summary.updated, summary.failed, summary.seconds,
                         options.database_path.c_str());
        }
        return summary.failed > 0 ? kSomeInputsSkipped : kSuccess;
    } catch (const newsindex::DatabaseError& e) {
        std::cerr << "indexer: " << e.what() << '\n';
        return e.kind() == newsindex::DatabaseError::Kind::Locked ? kDatabaseLocked
                                                                  : kDatabaseError;
    }
}
