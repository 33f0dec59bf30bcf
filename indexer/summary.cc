#include "summary.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>

namespace newsindex::indexer {

namespace {

using Json = nlohmann::ordered_json;

Json head(const IndexOptions& options) {
    Json json;
    json["summary_version"] = 1;
    json["database"] = options.database_path;
    return json;
}

// JSON text that never throws on bytes that are not UTF-8 (a path can hold any): they are
// replaced, as the other JSON output does.
std::string dumped(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json counted(const IndexSummary& s, const IndexOptions& options) {
    Json json = head(options);
    const auto& c = s.counts;
    json["files"] = s.files;
    json["added"] = c.added;
    json["updated"] = c.updated;
    json["unchanged"] = c.unchanged;
    json["deleted"] = c.deleted;
    json["duplicates"] = c.duplicates;
    json["failed"] = c.failed;
    json["unknown"] = c.unknown;
    json["still_failing"] = c.still_failing;
    // Rounded as the printf("%.3f") this replaces did, so the summary reads the same.
    json["seconds"] = std::round(s.seconds * 1000) / 1000;
    json["files_per_second"] = std::round((s.seconds > 0 ? s.files / s.seconds : 0.0) * 10) / 10;
    json["dry_run"] = options.dry_run;
    json["stopped_by_signal"] = s.stopped_by_signal;
    return json;
}

}  // namespace

std::string summary_json(const IndexSummary& summary, const IndexOptions& options) {
    return dumped(counted(summary, options));
}

std::string failed_summary_json(const IndexOptions& options, const std::string& error,
                                int exit_status) {
    Json json = head(options);
    json["dry_run"] = options.dry_run;
    json["error"] = error;
    json["exit_status"] = exit_status;
    return dumped(json);
}

std::string last_run_record(const IndexSummary& summary, const IndexOptions& options) {
    Json json = counted(summary, options);
    json.erase("database");  // the record is in it (and a rebuild writes it under another name)
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    json["finished"] = stamp;
    return dumped(json);
}

}  // namespace newsindex::indexer
