#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// A group or a component taken out, with which components or groups it was linked to: what undo
// needs to put it back with the same id.
struct RemovedGroup
{
    UserGroup group;
    QList<qint64> componentIds;
};
struct RemovedComponent
{
    Component component;
    QList<qint64> groupIds;
};

// User groups (who is hurt), components (parts of the code) and which groups use which
// components.
class GroupStore
{
public:
    explicit GroupStore(Database &db)
        : m_db(db)
    {}

    Result<UserGroup> createGroup(const QString &name, const QString &description,
                                  std::optional<qint64> size);
    Result<QList<UserGroup>> groups();
    Result<UserGroup> groupByName(const QString &name);
    // Name, description and size (the impact weights of the deltas it is hurt by follow).
    Status updateGroup(const UserGroup &group);
    // Removes a group no impact refers to; refuses otherwise, saying how many deltas do.
    Result<RemovedGroup> removeGroup(qint64 groupId);
    Status restoreGroup(const RemovedGroup &removed);

    Result<Component> createComponent(const QString &name, const QString &description);
    Result<QList<Component>> components();
    Result<Component> componentByName(const QString &name);
    // Removes a component no delta is in; refuses otherwise, saying how many are.
    Result<RemovedComponent> removeComponent(qint64 componentId);
    Status restoreComponent(const RemovedComponent &removed);

    // Records that a group uses a component; doing it twice changes nothing.
    Status setGroupUsesComponent(qint64 groupId, qint64 componentId);
    // The opposite; undoing a link that is not there changes nothing.
    Status unsetGroupUsesComponent(qint64 groupId, qint64 componentId);
    // The components a group uses.
    Result<QList<Component>> componentsUsedBy(qint64 groupId);
    // The groups that use a component: the ones a delta in it probably impacts.
    Result<QList<UserGroup>> groupsUsing(qint64 componentId);

private:
    Status checkName(const QString &table, const QString &label, const QString &name,
                     qint64 exceptId);
    Result<QList<qint64>> ids(const QString &sql, qint64 id);
    Database &m_db;
};

} // namespace Deltaboard
