#include "settingscommands.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace Deltaboard {

SettingsCommand::SettingsCommand(Workspace *workspace, const QString &text, Step forward,
                                 Step backward, std::function<void()> changed)
    : m_workspace(workspace)
    , m_forward(std::move(forward))
    , m_backward(std::move(backward))
    , m_changed(std::move(changed))
{
    setText(text);
    if (!m_changed)
        m_changed = [workspace] {
            workspace->notifySettingsChanged();
        };
}

void SettingsCommand::redo()
{
    if (m_workspace->succeeded(this, m_forward()))
        m_changed();
}

void SettingsCommand::undo()
{
    if (m_workspace->succeeded(this, m_backward()))
        m_changed();
}

namespace Settings {

namespace {

// What a command that creates a record keeps between its steps: the id it got the first time,
// and what the undo took out, for redo to put back.
template<typename Removed>
struct Created
{
    qint64 id = 0;
    std::optional<Removed> removed;
};

template<typename T>
Status statusOf(const Result<T> &result)
{
    return result ? Status() : Status(Error{result.error()});
}

} // namespace

QUndoCommand *addOrganisation(Workspace *workspace, const QString &name, BoardTemplate board,
                              qint64 *createdId)
{
    auto state = std::make_shared<Created<RemovedOrganisation>>();
    Database &db = workspace->database();
    return new SettingsCommand(
        workspace, QObject::tr("Add organisation %1").arg(name.trimmed()),
        // The caller's variable is written on the first run only (when the command is pushed):
        // it is gone by the time a later redo runs.
        [&db, state, name, board, out = std::make_shared<qint64 *>(createdId)]() -> Status {
            if (state->removed)
                return OrganisationStore(db).restore(*state->removed);
            const auto created = OrganisationStore(db).create(name, board);
            if (!created)
                return Error{created.error()};
            state->id = created->id;
            if (*out)
                **out = created->id;
            *out = nullptr;
            return {};
        },
        [&db, state]() -> Status {
            const auto removed = OrganisationStore(db).remove(state->id);
            if (removed)
                state->removed = *removed;
            return statusOf(removed);
        });
}

QUndoCommand *renameOrganisation(Workspace *workspace, const Organisation &organisation,
                                 const QString &name)
{
    Database &db = workspace->database();
    const qint64 id = organisation.id;
    const QString before = organisation.name;
    return new SettingsCommand(
        workspace, QObject::tr("Rename organisation %1 to %2").arg(before, name.trimmed()),
        [&db, id, name] { return OrganisationStore(db).rename(id, name); },
        [&db, id, before] { return OrganisationStore(db).rename(id, before); });
}

QUndoCommand *removeOrganisation(Workspace *workspace, const Organisation &organisation)
{
    auto removed = std::make_shared<std::optional<RemovedOrganisation>>();
    Database &db = workspace->database();
    const qint64 id = organisation.id;
    return new SettingsCommand(
        workspace, QObject::tr("Remove organisation %1").arg(organisation.name),
        [&db, id, removed]() -> Status {
            const auto taken = OrganisationStore(db).remove(id);
            if (taken)
                *removed = *taken;
            return statusOf(taken);
        },
        [&db, removed] { return OrganisationStore(db).restore(**removed); });
}

QUndoCommand *addGroup(Workspace *workspace, const QString &name, std::optional<qint64> size)
{
    auto state = std::make_shared<Created<RemovedGroup>>();
    Database &db = workspace->database();
    return new SettingsCommand(
        workspace, QObject::tr("Add user group %1").arg(name.trimmed()),
        [&db, state, name, size]() -> Status {
            if (state->removed)
                return GroupStore(db).restoreGroup(*state->removed);
            const auto created = GroupStore(db).createGroup(name, {}, size);
            if (created)
                state->id = created->id;
            return statusOf(created);
        },
        [&db, state]() -> Status {
            const auto removed = GroupStore(db).removeGroup(state->id);
            if (removed)
                state->removed = *removed;
            return statusOf(removed);
        });
}

QUndoCommand *updateGroup(Workspace *workspace, const UserGroup &before, const UserGroup &after)
{
    Database &db = workspace->database();
    return new SettingsCommand(
        workspace, QObject::tr("Change user group %1").arg(before.name),
        [&db, after] { return GroupStore(db).updateGroup(after); },
        [&db, before] { return GroupStore(db).updateGroup(before); });
}

QUndoCommand *removeGroup(Workspace *workspace, const UserGroup &group)
{
    auto removed = std::make_shared<std::optional<RemovedGroup>>();
    Database &db = workspace->database();
    const qint64 id = group.id;
    return new SettingsCommand(
        workspace, QObject::tr("Remove user group %1").arg(group.name),
        [&db, id, removed]() -> Status {
            const auto taken = GroupStore(db).removeGroup(id);
            if (taken)
                *removed = *taken;
            return statusOf(taken);
        },
        [&db, removed] { return GroupStore(db).restoreGroup(**removed); });
}

QUndoCommand *addComponent(Workspace *workspace, const QString &name)
{
    auto state = std::make_shared<Created<RemovedComponent>>();
    Database &db = workspace->database();
    return new SettingsCommand(
        workspace, QObject::tr("Add component %1").arg(name.trimmed()),
        [&db, state, name]() -> Status {
            if (state->removed)
                return GroupStore(db).restoreComponent(*state->removed);
            const auto created = GroupStore(db).createComponent(name, {});
            if (created)
                state->id = created->id;
            return statusOf(created);
        },
        [&db, state]() -> Status {
            const auto removed = GroupStore(db).removeComponent(state->id);
            if (removed)
                state->removed = *removed;
            return statusOf(removed);
        });
}

QUndoCommand *removeComponent(Workspace *workspace, const Component &component)
{
    auto removed = std::make_shared<std::optional<RemovedComponent>>();
    Database &db = workspace->database();
    const qint64 id = component.id;
    return new SettingsCommand(
        workspace, QObject::tr("Remove component %1").arg(component.name),
        [&db, id, removed]() -> Status {
            const auto taken = GroupStore(db).removeComponent(id);
            if (taken)
                *removed = *taken;
            return statusOf(taken);
        },
        [&db, removed] { return GroupStore(db).restoreComponent(**removed); });
}

QUndoCommand *setComponentUsed(Workspace *workspace, const UserGroup &group,
                               const Component &component, bool used)
{
    Database &db = workspace->database();
    const qint64 groupId = group.id;
    const qint64 componentId = component.id;
    auto set = [&db, groupId, componentId](bool on) {
        return on ? GroupStore(db).setGroupUsesComponent(groupId, componentId)
                  : GroupStore(db).unsetGroupUsesComponent(groupId, componentId);
    };
    return new SettingsCommand(
        workspace,
        (used ? QObject::tr("%1 use %2") : QObject::tr("%1 no longer use %2"))
            .arg(group.name, component.name),
        [set, used] { return set(used); }, [set, used] { return set(!used); });
}

QUndoCommand *addColumn(Workspace *workspace, qint64 boardId, const ColumnSettings &settings,
                        std::optional<int> position)
{
    auto state = std::make_shared<Created<RemovedColumn>>();
    Database &db = workspace->database();
    return new SettingsCommand(
        workspace, QObject::tr("Add column %1").arg(settings.name.trimmed()),
        [&db, state, boardId, settings, position]() -> Status {
            if (state->removed)
                return BoardStore(db).restoreColumn(*state->removed);
            const auto added = BoardStore(db).addColumn(boardId, settings, position);
            if (added)
                state->id = added->id;
            return statusOf(added);
        },
        [&db, state]() -> Status {
            const auto removed = BoardStore(db).removeColumn(state->id, std::nullopt);
            if (removed)
                state->removed = *removed;
            return statusOf(removed);
        });
}

QUndoCommand *renameColumn(Workspace *workspace, const BoardColumn &column, const QString &name)
{
    Database &db = workspace->database();
    const qint64 id = column.id;
    const QString before = column.name;
    return new SettingsCommand(
        workspace, QObject::tr("Rename column %1 to %2").arg(before, name.trimmed()),
        [&db, id, name] { return BoardStore(db).renameColumn(id, name); },
        [&db, id, before] { return BoardStore(db).renameColumn(id, before); });
}

QUndoCommand *moveColumn(Workspace *workspace, const BoardColumn &column, int position)
{
    Database &db = workspace->database();
    const qint64 id = column.id;
    const int before = column.position;
    return new SettingsCommand(
        workspace, QObject::tr("Move column %1").arg(column.name),
        [&db, id, position] { return BoardStore(db).moveColumn(id, position); },
        [&db, id, before] { return BoardStore(db).moveColumn(id, before); });
}

QUndoCommand *setColumn(Workspace *workspace, const BoardColumn &before,
                        std::optional<int> wipLimit, bool startsWork, bool isDone)
{
    Database &db = workspace->database();
    const qint64 id = before.id;
    const BoardColumn old = before;
    return new SettingsCommand(
        workspace, QObject::tr("Change column %1").arg(before.name),
        [&db, id, wipLimit, startsWork, isDone] {
            return BoardStore(db).setColumn(id, wipLimit, startsWork, isDone);
        },
        [&db, old] {
            return BoardStore(db).setColumn(old.id, old.wipLimit, old.startsWork, old.isDone);
        });
}

QUndoCommand *removeColumn(Workspace *workspace, const BoardColumn &column,
                           std::optional<qint64> destinationId)
{
    auto removed = std::make_shared<std::optional<RemovedColumn>>();
    Database &db = workspace->database();
    const qint64 id = column.id;
    return new SettingsCommand(
        workspace, QObject::tr("Remove column %1").arg(column.name),
        [&db, id, destinationId, removed]() -> Status {
            const auto taken = BoardStore(db).removeColumn(id, destinationId);
            if (taken)
                *removed = *taken;
            return statusOf(taken);
        },
        [&db, removed] { return BoardStore(db).restoreColumn(**removed); });
}

QUndoCommand *setArchiveAfter(Workspace *workspace, const Board &board, int days)
{
    Database &db = workspace->database();
    const qint64 id = board.id;
    const int before = board.archiveAfterDays;
    return new SettingsCommand(
        workspace, QObject::tr("Archive done cards after %n day(s)", nullptr, days),
        [&db, id, days] { return BoardStore(db).setArchiveAfter(id, days); },
        [&db, id, before] { return BoardStore(db).setArchiveAfter(id, before); });
}

QUndoCommand *addTask(Workspace *workspace, const NewTask &task, qint64 *createdId)
{
    auto state = std::make_shared<NewTask>(task);
    Database &db = workspace->database();
    const qint64 organisationId = task.organisationId;
    return new SettingsCommand(
        workspace, QObject::tr("New card %1").arg(task.title.trimmed()),
        [&db, state, out = std::make_shared<qint64 *>(createdId)]() -> Status {
            const auto added = TaskStore(db).add(*state);
            if (!added)
                return Error{added.error()};
            state->id = *added; // redo after undo: the same id again
            if (*out)
                **out = *added; // the first run only, as in addOrganisation()
            *out = nullptr;
            return {};
        },
        [&db, state] { return TaskStore(db).remove(*state->id); },
        [workspace, organisationId, state] {
            workspace->notifyTasksChanged(organisationId);
            for (const qint64 deltaId : std::as_const(state->deltaIds))
                workspace->notifyDeltaChanged(deltaId);
        });
}

QUndoCommand *removeTask(Workspace *workspace, const Task &task)
{
    auto removed = std::make_shared<std::optional<RemovedTask>>();
    Database &db = workspace->database();
    const qint64 id = task.id;
    const qint64 organisationId = task.organisationId;
    const QList<qint64> deltaIds = task.deltaIds;
    return new SettingsCommand(
        workspace, QObject::tr("Delete card %1").arg(task.title),
        [&db, id, removed]() -> Status {
            const auto taken = TaskStore(db).take(id);
            if (taken)
                *removed = *taken;
            return statusOf(taken);
        },
        [&db, removed] { return TaskStore(db).restore(**removed); },
        [workspace, organisationId, deltaIds] {
            workspace->notifyTasksChanged(organisationId);
            for (const qint64 deltaId : deltaIds)
                workspace->notifyDeltaChanged(deltaId);
        });
}

namespace {

QUndoCommand *changeArchived(Workspace *workspace, qint64 organisationId,
                             const QList<qint64> &taskIds, bool archive)
{
    Database &db = workspace->database();
    auto set = [&db, taskIds](bool on) {
        return on ? BoardStore(db).archive(taskIds) : BoardStore(db).restore(taskIds);
    };
    const QString text = archive ? QObject::tr("Archive %n card(s)", nullptr, int(taskIds.size()))
                                 : QObject::tr("Restore %n card(s)", nullptr, int(taskIds.size()));
    return new SettingsCommand(
        workspace, text, [set, archive] { return set(archive); },
        [set, archive] { return set(!archive); },
        [workspace, organisationId] { workspace->notifyTasksChanged(organisationId); });
}

} // namespace

QUndoCommand *archiveCards(Workspace *workspace, qint64 organisationId,
                           const QList<qint64> &taskIds)
{
    return changeArchived(workspace, organisationId, taskIds, true);
}

QUndoCommand *restoreCards(Workspace *workspace, qint64 organisationId,
                           const QList<qint64> &taskIds)
{
    return changeArchived(workspace, organisationId, taskIds, false);
}

QUndoCommand *saveView(Workspace *workspace, const SavedView &view, std::function<void()> changed)
{
    Database &db = workspace->database();
    const auto existing = SavedViewStore(db).find(view.organisationId, view.name);
    if (existing) {
        const SavedView before = *existing;
        const SavedView after = view;
        return new SettingsCommand(
            workspace, QObject::tr("Save view %1").arg(view.name.simplified()),
            [&db, before, after] {
                return SavedViewStore(db).replace(before.id, after.view, after.filter);
            },
            [&db, before] {
                return SavedViewStore(db).replace(before.id, before.view, before.filter);
            },
            changed);
    }
    // The first run gives it an id; undo removes it and redo puts it back with that id.
    auto saved = std::make_shared<SavedView>(view);
    return new SettingsCommand(
        workspace, QObject::tr("Save view %1").arg(view.name.simplified()),
        [&db, saved]() -> Status {
            const auto id = SavedViewStore(db).add(*saved);
            if (id)
                saved->id = *id;
            return statusOf(id);
        },
        [&db, saved]() -> Status {
            const auto removed = SavedViewStore(db).remove(saved->id);
            if (removed)
                *saved = *removed;
            return statusOf(removed);
        },
        changed);
}

QUndoCommand *removeView(Workspace *workspace, const SavedView &view, std::function<void()> changed)
{
    Database &db = workspace->database();
    auto removed = std::make_shared<SavedView>(view);
    return new SettingsCommand(
        workspace, QObject::tr("Remove view %1").arg(view.name),
        [&db, removed]() -> Status {
            const auto taken = SavedViewStore(db).remove(removed->id);
            if (taken)
                *removed = *taken;
            return statusOf(taken);
        },
        [&db, removed] { return statusOf(SavedViewStore(db).add(*removed)); }, changed);
}

} // namespace Settings

} // namespace Deltaboard
