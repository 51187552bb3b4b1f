#include "rankdeltacommand.h"

#include "levels.h"
#include "triagestore.h"

using namespace Qt::StringLiterals;

namespace Deltaboard {

RankDeltaCommand::RankDeltaCommand(Workspace *workspace, qint64 organisationId, qint64 deltaId,
                                   int level, std::optional<qint64> beforeDelta)
    : m_workspace(workspace)
    , m_organisationId(organisationId)
    , m_deltaId(deltaId)
    , m_after{level, beforeDelta}
{
    setText(QObject::tr("Re-rank delta %1").arg(deltaId));
    TriageStore triage(workspace->database());
    const auto priorities = triage.priorities(deltaId);
    const auto next = triage.nextInRanking(organisationId, deltaId);
    if (!priorities || !next) {
        workspace->reportError(!priorities ? priorities.error() : next.error());
        setObsolete(true);
        return;
    }
    for (const PriorityEntry &entry : *priorities) {
        if (entry.organisationId == organisationId)
            m_before.level = entry.level;
    }
    m_before.beforeDelta = *next;
}

void RankDeltaCommand::apply(const Place &place)
{
    TriageStore triage(m_workspace->database());
    const Status done = place.level ? triage.placeInRanking(m_organisationId, m_deltaId,
                                                            *place.level, place.beforeDelta)
                                    : triage.setPriority(m_organisationId, m_deltaId, {});
    if (!m_workspace->succeeded(this, done))
        return;
    m_workspace->notifyDeltaChanged(m_deltaId);
}

void RankDeltaCommand::redo()
{
    if (!isObsolete())
        apply(m_after);
}

void RankDeltaCommand::undo()
{
    apply(m_before);
}

} // namespace Deltaboard
