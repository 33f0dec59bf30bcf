// The settings file (common/cli/config_file.h): what it sets, what the command line and the
// environment keep, and the mistakes it names.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/config_file.h"
#include "errors.h"
#include "test_support.h"

namespace po = boost::program_options;
using namespace newsindex;

namespace {

struct Settings {
    std::string db;
    unsigned limit = 10;
    bool collapse = false;
    std::vector<std::string> facets;
};

// Parses `command_line` (words) and the settings `file_text` as the searcher would, and
// returns what the options hold. The file lies in a directory of its own: ctest runs the test
// cases of this file as processes side by side, and a shared path let one case read the text
// another had just written.
Settings parse(const std::vector<std::string>& command_line, const std::string& file_text) {
    const TempDir dir;
    const auto file = dir.path() / "newsindex-test-config.ini";
    std::ofstream(file) << file_text;
    Settings settings;
    po::options_description options;
    options.add_options()("db", po::value(&settings.db))(
        "limit", po::value(&settings.limit)->default_value(10))(
        "collapse", po::bool_switch(&settings.collapse))("facet", po::value(&settings.facets))(
        "help", "help");
    std::vector<const char*> argv = {"searcher"};
    for (const std::string& word : command_line) argv.push_back(word.c_str());
    po::variables_map vm;
    po::store(po::parse_command_line(static_cast<int>(argv.size()), argv.data(), options), vm);
    cli::ConfigChoice choice;
    choice.explicit_file = file.string();
    cli::load_config(choice, "searcher", options, vm);
    po::notify(vm);
    return settings;
}

}  // namespace

TEST_CASE("the settings file sets defaults that the command line overrides", "[config]") {
    ::unsetenv("NEWSINDEX_DB");
    ::setenv("HOME", "/home/reader", 1);
    const std::string file =
        "db = ~/news.db\n[searcher]\nlimit = 3\ncollapse = true\nfacet = person\nfacet = org\n"
        "[indexer]\nsource = /srv/archive\nlock-timeout = 5\n";
    SECTION("the file alone") {
        const Settings s = parse({}, file);
        CHECK(s.db == "/home/reader/news.db");
        CHECK(s.limit == 3);
        CHECK(s.collapse);
        CHECK(s.facets == std::vector<std::string>{"person", "org"});
    }
    SECTION("the command line wins, lists included") {
        const Settings s = parse({"--limit", "7", "--db", "other.db", "--facet", "place"}, file);
        CHECK(s.db == "other.db");
        CHECK(s.limit == 7);
        CHECK(s.facets == std::vector<std::string>{"place"});
    }
    SECTION("the environment beats the file's db") {
        ::setenv("NEWSINDEX_DB", "/env/news.db", 1);
        const Settings s = parse({}, file);
        ::unsetenv("NEWSINDEX_DB");
        CHECK(s.db.empty());  // left for default_database_path(), which reads the environment
        CHECK(s.limit == 3);
    }
}

TEST_CASE("mistakes in the settings file are named", "[config]") {
    const auto [text, message] = GENERATE(table<std::string, std::string>({
        {"[searcher]\nlmit = 3\n", "unknown key 'lmit' in [searcher]"},
        {"limit = 3\n", "'limit' belongs in the [indexer] or [searcher] section"},
        {"[serch]\nlimit = 3\n", "unknown section [serch]"},
        {"[searcher]\nhelp = true\n", "'help' can only be given on the command line"},
        {"[searcher]\nshow = x\n", "'show' can only be given on the command line"},
        {"[searcher]\nlimit = many\n", "settings file"},
        {"[searcher]\njust some words\n", "settings file"},
    }));
    CAPTURE(text);
    try {
        parse({}, text);
        FAIL("no error for " << text);
    } catch (const UsageError& e) {
        CHECK_THAT(e.what(), Catch::Contains(message));
        CHECK_THAT(e.what(), Catch::Contains("newsindex-test-config.ini"));
    }
}

TEST_CASE("a missing default file is no error, a missing named one is", "[config]") {
    po::options_description options;
    options.add_options()("limit", po::value<unsigned>());
    po::variables_map vm;
    ::setenv("XDG_CONFIG_HOME", "/nonexistent-newsindex-test", 1);
    CHECK(cli::load_config({}, "searcher", options, vm).empty());
    cli::ConfigChoice named;
    named.explicit_file = "/nonexistent-newsindex-test/config";
    CHECK_THROWS_AS(cli::load_config(named, "searcher", options, vm), UsageError);
    cli::ConfigChoice disabled;
    disabled.explicit_file = "/nonexistent-newsindex-test/config";
    disabled.disabled = true;
    CHECK(cli::load_config(disabled, "searcher", options, vm).empty());
    ::unsetenv("XDG_CONFIG_HOME");
}
