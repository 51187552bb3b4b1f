#pragma once

#include "records.h"
#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// Adds a comment to a delta or a task; undo removes it again.
class AddCommentCommand : public QUndoCommand
{
public:
    AddCommentCommand(Workspace *workspace, qint64 organisationId, Comment comment);

    void redo() override;
    void undo() override;

private:
    void notify();

    Workspace *m_workspace;
    qint64 m_organisationId;
    Comment m_comment;
    qint64 m_id = 0;
};

} // namespace Deltaboard
