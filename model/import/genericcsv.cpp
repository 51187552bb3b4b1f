#include "genericcsv.h"

#include "csv.h"
#include "importmapping.h"
#include "inputtext.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

namespace {

// "2026-11-21T10:00:00Z", "2026-11-21 10:00[:00]" (taken as UTC) or "2026-11-21".
std::optional<QString> csvTime(const QString &value)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    for (const QString &format :
         {u"yyyy-MM-dd HH:mm:ss"_s, u"yyyy-MM-dd HH:mm"_s, u"yyyy-MM-dd hh:mm AP"_s}) {
        if (time.isValid())
            break;
        time = QLocale::c().toDateTime(value, format);
        time.setTimeZone(QTimeZone::utc());
    }
    if (!time.isValid()) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(QTimeZone::utc());
    }
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

} // namespace

const QList<std::pair<QString, QStringList>> &csvFieldNames()
{
    static const QList<std::pair<QString, QStringList>> names = {
        {u"id"_s,
         {u"id"_s, u"#"_s, u"key"_s, u"issue key"_s, u"issue id"_s, u"number"_s, u"bug id"_s}},
        {u"title"_s, {u"title"_s, u"summary"_s, u"subject"_s, u"name"_s}},
        {u"details"_s, {u"description"_s, u"details"_s, u"body"_s}},
        {u"state"_s, {u"status"_s, u"state"_s}},
        {u"kind"_s, {u"type"_s, u"kind"_s, u"tracker"_s, u"issue type"_s}},
        {u"reporter"_s, {u"reporter"_s, u"author"_s, u"created by"_s, u"opened by"_s}},
        {u"created"_s,
         {u"created"_s, u"created at"_s, u"created_at"_s, u"creation date"_s, u"opened"_s,
          u"date"_s}},
        {u"updated"_s,
         {u"updated"_s, u"updated at"_s, u"updated_at"_s, u"modified"_s, u"last updated"_s,
          u"changed"_s}},
        {u"closed"_s,
         {u"closed"_s, u"closed at"_s, u"closed_at"_s, u"resolved"_s, u"resolved at"_s,
          u"date closed"_s}},
        {u"found-in"_s, {u"found in"_s, u"affects version"_s, u"affected version"_s, u"version"_s}},
        {u"fixed-in"_s,
         {u"fixed in"_s, u"fix version"_s, u"fix versions"_s, u"fix version/s"_s,
          u"target version"_s, u"milestone"_s}},
        {u"component"_s, {u"component"_s, u"category"_s}},
        {u"labels"_s, {u"labels"_s, u"tags"_s, u"keywords"_s}},
        {u"severity"_s, {u"severity"_s}},
        {u"url"_s, {u"url"_s, u"link"_s}},
    };
    return names;
}

Status readGenericCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                      const QString &tracker, const QHash<QString, QString> &mapping,
                      QList<std::pair<QString, Delta>> *deltas, QMap<QString, QString> *chosen,
                      ImportWarnings *warnings)
{
    const QStringList header = rows.first().cells;
    QHash<QString, qsizetype> column; // field -> index in the header
    for (const auto &[field, names] : csvFieldNames()) {
        if (mapping.contains(field) && mapping.value(field).isEmpty())
            continue; // the user's "no column"
        if (mapping.contains(field)) {
            const qsizetype index = header.indexOf(mapping.value(field));
            if (index < 0) {
                return Error{u"%1: line 1: no column %2 (mapped to %3); the columns are %4"_s.arg(
                    path, InputText::quoted(mapping.value(field)), field, quotedList(header))};
            }
            column.insert(field, index);
            continue;
        }
        for (const QString &name : names) {
            const auto found = std::find_if(header.cbegin(), header.cend(), [&](const QString &h) {
                return h.trimmed().compare(name, Qt::CaseInsensitive) == 0;
            });
            if (found != header.cend()) {
                column.insert(field, found - header.cbegin());
                break;
            }
        }
    }
    for (const QString &required : {u"id"_s, u"title"_s}) {
        if (!column.contains(required)) {
            return Error{u"%1: line 1: no column for the %2 (the columns are %3); name it with "
                         u"--column %2=HEADER"_s.arg(path, required, quotedList(header))};
        }
    }
    for (auto it = column.cbegin(); it != column.cend(); ++it)
        chosen->insert(it.key(), header.at(it.value()));
    const auto cell = [&column](const CsvRow &row, const QString &field) {
        return column.contains(field) ? row.cells.value(column.value(field)).trimmed() : QString();
    };
    const auto headerOf = [&](const QString &field) {
        return header.at(column.value(field));
    };
    QSet<QString> seen;
    int undated = 0;
    const CsvHeader csvHeader(header);
    QStringList read;
    for (auto it = column.cbegin(); it != column.cend(); ++it)
        read.append(header.at(it.value()));
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows.at(r);
        const QString where = u"%1: line %2"_s.arg(path).arg(row.line);
        const QString id = cell(row, u"id"_s);
        if (id.isEmpty())
            return Error{
                u"%1: %2: expected the record's id, found nothing"_s.arg(where, headerOf(u"id"_s))};
        if (seen.contains(id)) {
            return Error{u"%1: %2: id %3 appears twice in the file"_s.arg(where, headerOf(u"id"_s),
                                                                          InputText::quoted(id))};
        }
        seen.insert(id);
        Delta delta;
        const auto title = bounded(where, headerOf(u"title"_s), cell(row, u"title"_s));
        if (!title)
            return Error{title.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        if (column.contains(u"details"_s)) {
            const auto details = bounded(where, headerOf(u"details"_s), cell(row, u"details"_s));
            if (!details)
                return Error{details.error()};
            delta.details = *details;
        }
        delta.component = cell(row, u"component"_s);
        delta.reporter = cell(row, u"reporter"_s);
        delta.foundIn = cell(row, u"found-in"_s);
        delta.fixedIn = cell(row, u"fixed-in"_s);
        delta.sourceLabels = labelNames(where, splitKeywords(cell(row, u"labels"_s)), warnings);
        delta.severity = severityLevel(where, cell(row, u"severity"_s), warnings);
        for (const auto &[field, target] :
             {std::pair{u"updated"_s, &delta.updatedAt}, std::pair{u"closed"_s, &delta.closedAt}}) {
            const QString value = cell(row, field);
            if (value.isEmpty())
                continue;
            const auto time = csvTime(value);
            if (!time) {
                return Error{u"%1: %2: %3 is not a time (expected 2026-11-21, "
                             u"2026-11-21 14:30 or 2026-11-21T14:30:00Z)"_s.arg(
                                 where, headerOf(field), InputText::quoted(value))};
            }
            *target = *time;
        }
        keepUnmappedColumns(delta, u"csv"_s, csvHeader, CsvRecord(csvHeader, row), read, {}, {},
                            warnings);
        const QString kind = cell(row, u"kind"_s).toLower();
        if (QStringList{u"feature"_s, u"enhancement"_s, u"story"_s, u"task"_s, u"improvement"_s,
                        u"spec"_s, u"epic"_s, u"support"_s}
                .contains(kind)) {
            delta.kind = DeltaKind::Spec;
        } else if (!kind.isEmpty()
                   && !QStringList{u"bug"_s, u"defect"_s, u"error"_s, u"crash"_s}.contains(kind)) {
            warnings->append(u"%1: %2: unknown type %3, imported as a defect"_s.arg(
                where, headerOf(u"kind"_s), InputText::quoted(cell(row, u"kind"_s))));
        }
        const QString state = cell(row, u"state"_s).toLower();
        if (QStringList{u"closed"_s, u"resolved"_s, u"done"_s, u"fixed"_s, u"verified"_s}.contains(
                state)) {
            delta.state = DeltaState::Resolved;
        } else if (QStringList{u"rejected"_s, u"won't fix"_s, u"wontfix"_s, u"invalid"_s,
                               u"declined"_s, u"duplicate"_s}
                       .contains(state)) {
            delta.state = DeltaState::Declined;
        } else if (QStringList{u"confirmed"_s, u"assigned"_s, u"accepted"_s, u"triaged"_s,
                               u"in progress"_s, u"in review"_s, u"feedback"_s}
                       .contains(state)) {
            delta.state = DeltaState::Confirmed;
        } else if (!state.isEmpty()
                   && !QStringList{u"new"_s, u"open"_s, u"to do"_s, u"todo"_s, u"backlog"_s,
                                   u"reopened"_s}
                           .contains(state)) {
            warnings->append(u"%1: %2: unknown status %3, imported as new"_s.arg(
                where, headerOf(u"state"_s), InputText::quoted(cell(row, u"state"_s))));
        }
        delta.createdAt = now;
        if (const QString created = cell(row, u"created"_s); !created.isEmpty()) {
            const auto time = csvTime(created);
            if (!time) {
                return Error{u"%1: %2: %3 is not a time (expected 2026-11-21, "
                             u"2026-11-21 14:30 or 2026-11-21T14:30:00Z)"_s.arg(
                                 where, headerOf(u"created"_s), InputText::quoted(created))};
            }
            delta.createdAt = *time;
        } else {
            ++undated;
        }
        delta.source = {tracker, id, cell(row, u"url"_s)};
        deltas->append({where, delta});
    }
    if (undated) {
        warnings->append(
            u"%1: %2 records without a creation time, dated at import"_s.arg(path).arg(undated));
    }
    return {};
}

} // namespace Deltaboard::Import
