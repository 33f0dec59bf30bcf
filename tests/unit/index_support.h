// Helpers for tests that index through the real indexer run and look at the database it wrote.
#pragma once

#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "index_run.h"
#include "schema.h"

// Indexes inputs into db with jobs threads; any problem fails the test.
inline newsindex::indexer::IndexSummary index_quietly(const std::string& db,
                                                      std::vector<std::string> inputs,
                                                      unsigned jobs) {
    newsindex::indexer::IndexOptions options;
    options.database_path = db;
    options.inputs = std::move(inputs);
    options.jobs = jobs;
    newsindex::indexer::RunCallbacks callbacks;
    callbacks.messages.problem = [](const std::string& m) { FAIL("unexpected problem: " << m); };
    callbacks.messages.note = [](const std::string&) {};
    return newsindex::indexer::run_index(options, callbacks);
}

// The documents holding exact term prefix + name.
inline Xapian::doccount holding(const std::string& db, std::string_view prefix,
                                const std::string& name) {
    return Xapian::Database(db).get_termfreq(newsindex::schema::boolean_term(prefix, name));
}
