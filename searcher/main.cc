// searcher: command-line options, choice of printer, exit statuses. The work is in search and
// the printers.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "cli/completion.h"
#include "cli/config_file.h"
#include "cli/help.h"
#include "cli/version.h"
#include "database.h"
#include "errors.h"
#include "hit_fields.h"
#include "printer.h"
#include "schema.h"
#include "search.h"
#include "show.h"
#include "text/terminal.h"

namespace po = boost::program_options;
using namespace newsindex;

namespace {

// Exit statuses, as grep's for 0-2: documented in --help and docs/output.md.
enum ExitStatus { kMatched = 0, kNoMatch = 1, kError = 2, kDatabaseError = 3 };

// The query language in brief, from the schema's field table so that it names every field the
// index has. Both --help and --help-query (the source of the newsindex-query(7) manual page)
// print it.
std::string query_language() {
    std::string text =
        "\nQuery words and operators (docs/query-syntax.md):\n"
        "  words               all must match; where they stand together ranks higher\n"
        "  \"a phrase\"          the words in this order\n"
        "  a NEAR b, a ADJ b   within 10 words of each other (NEAR/5: 5); ADJ in this order\n"
        "  AND, OR, NOT, ( )   Boolean operators and grouping\n"
        "  +word, -word        must have the word; must not have it\n"
        "  ukrain*             any word starting so\n"
        "  *                   every article (\"* date:2022\"); \"-word\" alone: every article "
        "without it\n"
        "\nFields:\n";
    for (const schema::Field& field : schema::fields()) {
        std::string line = "  " + std::string(field.name) + ":";
        line.resize(std::max<std::size_t>(line.size() + 2, 22), ' ');
        line += std::string(field.description);
        if (!field.example.empty()) line += " (" + std::string(field.example) + ")";
        text += line + "\n";
    }
    text +=
        "\nDates (date:VALUE):\n"
        "  2022, 2022-01, 2022-01-29       a year, a month, a day\n"
        "  2022-01-10..2022-02-05          a range; either end may be left open (2022-03.., "
        "..2021)\n"
        "  today, yesterday, 30d, 2w..     relative to today\n";
    return text;
}

std::string usage(const std::string& program) {
    return "Usage: " + program + " [OPTIONS] [--] QUERY...\n" + "  or:  " + program +
           " [OPTIONS] --batch < QUERIES\n" +
           "Search a newsindex database and print ranked hits.\n" + query_language();
}

// --help-query: the query language alone, laid out for help2man (a usage line, a one-line
// description, headed sections).
std::string query_language_page(const std::string& program) {
    return "Usage: " + program + " [OPTIONS] QUERY...\n" +
           "The query language of newsindex: words, phrases, operators, fields and dates.\n" +
           query_language() +
           "\nExamples:\n"
           "  '\"Nord Stream 2\"'              the phrase\n"
           "  'author:AFP date:2022-01 person:Putin'\n"
           "                                 all three fields at once\n"
           "  'oil NOT opec'                 oil, leaving out articles about OPEC\n"
           "  'lang:de section:politik'      German articles in a section\n";
}

constexpr const char* kExitStatusHelp =
    "\nExit status:\n"
    "  0  at least one article matched (--batch: for at least one query, and none failed)\n"
    "  1  nothing matched (also when only articles with some of the words are shown)\n"
    "     (--show: an argument names no stored article)\n"
    "  2  usage error or query error (one line on stderr naming the query; --batch: any\n"
    "     query failed)\n"
    "  3  the database is missing or cannot be read, or a remote shard did not answer\n"
    "     (with --partial: only when no shard answered)\n"
    "\nEnvironment:\n"
    "  NEWSINDEX_DB  database used when --db is not given (before the settings file's db)\n"
    "  NO_COLOR      when set and not empty, --color auto never colours (as does TERM=dumb)\n"
    "\nFiles:\n"
    "  $XDG_CONFIG_HOME/newsindex/config (else ~/.config/newsindex/config): settings; every\n"
    "  long option can be given a default there (docs/configuration.md)\n"
    "\nExamples:\n"
    "  searcher '\"Nord Stream 2\"'\n"
    "  searcher --sort newest --facet month 'Milley date:2022'\n"
    "  searcher --format paths -0 Milley | xargs -0 grep -l Pentagon\n"
    "  searcher --show corpus/nord-stream/2022-02-22-scholz-halts-nord-stream-2-approval.txt\n"
    "  searcher --format tsv --facets-only --facet person 'date:2022'\n"
    "  printf 'Scholz\\nLagarde\\n' | searcher --batch\n";

std::string facet_names() {
    std::string names;
    for (const schema::Facet& facet : schema::facets())
        names += (names.empty() ? "" : ", ") + std::string(facet.name);
    return names;
}

void report(const std::string& message) {
    std::cerr << "searcher: " << text::escaped_for_terminal(message) << '\n';
}

// Colour for --color auto: only on a terminal, and not when the user opted out (NO_COLOR,
// https://no-color.org) or the terminal cannot show it (TERM=dumb).
bool colour_wanted_automatically() {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    if (no_color && *no_color) return false;
    if (term && std::string(term) == "dumb") return false;
    return isatty(STDOUT_FILENO);
}

// Runs one query per line of standard input through printer, in order. Every line gives one
// block of output (a blank line or a failing query gives the format's failure line, and its
// message on stderr), so that the output lines up with the input.
int run_batch(searcher::Searcher& searcher, searcher::SearchRequest request,
              searcher::ResultPrinter& printer, bool notes) {
    bool any_matched = false, any_failed = false;
    std::string line;
    for (std::size_t number = 1; std::getline(std::cin, line); ++number) {
        request.query = line;
        printer.begin_query(number, line);
        try {
            if (line.find_first_not_of(" \t\r") == std::string::npos)
                throw QueryError(line, "is empty");
            const searcher::SearchResults results = searcher.search(request);
            printer.print(results);
            if (notes) searcher::print_notes(results, std::cerr);
            any_matched =
                any_matched || (results.matches_upper_bound > 0 && !results.fell_back_to_any);
        } catch (const QueryError& e) {
            const std::string message = "line " + std::to_string(number) + ": " + e.what();
            printer.print_failure(number, line, e.what());
            report(message);
            any_failed = true;
        }
        std::cout.flush();  // a script reading the other end sees each answer at once
    }
    if (any_failed) return kError;
    return any_matched ? kMatched : kNoMatch;
}

// Reads a --timeout given as text: seconds, a whole or decimal number above 0 and at most a
// day (Xapian takes milliseconds).
bool parse_seconds(const std::string& text, std::chrono::milliseconds& value) {
    if (text.empty() || text.size() > 12 ||
        text.find_first_not_of("0123456789.") != std::string::npos ||
        std::count(text.begin(), text.end(), '.') > 1 || text == ".")
        return false;
    const double seconds = std::strtod(text.c_str(), nullptr);
    if (!(seconds > 0) || seconds > 86'400) return false;
    value = std::chrono::milliseconds(std::max<long long>(1, std::llround(seconds * 1000)));
    return true;
}

// Names on stderr the remote shards the results were made without (--partial).
void report_missing(const std::vector<MissingShard>& missing) {
    for (const MissingShard& shard : missing)
        report("warning: " + shard.name + " " + shard.problem + " (in " + shard.source +
               "); results without it");
}

// The name the program was run as ("newsindex-searcher" once installed), for usage lines.
std::string program_name(const char* argv0) {
    std::string name = argv0 ? argv0 : "";
    name = name.substr(name.find_last_of('/') + 1);
    return name.empty() ? "searcher" : name;
}

// --completion bash|zsh: the script for the installed command, from the option table.
int print_completion(const po::variables_map& vm, const std::string& program,
                     const po::options_description& options) {
    const std::string shell = vm["completion"].as<std::string>();
    cli::CompletionSpec spec;
    spec.command = program;
    spec.options = &options;
    spec.choices["format"] = {"text", "json", "jsonl", "tsv", "paths", "ids", "count"};
    spec.choices["sort"] = {"relevance", "newest", "oldest"};
    spec.choices["color"] = {"auto", "always", "never"};
    for (const schema::Facet& facet : schema::facets())
        spec.choices["facet"].emplace_back(facet.name);
    for (const searcher::HitField& field : searcher::hit_fields())
        spec.choices["fields"].emplace_back(field.name);
    spec.directory_options = {"db"};
    spec.file_options = {"config", "like", "show"};
    spec.operands_are_paths = false;
    for (const schema::Field& field : schema::fields())
        spec.word_prefixes.push_back(std::string(field.name) + ":");
    if (shell == "bash") {
        std::cout << cli::bash_completion(spec);
    } else if (shell == "zsh") {
        std::cout << cli::zsh_completion(spec);
    } else {
        std::cerr << "searcher: unknown --completion '" << text::escaped_for_terminal(shell)
                  << "' (use bash or zsh)\n";
        return kError;
    }
    return kMatched;
}

// Reads a count option given as text: a whole number from 0 to max.
bool parse_count(const std::string& text, unsigned max, unsigned& value) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
    if (text.size() > 10) return false;
    const unsigned long long parsed = std::stoull(text);
    if (parsed > max) return false;
    value = static_cast<unsigned>(parsed);
    return true;
}

int run(int argc, char** argv) {
    std::vector<std::string> databases, query_words, shows;
    searcher::SearchRequest request;
    std::string format_name = "text", color_name = "auto", sort_name = "relevance", fields;
    std::string limit_text = std::to_string(request.limit), offset_text = "0";
    RemoteOptions remote;
    std::string timeout_text = std::to_string(remote.timeout.count() / 1000);
    bool any = false, count_only = false, nul = false, batch = false, explain = false;
    bool no_header = false, facets_only = false;
    po::options_description visible("Options");
    visible.add_options()("help,h", "show this help and exit")(
        "db,d", po::value(&databases),
        "database or Xapian stub file to search; repeat to search several as one "
        "(default: $NEWSINDEX_DB, else ~/.local/share/newsindex/db)")(
        "any", po::bool_switch(&any), "match articles with any of the words, not all")(
        "limit,n", po::value(&limit_text)->default_value(limit_text), "hits to show (0: all)")(
        "offset", po::value(&offset_text)->default_value(offset_text), "hits to skip first")(
        "sort", po::value(&sort_name)->default_value(sort_name), "relevance, newest or oldest")(
        "format,f", po::value(&format_name)->default_value(format_name),
        "text, json, jsonl, tsv, paths, ids or count (docs/output.md)")(
        "fields", po::value(&fields), "comma-separated hit fields for json, jsonl and tsv")(
        "null,0", po::bool_switch(&nul), "with --format paths or ids: end each with NUL")(
        "no-header", po::bool_switch(&no_header), "with --format tsv: leave out the header line")(
        "count,c", po::bool_switch(&count_only), "print only the number of matching articles")(
        "facet", po::value(&request.facets),
        ("count a facet over all matches; repeatable: " + facet_names()).c_str())(
        "facets-only", po::bool_switch(&facets_only),
        "print the --facet counts and no hits (tsv: the table facet, value, count, type)")(
        "show", po::value(&shows),
        "print the stored article with this path, URL or id, body and all (text, json); "
        "repeatable")("like", po::value(&request.like),
                      "find articles like this one (its path, URL or id)")(
        "collapse", po::bool_switch(&request.collapse),
        "fold copies of the same story into one hit")(
        "timeout", po::value(&timeout_text)->default_value(timeout_text),
        "seconds a remote shard may take to connect and to answer each request")(
        "partial", po::bool_switch(&remote.partial),
        "answer from the remote shards that answer; name the others on stderr (and in JSON "
        "\"missing_shards\")")(
        "batch", po::bool_switch(&batch),
        "read one query per line from stdin; one block of output per line, in the --format "
        "asked for (default json)")("explain", po::bool_switch(&explain),
                                    "show how the query was understood")(
        "color", po::value(&color_name)->default_value(color_name),
        "highlight text output with ANSI colours: auto (on a terminal), always, never");
    cli::ConfigChoice config;
    std::string completion_shell;
    visible.add_options()("config", po::value<std::string>(),
                          "read settings from this file instead of the default "
                          "($XDG_CONFIG_HOME/newsindex/config; docs/configuration.md)")(
        "no-config", po::bool_switch(), "read no settings file")(
        "help-query", "show the query language and exit")("version", "show the version and exit");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&query_words))(
        "completion", po::value(&completion_shell), "print a bash or zsh completion script");
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    const std::string program = program_name(argv[0]);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        // Help and version never depend on the settings file being readable.
        if (vm.count("help")) {
            std::cout << usage(program) << '\n' << cli::format_options(visible) << kExitStatusHelp;
            return kMatched;
        }
        if (vm.count("help-query")) {
            std::cout << query_language_page(program);
            return kMatched;
        }
        if (vm.count("version")) {
            std::cout << cli::version_text(program);
            return kMatched;
        }
        if (vm.count("completion")) return print_completion(vm, program, visible);
        if (vm.count("config")) config.explicit_file = vm["config"].as<std::string>();
        config.disabled = vm["no-config"].as<bool>();  // notify() has not run yet
        cli::load_config(config, "searcher", visible, vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "searcher: " << text::escaped_for_terminal(e.what())
                  << "\nTry 'searcher --help'.\n";
        return kError;
    } catch (const UsageError& e) {
        std::cerr << "searcher: " << text::escaped_for_terminal(e.what()) << "\n";
        return kError;
    }
    auto usage_error = [](const std::string& message) {
        std::cerr << "searcher: " << text::escaped_for_terminal(message)
                  << "\nTry 'searcher --help'.\n";
        return kError;
    };
    constexpr unsigned kMaxCount = 100'000'000;
    if (!parse_count(limit_text, kMaxCount, request.limit))
        return usage_error("--limit takes a whole number from 0 to 100000000, not '" + limit_text +
                           "'");
    if (!parse_count(offset_text, kMaxCount, request.offset))
        return usage_error("--offset takes a whole number from 0 to 100000000, not '" +
                           offset_text + "'");
    if (!parse_seconds(timeout_text, remote.timeout))
        return usage_error("--timeout takes a number of seconds above 0 and at most 86400, not '" +
                           timeout_text + "'");
    // Batch output defaults to JSON, one object per query.
    if (batch && vm["format"].defaulted() && !count_only) format_name = "json";
    searcher::OutputFormat format;
    if (!searcher::parse_output_format(format_name, format))
        return usage_error("unknown --format '" + format_name +
                           "' (use text, json, jsonl, tsv, paths, ids or count)");
    if (count_only) format = searcher::OutputFormat::Count;
    request.exact_count = format == searcher::OutputFormat::Count;
    searcher::PrintOptions print_options;
    print_options.nul_separated = nul;
    print_options.no_header = no_header;
    print_options.facets_only = facets_only;
    request.hits = !facets_only;
    if (facets_only && request.facets.empty()) return usage_error("--facets-only needs --facet");
    print_options.explain = explain;
    if (color_name == "always")
        print_options.color = true;
    else if (color_name == "auto")
        print_options.color = colour_wanted_automatically();
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
    request.snippets = searcher::shows_snippets(format, print_options) && request.hits;
    print_options.batch = batch;
    // Counts and script formats answer the query as typed; people and JSON (which says so in
    // "fell_back_to_any") may see any-word matches when nothing has all the words.
    request.fall_back_to_any =
        format == searcher::OutputFormat::Text || format == searcher::OutputFormat::Json;
    request.mode = any ? searcher::MatchMode::AnyWord : searcher::MatchMode::AllWords;
    for (const std::string& word : query_words)
        request.query += (request.query.empty() ? "" : " ") + word;
    if (batch && !request.query.empty())
        return usage_error("--batch reads queries from stdin; give none as arguments");
    if (!shows.empty() && (batch || !request.query.empty() || !request.like.empty()))
        return usage_error("--show takes no query, --like or --batch");
    if (!shows.empty() && !searcher::show_supports(format))
        return usage_error("--show prints text, json or jsonl only");
    if (!batch && request.query.empty() && request.like.empty() && shows.empty())
        return usage_error("no query given");
    if (databases.empty()) databases.push_back(default_database_path());

    try {
        searcher::Searcher searcher(databases, remote);
        auto printer = searcher::make_printer(format, std::cout, print_options);
        if (!shows.empty())
            return searcher::show_articles(searcher, shows, format, print_options, std::cout,
                                           std::cerr) == 0
                       ? kMatched
                       : kNoMatch;
        const bool notes = format == searcher::OutputFormat::Text;
        if (batch) {
            const int status = run_batch(searcher, request, *printer, notes);
            report_missing(searcher.missing_shards());
            return status;
        }
        const searcher::SearchResults results = searcher.search(request);
        printer->print(results);
        std::cout.flush();
        report_missing(results.missing_shards);
        if (notes) searcher::print_notes(results, std::cerr);
        // Any-word matches shown for want of all-word ones are not a match of the query.
        return results.matches_upper_bound > 0 && !results.fell_back_to_any ? kMatched : kNoMatch;
    } catch (const DatabaseError& e) {
        report(e.what());
        return kDatabaseError;
    } catch (const Error& e) {
        report(e.what());
        return kError;
    } catch (const std::exception& e) {
        // Nothing escapes main: an unexpected failure is reported, never an abort.
        report(std::string("unexpected error: ") + e.what());
        return kError;
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        // Nothing escapes main: whatever was not caught where it arose is reported here.
        std::cerr << "searcher: unexpected error: " << text::escaped_for_terminal(e.what()) << '\n';
        return kError;
    }
}
