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

    // Sets a delta's impact on a user group (0..4, see Impact) and, optionally, how many of the
    // group's users it affects; std::nullopt level removes the assessment.
    Status setImpact(qint64 deltaId, qint64 groupId, std::optional<int> level,
                     std::optional<qint64> affectedUsers = {});
    Result<QList<ImpactEntry>> impacts(qint64 deltaId);

private:
    Database &m_db;
};

} // namespace Deltaboard
