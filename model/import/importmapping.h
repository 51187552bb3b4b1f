#pragma once

#include "records.h"
#include "result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What every reader shares in mapping a record of another tracker: bounded fields, required text,
// times, facts kept at the end of the details, and how messages name a record.
namespace Deltaboard::Import {

// An object key of the input as a record path names it: as it is when it is a plain name or
// number, quoted (cut, escaped) otherwise.
QString recordKey(const QString &key);

// Header names as a message lists them: each quoted, at most the first twenty.
QString quotedList(const QStringList &names);

// An export is read whole into memory: larger files are refused by their size.
constexpr qint64 kMaxExportSize = qint64(2) * 1024 * 1024 * 1024;

// A field longer than this is refused: no title or description is that long; a record that
// has one is damaged (or an attachment pasted inline), and would bloat every search.
constexpr qsizetype kMaxFieldLength = 1024 * 1024;

Result<QString> bounded(const QString &where, const QString &field, const QString &value);

// A required text field: a located error when it is missing or not text.
Result<QString> text(const QString &where, const QJsonObject &object, const QString &field);

// What a tracker records that a delta has no field for (whom it assigned the record to, the
// version it is fixed in or planned for) is kept as lines at the end of the details, so
// nothing is lost and searches find it. Empty and placeholder values are left out.
void appendFacts(Delta &delta, const QList<std::pair<QString, QString>> &facts);

// GitHub times ("2017-10-10T16:00:00Z", gh: "2021-04-17T14:05:03Z") in the database's form.
// A record's number as JSON gives it: a whole number from 1 to 2^53 (what a double holds
// exactly), or nothing. (Converting any double to an integer is undefined past the integer's
// range: the fuzzer found 1e300 as a Redmine issue id.)
std::optional<qint64> positiveNumber(const QJsonValue &value);

Result<QString> timestamp(const QString &where, const QString &field, const QString &value);

} // namespace Deltaboard::Import
