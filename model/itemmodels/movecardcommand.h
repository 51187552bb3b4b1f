#pragma once

#include "boardmodel.h"

#include <QUndoCommand>

namespace Deltaboard {

// Moves a card on a board; undo puts it back where it was, with the start and finish times it
// had. Both directions go through BoardModel::moveCard, so each writes its history and the
// views follow by signals.
class MoveCardCommand : public QUndoCommand
{
public:
    MoveCardCommand(BoardModel *board, qint64 taskId, CardPosition from, CardPosition to,
                    const QString &text);

    void redo() override;
    void undo() override;

private:
    BoardModel *m_board;
    qint64 m_taskId;
    CardPosition m_from;
    CardPosition m_to;
    // The task's start and finish times before the move, and after its first redo: undo and a
    // later redo put exactly these back rather than "now".
    std::optional<TaskTimes> m_fromTimes;
    std::optional<TaskTimes> m_toTimes;
    // Undo moves the card back only from where redo put it, and a later redo only from where
    // undo put it: a card someone else has moved since stays where they put it.
    bool m_done = false;
};

} // namespace Deltaboard
