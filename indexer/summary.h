// The run summary as JSON (`indexer --summary json`, docs/indexer.md "Summary"), and the
// record of the last run that changed a database (metadata key kLastRunKey, docs/schema.md),
// which `indexer --status` shows. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "index_run.h"

namespace newsindex::indexer {

// Metadata key of the last run that changed the database; its value is summary_json() of
// that run with a "finished" time. Written with the run's last commit, so a run that changes
// nothing (the usual cron run) writes nothing.
inline constexpr std::string_view kLastRunKey = "run:last";

// One line of JSON (no newline): summary_version 1, the database, the counts, seconds,
// dry_run and stopped_by_signal.
std::string summary_json(const IndexSummary& summary, const IndexOptions& options);

// The summary of a run that stopped on an error before it could count (a locked or
// unwritable database): summary_version, database, dry_run and "error" (the message),
// "exit_status" (what the indexer exits with).
std::string failed_summary_json(const IndexOptions& options, const std::string& error,
                                int exit_status);

// summary_json() with "finished": the UTC time now (ISO 8601, seconds), for kLastRunKey.
std::string last_run_record(const IndexSummary& summary, const IndexOptions& options);

}  // namespace newsindex::indexer
