#pragma once

#include "workspace.h"

#include <QUndoCommand>

#include <optional>

namespace Deltaboard {

// Sets one organisation's priority on one delta; undo restores the previous one (or none) and
// the delta's place in the organisation's ranking (a new level puts it at the end of that
// level). Repeated changes to the same priority merge into one undo step.
class SetPriorityCommand : public QUndoCommand
{
public:
    SetPriorityCommand(Workspace *workspace, qint64 organisationId, qint64 deltaId,
                       std::optional<int> before, std::optional<int> after);

    void redo() override;
    void undo() override;
    int id() const override { return 1001; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(std::optional<int> level);
    // Puts the delta back at its old level and place.
    Status restore();

    Workspace *m_workspace;
    qint64 m_organisationId;
    qint64 m_deltaId;
    std::optional<int> m_before;
    std::optional<int> m_after;
    // Where the delta stood before: the delta after it in its level (read on the first redo).
    std::optional<qint64> m_beforeNext;
    bool m_placeRead = false;
};

} // namespace Deltaboard
