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

// What a scan makes of a file inside a directory, by its name alone.
enum class NameKind {
    Article,    // an extension of a format the readers know (docs/formats.md), optionally
                // followed by ".gz": read as an article
    ByContent,  // no extension ("59497", "article-12"), or a Maildir message name
                // ("1700000000.M1P2.host" in new/, "...:2,S" in cur/): read when its first
                // bytes look like text (formats/reader.h, looks_like_text_file)
    Other,      // any other extension (images, PDFs, archives): passed over as unknown
    Ignored,    // README and LICENSE files, which describe an archive: passed over silently
};
NameKind classify_file_name(const std::string& name);

// How the scan found a file it passes on.
enum class Found {
    Named,      // named as a root (on the command line or in a --files-from list)
    ByName,     // in a directory, NameKind::Article
    ByContent,  // in a directory, NameKind::ByContent: to be read only if it is text
};

struct ScanOptions {
    // Follow symbolic links inside directories (a link named as a root is always followed).
    // A link back to a directory being walked is reported as a loop and not entered.
    bool follow_symlinks = false;
};

struct ScanCallbacks {
    // A file to index.
    std::function<void(const std::filesystem::path& file, Found how)> on_file;
    // A regular file in a directory passed over for its name (NameKind::Other); may be empty.
    std::function<void(const std::filesystem::path& file)> on_unknown;
    // A root that does not exist, a directory that cannot be read, a symlink loop.
    std::function<void(const std::string& path, const std::string& problem)> on_error;
};

// Calls the callbacks for each root in order: a root that is a file is visited as it is; a
// directory is walked recursively. Paths passed on are absolute and lexically normal.
// Exceptions from the callbacks propagate and end the scan.
void scan_inputs(const std::vector<std::string>& roots, const ScanOptions& options,
                 const ScanCallbacks& callbacks);

}  // namespace newsindex::indexer
