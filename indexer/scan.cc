#include "scan.h"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

#include "text/strings.h"

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct DirectoryIdentity {
    dev_t device;
    ino_t inode;
    bool operator==(const DirectoryIdentity& other) const {
        return device == other.device && inode == other.inode;
    }
};

class Walker {
  public:
    Walker(const ScanOptions& options, const ScanCallbacks& callbacks)
        : options_(options), callbacks_(callbacks) {}

    void walk(const fs::path& directory) {
        struct stat info;
        if (::stat(directory.c_str(), &info) != 0) {
            callbacks_.on_error(directory.string(), "cannot read directory");
            return;
        }
        const DirectoryIdentity identity{info.st_dev, info.st_ino};
        // Only the directories above this one can make a loop; a directory reached twice by
        // different links elsewhere is walked twice, and its files deduplicated by the index.
        if (std::find(ancestors_.begin(), ancestors_.end(), identity) != ancestors_.end()) {
            callbacks_.on_error(directory.string(), "symbolic link loop; not entered again");
            return;
        }
        std::error_code error;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(directory, error), end; !error && it != end;
             it.increment(error)) {
            entries.push_back(*it);
        }
        if (error) {
            callbacks_.on_error(directory.string(), "cannot read directory: " + error.message());
            return;
        }
        std::sort(entries.begin(), entries.end(),
                  [](const fs::directory_entry& a, const fs::directory_entry& b) {
                      return a.path() < b.path();
                  });
        ancestors_.push_back(identity);
        for (const fs::directory_entry& entry : entries) visit(entry);
        ancestors_.pop_back();
    }

  private:
    static bool is_xapian_database(const fs::path& directory) {
        std::error_code error;
        for (const char* marker : {"iamglass", "iamchert", "iamhoney", "XAPIANDB"})
            if (fs::exists(directory / marker, error)) return true;
        return false;
    }

    void visit(const fs::directory_entry& entry) {
        const std::string name = entry.path().filename().string();
        if (is_skipped_name(name)) return;
        std::error_code error;
        if (entry.is_symlink(error) && !options_.follow_symlinks) return;
        // is_directory/is_regular_file follow links; a broken link is neither.
        if (entry.is_directory(error)) {
            // A Xapian database holds no articles, and one being written (this run's own, or
            // the parts of a build in parts) changes its files under the scan.
            if (is_xapian_database(entry.path())) return;
            walk(entry.path());
        } else if (entry.is_regular_file(error)) {
            switch (classify_file_name(name)) {
                case NameKind::Article:
                    callbacks_.on_file(entry.path(), Found::ByName);
                    break;
                case NameKind::ByContent:
                    callbacks_.on_file(entry.path(), Found::ByContent);
                    break;
                case NameKind::Other:
                    if (callbacks_.on_unknown) callbacks_.on_unknown(entry.path());
                    break;
                case NameKind::Ignored:
                    break;
            }
        } else if (entry.is_symlink(error)) {
            const NameKind kind = classify_file_name(name);
            if (kind == NameKind::Article || kind == NameKind::ByContent)
                callbacks_.on_error(entry.path().string(), "broken symbolic link");
        }
    }

    const ScanOptions& options_;
    const ScanCallbacks& callbacks_;
    std::vector<DirectoryIdentity> ancestors_;
};

}  // namespace

bool is_skipped_name(const std::string& name) {
    return name.empty() || name[0] == '.' || name.back() == '~' ||
           (name.size() > 1 && name.front() == '#' && name.back() == '#') ||
           ends_with(name, ".swp") || ends_with(name, ".bak");
}

NameKind classify_file_name(const std::string& name) {
    // README and LICENSE files describe an archive; they are not part of it.
    const std::string lower = text::ascii_lower(name);
    if (lower.rfind("readme", 0) == 0 || lower.rfind("license", 0) == 0) return NameKind::Ignored;
    std::string stem = lower;
    if (ends_with(stem, ".gz")) stem.resize(stem.size() - 3);
    static const char* const kExtensions[] = {".txt", ".text",  ".md",   ".markdown", ".html",
                                              ".htm", ".xhtml", ".json", ".jsonl",    ".ndjson",
                                              ".eml", ".mbox",  ".mail", ".news"};
    for (const char* extension : kExtensions) {
        if (ends_with(stem, extension)) return NameKind::Article;
    }
    // Maildir: "TIME.UNIQUE.HOST" in new/, with ":2,FLAGS" added in cur/. The host part would
    // otherwise pass for an extension.
    if (stem.find(":2,") != std::string::npos) return NameKind::ByContent;
    const std::size_t digits = stem.find_first_not_of("0123456789");
    if (digits != std::string::npos && digits >= 9 && stem[digits] == '.')
        return NameKind::ByContent;
    // No extension: the name tells nothing, the content will. A leading dot is not one
    // (hidden files are passed over before this).
    const std::size_t dot = stem.rfind('.');
    return dot == std::string::npos || dot == 0 ? NameKind::ByContent : NameKind::Other;
}

void scan_inputs(const std::vector<std::string>& roots, const ScanOptions& options,
                 const ScanCallbacks& callbacks) {
    for (const std::string& root : roots) {
        const fs::path absolute = fs::absolute(root).lexically_normal();
        std::error_code error;
        const fs::file_status status = fs::status(absolute, error);
        if (!fs::exists(status)) {
            fs::file_status link = fs::symlink_status(absolute, error);
            callbacks.on_error(
                root, fs::is_symlink(link) ? "broken symbolic link" : "no such file or directory");
        } else if (fs::is_directory(status)) {
            Walker(options, callbacks).walk(absolute);
        } else {
            callbacks.on_file(absolute, Found::Named);
        }
    }
}

}  // namespace newsindex::indexer
