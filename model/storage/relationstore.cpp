#include "relationstore.h"

#include "deltastore.h"
#include "history.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// The stored row of a relation read from 'deltaId': symmetric kinds keep the smaller id first,
// a reversed one swaps the ends.
struct StoredRelation
{
    qint64 deltaId = 0;
    QString kind;
    qint64 otherId = 0;
};

StoredRelation stored(qint64 deltaId, RelationType type, qint64 otherId)
{
    const QString kind = Levels::relationStoredName(type.kind);
    if (Levels::isSymmetric(type.kind))
        return {std::min(deltaId, otherId), kind, std::max(deltaId, otherId)};
    return type.reverse ? StoredRelation{otherId, kind, deltaId}
                        : StoredRelation{deltaId, kind, otherId};
}

RelationType reversed(RelationType type)
{
    return Levels::isSymmetric(type.kind) ? type : RelationType{type.kind, !type.reverse};
}

// Edges "waiter → waited" of blocks and depends on (A blocks B: B waits for A; A depends on B:
// A waits for B), and "effect → cause" of caused by. The kinds are fixed texts.
const QString kWaits = u"waits(src, dst) AS (SELECT other_id, delta_id FROM delta_relations "
                       u"WHERE kind = 'blocks' UNION ALL SELECT delta_id, other_id FROM "
                       u"delta_relations WHERE kind = 'depends_on')"_s;
const QString kCauses = u"waits(src, dst) AS (SELECT delta_id, other_id FROM delta_relations "
                        u"WHERE kind = 'caused_by')"_s;

// The steps of a walk from 'reach' along the same edges, each an index lookup (a step over the
// edges as one view scanned every relation per step: an import relating 25,000 links took
// minutes).
const QString kWaitSteps
    = u"SELECT r.delta_id FROM delta_relations r JOIN reach ON r.other_id = reach.id "
      u"WHERE r.kind = 'blocks' UNION SELECT r.other_id FROM delta_relations r JOIN reach ON "
      u"r.delta_id = reach.id WHERE r.kind = 'depends_on'"_s;
// PostgreSQL allows one reference to the recursive query: the two lookups go in a LATERAL
// subquery (SQLite has no LATERAL, and allows several recursive terms).
const QString kWaitStepsPostgres
    = u"SELECT s.id FROM reach, LATERAL (SELECT r.delta_id AS id FROM delta_relations r "
      u"WHERE r.other_id = reach.id AND r.kind = 'blocks' UNION ALL SELECT r.other_id "
      u"FROM delta_relations r WHERE r.delta_id = reach.id AND r.kind = 'depends_on') s"_s;
const QString kCauseSteps
    = u"SELECT r.other_id FROM delta_relations r JOIN reach ON r.delta_id = reach.id "
      u"WHERE r.kind = 'caused_by'"_s;

enum class Walk { Waits, Causes };

// True when 'from' already reaches 'to' along the edges: adding "to → from" would close a loop.
Result<bool> reaches(Database &db, Walk walk, qint64 from, qint64 to)
{
    const QString &steps = walk == Walk::Causes ? kCauseSteps
                           : db.isPostgres()    ? kWaitStepsPostgres
                                                : kWaitSteps;
    const auto found = db.scalar(u"WITH RECURSIVE reach(id) AS (SELECT CAST(? AS bigint) UNION "_s
                                     + steps + u") SELECT 1 FROM reach WHERE id = ? LIMIT 1"_s,
                                 {from, to});
    if (!found)
        return Error{found.error()};
    return found->isValid();
}

} // namespace

Result<QList<DeltaRelation>> RelationStore::forDelta(qint64 deltaId)
{
    const auto query = m_db.run(
        u"SELECT r.kind, 0, r.other_id, d.title, d.kind, d.state FROM delta_relations r "
        u"JOIN deltas d ON d.id = r.other_id WHERE r.delta_id = ? "
        u"UNION ALL SELECT r.kind, 1, r.delta_id, d.title, d.kind, d.state FROM delta_relations r "
        u"JOIN deltas d ON d.id = r.delta_id WHERE r.other_id = ? "
        u"UNION ALL SELECT NULL, 0, d.id, d.title, d.kind, d.state FROM deltas me "
        u"JOIN deltas d ON d.id = me.duplicate_of WHERE me.id = ? "
        u"UNION ALL SELECT NULL, 1, d.id, d.title, d.kind, d.state FROM deltas d "
        u"WHERE d.duplicate_of = ?"_s,
        {deltaId, deltaId, deltaId, deltaId});
    if (!query)
        return Error{query.error()};
    QList<DeltaRelation> relations;
    QSqlQuery &q = **query;
    while (q.next()) {
        DeltaRelation relation;
        const auto kind = q.value(0).isNull()
                              ? std::optional(RelationKind::DuplicateOf)
                              : Levels::relationFromStoredName(q.value(0).toString());
        if (!kind)
            continue; // the schema's CHECK allows no other kind
        relation.type = {*kind, !Levels::isSymmetric(*kind) && q.value(1).toBool()};
        relation.otherId = q.value(2).toLongLong();
        relation.otherTitle = q.value(3).toString();
        relation.otherKind
            = Levels::kindFromName(q.value(4).toString()).value_or(DeltaKind::Defect);
        relation.otherState
            = Levels::stateFromName(q.value(5).toString()).value_or(DeltaState::New);
        relations.append(relation);
    }
    const QList<RelationType> order = Levels::relationTypes();
    std::sort(relations.begin(), relations.end(),
              [&order](const DeltaRelation &a, const DeltaRelation &b) {
                  const auto ia = order.indexOf(a.type);
                  const auto ib = order.indexOf(b.type);
                  return ia != ib ? ia < ib : a.otherId < b.otherId;
              });
    return relations;
}

Status RelationStore::refusal(qint64 deltaId, RelationType type, qint64 otherId)
{
    const QString phrase
        = u"#%1 %2 #%3"_s.arg(deltaId).arg(Levels::relationName(type)).arg(otherId);
    if (deltaId == otherId)
        return Error{u"cannot relate: a delta is not %1 itself"_s.arg(Levels::relationName(type))};
    DeltaStore deltas(m_db);
    for (const qint64 id : {deltaId, otherId}) {
        if (const Status found = deltas.exists(id); !found)
            return Error{u"cannot relate %1: %2"_s.arg(phrase, found.error())};
    }
    if (type.kind == RelationKind::DuplicateOf) {
        const qint64 duplicate = type.reverse ? otherId : deltaId;
        const qint64 original = type.reverse ? deltaId : otherId;
        const auto current = deltas.get(duplicate);
        if (!current)
            return Error{current.error()};
        if (current->duplicateOf == original)
            return Error{u"cannot relate %1: it is already recorded"_s.arg(phrase)};
        if (current->duplicateOf) {
            return Error{u"cannot relate %1: #%2 is already a duplicate of #%3; remove that "
                         u"first"_s.arg(phrase)
                             .arg(duplicate)
                             .arg(*current->duplicateOf)};
        }
        return {}; // setState refuses a chain that loops
    }
    const StoredRelation row = stored(deltaId, type, otherId);
    const auto known = m_db.scalar(
        u"SELECT 1 FROM delta_relations WHERE delta_id = ? AND kind = ? AND other_id = ?"_s,
        {row.deltaId, row.kind, row.otherId});
    if (!known)
        return Error{known.error()};
    if (known->isValid())
        return Error{u"cannot relate %1: it is already recorded"_s.arg(phrase)};
    if (type.kind == RelationKind::Blocks || type.kind == RelationKind::DependsOn
        || type.kind == RelationKind::CausedBy) {
        // The new edge, in the direction the loop check walks.
        const bool blocks = type.kind == RelationKind::Blocks;
        const qint64 src = blocks ? row.otherId : row.deltaId;
        const qint64 dst = blocks ? row.deltaId : row.otherId;
        const auto loop = reaches(
            m_db, type.kind == RelationKind::CausedBy ? Walk::Causes : Walk::Waits, dst, src);
        if (!loop)
            return Error{loop.error()};
        if (*loop) {
            return Error{type.kind == RelationKind::CausedBy
                             ? u"cannot relate %1: it would make a loop of causes"_s.arg(phrase)
                             : u"cannot relate %1: it would make a loop where each waits for the "
                               u"other"_s.arg(phrase)};
        }
    }
    return {};
}

Status RelationStore::add(qint64 deltaId, RelationType type, qint64 otherId, const QString &at)
{
    // Refusals are found before anything is written: inside an import's transaction a refused
    // relation is a warning, and must not have doomed the run.
    if (const Status refused = refusal(deltaId, type, otherId); !refused)
        return refused;
    Transaction transaction(m_db);
    if (type.kind == RelationKind::DuplicateOf) {
        const qint64 duplicate = type.reverse ? otherId : deltaId;
        const qint64 original = type.reverse ? deltaId : otherId;
        if (const Status set
            = DeltaStore(m_db).setState(duplicate, DeltaState::Duplicate, original);
            !set)
            return set;
        return transaction.commit();
    }
    const StoredRelation row = stored(deltaId, type, otherId);
    const QString when = at.isEmpty() ? m_db.clock().nowText() : at;
    const auto inserted = m_db.run(u"INSERT INTO delta_relations (delta_id, kind, other_id, "
                                   u"created_at) VALUES (?, ?, ?, ?)"_s,
                                   {row.deltaId, row.kind, row.otherId, when});
    if (!inserted) {
        return Error{u"cannot relate #%1 %2 #%3: %4"_s.arg(deltaId)
                         .arg(Levels::relationName(type))
                         .arg(otherId)
                         .arg(inserted.error())};
    }
    History history(m_db);
    if (const Status logged = history.record(
            u"delta"_s, deltaId, u"relation:"_s + Levels::relationKey(type), {}, otherId, when);
        !logged) {
        return logged;
    }
    if (const Status logged
        = history.record(u"delta"_s, otherId, u"relation:"_s + Levels::relationKey(reversed(type)),
                         {}, deltaId, when);
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Status RelationStore::remove(qint64 deltaId, RelationType type, qint64 otherId)
{
    const QString phrase
        = u"#%1 %2 #%3"_s.arg(deltaId).arg(Levels::relationName(type)).arg(otherId);
    Transaction transaction(m_db);
    DeltaStore deltas(m_db);
    if (type.kind == RelationKind::DuplicateOf) {
        const qint64 duplicate = type.reverse ? otherId : deltaId;
        const qint64 original = type.reverse ? deltaId : otherId;
        const auto current = deltas.get(duplicate);
        if (!current)
            return Error{current.error()};
        if (current->duplicateOf != original)
            return Error{u"cannot remove %1: there is no such relation"_s.arg(phrase)};
        if (const Status set = deltas.setState(duplicate, DeltaState::New); !set)
            return set;
        return transaction.commit();
    }
    const StoredRelation row = stored(deltaId, type, otherId);
    const auto removed = m_db.run(
        u"DELETE FROM delta_relations WHERE delta_id = ? AND kind = ? AND other_id = ?"_s,
        {row.deltaId, row.kind, row.otherId});
    if (!removed)
        return Error{u"cannot remove %1: %2"_s.arg(phrase, removed.error())};
    if ((*removed)->numRowsAffected() == 0)
        return Error{u"cannot remove %1: there is no such relation"_s.arg(phrase)};
    History history(m_db);
    if (const Status logged = history.record(
            u"delta"_s, deltaId, u"relation:"_s + Levels::relationKey(type), otherId, {});
        !logged) {
        return logged;
    }
    if (const Status logged = history.record(
            u"delta"_s, otherId, u"relation:"_s + Levels::relationKey(reversed(type)), deltaId, {});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<QStringList> RelationStore::loops()
{
    QStringList found;
    // Every edge whose far end reaches back to its near end is on a loop.
    const QString closure = u", reach(start, id) AS (SELECT src, dst FROM waits UNION SELECT "
                            u"r.start, w.dst FROM reach r JOIN waits w ON w.src = r.id) "
                            u"SELECT DISTINCT start FROM reach WHERE start = id ORDER BY start"_s;
    const QString duplicates = u"waits(src, dst) AS (SELECT id, duplicate_of FROM deltas WHERE "
                               u"duplicate_of IS NOT NULL)"_s;
    const std::array<std::pair<QString, QString>, 3> graphs{{
        {kWaits, u"waiting for each other"_s},
        {kCauses, u"causing each other"_s},
        {duplicates, u"duplicates of each other"_s},
    }};
    for (const auto &[edges, what] : graphs) {
        const auto ids = m_db.integers(u"WITH RECURSIVE "_s + edges + closure);
        if (!ids)
            return Error{ids.error()};
        if (ids->isEmpty())
            continue;
        QStringList names;
        for (const qint64 id : *ids)
            names.append(u"#%1"_s.arg(id));
        found.append(u"deltas %1 are in a loop of %2"_s.arg(names.join(u", "_s), what));
    }
    return found;
}

} // namespace Deltaboard
