#pragma once

#include "csv.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

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
// A file read record by record (a list of Bugzilla bugs) holds one record at a time: its size
// is not what memory holds.
constexpr qint64 kMaxStreamedExportSize = qint64(64) * 1024 * 1024 * 1024;

// A field longer than this is refused: no title or description is that long; a record that
// has one is damaged (or an attachment pasted inline), and would bloat every search.
constexpr qsizetype kMaxFieldLength = 1024 * 1024;

Result<QString> bounded(const QString &where, const QString &field, const QString &value);

// A required text field: a located error when it is missing or not text.
Result<QString> text(const QString &where, const QJsonObject &object, const QString &field);

// What a tracker records that a delta has no field for (whom it assigned the record to, the
// version it is fixed in or planned for) is kept as lines at the end of the details, so
// nothing is lost and searches find it, as a list of "- name: value" lines. Empty and
// placeholder values are left out.
void appendFacts(Delta &delta, const QList<std::pair<QString, QString>> &facts);

// The same, and each fact kept is counted per field as "kept in details" (ImportWarnings).
void keepFacts(Delta &delta, const QString &format, const QList<std::pair<QString, QString>> &facts,
               ImportWarnings *warnings);

// The keys of a JSON record that no mapping reads and 'ignored' does not name (API plumbing: the
// format's table in docs/IMPORT.md says why each is left out): text and numbers are kept in the
// details as facts, lists and objects with something in them are dropped; each counted per
// field. Null, false, empty and placeholder values are nothing to keep.
void keepUnmapped(Delta &delta, const QString &format, const QJsonObject &record,
                  const QStringList &mapped, const QStringList &ignored, ImportWarnings *warnings);

// The same for a CSV row: every column no mapping reads and 'ignored' does not name, with a
// value, is kept in the details (or, for the columns 'dropped' names, counted as dropped).
void keepUnmappedColumns(Delta &delta, const QString &format, const CsvHeader &header,
                         const CsvRecord &record, const QStringList &mapped,
                         const QStringList &ignored, const QStringList &dropped,
                         ImportWarnings *warnings);

// A record's id as the source spells it: any text that is not empty (trimmed). An id is a key,
// not a pattern: trackers and their exports differ in what ids look like. An empty 'field':
// 'where' names it already.
Result<QString> recordId(const QString &where, const QString &field, const QString &value);

// GitHub times ("2017-10-10T16:00:00Z", gh: "2021-04-17T14:05:03Z") in the database's form.
// A record's number as JSON gives it: a whole number from 1 to 2^53 (what a double holds
// exactly), or nothing. (Converting any double to an integer is undefined past the integer's
// range: the fuzzer found 1e300 as a Redmine issue id.)
std::optional<qint64> positiveNumber(const QJsonValue &value);

Result<QString> timestamp(const QString &where, const QString &field, const QString &value);

// A value that says "none" in a tracker's own words ("---", "--", "unspecified", "None", "N/A",
// empty): left out, and no warning.
bool isPlaceholder(const QString &value);

// A tracker's severity word as the one scale (Levels::severityName): Bugzilla's blocker..trivial
// and S1..S4, Jira's "Sev 1".."Sev 4", Trac's, webcompat's severity-critical/important/minor.
// A placeholder is no severity; an unknown word warns (naming the record and quoting the value)
// and is no severity either.
std::optional<int> severityLevel(const QString &where, const QString &value,
                                 ImportWarnings *warnings);

// Tracker labels, keywords and tags as label names: trimmed, empty and repeated ones left out;
// one that cannot be a label (over 60 characters, control characters) is a warning.
QStringList labelNames(const QString &where, const QStringList &values, ImportWarnings *warnings);

// Keywords in one text ("easy, review", "documentation easy"): split on commas, or on spaces
// when there are none.
QStringList splitKeywords(const QString &text);

} // namespace Deltaboard::Import
