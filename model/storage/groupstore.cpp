#include "groupstore.h"

#include "history.h"
#include "inputtext.h"
#include "sqlvalues.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

UserGroup groupFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            Sql::optionalId(q.value(3))};
}

Result<qint64> insertNamed(Database &db, const QString &entity, const QString &sql,
                           const QVariantList &values)
{
    const QString name = values.first().toString();
    const QString label = QString(entity).replace(u'_', u' ');
    Transaction transaction(db);
    const auto inserted = db.insert(sql, values);
    if (!inserted) {
        if (inserted.error().contains(u"UNIQUE"_s))
            return Error{u"%1 '%2' already exists"_s.arg(label, name)};
        return Error{u"cannot create %1 '%2': %3"_s.arg(label, name, inserted.error())};
    }
    const qint64 id = *inserted;
    if (const Status logged = History(db).record(entity, id, u"created"_s, {}, name); !logged)
        return Error{logged.error()};
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return id;
}

} // namespace

Result<UserGroup> GroupStore::createGroup(const QString &name, const QString &description,
                                          std::optional<qint64> size)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"a user group needs a name"_s};
    const auto id = insertNamed(m_db, u"user_group"_s,
                                u"INSERT INTO user_groups (name, description, size) "
                                u"VALUES (?, ?, ?)"_s,
                                {trimmed, Sql::text(description), Sql::optionalValue(size)});
    if (!id)
        return Error{id.error()};
    return UserGroup{*id, trimmed, description, size};
}

Result<QList<UserGroup>> GroupStore::groups()
{
    const auto query
        = m_db.run(u"SELECT id, name, description, size FROM user_groups ORDER BY id"_s);
    if (!query)
        return Error{query.error()};
    QList<UserGroup> groups;
    while ((*query)->next())
        groups.append(groupFrom(**query));
    return groups;
}

Result<UserGroup> GroupStore::groupByName(const QString &name)
{
    const auto query = m_db.run(
        u"SELECT id, name, description, size FROM user_groups WHERE name = ?"_s, {name.trimmed()});
    if (!query)
        return Error{query.error()};
    if ((*query)->next()) {
        UserGroup group = groupFrom(**query);
        (*query)->finish();
        return group;
    }
    QStringList names;
    if (const auto all = groups()) {
        for (const UserGroup &group : *all)
            names.append(group.name);
    }
    return Error{names.isEmpty()
                     ? u"unknown user group '%1' (there are no user groups yet)"_s.arg(name)
                     : u"unknown user group '%1' (known: %2)"_s.arg(name, names.join(u", "_s))};
}

Result<Component> GroupStore::createComponent(const QString &name, const QString &description)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"a component needs a name"_s};
    const auto id = insertNamed(m_db, u"component"_s,
                                u"INSERT INTO components (name, description) VALUES (?, ?)"_s,
                                {trimmed, Sql::text(description)});
    if (!id)
        return Error{id.error()};
    return Component{*id, trimmed, description};
}

Result<QList<Component>> GroupStore::components()
{
    const auto query = m_db.run(u"SELECT id, name, description FROM components ORDER BY id"_s);
    if (!query)
        return Error{query.error()};
    QList<Component> components;
    while ((*query)->next()) {
        components.append({(*query)->value(0).toLongLong(), (*query)->value(1).toString(),
                           (*query)->value(2).toString()});
    }
    return components;
}

Result<Component> GroupStore::componentByName(const QString &name)
{
    const auto query = m_db.run(u"SELECT id, name, description FROM components WHERE name = ?"_s,
                                {name.trimmed()});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next()) {
        QStringList names;
        if (const auto all = components()) {
            for (const Component &component : *all)
                names.append(component.name);
        }
        return Error{names.isEmpty()
                         ? u"unknown component '%1' (there are no components yet)"_s.arg(name)
                         : u"unknown component '%1' (known: %2)"_s.arg(name, names.join(u", "_s))};
    }
    Component component{(*query)->value(0).toLongLong(), (*query)->value(1).toString(),
                        (*query)->value(2).toString()};
    (*query)->finish();
    return component;
}

Status GroupStore::setGroupUsesComponent(qint64 groupId, qint64 componentId)
{
    Transaction transaction(m_db);
    const auto inserted = m_db.run(u"INSERT INTO group_components (group_id, component_id) "
                                   u"VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
                                   {groupId, componentId});
    if (!inserted) {
        return Error{u"cannot link user group %1 to component %2: %3"_s.arg(groupId)
                         .arg(componentId)
                         .arg(inserted.error())};
    }
    if ((*inserted)->numRowsAffected() > 0) {
        if (const Status logged
            = History(m_db).record(u"user_group"_s, groupId, u"uses_component"_s, {}, componentId);
            !logged) {
            return logged;
        }
    }
    return transaction.commit();
}

Result<QList<UserGroup>> GroupStore::groupsUsing(qint64 componentId)
{
    const auto query = m_db.run(u"SELECT g.id, g.name, g.description, g.size FROM user_groups g "
                                u"JOIN group_components gc ON gc.group_id = g.id "
                                u"WHERE gc.component_id = ? ORDER BY g.id"_s,
                                {componentId});
    if (!query)
        return Error{query.error()};
    QList<UserGroup> groups;
    while ((*query)->next())
        groups.append(groupFrom(**query));
    return groups;
}

Status GroupStore::checkName(const QString &table, const QString &label, const QString &name,
                             qint64 exceptId)
{
    // The table is one of two fixed names, never input.
    const auto clash = m_db.scalar(u"SELECT name FROM %1 WHERE name = ? AND id <> ?"_s.arg(table),
                                   {name, exceptId});
    if (!clash)
        return Error{clash.error()};
    if (clash->isValid())
        return Error{u"%1 %2 already exists"_s.arg(label, InputText::quoted(clash->toString()))};
    return {};
}

Result<QList<qint64>> GroupStore::ids(const QString &sql, qint64 id)
{
    const auto query = m_db.run(sql, {id});
    if (!query)
        return Error{query.error()};
    return Sql::ids(**query);
}

Status GroupStore::updateGroup(const UserGroup &group)
{
    const QString name = group.name.trimmed();
    if (name.isEmpty())
        return Error{u"a user group needs a name"_s};
    if (group.size && *group.size < 0)
        return Error{u"a user group's size is a number of users, 0 or more"_s};
    Transaction transaction(m_db);
    const auto query = m_db.run(
        u"SELECT id, name, description, size FROM user_groups WHERE id = ?"_s, {group.id});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no user group with id %1"_s.arg(group.id)};
    const UserGroup before = groupFrom(**query);
    (*query)->finish();
    if (const Status free = checkName(u"user_groups"_s, u"user group"_s, name, group.id); !free)
        return free;
    const auto updated
        = m_db.run(u"UPDATE user_groups SET name = ?, description = ?, size = ? WHERE id = ?"_s,
                   {name, Sql::text(group.description), Sql::optionalValue(group.size), group.id});
    if (!updated)
        return Error{u"cannot change user group %1: %2"_s.arg(InputText::quoted(before.name),
                                                              updated.error())};
    if (const Status logged = History(m_db).recordChanges(
            u"user_group"_s, group.id,
            {{u"name"_s, before.name, name},
             {u"description"_s, before.description, Sql::text(group.description)},
             {u"size"_s, Sql::optionalValue(before.size), Sql::optionalValue(group.size)}});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<RemovedGroup> GroupStore::removeGroup(qint64 groupId)
{
    Transaction transaction(m_db);
    const auto query = m_db.run(
        u"SELECT id, name, description, size FROM user_groups WHERE id = ?"_s, {groupId});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no user group with id %1"_s.arg(groupId)};
    RemovedGroup removed{groupFrom(**query), {}};
    (*query)->finish();
    const auto impacts
        = m_db.scalar(u"SELECT count(*) FROM impacts WHERE group_id = ?"_s, {groupId});
    if (!impacts)
        return Error{impacts.error()};
    if (const qint64 count = impacts->toLongLong(); count > 0) {
        return Error{u"cannot remove user group %1: the impact on it is assessed for %2"_s.arg(
            InputText::quoted(removed.group.name),
            count == 1 ? u"1 delta"_s : u"%1 deltas"_s.arg(count))};
    }
    const auto used = ids(u"SELECT component_id FROM group_components WHERE group_id = ? "
                          u"ORDER BY component_id"_s,
                          groupId);
    if (!used)
        return Error{used.error()};
    removed.componentIds = *used;
    if (const auto deleted = m_db.run(u"DELETE FROM user_groups WHERE id = ?"_s, {groupId});
        !deleted) {
        return Error{deleted.error()};
    }
    if (const Status logged
        = History(m_db).record(u"user_group"_s, groupId, u"deleted"_s, removed.group.name, {});
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return removed;
}

Status GroupStore::restoreGroup(const RemovedGroup &removed)
{
    Transaction transaction(m_db);
    const UserGroup &g = removed.group;
    if (const Status free = checkName(u"user_groups"_s, u"user group"_s, g.name, g.id); !free)
        return free;
    if (const auto inserted
        = m_db.run(u"INSERT INTO user_groups (id, name, description, size) "
                   u"VALUES (?, ?, ?, ?)"_s,
                   {g.id, g.name, Sql::text(g.description), Sql::optionalValue(g.size)});
        !inserted) {
        return Error{inserted.error()};
    }
    if (const Status logged = History(m_db).record(u"user_group"_s, g.id, u"created"_s, {}, g.name);
        !logged) {
        return logged;
    }
    for (const qint64 componentId : removed.componentIds) {
        if (const Status linked = setGroupUsesComponent(g.id, componentId); !linked)
            return linked;
    }
    return transaction.commit();
}

Result<RemovedComponent> GroupStore::removeComponent(qint64 componentId)
{
    Transaction transaction(m_db);
    const auto query
        = m_db.run(u"SELECT id, name, description FROM components WHERE id = ?"_s, {componentId});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no component with id %1"_s.arg(componentId)};
    RemovedComponent removed{{(*query)->value(0).toLongLong(), (*query)->value(1).toString(),
                              (*query)->value(2).toString()},
                             {}};
    (*query)->finish();
    const auto deltas
        = m_db.scalar(u"SELECT count(*) FROM deltas WHERE component_id = ?"_s, {componentId});
    if (!deltas)
        return Error{deltas.error()};
    if (const qint64 count = deltas->toLongLong(); count > 0) {
        return Error{u"cannot remove component %1: %2 in it"_s.arg(
            InputText::quoted(removed.component.name),
            count == 1 ? u"1 delta is"_s : u"%1 deltas are"_s.arg(count))};
    }
    const auto users = ids(u"SELECT group_id FROM group_components WHERE component_id = ? "
                           u"ORDER BY group_id"_s,
                           componentId);
    if (!users)
        return Error{users.error()};
    removed.groupIds = *users;
    if (const auto deleted = m_db.run(u"DELETE FROM components WHERE id = ?"_s, {componentId});
        !deleted) {
        return Error{deleted.error()};
    }
    if (const Status logged = History(m_db).record(u"component"_s, componentId, u"deleted"_s,
                                                   removed.component.name, {});
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return removed;
}

Status GroupStore::restoreComponent(const RemovedComponent &removed)
{
    Transaction transaction(m_db);
    const Component &c = removed.component;
    if (const Status free = checkName(u"components"_s, u"component"_s, c.name, c.id); !free)
        return free;
    if (const auto inserted
        = m_db.run(u"INSERT INTO components (id, name, description) VALUES (?, ?, ?)"_s,
                   {c.id, c.name, Sql::text(c.description)});
        !inserted) {
        return Error{inserted.error()};
    }
    if (const Status logged = History(m_db).record(u"component"_s, c.id, u"created"_s, {}, c.name);
        !logged) {
        return logged;
    }
    for (const qint64 groupId : removed.groupIds) {
        if (const Status linked = setGroupUsesComponent(groupId, c.id); !linked)
            return linked;
    }
    return transaction.commit();
}

Status GroupStore::unsetGroupUsesComponent(qint64 groupId, qint64 componentId)
{
    Transaction transaction(m_db);
    const auto deleted
        = m_db.run(u"DELETE FROM group_components WHERE group_id = ? AND component_id = ?"_s,
                   {groupId, componentId});
    if (!deleted)
        return Error{deleted.error()};
    if ((*deleted)->numRowsAffected() > 0) {
        if (const Status logged
            = History(m_db).record(u"user_group"_s, groupId, u"uses_component"_s, componentId, {});
            !logged) {
            return logged;
        }
    }
    return transaction.commit();
}

Result<QList<Component>> GroupStore::componentsUsedBy(qint64 groupId)
{
    const auto query = m_db.run(u"SELECT c.id, c.name, c.description FROM components c "
                                u"JOIN group_components gc ON gc.component_id = c.id "
                                u"WHERE gc.group_id = ? ORDER BY c.name"_s,
                                {groupId});
    if (!query)
        return Error{query.error()};
    QList<Component> components;
    while ((*query)->next()) {
        components.append({(*query)->value(0).toLongLong(), (*query)->value(1).toString(),
                           (*query)->value(2).toString()});
    }
    return components;
}

} // namespace Deltaboard
