#include "entity_type.h"

namespace newsindex {

const char* entity_type_name(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "person";
        case EntityType::Org:
            return "org";
        case EntityType::Place:
            return "place";
        case EntityType::Other:
            return "other";
    }
    return "other";
}

std::optional<EntityType> entity_type_from_name(std::string_view name) {
    for (EntityType type : kEntityTypes)
        if (name == entity_type_name(type)) return type;
    return std::nullopt;
}

}  // namespace newsindex
