// The settings file: every long option of a program can be given a default there, read with
// Boost.Program_options' config-file parser. docs/configuration.md describes it for users.
//
//   # top level: keys both programs share (only db)
//   db = ~/news.db
//   [indexer]
//   source = ~/archive            (paths indexed when the command line names none)
//   lock-timeout = 120
//   [searcher]
//   limit = 20
//
// Precedence: the command line, then the environment (NEWSINDEX_DB), then the file, then the
// built-in defaults. Boost keeps the first value stored for an option, so callers store the
// command line first and the file last.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>

namespace newsindex::cli {

// Which settings file to read: --config FILE, else none with --no-config, else the default.
struct ConfigChoice {
    std::optional<std::string> explicit_file;  // --config FILE
    bool disabled = false;                     // --no-config
};

// The default settings file: $XDG_CONFIG_HOME/newsindex/config, else
// $HOME/.config/newsindex/config; empty when neither variable is set.
std::string default_config_path();

// Reads the settings for `program` ("indexer" or "searcher": the section name) and stores
// them into vm as defaults under what is already stored there. Keys are the long names of
// `options`; values starting with "~/" are taken from $HOME. A key the environment has
// already set (`db` with NEWSINDEX_DB) is passed over.
// Returns the file read, or an empty string when none was (--no-config, or the default file
// does not exist).
// Throws UsageError naming the file (and key) when --config names a file that cannot be read,
// when a line cannot be parsed, when a key is unknown in its section or given at the top level
// although it belongs to one program, and when a value is invalid for its option.
std::string load_config(const ConfigChoice& choice, const std::string& program,
                        const boost::program_options::options_description& options,
                        boost::program_options::variables_map& vm);

}  // namespace newsindex::cli
