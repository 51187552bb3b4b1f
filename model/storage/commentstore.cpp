#include "commentstore.h"

#include "history.h"
#include "sqlvalues.h"
#include "teamrights.h"

using namespace Qt::StringLiterals;

namespace Deltaboard {

Result<qint64> CommentStore::add(const Comment &comment)
{
    if (comment.deltaId.has_value() == comment.taskId.has_value())
        return Error{u"a comment belongs to exactly one delta or one task"_s};
    if (const Status allowed
        = comment.taskId ? TeamRights::toChangeTask(m_db, *comment.taskId, u"its tasks' comments"_s)
                         : TeamRights::toShare(m_db, u"comment"_s);
        !allowed) {
        return Error{allowed.error()};
    }
    if (comment.body.trimmed().isEmpty())
        return Error{u"a comment needs some text"_s};
    Transaction transaction(m_db);
    const auto inserted = m_db.insert(
        u"INSERT INTO comments (delta_id, task_id, author, body, "
        u"created_at, source_tracker, external_id) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {Sql::optionalValue(comment.deltaId), Sql::optionalValue(comment.taskId),
         Sql::textOrNull(comment.author.isEmpty() ? m_db.actor() : comment.author), comment.body,
         comment.createdAt.isEmpty() ? m_db.clock().nowText() : comment.createdAt,
         Sql::textOrNull(comment.source.tracker), Sql::textOrNull(comment.source.externalId)});
    if (!inserted) {
        if (inserted.error().contains(u"FOREIGN KEY"_s)) {
            return Error{comment.deltaId ? u"no delta with id %1"_s.arg(*comment.deltaId)
                                         : u"no task with id %1"_s.arg(*comment.taskId)};
        }
        return Error{inserted.error()};
    }
    const qint64 id = *inserted;
    const QString entity = comment.deltaId ? u"delta"_s : u"task"_s;
    const qint64 entityId = comment.deltaId ? *comment.deltaId : *comment.taskId;
    if (const Status logged = History(m_db).record(entity, entityId, u"comment"_s, {}, id);
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return id;
}

Status CommentStore::remove(qint64 commentId)
{
    Transaction transaction(m_db);
    const auto found
        = m_db.run(u"SELECT delta_id, task_id FROM comments WHERE id = ?"_s, {commentId});
    if (!found)
        return Error{found.error()};
    if (!(*found)->next())
        return Error{u"no comment with id %1"_s.arg(commentId)};
    const bool onDelta = !(*found)->value(0).isNull();
    const qint64 entityId = (*found)->value(onDelta ? 0 : 1).toLongLong();
    (*found)->finish();
    if (const Status allowed
        = onDelta ? TeamRights::toShare(m_db, u"remove comments"_s)
                  : TeamRights::toChangeTask(m_db, entityId, u"its tasks' comments"_s);
        !allowed) {
        return allowed;
    }
    if (const auto removed = m_db.run(u"DELETE FROM comments WHERE id = ?"_s, {commentId});
        !removed) {
        return Error{removed.error()};
    }
    if (const Status logged = History(m_db).record(onDelta ? u"delta"_s : u"task"_s, entityId,
                                                   u"comment"_s, commentId, {});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<QList<Comment>> CommentStore::select(const QString &column, qint64 id)
{
    // 'column' is one of the two fixed names passed by forDelta() and forTask().
    const auto query = m_db.run(u"SELECT id, delta_id, task_id, author, body, created_at FROM "
                                u"comments WHERE %1 = ? ORDER BY created_at, id"_s.arg(column),
                                {id});
    if (!query)
        return Error{query.error()};
    QList<Comment> comments;
    QSqlQuery &q = **query;
    while (q.next()) {
        comments.append({q.value(0).toLongLong(), Sql::optionalId(q.value(1)),
                         Sql::optionalId(q.value(2)), q.value(3).toString(), q.value(4).toString(),
                         q.value(5).toString(), SourceRef{}});
    }
    return comments;
}

Result<QList<Comment>> CommentStore::forDelta(qint64 deltaId)
{
    return select(u"delta_id"_s, deltaId);
}

Result<QList<Comment>> CommentStore::forTask(qint64 taskId)
{
    return select(u"task_id"_s, taskId);
}

} // namespace Deltaboard
