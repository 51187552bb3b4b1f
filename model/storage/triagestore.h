#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// What organisations and user groups say about deltas: an organisation's priority (who cares to
// fix) and a user group's impact (who is hurt). Kept apart on purpose: see DESIGN.md §1.
class TriageStore
{
public:
    explicit TriageStore(Database &db)
        : m_db(db)
    {}

    // Sets organisation's priority on a delta (0..4, see Priority); std::nullopt removes it.
    Status setPriority(qint64 organisationId, qint64 deltaId, std::optional<int> level);
    Result<QList<PriorityEntry>> priorities(qint64 deltaId);

    // An organisation's ranking: the deltas it has a priority on, critical first and, inside a
    // level, in the order it chose (schema version 2 keeps a rank on every priority).
    //
    // Puts a delta at 'level' just before 'beforeDeltaId' (which must have that level in this
    // organisation's ranking), or at the end of the level. A delta the organisation had no
    // priority on gets one. History: the level as "priority:ORG", the place as "rank:ORG".
    Status placeInRanking(qint64 organisationId, qint64 deltaId, int level,
                          std::optional<qint64> beforeDeltaId);
    // The delta right after this one in its level (nullopt: it is the last), for undo.
    Result<std::optional<qint64>> nextInRanking(qint64 organisationId, qint64 deltaId);
    // The ranking's delta ids in order.
    Result<QList<qint64>> ranking(qint64 organisationId);

    // Sets a delta's impact on a user group (0..4, see Impact) and, optionally, how many of the
    // group's users it affects; std::nullopt level removes the assessment.
    Status setImpact(qint64 deltaId, qint64 groupId, std::optional<int> level,
                     std::optional<qint64> affectedUsers = {});
    Result<QList<ImpactEntry>> impacts(qint64 deltaId);

private:
    Database &m_db;
};

} // namespace Deltaboard
