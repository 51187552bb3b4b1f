#pragma once

#include <QString>

// Other trackers' rich text as Markdown, for the importers: Jira's HTML, Redmine's Textile and
// Trac's wiki syntax. Each converter is a single pass over its input (no recursion on nesting
// depth, so hostile input cannot overflow the stack), never changes text inside code blocks and
// keeps every URL. Text with none of the source syntax comes back unchanged, so a field that was
// already plain (or already Markdown) survives a second conversion.
namespace Deltaboard::Import::Markup {

// Jira's description and comment HTML (what an XML export holds after XML unescaping). Entities
// are decoded only when the text has an HTML tag; without one the text is returned as it is.
QString fromHtml(const QString &html);

// Redmine's Textile: headings, emphasis, @code@, <pre> blocks, "label":url links, !images!,
// lists, bq. quotes and -strike-. Tables are kept as they are.
QString fromTextile(const QString &textile);

// Trac's wiki syntax: = headings =, '''bold''', ''italic'', {{{code}}}, [url label] links,
// indented lists and [[BR]]. Tables (||a||b||) are kept as they are.
QString fromTracWiki(const QString &wiki);

} // namespace Deltaboard::Import::Markup
