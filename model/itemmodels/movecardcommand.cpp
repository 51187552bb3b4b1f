#include "movecardcommand.h"

#include "taskstore.h"

namespace Deltaboard {

MoveCardCommand::MoveCardCommand(BoardModel *board, qint64 taskId, CardPosition from,
                                 CardPosition to, const QString &text)
    : QUndoCommand(text)
    , m_board(board)
    , m_taskId(taskId)
    , m_from(std::move(from))
    , m_to(std::move(to))
{}

namespace {

std::optional<TaskTimes> timesOf(Database &db, qint64 taskId)
{
    const auto task = TaskStore(db).get(taskId);
    return task ? std::optional(TaskTimes{task->startedAt, task->doneAt}) : std::nullopt;
}

} // namespace

void MoveCardCommand::redo()
{
    if (!m_fromTimes)
        m_fromTimes = timesOf(m_board->database(), m_taskId);
    // A move the database refuses leaves nothing to undo; the board has reported why.
    const std::optional<qint64> from = m_done ? std::optional(m_from.columnId) : std::nullopt;
    if (!m_board->moveCard(m_taskId, m_to, m_toTimes, from)) {
        setObsolete(true);
        return;
    }
    m_done = true;
    if (!m_toTimes)
        m_toTimes = timesOf(m_board->database(), m_taskId);
}

void MoveCardCommand::undo()
{
    if (!m_board->moveCard(m_taskId, m_from, m_fromTimes, m_to.columnId))
        setObsolete(true);
}

} // namespace Deltaboard
