#pragma once

#include "records.h"
#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// Records where a task's fix landed; undo removes the record again.
class AddFixRecordCommand : public QUndoCommand
{
public:
    AddFixRecordCommand(Workspace *workspace, qint64 organisationId, FixRecord fix);

    void redo() override;
    void undo() override;

private:
    Workspace *m_workspace;
    qint64 m_organisationId;
    FixRecord m_fix;
    qint64 m_id = 0;
};

} // namespace Deltaboard
