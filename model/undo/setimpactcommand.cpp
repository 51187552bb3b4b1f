#include "setimpactcommand.h"

#include "levels.h"
#include "triagestore.h"

namespace Deltaboard {

SetImpactCommand::SetImpactCommand(Workspace *workspace, qint64 deltaId, qint64 groupId,
                                   Assessment before, Assessment after)
    : m_workspace(workspace)
    , m_deltaId(deltaId)
    , m_groupId(groupId)
    , m_before(before)
    , m_after(after)
{
    setText(QObject::tr("Set impact of delta %1 to %2")
                .arg(deltaId)
                .arg(after.level ? Levels::impactName(*after.level) : QObject::tr("not assessed")));
}

void SetImpactCommand::apply(const Assessment &assessment)
{
    TriageStore store(m_workspace->database());
    Status set;
    if (!assessment.level) {
        set = store.setImpact(m_deltaId, m_groupId, std::nullopt);
    } else {
        // Clearing the estimate needs the row rewritten without it: remove, then set.
        Transaction transaction(m_workspace->database());
        const auto current = store.impacts(m_deltaId);
        bool hadUsers = false;
        if (current) {
            for (const ImpactEntry &entry : *current)
                hadUsers = hadUsers || (entry.groupId == m_groupId && entry.affectedUsers);
        }
        if (hadUsers && !assessment.affectedUsers)
            set = store.setImpact(m_deltaId, m_groupId, std::nullopt);
        if (set)
            set = store.setImpact(m_deltaId, m_groupId, assessment.level, assessment.affectedUsers);
        if (set)
            set = transaction.commit();
    }
    if (!m_workspace->succeeded(this, set))
        return;
    m_workspace->notifyDeltaChanged(m_deltaId);
}

void SetImpactCommand::redo()
{
    apply(m_after);
}

void SetImpactCommand::undo()
{
    apply(m_before);
}

} // namespace Deltaboard
