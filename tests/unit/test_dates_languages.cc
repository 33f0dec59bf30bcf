// Dates in German, French, Spanish, Italian, Portuguese, Dutch and Russian (issue 17 item 3),
// and numeric dates ordered by the article's language.
#include <catch2/catch.hpp>

#include "text/dates.h"
#include "text/month_names.h"

using newsindex::text::DateRefusal;
using newsindex::text::parse_date;

TEST_CASE("month names of every language, full, abbreviated, with and without accents",
          "[dates][languages]") {
    auto [name, month] = GENERATE(table<std::string, int>({
        // German (and the Austrian Jänner)
        {"Januar", 1},
        {"Februar", 2},
        {"März", 3},
        {"April", 4},
        {"Mai", 5},
        {"Juni", 6},
        {"Juli", 7},
        {"August", 8},
        {"September", 9},
        {"Oktober", 10},
        {"November", 11},
        {"Dezember", 12},
        {"Jänner", 1},
        {"Maerz", 3},
        {"Marz", 3},
        {"Mrz.", 3},
        {"Okt.", 10},
        {"Dez.", 12},
        {"JÄNNER", 1},
        // French
        {"janvier", 1},
        {"février", 2},
        {"mars", 3},
        {"avril", 4},
        {"mai", 5},
        {"juin", 6},
        {"juillet", 7},
        {"août", 8},
        {"septembre", 9},
        {"octobre", 10},
        {"novembre", 11},
        {"décembre", 12},
        {"fevrier", 2},
        {"aout", 8},
        {"decembre", 12},
        {"janv.", 1},
        {"févr.", 2},
        {"avr.", 4},
        {"juil.", 7},
        {"déc.", 12},
        {"FÉVRIER", 2},
        {"AOÛT", 8},
        // Spanish
        {"enero", 1},
        {"febrero", 2},
        {"marzo", 3},
        {"abril", 4},
        {"mayo", 5},
        {"junio", 6},
        {"julio", 7},
        {"agosto", 8},
        {"septiembre", 9},
        {"octubre", 10},
        {"noviembre", 11},
        {"diciembre", 12},
        {"setiembre", 9},
        {"ene.", 1},
        {"abr.", 4},
        {"ago.", 8},
        {"dic.", 12},
        // Italian
        {"gennaio", 1},
        {"febbraio", 2},
        {"marzo", 3},
        {"aprile", 4},
        {"maggio", 5},
        {"giugno", 6},
        {"luglio", 7},
        {"agosto", 8},
        {"settembre", 9},
        {"ottobre", 10},
        {"novembre", 11},
        {"dicembre", 12},
        {"gen", 1},
        {"mag", 5},
        {"giu", 6},
        {"lug", 7},
        {"ott", 10},
        // Portuguese
        {"janeiro", 1},
        {"fevereiro", 2},
        {"março", 3},
        {"abril", 4},
        {"maio", 5},
        {"junho", 6},
        {"julho", 7},
        {"agosto", 8},
        {"setembro", 9},
        {"outubro", 10},
        {"novembro", 11},
        {"dezembro", 12},
        {"marco", 3},
        {"fev", 2},
        {"out", 10},
        {"set", 9},
        // Dutch
        {"januari", 1},
        {"februari", 2},
        {"maart", 3},
        {"april", 4},
        {"mei", 5},
        {"juni", 6},
        {"juli", 7},
        {"augustus", 8},
        {"september", 9},
        {"oktober", 10},
        {"november", 11},
        {"december", 12},
        {"mrt", 3},
        // Russian, genitive as dates use it
        {"января", 1},
        {"февраля", 2},
        {"марта", 3},
        {"апреля", 4},
        {"мая", 5},
        {"июня", 6},
        {"июля", 7},
        {"августа", 8},
        {"сентября", 9},
        {"октября", 10},
        {"ноября", 11},
        {"декабря", 12},
        // Russian nominative, abbreviations, capitals and ё
        {"январь", 1},
        {"февраль", 2},
        {"март", 3},
        {"апрель", 4},
        {"май", 5},
        {"июнь", 6},
        {"июль", 7},
        {"август", 8},
        {"сентябрь", 9},
        {"октябрь", 10},
        {"ноябрь", 11},
        {"декабрь", 12},
        {"янв.", 1},
        {"сент.", 9},
        {"нояб.", 11},
        {"ЯНВАРЯ", 1},
        {"Декабря", 12},
    }));
    const std::string line = "15 " + name + " 2023";
    CAPTURE(line);
    auto date = parse_date(line);
    REQUIRE(date);
    CHECK(date->month == month);
    CHECK(date->day == 15);
    CHECK(date->year == 2023);
}

TEST_CASE("date forms of news sites in each language", "[dates][languages]") {
    auto [line, iso] = GENERATE(table<std::string, std::string>({
        {"29. Januar 2022", "2022-01-29"},
        {"Samstag, 29. Januar 2022, 10:05 Uhr", "2022-01-29T10:05"},
        {"Sa., 29. Jan. 2022, 10 Uhr", "2022-01-29T10:00"},
        {"29. Januar 2022 um 10.05 Uhr", "2022-01-29T10:05"},
        {"29. Januar 2022 - 10:05", "2022-01-29T10:05"},
        {"29 janvier 2022 \u2013 10h05", "2022-01-29T10:05"},
        {"Montag, 3. Jänner 2022", "2022-01-03"},
        {"le 29 janvier 2022", "2022-01-29"},
        {"samedi 29 janvier 2022 à 10h05", "2022-01-29T10:05"},
        {"1er février 2022", "2022-02-01"},
        {"Le 1er mars 2022 à 18h", "2022-03-01T18:00"},
        {"mercredi 17 août 2022 à 9h30", "2022-08-17T09:30"},
        {"29\xC2\xA0janvier\xC2\xA0"
         "2022 à 10\xE2\x80\xAFh\xE2\x80\xAF"
         "05",
         "2022-01-29T10:05"},
        {"29 de enero de 2022", "2022-01-29"},
        {"sábado, 29 de enero de 2022, 10:05 h", "2022-01-29T10:05"},
        {"1º de mayo del 2022", "2022-05-01"},
        {"29 de enero de 2022 a las 10:05", "2022-01-29T10:05"},
        {"29 gennaio 2022", "2022-01-29"},
        {"sabato 29 gennaio 2022 ore 10:05", "2022-01-29T10:05"},
        {"1° maggio 2022", "2022-05-01"},
        {"29 de janeiro de 2022", "2022-01-29"},
        {"terça-feira, 1 de março de 2022 às 10h05", "2022-03-01T10:05"},
        {"29 januari 2022", "2022-01-29"},
        {"zaterdag 29 januari 2022 om 10:05 uur", "2022-01-29T10:05"},
        {"29 января 2022 г.", "2022-01-29"},
        {"29 января 2022 года", "2022-01-29"},
        {"суббота, 29 января 2022 г., 10:05 МСК", "2022-01-29T10:05+03:00"},
        {"29 января 2022 в 10:05", "2022-01-29T10:05"},
    }));
    CAPTURE(line);
    auto date = parse_date(line);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("labels before a date in each language", "[dates][languages]") {
    auto [line, iso] = GENERATE(table<std::string, std::string>({
        {"Veröffentlicht: 29. Januar 2022", "2022-01-29"},
        {"Veroeffentlicht am 29.01.2022", "2022-01-29"},
        {"Aktualisiert am 29. Januar 2022, 10:05 Uhr", "2022-01-29T10:05"},
        {"Stand: 29.01.2022 10:05 Uhr", "2022-01-29T10:05"},
        {"Publié le 29 janvier 2022 à 10h05", "2022-01-29T10:05"},
        {"Mis à jour le 30 janvier 2022", "2022-01-30"},
        {"Mis en ligne le 29 janvier 2022 à 18h", "2022-01-29T18:00"},
        {"Publié le 29/01/2022 à 10h05", "2022-01-29T10:05"},
        {"Publicado el 29 de enero de 2022", "2022-01-29"},
        {"Actualizado: 29 de enero de 2022 10:05 h", "2022-01-29T10:05"},
        {"Pubblicato il 29 gennaio 2022 alle 10:05", "2022-01-29T10:05"},
        {"Aggiornato il 30 gennaio 2022", "2022-01-30"},
        {"Publicado em 29 de janeiro de 2022", "2022-01-29"},
        {"Atualizado em 29/01/2022 às 10h05", "2022-01-29T10:05"},
        {"Gepubliceerd op 29 januari 2022", "2022-01-29"},
        {"Bijgewerkt op 29 januari 2022 om 10:05", "2022-01-29T10:05"},
        {"Опубликовано: 29 января 2022 г.", "2022-01-29"},
        {"Обновлено 29 января 2022, 10:05", "2022-01-29T10:05"},
        {"Дата публикации: 29.01.2022", "2022-01-29"},
    }));
    CAPTURE(line);
    auto date = parse_date(line);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("lines in other languages that are not one real date are refused", "[dates][languages]") {
    auto [line, refusal] = GENERATE(table<std::string, DateRefusal>({
        {"Mai ist ein Monat", DateRefusal::not_a_date},
        {"le marché de janvier", DateRefusal::not_a_date},
        {"Januar 2022", DateRefusal::not_a_date},
        {"29 janvier", DateRefusal::not_a_date},
        {"29. Januar 2022 in Berlin", DateRefusal::not_a_date},
        {"Veröffentlicht von Anna Schmidt am 29. Januar 2022", DateRefusal::not_a_date},
        {"29 de enero de la ciudad de 2022", DateRefusal::not_a_date},
        {"29 января 2022 г. Москва", DateRefusal::not_a_date},
        // "mar." is also the French and Spanish Tuesday; read as March it names a month twice.
        {"mar. 29 mars 2022", DateRefusal::not_a_date},
        {"29 Uhr Januar 2022", DateRefusal::not_a_date},
        {"29 janvier 2022 à 25h00", DateRefusal::not_a_date},
        {"29. Januar 2022 - Berlin", DateRefusal::not_a_date},
        {"31. Februar 2023", DateRefusal::no_such_day},
        {"30 février 2024", DateRefusal::no_such_day},
        {"31 de abril de 2023", DateRefusal::no_such_day},
        {"31 giugno 2023", DateRefusal::no_such_day},
        {"29 февраля 2023 г.", DateRefusal::no_such_day},
        {"31 september 2023", DateRefusal::no_such_day},
    }));
    CAPTURE(line);
    DateRefusal why = DateRefusal::none;
    CHECK_FALSE(parse_date(line, "", &why));
    CHECK(why == refusal);
}

TEST_CASE("numeric dates are read day first only for languages that write them so",
          "[dates][languages]") {
    // iso "" means refused, with the given reason.
    auto [line, language, iso, refusal] =
        GENERATE(table<std::string, std::string, std::string, DateRefusal>({
            {"12/03/2023", "", "", DateRefusal::ambiguous_order},
            {"12/03/2023", "en", "", DateRefusal::ambiguous_order},
            {"12/03/2023", "en-GB", "", DateRefusal::ambiguous_order},
            {"12.03.2023", "", "", DateRefusal::ambiguous_order},
            {"12-03-2023", "en", "", DateRefusal::ambiguous_order},
            {"12/03/2023", "zh", "", DateRefusal::ambiguous_order},
            {"12/03/2023", "de", "2023-03-12", DateRefusal::none},
            {"12.03.2023", "de", "2023-03-12", DateRefusal::none},
            {"12/03/2023", "fr", "2023-03-12", DateRefusal::none},
            {"12/03/2023", "es", "2023-03-12", DateRefusal::none},
            {"12/03/2023", "it", "2023-03-12", DateRefusal::none},
            {"12/03/2023", "pt-BR", "2023-03-12", DateRefusal::none},
            {"12-03-2023", "nl", "2023-03-12", DateRefusal::none},
            {"12.03.2023", "ru", "2023-03-12", DateRefusal::none},
            {"12.03.2023", "pl", "2023-03-12", DateRefusal::none},
            {"Publié le 02/03/2023 à 10h05", "fr", "2023-03-02T10:05", DateRefusal::none},
            {"Aktualisiert am 01.02.2023, 10:05 Uhr", "de", "2023-02-01T10:05", DateRefusal::none},
            // The order shows: read whatever the language.
            {"25/03/2023", "", "2023-03-25", DateRefusal::none},
            {"03/25/2023", "en", "2023-03-25", DateRefusal::none},
            {"03/25/2023", "de", "2023-03-25", DateRefusal::none},
            {"11.11.2021", "", "2021-11-11", DateRefusal::none},
            // Refused for other reasons, so said.
            {"31/02/2023", "", "", DateRefusal::no_such_day},
            {"11/31/2023", "en", "", DateRefusal::no_such_day},
            {"00/05/2023", "de", "", DateRefusal::no_such_day},
            {"25/13/2023", "", "", DateRefusal::no_such_day},
            {"12/03/2023 und mehr", "", "", DateRefusal::not_a_date},
            {"12/03/2023 12/03/2023", "de", "", DateRefusal::not_a_date},
            {"12/03/23", "de", "", DateRefusal::not_a_date},
        }));
    CAPTURE(line, language);
    DateRefusal why = DateRefusal::not_a_date;
    auto date = parse_date(line, language, &why);
    CHECK(why == refusal);
    if (iso.empty()) {
        CHECK_FALSE(date);
    } else {
        REQUIRE(date);
        CHECK(date->iso() == iso);
    }
}

TEST_CASE("refusal reasons read as messages", "[dates][languages]") {
    using newsindex::text::refusal_reason;
    CHECK(refusal_reason(DateRefusal::ambiguous_order) == "day and month order unknown");
    CHECK(refusal_reason(DateRefusal::no_such_day) == "no such day");
    CHECK(refusal_reason(DateRefusal::not_a_date) == "not a date");
    CHECK(refusal_reason(DateRefusal::none).empty());
    DateRefusal why = DateRefusal::ambiguous_order;
    REQUIRE(parse_date("29 janvier 2022", "fr", &why));
    CHECK(why == DateRefusal::none);
}

TEST_CASE("which languages write numeric dates day first", "[dates][languages]") {
    auto [language, day_first] = GENERATE(table<std::string, bool>({
        {"de", true},
        {"DE-at", true},
        {"fr", true},
        {"es", true},
        {"it", true},
        {"pt_BR", true},
        {"nl", true},
        {"ru", true},
        {"pl", true},
        {"en", false},
        {"en-GB", false},
        {"en-US", false},
        {"", false},
        {"zh", false},
        {"ja", false},
        {"hu", false},
        {"{{lang}}", false},
    }));
    CAPTURE(language);
    CHECK(newsindex::text::writes_day_first(language) == day_first);
}

TEST_CASE("date words are folded for lookup", "[dates][languages]") {
    using newsindex::text::fold_date_text;
    auto [text, folded] = GENERATE(table<std::string, std::string>({
        {"Février", "fevrier"},
        {"AOÛT", "aout"},
        {"JÄNNER", "janner"},
        {"Straße", "strasse"},
        {"Março", "marco"},
        {"ЯНВАРЯ Ёлка", "января елка"},
        {"29\xC2\xA0janv.", "29 janv."},
        {"10\xE2\x80\xAFh", "10 h"},
        {"× ÷ € 北京", "× ÷ € 北京"},
    }));
    CHECK(fold_date_text(text) == folded);
}
