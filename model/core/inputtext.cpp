#include "inputtext.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard::InputText {

namespace {

void appendEscaped(QString &out, QChar c)
{
    switch (c.unicode()) {
    case u'\n': out += u"\\n"_s; return;
    case u'\r': out += u"\\r"_s; return;
    case u'\t': out += u"\\t"_s; return;
    default: break;
    }
    // C0 and C1 controls, and the line and paragraph separators some terminals break on.
    const char16_t u = c.unicode();
    if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
        out += u"\\x%1"_s.arg(int(u), 2, 16, QChar(u'0'));
    else
        out += c;
}

} // namespace

QString quoted(const QString &value)
{
    QString out;
    out.reserve(std::min(value.size(), kQuotedLength) + 16);
    out += u'"';
    const qsizetype shown = std::min(value.size(), kQuotedLength);
    for (qsizetype i = 0; i < shown; ++i)
        appendEscaped(out, value.at(i));
    if (value.size() > shown)
        out += u"…"_s;
    out += u'"';
    if (value.size() > shown)
        out += u" (%1 characters)"_s.arg(value.size());
    return out;
}

QString oneLine(const QString &message, qsizetype limit)
{
    QString out;
    out.reserve(std::min(message.size(), limit) + 16);
    for (qsizetype i = 0; i < message.size() && out.size() < limit; ++i)
        appendEscaped(out, message.at(i));
    if (out.size() >= limit && message.size() > limit)
        out += u"…"_s;
    return out;
}

QString position(const QByteArray &bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    const QByteArrayView before(bytes.constData(), offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"line %1, column %2"_s.arg(line).arg(column);
}

qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size;) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t least = 0;
        if ((c & 0xe0) == 0xc0) {
            length = 2;
            least = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            length = 3;
            least = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            length = 4;
            least = 0x10000;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        char32_t code = c & (0xff >> (length + 1));
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xc0) != 0x80)
                return i;
            code = (code << 6) | (data[i + k] & 0x3f);
        }
        if (code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return i;
        i += length;
    }
    return -1;
}

std::optional<Error> notUtf8(const QString &path, const QByteArray &bytes, const QString &expected)
{
    const qsizetype bad = firstInvalidUtf8(bytes);
    if (bad < 0)
        return std::nullopt;
    return Error{u"%1: %2: byte 0x%3 is not UTF-8 (at byte offset %4; %5 was expected)"_s.arg(
        path, position(bytes, bad),
        QString::number(static_cast<unsigned char>(bytes.at(bad)), 16).toUpper(),
        QString::number(bad), expected)};
}

std::optional<qint64> searchedId(const QString &search)
{
    static const QRegularExpression pattern(u"^#?([1-9][0-9]{0,17})$"_s);
    const auto match = pattern.match(search.trimmed());
    return match.hasMatch() ? std::optional<qint64>(match.captured(1).toLongLong()) : std::nullopt;
}

} // namespace Deltaboard::InputText
