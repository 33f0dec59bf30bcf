// Main-text extraction from HTML (formats/html_extract.h, formats/html_parse.h): one small
// page written here per rule.
#include <catch2/catch.hpp>
#include <chrono>

#include "formats/html.h"
#include "formats/html_extract.h"
#include "formats/html_parse.h"
#include "formats/html_slim.h"

using newsindex::read_html_article;
using Strings = std::vector<std::string>;

namespace {

// Prose long enough, and with enough commas, to count as a paragraph of an article.
const std::string kOne =
    "The river rose by two metres overnight, flooding the lower town, the harbour and the "
    "old market, and the mayor asked residents to stay at home.";
const std::string kTwo =
    "Engineers worked through the night to close the sluice gates, pump out the cellars, "
    "and shore up the dyke, which had held since 1953.";
const std::string kThree =
    "By noon the water had begun to fall, slowly, and the first shops, cafes and offices "
    "reopened along the quay.";

std::string page(const std::string& body) {
    return "<!DOCTYPE html><html><head><title>Flood</title></head><body>" + body + "</body></html>";
}

std::string body_of(const std::string& html) {
    return read_html_article(html, "page.html").body;
}

}  // namespace

TEST_CASE("HTML main text: one rule per page", "[html][extract]") {
    const std::string article = "<p>" + kOne + "</p><p>" + kTwo + "</p><p>" + kThree + "</p>";
    const std::string text = kOne + "\n\n" + kTwo + "\n\n" + kThree;
    auto [rule, html, body] = GENERATE_COPY(table<std::string, std::string, std::string>({
        {"navigation, asides, footers and forms' controls are not text",
         page("<nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>" + article +
              "<aside>Read more: Ten rivers to see</aside></article><footer>Copyright "
              "Example</footer><button>Load more</button>"),
         text},
        {"chrome named by class or id is left out",
         page("<article>" + article +
              "<div class='share-bar'>Share this on Facebook</div>"
              "<div class='newsletter-box'>Get our newsletter every Friday morning</div>"
              "<div id='cookie-notice'>We use cookies to improve your experience</div>"
              "<div class='comments'><p>First comment, great article, thanks a lot for "
              "writing it, I learnt something new today.</p></div></article>"),
         text},
        {"a wrapper named as chrome that holds the page is kept",
         page("<div class='layout with-sidebar'>" + article + "</div><p>Menu</p>"), text},
        {"chrome names win over article names within one class name",
         page("<article>" + article +
              "<div class='related-posts'><a href='/a'>Another flood story from last "
              "year</a></div></article>"),
         text},
        {"hidden elements are not text",
         page("<article>" + article +
              "<div style='display: none'>Subscribe for full access</div>"
              "<div hidden>Invisible box</div><div aria-hidden='true'>Icon label</div>"
              "</article>"),
         text},
        {"the best-scoring container wins over teasers and menus",
         page("<ul><li><a href='/1'>Sport</a></li><li><a href='/2'>Weather</a></li></ul>"
              "<div class='teaser'><a href='/t'>Teaser headline about something else</a>"
              "</div><div class='story'>" +
              article + "</div><div><a href='/x'>Imprint</a> <a href='/y'>Privacy</a></div>"),
         text},
        {"prose split over page-builder columns is taken whole",
         page("<div class='row'><div class='col'><div class='text-block'><p>" + kOne +
              "</p></div></div><div class='col'><div class='text-block'><p>" + kTwo +
              "</p></div></div><div class='col'><div class='text-block'><p>" + kThree +
              "</p></div></div></div>"),
         text},
        {"a list of links inside the article is left out, a list of facts is kept",
         page("<article>" + article +
              "<ul><li>Water level: 7.2 m</li><li>Homes flooded: 140</li></ul>"
              "<div><ul><li><a href='/a'>Flood map</a></li><li><a href='/b'>Live "
              "blog</a></li><li><a href='/c'>Photos</a></li></ul></div></article>"),
         text + "\n\nWater level: 7.2 m\n\nHomes flooded: 140"},
        {"subheadings, quotes and tables of the article stay",
         page("<article><p>" + kOne + "</p><h2>The night shift</h2><p>" + kTwo +
              "</p><blockquote>We had no choice, said one engineer.</blockquote>"
              "<table><tr><th>Gauge</th><th>Level</th></tr><tr><td>Quay</td><td>7.2 "
              "m</td></tr></table><p>" +
              kThree + "</p></article>"),
         kOne + "\n\nThe night shift\n\n" + kTwo +
             "\n\nWe had no choice, said one engineer.\n\nGauge Level\n\nQuay 7.2 m\n\n" + kThree},
        {"a heading with nothing after it is left out",
         page("<article>" + article +
              "<h3>More from the region</h3><div class='more'><a href='/1'>Storm on the "
              "coast</a></div></article>"),
         text},
        {"short lines without a sentence end do not open or close the text",
         page("<article><div>12 March 2024</div><div>Updated:</div>" + article +
              "<div>Photo: Jane Roe</div><div>Topics:</div></article>"),
         text},
        {"figure captions are not body text",
         page("<article><figure><img src='a.jpg'><figcaption>The flooded quay at "
              "dawn</figcaption></figure>" +
              article + "</article>"),
         text},
        {"a microdata articleBody is taken as it is",
         page("<div itemprop='articleBody'>" + article +
              "</div><div><p>Readers' letters, long and many, about this, that and the "
              "other, in no particular order, every week.</p></div>"),
         text},
        {"chrome-named boxes left out by name come back when nothing else is left",
         page("<div class='promo'><p>" + kOne + "</p></div><div class='promo'><p>" + kTwo +
              "</p></div>"),
         kOne + "\n\n" + kTwo},
        {"JSON-LD articleBody stands in for a page that fills its text in by script",
         "<html><head><title>Flood</title><script type='application/ld+json'>"
         "{\"@type\": \"NewsArticle\", \"headline\": \"Flood\", \"articleBody\": \"" +
             kOne + "\\n" + kTwo +
             "\"}</script></head><body><div id='app'>Loading</div>"
             "<script>render('</p><p>not text')</script></body></html>",
         kOne + "\n\n" + kTwo},
        {"script and style contents never reach the text, whatever their markup",
         page("<style>p::before { content: '<p>styled</p>'; }</style><article>" + article +
              "<script>var s = '<div>scripted</div>'; if (a < b) {}</script>"
              "<SCRIPT type=text/javascript>document.write('</scripts>')</SCRIPT></article>"),
         text},
        {"<noscript> content is read: a page that shows its text by script puts it there",
         page("<div class='post-body'><script type='text/template'></script><noscript>" + article +
              "</noscript></div><div><a href='/a'>Archive</a></div>"),
         text},
        {"an article name on a box without prose does not outweigh the article",
         page("<div class='head'><div class='articleMeta'><p>Updated: 20 March 2024, "
              "14:57</p></div><h1>Flood</h1></div><div class='con'><div class='box'><div><p>" +
              kOne + "</p></div><div><p>" + kTwo + "</p></div><div><p>" + kThree +
              "</p></div></div></div>"),
         text},
        {"a microdata articleBody grows to the <article> it fills: its standfirst stays",
         page("<article><p class='intro'>" + kThree + "</p><div itemprop='articleBody'><p>" + kOne +
              "</p><p>" + kTwo + "</p></div></article>"),
         kThree + "\n\n" + kOne + "\n\n" + kTwo},
        {"paragraphs each marked itemprop=articleBody are all the text",
         page("<div><p itemprop='articleBody'>" + kOne + " " + kTwo +
              "</p><p itemprop='articleBody'>" + kThree + " " + kOne +
              "</p><p itemprop='articleBody'>" + kTwo + " " + kThree + "</p></div>"),
         kOne + " " + kTwo + "\n\n" + kThree + " " + kOne + "\n\n" + kTwo + " " + kThree},
        {"a heading beside the text that reads as prose is its standfirst",
         page("<main><h2 class='excerpt'>" + kThree + "</h2><div class='content'><p>" + kOne +
              "</p><p>" + kTwo + "</p><p>" + kOne + "</p><p>" + kTwo + "</p><p>" + kOne +
              "</p></div></main>"),
         kThree + "\n\n" + kOne + "\n\n" + kTwo + "\n\n" + kOne + "\n\n" + kTwo + "\n\n" + kOne},
        {"a lead paragraph above the text, over a byline, belongs to it",
         page("<header><h1>Flood</h1><div class='lead'><p>" + kThree +
              "</p></div><div>By Jane Roe</div></header><section><div class='text'><p>" + kOne +
              "</p><p>" + kTwo + "</p><p>" + kOne + "</p></div></section>"),
         kThree + "\n\n" + kOne + "\n\n" + kTwo + "\n\n" + kOne},
        {"a lead paragraph above the text is found over chrome left out between",
         page("<header><h1>Flood</h1><p>" + kThree +
              "</p><div class='share-bar'><p>Share this story with your friends, family and "
              "colleagues on any network</p></div></header><section><div class='text'><p>" +
              kOne + "</p><p>" + kTwo + "</p><p>" + kOne + "</p></div></section>"),
         kThree + "\n\n" + kOne + "\n\n" + kTwo + "\n\n" + kOne},
        {"a box of pictures with a short credit gives no body text",
         page("<article><p>" + kOne +
              "</p><div class='image'><img src='q.jpg'><div>Quay, photo: Jane "
              "Roe/Agency</div></div><p>" +
              kTwo + "</p><p>" + kThree + "</p></article>"),
         text},
        {"chrome names in the language of the site count too",
         page("<article>" + article +
              "<section class='kommentare'><p>Ein Leser schreibt, lang und breit, dass "
              "er das alles, wirklich alles, schon immer gewusst habe.</p></section></article>"),
         text},
        {"a short line with a link that ends the text is a call to act, not text",
         page("<article>" + article +
              "<p>Follow us on <a href='/channel'>our channel</a> for more news.</p></article>"),
         text},
        {"a line of figures alone is a date or a counter, not text",
         page("<article><p>" + kOne + "</p><p>12.03.2024</p><p>" + kTwo + "</p><p>" + kThree +
              "</p><p>14:57</p></article>"),
         text},
        {"a teaser without links is the page's own lead; one with links is another page's",
         page("<article><div class='teaser-text'><p>" + kThree + "</p></div><p>" + kOne +
              "</p><p>" + kTwo +
              "</p><div class='teaser'><a href='/b'>Another flood, "
              "in another town, last year</a> and what it cost.</div></article>"),
         kThree + "\n\n" + kOne + "\n\n" + kTwo},
    }));
    CAPTURE(rule);
    CHECK(body_of(html) == body);
}

TEST_CASE("HTML main text: captions of the article are returned apart", "[html][extract]") {
    const std::string html = page(
        "<article><figure><img src='a.jpg'><figcaption>The flooded quay at "
        "dawn</figcaption></figure><p>" +
        kOne + "</p><p>" + kTwo +
        "</p></article><div class='gallery'><figure>"
        "<figcaption>Unrelated</figcaption></figure></div>");
    const newsindex::html::Document document(html);
    const newsindex::html::MainText text = newsindex::html::extract_main_text(document.root());
    CHECK(text.paragraphs == Strings{kOne, kTwo});
    CHECK(text.captions == Strings{"The flooded quay at dawn"});
}

TEST_CASE("script and style contents are cut before parsing", "[html][extract]") {
    auto [html, cut] = GENERATE(table<std::string, std::string>({
        {"<p>a</p><script>x = '<p>b</p>';</script><p>c</p>", "<p>a</p><script></script><p>c</p>"},
        {"<STYLE media=x>p{}</Style >", "<STYLE media=x></Style >"},
        {"<script type=\"application/ld+json\">{}</script>",
         "<script type=\"application/ld+json\">{}</script>"},
        {"<script>never closed <p>x</p>", "<script>"},
        {"<!-- <script> --><p>kept</p><script>y</script>",
         "<!-- <script> --><p>kept</p><script></script>"},
        {"<scripts>not a script</scripts>", "<scripts>not a script</scripts>"},
        {"<script>a</scripty>b</script>c", "<script></script>c"},
        {"<script", "<script"},
    }));
    CAPTURE(html);
    CHECK(newsindex::html::without_script_contents(html) == cut);
}

TEST_CASE("deeply nested markup costs no call stack", "[html][extract]") {
    std::string html = "<title>Deep</title>";
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "<p>" + kOne + "</p>";
    CHECK(body_of(html) == kOne);
}

TEST_CASE("nesting deeper than the parser is given is flattened, text kept", "[html][extract]") {
    auto [html, capped] = GENERATE(table<std::string, std::string>({
        {"<div><div><div>x</div></div></div>", "<div><div>x</div></div>"},
        {"<div><span><b>x</b></span></div>", "<div><span>x</span></div>"},
        {"<div><p><p><p><li><br><img>x</div>", "<div><p><p><p><li><br><img>x</div>"},
        {"<div><div><div/>x</div></div>", "<div><div>x</div>"},
        {"<div><svg><path/><path/><g>x</g></svg></div>", "<div><svg><path/><path/>x</svg></div>"},
        {"<div><!-- <div><div> --></div>", "<div><!-- <div><div> --></div>"},
        {"</div></div><div><div><div>", "</div></div><div><div>"},
        {"<div><div>a</div><div>b</div></div>", "<div><div>a</div><div>b</div></div>"},
    }));
    CAPTURE(html);
    CHECK(newsindex::html::capped_nesting(html, 2) == capped);
}

TEST_CASE("a page nested 100,000 deep is read in linear time", "[html][extract]") {
    std::string html = "<title>Deep</title>";
    for (int i = 0; i < 100000; ++i) html += "<div><span><section>";
    html += "<p>" + kOne + "</p>";
    for (int i = 0; i < 100000; ++i) html += "</section></span></div>";
    const auto start = std::chrono::steady_clock::now();
    CHECK(body_of(html) == kOne);
    // Quadratic parsing took minutes here; linear takes well under a second.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("attributes after the first few hundred of a tag are dropped", "[html][extract]") {
    auto [html, capped] = GENERATE(table<std::string, std::string>({
        {"<p a b c d>x</p>", "<p a b >x</p>"},
        {"<p a='1 2 3' b=\"x>y\" c d>x</p>", "<p a='1 2 3' b=\"x>y\" >x</p>"},
        {"<p a b>x</p>", "<p a b>x</p>"},
        {"<a <a <a <a ", "<a <a <a "},
        {"a < b c d e", "a < b c d e"},
    }));
    CAPTURE(html);
    CHECK(newsindex::html::capped_attributes(html, 2) == capped);
}

TEST_CASE("a tag of a million attributes is read in linear time", "[html][extract]") {
    std::string html = "<title>Many</title><p>" + kOne + "</p>";
    for (int i = 0; i < 1000000; ++i) html += "<a ";
    const auto start = std::chrono::steady_clock::now();
    CHECK(body_of(html) == kOne);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("markup no reader uses is cut before parsing", "[html][extract]") {
    auto [html, slim] = GENERATE(table<std::string, std::string>({
        {"<p>a<!-- note <p>b</p> -->c</p>", "<p>ac</p>"},
        {"<!-->x<!--->y<!-- never closed", "xy"},
        {"<svg viewBox='0 0 9 9'><path d='M0 0L9 9'/><text>icon</text></svg>text",
         "<svg viewBox='0 0 9 9'></svg>text"},
        {"<SVG><g/></Svg>t<svg/>u", "<SVG></Svg>t<svg/>u"},
        {"<img src=\"a.jpg\" srcset='a 1x, b 2x' alt=\"Quay\" data-id=7 onclick=\"go()\">",
         "<img   alt=\"Quay\"  >"},
        {"<a href='/x' rel=author class=\"by\">Jane</a><link rel=canonical href=\"/c\">",
         "<a  rel=author class=\"by\">Jane</a><link rel=canonical href=\"/c\">"},
        {"<p title=\"a > b\" data-x='<p>'>t</p>", "<p title=\"a > b\" >t</p>"},
        {"a < b and <3 and </ p>", "a < b and <3 and </ p>"},
        {"<div data-never-closed=\"", "<div "},
    }));
    CAPTURE(html);
    CHECK(newsindex::html::slimmed_markup(html) == slim);
}

TEST_CASE("cutting unread markup leaves the text and the readers' attributes", "[html][extract]") {
    const std::string html = page(
        "<article class='story'><svg><title>Logo</title></svg><!-- ad slot --><p "
        "data-track='1' style='color:red'>" +
        kOne + "</p><p hidden onclick='x()'>Hidden box</p><p>" + kTwo + "</p></article>");
    CHECK(body_of(html) == kOne + "\n\n" + kTwo);
}
