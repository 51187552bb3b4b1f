#pragma once

#include "workspace.h"

#include <QUndoCommand>

#include <optional>

namespace Deltaboard {

// Moves a delta in one organisation's ranking: to 'level', just before another delta of that
// level or at its end. Undo puts it back at its old level before the delta that followed it (or
// removes the priority it did not have), so the order is restored exactly even though rank
// numbers may differ.
class RankDeltaCommand : public QUndoCommand
{
public:
    struct Place
    {
        std::optional<int> level;          // nullopt: no priority at all
        std::optional<qint64> beforeDelta; // nullopt: last of its level
    };

    // Reads where the delta is now; the command is obsolete (and does nothing) when that fails.
    RankDeltaCommand(Workspace *workspace, qint64 organisationId, qint64 deltaId, int level,
                     std::optional<qint64> beforeDelta);

    void redo() override;
    void undo() override;

private:
    void apply(const Place &place);

    Workspace *m_workspace;
    qint64 m_organisationId;
    qint64 m_deltaId;
    Place m_before;
    Place m_after;
};

} // namespace Deltaboard
