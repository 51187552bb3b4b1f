#pragma once

#include "database.h"
#include "records.h"

#include <QHash>

namespace Deltaboard {

// One delta as two organisations rank it.
struct DisagreementRow
{
    qint64 deltaId = 0;
    DeltaKind kind = DeltaKind::Defect;
    QString title;
    std::optional<int> first;     // the first organisation's priority (none: no view)
    std::optional<int> second;    // the second's
    std::optional<int> topImpact; // the highest impact on any user group (nullopt: not assessed)
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

// One row of the impact heat map: a delta and its impact on each user group.
struct ImpactMatrixRow
{
    qint64 deltaId = 0;
    DeltaKind kind = DeltaKind::Defect;
    QString title;
    qint64 affectedUsers = 0; // the groups' estimates summed
    qint64 weight = 0;        // sum over groups of level x group size (size 1 when unknown)
    QHash<qint64, ImpactEntry> groups; // group id -> assessment; absent: not assessed
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

    // The same rows for a lazy view, in two steps: every id in order (the first organisation's
    // ranking, then the deltas only the second one ranks, in its order; second 0: nobody
    // else), then the rows of up to kRowsBatch of those ids.
    Result<QList<qint64>> rankingIds(qint64 first, qint64 second, bool strongOnly);
    Result<QList<DisagreementRow>> rankingRows(const QList<qint64> &ids, qint64 first,
                                               qint64 second);
    static constexpr int kRowsBatch = 256;

    // Every user group, in id order, with the deltas impacting it (level low or above) split by
    // how far they got.
    Result<QList<CoverageRow>> coverage();

    // The impact heat map: open deltas with any impact assessment, heaviest first (weight, then
    // id), ids at once and rows in batches of up to kRowsBatch. Or ordered by a column: id,
    // title, affected users, or one group's level (its unassessed last, then by weight).
    enum class MatrixOrder { Weight, Id, Title, Users, Group };
    Result<QList<qint64>> impactMatrixIds(MatrixOrder order = MatrixOrder::Weight,
                                          bool descending = true, qint64 groupId = 0);
    Result<QList<ImpactMatrixRow>> impactMatrixRows(const QList<qint64> &ids);

    static bool isStrongDisagreement(std::optional<int> a, std::optional<int> b);

private:
    Database &m_db;
};

} // namespace Deltaboard
