#include "addfixrecordcommand.h"

#include "taskstore.h"

namespace Deltaboard {

AddFixRecordCommand::AddFixRecordCommand(Workspace *workspace, qint64 organisationId, FixRecord fix)
    : m_workspace(workspace)
    , m_organisationId(organisationId)
    , m_fix(std::move(fix))
{
    setText(QObject::tr("Add fix record on %1").arg(m_fix.branch));
}

void AddFixRecordCommand::redo()
{
    const auto id = TaskStore(m_workspace->database()).addFixRecord(m_fix);
    if (!m_workspace->succeeded(this, id))
        return;
    m_id = *id;
    m_workspace->notifyTasksChanged(m_organisationId);
}

void AddFixRecordCommand::undo()
{
    if (!m_workspace->succeeded(this, TaskStore(m_workspace->database()).removeFixRecord(m_id)))
        return;
    m_workspace->notifyTasksChanged(m_organisationId);
}

} // namespace Deltaboard
