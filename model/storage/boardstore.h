#pragma once

#include "database.h"
#include "records.h"
#include "taskstore.h"

#include <QHash>
#include <QStringList>

namespace Deltaboard {

// What a column is, apart from where it stands on its board.
struct ColumnSettings
{
    QString name;
    std::optional<int> wipLimit;
    bool startsWork = false; // entering it starts the task's cycle-time clock
    bool isDone = false;     // entering it finishes the task
    bool operator==(const ColumnSettings &) const = default;
};

// The boards a new organisation can start with.
enum class BoardTemplate {
    Kanban, // Backlog, Ready, In progress, Review, Done, with WIP limits on the middle columns
    Simple, // To do, Doing, Done
};

// A column taken off its board: what it was, and the cards that were moved out of it with the
// times they had, so that undo can put everything back.
struct RemovedColumn
{
    BoardColumn column;
    struct Card
    {
        qint64 taskId = 0;
        TaskTimes times;
    };
    QList<Card> cards; // in the order they stood in the column
};

// A done card that left its board (BoardStore::archive).
struct ArchivedCard
{
    qint64 taskId = 0;
    QString title;
    QString assignee;
    QString doneAt;
    QString archivedAt; // when it left the board: archived, or its period ran out
};

// An organisation's boards and their columns: adding, renaming, reordering, removing and
// setting columns, and archiving done cards. Every change writes history in its transaction;
// names are checked here so that the app and the command line refuse the same things with the
// same words.
class BoardStore
{
public:
    explicit BoardStore(Database &db)
        : m_db(db)
    {}

    static QList<ColumnSettings> templateColumns(BoardTemplate kind);
    // "kanban" or "simple"; the error names the templates.
    static Result<BoardTemplate> templateNamed(const QString &name);
    static QStringList templateNames();

    // The organisation's board (its first) with the columns in order.
    Result<Board> board(qint64 organisationId);
    Result<BoardColumn> column(qint64 columnId);
    // A column of the organisation's board by name (any case) or 1-based position; the error
    // lists the board's columns.
    Result<BoardColumn> findColumn(qint64 organisationId, const QString &nameOrPosition);

    // How many cards (not archived) each column of the organisation's board holds.
    Result<QHash<qint64, qint64>> cardCounts(qint64 organisationId);

    // Adds a column at 'position' (0-based; without it, before the first done column, or last).
    // With 'id', the column gets that id (undo of a removal).
    Result<BoardColumn> addColumn(qint64 boardId, const ColumnSettings &settings,
                                  std::optional<int> position = {}, std::optional<qint64> id = {});
    Status renameColumn(qint64 columnId, const QString &name);
    // Moves the column to 'position' (0-based, clamped to the board); the others close up.
    Status moveColumn(qint64 columnId, int position);
    // WIP limit and flags; the name stays. A column cannot both start work and be done.
    Status setColumn(qint64 columnId, std::optional<int> wipLimit, bool startsWork, bool isDone);
    // Removes a column. One that holds cards needs a destination on the same board; its cards
    // go there as moves (their times follow the destination), at the end, in their order.
    Result<RemovedColumn> removeColumn(qint64 columnId, std::optional<qint64> destinationId);
    // Puts a removed column back at its position with its id, and its cards back in it with the
    // times they had.
    Status restoreColumn(const RemovedColumn &removed);

    // How long a done card stays on the board (0: for ever). A card done (and untouched) for
    // longer leaves the board by itself: the board no longer shows it, nothing is written, and
    // it is listed with the archived ones.
    Status setArchiveAfter(qint64 boardId, int days);
    // Which of an organisation's cards its board shows: SQL for the tasks table aliased t, with
    // two placeholders, both bound to archiveCutoff().
    static QString shownOnBoard();
    // The time before which done cards have left the organisation's board ("" when they never
    // do); bound twice with shownOnBoard().
    Result<QString> archiveCutoff(qint64 organisationId);

    // The done cards the board shows now.
    Result<QList<qint64>> doneOnBoard(qint64 organisationId);
    // Takes those off the board now, in one transaction. Returns the ids archived (for undo).
    Result<QList<qint64>> archiveDoneCards(qint64 organisationId);
    // Takes these cards off the board now (each must be done), or puts them back (a card that
    // left by age comes back for another period).
    Status archive(const QList<qint64> &taskIds);
    Status restore(const QList<qint64> &taskIds);
    // What left the board, archived or by age, the latest first.
    Result<QList<ArchivedCard>> archivedCards(qint64 organisationId);

private:
    // Rewrites the positions of the board's columns to follow 'order' (every column's id once).
    Status renumber(qint64 boardId, const QList<qint64> &order);
    Result<QList<qint64>> columnOrder(qint64 boardId);
    Status checkColumnName(qint64 boardId, const QString &name, qint64 exceptColumnId);
    Status setArchived(const QList<qint64> &taskIds, bool archived);

    Database &m_db;
};

} // namespace Deltaboard
