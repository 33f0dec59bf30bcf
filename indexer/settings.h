// Settings a database keeps for every run that writes it, in the first shard's metadata
// (docs/schema.md, "Metadata keys"): today the default language (indexer --language), the
// language of articles whose source declares none and whose text the detector cannot tell.
// A setting changes what the index holds, so it is fixed when the database is made or
// rebuilt, never by an ordinary run. Pure functions over a database handle.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsindex::indexer {

// Key of the default language; value: a primary language subtag ("de").
inline constexpr std::string_view kLanguageSettingKey = "setting:language";

// The default language the database records, "" when none. Throws Xapian::Error.
std::string recorded_language(const Xapian::Database& first_shard);

// The value of --language as the index keeps it: its primary subtag ("de-AT" and "deu" give
// "de"). Throws UsageError naming the value when it is no language tag ("german").
std::string language_option(std::string_view given);

// The default language of a run: given (language_option's; "" when --language was not
// given), else recorded. Throws UsageError when given differs from recorded and the database
// holds documents, which were analysed by the old default: changing it needs --rebuild (whose
// new database is empty). database names the database in that message.
std::string language_for_run(const std::string& given, const std::string& recorded,
                             Xapian::doccount documents, const std::string& database);

// language_for_run() for the database at database_path (one or sharded; missing: empty),
// read without its lock before a run takes it, so that a refused run writes nothing; for a
// rebuild (which starts from an empty database), given if any, else the recorded one. A
// database that cannot be read here yields given: the run's own opening reports it. Throws
// UsageError as language_for_run().
std::string language_for_database(const std::string& given, const std::string& database_path,
                                  bool rebuilding = false);

}  // namespace newsindex::indexer
