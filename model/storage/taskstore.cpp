// Over 600 lines: every read and write of tasks (creation, moves with their times, links, fix
// records, the board and its lanes, removal and restore) in one store, one transaction each.
#include "taskstore.h"
#include "dialect.h"

#include "boardstore.h"
#include "history.h"
#include "jsondump.h"
#include "levels.h"
#include "organisationstore.h"
#include "sqlvalues.h"
#include "teamrights.h"

#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

const QString kSelectTasks
    = u"SELECT t.id, t.organisation_id, o.name, t.column_id, c.name, t.rank, t.title, "
      u"t.description, t.assignee, t.created_at, t.started_at, t.done_at, t.updated_at, "
      u"t.source_tracker, t.external_id, t.source_url, t.row_version "
      u"FROM tasks t JOIN organisations o ON o.id = t.organisation_id "
      u"JOIN board_columns c ON c.id = t.column_id "_s;

Task taskFrom(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.organisationId = q.value(1).toLongLong();
    t.organisation = q.value(2).toString();
    t.columnId = q.value(3).toLongLong();
    t.column = q.value(4).toString();
    t.rank = q.value(5).toLongLong();
    t.title = q.value(6).toString();
    t.description = q.value(7).toString();
    t.assignee = q.value(8).toString();
    t.createdAt = q.value(9).toString();
    t.startedAt = q.value(10).toString();
    t.doneAt = q.value(11).toString();
    t.updatedAt = q.value(12).toString();
    t.source = {q.value(13).toString(), q.value(14).toString(), q.value(15).toString()};
    t.rowVersion = q.value(16).toInt();
    return t;
}

// How history names a fix record: branch@revision.
QString fixSummary(const QString &branch, const QString &revision)
{
    return revision.isEmpty() ? branch : branch + u'@' + revision;
}

Status logTask(Database &db, qint64 taskId, const QString &field, const QVariant &before,
               const QVariant &after)
{
    return History(db).record(u"task"_s, taskId, field, before, after);
}

} // namespace

namespace {

Status mayChangeFix(Database &db, qint64 fixId)
{
    if (db.rights().everything)
        return {};
    const auto task = db.scalar(u"SELECT task_id FROM fix_records WHERE id = ?"_s, {fixId});
    if (!task)
        return Error{task.error()};
    return task->isValid() ? TeamRights::toChangeTask(db, task->toLongLong(), u"its fix records"_s)
                           : Status();
}

} // namespace

Result<qint64> TaskStore::commit(qint64 organisationId, const QString &title,
                                 const QList<qint64> &deltaIds, const QString &description)
{
    if (deltaIds.isEmpty())
        return Error{u"a commitment needs at least one delta to motivate it"_s};
    return add({organisationId, title, deltaIds, description, {}, std::nullopt, std::nullopt});
}

Result<qint64> TaskStore::add(const NewTask &task)
{
    const QString title = task.title.trimmed();
    if (title.isEmpty())
        return Error{u"a task needs a title"_s};

    if (const Status allowed = TeamRights::toChange(m_db, task.organisationId, u"its tasks"_s);
        !allowed) {
        return Error{allowed.error()};
    }
    Transaction transaction(m_db);
    OrganisationStore organisations(m_db);
    const auto organisation = organisations.byId(task.organisationId);
    if (!organisation)
        return Error{organisation.error()};
    const auto board = organisations.board(task.organisationId);
    if (!board)
        return Error{board.error()};
    if (board->columns.isEmpty())
        return Error{u"the board of %1 has no columns"_s.arg(organisation->name)};
    const BoardColumn *column = &board->columns.first();
    if (task.columnId) {
        column = nullptr;
        for (const BoardColumn &candidate : board->columns) {
            if (candidate.id == *task.columnId)
                column = &candidate;
        }
        if (!column)
            return Error{u"column %1 is not on the board of %2"_s.arg(*task.columnId)
                             .arg(organisation->name)};
    }
    const auto rank = rankForInsert(column->id, std::nullopt, 0);
    if (!rank)
        return Error{rank.error()};

    const QString now = m_db.clock().nowText();
    const QVariant noTime(QMetaType::fromType<QString>());
    const auto inserted = m_db.insert(
        u"INSERT INTO tasks (id, organisation_id, column_id, rank, title, description, assignee, "
        u"created_at, updated_at, started_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {Sql::optionalValue(task.id), task.organisationId, column->id, *rank, title,
         Sql::text(task.description), Sql::textOrNull(task.assignee.trimmed()), now, now,
         column->startsWork ? QVariant(now) : noTime, column->isDone ? QVariant(now) : noTime});
    if (!inserted)
        return Error{u"cannot create task: %1"_s.arg(inserted.error())};
    const qint64 taskId = *inserted;
    if (const Status logged = logTask(m_db, taskId, u"created"_s, {}, title); !logged)
        return Error{logged.error()};
    for (const qint64 deltaId : task.deltaIds) {
        if (const Status linked = linkDelta(taskId, deltaId); !linked)
            return Error{linked.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return taskId;
}

Result<Task> TaskStore::get(qint64 id)
{
    const auto query = m_db.run(kSelectTasks + u"WHERE t.id = ?"_s, {id});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no task with id %1"_s.arg(id)};
    Task task = taskFrom(**query);
    (*query)->finish();
    const auto links
        = m_db.run(u"SELECT delta_id FROM task_deltas WHERE task_id = ? ORDER BY delta_id"_s, {id});
    if (!links)
        return Error{links.error()};
    while ((*links)->next())
        task.deltaIds.append((*links)->value(0).toLongLong());
    return task;
}

Status TaskStore::remove(qint64 taskId)
{
    if (const Status allowed = TeamRights::toChangeTask(m_db, taskId, u"its tasks"_s); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto task = get(taskId);
    if (!task)
        return Error{task.error()};
    History history(m_db);
    for (const qint64 deltaId : task->deltaIds) {
        if (const Status logged = history.record(u"delta"_s, deltaId, u"task_link"_s, taskId, {});
            !logged) {
            return logged;
        }
    }
    if (const Status logged = logTask(m_db, taskId, u"deleted"_s, task->title, {}); !logged)
        return logged;
    if (const auto removed = m_db.run(u"DELETE FROM tasks WHERE id = ?"_s, {taskId}); !removed)
        return Error{u"cannot remove task %1: %2"_s.arg(taskId).arg(removed.error())};
    return transaction.commit();
}

Result<RemovedTask> TaskStore::take(qint64 taskId)
{
    Transaction transaction(m_db);
    const auto task = get(taskId);
    if (!task)
        return Error{task.error()};
    RemovedTask removed{taskId, task->organisationId, {}};
    // The task first, then what refers to it. Table names are fixed here; column names come
    // from the rows SQLite returns.
    const std::pair<QString, QString> sources[] = {
        {u"tasks"_s, u"SELECT * FROM tasks WHERE id = ?"_s},
        {u"task_deltas"_s, u"SELECT * FROM task_deltas WHERE task_id = ? ORDER BY delta_id"_s},
        {u"fix_records"_s, u"SELECT * FROM fix_records WHERE task_id = ? ORDER BY id"_s},
        {u"comments"_s, u"SELECT * FROM comments WHERE task_id = ? ORDER BY id"_s},
    };
    for (const auto &[table, sql] : sources) {
        const auto query = m_db.run(sql, {taskId});
        if (!query)
            return Error{query.error()};
        while ((*query)->next()) {
            const QSqlRecord record = (*query)->record();
            QVariantMap row;
            for (int i = 0; i < record.count(); ++i) {
                if (!JsonDump::isDerived(table, record.fieldName(i)))
                    row.insert(record.fieldName(i), record.value(i));
            }
            removed.rows.append({table, row});
        }
    }
    if (const Status gone = remove(taskId); !gone)
        return Error{gone.error()};
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return removed;
}

Status TaskStore::restore(const RemovedTask &removed)
{
    Transaction transaction(m_db);
    for (const auto &[table, row] : removed.rows) {
        QStringList columns;
        QVariantList values;
        for (auto it = row.cbegin(); it != row.cend(); ++it) {
            columns.append(u'"' + it.key() + u'"');
            values.append(it.value());
        }
        // Names were read from the schema by take(); values are bound.
        const QString sql = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
            table, columns.join(u", "_s), Sql::placeholders(int(columns.size())));
        if (const auto inserted = m_db.run(sql, values); !inserted)
            return Error{u"cannot restore task %1: %2"_s.arg(removed.taskId).arg(inserted.error())};
    }
    History history(m_db);
    if (const Status logged = logTask(m_db, removed.taskId, u"restored"_s, {}, {}); !logged)
        return logged;
    for (const auto &[table, row] : removed.rows) {
        if (table != u"task_deltas"_s)
            continue;
        if (const Status logged = history.record(u"delta"_s, row.value(u"delta_id"_s).toLongLong(),
                                                 u"task_link"_s, {}, removed.taskId);
            !logged) {
            return logged;
        }
    }
    return transaction.commit();
}

Result<QList<Task>> TaskStore::list(std::optional<qint64> organisationId)
{
    const auto query
        = m_db.run(kSelectTasks
                       + u"WHERE (CAST(? AS bigint) IS NULL OR t.organisation_id = ?) "
                         u"ORDER BY t.organisation_id, c.position, t.rank, t.id"_s,
                   {Sql::optionalValue(organisationId), Sql::optionalValue(organisationId)});
    if (!query)
        return Error{query.error()};
    QList<Task> tasks;
    while ((*query)->next())
        tasks.append(taskFrom(**query));
    return tasks;
}

Result<qint64> TaskStore::rankForInsert(qint64 columnId, std::optional<qint64> beforeTaskId,
                                        qint64 movingTaskId)
{
    if (!beforeTaskId) {
        const auto last
            = m_db.scalar(u"SELECT max(rank) FROM tasks WHERE column_id = ? AND id <> ?"_s,
                          {columnId, movingTaskId});
        if (!last)
            return Error{last.error()};
        return (last->isNull() ? 0 : last->toLongLong()) + kRankStep;
    }

    const auto before
        = m_db.run(u"SELECT rank, column_id FROM tasks WHERE id = ?"_s, {*beforeTaskId});
    if (!before)
        return Error{before.error()};
    // The card it was dropped before may have left the column (or the board) since the user's
    // board was read: the column as it is now decides, and the card goes to its end.
    if (!(*before)->next())
        return rankForInsert(columnId, std::nullopt, movingTaskId);
    const qint64 beforeRank = (*before)->value(0).toLongLong();
    const qint64 beforeColumn = (*before)->value(1).toLongLong();
    (*before)->finish();
    if (beforeColumn != columnId)
        return rankForInsert(columnId, std::nullopt, movingTaskId);

    const auto previous
        = m_db.scalar(u"SELECT max(rank) FROM tasks WHERE column_id = ? AND rank < ? AND id <> ?"_s,
                      {columnId, beforeRank, movingTaskId});
    if (!previous)
        return Error{previous.error()};
    const qint64 low = previous->isNull() ? beforeRank - 2 * kRankStep : previous->toLongLong();
    if (beforeRank - low >= 2)
        return low + (beforeRank - low) / 2;

    // No room between the neighbours: spread the column out again. Ranks are an ordering detail,
    // not a user-visible value, so this renumbering writes no history.
    // The new ranks come from one ordered snapshot of the column (row_number() over the old
    // ranks), never from rows this statement has already rewritten.
    const auto renumbered
        = m_db.run(u"UPDATE tasks SET rank = r.position * ? FROM (SELECT id, row_number() OVER "
                   u"(ORDER BY rank, id) AS position FROM tasks WHERE column_id = ?) AS r "
                   u"WHERE tasks.id = r.id"_s,
                   {kRankStep * 2, columnId});
    if (!renumbered)
        return Error{renumbered.error()};
    return rankForInsert(columnId, beforeTaskId, movingTaskId);
}

Status TaskStore::move(qint64 taskId, qint64 columnId, std::optional<qint64> beforeTaskId,
                       const std::optional<TaskTimes> &times, std::optional<qint64> expectedColumn)
{
    Transaction transaction(m_db);
    // One read for everything a move decides on: where the card is, and what the target column
    // is (whose board, whether it is the first or a done column). A drag-and-drop runs this.
    const auto found = m_db.run(
        u"SELECT t.column_id, t.rank, t.started_at, t.done_at, t.organisation_id, o.name, "
        u"src.is_done, tgt.id, tgt.is_done, tgt.starts_work, b.organisation_id, t.archived_at, "
        u"t.row_version FROM tasks t JOIN organisations o ON o.id = t.organisation_id "
        u"JOIN board_columns src ON src.id = t.column_id "
        u"LEFT JOIN board_columns tgt ON tgt.id = ? LEFT JOIN boards b ON b.id = tgt.board_id "
        u"WHERE t.id = ?"_s,
        {columnId, taskId});
    if (!found)
        return Error{found.error()};
    QSqlQuery &q = **found;
    if (!q.next())
        return Error{u"no task with id %1"_s.arg(taskId)};
    const qint64 sourceColumn = q.value(0).toLongLong();
    const qint64 sourceRank = q.value(1).toLongLong();
    const QString startedBefore = q.value(2).toString();
    const QString doneBefore = q.value(3).toString();
    const qint64 organisationId = q.value(4).toLongLong();
    const QString organisation = q.value(5).toString();
    const bool sourceIsDone = q.value(6).toBool();
    const bool targetExists = !q.value(7).isNull();
    const bool targetIsDone = q.value(8).toBool();
    const bool targetStartsWork = q.value(9).toBool();
    const qint64 targetOrganisation = q.value(10).toLongLong();
    const bool wasArchived = !q.value(11).isNull();
    const int version = q.value(12).toInt();
    q.finish();
    if (const Status allowed = TeamRights::toChange(m_db, organisationId, u"its board"_s);
        !allowed) {
        return allowed;
    }
    if (expectedColumn && *expectedColumn != sourceColumn) {
        return Error{u"task %1 was moved by %2 since; it was left where it is"_s.arg(taskId).arg(
            History(m_db).lastChange(u"task"_s, taskId))};
    }
    if (!targetExists || targetOrganisation != organisationId)
        return Error{u"column %1 is not on the board of %2"_s.arg(columnId).arg(organisation)};
    if (beforeTaskId && *beforeTaskId == taskId)
        return transaction.commit(); // placing a card before itself leaves it where it is

    const auto rank = rankForInsert(columnId, beforeTaskId, taskId);
    if (!rank)
        return Error{rank.error()};

    const QString now = m_db.clock().nowText();
    QVariant startedAt = Sql::textOrNull(startedBefore);
    QVariant doneAt = Sql::textOrNull(doneBefore);
    if (targetStartsWork && startedBefore.isEmpty())
        startedAt = now;
    if (targetIsDone && doneBefore.isEmpty())
        doneAt = now;
    if (!targetIsDone && sourceIsDone)
        doneAt = QVariant(QMetaType::fromType<QString>()); // reopened
    if (times) {
        startedAt = Sql::textOrNull(times->startedAt);
        doneAt = Sql::textOrNull(times->doneAt);
    }

    // A card moved is on the board again. Only an archived one is written for it: a write of
    // archived_at costs every move the upkeep of the archive's index.
    if (wasArchived) {
        if (const auto cleared
            = m_db.run(u"UPDATE tasks SET archived_at = NULL WHERE id = ?"_s, {taskId});
            !cleared) {
            return Error{u"cannot move task %1: %2"_s.arg(taskId).arg(cleared.error())};
        }
    }
    // Only the version read above is moved: a client that moved the card in between (the
    // server serialises the two) has its move kept, and this one is refused.
    const auto updated = m_db.run(u"UPDATE tasks SET column_id = ?, rank = ?, started_at = ?, "
                                  u"done_at = ?, updated_at = ?, row_version = row_version + 1 "
                                  u"WHERE id = ? AND row_version = ?"_s,
                                  {columnId, *rank, startedAt, doneAt, now, taskId, version});
    if (!updated)
        return Error{u"cannot move task %1: %2"_s.arg(taskId).arg(updated.error())};
    if ((*updated)->numRowsAffected() != 1) {
        return Error{u"task %1 was changed by %2 while it was being moved; it was left as it "
                     u"is"_s.arg(taskId)
                         .arg(History(m_db).lastChange(u"task"_s, taskId))};
    }

    if (const Status logged
        = History(m_db).recordChanges(u"task"_s, taskId,
                                      {{u"column_id"_s, sourceColumn, columnId},
                                       {u"rank"_s, sourceRank, *rank},
                                       {u"started_at"_s, Sql::textOrNull(startedBefore), startedAt},
                                       {u"done_at"_s, Sql::textOrNull(doneBefore), doneAt}});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Status TaskStore::update(const Task &task)
{
    if (task.title.trimmed().isEmpty())
        return Error{u"a task needs a title"_s};
    Transaction transaction(m_db);
    const auto stored = get(task.id);
    if (!stored)
        return Error{stored.error()};
    if (const Status allowed = TeamRights::toChange(m_db, stored->organisationId, u"its tasks"_s);
        !allowed) {
        return allowed;
    }
    if (stored->rowVersion != task.rowVersion) {
        return Error{
            u"task %1 was changed by %2 since it was read; reload it and try again"_s.arg(task.id)
                .arg(History(m_db).lastChange(u"task"_s, task.id))};
    }
    struct Change
    {
        QString column;
        QVariant before;
        QVariant after;
    };
    const Change candidates[] = {
        {u"title"_s, stored->title, task.title.trimmed()},
        {u"description"_s, Sql::text(stored->description), Sql::text(task.description)},
        {u"assignee"_s, Sql::textOrNull(stored->assignee), Sql::textOrNull(task.assignee)},
    };
    bool changed = false;
    for (const Change &change : candidates) {
        if (change.before == change.after)
            continue;
        changed = true;
        // Column names come from the fixed list above; values are bound.
        const QString sql = u"UPDATE tasks SET %1 = ? WHERE id = ?"_s.arg(change.column);
        if (const Status set = m_db.execOnce(sql, {change.after, task.id}); !set)
            return Error{u"cannot change task %1: %2"_s.arg(task.id).arg(set.error())};
        if (const Status logged
            = logTask(m_db, task.id, change.column, change.before, change.after);
            !logged) {
            return logged;
        }
    }
    if (!changed)
        return transaction.commit(); // nothing to write; an outer scope must not be doomed
    // Only on the version the edit was based on: another client's edit committed in between
    // (the server made this one wait for it) refuses this one, and the rollback takes back the
    // columns written above.
    const auto bumped = m_db.run(u"UPDATE tasks SET updated_at = ?, row_version = "
                                 u"row_version + 1 WHERE id = ? AND row_version = ?"_s,
                                 {m_db.clock().nowText(), task.id, task.rowVersion});
    if (!bumped)
        return Error{bumped.error()};
    if ((*bumped)->numRowsAffected() != 1) {
        return Error{
            u"task %1 was changed by %2 since it was read; reload it and try again"_s.arg(task.id)
                .arg(History(m_db).lastChange(u"task"_s, task.id))};
    }
    return transaction.commit();
}

Status TaskStore::linkDelta(qint64 taskId, qint64 deltaId)
{
    if (const Status allowed = TeamRights::toChangeTask(m_db, taskId, u"its tasks"_s); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto found = m_db.scalar(u"SELECT 1 FROM deltas WHERE id = ?"_s, {deltaId});
    if (!found)
        return Error{found.error()};
    if (!found->isValid())
        return Error{u"no delta with id %1"_s.arg(deltaId)};
    const auto inserted = m_db.run(u"INSERT INTO task_deltas (task_id, delta_id, linked_at) "
                                   u"VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                   {taskId, deltaId, m_db.clock().nowText()});
    if (!inserted) {
        if (inserted.error().contains(u"FOREIGN KEY"_s))
            return Error{u"no task with id %1"_s.arg(taskId)};
        return Error{inserted.error()};
    }
    if ((*inserted)->numRowsAffected() == 0)
        return transaction.commit(); // already linked
    if (const Status logged = logTask(m_db, taskId, u"delta_link"_s, {}, deltaId); !logged)
        return logged;
    if (const Status logged = History(m_db).record(u"delta"_s, deltaId, u"task_link"_s, {}, taskId);
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Status TaskStore::unlinkDelta(qint64 taskId, qint64 deltaId)
{
    if (const Status allowed = TeamRights::toChangeTask(m_db, taskId, u"its tasks"_s); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto removed = m_db.run(u"DELETE FROM task_deltas WHERE task_id = ? AND delta_id = ?"_s,
                                  {taskId, deltaId});
    if (!removed)
        return Error{removed.error()};
    if ((*removed)->numRowsAffected() == 0)
        return Error{u"task %1 is not linked to delta %2"_s.arg(taskId).arg(deltaId)};
    if (const Status logged = logTask(m_db, taskId, u"delta_link"_s, deltaId, {}); !logged)
        return logged;
    if (const Status logged = History(m_db).record(u"delta"_s, deltaId, u"task_link"_s, taskId, {});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<QList<Task>> TaskStore::tasksForDelta(qint64 deltaId)
{
    const auto query = m_db.run(kSelectTasks
                                    + u"JOIN task_deltas td ON td.task_id = t.id "
                                      u"WHERE td.delta_id = ? ORDER BY t.id"_s,
                                {deltaId});
    if (!query)
        return Error{query.error()};
    QList<Task> tasks;
    while ((*query)->next())
        tasks.append(taskFrom(**query));
    return tasks;
}

Result<qint64> TaskStore::addFixRecord(const FixRecord &fix)
{
    if (fix.branch.trimmed().isEmpty())
        return Error{u"a fix record needs a branch"_s};
    Transaction transaction(m_db);
    const auto inserted = m_db.insert(
        u"INSERT INTO fix_records (task_id, branch, revision, version, deployed_to, deployed_at, "
        u"verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {fix.taskId, fix.branch.trimmed(), Sql::text(fix.revision), Sql::textOrNull(fix.version),
         Sql::textOrNull(fix.deployedTo), Sql::textOrNull(fix.deployedAt),
         Sql::textOrNull(fix.verifiedAt),
         fix.createdAt.isEmpty() ? m_db.clock().nowText() : fix.createdAt});
    if (!inserted) {
        if (inserted.error().contains(u"FOREIGN KEY"_s))
            return Error{u"no task with id %1"_s.arg(fix.taskId)};
        return Error{inserted.error()};
    }
    const qint64 id = *inserted;
    if (const Status logged
        = logTask(m_db, fix.taskId, u"fix_record"_s, {}, fixSummary(fix.branch, fix.revision));
        !logged)
        return Error{logged.error()};
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return id;
}

Status TaskStore::removeFixRecord(qint64 fixId)
{
    if (const Status allowed = mayChangeFix(m_db, fixId); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto found
        = m_db.run(u"SELECT task_id, branch, revision FROM fix_records WHERE id = ?"_s, {fixId});
    if (!found)
        return Error{found.error()};
    if (!(*found)->next())
        return Error{u"no fix record with id %1"_s.arg(fixId)};
    const qint64 taskId = (*found)->value(0).toLongLong();
    const QString branch = (*found)->value(1).toString();
    const QString revision = (*found)->value(2).toString();
    (*found)->finish();
    if (const auto removed = m_db.run(u"DELETE FROM fix_records WHERE id = ?"_s, {fixId});
        !removed) {
        return Error{removed.error()};
    }
    if (const Status logged
        = logTask(m_db, taskId, u"fix_record"_s, fixSummary(branch, revision), {});
        !logged)
        return logged;
    return transaction.commit();
}

Result<QList<FixRecord>> TaskStore::fixRecords(qint64 taskId)
{
    const auto query = m_db.run(u"SELECT id, task_id, branch, revision, version, deployed_to, "
                                u"deployed_at, verified_at, created_at FROM fix_records "
                                u"WHERE task_id = ? ORDER BY id"_s,
                                {taskId});
    if (!query)
        return Error{query.error()};
    QList<FixRecord> fixes;
    QSqlQuery &q = **query;
    while (q.next()) {
        fixes.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                      q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                      q.value(6).toString(), q.value(7).toString(), q.value(8).toString()});
    }
    return fixes;
}

Status TaskStore::verifyFix(qint64 fixId)
{
    if (const Status allowed = mayChangeFix(m_db, fixId); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto query
        = m_db.run(u"SELECT task_id, verified_at FROM fix_records WHERE id = ?"_s, {fixId});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no fix record with id %1"_s.arg(fixId)};
    const qint64 taskId = (*query)->value(0).toLongLong();
    const bool verified = !(*query)->value(1).isNull();
    (*query)->finish();
    if (verified)
        return transaction.commit();
    const QString now = m_db.clock().nowText();
    if (const auto set
        = m_db.run(u"UPDATE fix_records SET verified_at = ? WHERE id = ?"_s, {now, fixId});
        !set) {
        return Error{set.error()};
    }
    if (const Status logged = logTask(m_db, taskId, u"fix_verified"_s, {}, fixId); !logged)
        return logged;
    return transaction.commit();
}

Result<QList<BoardCard>> TaskStore::boardCards(qint64 organisationId)
{
    const auto cutoff = BoardStore(m_db).archiveCutoff(organisationId);
    if (!cutoff)
        return Error{cutoff.error()};
    const QString unit = Dialect::character(m_db, 31);
    const auto query = m_db.run(
        u"SELECT t.id, t.column_id, t.rank, t.title, t.assignee, t.created_at, t.linked_deltas, "
        u"t.top_impact, (SELECT "_s
            + Dialect::groupConcat(m_db, u"l.name || "_s + unit + u" || l.colour"_s,
                                   Dialect::character(m_db, 30), false, u"l.name COLLATE NOCASE"_s)
            // SQLite joins the parts in the order its FROM gives them: a sorted subquery.
            // PostgreSQL sorts inside string_agg; a subquery there costs a sort per card.
            + (m_db.isPostgres()
                   ? u" FROM task_labels tl JOIN labels l ON l.id = tl.label_id "
                     u"WHERE tl.task_id = t.id) "_s
                   : u" FROM (SELECT l.name, l.colour FROM task_labels tl JOIN labels l ON "
                     u"l.id = tl.label_id WHERE tl.task_id = t.id ORDER BY l.name COLLATE NOCASE) "
                     u"l) "_s)
            + u"FROM tasks t WHERE t.organisation_id = ? AND "_s + BoardStore::shownOnBoard()
            + u" ORDER BY t.column_id, t.rank, t.id"_s,
        {organisationId, *cutoff, *cutoff});
    if (!query)
        return Error{query.error()};
    QList<BoardCard> cards;
    QSqlQuery &q = **query;
    while (q.next()) {
        BoardCard card{q.value(0).toLongLong(),
                       q.value(1).toLongLong(),
                       q.value(2).toLongLong(),
                       q.value(3).toString(),
                       q.value(4).toString(),
                       q.value(6).toInt(),
                       Sql::optionalInt(q.value(7)),
                       q.value(5).toString(),
                       {},
                       {}};
        // Labels arrive as name<US>colour pairs separated by <RS> (names cannot hold either:
        // they are simplified, and control characters are not whitespace SQLite keeps apart).
        const QString labels = q.value(8).toString();
        for (const QString &pair : labels.split(QChar(30), Qt::SkipEmptyParts)) {
            card.labels.append(pair.section(QChar(31), 0, 0));
            card.labelColours.append(pair.section(QChar(31), 1));
        }
        cards.append(card);
    }
    return cards;
}

Result<QHash<qint64, CardDetails>> TaskStore::cardDetails(const QList<qint64> &taskIds)
{
    if (taskIds.size() > kDetailsBatch)
        return Error{u"at most %1 cards at a time"_s.arg(kDetailsBatch)};
    // Always kDetailsBatch placeholders (unused ones bound to 0, which no task has), so the
    // statement is prepared once and reused for every batch.
    const QString sql = [this] {
        return u"SELECT t.id, "
               // CROSS JOIN keeps this order: from the task's few links to each priority by
               // its key. (Left free, SQLite scans the organisation's whole ranking index.)
               u"(SELECT max(p.level) FROM task_deltas td "_s
               + Dialect::orderedJoin(m_db)
               + u" priorities p ON p.delta_id "
                 u" = td.delta_id AND p.organisation_id = t.organisation_id WHERE td.task_id = "
                 u"t.id), "
                 u"(SELECT "_s
               + Dialect::groupConcat(m_db, u"k"_s, u"' '"_s, false, u"o"_s)
               + u" FROM (SELECT d.kind AS k, min(CASE d.kind WHEN 'defect' THEN 0 WHEN 'crash' "
                 u"THEN 1 ELSE 2 END) AS o FROM task_deltas td JOIN deltas d ON "
                 u"d.id = td.delta_id WHERE td.task_id = t.id GROUP BY d.kind ORDER BY o) "
                 u"AS kinds), "
                 u"(SELECT g.name FROM task_deltas td JOIN impacts i ON i.delta_id = td.delta_id "
                 u" JOIN user_groups g ON g.id = i.group_id WHERE td.task_id = t.id "
                 u" ORDER BY i.level DESC, coalesce(i.affected_users, 0) DESC, g.name LIMIT 1), "
                 // The last column change, from history (history_by_entity); never moved: created.
                 u"coalesce((SELECT max(h.changed_at) FROM history h WHERE h.entity = 'task' "
                 u" AND h.entity_id = t.id AND h.field = 'column_id'), t.created_at) "
                 u"FROM tasks t WHERE t.id IN ("_s
               + Sql::placeholders(kDetailsBatch) + u')';
    }();
    const auto query = m_db.run(sql, Sql::paddedIds(taskIds, kDetailsBatch));
    if (!query)
        return Error{u"cannot read card details: %1"_s.arg(query.error())};
    QHash<qint64, CardDetails> details;
    QSqlQuery &q = **query;
    while (q.next()) {
        details.insert(q.value(0).toLongLong(),
                       {Sql::optionalInt(q.value(1)),
                        q.value(2).toString().split(u' ', Qt::SkipEmptyParts),
                        q.value(3).toString(), q.value(4).toString()});
    }
    return details;
}

Result<QHash<qint64, LaneKey>> TaskStore::laneKeys(qint64 organisationId, Swimlanes lanes)
{
    // Each query gives (task id, lane value) for the board's cards; the value is NULL for a card
    // with no lane, which then sorts last.
    QString lane;
    switch (lanes) {
    case Swimlanes::None: return QHash<qint64, LaneKey>{};
    case Swimlanes::Assignee: lane = u"t.assignee"_s; break;
    case Swimlanes::Priority:
        lane = u"(SELECT max(p.level) FROM task_deltas td "_s + Dialect::orderedJoin(m_db)
               + u" priorities p ON p.delta_id = td.delta_id AND p.organisation_id = "
                 u"t.organisation_id WHERE td.task_id = t.id)"_s;
        break;
    case Swimlanes::Group:
        lane = u"(SELECT g.name FROM task_deltas td JOIN impacts i ON i.delta_id = td.delta_id "
               u"JOIN user_groups g ON g.id = i.group_id WHERE td.task_id = t.id "
               u"ORDER BY i.level DESC, coalesce(i.affected_users, 0) DESC, g.name LIMIT 1)"_s;
        break;
    case Swimlanes::Component:
        lane = u"(SELECT min(c.name) FROM task_deltas td JOIN deltas d ON d.id = td.delta_id "
               u"JOIN components c ON c.id = d.component_id WHERE td.task_id = t.id)"_s;
        break;
    }
    // The lane expression is one of the fixed texts above.
    const QString sql = u"SELECT t.id, %1 FROM tasks t WHERE t.organisation_id = ? AND "_s.arg(lane)
                        + BoardStore::shownOnBoard();
    const auto cutoff = BoardStore(m_db).archiveCutoff(organisationId);
    if (!cutoff)
        return Error{cutoff.error()};
    const auto query = m_db.run(sql, {organisationId, *cutoff, *cutoff});
    if (!query)
        return Error{query.error()};
    QHash<qint64, LaneKey> keys;
    QSqlQuery &q = **query;
    while (q.next()) {
        const QVariant value = q.value(1);
        LaneKey key;
        if (value.isNull() || value.toString().isEmpty()) {
            key = {QString(), std::numeric_limits<int>::max()};
        } else if (lanes == Swimlanes::Priority) {
            key = {Levels::priorityName(value.toInt()), -value.toInt()}; // critical first
        } else {
            key = {value.toString(), 0}; // by name, below
        }
        keys.insert(q.value(0).toLongLong(), key);
    }
    return keys;
}

} // namespace Deltaboard
