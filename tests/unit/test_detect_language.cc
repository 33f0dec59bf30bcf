// text::detect_language: short paragraphs written here, one per language the issue names; texts
// too short or without letters; the prefix bound; characters CLD2 would refuse; threads.
#include <catch2/catch.hpp>
#include <future>
#include <string>
#include <tuple>
#include <vector>

#include "text/detect_language.h"

using newsindex::text::detect_language;
using newsindex::text::kDetectLanguagePrefixBytes;

namespace {

// Two or three sentences of news each, written for this test.
const std::vector<std::pair<std::string, std::string>>& paragraphs() {
    static const std::vector<std::pair<std::string, std::string>> table = {
        {"en",
         "The city council voted on Tuesday to close the old harbour bridge for repairs. "
         "Ferries will run every twenty minutes while the work goes on, and the mayor said "
         "the bridge should open again before the winter."},
        {"de",
         "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für Reparaturen zu "
         "sperren. Während der Arbeiten fahren die Fähren alle zwanzig Minuten, und die "
         "Bürgermeisterin sagte, die Brücke werde vor dem Winter wieder geöffnet."},
        {"fr",
         "Le conseil municipal a décidé mardi de fermer le vieux pont du port pour des "
         "travaux. Les bateaux passeront toutes les vingt minutes pendant le chantier, et le "
         "maire a promis que le pont rouvrirait avant l'hiver."},
        {"es",
         "El ayuntamiento decidió el martes cerrar el viejo puente del puerto para hacer "
         "reparaciones. Los barcos saldrán cada veinte minutos mientras duren las obras, y la "
         "alcaldesa dijo que el puente volverá a abrir antes del invierno."},
        {"it",
         "Il consiglio comunale ha deciso martedì di chiudere il vecchio ponte del porto per "
         "i lavori di riparazione. I traghetti partiranno ogni venti minuti durante i lavori, "
         "e il sindaco ha detto che il ponte riaprirà prima dell'inverno."},
        {"pt",
         "A câmara municipal decidiu na terça-feira fechar a velha ponte do porto para obras. "
         "Os barcos vão partir a cada vinte minutos enquanto durarem os trabalhos, e o "
         "presidente da câmara disse que a ponte será reaberta antes do inverno."},
        {"nl",
         "De gemeenteraad heeft dinsdag besloten de oude havenbrug te sluiten voor "
         "herstelwerkzaamheden. Zolang het werk duurt, varen de veerboten elke twintig "
         "minuten, en de burgemeester zei dat de brug voor de winter weer open gaat."},
        {"ru",
         "Городской совет во вторник решил закрыть старый мост в порту на ремонт. Пока идут "
         "работы, паромы будут ходить каждые двадцать минут, а мэр сказал, что мост откроют "
         "снова до начала зимы."},
        {"pl",
         "Rada miasta postanowiła we wtorek zamknąć stary most w porcie z powodu remontu. "
         "Podczas prac promy będą kursować co dwadzieścia minut, a burmistrz zapowiedział, że "
         "most zostanie ponownie otwarty przed zimą."},
        {"zh",
         "市议会星期二决定关闭港口的旧桥进行维修。施工期间，渡轮每二十分钟开一班。市长说，"
         "这座桥将在冬天之前重新开放。"},
        {"ja",
         "市議会は火曜日、港の古い橋を修理のために閉鎖することを決めました。工事の間、"
         "フェリーは二十分ごとに運航します。市長は、冬になる前に橋をまた開けると話しました。"},
    };
    return table;
}

}  // namespace

TEST_CASE("detect_language names the language of a paragraph", "[detect_language]") {
    for (const auto& [language, text] : paragraphs()) {
        INFO(text);
        CHECK(detect_language(text) == language);
    }
}

TEST_CASE("detect_language is unsure of texts too short or without letters", "[detect_language]") {
    const std::string text = GENERATE(as<std::string>{}, "",             //
                                      "Guten Morgen",                    // CLD2 alone says "de"
                                      "Hello",                           //
                                      "北京",                            //
                                      "2026-11-30 14:05 +0100",          //
                                      "12 345 678 901 234 567 890 123",  //
                                      "... --- !!! ??? *** ### ;;; ,,, ...",
                                      // Runic letters: a script CLD2 knows no language of
                                      "ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾᛁᛃ ᛇᛈᛉᛊᛏᛒ ᛖᛗᛚᛜᛞᛟ ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾᛁᛃ");
    INFO(text);
    CHECK(detect_language(text).empty());
}

TEST_CASE("detect_language reads only the first kDetectLanguagePrefixBytes of a text",
          "[detect_language]") {
    // German up to the bound, then four times as much English: the whole text is mostly
    // English, its prefix German.
    const std::string& german = paragraphs()[1].second;
    const std::string& english = paragraphs()[0].second;
    std::string text;
    while (text.size() + german.size() + 1 <= kDetectLanguagePrefixBytes) text += german + ' ';
    const std::size_t prefix = text.size();
    while (text.size() < prefix + 4 * kDetectLanguagePrefixBytes) text += english + ' ';
    CHECK(detect_language(text) == "de");
    CHECK(detect_language(std::string_view(text).substr(prefix)) == "en");
}

TEST_CASE("detect_language reads past characters CLD2 refuses and malformed UTF-8",
          "[detect_language]") {
    // CLD2 answers nothing for a whole text that holds one of these; each becomes a space.
    auto [name, inserted] = GENERATE(table<std::string, std::string>({
        {"C0 control", "\x01"},
        {"escape", "\x1b"},
        {"DEL", "\x7f"},
        {"C1 control", "\xc2\x85"},
        {"noncharacter U+FDD0", "\xef\xb7\x90"},
        {"noncharacter U+FFFF", "\xef\xbf\xbf"},
        {"noncharacter U+10FFFF", "\xf4\x8f\xbf\xbf"},
        {"stray byte", "\xff"},
        {"cut sequence", "\xe2\x82"},
    }));
    const std::string& german = paragraphs()[1].second;
    const std::string text = german.substr(0, 40) + inserted + german.substr(40);
    INFO(name);
    CHECK(detect_language(text) == "de");
}

TEST_CASE("detect_language gives the same answers from many threads at once", "[detect_language]") {
    std::vector<std::string> expected;
    for (const auto& [language, text] : paragraphs()) expected.push_back(detect_language(text));
    std::vector<std::future<std::vector<std::string>>> runs;
    for (int thread = 0; thread < 4; ++thread)
        runs.push_back(std::async(std::launch::async, [] {
            std::vector<std::string> answers;
            for (int round = 0; round < 50; ++round)
                for (const auto& [language, text] : paragraphs())
                    answers.push_back(detect_language(text));
            return answers;
        }));
    for (auto& run : runs) {
        const std::vector<std::string> answers = run.get();
        for (std::size_t i = 0; i < answers.size(); ++i)
            CHECK(answers[i] == expected[i % expected.size()]);
    }
}
