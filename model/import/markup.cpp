#include "markup.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import::Markup {

namespace {

// ---- Shared by the three converters

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == QChar(0xA0);
}

int longestRun(QStringView text, QChar c)
{
    int longest = 0;
    int run = 0;
    for (QChar x : text) {
        run = x == c ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// CommonMark closes a code span on a backtick run of the same length, so the delimiter is one
// longer than any run inside; a span starting or ending with a backtick needs padding.
QString codeSpan(QStringView code)
{
    const QString ticks(longestRun(code, u'`') + 1, u'`');
    const bool pad = code.startsWith(u'`') || code.endsWith(u'`');
    const QString space = pad ? u" "_s : QString();
    return ticks + space + code.toString() + space + ticks;
}

// A fenced block around `code`, each line after `indent` (the list or quote it sits in). The
// fence is longer than any backtick run in the code so nothing inside can close it.
QString fencedBlock(QStringView code, const QString &lang, const QString &indent,
                    const QString &firstIndent)
{
    const QString fence(std::max(3, longestRun(code, u'`') + 1), u'`');
    // The info string ends the fence line: a backtick or space in it would change the fence.
    QString info;
    for (QChar c : lang) {
        if (c.isLetterOrNumber() || c == u'+' || c == u'#' || c == u'.' || c == u'_' || c == u'-')
            info += c;
    }
    QString out = firstIndent + fence + info + u'\n';
    for (QStringView line : code.split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        out += (line.isEmpty() ? QStringView(indent).trimmed().toString() : indent)
               + line.toString() + u'\n';
    }
    return out + indent + fence;
}

QString fencedBlock(QStringView code, const QString &lang, const QString &indent = {})
{
    return fencedBlock(code, lang, indent, indent);
}

// A line without the quote marks and list markers in front of its content.
QStringView withoutContainers(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        if (c.isSpace() || c == u'>') {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < line.size() && j - i < 9 && line.at(j).isDigit())
            ++j;
        if (j > i && j < line.size() && (line.at(j) == u'.' || line.at(j) == u')'))
            ++j; // "1." or "1)"
        else if (j == i && (c == u'-' || c == u'*' || c == u'+'))
            ++j;
        else
            break;
        if (j < line.size() && !line.at(j).isSpace())
            break; // "-x" or "1.5" is content
        i = j;
    }
    return line.mid(i).trimmed();
}

// The length of the backtick fence that opens a Markdown code block on this line (maybe in a
// quote or list item), or 0.
int fenceLength(QStringView line)
{
    const QStringView trimmed = withoutContainers(line);
    int n = 0;
    while (n < trimmed.size() && trimmed.at(n) == u'`')
        ++n;
    // "``` x ```" is a code span: a fence's info string holds no backtick.
    return n >= 3 && !trimmed.mid(n).contains(u'`') ? n : 0;
}

bool closesFence(QStringView line, int open)
{
    const QStringView trimmed = withoutContainers(line);
    const int n = fenceLength(trimmed);
    return n >= open && n == trimmed.size();
}

// Markdown code spans in `text`, as [start, end) ranges. A span runs from a run of backticks
// to the next run of the same length; each run's partner is found from the right in one pass,
// so unmatched runs cost nothing more (a regex would rescan the rest for each of them).
std::vector<std::pair<qsizetype, qsizetype>> backtickSpans(QStringView text)
{
    struct Run
    {
        qsizetype start;
        qsizetype length;
    };
    std::vector<Run> runs;
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) != u'`') {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && text.at(i) == u'`')
            ++i;
        runs.push_back({start, i - start});
    }
    std::vector<qsizetype> partner(runs.size(), -1);
    QHash<qsizetype, qsizetype> nextOfLength;
    for (qsizetype r = qsizetype(runs.size()) - 1; r >= 0; --r) {
        partner[size_t(r)] = nextOfLength.value(runs[size_t(r)].length, -1);
        nextOfLength.insert(runs[size_t(r)].length, r);
    }
    std::vector<std::pair<qsizetype, qsizetype>> spans;
    for (size_t r = 0; r < runs.size();) {
        if (partner[r] < 0) {
            ++r;
            continue;
        }
        const Run &close = runs[size_t(partner[r])];
        spans.emplace_back(runs[r].start, close.start + close.length);
        r = size_t(partner[r]) + 1;
    }
    return spans;
}

// A paragraph without its code spans: a span never crosses a blank line.
QString withoutCodeSpans(const QString &paragraph)
{
    QString out;
    qsizetype from = 0;
    for (const auto &[start, end] : backtickSpans(paragraph)) {
        out += QStringView(paragraph).mid(from, start - from);
        out += u' ';
        from = end;
    }
    return out + paragraph.mid(from);
}

// The text with Markdown code (fenced blocks and `spans`) left out, to look for HTML in.
QString withoutMarkdownCode(const QString &text)
{
    QString out;
    QString paragraph;
    int open = 0;
    for (QStringView line : QStringView(text).split(u'\n')) {
        if (open > 0) {
            if (closesFence(line, open))
                open = 0;
        } else if (const int n = fenceLength(line)) {
            open = n;
            out += withoutCodeSpans(std::exchange(paragraph, QString()));
        } else if (withoutContainers(line).isEmpty()) {
            out += withoutCodeSpans(std::exchange(paragraph, QString())) + u'\n';
        } else {
            paragraph += line;
            paragraph += u'\n';
        }
    }
    return out + withoutCodeSpans(paragraph);
}

bool isWebUrl(QStringView url)
{
    static const QRegularExpression scheme(u"^(?:https?|ftps?|mailto|file):"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return scheme.match(url.toString()).hasMatch();
}

// A link destination as Markdown reads it. Balanced parentheses (Wikipedia's) may stay,
// others are escaped; a URL with spaces goes in <…>, or has them encoded where it cannot.
QString linkDestination(const QString &url)
{
    int depth = 0;
    bool balanced = true;
    bool spaces = false;
    for (QChar c : url) {
        if (c == u'(')
            ++depth;
        else if (c == u')' && --depth < 0)
            balanced = false;
        else if (isSpace(c))
            spaces = true;
    }
    QString out = url;
    if (!balanced || depth != 0) {
        out.replace(u"("_s, u"\\("_s);
        out.replace(u")"_s, u"\\)"_s);
    }
    if (!spaces)
        return out;
    if (!out.contains(u'<') && !out.contains(u'>') && !out.contains(u'\n') && !out.contains(u'\r'))
        return u'<' + out + u'>';
    QString encoded;
    for (QChar c : out)
        encoded += isSpace(c) ? QString::fromLatin1(QString(c).toUtf8().toPercentEncoding())
                              : QString(c);
    return encoded;
}

// Text that goes between [ and ]: a bracket in it would end the label early.
QString escapeLabel(const QString &label)
{
    QString out = label;
    out.replace(u"["_s, u"\\["_s);
    out.replace(u"]"_s, u"\\]"_s);
    return out;
}

QString link(const QString &label, const QString &url)
{
    if (label.isEmpty() || label == url) {
        static const QRegularExpression autolink(u"^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>]*$"_s);
        if (autolink.match(url).hasMatch())
            return u'<' + url + u'>';
        return u'[' + escapeLabel(label.isEmpty() ? url : label) + u"]("_s + linkDestination(url)
               + u')';
    }
    return u'[' + escapeLabel(label) + u"]("_s + linkDestination(url) + u')';
}

// Protected spans (code, links, URLs) are swapped for placeholders while the emphasis rules run
// over the line, so emphasis may wrap a link but never reaches inside code or a URL.
constexpr char16_t kOpen = 0xE000;
constexpr char16_t kClose = 0xE001;

bool hasPlaceholders(const QString &text)
{
    return text.contains(QChar(kOpen)) || text.contains(QChar(kClose));
}

QString placeholder(qsizetype index)
{
    return QChar(kOpen) + QString::number(index) + QChar(kClose);
}

// Markdown code spans already in the line are kept as they are, behind placeholders.
QString protectBacktickSpans(const QString &line, QStringList &saved)
{
    if (hasPlaceholders(line))
        return line;
    QString out;
    qsizetype from = 0;
    for (const auto &[start, end] : backtickSpans(line)) {
        out += QStringView(line).mid(from, start - from);
        out += placeholder(saved.size());
        saved << line.mid(start, end - start);
        from = end;
    }
    return out + line.mid(from);
}

// `saved` holds spans a caller protected already, as placeholders in `line`.
template<typename SpanFn, typename PlainFn>
QString convertInline(const QString &line, const QRegularExpression &spans, SpanFn span,
                      PlainFn plain, QStringList saved = {})
{
    // Placeholders are private-use characters; a line that already holds them keeps its plain
    // text as it is rather than risk confusing the two.
    const bool canProtect = !saved.isEmpty() || !hasPlaceholders(line);
    QString work;
    qsizetype last = 0;
    for (auto it = spans.globalMatch(line); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        work += QStringView(line).mid(last, m.capturedStart() - last);
        const QString converted = span(m);
        if (canProtect) {
            work += placeholder(saved.size());
            saved << converted;
        } else {
            work += converted;
        }
        last = m.capturedEnd();
    }
    work += QStringView(line).mid(last);
    if (!canProtect)
        return work;
    work = plain(work);
    if (saved.isEmpty())
        return work;
    QString out;
    out.reserve(work.size());
    for (qsizetype i = 0; i < work.size(); ++i) {
        if (work.at(i) == QChar(kOpen)) {
            const qsizetype end = work.indexOf(QChar(kClose), i);
            bool ok = false;
            const int index = QStringView(work).mid(i + 1, end - i - 1).toInt(&ok);
            if (end > i && ok && index >= 0 && index < saved.size()) {
                out += saved.at(index);
                i = end;
                continue;
            }
        }
        out += work.at(i);
    }
    return out;
}

// A URL's trailing sentence punctuation belongs to the sentence, not the URL.
qsizetype urlLengthWithoutPunctuation(QStringView url)
{
    qsizetype n = url.size();
    qsizetype unmatched = url.count(u')') - url.count(u'(');
    while (n > 1) {
        const QChar c = url.at(n - 1);
        if (c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?'
            || c == u'\'') {
            --n;
        } else if (c == u')' && unmatched > 0) {
            --n; // "(see http://x)" - a URL's own parentheses come in pairs
            --unmatched;
        } else {
            break;
        }
    }
    return n;
}

QString languageFromClass(QStringView cls)
{
    for (QStringView token : cls.split(u' ', Qt::SkipEmptyParts)) {
        for (QStringView prefix : {u"code-", u"language-", u"lang-"}) {
            if (token.startsWith(prefix) && token.size() > prefix.size()) {
                const QString lang = token.mid(prefix.size()).toString().toLower();
                return lang == u"none" || lang == u"text" ? QString() : lang;
            }
        }
    }
    return {};
}

// ---- HTML

struct Entity
{
    QLatin1StringView name;
    char16_t ch;
};

// What Jira writes, plus the typographic ones people paste in.
constexpr Entity kEntities[] = {
    {"amp"_L1, u'&'},         {"lt"_L1, u'<'},         {"gt"_L1, u'>'},
    {"quot"_L1, u'"'},        {"apos"_L1, u'\''},      {"nbsp"_L1, u' '},
    {"copy"_L1, u'\u00A9'},   {"reg"_L1, u'\u00AE'},   {"trade"_L1, u'\u2122'},
    {"hellip"_L1, u'\u2026'}, {"mdash"_L1, u'\u2014'}, {"ndash"_L1, u'\u2013'},
    {"lsquo"_L1, u'\u2018'},  {"rsquo"_L1, u'\u2019'}, {"ldquo"_L1, u'\u201C'},
    {"rdquo"_L1, u'\u201D'},  {"bull"_L1, u'\u2022'},  {"middot"_L1, u'\u00B7'},
    {"times"_L1, u'\u00D7'},  {"euro"_L1, u'\u20AC'},  {"laquo"_L1, u'\u00AB'},
    {"raquo"_L1, u'\u00BB'},  {"deg"_L1, u'\u00B0'},   {"larr"_L1, u'\u2190'},
    {"rarr"_L1, u'\u2192'},
};

// Decodes the entity at `text[i]` (which is '&') into `out`; returns how many characters it
// took, or 0 when it is not one (the '&' is then plain text). Looks at most a few characters
// ahead, so decoding stays linear.
qsizetype decodeEntity(QStringView text, qsizetype i, QString &out)
{
    constexpr qsizetype kMaxLength = 12;
    const qsizetype end = text.mid(i, kMaxLength).indexOf(u';');
    if (end < 2)
        return 0;
    const QStringView body = text.mid(i + 1, end - 1);
    if (body.startsWith(u'#')) {
        bool ok = false;
        const bool hex = body.size() > 1 && (body.at(1) == u'x' || body.at(1) == u'X');
        const uint code = hex ? body.mid(2).toUInt(&ok, 16) : body.mid(1).toUInt(&ok, 10);
        if (!ok)
            return 0;
        // Nothing a description can show: NUL, surrogates, beyond Unicode.
        const bool valid = code != 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
        const char32_t ch = valid ? (code == 0xA0 ? U' ' : char32_t(code)) : U'\uFFFD';
        out += QString::fromUcs4(&ch, 1);
        return end + 1;
    }
    for (const Entity &entity : kEntities) {
        if (body == entity.name) {
            out += QChar(entity.ch);
            return end + 1;
        }
    }
    return 0;
}

QString decodeEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (const qsizetype used = decodeEntity(text, i, out)) {
                i += used - 1;
                continue;
            }
        }
        out += text.at(i);
    }
    return out;
}

struct Tag
{
    QString name; // lower case
    QStringView attributes;
    bool closing = false;
    bool selfClosing = false;
    qsizetype end = 0; // one past the '>'
};

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// The tag starting at text[i] ('<'), or a tag with an empty name when there is none. The scan
// for '>' stops at the next '<', so each character is looked at a bounded number of times and
// a page of '<' without '>' stays linear.
Tag parseTag(QStringView text, qsizetype i)
{
    Tag tag;
    qsizetype j = i + 1;
    if (j < text.size() && text.at(j) == u'/') {
        tag.closing = true;
        ++j;
    }
    if (j >= text.size() || !isAsciiLetter(text.at(j)))
        return tag;
    const qsizetype nameStart = j;
    // Word's <o:p> and Confluence's <ac:structured-macro> are tags too (dropped, text kept).
    while (j < text.size()
           && (isAsciiLetter(text.at(j)) || text.at(j).isDigit() || text.at(j) == u':'
               || text.at(j) == u'-'))
        ++j;
    const qsizetype nameEnd = j;
    if (j < text.size() && !isSpace(text.at(j)) && text.at(j) != u'/' && text.at(j) != u'>')
        return tag; // "<3", "<a=b", "<x.y": not a tag
    QChar quote;
    for (; j < text.size(); ++j) {
        const QChar c = text.at(j);
        if (c == u'<')
            return tag;
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            tag.name = text.mid(nameStart, nameEnd - nameStart).toString().toLower();
            tag.attributes = text.mid(nameEnd, j - nameEnd);
            tag.selfClosing = tag.attributes.endsWith(u'/');
            tag.end = j + 1;
            return tag;
        }
    }
    return tag;
}

QString attribute(QStringView attributes, QStringView wanted)
{
    qsizetype i = 0;
    const qsizetype n = attributes.size();
    while (i < n) {
        while (i < n && (isSpace(attributes.at(i)) || attributes.at(i) == u'/'))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && !isSpace(attributes.at(i)) && attributes.at(i) != u'='
               && attributes.at(i) != u'/')
            ++i;
        const QStringView name = attributes.mid(nameStart, i - nameStart);
        while (i < n && isSpace(attributes.at(i)))
            ++i;
        QStringView value;
        if (i < n && attributes.at(i) == u'=') {
            ++i;
            while (i < n && isSpace(attributes.at(i)))
                ++i;
            if (i < n && (attributes.at(i) == u'"' || attributes.at(i) == u'\'')) {
                const QChar quote = attributes.at(i++);
                const qsizetype start = i;
                while (i < n && attributes.at(i) != quote)
                    ++i;
                value = attributes.mid(start, i - start);
                ++i;
            } else {
                const qsizetype start = i;
                while (i < n && !isSpace(attributes.at(i)))
                    ++i;
                value = attributes.mid(start, i - start);
            }
        }
        if (name.compare(wanted, Qt::CaseInsensitive) == 0)
            return decodeEntities(value).trimmed();
        if (name.isEmpty() && i < n)
            ++i; // a stray '=': step over it
    }
    return {};
}

// Writes Markdown while the HTML is read once, start to end. Nesting lives in counters and a
// small stack of containers (quotes and lists), never in the call stack.
class HtmlWriter
{
public:
    void text(QStringView text);
    void tag(const Tag &tag);
    QString finish();

private:
    enum Style { Bold, Italic, Strike, Code, StyleCount };
    struct Container
    {
        bool quote = false;
        bool ordered = false;
        int counter = 0;
        QString bullet; // this list's item marker, written at the start of the item's first line
        bool bulletPending = false;
    };

    void breakLine(int lines);
    void commitBreak();
    void flush(bool inlineMarkers = true);
    void openStyles(bool outsideLinkOnly);
    static QString marker(Style style);
    void writeInline(const QString &markdown);
    void openStyle(Style style);
    void closeStyle(Style style);
    void closeEmittedStyles();
    void closeInnermost();
    void finishLink();
    void openContainer(bool quote, bool ordered, int start);
    void closeContainer(bool quote);
    void startItem();
    void startPre(const QString &lang);
    void endPre();
    void endRow();
    QString linePrefix();
    QString continuationPrefix() const;
    QString blankLinePrefix() const;

    QString m_out;
    int m_pendingBreak = 0; // 1: a new line, 2: a blank line, before the next text
    bool m_atLineStart = true;
    bool m_blankLine = false; // the last line written is blank (so one break is enough)
    bool m_hardBreak = false; // the pending break is a <br> inside a block
    bool m_pendingSpace = false;
    QString m_headingLead;

    // Nesting deeper than this is read but not indented further: a line's prefix is built from
    // the containers, and a prefix as deep as the input would make the output quadratic.
    static constexpr int kMaxContainers = 32;
    std::vector<Container> m_containers;
    int m_overflowLists = 0;
    int m_overflowQuotes = 0;

    int m_styleDepth[StyleCount] = {};
    bool m_styleEmitted[StyleCount] = {};
    std::vector<Style> m_emittedOrder; // so closing markers nest the way the opening ones did
    qsizetype m_codeStart = 0;         // where the open code span's content starts in m_out

    bool m_inLink = false;
    QString m_href;
    qsizetype m_labelStart = -1; // where the label starts in m_out once '[' is written
    int m_styleDepthAtLink[StyleCount] = {};
    size_t m_linkStyles = 0; // styles emitted before the '[': they stay open after the link

    int m_preDepth = 0;
    QString m_pre;
    QString m_preLang;
    qsizetype m_lastFenceStart = 0;
    qsizetype m_lastFenceEnd = 0;
    bool m_lastFenceAtLineStart = true;
    bool m_lastFenceBlankLine = false;
    QString m_lastFenceCode;
    QString m_lastFenceLang;

    int m_tableDepth = 0;
    bool m_inCell = false;
    int m_cells = 0;
    int m_rows = 0;
    bool m_rowWritten = false;
    QString m_pendingCells;
};

QString HtmlWriter::linePrefix()
{
    QString prefix;
    for (Container &c : m_containers) {
        if (c.quote) {
            prefix += u"> "_s;
        } else if (c.bulletPending) {
            prefix += c.bullet;
            c.bulletPending = false;
        } else {
            prefix += QString(c.bullet.size(), u' ');
        }
    }
    return prefix;
}

// The prefix of a line that continues the innermost item or quote (no bullets).
QString HtmlWriter::continuationPrefix() const
{
    QString prefix;
    for (const Container &c : m_containers) {
        if (c.quote)
            prefix += u"> "_s;
        else
            prefix += QString(c.bullet.size(), u' ');
    }
    return prefix;
}

QString HtmlWriter::blankLinePrefix() const
{
    QString prefix = continuationPrefix();
    while (!prefix.isEmpty() && prefix.back() == u' ')
        prefix.chop(1);
    return prefix;
}

void HtmlWriter::breakLine(int lines)
{
    m_hardBreak = false;
    if (m_inCell) {
        // A table row is one line: breaks inside a cell become spaces.
        m_pendingSpace = true;
        return;
    }
    m_pendingBreak = std::max(m_pendingBreak, lines);
}

// Writes the pending line break now, before a quote or list starts or ends and changes the
// prefix of the lines that follow.
void HtmlWriter::commitBreak()
{
    if (m_pendingBreak > 0 && !m_out.isEmpty()) {
        closeEmittedStyles();
        if (m_labelStart >= 0)
            finishLink(); // a link does not span blocks
        if (!m_atLineStart)
            m_out += m_hardBreak && m_pendingBreak == 1 ? u"\\\n"_s : u"\n"_s;
        if (m_pendingBreak > 1 && !m_blankLine)
            m_out += blankLinePrefix() + u'\n';
        m_blankLine = m_pendingBreak > 1;
        m_atLineStart = true;
    }
    m_pendingBreak = 0;
    m_hardBreak = false;
}

// Everything that waits for the next visible character: the line break, the line's prefix,
// a space, table cell separators, the link's '[' and opening emphasis markers.
void HtmlWriter::flush(bool inlineMarkers)
{
    commitBreak();
    if (m_atLineStart) {
        m_blankLine = false;
        m_out += linePrefix() + m_headingLead;
        m_headingLead.clear();
        m_atLineStart = false;
    } else if (m_pendingSpace && m_pendingCells.isEmpty()) {
        m_out += u' ';
    }
    m_pendingSpace = false;
    if (!m_pendingCells.isEmpty()) {
        m_out += m_pendingCells;
        m_pendingCells.clear();
        m_rowWritten = true;
    }
    if (!inlineMarkers)
        return;
    // Styles the link sits in open before its '[', those inside it after.
    if (m_inLink && m_labelStart < 0) {
        openStyles(true);
        m_out += u'[';
        m_labelStart = m_out.size();
        m_linkStyles = m_emittedOrder.size();
    }
    openStyles(false);
}

// Markers are written only when text follows, so an empty <b></b> leaves nothing; none go
// inside a code span, where they would be literal.
void HtmlWriter::openStyles(bool outsideLinkOnly)
{
    if (m_styleEmitted[Code])
        return;
    for (Style s : {Bold, Italic, Strike, Code}) {
        if (m_styleDepth[s] > 0 && !m_styleEmitted[s]
            && (!outsideLinkOnly || m_styleDepthAtLink[s] > 0)) {
            m_out += marker(s);
            m_styleEmitted[s] = true;
            m_emittedOrder.push_back(s);
            if (s == Code)
                m_codeStart = m_out.size();
        }
    }
}

void HtmlWriter::writeInline(const QString &markdown)
{
    if (m_preDepth > 0) {
        m_pre += markdown;
        return;
    }
    flush();
    m_out += markdown;
}

void HtmlWriter::text(QStringView text)
{
    if (m_preDepth > 0) {
        m_pre += text;
        return;
    }
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (isSpace(text.at(i))) {
            m_pendingSpace = true;
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && !isSpace(text.at(i)))
            ++i;
        flush();
        const QStringView word = text.mid(start, i - start);
        if (m_styleEmitted[Code]) {
            m_out += word;
            continue;
        }
        for (qsizetype k = 0; k < word.size(); ++k) {
            const QChar c = word.at(k);
            const QChar next = k + 1 < word.size() ? word.at(k + 1) : QChar();
            // "<b>" written as text must not read as a tag when the Markdown is rendered or
            // converted again; "a < b" and "->" need nothing.
            if (c == u'<' && (isAsciiLetter(next) || next == u'/' || next == u'!' || next == u'?'))
                m_out += u'\\';
            else if (c == u'|' && m_inCell)
                m_out += u'\\';
            else if ((c == u'[' || c == u']') && m_labelStart >= 0)
                m_out += u'\\';
            m_out += c;
        }
    }
}

QString HtmlWriter::marker(Style style)
{
    switch (style) {
    case Bold: return u"**"_s;
    case Italic: return u"_"_s;
    case Strike: return u"~~"_s;
    default: return u"`"_s;
    }
}

void HtmlWriter::openStyle(Style style)
{
    ++m_styleDepth[style];
}

void HtmlWriter::closeStyle(Style style)
{
    if (m_styleDepth[style] == 0)
        return; // a stray closing tag
    if (--m_styleDepth[style] > 0 || !m_styleEmitted[style])
        return;
    // Close what was opened inside it first; those reopen before the next text.
    while (!m_emittedOrder.empty()) {
        const Style top = m_emittedOrder.back();
        closeInnermost();
        if (top == style)
            break;
    }
}

// Writes the closing marker of the innermost style written. A code span's delimiter is only
// known once its content is: with a backtick inside, the span is written again with a longer
// one.
void HtmlWriter::closeInnermost()
{
    const Style top = m_emittedOrder.back();
    m_emittedOrder.pop_back();
    m_styleEmitted[top] = false;
    if (top == Code && m_out.indexOf(u'`', m_codeStart) >= 0) {
        const QString code = m_out.mid(m_codeStart);
        m_out.truncate(m_codeStart - 1);
        m_out += codeSpan(code);
        return;
    }
    m_out += marker(top);
}

void HtmlWriter::closeEmittedStyles()
{
    while (!m_emittedOrder.empty())
        closeInnermost();
}

void HtmlWriter::finishLink()
{
    if (!m_inLink)
        return;
    m_inLink = false;
    if (m_labelStart < 0) {
        // No label: the URL itself is the text (a bare anchor, <a name=…>, has none).
        if (!m_href.isEmpty() && !m_href.startsWith(u'#'))
            writeInline(link({}, m_href));
        return;
    }
    while (m_emittedOrder.size() > m_linkStyles)
        closeInnermost(); // they reopen after the link if still open
    const QString label = m_out.mid(m_labelStart);
    const qsizetype bracket = m_labelStart - 1;
    m_labelStart = -1;
    if (m_href.isEmpty() || m_href.startsWith(u'#')) {
        m_out.remove(bracket, 1); // not a link to anywhere: keep the text
        return;
    }
    if (label == m_href || (m_href.startsWith(u"mailto:"_s) && label == m_href.mid(7))) {
        m_out.truncate(bracket);
        m_out += link({}, m_href);
        return;
    }
    m_out += u"]("_s + linkDestination(m_href) + u')';
}

void HtmlWriter::openContainer(bool quote, bool ordered, int start)
{
    if (int(m_containers.size()) >= kMaxContainers) {
        ++(quote ? m_overflowQuotes : m_overflowLists);
        return;
    }
    commitBreak();
    Container c;
    c.quote = quote;
    c.ordered = ordered;
    c.counter = start - 1;
    m_containers.push_back(c);
}

void HtmlWriter::closeContainer(bool quote)
{
    int &overflow = quote ? m_overflowQuotes : m_overflowLists;
    if (overflow > 0) {
        --overflow;
        return;
    }
    // Malformed nesting: close up to the innermost container of this kind, if there is one.
    const auto it = std::find_if(m_containers.rbegin(), m_containers.rend(),
                                 [quote](const Container &c) { return c.quote == quote; });
    if (it == m_containers.rend())
        return;
    // End the last line inside; a blank line waits for the prefix of what comes after.
    const int pending = m_pendingBreak;
    m_pendingBreak = std::min(pending, 1);
    commitBreak();
    m_pendingBreak = pending > 1 ? 2 : 0;
    m_containers.erase(std::prev(it.base()), m_containers.end());
}

void HtmlWriter::startItem()
{
    if (m_containers.empty() || m_containers.back().quote) {
        if (m_overflowLists > 0)
            return;
        openContainer(false, false, 1); // an <li> outside any list
    }
    Container &list = m_containers.back();
    ++list.counter;
    list.bullet = list.ordered ? QString::number(list.counter) + u". "_s : u"- "_s;
    list.bulletPending = true;
}

void HtmlWriter::startPre(const QString &lang)
{
    if (m_preDepth++ > 0)
        return;
    m_inCell = false; // a code block cannot sit in a one-line table row
    m_pendingCells.clear();
    m_pendingBreak = 2;
    m_pre.clear();
    m_preLang = lang;
}

void HtmlWriter::endPre()
{
    if (m_preDepth == 0 || --m_preDepth > 0)
        return;
    QString code = std::exchange(m_pre, QString());
    // HTML drops the line break right after <pre>; trailing breaks only pad the block.
    if (code.startsWith(u'\n'))
        code.remove(0, 1);
    qsizetype lastText = code.size();
    while (lastText > 0 && isSpace(code.at(lastText - 1)))
        --lastText;
    code.truncate(lastText); // blank lines and spaces at the end only pad the block
    if (code.trimmed().isEmpty()) {
        breakLine(2);
        return;
    }
    // Jira's syntax highlighting plugin writes each line of a snippet as a <pre> in a table row
    // of its own: blocks with nothing between them in one table are one snippet.
    if (m_tableDepth > 0 && m_containers.empty() && m_lastFenceEnd > 0
        && m_out.size() == m_lastFenceEnd && m_preLang == m_lastFenceLang) {
        m_out.truncate(m_lastFenceStart);
        m_atLineStart = m_lastFenceAtLineStart;
        m_blankLine = m_lastFenceBlankLine;
        code = m_lastFenceCode + u'\n' + code;
    }
    m_lastFenceStart = m_out.size();
    m_lastFenceAtLineStart = m_atLineStart;
    m_lastFenceBlankLine = m_blankLine;
    m_lastFenceCode = code;
    m_lastFenceLang = m_preLang;
    m_pendingBreak = 2;
    m_headingLead.clear(); // a heading cannot hold a code block
    flush(false);          // the break and the first line's prefix (a bullet, quote marks)
    m_out += fencedBlock(code, m_preLang, continuationPrefix(), {});
    m_lastFenceEnd = m_out.size();
    m_pendingBreak = 2;
}

void HtmlWriter::endRow()
{
    if (m_rowWritten) {
        if (m_labelStart >= 0)
            finishLink();
        closeEmittedStyles(); // emphasis does not run across cells
        m_out += u" |"_s;
        if (m_rows == 0 && m_cells > 0) {
            // Markdown reads the first row as the header only with a delimiter row under it.
            m_out += u'\n' + continuationPrefix() + u'|';
            for (int i = 0; i < m_cells; ++i)
                m_out += u" --- |"_s;
        }
        ++m_rows;
    }
    m_rowWritten = false;
    m_pendingCells.clear();
    m_cells = 0;
    m_inCell = false;
    breakLine(1);
}

void HtmlWriter::tag(const Tag &tag)
{
    const QString &name = tag.name;
    if (m_preDepth > 0) {
        // Inside <pre> only the block's own end and line breaks count; syntax highlighting
        // spans are dropped.
        if (name == u"pre" && tag.closing)
            endPre();
        else if (name == u"pre" && !tag.selfClosing)
            ++m_preDepth;
        else if (name == u"br")
            m_pre += u'\n';
        else if (name == u"code" && !tag.closing && m_preLang.isEmpty())
            m_preLang = languageFromClass(attribute(tag.attributes, u"class"));
        return;
    }
    const bool open = !tag.closing;
    if (name == u"b" || name == u"strong") {
        open ? openStyle(Bold) : closeStyle(Bold);
    } else if (name == u"i" || name == u"em" || name == u"cite") {
        open ? openStyle(Italic) : closeStyle(Italic);
    } else if (name == u"del" || name == u"s" || name == u"strike") {
        open ? openStyle(Strike) : closeStyle(Strike);
    } else if (name == u"tt" || name == u"code" || name == u"kbd" || name == u"samp") {
        open ? openStyle(Code) : closeStyle(Code);
    } else if (name == u"a") {
        if (open && !tag.selfClosing && !m_inLink) {
            m_inLink = true;
            std::copy(std::begin(m_styleDepth), std::end(m_styleDepth),
                      std::begin(m_styleDepthAtLink));
            m_href = attribute(tag.attributes, u"href");
            m_labelStart = -1;
        } else if (!open) {
            finishLink();
        }
    } else if (name == u"img") {
        if (open) {
            const QString src = attribute(tag.attributes, u"src");
            if (!src.isEmpty()) {
                writeInline(u"!["_s + escapeLabel(attribute(tag.attributes, u"alt")) + u"]("_s
                            + linkDestination(src) + u')');
            }
        }
    } else if (name == u"br") {
        if (m_inCell)
            m_pendingSpace = true;
        else if (!m_out.isEmpty() || m_pendingBreak > 0)
            breakLine(m_pendingBreak >= 1 ? 2 : 1);
        // A line break within a paragraph; Markdown joins plain line breaks into one line.
        m_hardBreak = !m_inCell && m_pendingBreak == 1;
    } else if (name == u"p" || name == u"div" || name == u"dl" || name == u"center"
               || name == u"section" || name == u"article" || name == u"figure") {
        breakLine(2);
    } else if (name.size() == 2 && name.at(0) == u'h' && name.at(1) >= u'1' && name.at(1) <= u'6') {
        breakLine(2);
        m_headingLead = open ? QString(name.at(1).digitValue(), u'#') + u' ' : QString();
    } else if (name == u"ul" || name == u"ol") {
        if (tag.selfClosing)
            return;
        if (open) {
            const bool nested = std::any_of(m_containers.begin(), m_containers.end(),
                                            [](const Container &c) { return !c.quote; });
            breakLine(nested ? 1 : 2);
            bool ok = false;
            const int start = attribute(tag.attributes, u"start").toInt(&ok);
            // Markdown numbers items with at most nine digits.
            openContainer(false, name == u"ol", ok ? std::clamp(start, 0, 99999999) : 1);
        } else {
            closeContainer(false);
            const bool nested = std::any_of(m_containers.begin(), m_containers.end(),
                                            [](const Container &c) { return !c.quote; });
            breakLine(nested ? 1 : 2);
        }
    } else if (name == u"li") {
        breakLine(1);
        if (open && !tag.selfClosing)
            startItem();
        else if (!m_containers.empty())
            m_containers.back().bulletPending = false;
    } else if (name == u"dt" || name == u"dd") {
        breakLine(1);
    } else if (name == u"blockquote") {
        breakLine(2);
        if (!tag.selfClosing)
            open ? openContainer(true, false, 1) : closeContainer(true);
    } else if (name == u"pre") {
        if (open && !tag.selfClosing)
            startPre(languageFromClass(attribute(tag.attributes, u"class")));
    } else if (name == u"hr") {
        breakLine(2);
        flush(false); // no emphasis markers or '[' around the rule
        m_out += u"---"_s;
        breakLine(2);
    } else if (name == u"table") {
        if (tag.selfClosing)
            return;
        const int before = m_tableDepth;
        m_tableDepth = open ? m_tableDepth + 1 : std::max(0, m_tableDepth - 1);
        if ((open && m_tableDepth == 1) || (!open && before == 1)) {
            if (m_rowWritten)
                endRow();
            m_inCell = false;
            breakLine(2);
            m_rows = 0;
        }
    } else if (name == u"tr") {
        if (m_tableDepth > 1)
            return; // a table in a cell is flattened into the cell
        if (m_rowWritten || !open)
            endRow();
        breakLine(1);
    } else if (name == u"td" || name == u"th") {
        if (m_tableDepth > 1 || m_tableDepth == 0) {
            m_pendingSpace = true;
        } else if (open) {
            if (m_labelStart >= 0)
                finishLink();
            closeEmittedStyles(); // they reopen in the new cell if still open
            m_inCell = true;
            m_pendingCells += m_cells == 0 ? u"| "_s : u" | "_s;
            ++m_cells;
        }
    }
    // Anything else (span, font, u, sup, unknown tags) is dropped; its text stays.
}

QString HtmlWriter::finish()
{
    if (m_preDepth > 0) {
        m_preDepth = 1;
        endPre(); // an unclosed <pre> still ends its block
    }
    if (m_rowWritten)
        endRow();
    if (m_inLink)
        finishLink();
    closeEmittedStyles();
    while (!m_out.isEmpty() && isSpace(m_out.back()))
        m_out.chop(1);
    return m_out;
}

bool looksLikeHtml(const QString &text)
{
    // Only the tags trackers write: "List<T>" or "<none>" in plain text is not HTML.
    static const QRegularExpression tag(
        u"(?<!\\\\)</"
        u"?(?:p|br|a|b|i|u|s|em|strong|tt|code|pre|div|span|ul|ol|li|h[1-6]|blockquote|img|font"
        "|del|ins|strike|table|thead|tbody|tr|td|th|hr|sup|sub|cite|dl|dt|dd|kbd|center)"
        "(?:\\s[^<>]*)?/?>"_s,
        QRegularExpression::CaseInsensitiveOption);
    // Tags inside Markdown code are code: converted output that quotes HTML reads back as is.
    return tag.match(text).hasMatch() && tag.match(withoutMarkdownCode(text)).hasMatch();
}

} // namespace

QString fromHtml(const QString &html)
{
    if (!looksLikeHtml(html))
        return html;
    HtmlWriter writer;
    const QStringView text(html);
    const qsizetype n = text.size();
    QString pending; // decoded text up to the next tag
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'<') {
            if (text.mid(i, 4) == u"<!--") {
                const qsizetype end = text.indexOf(u"-->", i + 4);
                i = end < 0 ? n : end + 3; // an unclosed comment runs to the end, as in browsers
                continue;
            }
            if (i + 1 < n && (text.at(i + 1) == u'!' || text.at(i + 1) == u'?')) {
                qsizetype j = i + 2;
                while (j < n && text.at(j) != u'>' && text.at(j) != u'<')
                    ++j;
                if (j < n && text.at(j) == u'>') {
                    i = j + 1; // <!DOCTYPE …>, <?xml …?>
                    continue;
                }
            }
            const Tag tag = parseTag(text, i);
            if (!tag.name.isEmpty()) {
                writer.text(pending);
                pending.clear();
                if ((tag.name == u"script" || tag.name == u"style") && !tag.closing) {
                    // Their content is not text anyone wrote.
                    const qsizetype end
                        = text.indexOf(u"</"_s + tag.name, tag.end, Qt::CaseInsensitive);
                    const qsizetype close = end < 0 ? -1 : text.indexOf(u'>', end);
                    i = close < 0 ? n : close + 1;
                    continue;
                }
                writer.tag(tag);
                i = tag.end;
                continue;
            }
            pending += c;
            ++i;
        } else if (c == u'&') {
            const qsizetype used = decodeEntity(text, i, pending);
            if (used == 0)
                pending += c;
            i += std::max<qsizetype>(used, 1);
        } else {
            pending += c;
            ++i;
        }
    }
    writer.text(pending);
    return writer.finish();
}

namespace {

// ---- Line-based converters (Textile, Trac)

// The input's lines; a line's '\r' is kept with it so unchanged lines come back byte for byte.
struct Line
{
    QString text; // without '\r'
    bool cr = false;
};

QList<Line> splitLines(const QString &input)
{
    QList<Line> lines;
    for (QStringView part : QStringView(input).split(u'\n')) {
        Line line;
        line.cr = part.endsWith(u'\r');
        line.text = (line.cr ? part.chopped(1) : part).toString();
        lines << line;
    }
    return lines;
}

class LineOutput
{
public:
    // A line of the output; `source` (when given) supplies the input line's '\r'.
    void add(const QString &text, const Line *source = nullptr)
    {
        if (!m_first)
            m_out += u'\n';
        m_first = false;
        m_out += text;
        if (source && source->cr)
            m_out += u'\r';
    }
    QString result() const { return m_out; }

private:
    QString m_out;
    bool m_first = true;
};

// A Markdown fence already in the text: copied as it is, and its content is code.
qsizetype copyFence(const QList<Line> &lines, qsizetype i, LineOutput &out)
{
    const int open = fenceLength(lines.at(i).text);
    out.add(lines.at(i).text, &lines.at(i));
    for (++i; i < lines.size(); ++i) {
        out.add(lines.at(i).text, &lines.at(i));
        if (closesFence(lines.at(i).text, open))
            return i;
    }
    return i;
}

QString indentFor(const std::vector<int> &widths, size_t levels)
{
    int indent = 0;
    for (size_t i = 0; i < levels && i < widths.size(); ++i)
        indent += widths.at(i);
    return QString(indent, u' ');
}

// ---- Textile

QString textileInline(const QString &line)
{
    // What must not change: @code@, links, images, Markdown links already there and bare URLs
    // (and `code`, protected before).
    static const QRegularExpression spans(
        u"(?<![\\w@])@(?<code>(?=\\S)[^@\\n]*?\\S)@(?![\\w@])"
        "|(?<md>!?\\[[^\\[\\]\\n]*\\]\\([^()\\s]*\\))"
        "|\"(?<label>[^\"\\n]+)\":(?<href>[^\\s<>\"]+)"
        "|(?<!\\w)!(?<align>[<>=]?)(?<src>[^\\s!()]+)(?:\\((?<alt>[^)\\n]*)\\))?!"
        "(?::(?<imglink>[^\\s<>\"]+))?"
        "|(?<url>(?:https?|ftps?)://[^\\s<>\"]+)"_s);
    const auto span = [](const QRegularExpressionMatch &m) -> QString {
        if (m.capturedLength(u"code") > 0)
            return codeSpan(m.capturedView(u"code"));
        if (m.capturedLength(u"href") > 0) {
            const QStringView href = m.capturedView(u"href");
            const qsizetype keep = urlLengthWithoutPunctuation(href);
            QString label = m.captured(u"label");
            if (label.endsWith(u')')) { // "label(title)":url
                const qsizetype open = label.lastIndexOf(u'(');
                if (open > 0)
                    label = label.left(open).trimmed();
            }
            return link(label, href.left(keep).toString()) + href.mid(keep).toString();
        }
        if (m.capturedLength(u"src") > 0) {
            // An image names a file or URL; "!wow!" is just emphatic.
            if (!m.captured(u"src").contains(u'.') && !m.captured(u"src").contains(u'/'))
                return m.captured(0);
            const QString image = u"!["_s + m.captured(u"alt") + u"]("_s
                                  + linkDestination(m.captured(u"src")) + u')';
            if (m.capturedLength(u"imglink") == 0)
                return image;
            const QStringView target = m.capturedView(u"imglink");
            const qsizetype keep = urlLengthWithoutPunctuation(target);
            return u'[' + image + u"]("_s + linkDestination(target.left(keep).toString()) + u')'
                   + target.mid(keep).toString();
        }
        if (m.capturedLength(u"url") > 0) {
            return m.captured(u"url"); // kept whole; only protected from the emphasis rules
        }
        return m.captured(0);
    };
    const auto plain = [](QString text) {
        static const QRegularExpression bold(
            u"(?<![\\w*])\\*(?![\\s*])([^*\\n]*?[^\\s*])?\\*(?![\\w*])"_s);
        static const QRegularExpression strike(
            u"(?<![\\w-])-(?![\\s-])([^\\n-]*?[^\\s-])?-(?![\\w-])"_s);
        static const QRegularExpression colour(u"%\\{[^{}%\\n]*\\}([^%\\n]*)%"_s);
        text.replace(bold, u"**\\1**"_s);
        text.replace(strike, u"~~\\1~~"_s);
        text.replace(colour, u"\\1"_s); // %{color:red}text%: the colour has no Markdown
        return text;
    };
    QStringList saved;
    const QString text = protectBacktickSpans(line, saved);
    return convertInline(text, spans, span, plain, saved);
}

// The "* item" lines: Textile's list markers, one character per level.
QString textileListMarkers(const QString &line)
{
    static const QRegularExpression item(u"^([*#]+)\\s+\\S"_s);
    const QRegularExpressionMatch m = item.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

QString fromTextile(const QString &textile)
{
    static const QRegularExpression preStart(
        u"^\\s*<pre(?:\\s[^>]*)?>(?:\\s*<code(?<attributes>[^>]*)>)?"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression preEnd(u"(?:</code>\\s*)?</pre>"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression heading(u"^h([1-6])(?:\\([^)]*\\)|\\{[^}]*\\})*\\.\\s+(.*)$"_s);
    static const QRegularExpression tableAttributes(
        u"^table(?:\\([^)]*\\)|\\{[^}]*\\})*\\.\\s*$"_s);
    static const QRegularExpression blockPrefix(
        u"^(bq|bc|pre)(?:\\([^)]*\\)|\\{[^}]*\\})*\\.\\s+(.*)$"_s);

    const QList<Line> lines = splitLines(textile);
    // "# Title" is Markdown's heading as much as a Textile item: lines of '#' only are a list
    // when their run of item lines has two items at the top level ("# a", "# b") or a '*'.
    // So "# One" followed by "## Two" (Markdown headings, the output of "h1."/"h2.") stays.
    std::vector<bool> isList(size_t(lines.size()), false);
    for (qsizetype start = 0; start < lines.size();) {
        qsizetype end = start;
        int topLevel = 0;
        bool bullets = false;
        while (end < lines.size()) {
            const QString markers = textileListMarkers(lines.at(end).text);
            if (markers.isEmpty())
                break;
            topLevel += markers == u"#" ? 1 : 0;
            bullets = bullets || markers.contains(u'*');
            ++end;
        }
        for (qsizetype k = start; k < end; ++k)
            isList[size_t(k)] = bullets || topLevel >= 2;
        start = std::max(end, start + 1);
    }
    LineOutput out;
    std::vector<int> listWidths; // each open list level's marker width
    std::vector<int> listCounters;
    std::vector<QChar> listKinds;
    bool inQuote = false; // "bq." lasts to the end of its paragraph
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        const QString &text = line.text;
        if (text.trimmed().isEmpty()) {
            inQuote = false;
            listWidths.clear();
            listCounters.clear();
            listKinds.clear();
            out.add(text, &line);
            continue;
        }
        const QString markers = textileListMarkers(text);
        const bool isItem = !markers.isEmpty() && isList.at(i) && !inQuote;
        if (!isItem) {
            listWidths.clear(); // anything else ends the list: numbering starts again after it
            listCounters.clear();
            listKinds.clear();
        }
        if (fenceLength(text) > 0) {
            i = copyFence(lines, i, out);
            continue;
        }
        if (const QRegularExpressionMatch m = preStart.match(text); m.hasMatch()) {
            // <pre> (or <pre><code class="lang">) up to </pre>, literal in between.
            const QString cls = attribute(m.capturedView(u"attributes"), u"class");
            QString lang = languageFromClass(cls);
            if (lang.isEmpty())
                lang = cls.section(u' ', 0, 0, QString::SectionSkipEmpty);
            QStringList code;
            QString after;
            QString rest = text.mid(m.capturedEnd());
            qsizetype j = i;
            bool first = true;
            while (true) {
                const QRegularExpressionMatch end = preEnd.match(rest);
                if (end.hasMatch()) {
                    const QString before = rest.left(end.capturedStart());
                    if (!before.trimmed().isEmpty())
                        code << before; // else the line only holds the closing tag
                    after = rest.mid(end.capturedEnd()).trimmed();
                    break;
                }
                if (!(first && rest.trimmed().isEmpty()))
                    code << rest;
                first = false;
                if (++j >= lines.size())
                    break; // unclosed: the block runs to the end
                rest = lines.at(j).text;
            }
            out.add(fencedBlock(code.join(u'\n'), lang));
            if (!after.isEmpty())
                out.add(textileInline(after));
            i = std::min(j, lines.size() - 1);
            continue;
        }
        if (text.startsWith(u'|') || tableAttributes.match(text).hasMatch()) {
            out.add(text, &line); // tables read the same in Markdown
            continue;
        }
        if (const QRegularExpressionMatch m = heading.match(text); m.hasMatch()) {
            out.add(QString(m.captured(1).toInt(), u'#') + u' ' + textileInline(m.captured(2)),
                    &line);
            continue;
        }
        if (const QRegularExpressionMatch m = blockPrefix.match(text); m.hasMatch()) {
            const QString kind = m.captured(1);
            if (kind == u"bc" || kind == u"pre") {
                // "bc." and "pre." code last to the end of their paragraph.
                QStringList code{m.captured(2)};
                while (i + 1 < lines.size() && !lines.at(i + 1).text.trimmed().isEmpty())
                    code << lines.at(++i).text;
                out.add(fencedBlock(code.join(u'\n'), {}));
                continue;
            }
            inQuote = true;
            out.add(u"> "_s + textileInline(m.captured(2)), &line);
            continue;
        }
        if (inQuote) {
            out.add(u"> "_s + textileInline(text), &line);
            continue;
        }
        if (isItem) {
            const size_t depth = size_t(markers.size());
            // Deeper levels end here; a level that changes from '*' to '#' is a new list.
            const bool sameKind
                = listKinds.size() >= depth && listKinds.at(depth - 1) == markers.back();
            listKinds.resize(depth, markers.back());
            listWidths.resize(depth, 2);
            listCounters.resize(depth, 0);
            if (!sameKind) {
                listKinds.back() = markers.back();
                listCounters.back() = 0;
            }
            const bool ordered = markers.back() == u'#';
            const int counter = ++listCounters.back();
            const QString bullet = ordered ? QString::number(counter) + u". "_s : u"- "_s;
            listWidths.back() = int(bullet.size());
            const QString body = text.mid(markers.size()).trimmed();
            out.add(indentFor(listWidths, depth - 1) + bullet + textileInline(body), &line);
            continue;
        }
        out.add(textileInline(text), &line);
    }
    return out.result();
}

namespace {

// ---- Trac

QString tracLink(const QString &target, const QString &label)
{
    if (isWebUrl(target))
        return link(label == target ? QString() : label, target);
    // wiki:, ticket:, source:… mean nothing outside Trac: the target stays as text.
    return label.isEmpty() || label == target ? target : label + u" ("_s + target + u')';
}

QString tracInline(const QString &line, const QString &continuation)
{
    static const QRegularExpression spans(
        u"(?<br>\\[\\[BR\\]\\])"
        "|\\[\\[Image\\((?<image>[^,()\\[\\]]+)[^()\\[\\]]*\\)\\]\\]"
        "|\\[\\[(?<nt>[A-Za-z][\\w+.-]*:[^|\\[\\]\\s]+)(?:\\|(?<nl>[^\\[\\]]*))?\\]\\]"
        "|(?<md>!?\\[[^\\[\\]\\n]*\\]\\([^()\\s]*\\))"
        "|\\[(?<target>[A-Za-z][\\w+.-]*:[^\\s\\[\\]]+)(?:\\s+(?<label>[^\\[\\]]*))?\\]"
        "|(?<url>(?:https?|ftps?)://[^\\s<>\"]+)"_s);
    const auto span = [&continuation](const QRegularExpressionMatch &m) -> QString {
        if (m.capturedLength(u"br") > 0)
            return u"\\\n"_s + continuation; // a hard break: Markdown joins plain ones
        if (m.capturedLength(u"image") > 0)
            return u"![]("_s + linkDestination(m.captured(u"image").trimmed()) + u')';
        if (m.capturedLength(u"nt") > 0)
            return tracLink(m.captured(u"nt"), m.captured(u"nl").trimmed());
        if (m.capturedLength(u"target") > 0)
            return tracLink(m.captured(u"target"), m.captured(u"label").trimmed());
        return m.captured(0); // Markdown links and URLs stay as they are
    };
    const auto plain = [](QString text) {
        static const QRegularExpression boldItalic(u"'''''(.+?)'''''"_s);
        static const QRegularExpression bold(u"'''(.+?)'''"_s);
        static const QRegularExpression italic(u"''(.+?)''"_s);
        text.replace(boldItalic, u"**_\\1_**"_s);
        text.replace(bold, u"**\\1**"_s);
        text.replace(italic, u"_\\1_"_s);
        return text;
    };
    // At the end of a line the break is the line's own.
    QString text = line;
    qsizetype end = text.size();
    while (true) {
        qsizetype trimmed = end;
        while (trimmed > 0 && text.at(trimmed - 1).isSpace())
            --trimmed;
        if (!QStringView(text).left(trimmed).endsWith(u"[[BR]]"))
            break;
        end = trimmed - 6;
        while (end > 0 && text.at(end - 1).isSpace())
            --end;
    }
    text.truncate(end);
    // {{{code}}} is found by hand: a regex would scan to the end of the line for every
    // unclosed {{{, which is quadratic.
    QStringList saved;
    if (!hasPlaceholders(text)) {
        QString work;
        qsizetype from = 0;
        while (true) {
            const qsizetype open = text.indexOf(u"{{{"_s, from);
            const qsizetype close = open < 0 ? -1 : text.indexOf(u"}}}"_s, open + 3);
            if (close < 0)
                break;
            const QStringView code = QStringView(text).mid(open + 3, close - open - 3);
            work += text.mid(from, open - from) + placeholder(saved.size());
            saved << (code.isEmpty() ? QString() : codeSpan(code));
            from = close + 3;
        }
        text = protectBacktickSpans(work + text.mid(from), saved);
    }
    return convertInline(text, spans, span, plain, saved);
}

// "== Title ==", maybe with "#anchor" after: the level and the title, or level 0. By hand: the
// regex for it backtracks quadratically over long runs of spaces.
std::pair<int, QString> tracHeading(const QString &trimmed)
{
    qsizetype level = 0;
    while (level < trimmed.size() && trimmed.at(level) == u'=')
        ++level;
    if (level == 0 || level > 6 || level >= trimmed.size() || !trimmed.at(level).isSpace())
        return {0, {}};
    QStringView rest = QStringView(trimmed).mid(level);
    if (const qsizetype space = rest.lastIndexOf(u' ');
        space >= 0 && rest.mid(space + 1).startsWith(u'#')) {
        rest = rest.left(space).trimmed(); // the anchor
    }
    const QString closing(level, u'=');
    if (!rest.endsWith(closing))
        return {0, {}};
    rest.chop(level);
    if (rest.isEmpty() || !rest.back().isSpace() || rest.endsWith(u'='))
        return {0, {}};
    rest = rest.trimmed();
    return rest.isEmpty() ? std::pair<int, QString>{0, {}}
                          : std::pair<int, QString>{int(level), rest.toString()};
}

} // namespace

QString fromTracWiki(const QString &wiki)
{
    static const QRegularExpression listItem(
        u"^(\\s+)(\\*|-|\\d+\\.|[a-zA-Z]\\.|[ivxIVX]+\\.)\\s+(.*)$"_s);
    static const QRegularExpression markdownItem(u"^(?:[-*+]|\\d+\\.)\\s"_s);
    static const QRegularExpression blockStart(u"^\\s*\\{\\{\\{(?:#!(\\S+).*)?$"_s);

    const QList<Line> lines = splitLines(wiki);
    LineOutput out;
    struct Level
    {
        qsizetype indent = 0;
        int width = 0;
        int counter = 0;
    };
    std::vector<Level> levels; // the list items' indentation, outermost first
    bool markdownList = false; // inside a list that is Markdown already: left alone
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        const QString &text = line.text;
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty()) {
            levels.clear(); // a Markdown list goes on after a blank line, a Trac list does not
            out.add(text, &line);
            continue;
        }
        if (fenceLength(text) > 0) {
            i = copyFence(lines, i, out);
            continue;
        }
        if (const QRegularExpressionMatch m = blockStart.match(text); m.hasMatch()) {
            // {{{ … }}}, maybe with a #!processor line; nested blocks (#!div) count their depth.
            // Indented, it belongs to the list item above; at the margin it ends the list.
            if (!text.at(0).isSpace())
                levels.clear();
            QString lang = m.captured(1);
            QStringList code;
            int depth = 1;
            qsizetype j = i + 1;
            if (lang.isEmpty() && j < lines.size()
                && lines.at(j).text.trimmed().startsWith(u"#!"_s)) {
                lang = lines.at(j).text.trimmed().mid(2).section(u' ', 0, 0);
                ++j;
            }
            // The block's lines lose the indentation of its {{{ (an item's), not their own.
            const QStringView margin = QStringView(text).left(text.indexOf(u'{'));
            for (; j < lines.size(); ++j) {
                const QString &inner = lines.at(j).text;
                if (inner.trimmed() == u"}}}" && --depth == 0)
                    break;
                if (blockStart.match(inner).hasMatch())
                    ++depth;
                code << (inner.startsWith(margin) ? inner.mid(margin.size()) : inner);
            }
            if (lang == u"default" || lang == u"text")
                lang.clear();
            QString continuation;
            for (size_t k = 0; k < levels.size(); ++k)
                continuation += QString(levels.at(k).width, u' ');
            out.add(fencedBlock(code.join(u'\n'), lang, continuation));
            i = std::min(j, lines.size() - 1);
            continue;
        }
        if (trimmed.startsWith(u"||"_s)) {
            out.add(text, &line); // tables read the same in Markdown
            continue;
        }
        if (const auto [level, title] = tracHeading(trimmed); level > 0) {
            levels.clear();
            out.add(QString(level, u'#') + u' ' + tracInline(title, {}), &line);
            continue;
        }
        if (markdownItem.match(text).hasMatch())
            markdownList = true;
        const QRegularExpressionMatch item = listItem.match(text);
        if (item.hasMatch() && !markdownList) {
            const qsizetype indent = item.capturedLength(1);
            while (!levels.empty() && levels.back().indent > indent)
                levels.pop_back();
            if (levels.empty() || levels.back().indent < indent)
                levels.push_back(Level{indent, 0, 0});
            Level &level = levels.back();
            const QString marker = item.captured(2);
            const bool ordered = marker != u"*" && marker != u"-";
            const QString bullet = ordered ? QString::number(++level.counter) + u". "_s : u"- "_s;
            level.width = int(bullet.size());
            QString before;
            for (size_t k = 0; k + 1 < levels.size(); ++k)
                before += QString(levels.at(k).width, u' ');
            out.add(before + bullet
                        + tracInline(item.captured(3), before + QString(level.width, u' ')),
                    &line);
            continue;
        }
        if (!levels.empty() && text.at(0).isSpace() && !markdownList) {
            // An indented line under an item continues it.
            QString continuation;
            for (const Level &level : levels)
                continuation += QString(level.width, u' ');
            out.add(continuation + tracInline(trimmed, continuation), &line);
            continue;
        }
        if (!text.at(0).isSpace() && !markdownItem.match(text).hasMatch())
            markdownList = false;
        levels.clear();
        out.add(tracInline(text, {}), &line);
    }
    return out.result();
}

} // namespace Deltaboard::Import::Markup
