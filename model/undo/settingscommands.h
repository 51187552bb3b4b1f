#pragma once

#include "boardstore.h"
#include "groupstore.h"
#include "organisationstore.h"
#include "savedviewstore.h"
#include "taskstore.h"
#include "workspace.h"

#include <QUndoCommand>

#include <functional>

namespace Deltaboard {

// One change to how the workspace is set up (organisations, user groups, components, boards
// and their columns, cards added or archived): what does it and what undoes it, each one store
// call in one transaction. A removal keeps what the store returns, so undo puts the record back
// with its ids, and redo after undo recreates a record with the id it had.
class SettingsCommand : public QUndoCommand
{
public:
    using Step = std::function<Status()>;
    // After either step succeeds, 'changed' tells the views (default: settingsChanged()).
    SettingsCommand(Workspace *workspace, const QString &text, Step forward, Step backward,
                    std::function<void()> changed = {});

    void redo() override;
    void undo() override;

private:
    Workspace *m_workspace;
    Step m_forward;
    Step m_backward;
    std::function<void()> m_changed;
};

// The commands the settings dialog, the welcome and the board push; each is made, not run:
// pushing it on the stack runs it. 'createdId', when given, receives the new record's id when
// the push runs the command, and is never written again.
namespace Settings {

QUndoCommand *addOrganisation(Workspace *workspace, const QString &name, BoardTemplate board,
                              qint64 *createdId = nullptr);
QUndoCommand *renameOrganisation(Workspace *workspace, const Organisation &organisation,
                                 const QString &name);
QUndoCommand *removeOrganisation(Workspace *workspace, const Organisation &organisation);

QUndoCommand *addGroup(Workspace *workspace, const QString &name, std::optional<qint64> size);
QUndoCommand *updateGroup(Workspace *workspace, const UserGroup &before, const UserGroup &after);
QUndoCommand *removeGroup(Workspace *workspace, const UserGroup &group);

QUndoCommand *addComponent(Workspace *workspace, const QString &name);
QUndoCommand *removeComponent(Workspace *workspace, const Component &component);
QUndoCommand *setComponentUsed(Workspace *workspace, const UserGroup &group,
                               const Component &component, bool used);

QUndoCommand *addColumn(Workspace *workspace, qint64 boardId, const ColumnSettings &settings,
                        std::optional<int> position = {});
QUndoCommand *renameColumn(Workspace *workspace, const BoardColumn &column, const QString &name);
QUndoCommand *moveColumn(Workspace *workspace, const BoardColumn &column, int position);
QUndoCommand *setColumn(Workspace *workspace, const BoardColumn &before,
                        std::optional<int> wipLimit, bool startsWork, bool isDone);
QUndoCommand *removeColumn(Workspace *workspace, const BoardColumn &column,
                           std::optional<qint64> destinationId);
QUndoCommand *setArchiveAfter(Workspace *workspace, const Board &board, int days);

QUndoCommand *addTask(Workspace *workspace, const NewTask &task, qint64 *createdId = nullptr);
// Deletes a card with its links, fix records and comments; undo puts all of it back.
QUndoCommand *removeTask(Workspace *workspace, const Task &task);
QUndoCommand *archiveCards(Workspace *workspace, qint64 organisationId,
                           const QList<qint64> &taskIds);
QUndoCommand *restoreCards(Workspace *workspace, qint64 organisationId,
                           const QList<qint64> &taskIds);

// Saved filters: saving one under a name in use replaces its filter; undo puts back the old.
// 'changed' tells the menu that lists them.
QUndoCommand *saveView(Workspace *workspace, const SavedView &view, std::function<void()> changed);
QUndoCommand *removeView(Workspace *workspace, const SavedView &view,
                         std::function<void()> changed);

} // namespace Settings

} // namespace Deltaboard
