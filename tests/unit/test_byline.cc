#include <catch2/catch.hpp>

#include "text/byline.h"

using newsindex::text::parse_byline;
using Names = std::vector<std::string>;

TEST_CASE("bylines give clean author names", "[byline]") {
    auto [line, names] = GENERATE(table<std::string, Names>({
        {"By [AFP](#)", {"AFP"}},
        {"By Jane Doe", {"Jane Doe"}},
        {"by jane doe", {"jane doe"}},
        {"By: Jane Doe", {"Jane Doe"}},
        {"By Anna Pirogova and Daniel Hart", {"Anna Pirogova", "Daniel Hart"}},
        {"By Lena Brandt, Reuters", {"Lena Brandt", "Reuters"}},
        {"By [Tomasz Nowak](https://example.com/nowak)", {"Tomasz Nowak"}},
        {"By **Sofia Marquez** & Ben Okafor", {"Sofia Marquez", "Ben Okafor"}},
        {"By Ann Anderson and Ann Anderson", {"Ann Anderson"}},
        {"By  Jane   Doe ; Reuters", {"Jane Doe", "Reuters"}},
        {"By Jane Doe, Staff Writer", {"Jane Doe"}},
        {"By Jane Doe | Senior Correspondent", {"Jane Doe"}},
        {"By JANE DOE, Associated Press Writer", {"Jane Doe", "Associated Press"}},
        {"By STEVE ROE and AMY LEE, AP Business Writers", {"Steve Roe", "Amy Lee", "AP"}},
        {"By Reuters Staff", {"Reuters"}},
        {"By The Associated Press", {"Associated Press"}},
        {"By Jane Doe in Kyiv and John Roe for Example News", {"Jane Doe", "John Roe"}},
        {"By Jane Doe (AFP)", {"Jane Doe", "AFP"}},
        {"By Jane Doe - Reuters", {"Jane Doe", "Reuters"}},
        {"By Jane Doe \xE2\x80\x94 dpa", {"Jane Doe", "dpa"}},
        {"By Jane Doe https://example.com/jane @janedoe jane@example.com", {"Jane Doe"}},
        {"By John Roe, Jr.", {"John Roe Jr."}},
        {"By BBC NEWS", {"BBC News"}},
        {"By DANICA \xC3\x81LVAREZ", {"Danica \xC3\x81lvarez"}},
        {"By Staff", {}},
    }));
    CAPTURE(line);
    CHECK(parse_byline(line) == names);
}

// Issue 18 item 6: the first four rows are what users reported.
TEST_CASE("byline forms of news sites and wire services", "[byline]") {
    auto [line, names] = GENERATE(table<std::string, Names>({
        {"author: Rebecca Writer", {"Rebecca Writer"}},
        {"By Dr. Anna M\xC3\xBCller, PhD, Chief Economics Editor at Example News",
         {"Anna M\xC3\xBCller"}},
        {"Written by Paul Jones", {"Paul Jones"}},
        {"Words by Nadia Haddad", {"Nadia Haddad"}},
        {"Story by Ben Okafor", {"Ben Okafor"}},
        {"Author: Jane Doe", {"Jane Doe"}},
        {"AUTHOR : Jane Doe", {"Jane Doe"}},
        {"Authors: Jane Doe; John Roe", {"Jane Doe", "John Roe"}},
        {"Byline: Jane Doe", {"Jane Doe"}},
        {"By Ann Lee, Tom Roe and Kim Park", {"Ann Lee", "Tom Roe", "Kim Park"}},
        {"Reporting by Ann Lee and Tom Roe; Writing by Kim Park; Editing by Sam Tan",
         {"Ann Lee", "Tom Roe", "Kim Park"}},
        {"Jane Doe | Reuters", {"Jane Doe", "Reuters"}},
        {"Jane Doe, AFP", {"Jane Doe", "AFP"}},
        {"Jane Doe and John Roe (AP)", {"Jane Doe", "John Roe", "AP"}},
        {"By Jane Doe in Kyiv", {"Jane Doe"}},
        {"By Jane Doe at Example News", {"Jane Doe"}},
        // Honorifics go; degrees and post-nominals go, alone or after the name.
        {"By Prof. Ian Reed and Mrs Ada Lowe", {"Ian Reed", "Ada Lowe"}},
        {"By Sir Harold Evans", {"Harold Evans"}},
        {"By Mr. Smith", {"Smith"}},
        {"By Ian Reed MD and Ada Lowe, Ph.D.", {"Ian Reed", "Ada Lowe"}},
        {"By Ada Lowe, MBA, OBE", {"Ada Lowe"}},
        // "Ma" is a surname, "MA" a degree.
        {"By Jane Ma", {"Jane Ma"}},
        // Jr. and Sr. are part of the name.
        {"By Dr. John Roe Sr., MD", {"John Roe Sr."}},
        // Job titles, alone, after the name or after a comma.
        {"By Jane Doe, Political Reporter", {"Jane Doe"}},
        {"By Jane Doe Staff Writer", {"Jane Doe"}},
        {"By Jane Doe, BBC News health correspondent", {"Jane Doe"}},
        {"By Staff Writer", {}},
        // A surname that is a title word, where a person stands.
        {"By Rebecca Writer and Tom Editor", {"Rebecca Writer", "Tom Editor"}},
        {"By Rebecca Writer, Staff Writer", {"Rebecca Writer"}},
        // Letters outside ASCII and particles stay as written.
        {"By \xC3\x96zlem T\xC3\xBCrk and Ludwig van Dam",
         {"\xC3\x96zlem T\xC3\xBCrk", "Ludwig van Dam"}},
        // Pieces that are no names are dropped from a byline.
        {"By Jane Doe, who covers energy", {"Jane Doe"}},
        // A single lowercase word is a user name; French and Spanish credits.
        {"By oradmin", {"oradmin"}},
        {"By par Bob Fischer", {"Bob Fischer"}},
        {"By por Ana Ruiz", {"Ana Ruiz"}},
    }));
    CAPTURE(line);
    CHECK(newsindex::text::is_byline(line));
    CHECK(parse_byline(line) == names);
}

TEST_CASE("lines that are not bylines give no names", "[byline]") {
    auto line = GENERATE(as<std::string>{}, "", "By", "By ", "Byzantine empire falls", "Standby",
                         "January 29, 2022", "By 2025, 40% of homes will be online, says a study.",
                         "By any measure, the mayor is what voters love most - a winner.",
                         "By the end of the year", "By the end of the year, prices had doubled",
                         "Written by hand", "written by hand", "By tomorrow", "By far the largest",
                         "by the way", "Authors say the rules are unfair", "Author Jane Doe",
                         "Reporting by", "Markets slide | Reuters",
                         "The central bank said, Reuters", "Jane Doe", "Jane Doe | Example News",
                         "Rates rise as inflation bites - AP reports");
    CAPTURE(line);
    CHECK(parse_byline(line).empty());
}

TEST_CASE("author fields of structured metadata", "[byline]") {
    auto [field, names] = GENERATE(table<std::string, Names>({
        {"Carla K. Johnson, AP", {"Carla K. Johnson", "AP"}},
        {"The Associated Press, AP", {"Associated Press"}},
        {"Reuters Staff, Reuters", {"Reuters"}},
        {"REUTERS", {"Reuters"}},
        {"Stateline, Editorial Partner", {"Stateline"}},
        {"Variety via Reuters", {"Variety", "Reuters"}},
        {"Reporting by Ann Lee; Editing by Tom Roe", {"Ann Lee"}},
        {"Mark Harris, On Assignment For Example", {"Mark Harris"}},
        {"By Jane Doe", {"Jane Doe"}},
        {"Jane Doe | March 3, 2023", {"Jane Doe"}},
        {"Author: Dr. Jane Doe, PhD", {"Jane Doe"}},
        {"Rebecca Writer", {"Rebecca Writer"}},
        {"Example Post Staff, Example Post", {"Example Post"}},
        {"Example Editors", {}},
        {"https://social.example/jane", {}},
        {"", {}},
    }));
    CAPTURE(field);
    CHECK(newsindex::text::parse_author_names(field) == names);
}

TEST_CASE("agencies are recognised by any of their names", "[byline]") {
    auto name = GENERATE(as<std::string>{}, "AFP", "afp", "Reuters", "AP", "The Associated Press",
                         "Bloomberg", "dpa", "Xinhua", "TASS", "Agence France-Presse");
    CAPTURE(name);
    CHECK(newsindex::text::is_news_agency(name));
    CHECK_FALSE(newsindex::text::is_news_agency("Jane Doe"));
    CHECK_FALSE(newsindex::text::is_news_agency("Reuters Foundation"));
}

TEST_CASE("agency credits standing alone", "[byline]") {
    auto [line, names] = GENERATE(table<std::string, Names>({
        {"Reuters", {"Reuters"}},
        {"(AFP)", {"AFP"}},
        {"\xE2\x80\x94 AP", {"AP"}},
        {"Reuters staff", {"Reuters"}},
        {"AFP / dpa", {"AFP", "dpa"}},
        {"**TASS**", {"TASS"}},
        {"Reuters reported on Tuesday", {}},
        {"AP Business Writer and poet", {}},
        {"Jane Doe", {}},
        {"", {}},
    }));
    CAPTURE(line);
    CHECK(newsindex::text::agency_credit(line) == names);
}

TEST_CASE("wire datelines name their agency", "[byline]") {
    auto [paragraph, agency] = GENERATE(table<std::string, std::string>({
        {"MOSCOW (Reuters) - The central bank raised rates.", "Reuters"},
        {"KYIV, Ukraine (AP) \xE2\x80\x94 Air raid sirens sounded.", "AP"},
        {"PARIS (AFP): Talks resumed.", "AFP"},
        {"The bank (Reuters) - said", ""},
        {"MOSCOW (Interfax) said", ""},
        {"(Reuters) - no place", ""},
        {"LONDON (Jane Doe) - not an agency", ""},
    }));
    CAPTURE(paragraph);
    CHECK(newsindex::text::dateline_agency(paragraph) == agency);
}

TEST_CASE("author fields of hostile size stay linear", "[byline]") {
    // Leading honorifics and punctuation were once erased one word at a time.
    std::string honorifics, quotes;
    for (int i = 0; i < 300000; ++i) {
        honorifics += "Dr ";
        quotes += "' ";
    }
    CHECK(newsindex::text::parse_author_names(honorifics + "Jane Doe") == Names{"Jane Doe"});
    CHECK(newsindex::text::parse_author_names(quotes + "Jane Doe") == Names{"Jane Doe"});
}
