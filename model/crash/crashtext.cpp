#include "crashtext.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Deltaboard::CrashText {

// Patterns are compiled once; all crash texts go through a handful of them.
const QRegularExpression &re(const char *pattern)
{
    // One cache per pattern literal, keyed by its address (the literals live for the program).
    static thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end()) {
        QRegularExpression expression(QString::fromLatin1(pattern),
                                      QRegularExpression::UseUnicodePropertiesOption);
        expression.optimize();
        it = cache.insert(pattern, expression);
    }
    return *it;
}

QString normalAddress(const QString &address)
{
    // "0x00007fff61bc6c2a" -> "0x7fff61bc6c2a": leading zeros say nothing.
    QString digits = address.toLower();
    if (digits.startsWith(u"0x"_s))
        digits = digits.mid(2);
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);
    return digits.isEmpty() ? QString() : u"0x"_s + digits;
}

// Lines longer than this are cut before any pattern sees them: no frame line is that long, and
// patterns with a lazy group before a run of spaces would take quadratic time on a huge line.

QStringList lines(const QString &text)
{
    QString normalised = text;
    normalised.replace(u"\r\n"_s, u"\n"_s);
    normalised.replace(u'\r', u'\n');
    QStringList result = normalised.split(u'\n');
    for (QString &line : result) {
        if (line.size() > kMaxLineLength)
            line.truncate(kMaxLineLength);
    }
    return result;
}

// "file:line" or "file:line:column" at the end of a location.
void splitFileLine(const QString &location, CrashFrame &frame)
{
    const auto match = re(R"(^(.*?):(\d+)(?::\d+)?$)").match(location.trimmed());
    if (match.hasMatch()) {
        frame.file = match.captured(1);
        frame.line = match.captured(2).toInt();
    } else {
        frame.file = location.trimmed();
    }
}

// gdb prints "func (args)"; the function name may itself hold parentheses: "(anonymous
// namespace)::f", "operator()", "Foo::operator==(QLatin1String const&) const". The name is what
// comes before the argument list that starts at the first top-level " (" (or "(" at the end).
QString gdbFunctionName(const QString &call)
{
    QString text = call;
    const QString anonymous = u"(anonymous namespace)"_s;
    const QString placeholder = u"\x01"_s;
    text.replace(anonymous, placeholder);
    text.replace(u"operator()"_s, u"\x02"_s);
    int depth = 0;
    int cut = -1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'<')
            ++depth;
        else if (c == u'>' && depth > 0)
            --depth;
        else if (c == u'(' && depth == 0) {
            cut = i;
            break;
        }
    }
    QString name = (cut >= 0 ? text.left(cut) : text).trimmed();
    name.replace(placeholder, anonymous);
    name.replace(u"\x02"_s, u"operator()"_s);
    return name;
}

int countMatches(const QStringList &input, const char *pattern, int enough)
{
    int count = 0;
    for (const QString &line : input) {
        if (re(pattern).match(line).hasMatch() && ++count >= enough)
            break;
    }
    return count;
}

bool anyLine(const QStringList &input, const char *pattern)
{
    return countMatches(input, pattern, 1) > 0;
}

} // namespace Deltaboard::CrashText
