#pragma once

#include "workspace.h"

#include <QUndoCommand>

#include <optional>

namespace Deltaboard {

// Sets a delta's impact on one user group (and how many of its users are affected); undo
// restores the previous assessment, or none.
class SetImpactCommand : public QUndoCommand
{
public:
    struct Assessment
    {
        std::optional<int> level;
        std::optional<qint64> affectedUsers;
    };

    SetImpactCommand(Workspace *workspace, qint64 deltaId, qint64 groupId, Assessment before,
                     Assessment after);

    void redo() override;
    void undo() override;

private:
    void apply(const Assessment &assessment);

    Workspace *m_workspace;
    qint64 m_deltaId;
    qint64 m_groupId;
    Assessment m_before;
    Assessment m_after;
};

} // namespace Deltaboard
