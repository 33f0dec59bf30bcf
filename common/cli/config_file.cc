#include "cli/config_file.h"

#include <cstdlib>
#include <fstream>
#include <set>

#include "errors.h"

namespace po = boost::program_options;

namespace newsindex::cli {

namespace {

// The sections a file may hold: one per program. Keys of the other program's section are
// passed over, so one file serves both.
const std::set<std::string> kSections = {"indexer", "searcher"};
// Keys allowed before any section, which every program reads.
const std::set<std::string> kSharedKeys = {"db"};
// Options that only make sense on a command line, the actions among them: a line in the file
// would turn every run into one (a `delete =` line would delete on every cron run).
const std::set<std::string> kCommandLineOnly = {
    "help",   "version", "config",  "no-config",   "completion", "help-query",
    "status", "inspect", "compact", "rebuild",     "delete",     "dry-run",
    "show",   "like",    "batch",   "drop-sources"};

std::string from_home(const std::string& value) {
    if (value.rfind("~/", 0) != 0) return value;
    const char* home = std::getenv("HOME");
    if (!home || !*home) return value;
    return std::string(home) + value.substr(1);
}

bool environment_sets(const std::string& key) {
    if (key != "db") return false;
    const char* db = std::getenv("NEWSINDEX_DB");
    return db && *db;
}

}  // namespace

std::string default_config_path() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::string(xdg) + "/newsindex/config";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.config/newsindex/config";
    return "";
}

std::string load_config(const ConfigChoice& choice, const std::string& program,
                        const po::options_description& options, po::variables_map& vm) {
    if (choice.disabled) return "";
    const std::string path = choice.explicit_file ? *choice.explicit_file : default_config_path();
    if (path.empty()) return "";
    std::ifstream in(path);
    if (!in) {
        // Only a file the user named must exist; the default one is optional.
        if (!choice.explicit_file) return "";
        throw UsageError("settings file " + path + ": cannot be read");
    }
    const auto fail = [&path](const std::string& problem) {
        return UsageError("settings file " + path + ": " + problem);
    };
    po::parsed_options raw(nullptr);
    try {
        // No options registered: every key comes back as "section.key" for checking here.
        raw = po::parse_config_file(in, po::options_description(), true);
    } catch (const po::error& e) {
        throw fail(e.what());
    }
    po::parsed_options accepted(&options);
    for (const po::option& entry : raw.options) {
        const std::string& full_key = entry.string_key;
        const auto dot = full_key.find('.');
        const std::string section = dot == std::string::npos ? "" : full_key.substr(0, dot);
        const std::string key = dot == std::string::npos ? full_key : full_key.substr(dot + 1);
        if (!section.empty() && !kSections.count(section))
            throw fail("unknown section [" + section + "] (use [indexer] or [searcher])");
        if (!section.empty() && section != program) continue;
        if (kCommandLineOnly.count(key))
            throw fail("'" + key + "' can only be given on the command line");
        if (section.empty() && !kSharedKeys.count(key))
            throw fail("'" + key + "' belongs in the [indexer] or [searcher] section");
        if (!options.find_nothrow(key, false))
            throw fail("unknown key '" + key + "' in [" + program + "] (see " + program +
                       " --help)");
        if (environment_sets(key)) continue;
        std::vector<std::string> values;
        for (const std::string& value : entry.value) values.push_back(from_home(value));
        accepted.options.emplace_back(key, values);
    }
    try {
        po::store(accepted, vm);
    } catch (const po::error& e) {
        throw fail(e.what());
    }
    return path;
}

}  // namespace newsindex::cli
