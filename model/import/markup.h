#pragma once

#include <QString>

// Other trackers' rich text as Markdown, for the importers: Jira's HTML, Redmine's Textile and
// Trac's wiki syntax. Each converter is a single pass over its input (no recursion on nesting
// depth, so hostile input cannot overflow the stack, and linear time), never changes text
// inside code blocks and keeps every URL. Text with none of the source syntax comes back
// unchanged, and so does Markdown any of the three wrote: converting twice changes nothing.
namespace Deltaboard::Import::Markup {

// Jira's description and comment HTML (what an XML export holds after XML unescaping).
// Entities are decoded only when the text has an HTML tag; without one it is returned as it
// is. <br> becomes a hard line break ("\" at the end of the line).
QString fromHtml(const QString &html);

// Redmine's Textile: headings, *bold*, @code@, <pre> and bc. blocks, "label":url links,
// !images!, * and # lists, bq. quotes and -strike-. Tables and _italic_ are kept as they are.
QString fromTextile(const QString &textile);

// Trac's wiki syntax: = headings =, '''bold''', ''italic'', {{{code}}} and blocks, [url label]
// links, indented lists and [[BR]]. Tables (||a||b||) are kept as they are.
QString fromTracWiki(const QString &wiki);

} // namespace Deltaboard::Import::Markup
