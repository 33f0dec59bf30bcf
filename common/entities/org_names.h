// Short forms of organisation names within one article: "GM" and "General Motors Corp",
// "Moody" (of "Moody's") and "Moody's Investors Service Inc", "S/P" and "Standard and Poor's
// Corp", "Standard and Poor" and "Standard and Poor's Corp". News names a company in full
// once, then shortly; these say which full name a short form stands for, so that the article
// holds one entity. Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "entities/gazetteer.h"

namespace newsindex::entities {

// The words of an organisation's name without its final company forms (company_forms.txt)
// and with a possessive "'s" taken off each word: "Moody's Investors Service Inc" gives
// Moody, Investors, Service.
std::vector<std::string> org_core_words(const std::string& name, const Gazetteer& gazetteer);

// The first letters of the core words that are capitalised: "General Motors" gives "GM",
// "Standard and Poor's" gives "SP".
std::string org_initials(const std::vector<std::string>& core);

// The capitals of a name written as an acronym, whatever stands between them: "S/P", "S&P",
// "S and P" and "SP" all give "SP", "U.S." gives "US". Empty when the name is not an
// acronym (a word of two or more letters with a lower-case one, or fewer than two capitals).
std::string acronym_letters(const std::string& name);

// The one name among `longer` (the article's organisation names) that `short_name` stands
// for: one with the same core words but written longer ("Standard and Poor" for "Standard
// and Poor's Corp"); one whose first word is short_name's only one with a possessive
// ("Moody" of "Moody's Investors Service Inc"; "BBC" is not "BBC Sport"), unless that word is
// a generic organisation or place word; or one whose initials spell short_name as an acronym
// ("GM"). Returns "" when none or several do.
std::string org_expansion(const std::string& short_name, const std::vector<std::string>& longer,
                          const Gazetteer& gazetteer);

// org_expansion() over one article's names, with their core words and initials worked out
// once. `gazetteer` must outlive it.
class OrgNames {
  public:
    OrgNames(const std::vector<std::string>& names, const Gazetteer& gazetteer);
    std::string expansion(const std::string& short_name) const;

  private:
    struct Name {
        std::string name;
        std::vector<std::string> core;
        std::string initials;
        bool possessive_first = false;
    };
    std::vector<Name> names_;
    const Gazetteer& gazetteer_;
};

}  // namespace newsindex::entities
