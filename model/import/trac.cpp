#include "trac.h"

#include "csv.h"
#include "importmapping.h"
#include "inputtext.h"
#include "markup.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

Status readTracCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, ImportWarnings *warnings)
{
    const CsvHeader header(rows.first().cells);
    if (header.contains(u"ticket"_s)) { // a comments export: ticket,time,author,newvalue
        const QString textColumn = header.contains(u"newvalue"_s) ? u"newvalue"_s : u"comment"_s;
        QHash<QString, int> counts;
        for (qsizetype r = 1; r < rows.size(); ++r) {
            const CsvRecord record(header, rows.at(r));
            const QString where = record.where(path);
            const auto readTicket = recordId(where, u"ticket"_s, record.value(u"ticket"_s));
            if (!readTicket)
                return Error{readTicket.error()};
            const QString ticket = *readTicket;
            CsvComment comment;
            comment.where = where;
            comment.tracker = u"trac"_s;
            comment.record = ticket;
            comment.comment.author = record.value(u"author"_s);
            comment.comment.body = Markup::fromTracWiki(record.value(textColumn));
            const QString time = record.value(u"time"_s);
            QDateTime parsed = QDateTime::fromString(time, Qt::ISODate);
            // "22:54:06Z+0000": a time of day, with its zone.
            static const QRegularExpression timeOfDay(
                uR"(^\d{1,2}:\d\d(:\d\d(\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)*$)"_s);
            if (parsed.isValid()) {
                comment.comment.createdAt = parsed.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
            } else if (!time.isEmpty() && !timeOfDay.match(time).hasMatch()) {
                return Error{u"%1: time: %2 is not a time (expected 2011-04-13T10:00:00Z, or "
                             u"a time of day)"_s.arg(where, InputText::quoted(time))};
            } else {
                // Trac's CSV sometimes gives a bare time of day: kept in the text, dated now.
                comment.comment.createdAt = now;
                warnings->append(u"%1: time %2 has no date; dated at import"_s.arg(
                    where, InputText::quoted(time)));
            }
            comment.comment.source
                = {u"trac"_s, u"%1/comment/%2"_s.arg(ticket).arg(++counts[ticket]), {}};
            comments->append(comment);
        }
        return {};
    }
    for (const QString &required : {u"id"_s, u"summary"_s}) {
        if (!header.contains(required))
            return Error{u"%1: line 1: no \"%2\" column (a Trac ticket query was expected)"_s.arg(
                path, required)};
    }
    int undated = 0; // rows without a time: dated at import
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRecord record(header, rows.at(r));
        const QString where = record.where(path);
        const auto readId = recordId(where, u"id"_s, record.value(u"id"_s));
        if (!readId)
            return Error{readId.error()};
        const QString id = *readId;
        Delta delta;
        const auto title = bounded(where, u"summary"_s, record.value(u"summary"_s));
        const auto description = bounded(where, u"description"_s, record.value(u"description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = Markup::fromTracWiki(*description);
        delta.sourceLabels
            = labelNames(where, splitKeywords(record.value(u"keywords"_s)), warnings);
        if (!isPlaceholder(record.value(u"component"_s)))
            delta.component = record.value(u"component"_s);
        if (!isPlaceholder(record.value(u"version"_s)))
            delta.foundIn = record.value(u"version"_s);
        if (!isPlaceholder(record.value(u"milestone"_s)))
            delta.fixedIn = record.value(u"milestone"_s);
        delta.severity = severityLevel(where, record.value(u"severity"_s), warnings);
        if (const QString priority = record.value(u"priority"_s); !isPlaceholder(priority))
            priorities->insert(id, {where, priority, int(priorities->size())});
        keepFacts(delta, u"trac-csv"_s, {{u"owner"_s, record.value(u"owner"_s)}}, warnings);
        static const QStringList mapped
            = {u"id"_s,       u"summary"_s,   u"description"_s, u"keywords"_s,   u"component"_s,
               u"version"_s,  u"milestone"_s, u"severity"_s,    u"priority"_s,   u"owner"_s,
               u"reporter"_s, u"time"_s,      u"created"_s,     u"changetime"_s, u"modified"_s,
               u"type"_s,     u"status"_s,    u"resolution"_s};
        // "_changetime" and friends: the query's own sort helpers.
        static const QStringList ignored = {u"_changetime"_s, u"_description"_s, u"_reporter"_s};
        keepUnmappedColumns(delta, u"trac-csv"_s, header, record, mapped, ignored, {u"cc"_s},
                            warnings);
        delta.reporter = record.value(u"reporter"_s);
        delta.createdAt = now;
        if (record.value(u"time"_s).isEmpty() && record.value(u"created"_s).isEmpty())
            ++undated;
        for (const QString &column : {u"time"_s, u"created"_s, u"changetime"_s, u"modified"_s}) {
            const QString value = record.value(column);
            if (value.isEmpty())
                continue;
            const QDateTime time = QDateTime::fromString(value, Qt::ISODate);
            if (!time.isValid()) {
                return Error{u"%1: %2: %3 is not a time (expected 2011-04-13T10:00:00Z)"_s.arg(
                    where, column, InputText::quoted(value))};
            }
            const bool changed = column == u"changetime"_s || column == u"modified"_s;
            (changed ? delta.updatedAt : delta.createdAt)
                = time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        }
        if (record.value(u"type"_s) == u"enhancement"_s)
            delta.kind = DeltaKind::Spec;
        const QString status = record.value(u"status"_s);
        const QString resolution = record.value(u"resolution"_s);
        if (status == u"new"_s || status == u"reopened"_s || status.isEmpty()) {
            delta.state = DeltaState::New;
        } else if (status == u"assigned"_s || status == u"accepted"_s) {
            delta.state = DeltaState::Confirmed;
        } else if (status == u"closed"_s) {
            static const QStringList declined
                = {u"invalid"_s, u"wontfix"_s, u"duplicate"_s, u"worksforme"_s};
            delta.state
                = declined.contains(resolution) ? DeltaState::Declined : DeltaState::Resolved;
            if (resolution != u"fixed"_s && !declined.contains(resolution)) {
                warnings->append(
                    isPlaceholder(resolution)
                        ? u"%1: status \"closed\" without a resolution, imported as resolved"_s.arg(
                            where)
                        : u"%1: unknown resolution %2, imported as resolved"_s.arg(
                            where, InputText::quoted(resolution)));
            }
        } else {
            warnings->append(
                u"%1: unknown status %2, imported as new"_s.arg(where, InputText::quoted(status)));
        }
        delta.source = {u"trac"_s, id, {}};
        deltas->append({where, delta});
    }
    if (undated) {
        warnings->append(
            u"%1: %2 records without a creation time, dated at import"_s.arg(path).arg(undated));
    }
    return {};
}

int tracPriorityLevel(const QString &name)
{
    // Trac's default priorities, and the "normal"/"high"/"low" many instances use.
    static const QHash<QString, int> levels
        = {{u"blocker"_s, 4}, {u"critical"_s, 4}, {u"major"_s, 3},  {u"high"_s, 3},
           {u"normal"_s, 2},  {u"medium"_s, 2},   {u"minor"_s, 1},  {u"low"_s, 1},
           {u"trivial"_s, 1}, {u"lowest"_s, 1},   {u"highest"_s, 4}};
    return levels.value(name.trimmed().toLower(), -1);
}

} // namespace Deltaboard::Import
