#include "organisationstore.h"

#include "history.h"
#include "sqlvalues.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

struct ColumnTemplate
{
    QString name;
    std::optional<int> wipLimit;
    bool startsWork;
    bool isDone;
};

// The board a new organisation starts with; columns can be changed later.
const QList<ColumnTemplate> &defaultColumns()
{
    static const QList<ColumnTemplate> columns = {
        {u"Backlog"_s, std::nullopt, false, false}, {u"Ready"_s, 20, false, false},
        {u"In progress"_s, 8, true, false},         {u"Review"_s, 5, true, false},
        {u"Done"_s, std::nullopt, false, true},
    };
    return columns;
}

Organisation organisationFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

} // namespace

Result<Organisation> OrganisationStore::create(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"an organisation needs a name"_s};
    if (byName(trimmed))
        return Error{u"organisation '%1' already exists"_s.arg(trimmed)};

    Transaction transaction(m_db);
    const QString now = m_db.clock().nowText();
    auto inserted
        = m_db.run(u"INSERT INTO organisations (name, created_at) VALUES (?, ?)"_s, {trimmed, now});
    if (!inserted)
        return Error{u"cannot create organisation '%1': %2"_s.arg(trimmed, inserted.error())};
    const qint64 id = (*inserted)->lastInsertId().toLongLong();

    inserted
        = m_db.run(u"INSERT INTO boards (organisation_id, name) VALUES (?, ?)"_s, {id, u"Main"_s});
    if (!inserted)
        return Error{inserted.error()};
    const qint64 boardId = (*inserted)->lastInsertId().toLongLong();
    int position = 0;
    for (const ColumnTemplate &column : defaultColumns()) {
        const auto added = m_db.run(
            u"INSERT INTO board_columns (board_id, name, position, wip_limit, starts_work, "
            u"is_done) VALUES (?, ?, ?, ?, ?, ?)"_s,
            {boardId, column.name, position++, Sql::optionalValue(column.wipLimit),
             column.startsWork ? 1 : 0, column.isDone ? 1 : 0});
        if (!added)
            return Error{added.error()};
    }
    if (const Status logged
        = History(m_db).record(u"organisation"_s, id, u"created"_s, {}, trimmed);
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return Organisation{id, trimmed, now};
}

Result<QList<Organisation>> OrganisationStore::list()
{
    const auto query = m_db.run(u"SELECT id, name, created_at FROM organisations ORDER BY id"_s);
    if (!query)
        return Error{query.error()};
    QList<Organisation> organisations;
    while ((*query)->next())
        organisations.append(organisationFrom(**query));
    return organisations;
}

Result<Organisation> OrganisationStore::byId(qint64 id)
{
    const auto query
        = m_db.run(u"SELECT id, name, created_at FROM organisations WHERE id = ?"_s, {id});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no organisation with id %1"_s.arg(id)};
    Organisation organisation = organisationFrom(**query);
    (*query)->finish();
    return organisation;
}

Result<Organisation> OrganisationStore::byName(const QString &name)
{
    const auto query = m_db.run(u"SELECT id, name, created_at FROM organisations WHERE name = ?"_s,
                                {name.trimmed()});
    if (!query)
        return Error{query.error()};
    if ((*query)->next()) {
        Organisation organisation = organisationFrom(**query);
        (*query)->finish();
        return organisation;
    }
    const auto all = list();
    QStringList names;
    if (all) {
        for (const Organisation &organisation : *all)
            names.append(organisation.name);
    }
    return Error{names.isEmpty()
                     ? u"unknown organisation '%1' (there are no organisations yet)"_s.arg(name)
                     : u"unknown organisation '%1' (known: %2)"_s.arg(name, names.join(u", "_s))};
}

Result<Board> OrganisationStore::board(qint64 organisationId)
{
    const auto boardQuery = m_db.run(u"SELECT id, name FROM boards WHERE organisation_id = ? "
                                     u"ORDER BY id LIMIT 1"_s,
                                     {organisationId});
    if (!boardQuery)
        return Error{boardQuery.error()};
    if (!(*boardQuery)->next())
        return Error{u"organisation %1 has no board"_s.arg(organisationId)};
    Board board{(*boardQuery)->value(0).toLongLong(),
                organisationId,
                (*boardQuery)->value(1).toString(),
                {}};
    (*boardQuery)->finish();

    const auto columns = m_db.run(u"SELECT id, name, position, wip_limit, starts_work, is_done "
                                  u"FROM board_columns WHERE board_id = ? ORDER BY position"_s,
                                  {board.id});
    if (!columns)
        return Error{columns.error()};
    QSqlQuery &q = **columns;
    while (q.next()) {
        board.columns.append({q.value(0).toLongLong(), board.id, q.value(1).toString(),
                              q.value(2).toInt(), Sql::optionalInt(q.value(3)), q.value(4).toBool(),
                              q.value(5).toBool()});
    }
    return board;
}

} // namespace Deltaboard
