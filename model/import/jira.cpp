#include "jira.h"

#include "csv.h"
#include "importmapping.h"
#include "importwriter.h"
#include "inputtext.h"
#include "organisationstore.h"
#include "sqlvalues.h"
#include "taskstore.h"
#include "triagestore.h"
#include "xmlreader.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

namespace {

// Jira's CSV times: "25/Feb/26 10:17 PM".
Result<QString> jiraTime(const QString &where, const QString &column, const QString &value)
{
    const QLocale c = QLocale::c();
    for (const QString &format : {u"dd/MMM/yy h:mm AP"_s, u"d/MMM/yy h:mm AP"_s,
                                  u"dd/MMM/yyyy h:mm AP"_s, u"yyyy-MM-dd HH:mm"_s}) {
        QDateTime time = c.toDateTime(value, format);
        if (time.isValid()) {
            if (time.date().year() < 1970)
                time = time.addYears(100);
            time.setTimeZone(QTimeZone::utc());
            return time.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        }
    }
    return Error{u"%1: %2: %3 is not a Jira date (like 25/Feb/26 10:17 PM)"_s.arg(
        where, column, InputText::quoted(value))};
}

DeltaState jiraState(const QString &status, const QString &resolution, bool *known)
{
    *known = true;
    if (QStringList{u"To Do"_s, u"Open"_s, u"Backlog"_s, u"Selected for Development"_s, u"New"_s,
                    u"Needs Triage"_s}
            .contains(status)) {
        return DeltaState::New;
    }
    if (QStringList{u"In Progress"_s, u"In Review"_s, u"Reopened"_s, u"In Code Review"_s}.contains(
            status)) {
        return DeltaState::Confirmed;
    }
    if (QStringList{u"Done"_s, u"Closed"_s, u"Resolved"_s}.contains(status)) {
        return QStringList{u"Won't Do"_s,         u"Won't Fix"_s, u"Declined"_s,
                           u"Cannot Reproduce"_s, u"Duplicate"_s, u"Works as Designed"_s,
                           u"Incomplete"_s}
                       .contains(resolution)
                   ? DeltaState::Declined
                   : DeltaState::Resolved;
    }
    *known = false;
    return DeltaState::New;
}

} // namespace

bool isJiraKey(const QString &key)
{
    static const QRegularExpression issueKey(uR"(^[A-Za-z][A-Za-z0-9_]*-\d+$)"_s);
    return issueKey.match(key).hasMatch();
}

Status readJiraCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, QStringList *warnings)
{
    const CsvHeader header(rows.first().cells);
    for (const QString &required : {u"Summary"_s, u"Issue key"_s}) {
        if (!header.contains(required))
            return Error{u"%1: line 1: no \"%2\" column (a Jira CSV export was expected)"_s.arg(
                path, required)};
    }
    int undated = 0; // rows without a time: dated at import
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRecord record(header, rows.at(r));
        const QString where = record.where(path);
        const QString key = record.value(u"Issue key"_s);
        if (!isJiraKey(key)) {
            return Error{u"%1: Issue key: expected the issue's key (like PROJ-12), found %2"_s.arg(
                where, InputText::quoted(key))};
        }
        Delta delta;
        const auto title = bounded(where, u"Summary"_s, record.value(u"Summary"_s));
        const auto description = bounded(where, u"Description"_s, record.value(u"Description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = *description;
        appendFacts(delta, {{u"Assignee"_s, record.value(u"Assignee"_s)},
                            {u"Fix versions"_s, record.values(u"Fix Version/s"_s).join(u", "_s)}});
        delta.reporter = record.value(u"Reporter"_s);
        const QString created = record.value(u"Created"_s);
        if (created.isEmpty()) {
            delta.createdAt = now;
            ++undated;
        } else {
            const auto time = jiraTime(where, u"Created"_s, created);
            if (!time)
                return Error{time.error()};
            delta.createdAt = *time;
        }
        const QString type = record.value(u"Issue Type"_s);
        delta.kind = type == u"Bug"_s || type.isEmpty() ? DeltaKind::Defect : DeltaKind::Spec;
        const QString status = record.value(u"Status"_s);
        const QString resolution = record.value(u"Resolution"_s);
        if (QStringList{u"To Do"_s, u"Open"_s, u"Backlog"_s, u"Selected for Development"_s,
                        u"New"_s}
                .contains(status)) {
            delta.state = DeltaState::New;
        } else if (QStringList{u"In Progress"_s, u"In Review"_s, u"Reopened"_s}.contains(status)) {
            delta.state = DeltaState::Confirmed;
        } else if (QStringList{u"Done"_s, u"Closed"_s, u"Resolved"_s}.contains(status)) {
            delta.state = QStringList{u"Won't Do"_s, u"Won't Fix"_s, u"Declined"_s,
                                      u"Cannot Reproduce"_s, u"Duplicate"_s}
                                  .contains(resolution)
                              ? DeltaState::Declined
                              : DeltaState::Resolved;
        } else {
            warnings->append(
                u"%1: unknown status %2, imported as new"_s.arg(where, InputText::quoted(status)));
        }
        delta.source = {u"jira"_s, key, {}};
        if (const QString priority = record.value(u"Priority"_s); !priority.isEmpty())
            priorities->insert(key, {where, priority, int(priorities->size())});
        deltas->append({where, delta});
        // Comment cells: "date;author;text".
        const QStringList cells = record.values(u"Comment"_s);
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QString &cell = cells.at(c);
            const qsizetype first = cell.indexOf(u';');
            const qsizetype second = first >= 0 ? cell.indexOf(u';', first + 1) : -1;
            if (second < 0)
                return Error{u"%1: Comment: expected \"date;author;text\""_s.arg(where)};
            const auto time = jiraTime(where, u"Comment"_s, cell.left(first));
            if (!time)
                return Error{time.error()};
            CsvComment comment;
            comment.where = where;
            comment.tracker = u"jira"_s;
            comment.record = key;
            comment.comment.createdAt = *time;
            comment.comment.author = cell.mid(first + 1, second - first - 1);
            comment.comment.body = cell.mid(second + 1);
            comment.comment.source = {u"jira"_s, u"%1/comment/%2"_s.arg(key).arg(c + 1), {}};
            comments->append(comment);
        }
    }
    if (undated) {
        warnings->append(
            u"%1: %2 records without a creation time, dated at import"_s.arg(path).arg(undated));
    }
    return {};
}

int jiraPriorityLevel(const QString &name)
{
    // "Major - P3" and friends: the word before any " - " decides.
    const QString word = name.section(u" - "_s, 0, 0).trimmed();
    static const QHash<QString, int> levels
        = {{u"Highest"_s, 4}, {u"Blocker"_s, 4}, {u"High"_s, 3}, {u"Critical"_s, 3},
           {u"Medium"_s, 2},  {u"Major"_s, 2},   {u"Low"_s, 1},  {u"Minor"_s, 1},
           {u"Lowest"_s, 1},  {u"Trivial"_s, 1}};
    return levels.value(word, -1);
}

Status readJiraXml(const QString &path, const QByteArray &bytes,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, QList<std::pair<QString, QString>> *duplicates,
                   QStringList *warnings)
{
    if (auto bad = xmlNotUtf8(path, bytes, u"a Jira XML export"_s))
        return *bad;
    QXmlStreamReader xml(bytes);
    BoundedXml reader(xml);
    const auto where = [&xml, &path](const QString &what) {
        return u"%1: line %2: %3"_s.arg(path).arg(xml.lineNumber()).arg(what);
    };
    while (!xml.atEnd()) {
        reader.next();
        if (xml.tokenType() == QXmlStreamReader::DTD) {
            if (!xml.entityDeclarations().isEmpty() || xml.text().contains(u"<!ENTITY"_s))
                return Error{where(u"entity declarations are refused (no DTDs are processed)"_s)};
            continue;
        }
        if (!xml.isStartElement() || xml.name() != u"item"_s)
            continue;
        const QString itemWhere = where(u"item"_s);
        QHash<QString, QString> fields;
        QList<CsvComment> itemComments;
        while (!(xml.isEndElement() && xml.name() == u"item"_s) && !xml.atEnd()) {
            reader.next();
            if (!xml.isStartElement())
                continue;
            const QString name = xml.name().toString();
            if (name == u"comment"_s) {
                CsvComment comment;
                comment.where = where(u"comment"_s);
                comment.tracker = u"jira"_s;
                const QXmlStreamAttributes attributes = xml.attributes();
                const QString created = attributes.value(u"created"_s).toString();
                const QDateTime time = QDateTime::fromString(created, Qt::RFC2822Date);
                if (!time.isValid()) {
                    return Error{u"%1.created: %2 is not an RFC 2822 time"_s.arg(
                        comment.where, InputText::quoted(created))};
                }
                comment.comment.createdAt = time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
                comment.comment.author = attributes.value(u"author"_s).toString();
                comment.comment.source
                    = {u"jira"_s, u"comment/"_s + attributes.value(u"id"_s).toString(), {}};
                comment.comment.body = reader.text().trimmed();
                itemComments.append(comment);
                continue;
            }
            if (name == u"issuelinktype"_s) {
                // Duplicate links: "duplicates" (outward) names the original.
                QString linkName;
                bool outward = false;
                while (!(xml.isEndElement() && xml.name() == u"issuelinktype"_s) && !xml.atEnd()) {
                    reader.next();
                    if (!xml.isStartElement())
                        continue;
                    if (xml.name() == u"name"_s)
                        linkName = reader.text().trimmed();
                    else if (xml.name() == u"outwardlinks"_s)
                        outward = xml.attributes().value(u"description"_s).toString()
                                  == u"duplicates"_s;
                    else if (xml.name() == u"inwardlinks"_s)
                        outward = false;
                    else if (xml.name() == u"issuekey"_s && linkName == u"Duplicate"_s && outward)
                        fields.insert(u"duplicates"_s, reader.text().trimmed());
                }
                continue;
            }
            if (name == u"comments"_s || name == u"issuelinks"_s)
                continue; // containers: their comment and issuelinktype children are read above
            if (fields.contains(name))
                continue; // the first of repeated elements (version…) is enough here
            fields.insert(name, reader.flatText().trimmed());
        }
        if (xml.hasError())
            break;
        const QString key = fields.value(u"key"_s);
        if (!isJiraKey(key)) {
            return Error{u"%1.key: expected an issue key like ABC-123, found %2"_s.arg(
                itemWhere, InputText::quoted(key))};
        }
        Delta delta;
        const auto title = bounded(itemWhere, u"summary"_s, fields.value(u"summary"_s));
        const auto description
            = bounded(itemWhere, u"description"_s, fields.value(u"description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = *description; // Jira's HTML, kept as text
        appendFacts(delta, {{u"Assignee"_s, fields.value(u"assignee"_s)},
                            {u"Fix versions"_s, fields.value(u"fixVersion"_s)}});
        delta.reporter = fields.value(u"reporter"_s);
        const QDateTime created
            = QDateTime::fromString(fields.value(u"created"_s), Qt::RFC2822Date);
        if (!created.isValid()) {
            return Error{u"%1.created: %2 is not an RFC 2822 time"_s.arg(
                itemWhere, InputText::quoted(fields.value(u"created"_s)))};
        }
        delta.createdAt = created.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        const QString type = fields.value(u"type"_s);
        delta.kind = type == u"Bug"_s || type.isEmpty() ? DeltaKind::Defect : DeltaKind::Spec;
        bool known = true;
        delta.state = jiraState(fields.value(u"status"_s), fields.value(u"resolution"_s), &known);
        if (!known) {
            warnings->append(u"%1: unknown status %2, imported as new"_s.arg(
                itemWhere, InputText::quoted(fields.value(u"status"_s))));
        }
        delta.foundIn = fields.value(u"version"_s);
        delta.source = {u"jira"_s, key, fields.value(u"link"_s)};
        if (const QString priority = fields.value(u"priority"_s); !priority.isEmpty())
            priorities->insert(key, {itemWhere, priority, int(priorities->size())});
        for (CsvComment &comment : itemComments)
            comment.record = key;
        if (const QString original = fields.value(u"duplicates"_s); !original.isEmpty())
            duplicates->append({key, original});
        comments->append(itemComments);
        deltas->append({itemWhere, delta});
    }
    if (xml.hasError()) {
        return Error{u"%1: line %2, column %3: %4 (a Jira XML export was expected)"_s.arg(path)
                         .arg(xml.lineNumber())
                         .arg(xml.columnNumber())
                         .arg(InputText::oneLine(xml.errorString(), 200))};
    }
    return {};
}

Status writeJira(ImportWriter &w, const JiraPriorities &jiraPriorities,
                 const QList<std::pair<QString, QString>> &jiraDuplicates)
{
    for (const auto &[key, originalKey] : std::as_const(jiraDuplicates)) {
        if (const Status marked
            = w.markDuplicate(u"jira "_s + key, u"jira"_s, key, originalKey, originalKey);
            !marked) {
            return Error{marked.error()};
        }
    }
    if (!jiraPriorities.isEmpty()) {
        if (w.options.organisation.isEmpty()) {
            w.summary.warnings.append(u"Jira priorities are not imported: say whose they are "
                                      u"with --org"_s);
        } else {
            OrganisationStore organisationsForJira(w.db);
            auto organisation = organisationsForJira.byName(w.options.organisation);
            if (!organisation)
                organisation = organisationsForJira.create(w.options.organisation);
            if (!organisation)
                return Error{organisation.error()};
            TriageStore triageForJira(w.db);
            // In the export's order: each priority goes to the end of its level, so the ranking
            // follows the file (a hash's order changed from run to run).
            QList<JiraPriorities::const_iterator> inOrder;
            for (auto it = jiraPriorities.cbegin(); it != jiraPriorities.cend(); ++it)
                inOrder.append(it);
            std::sort(inOrder.begin(), inOrder.end(),
                      [](const auto &a, const auto &b) { return a->order < b->order; });
            for (const auto &it : std::as_const(inOrder)) {
                const auto delta = w.deltaFor(u"jira"_s, it.key());
                if (!delta)
                    return Error{delta.error()};
                const auto before = triageForJira.priorities(*delta);
                if (!before)
                    return Error{before.error()};
                const int level = w.priorityLevel(it->name, jiraPriorityLevel(it->name));
                if (level < 0) {
                    if (!w.options.priorityLevels.contains(it->name)) { // not the user's choice
                        w.summary.warnings.append(u"%1: unknown priority %2, not imported"_s.arg(
                            it->where, InputText::quoted(it->name)));
                    }
                    continue;
                }
                if (std::any_of(before->cbegin(), before->cend(), [&](const PriorityEntry &e) {
                        return e.organisationId == organisation->id && e.level == level;
                    })) {
                    continue;
                }
                if (const Status set = triageForJira.setPriority(organisation->id, *delta, level);
                    !set) {
                    return Error{set.error()};
                }
                ++w.summary.priorities;
            }
        }
    }
    return {};
}

} // namespace Deltaboard::Import
