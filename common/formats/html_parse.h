// The HTML5 tree of a page, as browsers build it: libgumbo parses, this wraps its output so
// that the other HTML files (html_metadata.cc, html_extract.cc) walk one tree. Internal to
// common/formats. Unclosed and misnested tags, <template>, <noscript>, SVG and MathML,
// scripts and character references are handled by the HTML5 algorithm, not by our rules.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::html {

// A parsed page. Parsing never fails: any bytes give a tree (text that is not UTF-8 should
// have become U+FFFD before, in the decoding stage). The contents of <script> and <style>
// elements, but for JSON-LD scripts, are cut before parsing: they are never text, and a
// third of the bytes of real pages, which the parser would otherwise tokenize character by
// character. The nodes live in an arena freed at once with the Document (no per-node frees,
// and no recursion however deep the tree). Not copyable; reading one Document from several
// threads is safe; nothing is mutated. Throws std::bad_alloc when memory runs out.
class Document {
  public:
    explicit Document(std::string_view utf8);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // The <html> element (the parser always makes one).
    const GumboNode& root() const { return *output_->root; }

  private:
    struct Arena {
        std::vector<std::unique_ptr<char[]>> chunks;
        char* next = nullptr;
        std::size_t left = 0;
    };
    static void* allocate(void* arena, std::size_t size);
    static void release(void* arena, void* pointer);

    Arena arena_;
    std::string source_;  // what the parser read; the tree points into it
    GumboOutput* output_;
};

// Returns html with the contents of its <script> and <style> elements removed, but for
// scripts whose type names JSON-LD. The end of an element is found as the HTML5 tokenizer
// finds it ("</script" followed by white space, "/" or ">"); an element left open runs to
// the end of html. Linear in the size of html.
std::string without_script_contents(std::string_view html);

// The deepest nesting the parser is given. libgumbo looks through the open elements for each
// tag, so its time grows with depth times tags: 100,000 nested <div>s took over a minute.
// Real pages stay far below this.
constexpr std::size_t kMaxNesting = 400;

// Returns html with the start tags that would open elements deeper than max_depth removed,
// and as many end tags after them, so that text stays and the parser's work stays linear.
// Depth is counted as a tokenizer would guess it: start tags of elements that are neither
// void nor closed implicitly (p, li, td, ...) open one level, their end tags close one.
// Linear in the size of html; html at most max_depth deep comes back unchanged.
std::string capped_nesting(std::string_view html, std::size_t max_depth = kMaxNesting);

// The most elements the parser is given: ten times the start tags of the largest of 990
// real saved pages (about 10,000). Each element costs the parser some 600 bytes, so a page of
// millions of tags ("<p>x<p>x...") would otherwise take gigabytes.
constexpr std::size_t kMaxElements = 100'000;

// Returns html cut just before its start tag number max_elements + 1 (counting "<" followed by
// a letter outside comments); the parser closes what is open there, as at any end of a page.
// Linear in the size of html; html with fewer start tags comes back whole.
std::string_view capped_elements(std::string_view html, std::size_t max_elements = kMaxElements);

// The most attributes a tag keeps. libgumbo compares each attribute with those before it, so
// a tag of a million attributes ("<a <a <a ...") would take hours.
constexpr std::size_t kMaxAttributes = 256;

// Returns html with the attributes of each tag after the first max_attributes removed, up to
// the tag's end (a ">" outside quoted values, else the end of html). Linear in the size of
// html; html without such tags comes back unchanged.
std::string capped_attributes(std::string_view html, std::size_t max_attributes = kMaxAttributes);

// True for an element of the HTML namespace with this tag (an SVG <title> is not a <title>).
inline bool is_html(const GumboNode& node, GumboTag tag) {
    return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag &&
           node.v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// The value of the element's attribute name (lowercase), or nullptr when it has none.
const char* attribute(const GumboNode& element, const char* name);

// The same, as a string: empty when absent.
std::string attribute_or_empty(const GumboNode& element, const char* name);

// The element's text: every text node below it, concatenated, with a space where a <br> or a
// block element separates words. Iterative, so depth costs no call stack.
std::string text_of(const GumboNode& element);

// Visits node and everything below it in document order without recursion. enter(node) is
// called for every node and returns false to skip the node's children; leave(node) is called
// after the children of every element entered.
template <class Enter, class Leave>
void walk(const GumboNode& node, Enter&& enter, Leave&& leave) {
    struct Frame {
        const GumboNode* node;
        unsigned next_child;
    };
    std::vector<Frame> stack;
    if (!enter(node) || node.type != GUMBO_NODE_ELEMENT) return;
    stack.push_back({&node, 0});
    while (!stack.empty()) {
        Frame& top = stack.back();
        const GumboVector& children = top.node->v.element.children;
        if (top.next_child >= children.length) {
            const GumboNode* done = top.node;
            stack.pop_back();
            leave(*done);
            continue;
        }
        const GumboNode* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
        if (enter(*child) && child->type == GUMBO_NODE_ELEMENT) stack.push_back({child, 0});
    }
}

}  // namespace newsindex::html
