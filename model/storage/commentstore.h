#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// Comments on deltas and tasks.
class CommentStore
{
public:
    explicit CommentStore(Database &db)
        : m_db(db)
    {}

    // Exactly one of comment.deltaId and comment.taskId must be set. Returns the comment's id.
    Result<qint64> add(const Comment &comment);
    Result<QList<Comment>> forDelta(qint64 deltaId);
    Result<QList<Comment>> forTask(qint64 taskId);
    // Removes a comment (an undone "add"); history keeps that it was there.
    Status remove(qint64 commentId);

private:
    Result<QList<Comment>> select(const QString &column, qint64 id);
    Database &m_db;
};

} // namespace Deltaboard
