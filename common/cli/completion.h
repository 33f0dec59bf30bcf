// Shell completion scripts, generated from a program's own option table so that they cannot
// drift from it (`newsindex-searcher --completion bash`). The build writes them for
// installation (CMakeLists.txt); docs/install.md says where they go.
#pragma once

#include <boost/program_options.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsindex::cli {

struct CompletionSpec {
    std::string command;  // the installed name completed, "newsindex-searcher"
    const boost::program_options::options_description* options = nullptr;  // not owned
    // Options whose value is one of a fixed list (--format: text json ...), by long name.
    std::map<std::string, std::vector<std::string>> choices;
    std::set<std::string> directory_options;  // long names taking a directory (--db)
    std::set<std::string> file_options;       // long names taking a file (--files-from)
    // What the words after the options are: paths (the indexer's inputs) or query words, for
    // which `word_prefixes` ("title:", "person:") are offered.
    bool operands_are_paths = true;
    std::vector<std::string> word_prefixes;
};

// A bash script defining a completion function and registering it for spec.command with
// `complete`. Values of options from `choices`, directories or files, option names after "-",
// then operands.
std::string bash_completion(const CompletionSpec& spec);

// A zsh completion function (#compdef spec.command) built on _arguments, with each option's
// description from --help.
std::string zsh_completion(const CompletionSpec& spec);

}  // namespace newsindex::cli
