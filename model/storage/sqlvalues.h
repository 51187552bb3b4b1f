#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <limits>
#include <optional>

// Small conversions between domain values and bound SQL values, shared by the stores.
namespace Deltaboard::Sql {

// Empty text is stored as NULL for optional text columns.
inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Text for NOT NULL columns: Qt binds a null QString as SQL NULL, so an empty value is sent as ''.
inline QVariant text(const QString &text)
{
    return text.isNull() ? QVariant(QString(QLatin1StringView(""))) : QVariant(text);
}

template<typename T>
QVariant optionalValue(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
}

inline std::optional<qint64> optionalId(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

inline std::optional<int> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

// A LIMIT's bound value: a negative count means no limit (SQLite reads -1 so, PostgreSQL
// refuses it).
inline qint64 limit(qint64 count)
{
    return count < 0 ? std::numeric_limits<qint64>::max() : count;
}

// "?, ?, ..." with 'count' placeholders, for a fixed-size IN list. A batch query always has the
// same number of placeholders, so it is prepared once per connection.
QString placeholders(int count);
// The first column of every row a query returns, as ids.
QList<qint64> ids(QSqlQuery &query);
// The ids as bound values, padded to 'count' with 0 (no row has id 0).
QVariantList paddedIds(const QList<qint64> &ids, int count);

// Turns what a user types into an FTS5 query: every word must match as the start of a word
// ("flick curs" finds "Flickering cursor"), which is what search-as-you-type needs. Words are
// quoted, so FTS5 operators in the text are taken literally.
QString ftsQuery(const QString &text);

} // namespace Deltaboard::Sql
