#pragma once

#include "records.h"
#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// Records a new delta; undo removes it again (history keeps both).
class CreateDeltaCommand : public QUndoCommand
{
public:
    CreateDeltaCommand(Workspace *workspace, Delta delta);

    void redo() override;
    void undo() override;
    // The delta the last redo() created (0 before, after undo, or when it failed).
    qint64 deltaId() const { return m_id; }

private:
    Workspace *m_workspace;
    Delta m_delta;
    qint64 m_id = 0;
};

} // namespace Deltaboard
