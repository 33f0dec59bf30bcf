#include "stemmer.h"

#include <string>
#include <unordered_map>

#include "schema.h"

namespace newsindex {

namespace {

class RememberingStemmer : public Xapian::StemImplementation {
  public:
    RememberingStemmer() : stem_(std::string(schema::kStemLanguage)) {}

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

Xapian::Stem remembering_stemmer() {
    return Xapian::Stem(new RememberingStemmer());
}

}  // namespace newsindex
