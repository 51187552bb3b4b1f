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
    if (!id) {
        setObsolete(true);
        m_workspace->reportError(id.error());
        return;
    }
    m_id = *id;
    m_workspace->notifyTasksChanged(m_organisationId);
}

void AddFixRecordCommand::undo()
{
    if (const Status removed = TaskStore(m_workspace->database()).removeFixRecord(m_id); !removed) {
        setObsolete(true);
        m_workspace->reportError(removed.error());
        return;
    }
    m_workspace->notifyTasksChanged(m_organisationId);
}

} // namespace Deltaboard
