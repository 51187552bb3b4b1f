#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// Typed relations between deltas (migrations/0004): read from both ends, added and removed one
// at a time, each change a history row on both deltas. "Duplicate of" is the delta's state and
// goes through DeltaStore::setState; the others are rows of delta_relations.
class RelationStore
{
public:
    explicit RelationStore(Database &db)
        : m_db(db)
    {}

    // Every relation of this delta, as it reads from it ("blocked by #12"), duplicates included,
    // by type then the other delta's id.
    Result<QList<DeltaRelation>> forDelta(qint64 deltaId);

    // "deltaId <type> otherId". Refused: a delta related to itself, a relation already there,
    // one that would close a loop of blocks/depends-on (A waits for B waits for A) or of
    // caused-by, and a duplicate of a duplicate chain that comes back. Duplicate of makes the
    // delta a duplicate (state 'duplicate'); removing it puts the delta back to 'new'.
    // 'at': when it was related (an import passes its source's time; empty: now).
    Status add(qint64 deltaId, RelationType type, qint64 otherId, const QString &at = {});
    // Why add() would refuse, or success; writes nothing.
    Status refusal(qint64 deltaId, RelationType type, qint64 otherId);
    Status remove(qint64 deltaId, RelationType type, qint64 otherId);

    // For 'check': the relations that are part of a loop of waits (blocks, depends on) or of
    // causes, and duplicates whose chain loops, as "#1 blocks #2" texts. Empty: none.
    Result<QStringList> loops();

private:
    Database &m_db;
};

} // namespace Deltaboard
