#include "redmine.h"

#include "bugzilla.h"
#include "importmapping.h"
#include "importwriter.h"
#include "inputtext.h"
#include "levels.h"
#include "markup.h"
#include "organisationstore.h"
#include "sqlvalues.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

Result<RedmineIssue> readRedmineIssue(const QString &where, const QJsonObject &issue,
                                      ImportWarnings *warnings)
{
    RedmineIssue r;
    r.where = where;
    const QJsonValue id = issue.value(u"id"_s);
    if (!positiveNumber(id))
        return Error{u"%1.id: expected a positive issue number"_s.arg(where)};
    r.id = *positiveNumber(id);
    const auto subject = text(where, issue, u"subject"_s);
    if (!subject)
        return Error{subject.error()};
    const auto created = text(where, issue, u"created_on"_s);
    if (!created)
        return Error{created.error()};
    const auto createdAt = timestamp(where, u"created_on"_s, *created);
    if (!createdAt)
        return Error{createdAt.error()};
    const auto description
        = bounded(where, u"description"_s, issue.value(u"description"_s).toString());
    if (!description)
        return Error{description.error()};
    Delta &delta = r.delta;
    delta.title = subject->trimmed().isEmpty() ? u"(untitled)"_s : subject->trimmed();
    delta.details = Markup::fromTextile(*description);
    delta.reporter = issue.value(u"author"_s).toObject().value(u"name"_s).toString();
    delta.createdAt = *createdAt;
    delta.source = {u"redmine"_s, QString::number(r.id), {}};
    const QString tracker = issue.value(u"tracker"_s).toObject().value(u"name"_s).toString();
    if (tracker == u"Feature"_s)
        delta.kind = DeltaKind::Spec;
    const QString project = issue.value(u"project"_s).toObject().value(u"name"_s).toString();
    if (!project.isEmpty())
        delta.details += u"\n\nProject: %1 · Tracker: %2"_s.arg(project, tracker);
    const auto name = [&issue](const QString &field) {
        return issue.value(field).toObject().value(u"name"_s).toString().trimmed();
    };
    delta.component = name(u"category"_s);
    delta.fixedIn = name(u"fixed_version"_s);
    if (const QString priority = name(u"priority"_s); !isPlaceholder(priority))
        r.priority = priority;
    for (const auto &[field, target] : {std::pair{u"updated_on"_s, &delta.updatedAt},
                                        std::pair{u"closed_on"_s, &delta.closedAt}}) {
        if (!issue.value(field).isString() || issue.value(field).toString().isEmpty())
            continue;
        const auto time = timestamp(where, field, issue.value(field).toString());
        if (!time)
            return Error{time.error()};
        *target = *time;
    }
    // A parent issue needs its subtasks done; relations read from this issue's end.
    if (const auto parent = positiveNumber(issue.value(u"parent"_s).toObject().value(u"id"_s)))
        delta.sourceLinks.append({{RelationKind::DependsOn, true}, QString::number(*parent)});
    static const QHash<QString, RelationType> relationTypes
        = {{u"relates"_s, {RelationKind::RelatesTo, false}},
           {u"duplicates"_s, {RelationKind::DuplicateOf, false}},
           {u"duplicated"_s, {RelationKind::DuplicateOf, true}},
           {u"blocks"_s, {RelationKind::Blocks, false}},
           {u"blocked"_s, {RelationKind::Blocks, true}},
           {u"precedes"_s, {RelationKind::DependsOn, true}},
           {u"follows"_s, {RelationKind::DependsOn, false}},
           {u"copied_to"_s, {RelationKind::RelatesTo, false}},
           {u"copied_from"_s, {RelationKind::RelatesTo, false}}};
    const QJsonArray relations = issue.value(u"relations"_s).toArray();
    for (qsizetype i = 0; i < relations.size(); ++i) {
        const QJsonObject relation = relations.at(i).toObject();
        const QString type = relation.value(u"relation_type"_s).toString();
        const auto from = positiveNumber(relation.value(u"issue_id"_s));
        const auto to = positiveNumber(relation.value(u"issue_to_id"_s));
        const auto known = relationTypes.constFind(type);
        if (known == relationTypes.cend() || !from || !to) {
            warnings->append(u"%1.relations[%2]: relation %3 is none this importer knows "
                             u"(relates, duplicates, blocks, precedes, follows, copied_to); "
                             u"not related"_s.arg(where)
                                 .arg(i)
                                 .arg(InputText::quoted(type)));
            continue;
        }
        RelationType read = *known;
        if (*from != r.id && !Levels::isSymmetric(read.kind))
            read.reverse = !read.reverse;
        delta.sourceLinks.append({read, QString::number(*from == r.id ? *to : *from)});
    }
    QList<std::pair<QString, QString>> custom;
    for (const QJsonValue &value : issue.value(u"custom_fields"_s).toArray()) {
        const QJsonObject field = value.toObject();
        const QJsonValue v = field.value(u"value"_s);
        QStringList values;
        for (const QJsonValue &item : v.isArray() ? v.toArray() : QJsonArray{v})
            values.append(item.isDouble() ? QString::number(item.toDouble()) : item.toString());
        custom.append({field.value(u"name"_s).toString(), values.join(u", "_s)});
    }
    keepFacts(delta, u"redmine"_s, custom, warnings);
    keepFacts(delta, u"redmine"_s, {{u"assigned_to"_s, name(u"assigned_to"_s)}}, warnings);
    static const QStringList mapped = {
        u"id"_s,          u"subject"_s,   u"created_on"_s, u"description"_s,   u"author"_s,
        u"tracker"_s,     u"project"_s,   u"category"_s,   u"fixed_version"_s, u"priority"_s,
        u"updated_on"_s,  u"closed_on"_s, u"parent"_s,     u"relations"_s,     u"custom_fields"_s,
        u"assigned_to"_s, u"status"_s,    u"journals"_s};
    // Whether it is private (every imported record is readable by the workspace), and the
    // totals Redmine sums over subtasks from their own fields.
    static const QStringList ignored
        = {u"is_private"_s, u"total_estimated_hours"_s, u"total_spent_hours"_s};
    keepUnmapped(delta, u"redmine"_s, issue, mapped, ignored, warnings);
    // Redmine's statuses are configurable (and translated): the usual English names map; others
    // follow closed_on, and are listed as warnings.
    const QString status = issue.value(u"status"_s).toObject().value(u"name"_s).toString();
    static const QHash<QString, DeltaState> states = {{u"New"_s, DeltaState::New},
                                                      {u"In Progress"_s, DeltaState::Confirmed},
                                                      {u"Assigned"_s, DeltaState::Confirmed},
                                                      {u"Feedback"_s, DeltaState::Confirmed},
                                                      {u"Resolved"_s, DeltaState::Resolved},
                                                      {u"Closed"_s, DeltaState::Resolved},
                                                      {u"Rejected"_s, DeltaState::Declined}};
    if (const auto it = states.constFind(status); it != states.cend()) {
        delta.state = *it;
    } else {
        const bool closed = issue.value(u"closed_on"_s).isString();
        delta.state = closed ? DeltaState::Resolved : DeltaState::New;
        warnings->append(u"%1: unknown status %2, imported as %3"_s.arg(
            where, InputText::quoted(status), Levels::stateName(delta.state)));
    }
    const QJsonArray journals = issue.value(u"journals"_s).toArray();
    for (qsizetype j = 0; j < journals.size(); ++j) {
        const QJsonObject journal = journals.at(j).toObject();
        const QString at = u"%1.journals[%2]"_s.arg(where).arg(j);
        const auto when = text(at, journal, u"created_on"_s);
        if (!when)
            return Error{when.error()};
        const auto time = timestamp(at, u"created_on"_s, *when);
        if (!time)
            return Error{time.error()};
        const QString who = journal.value(u"user"_s).toObject().value(u"name"_s).toString();
        const QString notes = journal.value(u"notes"_s).toString();
        if (!notes.trimmed().isEmpty()) {
            // The id is what makes a second import recognise the note.
            const QJsonValue journalId = journal.value(u"id"_s);
            if (!positiveNumber(journalId))
                return Error{u"%1.id: expected the journal's number"_s.arg(at)};
            BugzillaComment note;
            note.where = at;
            note.bug = r.id;
            note.count = 1;
            note.comment.body = Markup::fromTextile(notes);
            note.comment.author = who;
            note.comment.createdAt = *time;
            note.comment.source = {u"redmine"_s, QString::number(*positiveNumber(journalId)), {}};
            r.notes.append(note);
        }
        for (const QJsonValue &value : journal.value(u"details"_s).toArray()) {
            const QJsonObject detail = value.toObject();
            r.changes.append({r.id, *time, who, detail.value(u"name"_s).toString(),
                              detail.value(u"old_value"_s).toString(),
                              detail.value(u"new_value"_s).toString()});
        }
    }
    return r;
}

Status writeRedmine(ImportWriter &w, const QList<RedmineIssue> &redmine)
{
    JiraPriorities priorities;
    for (const RedmineIssue &issue : std::as_const(redmine)) {
        const bool fuller
            = std::any_of(redmine.cbegin(), redmine.cend(), [&](const RedmineIssue &o) {
                  return o.id == issue.id && &o != &issue
                         && o.notes.size() + o.changes.size()
                                > issue.notes.size() + issue.changes.size();
              });
        if (fuller)
            continue;
        const auto existing = w.db.scalar(u"SELECT id FROM deltas WHERE source_tracker = "
                                          u"'redmine' AND external_id = ?"_s,
                                          {QString::number(issue.id)});
        if (!existing)
            return Error{existing.error()};
        const auto id = w.upsert(issue.where, issue.delta);
        if (!id)
            return Error{id.error()};
        if (!issue.priority.isEmpty()) {
            priorities.insert(QString::number(issue.id),
                              {issue.where, issue.priority, int(priorities.size())});
        }
        for (const BugzillaComment &note : issue.notes) {
            Comment comment = note.comment;
            comment.deltaId = *id;
            if (const Status imported = w.importComment(note.where, comment); !imported)
                return Error{imported.error()};
        }
        if (existing->isValid())
            continue; // history only comes with the delta it belongs to
        for (const BugzillaChange &change : issue.changes) {
            if (const Status logged = w.db.execOnce(
                    u"INSERT INTO history (entity, entity_id, field, old_value, new_value, "
                    u"changed_at, actor) VALUES ('delta', ?, ?, ?, ?, ?, ?)"_s,
                    {*id, u"redmine:"_s + change.field, Sql::textOrNull(change.removed),
                     Sql::textOrNull(change.added), change.when,
                     change.who.isEmpty() ? u"redmine"_s : change.who});
                !logged) {
                return Error{logged.error()};
            }
        }
    }
    // Redmine's default priorities read as Bugzilla's: Low, Normal, High, Urgent, Immediate.
    return w.writePriorities(u"redmine"_s, u"Redmine"_s, priorities, bugzillaPriorityLevel);
}

} // namespace Deltaboard::Import
