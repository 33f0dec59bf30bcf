// The parts of the entity recogniser: Unicode letter case, the tokenizer, the gazetteer with
// injected paths, Viterbi decoding, the model file, and deterministic training.
#include <catch2/catch.hpp>
#include <fstream>

#include "entities/casing.h"
#include "entities/extractor.h"
#include "entities/gazetteer.h"
#include "entities/model.h"
#include "entities/name_runs.h"
#include "entities/org_names.h"
#include "entities/tokenizer.h"
#include "entities/training.h"
#include "huge_pages.h"
#include "test_support.h"

using namespace newsindex::entities;

namespace {

std::string joined_tokens(const std::string& text,
                          const std::function<bool(const std::string&)>& abbreviation = {}) {
    std::string out;
    for (const Token& t : tokenize(text, abbreviation)) {
        // The offsets must give back the token's text.
        if (text.substr(t.begin, t.end - t.begin) != t.text) return "offsets differ at " + t.text;
        out += (out.empty() ? "" : "|") + t.text;
    }
    return out;
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// A gazetteer from files written here, so that the tests do not depend on the machine.
GazetteerPaths fixture_paths(const TempDir& dir) {
    write(dir.path() / "iso/iso_3166-1.json",
          R"({"3166-1": [{"alpha_2": "FD", "common_name": "Fredonia", "name": "Freedonia", )"
          R"("numeric": "999", "official_name": "Republic of Freedonia"}]})");
    write(dir.path() / "iso/iso_3166-2.json", R"({"3166-2": [{"name": "Upper Marsh"}]})");
    write(dir.path() / "zoneinfo/Europe/Port_Vell", "");
    write(dir.path() / "Locations.xml",
          "<gweather format=\"1.0\">\n  <region>\n    <_name>Nowhere Region</_name>\n"
          "    <country>\n      <city>\n        <!-- A city -->\n"
          "        <_name msgctxt=\"City in Fredonia\">Saint-Ob&apos;s</_name>\n"
          "        <location>\n          <name>Saint-Ob Airfield</name>\n"
          "        </location>\n      </city>\n      <city>\n"
          "        <name>Brakkin</name>\n      </city>\n    </country>\n  </region>\n"
          "</gweather>\n");
    write(dir.path() / "lists/titles.txt", "# titles\nGen\nSecretary\n");
    write(dir.path() / "lists/abbreviations.txt", "Gen\n");
    write(dir.path() / "lists/canonical.tsv", "FR\tFreedonia\n");
    write(dir.path() / "lists/company_forms.txt", "Corp\nInc\nAG\n");
    write(dir.path() / "lists/org_words.txt", "Bank\nMotors\n");
    return {dir.path() / "iso", dir.path() / "zoneinfo", dir.path() / "Locations.xml",
            dir.path() / "lists"};
}

// Sentences written for these tests, with their mentions (type: 0 person, 1 org, 2 place).
TrainingDocument training_document(const std::string& body,
                                   const std::vector<std::pair<std::string, int>>& mentions) {
    TrainingDocument d;
    d.title = "A story";
    d.body = body;
    std::size_t from = 0;
    for (const auto& [surface, type] : mentions) {
        const std::size_t at = body.find(surface, from);
        REQUIRE(at != std::string::npos);
        d.spans[1].push_back({at, at + surface.size(), type});
        from = at + surface.size();
    }
    return d;
}

std::vector<TrainingDocument> tiny_corpus() {
    return {
        training_document("Orla Venn met Tomas Brack in Quillport on Monday.",
                          {{"Orla Venn", 0}, {"Tomas Brack", 0}, {"Quillport", 2}}),
        training_document("Shares of Harrowgate Mining fell in Quillport.",
                          {{"Harrowgate Mining", 1}, {"Quillport", 2}}),
        training_document("Tomas Brack said Harrowgate Mining would grow.",
                          {{"Tomas Brack", 0}, {"Harrowgate Mining", 1}}),
        training_document("Later Venn flew to Quillport.", {{"Venn", 0}, {"Quillport", 2}}),
    };
}

std::string file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("letter case comes from Unicode, not only Latin-1", "[entities][model]") {
    auto [word, expected] = GENERATE(table<std::string, InitialCase>({
        {"Érdi", InitialCase::Upper},
        {"Ωmega", InitialCase::Upper},    // Greek capital
        {"Đà Nẵng", InitialCase::Upper},  // Vietnamese capital D with stroke
        {"Ẩm", InitialCase::Upper},       // Vietnamese capital with two marks
        {"élan", InitialCase::Lower},
        {"\"Quoted", InitialCase::Upper},  // punctuation is skipped
        {"2023", InitialCase::Digit},
        {"北京", InitialCase::None},      // letters without case
        {"\xFF\xFE", InitialCase::None},  // invalid UTF-8
    }));
    CAPTURE(word);
    CHECK(initial_case(word) == expected);
}

TEST_CASE("lower case, title case and shapes", "[entities][model]") {
    CHECK(to_lower("ÉLYSÉE") == "élysée");
    CHECK(to_lower("ΑΘΗΝΑ") == "αθηνα");
    CHECK(to_title_case("SÃO PAULO") == "São Paulo");
    CHECK(to_title_case("AL-SISI") == "Al-Sisi");
    auto [word, shape] = GENERATE(table<std::string, std::string>({
        {"Milley", "Xx"},
        {"U.S.", "X.X."},
        {"NATO", "X"},
        {"2023", "d"},
        {"McLaren", "XxXx"},
        {"Ωmega", "Xx"},
        {"4.35", "d.d"},
    }));
    CHECK(word_shape(word) == shape);
    CHECK(all_capitals("NATO"));
    CHECK_FALSE(all_capitals("Nato"));
    CHECK_FALSE(all_capitals("A"));
}

TEST_CASE("tokens keep abbreviations and split possessives and hyphens", "[entities][model]") {
    auto gen = [](const std::string& w) { return w == "Gen" || w == "Inc"; };
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"Putin's speech", "Putin|'s|speech"},
        {"Putin\xE2\x80\x99s speech", "Putin|\xE2\x80\x99s|speech"},
        {"Williams' car", "Williams|'|car"},
        {"U.S. Treasury", "U.S.|Treasury"},
        {"The California-based firm", "The|California|-|based|firm"},
        {"Gen. Mark Milley left.", "Gen.|Mark|Milley|left|."},
        {"Charles Q. Brown", "Charles|Q.|Brown"},
        {"Rates rose 4.35% in 2023.", "Rates|rose|4.35|%|in|2023|."},
        {"1,000 people", "1,000|people"},
        {"O'Brien and AT&T won't", "O'Brien|and|AT&T|won't"},
        {"LONDON \xE2\x80\x94 The bank", "LONDON|\xE2\x80\x94|The|bank"},
        {"(NATO)", "(|NATO|)"},
        {"Ankara welcomed Erdoğan", "Ankara|welcomed|Erdoğan"},
        {"Abdel Fattah al-Sisi and pro-Russian", "Abdel|Fattah|al-Sisi|and|pro|-|Russian"},
    }));
    CAPTURE(text);
    CHECK(joined_tokens(text, gen) == expected);
}

TEST_CASE("sentence and line starts are marked", "[entities][model]") {
    const auto tokens = tokenize("It rose. Prices fell\nin May.\n\nNew text");
    REQUIRE(tokens.size() == 10);
    CHECK(tokens[0].sentence_start);
    CHECK_FALSE(tokens[1].sentence_start);
    CHECK(tokens[3].sentence_start);  // "Prices"
    CHECK(tokens[5].line_start);      // "in"
    CHECK_FALSE(tokens[5].sentence_start);
    CHECK(tokens[8].sentence_start);  // "New", after a blank line
    CHECK(tokens[8].line_start);
}

TEST_CASE("the gazetteer reads the files it is given", "[entities][model]") {
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    CHECK(gazetteer.is_place("Freedonia"));
    CHECK(gazetteer.is_place("Fredonia"));
    CHECK(gazetteer.is_place("Upper Marsh"));
    CHECK(gazetteer.is_place("Port Vell"));  // tzdata's underscore is a space
    // libgweather's cities, with XML entities replaced; not its regions or weather stations.
    // They are a list of their own, not places to is_place() (gazetteer.h says why).
    CHECK((gazetteer.lists_of("Saint-Ob's") & kListCity) != 0);
    CHECK((gazetteer.lists_of("Brakkin") & kListCity) != 0);
    CHECK_FALSE(gazetteer.is_place("Brakkin"));
    CHECK(gazetteer.lists_of("Nowhere Region") == 0);
    // Only the names of the ISO files, not their other strings.
    CHECK(gazetteer.lists_of("Republic of Freedonia") == 0);
    CHECK(gazetteer.lists_of("FD") == 0);
    CHECK(gazetteer.lists_of("Saint-Ob Airfield") == 0);
    CHECK_FALSE(gazetteer.is_place("Paris"));  // not in these files, whatever the machine has
    CHECK(gazetteer.longest_place_words() == 2);
    CHECK((gazetteer.lists_of("Gen") & kListTitle) != 0);
    CHECK(gazetteer.is_abbreviation("Gen"));
    CHECK(gazetteer.canonical_of("FR") == "Freedonia");
    CHECK(gazetteer.canonical_of("Freedonia").empty());

    const Gazetteer empty(GazetteerPaths{dir.path() / "none", dir.path() / "none",
                                         dir.path() / "none", dir.path() / "none"});
    CHECK(empty.size() == 0);
    CHECK(empty.lists_of("Gen") == 0);
}

TEST_CASE("tokens that never belong to a name are always outside", "[entities][model]") {
    auto [text, outside] = GENERATE(table<std::string, std::string>({
        // One character per token: 1 always outside, 0 scored by the model.
        {"The cabinet met in Kyiv on Monday.", "01000000"},
        {"Gone with the Wind (1939) premiered", "00001011"},
        {"Workers from Procter & Gamble said", "000001"},
        {"\u201CWe will\u201D, said Marine Le Pen.", "1011010000"},
    }));
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    const Document document("", text, gazetteer);
    std::string got;
    for (std::size_t i = 0; i < document.segment(1).tokens.size(); ++i)
        got += document.always_outside(1, i) ? '1' : '0';
    INFO(text);
    CHECK(got == outside);
}

TEST_CASE("Viterbi never starts a name with an inside tag", "[entities][model]") {
    // Token 0 prefers I-person, token 1 I-person: the best allowed path is B-person I-person.
    std::vector<float> scores(2 * kTagCount, 0.0f);
    scores[inside_tag(0)] = 5;
    scores[begin_tag(0)] = 4;
    scores[kTagCount + inside_tag(0)] = 5;
    const std::vector<float> transition((kTagCount + 1) * kTagCount, 0.0f);
    const auto tags = Model::viterbi(scores, transition);
    REQUIRE(tags.size() == 2);
    CHECK(tags[0] == begin_tag(0));
    CHECK(tags[1] == inside_tag(0));
    // An inside tag of another type cannot follow either.
    scores.assign(2 * kTagCount, 0.0f);
    scores[begin_tag(1)] = 5;
    scores[kTagCount + inside_tag(2)] = 5;
    const auto mixed = Model::viterbi(scores, transition);
    CHECK(mixed[1] != inside_tag(2));
}

TEST_CASE("gold tags follow the spans", "[entities][model]") {
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    const TrainingDocument d =
        training_document("Yesterday Orla Venn's dog ran.", {{"Orla Venn", 0}});
    Document document(d.title, d.body, gazetteer);
    std::vector<int> tags[Document::kSegments];
    std::size_t misaligned = 0;
    gold_tags(document, d.spans, tags, &misaligned);
    CHECK(misaligned == 0);
    CHECK(tags[1] == std::vector<int>{kOutside, begin_tag(0), inside_tag(0), kOutside, kOutside,
                                      kOutside, kOutside});
}

TEST_CASE("gold tags are O where the model never tags, and a cut name begins again",
          "[entities][model]") {
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    // An annotated name with a lower-case word the model never tags ("eurozone" in a name).
    const TrainingDocument d =
        training_document("Talks at Orla eurozone Venn ended.", {{"Orla eurozone Venn", 1}});
    Document document(d.title, d.body, gazetteer);
    std::vector<int> tags[Document::kSegments];
    gold_tags(document, d.spans, tags);
    CHECK(tags[1] == std::vector<int>{kOutside, kOutside, begin_tag(1), kOutside, begin_tag(1),
                                      kOutside, kOutside});
}

TEST_CASE("training is deterministic and the model file round-trips", "[entities][model]") {
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    TrainingOptions options;
    options.epochs = 5;
    options.prune = 0;
    const Model first = train(tiny_corpus(), gazetteer, options);
    const Model second = train(tiny_corpus(), gazetteer, options);
    first.save(dir.path() / "a.bin");
    second.save(dir.path() / "b.bin");
    CHECK(file_bytes(dir.path() / "a.bin") == file_bytes(dir.path() / "b.bin"));
    const Model loaded = Model::load(dir.path() / "a.bin");
    CHECK(loaded.feature_count() == first.feature_count());
    // The trained model finds what it was taught, before and after the round trip.
    for (const Model* model : {&first, &loaded}) {
        const auto mentions = extract(
            "A story", "Orla Venn met Tomas Brack in Quillport on Monday.", gazetteer, *model);
        std::string got;
        for (const Mention& m : mentions) got += m.surface + "/" + entity_type_name(m.type) + ";";
        CHECK(got == "Orla Venn/person;Tomas Brack/person;Quillport/place;");
    }
}

TEST_CASE("the shipped model saves back to the bytes it was loaded from", "[entities][model]") {
    // The real model (megabytes, so its arrays take the huge-page path of HugePageAllocator):
    // every weight survives loading into the one padded array and saving from it.
    const auto shipped = entity_data_dir() / "model.bin";
    REQUIRE(std::filesystem::exists(shipped));
    TempDir dir;
    const Model model = Model::load(shipped);
    CHECK(model.feature_count() > 10'000);
    model.save(dir.path() / "again.bin");
    CHECK(file_bytes(dir.path() / "again.bin") == file_bytes(shipped));
}

TEST_CASE("large arrays are aligned for huge pages, small ones are ordinary", "[entities][model]") {
    using Allocator = newsindex::HugePageAllocator<std::uint64_t>;
    std::vector<std::uint64_t, Allocator> large(std::size_t{1} << 20, 7);  // 8 MiB
    CHECK(reinterpret_cast<std::uintptr_t>(large.data()) % Allocator::kHugePage == 0);
    CHECK(large.back() == 7);
    std::vector<std::uint64_t, Allocator> small(10, 3);
    small.resize(300'000, 5);  // grows across the threshold: freed by the path it came from
    CHECK(small.front() == 3);
    CHECK(small.back() == 5);
    CHECK_THROWS_AS(Allocator().allocate(static_cast<std::size_t>(-1) / 4), std::bad_alloc);
}

TEST_CASE("a bad model file is refused with its name", "[entities][model]") {
    TempDir dir;
    auto [bytes, message] = GENERATE(table<std::string, std::string>({
        {"", "not an entity model"},
        {std::string("NIENTMDL\x07\0\0\0\x09\0\0\0", 16), "version"},
        // This program's version, then nothing.
        {std::string("NIENTMDL") + static_cast<char>(Model::kVersion) +
             std::string("\0\0\0\x09\0\0\0", 7),
         "truncated"},
    }));
    write(dir.path() / "bad.bin", bytes);
    try {
        Model::load(dir.path() / "bad.bin");
        FAIL("loaded a bad model");
    } catch (const std::runtime_error& error) {
        CHECK_THAT(error.what(), Catch::Contains("bad.bin") && Catch::Contains(message));
    }
    CHECK_THROWS_WITH(Model::load(dir.path() / "missing.bin"), Catch::Contains("missing.bin"));
}

TEST_CASE("an empty model finds nothing", "[entities][model]") {
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    CHECK(extract("Orla Venn", "Orla Venn met Tomas Brack.", gazetteer, Model()).empty());
}

TEST_CASE("runs of capitalised words", "[entities][model]") {
    // Each run written as its tokens joined by spaces, runs separated by " | ", or by " +"
    // and " | " when joiners link them.
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"The Bank of England raised rates.", "The Bank + | England"},
        {"He met officials of the Bank of the West in Ohio.", "He | Bank + | West | Ohio"},
        {"Troops at Joint Base Myer-Henderson Hall paraded.",
         "Troops | Joint Base Myer - Henderson Hall"},
        {"Repairs to Nord Stream 2 began.", "Repairs | Nord Stream 2"},
        {"Moody's Investors Service cut it.", "Moody + | Investors Service"},
        {"Girl with a Pearl Earring", "Girl + | Pearl Earring"},
        {"NEW YORK, March 5 - Prices fell.", "NEW YORK | March 5 | Prices"},
        // A joiner links only runs it stands between, an article never comes first, and a
        // sentence's first word starts a new run.
        {"Ask the Council of ministers. Paris agreed.", "Ask | Council | Paris"},
        {"Talks with John Smith\n\nParis agreed.", "Talks + | John Smith | Paris"},
        {"a trip to Paris and then Rome", "Paris | Rome"},
        {"Arsenal and Kane", "Arsenal + | Kane"},
    }));
    CAPTURE(text);
    const auto tokens = tokenize(text);
    const NameRuns found = find_name_runs(tokens);
    REQUIRE(found.run_of.size() == tokens.size());
    std::string got;
    for (std::size_t r = 0; r < found.runs.size(); ++r) {
        const NameRun& run = found.runs[r];
        if (r > 0) got += " | ";
        for (std::size_t t = run.begin; t < run.end; ++t) {
            CHECK(found.run_of[t] == static_cast<int>(r));
            got += (t > run.begin ? " " : "") + tokens[t].text;
        }
        if (run.next >= 0) {
            CHECK(found.runs[static_cast<std::size_t>(run.next)].previous == static_cast<int>(r));
            got += " +";
        }
        CHECK(run.head >= run.begin);
        CHECK(run.head < run.end);
    }
    CHECK(got == expected);
}

TEST_CASE("a short organisation name stands for the article's one full name", "[entities][model]") {
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    const std::vector<std::string> article = {
        "Garrow Motors Corp", "Quill's Rating Service Inc", "Standard and Dunmore's Corp",
        "Bank of Freedonia",  "Bank of Upper Marsh",        "Freedonia's Rail Corp"};
    auto [short_name, expected] = GENERATE(table<std::string, std::string>({
        {"GM", "Garrow Motors Corp"},                // initials
        {"Garrow Motors", "Garrow Motors Corp"},     // without the company form
        {"Quill", "Quill's Rating Service Inc"},     // the first word, possessive gone
        {"QRS", "Quill's Rating Service Inc"},       // initials of the core words
        {"S/D", "Standard and Dunmore's Corp"},      // an acronym written with a slash
        {"S and D", "Standard and Dunmore's Corp"},  // ... or with "and"
        {"Standard and Dunmore", "Standard and Dunmore's Corp"},
        {"Garrow Motors Corp", ""},   // the full name itself
        {"Bank", ""},                 // generic, and two banks
        {"BF", "Bank of Freedonia"},  // joiners have no initial
        {"Garrow", ""},               // "Garrow" may be another body than "Garrow Motors"
        {"Motors", ""},               // a generic word
        {"Quillfeather", ""},
        {"Freedonia", ""},  // a listed place says too little, even before a possessive         //
                            // no name begins with it
    }));
    CAPTURE(short_name);
    CHECK(org_expansion(short_name, article, gazetteer) == expected);
}

TEST_CASE("organisation core words and acronyms", "[entities][model]") {
    TempDir dir;
    const Gazetteer gazetteer(fixture_paths(dir));
    CHECK(org_core_words("Quill's Rating Service Inc", gazetteer) ==
          std::vector<std::string>{"Quill", "Rating", "Service"});
    CHECK(org_core_words("Nord Stream 2 AG", gazetteer) ==
          std::vector<std::string>{"Nord", "Stream", "2"});
    CHECK(org_core_words("Inc", gazetteer) == std::vector<std::string>{"Inc"});
    CHECK(org_initials({"Standard", "and", "Dunmore"}) == "SD");
    auto [name, letters] = GENERATE(table<std::string, std::string>({{"S/P", "SP"},
                                                                     {"S&P", "SP"},
                                                                     {"S and P", "SP"},
                                                                     {"U.S.", "US"},
                                                                     {"GM", "GM"},
                                                                     {"G", ""},
                                                                     {"Garrow", ""},
                                                                     {"GM Corp", ""},
                                                                     {"Société", ""}}));
    CAPTURE(name);
    CHECK(acronym_letters(name) == letters);
}
