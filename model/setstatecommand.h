#pragma once

#include "records.h"
#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// Changes a delta's state (disputed, declined, duplicate of another...) as one action; undo
// restores the previous state and duplicate link.
class SetStateCommand : public QUndoCommand
{
public:
    struct State
    {
        DeltaState state = DeltaState::New;
        std::optional<qint64> duplicateOf;
    };

    SetStateCommand(Workspace *workspace, qint64 deltaId, State before, State after);

    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const State &state);

    Workspace *m_workspace;
    qint64 m_deltaId;
    State m_before;
    State m_after;
};

} // namespace Deltaboard
