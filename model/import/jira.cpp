#include "jira.h"

#include "csv.h"
#include "importmapping.h"
#include "importwriter.h"
#include "inputtext.h"
#include "markup.h"
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

// A Jira link type (its name, as the CSV's column or the XML's issuelinktype names it) read from
// one end: "Blocks" outward is blocks, inward is blocked by. Empty: not a type this knows.
std::optional<RelationType> jiraLinkType(const QString &name, bool inward)
{
    const QString n = name.trimmed().toLower();
    RelationType type;
    if (n == u"blocks"_s || n == u"blocker"_s)
        type = {RelationKind::Blocks, false};
    else if (n == u"duplicate"_s)
        type = {RelationKind::DuplicateOf, false};
    else if (n == u"relates"_s || n == u"related"_s || n == u"cloners"_s || n == u"clones"_s)
        type = {RelationKind::RelatesTo, false};
    else if (n == u"problem/incident"_s || n == u"causes"_s)
        type = {RelationKind::CausedBy, true}; // outward: this causes the other
    else if (n == u"depends"_s || n == u"dependency"_s || n == u"dependent"_s)
        type = {RelationKind::DependsOn, false};
    else
        return std::nullopt;
    if (inward && !Levels::isSymmetric(type.kind))
        type.reverse = !type.reverse;
    return type;
}

} // namespace

bool isJiraKey(const QString &key)
{
    static const QRegularExpression issueKey(uR"(^[A-Za-z][A-Za-z0-9_]*-\d+$)"_s);
    return issueKey.match(key).hasMatch();
}

Status readJiraCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, ImportWarnings *warnings)
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
        const auto readKey = recordId(where, u"Issue key"_s, record.value(u"Issue key"_s));
        if (!readKey)
            return Error{readKey.error()};
        const QString key = *readKey;
        Delta delta;
        const auto title = bounded(where, u"Summary"_s, record.value(u"Summary"_s));
        const auto description = bounded(where, u"Description"_s, record.value(u"Description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = *description;
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
        for (const auto &[column, target] : {std::pair{u"Updated"_s, &delta.updatedAt},
                                             std::pair{u"Resolved"_s, &delta.closedAt}}) {
            if (record.value(column).isEmpty())
                continue;
            const auto time = jiraTime(where, column, record.value(column));
            if (!time)
                return Error{time.error()};
            *target = *time;
        }
        const QStringList components = record.values(u"Component/s"_s);
        if (!components.isEmpty())
            delta.component = components.first().trimmed();
        delta.foundIn = record.values(u"Affects Version/s"_s).join(u", "_s).trimmed();
        delta.fixedIn = record.values(u"Fix Version/s"_s).join(u", "_s).trimmed();
        delta.sourceLabels = labelNames(where, record.values(u"Labels"_s), warnings);
        delta.severity = severityLevel(where, record.value(u"Custom field (Severity)"_s), warnings);
        // A sub-task's parent needs it done.
        if (const QString parent = record.value(u"Parent key"_s); !parent.isEmpty())
            delta.sourceLinks.append({{RelationKind::DependsOn, true}, parent});
        QStringList linkColumns;
        for (const QString &column : header.names()) {
            const bool inward = column.startsWith(u"Inward issue link ("_s);
            if ((!inward && !column.startsWith(u"Outward issue link ("_s))
                || linkColumns.contains(column))
                continue;
            linkColumns.append(column);
            const QString linkType = column.section(u'(', 1).chopped(1);
            for (const QString &other : record.values(column)) {
                const auto type = jiraLinkType(linkType, inward);
                if (!type)
                    warnings->field(u"jira-csv"_s, column, u"kept as relates to"_s);
                delta.sourceLinks.append(
                    {type.value_or(RelationType{RelationKind::RelatesTo, false}), other.trimmed()});
            }
        }
        keepFacts(delta, u"jira-csv"_s,
                  {{u"Assignee"_s, record.value(u"Assignee"_s)},
                   {u"Environment"_s, record.value(u"Environment"_s)},
                   {u"Component/s"_s, components.mid(1).join(u", "_s)}},
                  warnings);
        QStringList mapped = {u"Summary"_s,
                              u"Issue key"_s,
                              u"Issue Type"_s,
                              u"Status"_s,
                              u"Resolution"_s,
                              u"Priority"_s,
                              u"Reporter"_s,
                              u"Created"_s,
                              u"Updated"_s,
                              u"Resolved"_s,
                              u"Description"_s,
                              u"Assignee"_s,
                              u"Environment"_s,
                              u"Component/s"_s,
                              u"Affects Version/s"_s,
                              u"Fix Version/s"_s,
                              u"Labels"_s,
                              u"Comment"_s,
                              u"Parent key"_s,
                              u"Custom field (Severity)"_s};
        mapped.append(linkColumns);
        // Jira's internal ids (of the issue, people, the parent), the project's own settings,
        // and what only describes the Jira screen (rank, last viewed, status category).
        static const QStringList ignored = {u"Issue id"_s,
                                            u"Parent id"_s,
                                            u"Parent"_s,
                                            u"Parent summary"_s,
                                            u"Project key"_s,
                                            u"Project type"_s,
                                            u"Project lead"_s,
                                            u"Project lead id"_s,
                                            u"Project description"_s,
                                            u"Project url"_s,
                                            u"Reporter Id"_s,
                                            u"Creator Id"_s,
                                            u"Assignee Id"_s,
                                            u"Watchers Id"_s,
                                            u"Status Category"_s,
                                            u"Status Category Changed"_s,
                                            u"Last Viewed"_s,
                                            u"Custom field (Rank)"_s};
        keepUnmappedColumns(delta, u"jira-csv"_s, header, record, mapped, ignored,
                            {u"Watchers"_s, u"Attachment"_s}, warnings);
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
                   ImportWarnings *warnings)
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
        // Elements by name with every value (version, fixVersion, component, label repeat), in
        // the order met; custom fields by their names.
        QHash<QString, QStringList> fields;
        QStringList order;
        QList<std::pair<QString, QString>> custom;
        QList<std::pair<RelationType, QString>> links;
        int attachments = 0;
        QList<CsvComment> itemComments;
        // Containers whose children are read one by one below.
        static const QStringList containers = {u"comments"_s,     u"issuelinks"_s,  u"labels"_s,
                                               u"customfields"_s, u"attachments"_s, u"subtasks"_s};
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
                comment.comment.body = Markup::fromHtml(reader.text().trimmed());
                itemComments.append(comment);
                continue;
            }
            if (name == u"issuelinktype"_s) {
                QString linkName;
                bool inward = false;
                while (!(xml.isEndElement() && xml.name() == u"issuelinktype"_s) && !xml.atEnd()) {
                    reader.next();
                    if (!xml.isStartElement())
                        continue;
                    if (xml.name() == u"name"_s) {
                        linkName = reader.text().trimmed();
                    } else if (xml.name() == u"outwardlinks"_s) {
                        inward = false;
                    } else if (xml.name() == u"inwardlinks"_s) {
                        inward = true;
                    } else if (xml.name() == u"issuekey"_s) {
                        const QString other = reader.text().trimmed();
                        if (other.isEmpty())
                            continue;
                        const auto type = jiraLinkType(linkName, inward);
                        if (type && type->kind == RelationKind::DuplicateOf) {
                            // "duplicates" (outward) names the original; the original's
                            // inward link is the same fact from the other end.
                            if (!inward)
                                fields[u"duplicates"_s].append(other);
                            continue;
                        }
                        if (!type)
                            warnings->field(u"jira-xml"_s, u"issue link "_s + linkName,
                                            u"kept as relates to"_s);
                        links.append(
                            {type.value_or(RelationType{RelationKind::RelatesTo, false}), other});
                    }
                }
                continue;
            }
            if (name == u"customfield"_s) {
                QString fieldName;
                QStringList values;
                while (!(xml.isEndElement() && xml.name() == u"customfield"_s) && !xml.atEnd()) {
                    reader.next();
                    if (!xml.isStartElement())
                        continue;
                    if (xml.name() == u"customfieldname"_s)
                        fieldName = reader.text().trimmed();
                    else if (xml.name() == u"customfieldvalue"_s)
                        values.append(Markup::fromHtml(reader.flatText().trimmed()));
                }
                custom.append({fieldName, values.join(u", "_s)});
                continue;
            }
            if (name == u"attachment"_s) {
                ++attachments;
                continue;
            }
            if (containers.contains(name))
                continue;
            if (!fields.contains(name))
                order.append(name);
            fields[name].append(reader.flatText().trimmed());
        }
        if (xml.hasError())
            break;
        const auto field = [&fields](const QString &name) {
            return fields.value(name).value(0).trimmed();
        };
        const auto readKey = recordId(itemWhere + u".key"_s, {}, field(u"key"_s));
        if (!readKey)
            return Error{readKey.error()};
        const QString key = *readKey;
        Delta delta;
        const auto title = bounded(itemWhere, u"summary"_s, field(u"summary"_s));
        const auto description = bounded(itemWhere, u"description"_s, field(u"description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = Markup::fromHtml(*description); // Jira's HTML as Markdown
        delta.reporter = field(u"reporter"_s);
        const auto jiraXmlTime = [&](const QString &name, QString *target) -> Status {
            if (field(name).isEmpty())
                return {};
            const QDateTime time = QDateTime::fromString(field(name), Qt::RFC2822Date);
            if (!time.isValid()) {
                return Error{u"%1.%2: %3 is not an RFC 2822 time"_s.arg(
                    itemWhere, name, InputText::quoted(field(name)))};
            }
            *target = time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
            return {};
        };
        if (field(u"created"_s).isEmpty())
            return Error{u"%1.created: expected the issue's creation time"_s.arg(itemWhere)};
        for (const auto &[name, target] :
             {std::pair{u"created"_s, &delta.createdAt}, std::pair{u"updated"_s, &delta.updatedAt},
              std::pair{u"resolved"_s, &delta.closedAt}}) {
            if (const Status read = jiraXmlTime(name, target); !read)
                return read;
        }
        const QString type = field(u"type"_s);
        delta.kind = type == u"Bug"_s || type.isEmpty() ? DeltaKind::Defect : DeltaKind::Spec;
        bool known = true;
        delta.state = jiraState(field(u"status"_s), field(u"resolution"_s), &known);
        if (!known) {
            warnings->append(u"%1: unknown status %2, imported as new"_s.arg(
                itemWhere, InputText::quoted(field(u"status"_s))));
        }
        const QStringList components = fields.value(u"component"_s);
        delta.component = components.value(0).trimmed();
        delta.foundIn = fields.value(u"version"_s).join(u", "_s);
        delta.fixedIn = fields.value(u"fixVersion"_s).join(u", "_s);
        delta.sourceLabels = labelNames(itemWhere, fields.value(u"label"_s), warnings);
        delta.sourceLinks = links;
        if (!field(u"parent"_s).isEmpty())
            delta.sourceLinks.append({{RelationKind::DependsOn, true}, field(u"parent"_s)});
        for (const QString &subtask : fields.value(u"subtask"_s)) {
            if (!subtask.trimmed().isEmpty())
                delta.sourceLinks.append({{RelationKind::DependsOn, false}, subtask.trimmed()});
        }
        QList<std::pair<QString, QString>> facts
            = {{u"assignee"_s, field(u"assignee"_s)},
               {u"environment"_s, Markup::fromHtml(field(u"environment"_s))},
               {u"project"_s, field(u"project"_s)},
               {u"component"_s, components.mid(1).join(u", "_s)}};
        for (const auto &[name, value] : std::as_const(custom)) {
            if (name.compare(u"Severity"_s, Qt::CaseInsensitive) == 0)
                delta.severity = severityLevel(itemWhere, value, warnings);
            else
                facts.append({name, value});
        }
        static const QStringList read
            = {u"key"_s,       u"summary"_s,   u"description"_s, u"reporter"_s, u"created"_s,
               u"updated"_s,   u"resolved"_s,  u"type"_s,        u"status"_s,   u"resolution"_s,
               u"component"_s, u"version"_s,   u"fixVersion"_s,  u"label"_s,    u"parent"_s,
               u"subtask"_s,   u"assignee"_s,  u"environment"_s, u"project"_s,  u"priority"_s,
               u"link"_s,      u"duplicates"_s};
        // The title repeats key and summary; the status category, the counts of votes and
        // watchers and the issue's id in Jira's database describe the Jira screen.
        static const QStringList ignored
            = {u"title"_s, u"statusCategory"_s, u"votes"_s, u"watches"_s, u"guid"_s, u"item"_s};
        for (const QString &name : std::as_const(order)) {
            if (read.contains(name) || ignored.contains(name) || field(name).isEmpty())
                continue;
            if (fields.value(name).size() > 1)
                warnings->field(u"jira-xml"_s, name, u"dropped (no Deltaboard field holds it)"_s);
            else
                facts.append({name, field(name)});
        }
        // "# Replies" and the like: counts Jira keeps of what is imported anyway.
        facts.erase(std::remove_if(facts.begin(), facts.end(),
                                   [](const auto &fact) { return fact.first.startsWith(u'#'); }),
                    facts.end());
        keepFacts(delta, u"jira-xml"_s, facts, warnings);
        if (attachments)
            warnings->field(u"jira-xml"_s, u"attachments"_s, u"dropped (files are not imported)"_s);
        delta.source = {u"jira"_s, key, field(u"link"_s)};
        if (const QString priority = field(u"priority"_s); !priority.isEmpty())
            priorities->insert(key, {itemWhere, priority, int(priorities->size())});
        for (CsvComment &comment : itemComments)
            comment.record = key;
        if (const QString original = field(u"duplicates"_s); !original.isEmpty())
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
    return w.writePriorities(u"jira"_s, u"Jira"_s, jiraPriorities, jiraPriorityLevel);
}

} // namespace Deltaboard::Import
