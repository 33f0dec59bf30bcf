// What `--version` prints: the release, and the versions of what the program writes and reads
// that decide whether an existing database can be used (schema) and what it would hold
// (entity model).
#pragma once

#include <string>
#include <string_view>

namespace newsindex::cli {

// The release, from the project() version in CMakeLists.txt ("0.1.0").
std::string_view release();

// The lines --version prints for program ("newsindex-indexer"): its name and release, the
// database schema version, the entity model's format and a digest of the model file when it
// can be read, and the licence. Never throws for a missing model: it says so instead.
std::string version_text(std::string_view program);

// A short, stable digest of the entity model file ("model.bin format 1, 3f2a9c1e"), or a
// note that it could not be read. Cheap: one pass over a file of about a megabyte.
std::string entity_model_description();

}  // namespace newsindex::cli
