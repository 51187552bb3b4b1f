#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

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

    Result<Component> createComponent(const QString &name, const QString &description);
    Result<QList<Component>> components();
    Result<Component> componentByName(const QString &name);

    // Records that a group uses a component; doing it twice changes nothing.
    Status setGroupUsesComponent(qint64 groupId, qint64 componentId);
    // The groups that use a component: the ones a delta in it probably impacts.
    Result<QList<UserGroup>> groupsUsing(qint64 componentId);

private:
    Database &m_db;
};

} // namespace Deltaboard
