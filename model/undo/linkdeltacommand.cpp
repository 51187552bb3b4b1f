#include "linkdeltacommand.h"

#include "taskstore.h"

namespace Deltaboard {

LinkDeltaCommand::LinkDeltaCommand(Workspace *workspace, qint64 organisationId, qint64 taskId,
                                   qint64 deltaId, bool link)
    : m_workspace(workspace)
    , m_organisationId(organisationId)
    , m_taskId(taskId)
    , m_deltaId(deltaId)
    , m_link(link)
{
    setText(link ? QObject::tr("Link delta %1 to task %2").arg(deltaId).arg(taskId)
                 : QObject::tr("Unlink delta %1 from task %2").arg(deltaId).arg(taskId));
}

void LinkDeltaCommand::apply(bool link)
{
    TaskStore store(m_workspace->database());
    // A link that is already there (or a removal of one that is not) changes nothing; as an
    // undo step its undo would remove a link the user made earlier.
    const auto task = store.get(m_taskId);
    if (task && task->deltaIds.contains(m_deltaId) == link) {
        const Status unchanged = Error{
            link
                ? QObject::tr("Task %1 is already linked to delta %2.").arg(m_taskId).arg(m_deltaId)
                : QObject::tr("Task %1 is not linked to delta %2.").arg(m_taskId).arg(m_deltaId)};
        m_workspace->succeeded(this, unchanged);
        return;
    }
    const Status done
        = link ? store.linkDelta(m_taskId, m_deltaId) : store.unlinkDelta(m_taskId, m_deltaId);
    if (!m_workspace->succeeded(this, done))
        return;
    m_workspace->notifyTasksChanged(m_organisationId);
    m_workspace->notifyDeltaChanged(m_deltaId);
}

} // namespace Deltaboard
