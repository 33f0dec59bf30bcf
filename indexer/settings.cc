#include "settings.h"

#include <filesystem>

#include "database.h"
#include "errors.h"
#include "text/language.h"

namespace newsindex::indexer {

std::string recorded_language(const Xapian::Database& first_shard) {
    return first_shard.get_metadata(std::string(kLanguageSettingKey));
}

std::string language_option(std::string_view given) {
    std::string language = text::primary_language(given);
    if (language.empty())
        throw UsageError("--language '" + std::string(given) +
                         "' is not a language tag; give its code, such as de, fr or pt-BR");
    return language;
}

std::string language_for_run(const std::string& given, const std::string& recorded,
                             Xapian::doccount documents, const std::string& database) {
    if (given.empty() || given == recorded) return recorded;
    if (documents > 0)
        throw UsageError("database " + database + " was indexed with " +
                         (recorded.empty() ? std::string("no default language")
                                           : "the default language " + recorded) +
                         "; --language " + given +
                         " changes how its articles are analysed: add --rebuild to index them "
                         "all again with it");
    return given;
}

std::string language_for_database(const std::string& given, const std::string& database_path,
                                  bool rebuilding) {
    std::error_code error;
    if (!std::filesystem::exists(database_path, error))
        return language_for_run(given, "", 0, database_path);
    std::string recorded;
    Xapian::doccount documents = 0;
    try {
        const std::vector<std::string> shards = is_sharded(database_path)
                                                    ? shard_paths(database_path)
                                                    : std::vector<std::string>{database_path};
        // Xapian reads the metadata of several shards opened as one from the first.
        const Xapian::Database all = open_readable(shards);
        recorded = recorded_language(all);
        documents = all.get_doccount();
    } catch (const Xapian::Error&) {
        return given;
    } catch (const Error&) {
        return given;
    }
    return language_for_run(given, recorded, rebuilding ? 0 : documents, database_path);
}

}  // namespace newsindex::indexer
