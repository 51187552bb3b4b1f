#include "commitcommand.h"

#include "taskstore.h"

namespace Deltaboard {

CommitCommand::CommitCommand(Workspace *workspace, qint64 organisationId, QString title,
                             QList<qint64> deltaIds)
    : m_workspace(workspace)
    , m_organisationId(organisationId)
    , m_title(std::move(title))
    , m_deltaIds(std::move(deltaIds))
{
    if (m_deltaIds.size() == 1)
        setText(QObject::tr("Commit to delta %1").arg(m_deltaIds.first()));
    else
        setText(QObject::tr("Commit to %1 deltas").arg(m_deltaIds.size()));
}

void CommitCommand::notify()
{
    m_workspace->notifyTasksChanged(m_organisationId);
    for (const qint64 deltaId : std::as_const(m_deltaIds))
        m_workspace->notifyDeltaChanged(deltaId);
}

void CommitCommand::redo()
{
    const auto task
        = TaskStore(m_workspace->database()).commit(m_organisationId, m_title, m_deltaIds);
    m_taskId = task ? *task : 0;
    if (!m_workspace->succeeded(this, task))
        return;
    notify();
}

void CommitCommand::undo()
{
    if (!m_workspace->succeeded(this, TaskStore(m_workspace->database()).remove(m_taskId)))
        return;
    m_taskId = 0;
    notify();
}

} // namespace Deltaboard
