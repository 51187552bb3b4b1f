#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// What a list of deltas shows per row: the delta, and what the organisations and user groups
// say about it.
struct DeltaRow
{
    qint64 id = 0;
    DeltaKind kind = DeltaKind::Defect;
    QString title;
    QString component;
    DeltaState state = DeltaState::New;
    std::optional<int> priority; // the filter organisation's priority, if any
    std::optional<int> topImpact;
    int committedOrganisations = 0;
    QString createdAt;
};

// What a list of deltas is ordered by (ties: by id).
enum class DeltaSort { Id, Kind, Title, Component, State, Priority, Impact, Committed, Created };

struct DeltaFilter
{
    std::optional<DeltaKind> kind;
    std::optional<DeltaState> state;
    std::optional<qint64> componentId;
    // Only deltas this organisation has a priority on or a task for; also selects whose
    // priority DeltaRow::priority shows unless priorityOf is set.
    std::optional<qint64> organisationId;
    // Whose priority DeltaRow::priority shows, without filtering (the inbox shows every delta
    // with the current organisation's priority).
    std::optional<qint64> priorityOf;
    // Full-text: every word must match the start of a word in title, desired, actual or details.
    // "#123" is delta 123 only; "123" is delta 123 and the deltas that mention 123.
    QString search;
    // Only deltas with this label.
    std::optional<qint64> labelId;
    DeltaSort sort = DeltaSort::Id;
    bool descending = false;
    int limit = -1;
    int offset = 0;
};

// Delta records: defects, crashes and specs. Every change writes history in its transaction.
class DeltaStore
{
public:
    explicit DeltaStore(Database &db)
        : m_db(db)
    {}

    // Stores a new delta and returns its id. Times default to the clock's now.
    Result<qint64> create(const Delta &delta);
    Result<Delta> get(qint64 id);
    Status exists(qint64 id);
    // Removes a delta nothing depends on (an undone "new delta"): refused while a task is linked
    // to it, it has crash reports, or another delta is its duplicate. History keeps it.
    Status remove(qint64 id);

    // Writes the fields that differ from the stored record, one history row each. Fails without
    // writing when the stored row_version differs from delta.rowVersion (someone else changed it).
    // 'at' is when the change happened (an import passes its source's time; empty: the clock's
    // now): the delta's updated_at and its history rows get it. Entering a closed state sets
    // closed_at (delta.closedAt when given, else 'at'); leaving one clears it.
    Status update(const Delta &delta, const QString &at = {});
    // One action for "disputed", "declined", "duplicate of N"...; duplicateOf only with Duplicate.
    Status setState(qint64 id, DeltaState state, std::optional<qint64> duplicateOf = {});

    // Matching deltas by id.
    Result<QList<DeltaRow>> list(const DeltaFilter &filter);
    Result<int> count(const DeltaFilter &filter);
    // The ids of all matching deltas in list order: cheap (indexes only), so a view can know
    // every row up front and read the rows themselves when they are shown.
    Result<QList<qint64>> ids(const DeltaFilter &filter);
    // The rows of these deltas (at most kRowsBatch), with this organisation's priority; ids
    // that no longer exist are missing from the result.
    Result<QList<DeltaRow>> rows(const QList<qint64> &ids, std::optional<qint64> priorityOf);
    static constexpr int kRowsBatch = 256;

private:
    // ids() ordered by an organisation's ranking.
    Result<QList<qint64>> idsByRanking(const DeltaFilter &filter, qint64 organisationId);

    Database &m_db;
};

} // namespace Deltaboard
