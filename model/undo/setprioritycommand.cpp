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

Status SetPriorityCommand::restore()
{
    TriageStore triage(m_workspace->database());
    if (!m_before)
        return triage.setPriority(m_organisationId, m_deltaId, std::nullopt);
    return triage.placeInRanking(m_organisationId, m_deltaId, *m_before, m_beforeNext);
}

void SetPriorityCommand::redo()
{
    if (!m_placeRead && m_before) {
        const auto next
            = TriageStore(m_workspace->database()).nextInRanking(m_organisationId, m_deltaId);
        if (!m_workspace->succeeded(this, next))
            return;
        m_beforeNext = *next;
        m_placeRead = true;
    }
    apply(m_after);
}

void SetPriorityCommand::undo()
{
    if (!m_workspace->succeeded(this, restore()))
        return;
    m_workspace->notifyDeltaChanged(m_deltaId);
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
    // Back where it started: no step at all, once the delta is back in its old place too.
    if (m_before == m_after) {
        if (!m_workspace->succeeded(this, restore()))
            return true;
        m_workspace->notifyDeltaChanged(m_deltaId);
        setObsolete(true);
    }
    return true;
}

} // namespace Deltaboard
