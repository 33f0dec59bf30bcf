#include "stemmer.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "schema.h"

namespace newsindex {

namespace {

// ISO 639-1 codes (and the Norwegian variants) of the stemmers Xapian 1.4 ships, by its
// names. English is the default; "earlyenglish", "lovins", "porter", "german2" and
// "kraaij_pohlmann" are alternatives for languages listed here, never chosen by language.
struct LanguageStemmer {
    std::string_view code;
    std::string_view stemmer;
};
constexpr LanguageStemmer kStemmers[] = {
    {"ar", "arabic"},     {"ca", "catalan"},  {"da", "danish"},     {"de", "german"},
    {"en", "english"},    {"es", "spanish"},  {"eu", "basque"},     {"fi", "finnish"},
    {"fr", "french"},     {"ga", "irish"},    {"hu", "hungarian"},  {"hy", "armenian"},
    {"id", "indonesian"}, {"it", "italian"},  {"lt", "lithuanian"}, {"nb", "norwegian"},
    {"ne", "nepali"},     {"nl", "dutch"},    {"nn", "norwegian"},  {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},    {"sv", "swedish"},
    {"ta", "tamil"},      {"tr", "turkish"},
};

class RememberingStemmer : public Xapian::StemImplementation {
  public:
    explicit RememberingStemmer(const std::string& language) : stem_(language) {}

    std::string operator()(const std::string& word) override {
        if (auto known = stems_.find(word); known != stems_.end()) return known->second;
        if (stems_.size() >= kMaxRememberedStems) stems_.clear();
        std::string stemmed = stem_(word);
        stems_.emplace(word, stemmed);
        return stemmed;
    }

    std::string get_description() const override {
        return "remembering " + stem_.get_description();
    }

  private:
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

std::string stemmer_language(std::string_view primary_language) {
    for (const LanguageStemmer& entry : kStemmers) {
        if (entry.code == primary_language) return std::string(entry.stemmer);
    }
    return std::string(schema::kStemLanguage);
}

const std::vector<std::string>& languages_with_own_stemmer() {
    static const std::vector<std::string> languages = [] {
        std::vector<std::string> codes;
        for (const LanguageStemmer& entry : kStemmers) {
            if (entry.stemmer != schema::kStemLanguage) codes.emplace_back(entry.code);
        }
        std::sort(codes.begin(), codes.end());
        return codes;
    }();
    return languages;
}

Xapian::Stem remembering_stemmer(std::string_view primary_language) {
    return Xapian::Stem(new RememberingStemmer(stemmer_language(primary_language)));
}

}  // namespace newsindex
