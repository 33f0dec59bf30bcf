// What a page says about itself: title, authors, date, canonical URL, tags, site name,
// section, language, and the article text its JSON-LD carries. Internal to common/formats
// (read_html_article, html.h, documents the rules). Pure functions of the tree; thread-safe.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace newsindex::html {

struct PageMetadata {
    std::string title;                 // tidied; empty when the page names none
    std::vector<std::string> authors;  // names only, unique
    std::string date;                  // ISO 8601, or empty
    std::string date_unordered;        // formats::read_source_date's, when date is empty
    std::string url;
    std::vector<std::string> tags;
    std::string site_name;  // og:site_name, else the JSON-LD publisher's name
    std::string section;    // article:section, else the first JSON-LD articleSection
    // The primary language subtag (text/language.h) of <html lang> (or xml:lang), else of
    // <meta http-equiv="content-language">, else of the JSON-LD inLanguage, else of og:locale;
    // the first source that holds a valid tag wins.
    std::string language;
    std::string json_ld_body;  // JSON-LD articleBody, as the page gives it (may be empty)
};

// Reads the metadata of the page whose <html> element is root, by the rules in html.h. Never
// throws for any tree: JSON-LD that does not parse is ignored.
PageMetadata read_page_metadata(const GumboNode& root);

}  // namespace newsindex::html
