#pragma once

#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// Links a delta to a task, or unlinks it; undo does the opposite.
class LinkDeltaCommand : public QUndoCommand
{
public:
    LinkDeltaCommand(Workspace *workspace, qint64 organisationId, qint64 taskId, qint64 deltaId,
                     bool link);

    void redo() override { apply(m_link); }
    void undo() override { apply(!m_link); }

private:
    void apply(bool link);

    Workspace *m_workspace;
    qint64 m_organisationId;
    qint64 m_taskId;
    qint64 m_deltaId;
    bool m_link;
};

} // namespace Deltaboard
