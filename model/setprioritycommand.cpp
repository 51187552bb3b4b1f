#include "setprioritycommand.h"

#include "levels.h"
#include "triagestore.h"

namespace Deltaboard {

SetPriorityCommand::SetPriorityCommand(Workspace *workspace, qint64 organisationId, qint64 deltaId,
                                       std::optional<int> before, std::optional<int> after)
    : m_workspace(workspace)
    , m_organisationId(organisationId)
    , m_deltaId(deltaId)
    , m_before(before)
    , m_after(after)
{
    setText(QObject::tr("Set priority of delta %1 to %2")
                .arg(deltaId)
                .arg(after ? Levels::priorityName(*after) : QObject::tr("none")));
}

void SetPriorityCommand::apply(std::optional<int> level)
{
    const Status set
        = TriageStore(m_workspace->database()).setPriority(m_organisationId, m_deltaId, level);
    if (!m_workspace->succeeded(this, set))
        return;
    m_workspace->notifyDeltaChanged(m_deltaId);
}

void SetPriorityCommand::redo()
{
    apply(m_after);
}

void SetPriorityCommand::undo()
{
    apply(m_before);
}

bool SetPriorityCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetPriorityCommand *>(other);
    // QUndoStack offers a merge before it looks at obsolescence: a change the database refused
    // must not become part of this step.
    if (other->isObsolete() || next->m_organisationId != m_organisationId
        || next->m_deltaId != m_deltaId) {
        return false;
    }
    m_after = next->m_after;
    setText(next->text());
    // Back where it started: no step at all.
    setObsolete(m_before == m_after);
    return true;
}

} // namespace Deltaboard
