#include "groupstore.h"

#include "history.h"
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
    const auto inserted = db.run(sql, values);
    if (!inserted) {
        if (inserted.error().contains(u"UNIQUE"_s))
            return Error{u"%1 '%2' already exists"_s.arg(label, name)};
        return Error{u"cannot create %1 '%2': %3"_s.arg(label, name, inserted.error())};
    }
    const qint64 id = (*inserted)->lastInsertId().toLongLong();
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
    if (!(*query)->next())
        return Error{u"unknown component '%1'"_s.arg(name)};
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

} // namespace Deltaboard
