#pragma once

#include "records.h"
#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// Changes a task's title, description and assignee as one step; undo restores them.
class UpdateTaskCommand : public QUndoCommand
{
public:
    UpdateTaskCommand(Workspace *workspace, Task before, Task after);

    void redo() override;
    void undo() override;

private:
    void apply(const Task &from, const Task &to);

    Workspace *m_workspace;
    Task m_before;
    Task m_after;
};

} // namespace Deltaboard
