#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// A delta in the commitment gap.
struct GapRow
{
    qint64 deltaId = 0;
    DeltaKind kind = DeltaKind::Defect;
    QString title;
    int topImpact = 0;               // the highest impact on any user group
    qint64 affectedUsers = 0;        // the groups' estimates summed (deltas.affected_users)
    QList<ImpactEntry> groups;       // the groups it hurts highly, most hurt first
    QList<PriorityEntry> priorities; // how each organisation ranks it
    bool regressed = false;          // a crash delta crashing again after a verified fix
};

// Derived views across organisations and user groups (DESIGN.md "Derived views").
class Reports
{
public:
    explicit Reports(Database &db)
        : m_db(db)
    {}

    // The commitment gap: open deltas with high or critical impact on some user group that no
    // organisation has an open task for, most impact first (highest level, then most affected
    // users over all groups, then oldest). limit < 0: all of them; offset skips that many.
    Result<QList<GapRow>> gap(int limit = -1, int offset = 0);

    // How many deltas the gap holds.
    Result<int> gapCount();

    // Impact levels counted as "hurting" for the gap.
    static constexpr int kGapMinimumImpact = 3; // high

private:
    Database &m_db;
};

} // namespace Deltaboard
