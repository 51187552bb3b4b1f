#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

Workspace::Workspace(Database &db, QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_undoStack(undoStack)
{}

bool Workspace::succeeded(QUndoCommand *command, const Status &status)
{
    if (status)
        return true;
    command->setObsolete(true);
    Q_EMIT errorOccurred(status.error());
    return false;
}

} // namespace Deltaboard
