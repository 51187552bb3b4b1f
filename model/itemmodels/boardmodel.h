#pragma once

#include "boardcolumnmodel.h"
#include "database.h"

#include <QObject>

class QUndoStack;

namespace Deltaboard {

// Where a card sits: its column and the card right after it (none at the end). Enough to put it
// back exactly, which is what undo needs.
struct CardPosition
{
    qint64 columnId = 0;
    std::optional<qint64> beforeTaskId;
    bool operator==(const CardPosition &) const = default;
};

// One organisation's board as the views show it: its columns, each a BoardColumnModel.
// Moves go through TaskStore (one transaction, history written) and then update the column
// models with row signals, so views never reload.
class BoardModel : public QObject
{
    Q_OBJECT

public:
    // 'db' is not owned and must outlive the model.
    explicit BoardModel(Database &db, QObject *parent = nullptr);

    // Shows this organisation's board. Column models are replaced: listen to boardReset().
    Status load(qint64 organisationId);
    qint64 organisationId() const { return m_organisationId; }
    const QString &boardName() const { return m_board.name; }
    QList<BoardColumnModel *> columns() const { return m_columns; }
    BoardColumnModel *columnModel(qint64 columnId) const;
    int cardCount() const;
    // The cards the filter lets through (all of them without a filter).
    int shownCount() const;

    // Swimlanes: the board cut into horizontal lanes (by assignee, priority, group hurt most or
    // component). Changing the mode reads every card's lane in one query and resets the board.
    struct Lane
    {
        LaneKey key;
        int cards = 0; // all cards in the lane, whatever the filter shows
    };
    Status setSwimlanes(Swimlanes mode);
    Swimlanes swimlanes() const { return m_swimlanes; }
    // The lanes in order (the lane of cards without a value last); empty without swimlanes.
    const QList<Lane> &lanes() const { return m_lanes; }
    // The label of a card's lane (empty: the lane of cards without one).
    QString laneOf(qint64 taskId) const { return m_laneOf.value(taskId).label; }
    // What a card dropped into another lane asks for. A lane of assignees is something a move
    // can change: laneChangeRequested() lets the window assign and move as one step. The others
    // are not (a card's priority and groups come from its deltas): laneChangeRefused() says so.
    void requestLaneChange(qint64 taskId, const QString &lane, const CardPosition &to);

    // Cards whose title or assignee contains the text (any case), or whose id it is ("#42");
    // empty shows all.
    void setFilter(const QString &text);
    const QString &filter() const { return m_filter; }

    // Not owned. When set, requestMove() pushes an undoable command instead of moving directly.
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // What a drop or a keyboard move asks for: an undoable move when there is an undo stack.
    void requestMove(qint64 taskId, const CardPosition &to);
    // Performs a move now (commands call this); with 'times', the task gets exactly those start
    // and finish times; with 'expectedColumn', only when the task is still in that column (undo
    // must not revert a colleague's later move). Errors are also reported by errorOccurred().
    Status moveCard(qint64 taskId, const CardPosition &to,
                    const std::optional<TaskTimes> &times = {},
                    std::optional<qint64> expectedColumn = {});
    std::optional<CardPosition> positionOf(qint64 taskId) const;

    Database &database() const { return m_db; }
    void reportError(const QString &message) { Q_EMIT errorOccurred(message); }

Q_SIGNALS:
    void boardReset();
    void cardMoved(qint64 taskId);
    void errorOccurred(const QString &message);
    void laneChangeRequested(qint64 taskId, const QString &assignee, const CardPosition &to);
    void laneChangeRefused(const QString &message);

private:
    Status readLanes();

    Database &m_db;
    qint64 m_organisationId = 0;
    Board m_board;
    QList<BoardColumnModel *> m_columns;
    QString m_filter;
    QUndoStack *m_undoStack = nullptr;
    Swimlanes m_swimlanes = Swimlanes::None;
    QHash<qint64, LaneKey> m_laneOf;
    QList<Lane> m_lanes;
};

} // namespace Deltaboard
