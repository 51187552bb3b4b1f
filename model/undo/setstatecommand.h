#pragma once

#include "records.h"
#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// Changes the state of one or more deltas (disputed, declined, duplicate of another...) as one
// action: one undo step and one transaction, so either every selected delta changes or none.
// Undo restores each previous state and duplicate link.
class SetStateCommand : public QUndoCommand
{
public:
    struct State
    {
        DeltaState state = DeltaState::New;
        std::optional<qint64> duplicateOf;
    };
    struct Change
    {
        qint64 deltaId = 0;
        State before;
        State after;
    };

    SetStateCommand(Workspace *workspace, QList<Change> changes);

    void redo() override { apply(true); }
    void undo() override { apply(false); }

private:
    void apply(bool forward);

    Workspace *m_workspace;
    QList<Change> m_changes;
};

} // namespace Deltaboard
