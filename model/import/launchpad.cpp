#include "launchpad.h"

#include "importmapping.h"
#include "importwriter.h"
#include "inputtext.h"
#include "organisationstore.h"
#include "sqlvalues.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

namespace {

// The number at the end of ".../bugs/839461" or inside ".../+bug/839461/...".
qint64 bugNumber(const QString &link)
{
    static const QRegularExpression number(uR"((?:/bugs/|\+bug/)(\d+))"_s);
    const auto match = number.match(link);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

QString person(const QString &ownerLink)
{
    const qsizetype tilde = ownerLink.lastIndexOf(u'~');
    return tilde >= 0 ? ownerLink.mid(tilde + 1) : ownerLink;
}

// Launchpad times carry microseconds and an offset: "2011-09-02T10:42:43.883929+00:00".
Result<QString> launchpadTime(const QString &where, const QString &field, const QJsonObject &o)
{
    const auto value = text(where, o, field);
    if (!value)
        return Error{value.error()};
    return timestamp(where, field, *value);
}

} // namespace

Status readLaunchpadEntry(const QString &where, const QJsonObject &entry, QList<LaunchpadBug> *bugs,
                          QList<LaunchpadTask> *tasks, QList<LaunchpadMessage> *messages,
                          ImportWarnings *warnings)
{
    const QString type = entry.value(u"resource_type_link"_s).toString().section(u'#', 1);
    if (type == u"bug"_s) {
        LaunchpadBug bug;
        bug.where = where;
        const auto self = text(where, entry, u"self_link"_s);
        if (!self)
            return Error{self.error()};
        bug.number = bugNumber(*self);
        if (bug.number <= 0)
            return Error{u"%1.self_link: expected a bug address, found %2"_s.arg(
                where, InputText::quoted(*self))};
        const auto title = text(where, entry, u"title"_s);
        if (!title)
            return Error{title.error()};
        const auto description
            = bounded(where, u"description"_s, entry.value(u"description"_s).toString());
        if (!description)
            return Error{description.error()};
        const auto created = launchpadTime(where, u"date_created"_s, entry);
        if (!created)
            return Error{created.error()};
        bug.delta.title = title->trimmed().isEmpty() ? u"(untitled)"_s : title->trimmed();
        bug.delta.details = *description;
        QStringList tags;
        for (const QJsonValue &tag : entry.value(u"tags"_s).toArray())
            tags.append(tag.toString());
        bug.delta.sourceLabels = labelNames(where, tags, warnings);
        bug.delta.reporter = person(entry.value(u"owner_link"_s).toString());
        bug.delta.createdAt = *created;
        if (entry.value(u"date_last_updated"_s).isString()) {
            const auto updated = launchpadTime(where, u"date_last_updated"_s, entry);
            if (!updated)
                return Error{updated.error()};
            bug.delta.updatedAt = *updated;
        }
        static const QStringList mapped = {u"self_link"_s,
                                           u"title"_s,
                                           u"description"_s,
                                           u"date_created"_s,
                                           u"tags"_s,
                                           u"owner_link"_s,
                                           u"web_link"_s,
                                           u"duplicate_of_link"_s,
                                           u"date_last_updated"_s,
                                           u"resource_type_link"_s};
        // The API's addresses of other resources (collections, the duplicate's), its cache tag,
        // the bug number again, and counts of what other files hold (messages, duplicates).
        static const QStringList ignored = {u"*_link"_s,
                                            u"http_etag"_s,
                                            u"id"_s,
                                            u"number_of_duplicates"_s,
                                            u"message_count"_s,
                                            u"date_last_message"_s,
                                            u"can_expire"_s,
                                            u"private"_s,
                                            u"security_related"_s};
        keepUnmapped(bug.delta, u"launchpad"_s, entry, mapped, ignored, warnings);
        bug.delta.source
            = {u"launchpad"_s, QString::number(bug.number), entry.value(u"web_link"_s).toString()};
        bug.duplicateOf = bugNumber(entry.value(u"duplicate_of_link"_s).toString());
        bugs->append(bug);
        return {};
    }
    if (type == u"bug_task"_s) {
        LaunchpadTask task;
        task.where = where;
        task.bug = bugNumber(entry.value(u"bug_link"_s).toString());
        if (task.bug <= 0)
            return Error{u"%1.bug_link: expected the bug's address"_s.arg(where)};
        for (const auto &[field, target] :
             {std::pair{u"bug_target_name"_s, &task.target}, std::pair{u"status"_s, &task.status},
              std::pair{u"importance"_s, &task.importance}}) {
            const auto value = text(where, entry, field);
            if (!value)
                return Error{value.error()};
            *target = *value;
        }
        task.targetDisplay = entry.value(u"bug_target_display_name"_s).toString();
        if (task.targetDisplay.isEmpty())
            task.targetDisplay = task.target;
        const QString self = entry.value(u"self_link"_s).toString();
        task.externalId = self.section(u"/1.0/"_s, 1);
        if (task.externalId.isEmpty())
            task.externalId = u"%1/+bug/%2"_s.arg(task.target).arg(task.bug);
        task.url = entry.value(u"web_link"_s).toString();
        task.title = entry.value(u"title"_s).toString();
        if (const QString assignee = entry.value(u"assignee_link"_s).toString();
            !assignee.isEmpty())
            task.assignee = person(assignee);
        const auto created = launchpadTime(where, u"date_created"_s, entry);
        if (!created)
            return Error{created.error()};
        task.createdAt = *created;
        // ".../+milestone/2.5b1": the release the fix is planned for.
        if (const QString milestone = entry.value(u"milestone_link"_s).toString();
            !milestone.isEmpty())
            task.milestone = milestone.section(u'/', -1);
        for (const QString &field : {u"date_fix_released"_s, u"date_closed"_s}) {
            if (!entry.value(field).isString() || !task.closedAt.isEmpty())
                continue;
            const auto closed = launchpadTime(where, field, entry);
            if (!closed)
                return Error{closed.error()};
            task.closedAt = *closed;
        }
        tasks->append(task);
        return {};
    }
    if (type == u"message"_s) {
        LaunchpadMessage message;
        message.where = where;
        const auto self = text(where, entry, u"self_link"_s);
        if (!self)
            return Error{self.error()};
        static const QRegularExpression index(uR"(\+bug/(\d+)/comments/(\d+))"_s);
        const auto match = index.match(*self);
        if (!match.hasMatch())
            return Error{u"%1.self_link: expected a bug comment's address"_s.arg(where)};
        message.bug = match.captured(1).toLongLong();
        message.index = match.captured(2).toInt();
        const auto content = text(where, entry, u"content"_s);
        if (!content)
            return Error{content.error()};
        const auto created = launchpadTime(where, u"date_created"_s, entry);
        if (!created)
            return Error{created.error()};
        message.comment.body = *content;
        message.comment.author = person(entry.value(u"owner_link"_s).toString());
        message.comment.createdAt = *created;
        message.comment.source
            = {u"launchpad"_s, u"%1/comments/%2"_s.arg(message.bug).arg(message.index), {}};
        messages->append(message);
        return {};
    }
    return Error{u"%1.resource_type_link: expected a bug, bug_task or message, found %2"_s.arg(
        where, InputText::quoted(entry.value(u"resource_type_link"_s).toString()))};
}

void settleLaunchpadStates(QList<LaunchpadBug> &bugs, const QList<LaunchpadTask> &tasks)
{
    for (LaunchpadBug &bug : bugs) {
        QStringList statuses;
        QString closedAt; // the last task to close closes the bug
        for (const LaunchpadTask &task : std::as_const(tasks)) {
            if (task.bug != bug.number)
                continue;
            statuses.append(task.status);
            closedAt = std::max(closedAt, task.closedAt);
            if (!task.milestone.isEmpty() && bug.delta.fixedIn.isEmpty())
                bug.delta.fixedIn = task.milestone;
        }
        const auto all = [&statuses](const QStringList &values) {
            return !statuses.isEmpty()
                   && std::all_of(statuses.cbegin(), statuses.cend(),
                                  [&values](const QString &s) { return values.contains(s); });
        };
        if (all({u"Fix Released"_s}))
            bug.delta.state = DeltaState::Resolved;
        else if (all({u"Invalid"_s, u"Won't Fix"_s, u"Expired"_s, u"Opinion"_s}))
            bug.delta.state = DeltaState::Declined;
        if (Levels::isClosed(bug.delta.state))
            bug.delta.closedAt = closedAt;
        else if (std::any_of(statuses.cbegin(), statuses.cend(), [](const QString &s) {
                     return s != u"New"_s && s != u"Incomplete"_s;
                 }))
            bug.delta.state = DeltaState::Confirmed;
    }
}

Status writeLaunchpad(ImportWriter &w, const QList<LaunchpadBug> &bugs,
                      const QList<LaunchpadTask> &tasks)
{
    const auto launchpadDelta = [&](qint64 bug) {
        return w.deltaFor(u"launchpad"_s, QString::number(bug));
    };
    for (const LaunchpadBug &bug : std::as_const(bugs)) {
        if (const auto id = w.upsert(bug.where, bug.delta); !id)
            return Error{id.error()};
    }
    for (const LaunchpadBug &bug : std::as_const(bugs)) {
        if (!bug.duplicateOf)
            continue;
        if (const Status marked
            = w.markDuplicate(bug.where, u"launchpad"_s, QString::number(bug.number),
                              QString::number(bug.duplicateOf), u"bug %1"_s.arg(bug.duplicateOf));
            !marked) {
            return Error{marked.error()};
        }
    }
    // Bug tasks: each one an organisation's commitment, its importance that organisation's
    // priority on the bug.
    static const QHash<QString, int> importance
        = {{u"Critical"_s, 4}, {u"High"_s, 3},     {u"Medium"_s, 2},
           {u"Low"_s, 1},      {u"Wishlist"_s, 1}, {u"Undecided"_s, 0}};
    OrganisationStore organisations(w.db);
    TaskStore taskStore(w.db);
    TriageStore triage(w.db);
    for (const LaunchpadTask &task : std::as_const(tasks)) {
        const auto delta = launchpadDelta(task.bug);
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            w.summary.warnings.append(u"%1: bug %2 is neither in this run nor in the database; the "
                                      u"task is skipped"_s.arg(task.where)
                                          .arg(task.bug));
            continue;
        }
        const QString name = w.options.targetOrganisations.value(task.target, task.targetDisplay);
        auto organisation = organisations.byName(name);
        if (!organisation) {
            organisation = organisations.create(name);
            if (!organisation)
                return Error{u"%1: %2"_s.arg(task.where, organisation.error())};
        }
        int level = w.priorityLevel(task.importance, importance.value(task.importance, -1));
        if (level < 0 && !w.options.priorityLevels.contains(task.importance)) {
            w.summary.warnings.append(u"%1: unknown importance %2, imported as untriaged"_s.arg(
                task.where, InputText::quoted(task.importance)));
            level = 0;
            w.summary.priorityLevels.insert(task.importance, 0);
        }
        // Two targets mapped to one organisation: its priority is the higher of their two.
        if (level >= 0) {
            level = w.settlePriority(u"bug %1 for %2"_s.arg(task.bug).arg(name), task.where,
                                     task.importance, level);
        }
        const auto before = triage.priorities(*delta);
        if (!before)
            return Error{before.error()};
        const bool samePriority
            = std::any_of(before->cbegin(), before->cend(), [&](const PriorityEntry &entry) {
                  return entry.organisationId == organisation->id && entry.level == level;
              });
        if (level >= 0 && !samePriority) { // below 0: the user left it out
            if (const Status set = triage.setPriority(organisation->id, *delta, level); !set)
                return Error{u"%1: %2"_s.arg(task.where, set.error())};
            ++w.summary.priorities;
        }
        // The board column from the task's status; rejected tasks are no commitment.
        static const QStringList rejected
            = {u"Invalid"_s, u"Won't Fix"_s, u"Expired"_s, u"Opinion"_s};
        const auto board = organisations.board(organisation->id);
        if (!board || board->columns.isEmpty())
            return Error{u"%1: %2 has no board"_s.arg(task.where, name)};
        const QList<BoardColumn> &columns = board->columns;
        for (const BoardColumn &c : columns) {
            if (!w.summary.columnNames.contains(c.name))
                w.summary.columnNames.append(c.name);
        }
        BoardColumn column = columns.first();
        const QString wanted = w.options.statusColumns.value(task.status);
        const auto chosen
            = std::find_if(columns.cbegin(), columns.cend(), [&](const BoardColumn &c) {
                  return !wanted.isEmpty() && c.name.compare(wanted, Qt::CaseInsensitive) == 0;
              });
        if (!wanted.isEmpty() && chosen == columns.cend()) {
            w.summary.warnings.append(
                u"%1: status %2 is mapped to %3, which is no column of %4's "
                u"board; the status decides"_s.arg(task.where, InputText::quoted(task.status),
                                                   InputText::quoted(wanted), name));
        }
        if (chosen != columns.cend()) {
            column = *chosen; // the user's mapping
        } else if (task.status == u"In Progress"_s || task.status == u"Fix Committed"_s) {
            for (const BoardColumn &c : columns) {
                if (c.startsWork) {
                    column = c;
                    if (task.status == u"In Progress"_s)
                        break; // the first working column; Fix Committed takes the last
                }
            }
        } else if (task.status == u"Fix Released"_s) {
            column = columns.last();
        } else if (!rejected.contains(task.status)
                   && !QStringList{u"New"_s, u"Incomplete"_s, u"Confirmed"_s, u"Triaged"_s}
                           .contains(task.status)) {
            w.summary.warnings.append(u"%1: unknown status %2, put in %3"_s.arg(
                task.where, InputText::quoted(task.status), column.name));
        }
        w.summary.statusColumns.insert(
            task.status,
            rejected.contains(task.status) && chosen == columns.cend() ? QString() : column.name);
        const auto existing = w.db.scalar(u"SELECT id, column_id FROM tasks WHERE "
                                          u"source_tracker = 'launchpad' AND external_id = ?"_s,
                                          {task.externalId});
        if (!existing)
            return Error{existing.error()};
        if (!existing->isValid()) {
            if (rejected.contains(task.status) && chosen == columns.cend())
                continue;
            const QString title
                = task.title.isEmpty() ? u"Launchpad bug %1"_s.arg(task.bug) : task.title;
            const auto created = taskStore.commit(organisation->id, title, {*delta});
            if (!created)
                return Error{u"%1: %2"_s.arg(task.where, created.error())};
            if (const Status source
                = w.db.execOnce(u"UPDATE tasks SET source_tracker = 'launchpad', external_id = ?, "
                                u"source_url = ?, created_at = ?, assignee = ? WHERE id = ?"_s,
                                {task.externalId, Sql::textOrNull(task.url), task.createdAt,
                                 Sql::textOrNull(task.assignee), *created});
                !source) {
                return Error{u"%1: %2"_s.arg(task.where, source.error())};
            }
            if (column.id != columns.first().id) {
                if (const Status moved = taskStore.move(*created, column.id); !moved)
                    return Error{u"%1: %2"_s.arg(task.where, moved.error())};
            }
            ++w.summary.tasksCreated;
            continue;
        }
        const qint64 taskId = existing->toLongLong();
        const auto current = taskStore.get(taskId);
        if (!current)
            return Error{current.error()};
        if (current->columnId == column.id
            || (rejected.contains(task.status) && chosen == columns.cend())) {
            ++w.summary.tasksUnchanged;
            continue;
        }
        if (const Status moved = taskStore.move(taskId, column.id); !moved)
            return Error{u"%1: %2"_s.arg(task.where, moved.error())};
        ++w.summary.tasksUpdated;
    }
    return {};
}

Status writeLaunchpadMessages(ImportWriter &w, const QList<LaunchpadMessage> &messages)
{
    for (const LaunchpadMessage &message : std::as_const(messages)) {
        if (message.index == 0)
            continue;
        const auto delta = w.deltaFor(u"launchpad"_s, QString::number(message.bug));
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            w.summary.warnings.append(u"%1: bug %2 is neither in this run nor in the database; the "
                                      u"comment is skipped"_s.arg(message.where)
                                          .arg(message.bug));
            continue;
        }
        Comment comment = message.comment;
        comment.deltaId = *delta;
        if (const Status imported = w.importComment(message.where, comment); !imported)
            return Error{imported.error()};
    }
    return {};
}

} // namespace Deltaboard::Import
