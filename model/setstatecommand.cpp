#include "setstatecommand.h"

#include "deltastore.h"

namespace Deltaboard {

SetStateCommand::SetStateCommand(Workspace *workspace, qint64 deltaId, State before, State after)
    : m_workspace(workspace)
    , m_deltaId(deltaId)
    , m_before(before)
    , m_after(after)
{
    setText(
        after.duplicateOf
            ? QObject::tr("Mark delta %1 a duplicate of %2").arg(deltaId).arg(*after.duplicateOf)
            : QObject::tr("Mark delta %1 %2").arg(deltaId).arg(Levels::stateName(after.state)));
}

void SetStateCommand::apply(const State &state)
{
    DeltaStore store(m_workspace->database());
    if (!m_workspace->succeeded(this, store.setState(m_deltaId, state.state, state.duplicateOf)))
        return;
    m_workspace->notifyDeltaChanged(m_deltaId);
}

} // namespace Deltaboard
