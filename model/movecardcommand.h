#pragma once

#include "boardmodel.h"

#include <QUndoCommand>

namespace Deltaboard {

// Moves a card on a board; undo puts it back where it was. Both directions go through
// BoardModel::moveCard, so each writes its history row and the views follow by signals.
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
};

} // namespace Deltaboard
