// The four types of named entity the index knows, shared by the recogniser
// (common/entities), the Article value, the on-disk schema and the collection-wide resolver
// (indexer/entity_aliases). Their names are part of the query syntax (person:, org:, ...) and
// of every output format; their one-letter codes are part of the database (schema.h).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace newsindex {

enum class EntityType : unsigned char { Person, Org, Place, Other };

// Every type, in the order of the enum (the order facets and tables list them in).
inline constexpr std::array<EntityType, 4> kEntityTypes = {EntityType::Person, EntityType::Org,
                                                           EntityType::Place, EntityType::Other};

// "person", "org", "place" or "other". Never null.
const char* entity_type_name(EntityType type);

// The type named `name` (exactly one of the names above), or nullopt.
std::optional<EntityType> entity_type_from_name(std::string_view name);

}  // namespace newsindex
