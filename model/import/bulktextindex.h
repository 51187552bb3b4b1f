#pragma once

#include "database.h"

namespace Deltaboard::Import {

// Full-text indexing of new deltas in one statement at the end of a run instead of by the
// insert trigger, row by row. With SQLite 3.40, FTS5 writes its pending terms to a new segment
// at every statement savepoint, and each insert into deltas opens one (it has triggers): row by
// row, a 100,000-issue import spent a third of its time there. The trigger is dropped inside
// the run's transaction and made again from its own text before the commit, so an error, a
// dry run or a kill leaves it as it was.
class BulkTextIndex
{
public:
    explicit BulkTextIndex(Database &db)
        : m_db(db)
    {}

    Status begin();
    Status indexPending();
    Status finish();
    // Whether this delta still waits for its index entries (an update's trigger would then
    // remove entries that are not there yet).
    bool isPending(qint64 deltaId) const { return !m_trigger.isEmpty() && deltaId > m_indexedUpTo; }

private:
    Database &m_db;
    QString m_trigger;
    qint64 m_indexedUpTo = 0;
};

} // namespace Deltaboard::Import
