#include "importmapping.h"

#include "inputtext.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <algorithm>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

QString recordKey(const QString &key)
{
    static const QRegularExpression plain(uR"(^[A-Za-z0-9_-]{1,40}$)"_s);
    return plain.match(key).hasMatch() ? key : InputText::quoted(key);
}

QString quotedList(const QStringList &names)
{
    QStringList shown;
    for (qsizetype i = 0; i < std::min<qsizetype>(names.size(), 20); ++i)
        shown.append(InputText::quoted(names.at(i)));
    if (names.size() > shown.size())
        shown.append(u"and %1 more"_s.arg(names.size() - shown.size()));
    return shown.join(u", "_s);
}

Result<QString> bounded(const QString &where, const QString &field, const QString &value)
{
    if (value.size() > kMaxFieldLength) {
        return Error{u"%1.%2: %3 characters, more than the %4 a field may hold"_s.arg(where, field)
                         .arg(value.size())
                         .arg(kMaxFieldLength)};
    }
    return value;
}

Result<QString> text(const QString &where, const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (!value.isString())
        return Error{u"%1.%2: expected text, found %3"_s.arg(
            where, field,
            value.isUndefined() ? u"nothing"_s
            : value.isNull()    ? u"null"_s
                                : u"a %1"_s.arg(value.isDouble()  ? u"number"_s
                                                : value.isBool()  ? u"boolean"_s
                                                : value.isArray() ? u"list"_s
                                                                  : u"object"_s))};
    return bounded(where, field, value.toString());
}

void appendFacts(Delta &delta, const QList<std::pair<QString, QString>> &facts)
{
    QStringList lines;
    for (const auto &[label, value] : facts) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty() && trimmed != u"---"_s && trimmed != u"unspecified"_s
            && trimmed != u"None"_s)
            lines.append(u"%1: %2"_s.arg(label, trimmed));
    }
    if (lines.isEmpty())
        return;
    if (!delta.details.isEmpty())
        delta.details += u"\n\n"_s;
    delta.details += lines.join(u'\n');
}

Result<QString> timestamp(const QString &where, const QString &field, const QString &value)
{
    // The common "2017-10-10T16:00:00Z", checked and written without a QDateTime round trip
    // (a tenth of mapping an issue).
    if (value.size() == 20 && value.at(4) == u'-' && value.at(7) == u'-' && value.at(10) == u'T'
        && value.at(13) == u':' && value.at(16) == u':' && value.at(19) == u'Z') {
        const auto number = [&value](qsizetype from, qsizetype length) {
            int n = 0;
            for (qsizetype i = from; i < from + length; ++i) {
                const char16_t c = value.at(i).unicode();
                if (c < u'0' || c > u'9')
                    return -1;
                n = n * 10 + (c - u'0');
            }
            return n;
        };
        const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
        const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
        if (year >= 0 && month >= 0 && day >= 0 && QDate::isValid(year, month, day) && hour >= 0
            && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
            return value.left(19) + u".000Z"_s;
        }
    }
    QDateTime time = QDateTime::fromString(value, Qt::ISODate);
    if (!time.isValid())
        time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error{
            u"%1.%2: %3 is not an ISO 8601 time"_s.arg(where, field, InputText::quoted(value))};
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

std::optional<qint64> positiveNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    constexpr double kLargest = 9007199254740992.0; // 2^53
    if (!(number >= 1 && number <= kLargest) || number != std::floor(number))
        return std::nullopt;
    return qint64(number);
}

} // namespace Deltaboard::Import
