#include "cli/version.h"

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <fstream>

#include "entities/gazetteer.h"
#include "entities/model.h"
#include "schema.h"

namespace newsindex::cli {

std::string_view release() {
    return NEWSINDEX_RELEASE;
}

std::string entity_model_description() {
    const auto file = entities::entity_data_dir() / "model.bin";
    std::ifstream in(file, std::ios::binary);
    if (!in) return "not found at " + file.string();
    // FNV-1a over the whole file: enough to tell two models apart in a bug report.
    std::uint32_t digest = 2166136261u;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            digest ^= static_cast<unsigned char>(buffer[i]);
            digest *= 16777619u;
        }
    }
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08" PRIx32, digest);
    return "model.bin format " + std::to_string(entities::Model::kVersion) + ", digest " + hex;
}

std::string version_text(std::string_view program) {
    std::string text = std::string(program) + " (newsindex) " + std::string(release()) + "\n";
    text += "database schema version " + std::to_string(schema::kSchemaVersion) + "\n";
    text += "entity model: " + entity_model_description() + "\n";
    text += "Licence: MIT\n";
    return text;
}

}  // namespace newsindex::cli
