#include "importmapping.h"

#include "inputtext.h"
#include "labelstore.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QSet>
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
    // A Markdown list: one line each in the details pane (which renders Markdown) and in
    // plain text alike.
    QStringList lines;
    for (const auto &[label, value] : facts) {
        if (!isPlaceholder(value))
            lines.append(u"- %1: %2"_s.arg(label, value.trimmed()));
    }
    if (lines.isEmpty())
        return;
    if (!delta.details.isEmpty())
        delta.details += u"\n\n"_s;
    delta.details += lines.join(u'\n');
}

void keepFacts(Delta &delta, const QString &format, const QList<std::pair<QString, QString>> &facts,
               ImportWarnings *warnings)
{
    appendFacts(delta, facts);
    if (!warnings)
        return;
    for (const auto &[label, value] : facts) {
        if (!isPlaceholder(value))
            warnings->field(format, label, u"kept in details"_s);
    }
}

void keepUnmapped(Delta &delta, const QString &format, const QJsonObject &record,
                  const QStringList &mapped, const QStringList &ignored, ImportWarnings *warnings)
{
    QList<std::pair<QString, QString>> facts;
    for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
        const QString key = it.key();
        // "*_link": every key with that ending.
        const bool ignore = std::any_of(ignored.cbegin(), ignored.cend(), [&key](const QString &i) {
            return i.startsWith(u'*') ? key.endsWith(QStringView(i).mid(1)) : key == i;
        });
        if (mapped.contains(key) || ignore)
            continue;
        const QJsonValue value = it.value();
        if (value.isString() || value.isDouble()) {
            const QString text = value.isString() ? value.toString().trimmed()
                                                  : QString::number(value.toDouble(), 'g', 17);
            if (!isPlaceholder(text))
                facts.append({key, text});
        } else if ((value.isArray() && !value.toArray().isEmpty())
                   || (value.isObject() && !value.toObject().isEmpty()) || value.toBool()) {
            if (warnings)
                warnings->field(format, key, u"dropped (no Deltaboard field holds it)"_s);
        }
    }
    keepFacts(delta, format, facts, warnings);
}

void keepUnmappedColumns(Delta &delta, const QString &format, const CsvHeader &header,
                         const CsvRecord &record, const QStringList &mapped,
                         const QStringList &ignored, const QStringList &dropped,
                         ImportWarnings *warnings)
{
    // Zeros and empty objects are what a CSV export writes for "nothing" in number and JSON
    // columns.
    static const QStringList nothing = {u"0"_s, u"0.0"_s, u"{}"_s, u"[]"_s};
    QList<std::pair<QString, QString>> facts;
    QSet<QString> seen;
    for (const QString &column : header.names()) {
        if (seen.contains(column) || mapped.contains(column) || ignored.contains(column))
            continue;
        seen.insert(column);
        QStringList values;
        for (const QString &value : record.values(column)) {
            if (!isPlaceholder(value) && !nothing.contains(value.trimmed()))
                values.append(value.trimmed());
        }
        if (values.isEmpty())
            continue;
        if (dropped.contains(column)) {
            if (warnings)
                warnings->field(format, column, u"dropped (no Deltaboard field holds it)"_s);
            continue;
        }
        facts.append({column, values.join(u", "_s)});
    }
    keepFacts(delta, format, facts, warnings);
}

Result<QString> recordId(const QString &where, const QString &field, const QString &value)
{
    const QString id = value.trimmed();
    const QString at = field.isEmpty() ? where : u"%1: %2"_s.arg(where, field);
    if (id.isEmpty())
        return Error{u"%1: expected the record's id, found nothing"_s.arg(at)};
    if (id.size() > 200)
        return Error{u"%1: an id of %2 characters; expected at most 200"_s.arg(at).arg(id.size())};
    if (std::any_of(id.cbegin(), id.cend(),
                    [](QChar c) { return c.category() == QChar::Other_Control; })) {
        return Error{
            u"%1: expected an id without line breaks or control characters, found %2"_s.arg(
                at, InputText::quoted(id))};
    }
    return id;
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

bool isPlaceholder(const QString &value)
{
    static const QStringList placeholders
        = {u"---"_s, u"--"_s, u"unspecified"_s, u"none"_s, u"n/a"_s, u"-"_s};
    const QString trimmed = value.trimmed();
    return trimmed.isEmpty() || placeholders.contains(trimmed.toLower());
}

std::optional<int> severityLevel(const QString &where, const QString &value,
                                 ImportWarnings *warnings)
{
    if (isPlaceholder(value))
        return std::nullopt;
    static const QHash<QString, int> words
        = {{u"blocker"_s, 4},  {u"critical"_s, 4}, {u"s1"_s, 4},        {u"sev 1"_s, 4},
           {u"sev1"_s, 4},     {u"major"_s, 3},    {u"important"_s, 3}, {u"s2"_s, 3},
           {u"sev 2"_s, 3},    {u"sev2"_s, 3},     {u"high"_s, 3},      {u"normal"_s, 2},
           {u"s3"_s, 2},       {u"sev 3"_s, 2},    {u"sev3"_s, 2},      {u"medium"_s, 2},
           {u"moderate"_s, 2}, {u"minor"_s, 1},    {u"s4"_s, 1},        {u"sev 4"_s, 1},
           {u"sev4"_s, 1},     {u"low"_s, 1},      {u"trivial"_s, 0},   {u"cosmetic"_s, 0},
           {u"s5"_s, 0},       {u"sev 5"_s, 0},    {u"sev5"_s, 0}};
    QString key = value.trimmed().toLower();
    if (key.startsWith(u"severity-"_s) || key.startsWith(u"severity:"_s))
        key = key.mid(9).trimmed();
    if (const auto found = words.constFind(key); found != words.cend())
        return *found;
    if (warnings) {
        warnings->append(
            u"%1: severity %2 is none this importer knows (%3); no severity kept"_s.arg(
                where, InputText::quoted(value.trimmed()),
                u"blocker, critical, major, normal, "
                u"minor, trivial, S1..S4, Sev 1..Sev 4"_s));
    }
    return std::nullopt;
}

QStringList labelNames(const QString &where, const QStringList &values, ImportWarnings *warnings)
{
    QStringList names;
    for (const QString &value : values) {
        const QString name = value.simplified();
        if (name.isEmpty() || names.contains(name, Qt::CaseInsensitive))
            continue;
        if (const Status fits = LabelStore::checkName(name); !fits) {
            if (warnings)
                warnings->append(u"%1: %2; not kept as a label"_s.arg(where, fits.error()));
            continue;
        }
        names.append(name);
    }
    return names;
}

QStringList splitKeywords(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    return trimmed.contains(u',') ? trimmed.split(u',', Qt::SkipEmptyParts)
                                  : trimmed.split(u' ', Qt::SkipEmptyParts);
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

namespace Deltaboard {

void ImportWarnings::settle()
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        append(u"%1: %2 %3 on %4 %5%6"_s
                   .arg(it.key().format, InputText::quoted(it.key().name), it.key().fate)
                   .arg(it.value())
                   .arg(it.key().unit, it.value() == 1 ? QString() : u"s"_s));
    }
    m_fields.clear();
    append(m_collisions);
}

void ImportWarnings::merge(const ImportWarnings &other)
{
    append(other);
    for (auto it = other.m_fields.cbegin(); it != other.m_fields.cend(); ++it)
        m_fields[it.key()] += it.value();
    m_collisions.append(other.m_collisions);
}

} // namespace Deltaboard
