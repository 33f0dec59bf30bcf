#include "sources.h"

#include <unistd.h>

#include <ctime>

#include "schema.h"

namespace newsindex::indexer {

namespace {

// Xapian's limit on a metadata key, less a margin: as schema::file_key cuts.
constexpr std::size_t kMaxKeyBytes = 240;
constexpr std::size_t kKeptNameBytes = 180;

// path equals root or lies under it; both absolute and lexically normal.
bool is_within(const std::string& path, const std::string& root) {
    if (root == "/") return !path.empty() && path[0] == '/';
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            path[root.size()] == '/');
}

bool within_any(const std::string& path, const std::vector<std::string>& roots) {
    for (const std::string& root : roots) {
        if (is_within(path, root)) return true;
    }
    return false;
}

// Calls on_key(name, value) for each metadata key under prefix; name may have been cut
// (source_key()), the values hold what is needed whole.
template <typename OnKey>
void for_each_key(const Xapian::Database& db, std::string_view prefix, OnKey on_key) {
    const std::string start(prefix);
    for (auto it = db.metadata_keys_begin(start); it != db.metadata_keys_end(start); ++it) {
        const std::string key = *it;
        on_key(key.substr(prefix.size()), db.get_metadata(key));
    }
}

}  // namespace

std::string source_key(std::string_view prefix, std::string_view name) {
    std::string key(prefix);
    if (key.size() + name.size() <= kMaxKeyBytes) return key.append(name);
    return key.append(name.substr(0, kKeptNameBytes))
        .append("#")
        .append(schema::content_hash(name));
}

RecordedSources read_sources(const Xapian::Database& first_shard, Xapian::doccount documents) {
    RecordedSources recorded;
    bool any = false;
    // The values hold the whole paths: a key may have been cut.
    for_each_key(first_shard, kSourceDirPrefix, [&](const std::string&, const std::string& value) {
        recorded.directories.push_back(value);
        any = true;
    });
    for_each_key(first_shard, kSourceFilePrefix, [&](const std::string&, const std::string& value) {
        const std::size_t nul = value.find('\0');
        RecordedFile file{value.substr(0, nul), ""};
        if (nul != std::string::npos) file.list = value.substr(nul + 1);
        recorded.files.push_back(std::move(file));
        any = true;
    });
    for_each_key(first_shard, kSourceListPrefix, [&](const std::string&, const std::string& value) {
        recorded.lists.push_back(value);
        any = true;
    });
    for_each_key(first_shard, kSourceStdinPrefix, [&](const std::string& name, const std::string&) {
        recorded.stdin_streams.push_back(name);
        any = true;
    });
    for_each_key(first_shard, kStdinDocumentPrefix,
                 [&](const std::string&, const std::string&) { ++recorded.stdin_documents; });
    if (any || documents == 0) return recorded;
    // Made before sources were recorded: the files it remembers are all that is known, and
    // a rebuild must not drop them unasked.
    recorded.known = false;
    for_each_key(first_shard, schema::kFileKeyPrefix,
                 [&](const std::string&, const std::string& value) {
                     schema::FileState state;
                     if (schema::decode_file_state(value, state))
                         recorded.files.push_back({state.path, ""});
                 });
    return recorded;
}

std::vector<std::string> sources_not_covered(const RecordedSources& recorded,
                                             const std::vector<std::string>& inputs,
                                             const std::string& files_from) {
    std::vector<std::string> roots;
    for (const std::string& input : inputs) {
        if (input != "-") roots.push_back(input);
    }
    std::vector<std::string> dropped;
    for (const std::string& directory : recorded.directories) {
        if (!within_any(directory, roots)) dropped.push_back(directory);
    }
    for (const RecordedFile& file : recorded.files) {
        if (within_any(file.path, roots)) continue;
        if (!file.list.empty() && file.list == files_from) continue;
        // A file inside a dropped directory is named by the directory.
        if (recorded.known && within_any(file.path, recorded.directories)) continue;
        dropped.push_back(file.path);
    }
    return dropped;
}

std::vector<std::string> inputs_of(const RecordedSources& recorded) {
    std::vector<std::string> inputs = recorded.directories;
    for (const RecordedFile& file : recorded.files) {
        if (!within_any(file.path, recorded.directories)) inputs.push_back(file.path);
    }
    return inputs;
}

std::string new_stream_stamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text) + "-" + std::to_string(::getpid());
}

}  // namespace newsindex::indexer
