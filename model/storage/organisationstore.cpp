#include "organisationstore.h"

#include "history.h"
#include "inputtext.h"
#include "sqlvalues.h"
#include "teamrights.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

Organisation organisationFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

} // namespace

Result<Organisation> OrganisationStore::create(const QString &name, BoardTemplate board)
{
    if (const Status allowed = TeamRights::toAdminister(m_db, u"add organisations"_s); !allowed)
        return Error{allowed.error()};
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"an organisation needs a name"_s};

    Transaction transaction(m_db);
    if (const Status free = checkName(trimmed, 0); !free)
        return Error{free.error()};
    const QString now = m_db.clock().nowText();
    auto inserted = m_db.insert(u"INSERT INTO organisations (name, created_at) VALUES (?, ?)"_s,
                                {trimmed, now});
    if (!inserted)
        return Error{u"cannot create organisation '%1': %2"_s.arg(trimmed, inserted.error())};
    const qint64 id = *inserted;

    inserted = m_db.insert(u"INSERT INTO boards (organisation_id, name) VALUES (?, ?)"_s,
                           {id, u"Main"_s});
    if (!inserted)
        return Error{inserted.error()};
    const qint64 boardId = *inserted;
    int position = 0;
    for (const ColumnSettings &column : BoardStore::templateColumns(board)) {
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

Status OrganisationStore::checkName(const QString &name, qint64 exceptId)
{
    const auto clash = m_db.scalar(u"SELECT name FROM organisations WHERE name = ? AND id <> ?"_s,
                                   {name, exceptId});
    if (!clash)
        return Error{clash.error()};
    if (clash->isValid())
        return Error{u"organisation %1 already exists"_s.arg(InputText::quoted(clash->toString()))};
    return {};
}

Status OrganisationStore::rename(qint64 id, const QString &name)
{
    if (const Status allowed = TeamRights::toAdminister(m_db, u"rename organisations"_s);
        !allowed) {
        return allowed;
    }
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"an organisation needs a name"_s};
    Transaction transaction(m_db);
    const auto existing = byId(id);
    if (!existing)
        return Error{existing.error()};
    if (existing->name == trimmed)
        return transaction.commit();
    if (const Status free = checkName(trimmed, id); !free)
        return free;
    if (const auto updated
        = m_db.run(u"UPDATE organisations SET name = ?, row_version = row_version + 1 "
                   u"WHERE id = ?"_s,
                   {trimmed, id});
        !updated) {
        return Error{u"cannot rename organisation %1: %2"_s.arg(InputText::quoted(existing->name),
                                                                updated.error())};
    }
    if (const Status logged
        = History(m_db).record(u"organisation"_s, id, u"name"_s, existing->name, trimmed);
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<QString> OrganisationStore::references(qint64 id)
{
    const auto counts = m_db.run(u"SELECT (SELECT count(*) FROM tasks WHERE organisation_id = ?), "
                                 u"(SELECT count(*) FROM priorities WHERE organisation_id = ?)"_s,
                                 {id, id});
    if (!counts)
        return Error{counts.error()};
    if (!(*counts)->next())
        return Error{u"cannot count what refers to organisation %1"_s.arg(id)};
    const qint64 tasks = (*counts)->value(0).toLongLong();
    const qint64 priorities = (*counts)->value(1).toLongLong();
    (*counts)->finish();
    QStringList parts;
    if (tasks > 0)
        parts.append(tasks == 1 ? u"it owns 1 task"_s : u"it owns %1 tasks"_s.arg(tasks));
    if (priorities > 0) {
        parts.append(priorities == 1 ? u"it has set the priority of 1 delta"_s
                                     : u"it has set the priority of %1 deltas"_s.arg(priorities));
    }
    return parts.join(u" and "_s);
}

Result<RemovedOrganisation> OrganisationStore::remove(qint64 id)
{
    if (const Status allowed = TeamRights::toAdminister(m_db, u"remove organisations"_s);
        !allowed) {
        return Error{allowed.error()};
    }
    Transaction transaction(m_db);
    const auto existing = byId(id);
    if (!existing)
        return Error{existing.error()};
    const auto referred = references(id);
    if (!referred)
        return Error{referred.error()};
    if (!referred->isEmpty()) {
        return Error{u"cannot remove organisation %1: %2"_s.arg(InputText::quoted(existing->name),
                                                                *referred)};
    }
    RemovedOrganisation removed{*existing, {}};
    const auto boards = m_db.run(
        u"SELECT id, name, archive_after_days FROM boards WHERE organisation_id = ? ORDER BY id"_s,
        {id});
    if (!boards)
        return Error{boards.error()};
    while ((*boards)->next()) {
        removed.boards.append({(*boards)->value(0).toLongLong(),
                               id,
                               (*boards)->value(1).toString(),
                               {},
                               (*boards)->value(2).toInt()});
    }
    BoardStore boardStore(m_db);
    for (Board &board : removed.boards) {
        const auto columns = m_db.run(u"SELECT id FROM board_columns WHERE board_id = ? "
                                      u"ORDER BY position"_s,
                                      {board.id});
        if (!columns)
            return Error{columns.error()};
        QList<qint64> ids;
        while ((*columns)->next())
            ids.append((*columns)->value(0).toLongLong());
        for (const qint64 columnId : std::as_const(ids)) {
            const auto column = boardStore.column(columnId);
            if (!column)
                return Error{column.error()};
            board.columns.append(*column);
        }
    }
    // Boards and columns go with it (ON DELETE CASCADE).
    if (const auto deleted = m_db.run(u"DELETE FROM organisations WHERE id = ?"_s, {id});
        !deleted) {
        return Error{u"cannot remove organisation %1: %2"_s.arg(InputText::quoted(existing->name),
                                                                deleted.error())};
    }
    if (const Status logged
        = History(m_db).record(u"organisation"_s, id, u"deleted"_s, existing->name, {});
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return removed;
}

Status OrganisationStore::restore(const RemovedOrganisation &removed)
{
    Transaction transaction(m_db);
    const Organisation &o = removed.organisation;
    if (const Status free = checkName(o.name, o.id); !free)
        return free;
    if (const auto inserted
        = m_db.run(u"INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)"_s,
                   {o.id, o.name, o.createdAt});
        !inserted) {
        return Error{u"cannot restore organisation %1: %2"_s.arg(InputText::quoted(o.name),
                                                                 inserted.error())};
    }
    for (const Board &board : removed.boards) {
        if (const auto inserted = m_db.run(u"INSERT INTO boards (id, organisation_id, name, "
                                           u"archive_after_days) VALUES (?, ?, ?, ?)"_s,
                                           {board.id, o.id, board.name, board.archiveAfterDays});
            !inserted) {
            return Error{inserted.error()};
        }
        for (const BoardColumn &column : board.columns) {
            if (const auto inserted
                = m_db.run(u"INSERT INTO board_columns (id, board_id, name, position, wip_limit, "
                           u"starts_work, is_done) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                           {column.id, board.id, column.name, column.position,
                            Sql::optionalValue(column.wipLimit), column.startsWork ? 1 : 0,
                            column.isDone ? 1 : 0});
                !inserted) {
                return Error{inserted.error()};
            }
        }
    }
    if (const Status logged
        = History(m_db).record(u"organisation"_s, o.id, u"created"_s, {}, o.name);
        !logged) {
        return logged;
    }
    return transaction.commit();
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
    return BoardStore(m_db).board(organisationId);
}

} // namespace Deltaboard
