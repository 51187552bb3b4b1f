#include "createdeltacommand.h"

#include "deltastore.h"

namespace Deltaboard {

CreateDeltaCommand::CreateDeltaCommand(Workspace *workspace, Delta delta)
    : m_workspace(workspace)
    , m_delta(std::move(delta))
{
    setText(QObject::tr("New %1: %2").arg(Levels::kindName(m_delta.kind), m_delta.title));
}

void CreateDeltaCommand::redo()
{
    const auto id = DeltaStore(m_workspace->database()).create(m_delta);
    if (!m_workspace->succeeded(this, id))
        return;
    m_id = *id;
    m_workspace->notifyDeltasAdded();
}

void CreateDeltaCommand::undo()
{
    if (!m_workspace->succeeded(this, DeltaStore(m_workspace->database()).remove(m_id)))
        return;
    m_id = 0;
    m_workspace->notifyDeltasAdded();
}

} // namespace Deltaboard
