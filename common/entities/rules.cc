#include "entities/rules.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace newsindex::entities {

namespace {

namespace fs = std::filesystem;

using WordSet = std::unordered_set<std::string>;

// All lists below are written for the project and kept short on purpose: they hold words that
// behave the same way across general English news, not names from any test set. Place names
// come from the Debian iso-codes and tzdata packages (Gazetteer).

// Words that stand before a name and are not part of it: titles, ranks, honorifics, roles.
const WordSet kTitles = {"President",
                         "Vice",
                         "Prime",
                         "Minister",
                         "Chancellor",
                         "Secretary",
                         "Gen.",
                         "General",
                         "Lt.",
                         "Col.",
                         "Adm.",
                         "Admiral",
                         "Sgt.",
                         "Capt.",
                         "Maj.",
                         "Dr.",
                         "Mr.",
                         "Mrs.",
                         "Ms.",
                         "Sir",
                         "Dame",
                         "Sen.",
                         "Senator",
                         "Rep.",
                         "Gov.",
                         "Governor",
                         "Mayor",
                         "Judge",
                         "Justice",
                         "Justices",
                         "King",
                         "Queen",
                         "Prince",
                         "Princess",
                         "Pope",
                         "Chairman",
                         "Chairwoman",
                         "Chair",
                         "Chief",
                         "Executive",
                         "Director",
                         "Commissioner",
                         "Ambassador",
                         "Spokesman",
                         "Spokeswoman",
                         "Spokesperson",
                         "Foreign",
                         "Defense",
                         "Defence",
                         "Finance",
                         "Interior",
                         "Deputy",
                         "Acting",
                         "Former",
                         "Coach",
                         "Professor",
                         "Prof.",
                         "CEO",
                         "Founder",
                         "Leader",
                         "Speaker",
                         "Premier",
                         "Emir",
                         "Sheikh",
                         "Crown",
                         "Lord",
                         "Archbishop",
                         "Bishop",
                         "Rev.",
                         "Detective",
                         "Inspector",
                         "Colonel",
                         "Major",
                         "Lieutenant",
                         "Marshal",
                         "Attorney",
                         "Prosecutor",
                         "Commander",
                         "Striker",
                         "Midfielder",
                         "Goalkeeper",
                         "Manager",
                         "Economist",
                         "Analyst",
                         "Treasurer",
                         "Exchequer",
                         "Secretary-General",
                         "Director-General",
                         "Senators",
                         "Sens.",
                         "Reps.",
                         "Presidents",
                         "Ministers",
                         "Officer",
                         "Sergeant",
                         "Captain",
                         "Opposition",
                         "Challenger",
                         "Candidate",
                         "Incumbent",
                         "Mrs",
                         "Ms",
                         "Dr",
                         "Mr"};

// Title words that only modify a title ("Former Defence Secretary"), never part of a name.
const WordSet kTitleModifiers = {"Former", "Acting", "Deputy", "Vice", "Then"};

// Last words of organisation names ("Bank of England", "Hollis & Park Securities").
const WordSet kOrgHeads = {"Nations",
                           "Chamber",
                           "Brotherhood",
                           "Bank",
                           "Agency",
                           "Ministry",
                           "Council",
                           "Commission",
                           "Party",
                           "University",
                           "Court",
                           "Company",
                           "Co.",
                           "Co",
                           "Inc.",
                           "Inc",
                           "Corp.",
                           "Corp",
                           "Corporation",
                           "Group",
                           "Association",
                           "Federation",
                           "Union",
                           "Organization",
                           "Organisation",
                           "Institute",
                           "Reserve",
                           "Parliament",
                           "Senate",
                           "Congress",
                           "Assembly",
                           "Army",
                           "Navy",
                           "Force",
                           "Forces",
                           "Department",
                           "Office",
                           "Authority",
                           "Fund",
                           "Committee",
                           "Club",
                           "FC",
                           "Airlines",
                           "Airways",
                           "Motors",
                           "Times",
                           "Post",
                           "Journal",
                           "Press",
                           "News",
                           "Service",
                           "Services",
                           "Police",
                           "Guard",
                           "Board",
                           "Foundation",
                           "Society",
                           "Church",
                           "Hospital",
                           "School",
                           "College",
                           "Academy",
                           "Museum",
                           "Exchange",
                           "Ltd",
                           "Ltd.",
                           "LLC",
                           "AG",
                           "SA",
                           "plc",
                           "PLC",
                           "Holdings",
                           "Industries",
                           "Systems",
                           "Technologies",
                           "Pharmaceuticals",
                           "Network",
                           "Tribunal",
                           "Administration",
                           "Bureau",
                           "Cabinet",
                           "Government",
                           "Alliance",
                           "Coalition",
                           "Front",
                           "Movement",
                           "Observatory",
                           "Centre",
                           "Center",
                           "Laboratory",
                           "Laboratories",
                           "Programme",
                           "Team",
                           "United",
                           "City",
                           "Staff",
                           "Democrats",
                           "Republicans",
                           "International",
                           "Securities",
                           "Capital",
                           "Research",
                           "Developments",
                           "Engineering",
                           "Partners",
                           "Aviation",
                           "Power",
                           "Energy",
                           "Electric",
                           "Telecom",
                           "Media",
                           "Insurance",
                           "Investments",
                           "Petroleum",
                           "Collection",
                           "Gallery",
                           "Library",
                           "Orchestra",
                           "Brigade",
                           "Corps",
                           "Division",
                           "Mission",
                           "Watch",
                           "Cross",
                           "Greens",
                           "Conservatives",
                           "Socialists",
                           "Brothers",
                           "Bancorp",
                           "Trust",
                           "Agencies",
                           "Ministries",
                           "Chiefs",
                           "GmbH",
                           "NV",
                           "SpA",
                           "Limited",
                           "Rovers",
                           "Wanderers",
                           "Athletic",
                           "Gazette",
                           "Herald",
                           "Tribune",
                           "Telegraph",
                           "Guardian",
                           "Magazine",
                           "Institution",
                           "Secretariat"};

// First words of organisation names ("Ministry of Defence", "University of Cape Town").
const WordSet kOrgFirst = {
    "Bank",        "Ministry", "University",   "Department",   "Office", "Institute",
    "Union",       "Council",  "Commission",   "Committee",    "Court",  "Federation",
    "Association", "Board",    "Organization", "Organisation", "Agency", "Party",
    "Museum",      "Academy",  "College",      "Church",       "School", "Bureau",
    "Society",     "Air",      "Chamber"};

// A generic word before a country names that country's national body ("Statistics Canada",
// "Athletics Kenya", "Cycling Australia").
const WordSet kNationalBodies = {"Statistics", "Athletics", "Football", "Cycling", "Swimming",
                                 "Rugby",      "Cricket",   "Tennis",   "Hockey",  "Basketball",
                                 "Tourism",    "Transport", "Sport",    "Rowing",  "Golf"};

// Capitalised one-word organisations that are usually named alone.
const WordSet kOrgAlone = {"Senate",    "Congress", "Parliament", "Army",    "Navy",
                           "Bundestag", "Duma",     "Knesset",    "Cabinet", "Politburo"};

// Single names and acronyms of organisations that no head word gives away.
const WordSet kKnownOrgs = {
    "Labour",     "Tories",  "NATO",       "UN",      "U.N.",      "EU",      "E.U.",
    "WHO",        "IMF",     "OPEC",       "FIFA",    "UEFA",      "IOC",     "ECB",
    "Fed",        "Reuters", "AFP",        "AP",      "Bloomberg", "Gazprom", "Google",
    "Apple",      "Amazon",  "Microsoft",  "Meta",    "Tesla",     "Intel",   "TSMC",
    "Samsung",    "Toyota",  "Volkswagen", "Ford",    "Airbus",    "Boeing",  "BBC",
    "CNN",        "Hamas",   "Hezbollah",  "Taliban", "Bundestag", "Duma",    "Nvidia",
    "Pfizer",     "Moderna", "Shell",      "BP",      "Nasa",      "NASA",    "Interpol",
    "Europol",    "Nasdaq",  "NYSE",       "Xinhua",  "Tass",      "TASS",    "Interfax",
    "G7",         "G8",      "G20",        "G-7",     "G-20",      "BRICS",   "OECD",
    "WTO",        "ASEAN",   "FBI",        "CIA",     "NHS",       "Harvard", "Yale",
    "Greenpeace", "Houthis", "Huawei",     "Knesset", "Politburo", "Xinhua",  "Kyodo",
    "Yonhap",     "Nikkei"};

// Last words of place names ("Ngadda River", "Aerial Lift Bridge", "Borno State").
const WordSet kPlaceHeads = {
    "River",       "Sea",        "Ocean",     "Lake",    "Island",    "Islands",   "Isles",
    "Peninsula",   "Mountain",   "Mountains", "Hills",   "Valley",    "Desert",    "Coast",
    "Province",    "Prefecture", "State",     "County",  "District",  "Region",    "Territory",
    "Territories", "Oblast",     "Street",    "Avenue",  "Road",      "Boulevard", "Highway",
    "Bridge",      "Dam",        "Canal",     "Square",  "Plaza",     "Stadium",   "Arena",
    "Airport",     "Station",    "Park",      "Point",   "Camp",      "Base",      "Bay",
    "Gulf",        "Strait",     "Straits",   "Channel", "Aquifer",   "Falls",     "Glacier",
    "Basin",       "Plateau",    "Palace",    "Castle",  "Cathedral", "Harbour",   "Harbor",
    "Port",        "Heights",    "Beach",     "Springs", "Crossing",  "Circuit",   "Lane"};

// First words of place names ("Lake Superior", "Mount Everest", "West Kelowna").
const WordSet kPlaceFirst = {"Lake",   "Mount", "Mt.",    "Cape",     "Gulf",     "Isle",
                             "Fort",   "Port",  "Place",  "Rue",      "Greater",  "North",
                             "South",  "East",  "West",   "Northern", "Southern", "Eastern",
                             "Upper",  "Lower", "New",    "San",      "Santa",    "St.",
                             "Sierra", "Costa", "Puerto", "Los",      "Las",      "Bay"};

// Names of events, agreements, laws, competitions end in these.
const WordSet kOtherHeads = {
    "Cup",          "Olympics",      "Games",     "Prix",   "Marathon",   "League",
    "Championship", "Championships", "Agreement", "Accord", "Treaty",     "Act",
    "Initiative",   "War",           "Award",     "Prize",  "Festival",   "Expo",
    "Declaration",  "Protocol",      "Pact",      "Open",   "Law",        "Show",
    "Convention",   "Charter",       "Doctrine",  "Trophy", "Tournament", "Series",
    "Awards",       "Index",         "Revolution"};

// Capitalised words that are "other" when they stand alone.
const WordSet kOtherAlone = {"Olympic", "Paralympic", "Constitution", "Bible",
                             "Koran",   "Quran",      "Christmas",    "Easter",
                             "Ramadan", "Eid",        "Brexit",       "Olympics"};

const WordSet kDemonyms = {
    "American",    "British",      "Russian",      "Ukrainian",  "French",      "German",
    "Chinese",     "Japanese",     "Indian",       "Italian",    "Spanish",     "Polish",
    "Dutch",       "Swiss",        "Swedish",      "Norwegian",  "Danish",      "Finnish",
    "Belgian",     "Austrian",     "Greek",        "Turkish",    "Iranian",     "Iraqi",
    "Israeli",     "Palestinian",  "Syrian",       "Saudi",      "Egyptian",    "Nigerian",
    "Kenyan",      "Brazilian",    "Mexican",      "Canadian",   "Australian",  "Korean",
    "Taiwanese",   "Vietnamese",   "Pakistani",    "Afghan",     "Belarusian",  "Georgian",
    "Hungarian",   "Czech",        "Romanian",     "Bulgarian",  "Serbian",     "Croatian",
    "Portuguese",  "Irish",        "Scottish",     "Welsh",      "English",     "European",
    "Western",     "Soviet",       "Arab",         "African",    "Asian",       "Argentine",
    "Chilean",     "Colombian",    "Venezuelan",   "Cuban",      "Ethiopian",   "Ghanaian",
    "Moroccan",    "Algerian",     "Libyan",       "Sudanese",   "Yemeni",      "Lebanese",
    "Qatari",      "Emirati",      "Thai",         "Indonesian", "Malaysian",   "Filipino",
    "Bangladeshi", "Kazakh",       "Armenian",     "Estonian",   "Latvian",     "Lithuanian",
    "Slovak",      "Icelandic",    "Republican",   "Democratic", "Muslim",      "Christian",
    "Jewish",      "Catholic",     "Kurdish",      "Persian",    "Dutchman",    "Dutchmen",
    "Frenchman",   "Frenchmen",    "Englishman",   "Englishmen", "Spaniard",    "Briton",
    "Scot",        "Swede",        "Dane",         "Finn",       "Pole",        "Turk",
    "Kurd",        "Serb",         "Croat",        "Czechs",     "Slovene",     "Uzbek",
    "Tajik",       "Kyrgyz",       "Sunni",        "Shi'ite",    "Shiite",      "Hindu",
    "Sikh",        "Buddhist",     "Protestant",   "Orthodox",   "Islamic",     "Latino",
    "Hispanic",    "Maori",        "Palestinians", "Eastern",    "Nordic",      "Baltic",
    "Democrat",    "Conservative", "Liberal",      "Gaullist",   "Nazi",        "Bolshevik",
    "Zionist",     "Sephardic",    "Bavarian",     "Texan",      "Californian", "Parisian",
    "Londoner",    "Muscovite",    "Aussie",       "Kiwi",       "Yankee"};

// Adjectives of faith that are also first names ("Christian Lindner"): never split off a run.
const WordSet kReligions = {"Christian", "Muslim",   "Jewish",     "Catholic", "Hindu",
                            "Sikh",      "Buddhist", "Protestant", "Orthodox", "Islamic"};

// Party adjectives whose plural is the party ("the Democrats").
const WordSet kParties = {"Republican", "Democrat", "Conservative", "Liberal",    "Socialist",
                          "Communist",  "Tory",     "Green",        "Nationalist"};

// Capitalised, but never names: weekdays, months, and words that are capitalised by custom.
const WordSet kNotNames = {
    "Monday",     "Tuesday",   "Wednesday", "Thursday", "Friday",      "Saturday", "Sunday",
    "January",    "February",  "March",     "April",    "May",         "June",     "July",
    "August",     "September", "October",   "November", "December",    "Jan.",     "Feb.",
    "Mar.",       "Apr.",      "Jun.",      "Jul.",     "Aug.",        "Sept.",    "Sep.",
    "Oct.",       "Nov.",      "Dec.",      "Mr",       "Mrs",         "I",        "OK",
    "AM",         "PM",        "GMT",       "TV",       "CEO",         "GDP",      "CPI",
    "Covid",      "COVID",     "AI",        "Internet", "Web",         "PhD",      "Indigenous",
    "Aboriginal", "Christmas", "Easter",    "Ramadan",  "Thanksgiving"};

// Lower-case words that may join the capitalised words of one name.
const WordSet kConnectors = {"of", "de",  "la",  "von", "der", "van", "al", "du",  "del",
                             "da", "bin", "dos", "y",   "and", "for", "on", "the", "des",
                             "le", "di",  "ibn", "den", "ter", "el",  "&"};

// Capitalised words that begin sentences far more often than names do.
const WordSet kSentenceStarters = {
    "Top",      "Senior",      "Leading",    "Neither",      "Either",     "Nor",
    "Today",    "Tomorrow",    "Yesterday",  "Tonight",      "The",        "A",
    "An",       "In",          "On",         "At",           "But",        "And",
    "Or",       "If",          "As",         "It",           "He",         "She",
    "They",     "We",          "I",          "This",         "That",       "These",
    "Those",    "There",       "Here",       "When",         "While",      "After",
    "Before",   "Since",       "Despite",    "However",      "Meanwhile",  "Some",
    "Many",     "Most",        "Other",      "Others",       "More",       "One",
    "Two",      "Three",       "Four",       "Five",         "Last",       "Next",
    "Earlier",  "Later",       "Still",      "Yet",          "For",        "With",
    "By",       "From",        "To",         "Of",           "Under",      "Over",
    "During",   "According",   "Asked",      "Speaking",     "Its",        "His",
    "Her",      "Their",       "Our",        "Such",         "Both",       "Each",
    "All",      "No",          "Not",        "Only",         "Even",       "Also",
    "Then",     "Now",         "So",         "Although",     "Though",     "Without",
    "Among",    "Between",     "What",       "Who",          "Why",        "How",
    "Where",    "Which",       "Officials",  "Analysts",     "Critics",    "Residents",
    "Police",   "Thousands",   "Hundreds",   "Dozens",       "Millions",   "Several",
    "Few",      "Every",       "Any",        "Once",         "Just",       "Instead",
    "Overall",  "Separately",  "Elsewhere",  "Indeed",       "Because",    "Until",
    "Unlike",   "Like",        "Whether",    "Nearly",       "About",      "Around",
    "Almost",   "Shares",      "Prices",     "Sales",        "Investors",  "Traders",
    "Rescuers", "Authorities", "Experts",    "Researchers",  "Scientists", "Leaders",
    "Voters",   "Workers",     "Protesters", "Prosecutors",  "Lawmakers",  "You",
    "Your",     "My",          "Me",         "Us",           "Him",        "Them",
    "Mr",       "Mrs",         "Do",         "Does",         "Did",        "Is",
    "Are",      "Was",         "Were",       "Will",         "Would",      "Can",
    "Could",    "Should",      "May",        "Might",        "Must",       "Let",
    "Please",   "Yes",         "Thanks",     "Thank",        "First",      "Second",
    "Third",    "Further",     "Following",  "Given",        "Meanwhile",  "Together",
    "Already",  "Often",       "Sometimes",  "Perhaps",      "Maybe",      "Although",
    "Unless",   "Through",     "Against",    "Across",       "Within",     "Into",
    "Above",    "Below",       "Near",       "Outside",      "Inside",     "Beyond",
    "Towards",  "Toward",      "Upon",       "Via",          "Per",        "Total",
    "Net",      "Revenue",     "Profit",     "Shareholders", "Officers",   "Soldiers",
    "Troops",   "Doctors",     "Families",   "People",       "Students",   "Fans",
    "Women",    "Men",         "Children",   "Some"};

// What an unknown single capitalised word with no cue most likely names. News introduces
// people by their full names, and a later surname resolves to that name, so a single word that
// resolves to nobody is more often a club, company or town than a person.
constexpr EntityType kSingleNameGuess = EntityType::Org;

// Areas of government: capitalised before or after a title ("Economy Minister X", "Minister
// for the Environment"), never names on their own.
const WordSet kPortfolios = {
    "Economy",        "Environment", "Health",    "Energy",      "Trade",   "Labor",
    "Transport",      "Education",   "Culture",   "Agriculture", "Housing", "Industry",
    "Economic",       "Affairs",     "Security",  "Development", "Tourism", "Communications",
    "Infrastructure", "Welfare",     "Employment"};

// Words after a name that say a person spoke.
const WordSet kSpeechVerbs = {"said", "says", "told", "tweeted", "testified", "quipped"};

// Words before a name that say it is a place.
const WordSet kPlacePrepositions = {
    "through", "in",     "near",     "outside",  "across",  "throughout", "around",  "into",
    "towards", "toward", "northern", "southern", "eastern", "western",    "central", "downtown"};

// AP-style abbreviations of US states, as used after a town ("Duluth, Minn.").
const WordSet kStateAbbreviations = {
    "Ala.", "Ariz.", "Ark.",  "Calif.", "Colo.", "Conn.", "Del.",  "Fla.",  "Ga.",  "Ill.",  "Ind.",
    "Kan.", "Ky.",   "La.",   "Md.",    "Mass.", "Mich.", "Minn.", "Miss.", "Mo.",  "Mont.", "Neb.",
    "Nev.", "N.H.",  "N.J.",  "N.M.",   "N.Y.",  "N.C.",  "N.D.",  "Okla.", "Ore.", "Pa.",   "R.I.",
    "S.C.", "S.D.",  "Tenn.", "Vt.",    "Va.",   "Wash.", "W.Va.", "Wis.",  "Wyo.", "D.C."};

// Abbreviations whose final dot does not end a sentence.
const WordSet kAbbreviations = {"Jr",  "Sr",   "St",   "Mt",   "Ft",  "Gen",  "Lt",   "Col",
                                "Adm", "Sgt",  "Capt", "Maj",  "Dr",  "Mr",   "Mrs",  "Ms",
                                "Sen", "Rep",  "Gov",  "Prof", "Rev", "Sens", "Reps", "No",
                                "Co",  "Corp", "Inc",  "Ltd",  "Bros"};

// Short forms that name the same place everywhere; the canonical form is the full name.
const std::unordered_map<std::string, std::string> kCanonical = {
    {"U.S.", "United States"},     {"US", "United States"},    {"USA", "United States"},
    {"America", "United States"},  {"U.K.", "United Kingdom"}, {"UK", "United Kingdom"},
    {"Britain", "United Kingdom"}, {"EU", "European Union"},   {"E.U.", "European Union"},
    {"UN", "United Nations"},      {"U.N.", "United Nations"}, {"Fed", "Federal Reserve"}};

// ---------------------------------------------------------------------------------------------
// UTF-8 helpers for the Latin letters of news text (ASCII, Latin-1, Latin Extended-A) and
// Cyrillic capitals; other scripts are treated as lower case, so they never start a name.

unsigned code_point_at(const std::string& word, std::size_t at, std::size_t* length) {
    const unsigned char c = static_cast<unsigned char>(word[at]);
    if (c < 0x80 || at + 1 >= word.size()) {
        *length = 1;
        return c;
    }
    if ((c & 0xE0) == 0xC0) {
        *length = 2;
        return ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(word[at + 1]) & 0x3Fu);
    }
    *length = (c & 0xF0) == 0xE0 ? 3 : 4;
    return 0xFFFF;  // beyond the letters handled here
}

bool upper_code_point(unsigned cp) {
    if (cp >= 'A' && cp <= 'Z') return true;
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp % 2 == 0;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 1;
    return cp >= 0x410 && cp <= 0x42F;
}

bool lower_code_point(unsigned cp) {
    if (cp >= 'a' && cp <= 'z') return true;
    if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F) return !upper_code_point(cp);
    return cp >= 0x430 && cp <= 0x44F;
}

bool is_upper_start(const std::string& word) {
    if (word.empty()) return false;
    std::size_t length = 0;
    return upper_code_point(code_point_at(word, 0, &length));
}

bool is_lower_start(const std::string& word) {
    if (word.empty()) return false;
    std::size_t length = 0;
    return lower_code_point(code_point_at(word, 0, &length));
}

// The word with its first letter in lower case (ASCII and Latin-1 only).
std::string lower_first(const std::string& word) {
    std::string out = word;
    const unsigned char c = static_cast<unsigned char>(out[0]);
    if (c >= 'A' && c <= 'Z') {
        out[0] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && out.size() > 1) {
        const unsigned char d = static_cast<unsigned char>(out[1]);
        if (d >= 0x80 && d <= 0x9E && d != 0x97) out[1] = static_cast<char>(d + 32);
    }
    return out;
}

// "SÃO PAULO" -> "São Paulo", "AL-SISI" -> "Al-Sisi": lower case after each word's first letter.
std::string title_case(const std::string& text) {
    std::string out = text;
    bool word_start = true;
    for (std::size_t i = 0; i < out.size();) {
        const unsigned char c = static_cast<unsigned char>(out[i]);
        std::size_t length = 1;
        if (c < 0x80) {
            const bool alnum = std::isalnum(c) != 0;
            if (alnum && !word_start) out[i] = static_cast<char>(std::tolower(c));
            word_start = !alnum && c != '\'' && c != '.';
        } else {
            length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
            if (!word_start && c == 0xC3 && i + 1 < out.size()) {
                const unsigned char d = static_cast<unsigned char>(out[i + 1]);
                if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 32);
            }
            word_start = false;
        }
        i += length;
    }
    return out;
}

bool has_digit(const std::string& word) {
    for (char c : word) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

bool is_number(const std::string& word) {
    for (char c : word) {
        if (!(c >= '0' && c <= '9') && c != '.' && c != ',') return false;
    }
    return !word.empty();
}

bool has_lower(const std::string& word) {
    for (std::size_t i = 0; i < word.size();) {
        std::size_t length = 0;
        if (lower_code_point(code_point_at(word, i, &length))) return true;
        i += length;
    }
    return false;
}

bool all_caps(const std::string& word) {
    bool letter = false;
    for (std::size_t i = 0; i < word.size();) {
        std::size_t length = 0;
        const unsigned cp = code_point_at(word, i, &length);
        if (lower_code_point(cp)) return false;
        if (upper_code_point(cp)) letter = true;
        i += length;
    }
    return letter;
}

// "OpenAI", "IndiGo": a capital after a lower-case letter, not in the Mc/Mac/O' of a surname.
bool camel_case(const std::string& word) {
    if (word.rfind("Mc", 0) == 0 || word.rfind("Mac", 0) == 0) return false;
    for (std::size_t i = 1; i + 1 < word.size(); ++i) {
        if (std::islower(static_cast<unsigned char>(word[i])) &&
            std::isupper(static_cast<unsigned char>(word[i + 1])))
            return true;
    }
    return false;
}

// "al-Sisi", "el-Baradei": a short lower-case particle joined to a capitalised name.
bool particle_name(const std::string& word) {
    const std::size_t hyphen = word.find('-');
    if (hyphen == std::string::npos || hyphen == 0 || hyphen > 3 || hyphen + 1 >= word.size())
        return false;
    for (std::size_t i = 0; i < hyphen; ++i) {
        if (!std::islower(static_cast<unsigned char>(word[i]))) return false;
    }
    return is_upper_start(word.substr(hyphen + 1));
}

bool is_name_word(const std::string& word) {
    return is_upper_start(word) || particle_name(word);
}

// "I'm", "We've", "Don't": never names.
bool contraction(const std::string& word) {
    const std::size_t apostrophe = word.find('\'');
    if (apostrophe == std::string::npos) return false;
    const std::string tail = word.substr(apostrophe + 1);
    return tail == "m" || tail == "ve" || tail == "d" || tail == "ll" || tail == "re" ||
           tail == "t" ||
           (tail == "s" &&
            (word == "It's" || word == "That's" || word == "There's" || word == "Here's" ||
             word == "What's" || word == "He's" || word == "She's" || word == "Let's"));
}

bool is_possessive(const std::string& word) {
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) return true;
    if (word.size() > 4 && word.compare(word.size() - 4, 4, "\xE2\x80\x99s") == 0) return true;
    return word.size() > 1 && word.back() == '\'';
}

std::string strip_possessive(std::string word) {
    for (const char* suffix : {"'s", "\xE2\x80\x99s", "'S"}) {
        const std::string s = suffix;
        if (word.size() > s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0)
            return word.substr(0, word.size() - s.size());
    }
    if (word.size() > 1 && word.back() == '\'') word.pop_back();
    return word;
}

std::string join(const std::vector<std::string>& words, std::size_t from = 0,
                 std::size_t to = std::string::npos) {
    std::string out;
    to = std::min(to, words.size());
    if (to == from + 1) return words[from];
    for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
}

struct Token {
    std::string text;
    bool sentence_start;
    bool after_break;  // punctuation (comma, quote, bracket) between it and the token before
    char before;       // the last punctuation before it: ',', '(', ')', '"', '-' (dashes), '.'
};

// Words: letters, digits, inner apostrophes, hyphens and dots ("U.S.", "Gen.", "al-Sisi").
std::vector<Token> tokenize(const std::string& text) {
    std::vector<Token> tokens;
    bool sentence_start = true, after_break = true;
    char before = '.';
    std::size_t i = 0;
    auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    // U+2000..U+206F (dashes, curly quotes, ellipsis) are punctuation, though non-ASCII.
    auto punctuation_at = [&](std::size_t at) {
        return at + 2 < text.size() && static_cast<unsigned char>(text[at]) == 0xE2 &&
               (static_cast<unsigned char>(text[at + 1]) == 0x80 ||
                static_cast<unsigned char>(text[at + 1]) == 0x81);
    };
    while (i < text.size()) {
        if (punctuation_at(i)) {
            // A curly apostrophe inside a word ("Putin’s") is taken by the word loop below; one
            // here ends a word ("leaders’ summit") and, like "'", does not break a name.
            const unsigned char kind = static_cast<unsigned char>(text[i + 2]);
            if (kind != 0x99) {
                // An em dash or an opening curly quote starts a sentence.
                sentence_start = sentence_start || kind == 0x94 || kind == 0x9C;
                before = (kind >= 0x90 && kind <= 0x95) ? '-' : '"';
                after_break = true;
            }
            i += 3;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '&' && i + 1 < text.size() && text[i + 1] == ' ' && !tokens.empty()) {
            tokens.push_back({"&", false, after_break, before});  // "Hollis & Park Securities"
            after_break = false;
            ++i;
            continue;
        }
        if (!word_byte(c)) {
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';' ||
                (c == '"' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')))
                sentence_start = true;  // also after an opening quote
            // A spaced hyphen is a typed dash, as after a wire dateline ("CALGARY, April 28 -
            // Blocking ..."): like an em dash, it starts a sentence.
            if (c == '-' && i > 0 && text[i - 1] == ' ' && i + 1 < text.size() &&
                (text[i + 1] == ' ' || text[i + 1] == '-'))
                sentence_start = true;
            if (c != ' ') {
                after_break = true;
                before = c == '\n' ? '.' : static_cast<char>(c);
            }
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size()) {
            const unsigned char d = static_cast<unsigned char>(text[end]);
            if (punctuation_at(end)) {
                // Keep "’s" on the word; stop at any other dash or quote.
                if (static_cast<unsigned char>(text[end + 2]) == 0x99 && end + 3 < text.size() &&
                    (text[end + 3] == 's' || text[end + 3] == 'S') &&
                    (end + 4 == text.size() ||
                     !word_byte(static_cast<unsigned char>(text[end + 4])))) {
                    end += 4;
                }
                break;
            }
            if (word_byte(d)) {
                ++end;
            } else if ((d == '\'' || d == '-' || d == '&' || d == '/') && end + 1 < text.size() &&
                       word_byte(static_cast<unsigned char>(text[end + 1]))) {
                end += 1;
            } else if (d == '\'' && end > i && (end + 1 == text.size() || text[end + 1] == ' ') &&
                       text[end - 1] == 's') {
                end += 1;  // "Williams' car": a bare possessive apostrophe
            } else if (d == '.' && end + 1 < text.size() &&
                       std::isalpha(static_cast<unsigned char>(text[end + 1])) &&
                       end + 2 <= text.size() && (end + 2 == text.size() || text[end + 2] == '.')) {
                end += 1;  // "U.S": the dot inside an abbreviation
            } else {
                break;
            }
        }
        std::string word = text.substr(i, end - i);
        // Keep the final dot of abbreviations ("U.S.", "Gen.", "Inc.", "Minn.") and initials
        // ("Charles Q. Brown"); that dot does not end the sentence.
        if (end < text.size() && text[end] == '.' &&
            (word.find('.') != std::string::npos || kTitles.count(word + ".") ||
             kOrgHeads.count(word + ".") || kAbbreviations.count(word) ||
             kStateAbbreviations.count(word + ".") || kNotNames.count(word + ".") ||
             (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))))) {
            word += '.';
            ++end;
        }
        tokens.push_back({word, sentence_start, after_break, after_break ? before : ' '});
        sentence_start = false;
        after_break = false;
        before = ' ';
        i = end;
    }
    return tokens;
}

// One candidate name: its words and the tokens it came from.
struct Segment {
    std::vector<std::string> words;
    std::size_t first = 0, last = 0;  // token indices
    bool after_title = false;         // "President Joe Biden"
    bool based = false;               // "California-based"
    bool dateline = false;            // "LONDON —" opening the body
    mutable std::string joined;       // the words joined by spaces, once asked for

    const std::string& name() const {
        if (joined.empty()) joined = join(words);
        return joined;
    }
};

struct Context {
    const Gazetteer& gazetteer;
    const std::vector<Token>& tokens;
    WordSet lowercase_words, capitalised_mid_sentence;
    std::unordered_map<std::string, std::string> person_by_part;  // "Milley" -> "Mark Milley"
    std::unordered_map<std::string, std::string> acronyms;        // "NATO" -> full name
    std::unordered_map<std::string, EntityType> seen;             // surface -> type
    std::unordered_map<std::string, EntityType> body_names;       // title-cased -> type
};

bool is_place_name(const Context& ctx, const std::string& name) {
    // The gazetteer also holds common/entities/data/places.txt (with the state abbreviations).
    if (ctx.gazetteer.is_place(name)) return true;
    return !has_lower(name) && name.size() > 3 && ctx.gazetteer.is_place(title_case(name));
}

// "Kenyan", "Nigerians", "Brazilian", "Chinese", "Pakistani", "Peronist": derived from a name.
bool is_demonym(const Context& ctx, const std::string& text) {
    if (text.size() < 4 || !is_upper_start(text)) return false;
    if (kDemonyms.count(text)) return true;
    const char last_letter = text.back();
    if (last_letter != 's' && last_letter != 'n' && last_letter != 'e' && last_letter != 'i' &&
        last_letter != 't' && last_letter != 'S' && last_letter != 'N' && last_letter != 'E' &&
        last_letter != 'I' && last_letter != 'T')
        return false;
    std::string word = has_lower(text) ? text : title_case(text);
    if (kDemonyms.count(word)) return true;
    if (word.back() == 's') {
        word.pop_back();
        // "Democrats", "Conservatives": the plural of a party's adjective names the party.
        if (kParties.count(word)) return false;
        if (kDemonyms.count(word)) return true;
    }
    auto ends = [&](const char* suffix) {
        const std::size_t n = std::char_traits<char>::length(suffix);
        return word.size() > n + 2 && word.compare(word.size() - n, n, suffix) == 0;
    };
    auto place = [&](const std::string& stem) { return ctx.gazetteer.is_place(stem); };
    const std::string base = word;
    // "Peronist", "Islamist", "Gaullist", "Marxist", but not the surname "Lindqvist".
    if (ends("ist") || ends("ists")) {
        const std::size_t at = base.rfind("ist");
        if (at >= 4 && std::strchr("nlmxoh", base[at - 1]) != nullptr) return true;
    }
    if (ends("an") && place(base.substr(0, base.size() - 1))) return true;  // Kenya-n
    if (ends("ian")) {
        const std::string stem = base.substr(0, base.size() - 3);
        if (place(stem) || place(stem + "a") || place(stem + "y") || place(stem + "ia"))
            return true;  // Brazil-ian, Canad-ian, Ital-ian
    }
    if (ends("ese")) {
        const std::string stem = base.substr(0, base.size() - 3);
        if (place(stem) || place(stem + "a") || place(stem + "on")) return true;  // Chin-ese
    }
    if (ends("i") && base.size() >= 6 && place(base.substr(0, base.size() - 1)))
        return true;  // Pakistan-i
    return false;
}

bool is_head(const std::string& word) {
    return kOrgHeads.count(word) || kPlaceHeads.count(word) || kOtherHeads.count(word);
}

// The type that lists, the gazetteer or the name's own words give, if any.
bool listed_type(const Context& ctx, const std::vector<std::string>& words, const std::string& name,
                 EntityType* type) {
    const std::string normal = has_lower(name) ? name : title_case(name);
    const std::string& last = words.back();
    const std::string& front = words.front();
    if (words.size() == 1 && (kKnownOrgs.count(name) || kOrgAlone.count(normal))) {
        *type = EntityType::Org;
    } else if (words.size() == 1 && kDemonyms.count(normal)) {
        *type = EntityType::Other;  // before the gazetteer, which knows a region "Western"
    } else if (words.size() > 1 && is_demonym(ctx, front) && is_demonym(ctx, last) &&
               !kOrgHeads.count(last)) {
        *type = EntityType::Other;  // "Asian American"
    } else if (words.size() == 2 && is_demonym(ctx, last) &&
               (front == "South" || front == "North" || front == "Latin" || front == "Central")) {
        *type = EntityType::Other;  // "South American"
    } else if (kKnownOrgs.count(name)) {
        *type = EntityType::Org;
    } else if (is_place_name(ctx, name)) {
        *type = EntityType::Place;
    } else if (words.size() == 1 && is_demonym(ctx, name)) {
        *type = EntityType::Other;
    } else if (words.size() > 1 && kOrgHeads.count(last)) {
        *type = EntityType::Org;
    } else if (words.size() > 1 && kPlaceHeads.count(last)) {
        *type = EntityType::Place;
    } else if (words.size() > 1 && kOtherHeads.count(last)) {
        *type = EntityType::Other;
    } else if (words.size() == 2 && kNationalBodies.count(front) && is_place_name(ctx, last)) {
        *type = EntityType::Org;
    } else if (words.size() > 1 && kOrgFirst.count(front)) {
        *type = EntityType::Org;
    } else if (words.size() > 1 && kPlaceFirst.count(front)) {
        *type = EntityType::Place;
    } else if (words.size() == 1 && kOtherAlone.count(normal)) {
        *type = EntityType::Other;
    } else if (words.size() >= 2 && is_number(last) && kPlaceHeads.count(words[words.size() - 2])) {
        *type = EntityType::Place;  // "Highway 3", "Route 66"
    } else if (has_digit(name)) {
        *type = EntityType::Other;
    } else {
        return false;
    }
    return true;
}

const std::string& word_before(const Context& ctx, std::size_t token) {
    static const std::string none;
    if (token == 0 || ctx.tokens[token].after_break) return none;
    return ctx.tokens[token - 1].text;
}

const std::string& word_after(const Context& ctx, std::size_t token) {
    static const std::string none;
    if (token + 1 >= ctx.tokens.size() || ctx.tokens[token + 1].after_break) return none;
    return ctx.tokens[token + 1].text;
}

// The type of a candidate name; *guessed tells that no list, head word or cue gave it.
EntityType type_of(Context& ctx, const Segment& segment, bool* guessed = nullptr) {
    const std::vector<std::string>& words = segment.words;
    if (guessed) *guessed = false;
    const std::string& name = segment.name();
    if (auto seen = ctx.seen.find(name); seen != ctx.seen.end()) return seen->second;
    // "Chancellor of the Exchequer Jeremy Hunt" and the like: a title makes a person.
    EntityType type;
    if (segment.after_title && !has_digit(name) &&
        !(words.size() == 1 && (kKnownOrgs.count(name) || is_place_name(ctx, name))))
        return EntityType::Person;
    if (listed_type(ctx, words, name, &type)) return type;
    if (segment.dateline || segment.based) return EntityType::Place;
    if (ctx.person_by_part.count(name)) return EntityType::Person;
    // Context: the word before and after the name.
    const std::string& before = word_before(ctx, segment.first);
    const std::string& after = word_after(ctx, segment.last);
    const Token* next =
        segment.last + 1 < ctx.tokens.size() ? &ctx.tokens[segment.last + 1] : nullptr;
    // People are not "the X": "the Rijksmuseum said", "the Joint Chiefs".
    if (before == "the" || before == "The") return EntityType::Org;
    if (kSpeechVerbs.count(after) || before == "said" || before == "says")
        return EntityType::Person;
    // "Cragg, who won ...": "who" is said of people.
    if (next && next->before == ',' && (next->text == "who" || next->text == "whose"))
        return EntityType::Person;
    // "Duluth, Minn.", "Maiduguri, Nigeria".
    if (next && next->before == ',' && is_place_name(ctx, next->text) &&
        !ctx.person_by_part.count(name))
        return EntityType::Place;
    if (kPlacePrepositions.count(before)) return EntityType::Place;
    if (words.size() == 1) {
        if (all_caps(name) && name.size() <= 6) return EntityType::Org;
        if (camel_case(name)) return EntityType::Org;
        // A capitalised head word on its own names one body ("City", "Council").
        if (kOrgHeads.count(name)) return EntityType::Org;
        if (guessed) *guessed = true;
        return kSingleNameGuess;
    }
    if (guessed) *guessed = true;
    // Two to four capitalised words, not counting particles ("Luiz Inácio Lula da Silva").
    std::size_t capitalised = 0;
    for (const std::string& w : words) capitalised += is_upper_start(w) ? 1 : 0;
    if (capitalised <= 4) return EntityType::Person;
    return EntityType::Org;
}

void add_mention(Context& ctx, const Segment& segment, EntityType type, std::vector<Mention>* out) {
    const std::vector<std::string>& words = segment.words;
    const std::string& name = segment.name();
    // ALL-CAPS names get normal case, except acronyms of organisations ("NATO").
    std::string canonical = name;
    if (!has_lower(name) && (type != EntityType::Org || name.size() > 6) &&
        name.find('.') == std::string::npos && name.size() > 2)
        canonical = title_case(name);
    if (auto known = kCanonical.find(name); known != kCanonical.end()) canonical = known->second;
    if (type == EntityType::Person) {
        if (words.size() > 1) {
            for (const std::string& part : words) {
                if (is_upper_start(part) && part.size() > 2 && part.back() != '.')
                    ctx.person_by_part.emplace(part, name);
                else if (particle_name(part))  // "al-Sisi" -> "Sisi"
                    ctx.person_by_part.emplace(part.substr(part.find('-') + 1), name);
            }
        } else if (auto full = ctx.person_by_part.find(name); full != ctx.person_by_part.end()) {
            canonical = full->second;
        } else if (!has_lower(name)) {
            if (auto full2 = ctx.person_by_part.find(title_case(name));
                full2 != ctx.person_by_part.end())
                canonical = full2->second;
        }
    }
    if (auto acronym = ctx.acronyms.find(name); acronym != ctx.acronyms.end())
        canonical = acronym->second;
    ctx.seen.emplace(name, type);
    if (out) out->push_back({name, type, canonical});
}

// Splits a run of capitalised words into the names it holds.
std::vector<Segment> split_run(const Context& ctx, const std::vector<std::string>& words,
                               const std::vector<std::size_t>& index) {
    std::vector<Segment> segments;
    Segment current;
    auto flush = [&]() {
        auto& w = current.words;
        while (!w.empty() && kConnectors.count(w.back())) {
            w.pop_back();
        }
        std::size_t drop = 0;
        while (drop < w.size() && (kConnectors.count(w[drop]) || w[drop] == "The")) ++drop;
        // "The Hague" keeps its article.
        if (drop == 1 && w[0] == "The" && w.size() > 1 && is_place_name(ctx, join(w))) drop = 0;
        if (drop > 0) {
            w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(drop));
            current.first += drop;  // approximate: connectors are one token each
        }
        // Digits alone, or a lone year, are not names.
        bool any_letter_word = false;
        for (const std::string& x : w) {
            if (!is_number(x)) any_letter_word = true;
        }
        if (!w.empty() && any_letter_word) segments.push_back(std::move(current));
        current = Segment();
    };
    // "Premier League", "Chief Rabbinate Council": a title word inside a name that ends in a
    // head word does not split it.
    const bool org_name = !words.empty() && is_head(words.back());
    const std::size_t head_reach = words.size() >= 3 ? words.size() - 3 : 0;
    // "Food and Drug Administration", "Department of Water and Sanitation": one name.
    bool of_before_and = false;
    for (const std::string& w : words) {
        if (w == "of") of_before_and = true;
        if (w == "and") break;
    }
    const bool keep_and =
        !words.empty() && (kOrgHeads.count(words.back()) || kOtherHeads.count(words.back()) ||
                           (kOrgFirst.count(words.front()) && of_before_and));
    bool after_title = false;
    for (std::size_t k = 0; k < words.size(); ++k) {
        std::string w = words[k];
        // "Ministry of Defence": a title word after a connector belongs to the name, unless a
        // title stands before the connector ("Chancellor of the Exchequer Jeremy Hunt").
        bool after_connector = false;
        if (k > 0 && kConnectors.count(words[k - 1])) {
            std::size_t b = k - 1;
            while (b > 0 && kConnectors.count(words[b])) --b;
            after_connector = !kTitles.count(words[b]);
        }
        const bool in_name = org_name && k >= head_reach && !kTitleModifiers.count(w);
        if (kNotNames.count(strip_possessive(w)) || contraction(w) ||
            (kTitles.count(w) && !in_name && !after_connector) ||
            ((w == "and" || w == "&") && !keep_and)) {
            const bool title_before = current.after_title;
            flush();
            after_title = kTitles.count(w) > 0 || (title_before && w == "and");
            continue;
        }
        const bool last = k + 1 == words.size();
        bool cut_after = false;
        if (is_possessive(w)) {
            // "Russia's Gazprom": two names; "Republican People's Party": one.
            const bool keep = k + 1 < words.size() && is_head(words[k + 1]) &&
                              (k + 2 == words.size() || !is_name_word(words[k + 2]) ||
                               kNotNames.count(words[k + 2]));
            if (!keep) {
                w = strip_possessive(w);
                cut_after = true;
            }
        }
        if (current.words.empty()) {
            current.first = index[k];
            current.after_title = after_title;
            after_title = false;
        }
        // "Israel-Hamas": two names a hyphen joins.
        const std::size_t hyphen = w.find('-');
        if (hyphen != std::string::npos && hyphen > 0 && !particle_name(w)) {
            const std::string head = w.substr(0, hyphen), tail = w.substr(hyphen + 1);
            auto known = [&](const std::string& x) {
                return is_place_name(ctx, x) || kKnownOrgs.count(x) || is_demonym(ctx, x);
            };
            if (is_upper_start(tail) && known(head) && known(tail)) {
                current.words.push_back(head);
                current.last = index[k];
                flush();
                current.first = index[k];
                current.words.push_back(tail);
                current.last = index[k];
                if (cut_after || last) flush();
                continue;
            }
        }
        current.words.push_back(w);
        current.last = index[k];
        if (cut_after) flush();
    }
    flush();
    // Further splits: a demonym before a name ("Kenyan Benson Kipruto"), "X of <place>" where X
    // is not an institution ("Tommy Tuberville of Alabama"), "X on Y".
    std::vector<Segment> out;
    for (Segment& s : segments) {
        auto& w = s.words;
        // "U.S. Supreme Court": the country is a mention of its own (CoNLL convention).
        if (w.size() >= 3 && kCanonical.count(w[0]) && is_place_name(ctx, w[0]) &&
            kOrgHeads.count(w.back())) {
            Segment country = s;
            country.words = {w[0]};
            country.last = s.first;
            out.push_back(country);
            w.erase(w.begin());
            s.first += 1;
            s.after_title = false;
        }
        if (w.size() >= 2 && is_demonym(ctx, w[0]) && !kReligions.count(w[0]) &&
            !is_head(w.back()) && !is_demonym(ctx, w[1]) && !is_place_name(ctx, join(w))) {
            Segment demonym = s;
            demonym.words = {w[0]};
            demonym.last = s.first;
            demonym.after_title = false;
            out.push_back(demonym);
            w.erase(w.begin());
            s.first += 1;
        }
        bool split = false;
        for (std::size_t p = 1; p + 1 < w.size(); ++p) {
            if (w[p] != "of" && w[p] != "on" && w[p] != "in" && w[p] != "for") continue;
            std::size_t r = p + 1;
            while (r < w.size() && kConnectors.count(w[r])) ++r;
            if (r >= w.size()) break;
            const std::vector<std::string> left(w.begin(),
                                                w.begin() + static_cast<std::ptrdiff_t>(p));
            const std::vector<std::string> right(w.begin() + static_cast<std::ptrdiff_t>(r),
                                                 w.end());
            const bool institution = kOrgHeads.count(left.back()) || kOrgFirst.count(left.front());
            if (institution) continue;
            if (w[p] == "of") {
                // "Bank of England", "Gulf of Mexico", "Proceeds of Crime Act": one name.
                if (is_head(left.back()) || kPlaceFirst.count(left.front()) ||
                    kOtherHeads.count(right.back()))
                    continue;
                // "Tommy Tuberville of Alabama", "Ümit Özdağ of the Victory Party": two.
                const bool person_like = left.size() >= 2 && left.size() <= 4;
                EntityType right_type;
                if (!is_place_name(ctx, join(right)) &&
                    !(person_like && (kOrgHeads.count(right.back()) ||
                                      listed_type(ctx, right, join(right), &right_type))))
                    continue;
            }
            Segment a = s, b = s;
            a.words = left;
            b.words = right;
            b.after_title = false;
            a.last = s.first + p - 1;
            b.first = s.first + r;
            out.push_back(a);
            out.push_back(b);
            split = true;
            break;
        }
        if (!split) out.push_back(std::move(s));
    }
    return out;
}

// The runs of capitalised words between tokens [begin, end), split into names.
std::vector<Segment> find_segments(const Context& ctx, std::size_t begin, std::size_t end,
                                   bool body) {
    const std::vector<Token>& tokens = ctx.tokens;
    std::vector<Segment> segments;
    for (std::size_t i = begin; i < end;) {
        const Token& first = tokens[i];
        if (!is_name_word(first.text) || kConnectors.count(first.text)) {
            ++i;
            continue;
        }
        auto cut_word = [&](const std::string& w) {
            // "California-based": a hyphen and a lower-case word end the name.
            const std::size_t hyphen = w.find('-');
            return hyphen != std::string::npos && !particle_name(w) && hyphen + 1 < w.size() &&
                   is_lower_start(w.substr(hyphen + 1));
        };
        std::size_t stop = i + 1;
        while (stop < end && !tokens[stop].after_break && !cut_word(tokens[stop - 1].text)) {
            const std::string& w = tokens[stop].text;
            if (is_name_word(w) && !kConnectors.count(w)) {
                ++stop;
            } else if (has_digit(w) && w.size() <= 4 && !is_possessive(tokens[stop - 1].text) &&
                       is_name_word(tokens[stop - 1].text) && !is_number(tokens[stop - 1].text)) {
                ++stop;  // "Nord Stream 2", "FTSE 100"
            } else if (kConnectors.count(w)) {
                std::size_t k = stop;
                while (k < end && k < stop + 3 && kConnectors.count(tokens[k].text) &&
                       !tokens[k].after_break)
                    ++k;
                if (k < end && !tokens[k].after_break && is_name_word(tokens[k].text) &&
                    !kConnectors.count(tokens[k].text))
                    stop = k + 1;
                else
                    break;
            } else {
                break;
            }
        }
        std::vector<std::string> words;
        std::vector<std::size_t> index;
        bool based = false;
        for (std::size_t k = i; k < stop; ++k) {
            std::string w = tokens[k].text;
            if (cut_word(w)) {
                const std::size_t hyphen = w.find('-');
                based = w.compare(hyphen + 1, std::string::npos, "based") == 0;
                w = w.substr(0, hyphen);
                if (is_possessive(w)) w = strip_possessive(w);
            }
            words.push_back(w);
            index.push_back(k);
        }
        if (!is_possessive(words.back()) || stop - i == 1 ||
            !is_head(strip_possessive(words.back())))
            words.back() = strip_possessive(words.back());
        // A dateline: ALL-CAPS words opening the body, then a comma, bracket or dash.
        bool dateline = false;
        if (body && i == begin) {
            bool caps = true;
            for (const std::string& w : words) caps = caps && !has_lower(w);
            const char next = stop < end ? tokens[stop].before : ' ';
            dateline = caps && (next == ',' || next == '(' || next == '-' ||
                                (stop < end && has_digit(tokens[stop].text)));
        }
        // A sentence's first word is a name only if the article never writes it in lower case
        // and it is not a common sentence opener.
        const bool article_place = words.size() > 1 && words.front() == "The" &&
                                   is_place_name(ctx, join(words));  // "The Hague"
        if (first.sentence_start && !dateline && !article_place &&
            (kSentenceStarters.count(words.front()) ||
             ctx.lowercase_words.count(lower_first(words.front())))) {
            words.erase(words.begin());
            index.erase(index.begin());
        }
        // "Several Ukrainian soldiers": an opener before a name the lists know is not part of it.
        if (first.sentence_start && words.size() == 2 && !kTitles.count(words.front()) &&
            !ctx.capitalised_mid_sentence.count(words.front())) {
            const std::string& rest = words.back();
            if (is_demonym(ctx, rest) || is_place_name(ctx, rest) || kKnownOrgs.count(rest)) {
                words.erase(words.begin());
                index.erase(index.begin());
            }
        }
        // A lone capitalised word opening a sentence is a name only if the article also
        // capitalises it mid-sentence, or a list knows it.
        if (first.sentence_start && !dateline && words.size() == 1 && index.front() == i) {
            const std::string& w = words.front();
            if (!ctx.capitalised_mid_sentence.count(w) && !is_place_name(ctx, w) &&
                !kKnownOrgs.count(w) && !is_demonym(ctx, w) && !kOrgAlone.count(w) &&
                !(stop < end && kSpeechVerbs.count(tokens[stop].text)))
                words.clear();
        }
        if (!words.empty()) {
            for (Segment& s : split_run(ctx, words, index)) {
                // "defeating Economy Minister X": a lone common word the article also writes
                // in lower case is not a name.
                EntityType listed;
                if (s.words.size() == 1 && !s.after_title &&
                    (ctx.lowercase_words.count(lower_first(s.words[0])) ||
                     kPortfolios.count(s.words[0])) &&
                    !listed_type(ctx, s.words, s.words[0], &listed))
                    continue;
                // "Traffic on Highway 3": a sentence's first word, cut off from the rest.
                if (s.words.size() == 1 && s.first == i && first.sentence_start && !dateline &&
                    !ctx.capitalised_mid_sentence.count(s.words[0]) &&
                    !listed_type(ctx, s.words, s.words[0], &listed) &&
                    !(s.last + 1 < end && kSpeechVerbs.count(tokens[s.last + 1].text)))
                    continue;
                s.based = based && s.last + 1 == stop;
                s.dateline = dateline && s.first == i;
                segments.push_back(std::move(s));
            }
        }
        i = stop;
    }
    return segments;
}

// Does the title look like a headline, with most words capitalised ("Bank of England Holds
// Rates")? Then only names known from the body or the lists are taken from it.
bool headline_case(const std::vector<Token>& tokens, std::size_t end) {
    int long_words = 0, capitalised = 0;
    for (std::size_t i = 0; i < end; ++i) {
        const std::string& w = tokens[i].text;
        if (w.size() < 4 || has_digit(w)) continue;
        ++long_words;
        if (is_upper_start(w)) ++capitalised;
    }
    return long_words > 0 && capitalised * 10 >= long_words * 6;
}

// The type of words in a headline, if the body or the lists know them.
bool known_in_headline(const Context& ctx, const std::vector<std::string>& words,
                       EntityType* type) {
    std::string name = join(words);
    if (!has_lower(name) && name.size() > 3) name = title_case(name);
    if (auto body = ctx.body_names.find(name); body != ctx.body_names.end()) {
        *type = body->second;
        return true;
    }
    if (words.size() == 1 && ctx.person_by_part.count(name)) {
        *type = EntityType::Person;
        return true;
    }
    if (words.size() == 1 && kNotNames.count(name)) return false;
    // Lists only: the head-word rules would take headline words ("Floods Maiduguri").
    const std::string as_written = join(words);
    if (kKnownOrgs.count(as_written) || kKnownOrgs.count(name)) {
        *type = EntityType::Org;
        return true;
    }
    if (is_place_name(ctx, name) || (name != as_written && is_place_name(ctx, as_written))) {
        *type = EntityType::Place;
        return true;
    }
    if (words.size() == 1 && is_demonym(ctx, words[0])) {
        *type = EntityType::Other;
        return true;
    }
    return false;
}

}  // namespace

std::vector<Mention> rule_mentions(const std::string& title, const std::string& body,
                                   const Gazetteer& gazetteer, std::size_t* title_count) {
    const std::string text = title + "\n" + body;
    const std::vector<Token> tokens = tokenize(text);
    // The first body token: the title's words all come before the first newline.
    std::size_t body_begin = 0;
    {
        std::size_t title_words = 0;
        const std::vector<Token> title_tokens = tokenize(title);
        title_words = title_tokens.size();
        body_begin = std::min(title_words, tokens.size());
    }
    Context ctx{gazetteer, tokens, {}, {}, {}, {}, {}, {}};
    for (std::size_t i = body_begin; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (is_lower_start(t.text))
            ctx.lowercase_words.insert(t.text);
        else if (!t.sentence_start && is_upper_start(t.text))
            ctx.capitalised_mid_sentence.insert(strip_possessive(t.text));
    }
    const std::vector<Segment> body_segments = find_segments(ctx, body_begin, tokens.size(), true);
    // First pass: full names of people and acronyms defined in brackets, so that a surname or
    // acronym used before the full name, or in the title, still resolves.
    for (std::size_t s = 0; s < body_segments.size(); ++s) {
        const Segment& segment = body_segments[s];
        if (segment.words.size() > 1 && type_of(ctx, segment) == EntityType::Person)
            add_mention(ctx, segment, EntityType::Person, nullptr);
        // "North Atlantic Treaty Organization (NATO)".
        if (s + 1 < body_segments.size() && segment.words.size() > 1) {
            const Segment& next = body_segments[s + 1];
            if (next.words.size() == 1 && next.first == segment.last + 1 &&
                tokens[next.first].before == '(' && all_caps(next.words[0]))
                ctx.acronyms.emplace(next.words[0], join(segment.words));
        }
    }
    ctx.seen.clear();
    // Acronyms take the type of the name they abbreviate.
    for (const auto& [acronym, full] : ctx.acronyms) {
        for (const Segment& segment : body_segments) {
            if (segment.name() == full) {
                ctx.seen.emplace(acronym, type_of(ctx, segment));
                break;
            }
        }
    }
    std::vector<Mention> body_mentions;
    // A guess gives way to the type of a name it is listed with: "Riyadh, Jeddah and Mecca".
    auto coordinated = [&](const Segment& a, const Segment& b) {
        return (a.last + 1 == b.first && tokens[b.first].before == ',') ||
               (a.last + 2 == b.first && !tokens[b.first].after_break &&
                (tokens[a.last + 1].text == "and" || tokens[a.last + 1].text == "or"));
    };
    std::vector<std::pair<EntityType, bool>> typed;  // type, guessed
    for (std::size_t s = 0; s < body_segments.size(); ++s) {
        const Segment& segment = body_segments[s];
        bool guessed = false;
        EntityType type = type_of(ctx, segment, &guessed);
        if (guessed && segment.words.size() == 1) {
            bool next_guessed = true;
            if (s > 0 && !typed.back().second && coordinated(body_segments[s - 1], segment) &&
                typed.back().first != EntityType::Other) {
                type = typed.back().first;
                guessed = false;
            } else if (s + 1 < body_segments.size() && coordinated(segment, body_segments[s + 1])) {
                const EntityType next = type_of(ctx, body_segments[s + 1], &next_guessed);
                if (!next_guessed && next != EntityType::Other) {
                    type = next;
                    guessed = false;
                }
            }
        }
        typed.emplace_back(type, guessed);
        add_mention(ctx, segment, type, &body_mentions);
    }
    for (const Mention& m : body_mentions) {
        ctx.body_names.emplace(has_lower(m.surface) ? m.surface : title_case(m.surface), m.type);
    }

    std::vector<Mention> mentions;
    if (headline_case(tokens, body_begin)) {
        // A headline: the longest known stretches of its capitalised runs.
        for (std::size_t i = 0; i < body_begin;) {
            if (!is_name_word(tokens[i].text) && !has_digit(tokens[i].text)) {
                ++i;
                continue;
            }
            std::size_t stop = i;
            std::vector<std::string> words;
            while (stop < body_begin && (stop == i || !tokens[stop].after_break) &&
                   (is_name_word(tokens[stop].text) || kConnectors.count(tokens[stop].text) ||
                    has_digit(tokens[stop].text))) {
                std::string w = tokens[stop].text;
                const std::size_t hyphen = w.find('-');
                if (hyphen != std::string::npos && !particle_name(w) && !ctx.body_names.count(w) &&
                    hyphen > 0) {
                    const std::string head = w.substr(0, hyphen);
                    EntityType t;
                    if (known_in_headline(ctx, {head}, &t)) w = head;
                }
                words.push_back(strip_possessive(w));
                ++stop;
                if (is_possessive(tokens[stop - 1].text)) break;
            }
            for (std::size_t a = 0; a < words.size();) {
                std::size_t best = 0;
                EntityType type = EntityType::Other;
                if (kConnectors.count(words[a]) || !is_name_word(words[a])) {
                    ++a;
                    continue;
                }
                for (std::size_t b = std::min(words.size(), a + 5); b > a; --b) {
                    if (kConnectors.count(words[b - 1])) continue;
                    const std::vector<std::string> part(
                        words.begin() + static_cast<std::ptrdiff_t>(a),
                        words.begin() + static_cast<std::ptrdiff_t>(b));
                    if (known_in_headline(ctx, part, &type)) {
                        best = b;
                        break;
                    }
                }
                if (best == 0) {
                    ++a;
                    continue;
                }
                Segment segment;
                segment.words.assign(words.begin() + static_cast<std::ptrdiff_t>(a),
                                     words.begin() + static_cast<std::ptrdiff_t>(best));
                segment.first = i + a;
                segment.last = i + best - 1;
                add_mention(ctx, segment, type, &mentions);
                a = best;
            }
            if (stop == i) ++stop;
            i = stop;
        }
    } else {
        for (const Segment& segment : find_segments(ctx, 0, body_begin, false))
            add_mention(ctx, segment, type_of(ctx, segment), &mentions);
    }
    if (title_count) *title_count = mentions.size();
    mentions.insert(mentions.end(), body_mentions.begin(), body_mentions.end());
    return mentions;
}

}  // namespace newsindex::entities
