// Finding article files under the paths a user names. Streams: a directory's entries are
// visited in name order as they are found, and no list of the whole tree is kept.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace newsindex::indexer {

// True for names a scan passes over inside directories: hidden files and folders
// (".name"), editor backups and swap files ("name~", "#name#", ".name.swp").
bool is_skipped_name(const std::string& name);

// True for files a scan indexes inside directories: plain-text exports ("*.txt").
// Files named on the command line are read whatever their name.
bool is_article_file_name(const std::string& name);

// Calls on_file for each file to index under roots: a root that is a file is visited as it is;
// a directory is walked recursively, without following symbolic links to directories.
// Calls on_error with the path and the problem for each root that does not exist and each
// directory that cannot be read, and goes on. Exceptions from the callbacks propagate.
void scan_inputs(
    const std::vector<std::string>& roots,
    const std::function<void(const std::filesystem::path&)>& on_file,
    const std::function<void(const std::string& path, const std::string& problem)>& on_error);

}  // namespace newsindex::indexer
