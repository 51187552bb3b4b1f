#include "savedviewstore.h"

#include "history.h"
#include "sqlvalues.h"
#include "teamrights.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

const QString kSelect = u"SELECT id, organisation_id, name, view, filter, position FROM "
                        u"saved_views "_s;

SavedView viewFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
            q.value(3).toString(),   q.value(4).toString(),   q.value(5).toInt()};
}

} // namespace

bool SavedViewStore::isView(const QString &view)
{
    return view == u"deltas"_s || view == u"board"_s;
}

Result<QList<SavedView>> SavedViewStore::list(qint64 organisationId)
{
    const auto query = m_db.run(kSelect + u"WHERE organisation_id = ? ORDER BY position, id"_s,
                                {organisationId});
    if (!query)
        return Error{query.error()};
    QList<SavedView> views;
    while ((*query)->next())
        views.append(viewFrom(**query));
    return views;
}

Result<SavedView> SavedViewStore::find(qint64 organisationId, const QString &name)
{
    const auto query = m_db.run(kSelect + u"WHERE organisation_id = ? AND name = ?"_s,
                                {organisationId, name.simplified()});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no saved view named '%1'"_s.arg(name.simplified())};
    SavedView view = viewFrom(**query);
    (*query)->finish();
    return view;
}

Result<qint64> SavedViewStore::add(const SavedView &view)
{
    const QString name = view.name.simplified();
    if (name.isEmpty())
        return Error{u"a saved view needs a name"_s};
    if (!isView(view.view))
        return Error{u"saved view: expected the view deltas or board, not '%1'"_s.arg(view.view)};
    if (!QJsonDocument::fromJson(view.filter.toUtf8()).isObject())
        return Error{u"saved view '%1': its filter must be a JSON object"_s.arg(name)};
    if (const Status allowed
        = TeamRights::toChange(m_db, view.organisationId, u"its saved views"_s);
        !allowed) {
        return Error{allowed.error()};
    }
    Transaction transaction(m_db);
    int position = view.position;
    if (!view.id) {
        const auto last = m_db.scalar(
            u"SELECT coalesce(max(position), 0) FROM saved_views WHERE organisation_id = ?"_s,
            {view.organisationId});
        if (!last)
            return Error{last.error()};
        position = last->toInt() + 1;
    }
    const auto inserted
        = m_db.insert(u"INSERT INTO saved_views (id, organisation_id, name, view, "
                      u"filter, position) VALUES (?, ?, ?, ?, ?, ?)"_s,
                      {view.id ? QVariant(view.id) : QVariant(QMetaType::fromType<qint64>()),
                       view.organisationId, name, view.view, view.filter, position});
    if (!inserted) {
        if (inserted.error().contains(u"UNIQUE"_s))
            return Error{u"a saved view named '%1' already exists"_s.arg(name)};
        if (inserted.error().contains(u"FOREIGN KEY"_s))
            return Error{u"no organisation with id %1"_s.arg(view.organisationId)};
        return Error{inserted.error()};
    }
    const qint64 id = *inserted;
    if (const Status logged = History(m_db).record(u"saved_view"_s, id, u"created"_s, {}, name);
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return id;
}

Status SavedViewStore::replace(qint64 id, const QString &view, const QString &filter)
{
    if (!isView(view))
        return Error{u"saved view: expected the view deltas or board, not '%1'"_s.arg(view)};
    if (!QJsonDocument::fromJson(filter.toUtf8()).isObject())
        return Error{u"a saved view's filter must be a JSON object"_s};
    Transaction transaction(m_db);
    const auto query = m_db.run(kSelect + u"WHERE id = ?"_s, {id});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no saved view with id %1"_s.arg(id)};
    const SavedView before = viewFrom(**query);
    (*query)->finish();
    if (const Status allowed
        = TeamRights::toChange(m_db, before.organisationId, u"its saved views"_s);
        !allowed) {
        return allowed;
    }
    if (const Status set = m_db.execOnce(
            u"UPDATE saved_views SET view = ?, filter = ? WHERE id = ?"_s, {view, filter, id});
        !set) {
        return set;
    }
    if (const Status logged = History(m_db).recordChanges(
            u"saved_view"_s, id,
            {{u"view"_s, before.view, view}, {u"filter"_s, before.filter, filter}});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<SavedView> SavedViewStore::remove(qint64 id)
{
    Transaction transaction(m_db);
    const auto query = m_db.run(kSelect + u"WHERE id = ?"_s, {id});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no saved view with id %1"_s.arg(id)};
    const SavedView view = viewFrom(**query);
    (*query)->finish();
    if (const Status allowed
        = TeamRights::toChange(m_db, view.organisationId, u"its saved views"_s);
        !allowed) {
        return Error{allowed.error()};
    }
    if (const Status gone = m_db.execOnce(u"DELETE FROM saved_views WHERE id = ?"_s, {id}); !gone)
        return Error{gone.error()};
    if (const Status logged
        = History(m_db).record(u"saved_view"_s, id, u"deleted"_s, view.name, {});
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return view;
}

} // namespace Deltaboard
