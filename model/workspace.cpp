#include "workspace.h"

namespace Deltaboard {

Workspace::Workspace(Database &db, QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_undoStack(undoStack)
{}

} // namespace Deltaboard
