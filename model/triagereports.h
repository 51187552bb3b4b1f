#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// One delta as two organisations rank it.
struct DisagreementRow
{
    qint64 deltaId = 0;
    DeltaKind kind = DeltaKind::Defect;
    QString title;
    std::optional<int> first;  // the first organisation's priority (none: no view)
    std::optional<int> second; // the second's
    // One says critical or high, the other low, untriaged or nothing at all.
    bool strong = false;
};

// Coverage of one user group: its impacted deltas by how far the commitments to them got.
// Each delta counts once, in the furthest state any organisation's task for it reached.
struct CoverageRow
{
    qint64 groupId = 0;
    QString group;
    std::optional<qint64> size;
    int uncommitted = 0; // no task at all
    int committed = 0;   // tasks, none started
    int inProgress = 0;  // a task started, none done
    int done = 0;        // a task done, no fix verified
    int verified = 0;    // a task done with a verified fix record
    int total() const { return uncommitted + committed + inProgress + done + verified; }
};

// Views across organisations and user groups (DESIGN.md "Derived views").
class TriageReports
{
public:
    explicit TriageReports(Database &db)
        : m_db(db)
    {}

    // Deltas either organisation has a priority on, ranked by the first organisation (highest
    // first, unranked last, then by id); with strongOnly, only strong disagreements.
    Result<QList<DisagreementRow>> disagreement(qint64 first, qint64 second, bool strongOnly);

    // Every user group, in id order, with the deltas impacting it (level low or above) split by
    // how far they got.
    Result<QList<CoverageRow>> coverage();

    static bool isStrongDisagreement(std::optional<int> a, std::optional<int> b);

private:
    Database &m_db;
};

} // namespace Deltaboard
