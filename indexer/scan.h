// Finding article files under the paths a user names. Streams: a directory's entries are
// visited in name order as they are found, and no list of the whole tree is kept.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace newsindex::indexer {

// True for names a scan passes over inside directories: hidden files and folders
// (".name"), editor backups and swap files ("name~", "#name#", "name.swp", "name.bak").
bool is_skipped_name(const std::string& name);

// True for files a scan indexes inside directories: the extensions of the formats the
// readers know (docs/formats.md), optionally followed by ".gz", except README and LICENSE
// files. Files named on the command line are read whatever their name.
bool is_article_file_name(const std::string& name);

struct ScanOptions {
    // Follow symbolic links inside directories (a link named as a root is always followed).
    // A link back to a directory being walked is reported as a loop and not entered.
    bool follow_symlinks = false;
};

struct ScanCallbacks {
    // A file to index; named_root is true for a file named as a root.
    std::function<void(const std::filesystem::path& file, bool named_root)> on_file;
    // A root that does not exist, a directory that cannot be read, a symlink loop.
    std::function<void(const std::string& path, const std::string& problem)> on_error;
};

// Calls the callbacks for each root in order: a root that is a file is visited as it is; a
// directory is walked recursively. Paths passed on are absolute and lexically normal.
// Exceptions from the callbacks propagate and end the scan.
void scan_inputs(const std::vector<std::string>& roots, const ScanOptions& options,
                 const ScanCallbacks& callbacks);

}  // namespace newsindex::indexer
