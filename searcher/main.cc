// searcher: command-line options, choice of printer, exit statuses. The work is in search and
// the printers.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "database.h"
#include "errors.h"
#include "printer.h"
#include "schema.h"
#include "search.h"

namespace po = boost::program_options;
using namespace newsindex;

namespace {

// Exit statuses, as grep's for 0-2: documented in --help and docs/output.md.
enum ExitStatus { kMatched = 0, kNoMatch = 1, kError = 2, kDatabaseError = 3 };

constexpr const char* kUsage =
    "Usage: searcher [OPTIONS] [--] QUERY...\n"
    "       searcher [OPTIONS] --batch < QUERIES\n"
    "Search a newsindex database and print ranked hits.\n"
    "\nQuery (docs/query-syntax.md):\n"
    "  words                all must match; where they stand together ranks higher\n"
    "  \"a phrase\"  a NEAR b  a ADJ b  AND OR NOT  +word -word  (...)  ukrain*\n"
    "  title:  author:  site:  url:  id:\n"
    "  date:2022  date:2022-01  date:2022-01-29  date:2022-01-10..2022-02-05\n"
    "  date:2022-03..  date:..2021  date:today  date:yesterday  date:30d  date:2w..\n";

constexpr const char* kExitStatusHelp =
    "\nExit status:\n"
    "  0  at least one article matched (--batch: for at least one query)\n"
    "  1  nothing matched\n"
    "  2  usage error or query error (one line on stderr naming the query)\n"
    "  3  the database is missing or cannot be read\n"
    "\nEnvironment:\n"
    "  NEWSINDEX_DB  database used when --db is not given\n"
    "\nExamples:\n"
    "  searcher '\"Nord Stream 2\"'\n"
    "  searcher --sort newest --facet month 'Milley date:2022'\n"
    "  searcher --format paths -0 Milley | xargs -0 grep -l Pentagon\n"
    "  printf 'Scholz\\nLagarde\\n' | searcher --batch\n";

std::string facet_names() {
    std::string names;
    for (const schema::Facet& facet : schema::facets())
        names += (names.empty() ? "" : ", ") + std::string(facet.name);
    return names;
}

// Runs one query per line of standard input, printing one JSON object per line. A query that
// fails prints an object with "error" and the rest go on.
int run_batch(searcher::Searcher& searcher, searcher::SearchRequest request,
              const searcher::PrintOptions& options) {
    auto printer = searcher::make_printer(searcher::OutputFormat::Json, std::cout, options);
    bool any_matched = false, any_failed = false;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        request.query = line;
        try {
            const searcher::SearchResults results = searcher.search(request);
            printer->print(results);
            any_matched = any_matched || results.matches_upper_bound > 0;
        } catch (const QueryError& e) {
            searcher::Json failed = {
                {"output_version", searcher::kOutputVersion}, {"query", line}, {"error", e.what()}};
            std::cout << failed.dump(-1, ' ', false, searcher::Json::error_handler_t::replace)
                      << '\n';
            std::cerr << "searcher: " << e.what() << '\n';
            any_failed = true;
        }
        std::cout.flush();  // a script reading the other end sees each answer at once
    }
    if (any_failed) return kError;
    return any_matched ? kMatched : kNoMatch;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> databases, query_words;
    searcher::SearchRequest request;
    std::string format_name = "text", color_name = "auto", sort_name = "relevance", fields;
    bool any = false, count_only = false, nul = false, batch = false, explain = false;
    po::options_description visible("Options");
    visible.add_options()("help,h", "show this help and exit")(
        "db,d", po::value(&databases),
        "database or Xapian stub file to search; repeat to search several as one "
        "(default: $NEWSINDEX_DB, else ~/.local/share/newsindex/db)")(
        "any", po::bool_switch(&any), "match articles with any of the words, not all")(
        "limit,n", po::value(&request.limit)->default_value(request.limit),
        "hits to show (0: all)")(
        "offset", po::value(&request.offset)->default_value(request.offset), "hits to skip first")(
        "sort", po::value(&sort_name)->default_value(sort_name), "relevance, newest or oldest")(
        "format,f", po::value(&format_name)->default_value(format_name),
        "text, json, jsonl, tsv, paths or count (docs/output.md)")(
        "fields", po::value(&fields), "comma-separated hit fields for json, jsonl and tsv")(
        "null,0", po::bool_switch(&nul), "with --format paths: end each path with NUL")(
        "count,c", po::bool_switch(&count_only), "print only the number of matching articles")(
        "facet", po::value(&request.facets),
        ("count a facet over all matches; repeatable: " + facet_names()).c_str())(
        "like", po::value(&request.like), "find articles like this one (its path or id)")(
        "collapse", po::bool_switch(&request.collapse),
        "fold copies of the same story into one hit")(
        "batch", po::bool_switch(&batch),
        "read one query per line from stdin; one JSON object per line out")(
        "explain", po::bool_switch(&explain), "show how the query was understood")(
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
    auto usage_error = [](const std::string& message) {
        std::cerr << "searcher: " << message << "\nTry 'searcher --help'.\n";
        return kError;
    };
    searcher::OutputFormat format;
    if (!searcher::parse_output_format(format_name, format))
        return usage_error("unknown --format '" + format_name +
                           "' (use text, json, jsonl, tsv, paths or count)");
    if (count_only) format = searcher::OutputFormat::Count;
    request.exact_count = format == searcher::OutputFormat::Count;
    searcher::PrintOptions print_options;
    print_options.nul_separated = nul;
    print_options.explain = explain;
    if (color_name == "always")
        print_options.color = true;
    else if (color_name == "auto")
        print_options.color = isatty(STDOUT_FILENO);
    else if (color_name != "never")
        return usage_error("unknown --color '" + color_name + "' (use auto, always or never)");
    if (sort_name == "newest")
        request.sort = searcher::SortOrder::Newest;
    else if (sort_name == "oldest")
        request.sort = searcher::SortOrder::Oldest;
    else if (sort_name != "relevance")
        return usage_error("unknown --sort '" + sort_name + "' (use relevance, newest or oldest)");
    for (const std::string& facet : request.facets) {
        if (!schema::find_facet(facet))
            return usage_error("unknown --facet '" + facet + "' (use " + facet_names() + ")");
    }
    if (!fields.empty()) {
        std::string unknown;
        if (!searcher::select_hit_fields(fields, print_options.fields, unknown))
            return usage_error("unknown field '" + unknown + "' in --fields");
    }
    request.snippets = searcher::shows_snippets(format, print_options);
    request.mode = any ? searcher::MatchMode::AnyWord : searcher::MatchMode::AllWords;
    for (const std::string& word : query_words)
        request.query += (request.query.empty() ? "" : " ") + word;
    if (batch && !request.query.empty())
        return usage_error("--batch reads queries from stdin; give none as arguments");
    if (!batch && request.query.empty() && request.like.empty())
        return usage_error("no query given");
    if (databases.empty()) databases.push_back(default_database_path());

    try {
        searcher::Searcher searcher(databases);
        if (batch) return run_batch(searcher, request, print_options);
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
