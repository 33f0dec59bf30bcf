// searcher: command-line options and exit statuses only; the work is in search and printers.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "database.h"
#include "errors.h"
#include "printer.h"
#include "search.h"

namespace po = boost::program_options;
using namespace newsindex;

namespace {

// Exit statuses, as grep's for 0-2: documented in --help and docs/output.md.
enum ExitStatus { kMatched = 0, kNoMatch = 1, kError = 2, kDatabaseError = 3 };

constexpr const char* kUsage =
    "Usage: searcher [OPTIONS] [--] QUERY...\n"
    "Search a newsindex database and print ranked hits.\n"
    "Query: words (all must match), \"a phrase\", AND OR NOT, +word -word, (...), word*,\n"
    "       title: author: date:2022-01 date:2022-01-10..2022-02-05 site: url: id:\n";

constexpr const char* kExitStatusHelp =
    "\nExit status:\n"
    "  0  at least one article matched\n"
    "  1  nothing matched\n"
    "  2  usage error or query error (one line on stderr)\n"
    "  3  the database is missing or cannot be read (one line on stderr)\n"
    "\nEnvironment:\n"
    "  NEWSINDEX_DB  database used when --db is not given\n";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> databases, query_words;
    searcher::SearchRequest request;
    std::string format_name, color_name = "auto";
    po::options_description visible("Options");
    visible.add_options()("help,h", "show this help and exit")(
        "db,d", po::value(&databases),
        "database to search; repeat to search several as one "
        "(default: $NEWSINDEX_DB, else ~/.local/share/newsindex/db)")(
        "limit,n", po::value(&request.limit)->default_value(request.limit), "hits to show")(
        "offset", po::value(&request.offset)->default_value(request.offset), "hits to skip first")(
        "format,f", po::value(&format_name),
        "text or json (default: text; see docs/output.md for json)")(
        "color", po::value(&color_name)->default_value(color_name),
        "highlight text output with ANSI colours: auto (on a terminal), always, never");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&query_words));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "searcher: " << e.what() << "\nTry 'searcher --help'.\n";
        return kError;
    }
    if (vm.count("help")) {
        std::cout << kUsage << '\n' << visible << kExitStatusHelp;
        return kMatched;
    }
    searcher::OutputFormat format = searcher::OutputFormat::Text;
    if (!format_name.empty() && !searcher::parse_output_format(format_name, format)) {
        std::cerr << "searcher: unknown --format '" << format_name << "' (use text or json)\n";
        return kError;
    }
    searcher::PrintOptions print_options;
    if (color_name == "always")
        print_options.color = true;
    else if (color_name == "auto")
        print_options.color = isatty(STDOUT_FILENO);
    else if (color_name != "never") {
        std::cerr << "searcher: unknown --color '" << color_name
                  << "' (use auto, always or never)\n";
        return kError;
    }
    for (const std::string& word : query_words) {
        request.query += (request.query.empty() ? "" : " ") + word;
    }
    if (request.query.empty()) {
        std::cerr << "searcher: no query given\nTry 'searcher --help'.\n";
        return kError;
    }
    if (databases.empty()) databases.push_back(default_database_path());

    try {
        searcher::Searcher searcher(databases);
        const searcher::SearchResults results = searcher.search(request);
        searcher::make_printer(format, std::cout, print_options)->print(results);
        std::cout.flush();
        return results.matches_upper_bound > 0 ? kMatched : kNoMatch;
    } catch (const DatabaseError& e) {
        std::cerr << "searcher: " << e.what() << '\n';
        return kDatabaseError;
    } catch (const Error& e) {
        std::cerr << "searcher: " << e.what() << '\n';
        return kError;
    }
}
