// Markup that no reader of the tree looks at, cut before parsing: libgumbo's time grows with
// every byte it tokenizes (two thirds of the time to read a page), and a third of a page's
// markup, once scripts and styles are gone, is such bytes. Internal to common/formats.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::html {

// Returns html without:
// - comments ("<!-- ... -->"; an unclosed one runs to the end, as the tokenizer reads it);
// - the contents of <svg> elements (icons and drawings; the element itself stays, empty);
// - the attributes of start tags that no reader of the tree uses: data-*, event handlers
//   (on*), src, srcset, sizes, and href but on <link> and <base> (a link's target is not
//   its text; that it is a link stays known). A reader that needs one of them must take it off this
//   list (html_metadata.cc and html_extract*.cc read class, id, style, hidden, aria-hidden,
//   role, itemprop, content, name, property, rel, type, datetime, charset, lang, and href
//   of <link>).
// Text, other markup and the other attributes are copied as they are, so the parser builds
// the same tree but for what was cut. Tags are found as the HTML5 tokenizer finds them
// ("<" and a letter; attribute values quoted with " or ', or unquoted); text inside
// <textarea> or <title> that looks like a tag is read as one, which may drop an attribute
// name from the title's text in pages that write markup there unescaped. Expects the
// contents of scripts and styles to be cut already (without_script_contents). Linear in
// the size of html; never throws but std::bad_alloc.
std::string slimmed_markup(std::string_view html);

}  // namespace newsindex::html
