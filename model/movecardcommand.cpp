#include "movecardcommand.h"

namespace Deltaboard {

MoveCardCommand::MoveCardCommand(BoardModel *board, qint64 taskId, CardPosition from,
                                 CardPosition to, const QString &text)
    : QUndoCommand(text)
    , m_board(board)
    , m_taskId(taskId)
    , m_from(std::move(from))
    , m_to(std::move(to))
{}

void MoveCardCommand::redo()
{
    // A move the database refuses leaves nothing to undo; the board has reported why.
    if (!m_board->moveCard(m_taskId, m_to))
        setObsolete(true);
}

void MoveCardCommand::undo()
{
    if (!m_board->moveCard(m_taskId, m_from))
        setObsolete(true);
}

} // namespace Deltaboard
