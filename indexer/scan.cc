#include "scan.h"

#include <algorithm>
#include <system_error>

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

using FileCallback = std::function<void(const fs::path&)>;
using ErrorCallback = std::function<void(const std::string&, const std::string&)>;

void walk_directory(const fs::path& directory, const FileCallback& on_file,
                    const ErrorCallback& on_error) {
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        entries.push_back(*it);
    }
    if (error) {
        on_error(directory.string(), "cannot read directory: " + error.message());
        return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                  return a.path() < b.path();
              });
    for (const fs::directory_entry& entry : entries) {
        const std::string name = entry.path().filename().string();
        if (is_skipped_name(name)) continue;
        std::error_code status_error;
        if (entry.is_symlink(status_error)) continue;  // followed only when named as a root
        if (entry.is_directory(status_error)) {
            walk_directory(entry.path(), on_file, on_error);
        } else if (entry.is_regular_file(status_error) && is_article_file_name(name)) {
            on_file(entry.path());
        }
    }
}

}  // namespace

bool is_skipped_name(const std::string& name) {
    return name.empty() || name[0] == '.' || name.back() == '~' ||
           (name.size() > 1 && name.front() == '#' && name.back() == '#') ||
           ends_with(name, ".swp");
}

bool is_article_file_name(const std::string& name) {
    return ends_with(name, ".txt");
}

void scan_inputs(const std::vector<std::string>& roots, const FileCallback& on_file,
                 const ErrorCallback& on_error) {
    for (const std::string& root : roots) {
        std::error_code error;
        fs::file_status status = fs::status(root, error);
        if (error || !fs::exists(status)) {
            on_error(root, "no such file or directory");
        } else if (fs::is_directory(status)) {
            walk_directory(fs::absolute(root).lexically_normal(), on_file, on_error);
        } else {
            on_file(fs::absolute(root).lexically_normal());
        }
    }
}

}  // namespace newsindex::indexer
