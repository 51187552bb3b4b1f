#pragma once

#include "workspace.h"

#include <QList>
#include <QUndoCommand>

namespace Deltaboard {

// An organisation commits to work on deltas: a new task on its board linked to them. Undo
// withdraws the commitment (the task is removed; history keeps both steps); redo commits again.
class CommitCommand : public QUndoCommand
{
public:
    CommitCommand(Workspace *workspace, qint64 organisationId, QString title,
                  QList<qint64> deltaIds);

    void redo() override;
    void undo() override;
    // The task the last redo() created (0 before, or when it failed).
    qint64 taskId() const { return m_taskId; }

private:
    void notify();

    Workspace *m_workspace;
    qint64 m_organisationId;
    QString m_title;
    QList<qint64> m_deltaIds;
    qint64 m_taskId = 0;
};

} // namespace Deltaboard
