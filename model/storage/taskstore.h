#pragma once

#include "database.h"
#include "records.h"

#include <QHash>
#include <QStringList>

namespace Deltaboard {

// One card of an organisation's board, as the board query returns it.
struct BoardCard
{
    qint64 id = 0;
    qint64 columnId = 0;
    qint64 rank = 0;
    QString title;
    QString assignee;
    int linkedDeltas = 0;
    std::optional<int> topImpact;
    QString createdAt;
    // The card's labels by name, and their colours ("#rrggbb") in the same order.
    QStringList labels;
    QStringList labelColours;
};

// When a task was started and finished (database text; empty: not yet).
struct TaskTimes
{
    QString startedAt;
    QString doneAt;
    bool operator==(const TaskTimes &) const = default;
};

// What a card shows beyond its board row; read for the cards on screen only.
struct CardDetails
{
    std::optional<int> priority; // the organisation's highest priority among the linked deltas
    QStringList kinds;           // the kinds of the linked deltas, each once, in kind order
    QString topGroup;            // the user group hurt most by the linked deltas
    QString inColumnSince;       // when the task entered its current column (database text)
};

// How a board is cut into horizontal lanes.
enum class Swimlanes { None, Assignee, Priority, Group, Component };

// The lane a card falls in: its label (empty: the card has no assignee, priority, group or
// component) and where the lane sorts (lower first).
struct LaneKey
{
    QString label;
    int order = 0;
    bool operator==(const LaneKey &) const = default;
};

// A task about to be created.
struct NewTask
{
    qint64 organisationId = 0;
    QString title;
    QList<qint64> deltaIds; // the deltas it serves; none for a chore
    QString description;
    QString assignee;
    std::optional<qint64> columnId; // a column of the organisation's board; default its first
    std::optional<qint64> id;       // the id it had before (redo after an undone "add")
};

// A task taken out with everything that hung on it (its links, fix records and comments), as
// the rows the database held: what undo needs to put it back exactly.
struct RemovedTask
{
    qint64 taskId = 0;
    qint64 organisationId = 0;
    QList<std::pair<QString, QVariantMap>> rows; // table and row, in the order to insert them
};

// Tasks: one organisation's commitments, the cards of its board. Every change writes history in
// its transaction.
class TaskStore
{
public:
    explicit TaskStore(Database &db)
        : m_db(db)
    {}

    // Commits the organisation to work on the deltas: a new task in the first column of its
    // board, linked to each delta. Returns the task's id.
    Result<qint64> commit(qint64 organisationId, const QString &title,
                          const QList<qint64> &deltaIds, const QString &description = {});
    // A new task at the end of its column (commit() is add() into the first column). A task
    // linked to no delta is a chore: allowed, and counted as such by the reports.
    Result<qint64> add(const NewTask &task);
    Result<Task> get(qint64 id);
    // Withdraws a commitment: the task goes with its links, fix records and comments; the
    // history keeps that it existed (on the task and on each delta it was linked to).
    Status remove(qint64 taskId);
    // remove(), keeping what it removed for restore().
    Result<RemovedTask> take(qint64 taskId);
    Status restore(const RemovedTask &removed);
    // All tasks, or one organisation's, by board order.
    Result<QList<Task>> list(std::optional<qint64> organisationId = {});

    // Moves a task to a column of its organisation's board, before 'beforeTaskId' or, without it,
    // at the end. Entering a column that starts work starts the task (once: a later start keeps
    // the first); entering a done column finishes it;
    // leaving a done column reopens it. With 'times', the task gets exactly those instead (an
    // undone move puts back the times it had).
    // A card dropped before one that has left the column since (another client moved it) goes
    // to the column's end. With 'expectedColumn' (undo, redo) the move is refused when the task
    // is in another column: someone moved it since, and their move stands.
    Status move(qint64 taskId, qint64 columnId, std::optional<qint64> beforeTaskId = {},
                const std::optional<TaskTimes> &times = {},
                std::optional<qint64> expectedColumn = {});
    // Title, description and assignee, with the same row_version check as DeltaStore::update.
    Status update(const Task &task);

    Status linkDelta(qint64 taskId, qint64 deltaId);
    Status unlinkDelta(qint64 taskId, qint64 deltaId);
    // The tasks linked to a delta, across organisations.
    Result<QList<Task>> tasksForDelta(qint64 deltaId);

    Result<qint64> addFixRecord(const FixRecord &fix);
    Result<QList<FixRecord>> fixRecords(qint64 taskId);
    Status verifyFix(qint64 fixId);
    // Removes a fix record (an undone "add"); history keeps that it was there.
    Status removeFixRecord(qint64 fixId);

    // One organisation's board: its tasks with column, rank, linked-delta count and highest
    // impact, in column and rank order.
    Result<QList<BoardCard>> boardCards(qint64 organisationId);
    // Card details for up to kDetailsBatch tasks at once (the cards a view is about to paint).
    Result<QHash<qint64, CardDetails>> cardDetails(const QList<qint64> &taskIds);
    static constexpr int kDetailsBatch = 64;
    // The lane of every card on the organisation's board (archived ones left out): by assignee,
    // by the organisation's highest priority among the linked deltas, by the user group hurt
    // most, or by the component of the linked deltas (the first by name). One query.
    Result<QHash<qint64, LaneKey>> laneKeys(qint64 organisationId, Swimlanes lanes);

    // Gap between neighbouring ranks when a task is appended, so most moves rewrite one row.
    static constexpr qint64 kRankStep = 1024;

private:
    Result<qint64> rankForInsert(qint64 columnId, std::optional<qint64> beforeTaskId,
                                 qint64 movingTaskId);
    Database &m_db;
};

} // namespace Deltaboard
