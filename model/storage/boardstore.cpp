#include "boardstore.h"

#include "dialect.h"
#include "history.h"
#include "inputtext.h"
#include "sqlvalues.h"
#include "teamrights.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

BoardColumn columnFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(),      q.value(2).toString(),
            q.value(3).toInt(),      Sql::optionalInt(q.value(4)), q.value(5).toBool(),
            q.value(6).toBool()};
}

const QString kSelectColumns = u"SELECT id, board_id, name, position, wip_limit, starts_work, "
                               u"is_done FROM board_columns "_s;

Status logColumn(Database &db, qint64 columnId, const QString &field, const QVariant &before,
                 const QVariant &after)
{
    return History(db).record(u"board_column"_s, columnId, field, before, after);
}

// A board's columns and settings are its organisation's members' and admins' (TeamRights).
// 'sql' reads the organisation from one bound id.
Status mayArrange(Database &db, const QString &sql, qint64 id)
{
    if (db.rights().everything)
        return {};
    const auto organisation = db.scalar(sql, {id});
    if (!organisation)
        return Error{organisation.error()};
    return organisation->isValid() ? TeamRights::toArrange(db, organisation->toLongLong())
                                   : Status();
}

Status mayArrangeBoard(Database &db, qint64 boardId)
{
    return mayArrange(db, u"SELECT organisation_id FROM boards WHERE id = ?"_s, boardId);
}

Status mayArrangeColumn(Database &db, qint64 columnId)
{
    return mayArrange(db,
                      u"SELECT b.organisation_id FROM board_columns c JOIN boards b ON b.id = "
                      u"c.board_id WHERE c.id = ?"_s,
                      columnId);
}

Status checkSettings(const ColumnSettings &settings)
{
    if (settings.name.trimmed().isEmpty())
        return Error{u"a column needs a name"_s};
    if (settings.wipLimit && *settings.wipLimit < 1)
        return Error{u"a WIP limit must be at least 1 (or none)"_s};
    if (settings.startsWork && settings.isDone)
        return Error{u"column %1 cannot both start work and be done"_s.arg(
            InputText::quoted(settings.name.trimmed()))};
    return {};
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

} // namespace

QList<ColumnSettings> BoardStore::templateColumns(BoardTemplate kind)
{
    switch (kind) {
    case BoardTemplate::Kanban:
        return {{u"Backlog"_s, std::nullopt, false, false},
                {u"Ready"_s, 20, false, false},
                {u"In progress"_s, 8, true, false},
                {u"Review"_s, 5, true, false},
                {u"Done"_s, std::nullopt, false, true}};
    case BoardTemplate::Simple:
        return {{u"To do"_s, std::nullopt, false, false},
                {u"Doing"_s, 5, true, false},
                {u"Done"_s, std::nullopt, false, true}};
    }
    return {};
}

QStringList BoardStore::templateNames()
{
    return {u"kanban"_s, u"simple"_s};
}

Result<BoardTemplate> BoardStore::templateNamed(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == u"kanban"_s)
        return BoardTemplate::Kanban;
    if (key == u"simple"_s)
        return BoardTemplate::Simple;
    return Error{u"unknown board template %1 (expected %2)"_s.arg(InputText::quoted(name),
                                                                  templateNames().join(u" or "_s))};
}

Result<Board> BoardStore::board(qint64 organisationId)
{
    const auto boardQuery = m_db.run(u"SELECT id, name, archive_after_days FROM boards "
                                     u"WHERE organisation_id = ? ORDER BY id LIMIT 1"_s,
                                     {organisationId});
    if (!boardQuery)
        return Error{boardQuery.error()};
    if (!(*boardQuery)->next())
        return Error{u"organisation %1 has no board"_s.arg(organisationId)};
    Board board{(*boardQuery)->value(0).toLongLong(),
                organisationId,
                (*boardQuery)->value(1).toString(),
                {},
                (*boardQuery)->value(2).toInt()};
    (*boardQuery)->finish();

    const auto columns
        = m_db.run(kSelectColumns + u"WHERE board_id = ? ORDER BY position"_s, {board.id});
    if (!columns)
        return Error{columns.error()};
    while ((*columns)->next())
        board.columns.append(columnFrom(**columns));
    return board;
}

Result<BoardColumn> BoardStore::column(qint64 columnId)
{
    const auto query = m_db.run(kSelectColumns + u"WHERE id = ?"_s, {columnId});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no column with id %1"_s.arg(columnId)};
    BoardColumn column = columnFrom(**query);
    (*query)->finish();
    return column;
}

Result<BoardColumn> BoardStore::findColumn(qint64 organisationId, const QString &nameOrPosition)
{
    const auto found = board(organisationId);
    if (!found)
        return Error{found.error()};
    const QString wanted = nameOrPosition.trimmed();
    for (const BoardColumn &column : found->columns) {
        if (column.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return column;
    }
    bool isNumber = false;
    const int position = wanted.toInt(&isNumber);
    if (isNumber && position >= 1 && position <= found->columns.size())
        return found->columns.at(position - 1);
    QStringList names;
    for (const BoardColumn &column : found->columns)
        names.append(column.name);
    return Error{u"no column %1 on this board (columns: %2)"_s.arg(InputText::quoted(wanted),
                                                                   names.join(u", "_s))};
}

Result<QHash<qint64, qint64>> BoardStore::cardCounts(qint64 organisationId)
{
    const auto cutoff = archiveCutoff(organisationId);
    if (!cutoff)
        return Error{cutoff.error()};
    const auto query = m_db.run(u"SELECT t.column_id, count(*) FROM tasks t "
                                u"WHERE t.organisation_id = ? AND "_s
                                    + shownOnBoard() + u" GROUP BY t.column_id"_s,
                                {organisationId, *cutoff, *cutoff});
    if (!query)
        return Error{query.error()};
    QHash<qint64, qint64> counts;
    while ((*query)->next())
        counts.insert((*query)->value(0).toLongLong(), (*query)->value(1).toLongLong());
    return counts;
}

Result<QList<qint64>> BoardStore::columnOrder(qint64 boardId)
{
    const auto query = m_db.run(
        u"SELECT id FROM board_columns WHERE board_id = ? ORDER BY position"_s, {boardId});
    if (!query)
        return Error{query.error()};
    return Sql::ids(**query);
}

Status BoardStore::renumber(qint64 boardId, const QList<qint64> &order)
{
    // Positions are unique per board, so they go through negative numbers first: no moment
    // has two columns on one position whatever order the rows are updated in.
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < order.size(); ++i) {
            const qsizetype position = pass == 0 ? -1 - i : i;
            const auto updated
                = m_db.run(u"UPDATE board_columns SET position = ? WHERE id = ? AND board_id = ?"_s,
                           {position, order.at(i), boardId});
            if (!updated)
                return Error{u"cannot reorder the columns: %1"_s.arg(updated.error())};
        }
    }
    return {};
}

Status BoardStore::checkColumnName(qint64 boardId, const QString &name, qint64 exceptColumnId)
{
    const auto clash = m_db.scalar(u"SELECT count(*) FROM board_columns WHERE board_id = ? "
                                   u"AND lower(name) = lower(?) AND id <> ?"_s,
                                   {boardId, name, exceptColumnId});
    if (!clash)
        return Error{clash.error()};
    if (clash->toLongLong() > 0)
        return Error{u"the board already has a column %1"_s.arg(InputText::quoted(name))};
    return {};
}

Result<BoardColumn> BoardStore::addColumn(qint64 boardId, const ColumnSettings &settings,
                                          std::optional<int> position, std::optional<qint64> id)
{
    if (const Status allowed = mayArrangeBoard(m_db, boardId); !allowed)
        return Error{allowed.error()};
    if (const Status valid = checkSettings(settings); !valid)
        return Error{valid.error()};
    const QString name = settings.name.trimmed();
    Transaction transaction(m_db);
    if (const Status free = checkColumnName(boardId, name, 0); !free)
        return Error{free.error()};
    const auto existingOrder = columnOrder(boardId);
    if (!existingOrder)
        return Error{existingOrder.error()};
    QList<qint64> order = *existingOrder;
    int at = int(order.size());
    if (position) {
        at = std::clamp(*position, 0, int(order.size()));
    } else {
        const auto firstDone = m_db.scalar(u"SELECT min(position) FROM board_columns "
                                           u"WHERE board_id = ? AND is_done = 1"_s,
                                           {boardId});
        if (!firstDone)
            return Error{firstDone.error()};
        if (!firstDone->isNull())
            at = std::min(at, firstDone->toInt());
    }
    const auto inserted = m_db.insert(
        u"INSERT INTO board_columns (id, board_id, name, position, wip_limit, starts_work, "
        u"is_done) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {Sql::optionalValue(id), boardId, name, -2 - int(order.size()),
         Sql::optionalValue(settings.wipLimit), settings.startsWork ? 1 : 0,
         settings.isDone ? 1 : 0});
    if (!inserted) {
        if (inserted.error().contains(u"FOREIGN KEY"_s))
            return Error{u"no board with id %1"_s.arg(boardId)};
        return Error{u"cannot add column %1: %2"_s.arg(InputText::quoted(name), inserted.error())};
    }
    const qint64 columnId = *inserted;
    order.insert(at, columnId);
    if (const Status renumbered = renumber(boardId, order); !renumbered)
        return Error{renumbered.error()};
    if (const Status logged = logColumn(m_db, columnId, u"created"_s, {}, name); !logged)
        return Error{logged.error()};
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return BoardColumn{columnId,       boardId, name, at, settings.wipLimit, settings.startsWork,
                       settings.isDone};
}

Status BoardStore::renameColumn(qint64 columnId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"a column needs a name"_s};
    if (const Status allowed = mayArrangeColumn(m_db, columnId); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto existing = column(columnId);
    if (!existing)
        return Error{existing.error()};
    if (existing->name == trimmed)
        return transaction.commit();
    if (const Status free = checkColumnName(existing->boardId, trimmed, columnId); !free)
        return free;
    if (const auto updated
        = m_db.run(u"UPDATE board_columns SET name = ? WHERE id = ?"_s, {trimmed, columnId});
        !updated) {
        return Error{u"cannot rename column %1: %2"_s.arg(InputText::quoted(existing->name),
                                                          updated.error())};
    }
    if (const Status logged = logColumn(m_db, columnId, u"name"_s, existing->name, trimmed);
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Status BoardStore::moveColumn(qint64 columnId, int position)
{
    if (const Status allowed = mayArrangeColumn(m_db, columnId); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto existing = column(columnId);
    if (!existing)
        return Error{existing.error()};
    const auto existingOrder = columnOrder(existing->boardId);
    if (!existingOrder)
        return Error{existingOrder.error()};
    QList<qint64> order = *existingOrder;
    const int to = std::clamp(position, 0, int(order.size()) - 1);
    if (to == existing->position)
        return transaction.commit();
    order.removeOne(columnId);
    order.insert(to, columnId);
    if (const Status renumbered = renumber(existing->boardId, order); !renumbered)
        return renumbered;
    if (const Status logged = logColumn(m_db, columnId, u"position"_s, existing->position, to);
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Status BoardStore::setColumn(qint64 columnId, std::optional<int> wipLimit, bool startsWork,
                             bool isDone)
{
    if (const Status allowed = mayArrangeColumn(m_db, columnId); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto existing = column(columnId);
    if (!existing)
        return Error{existing.error()};
    if (const Status valid = checkSettings({existing->name, wipLimit, startsWork, isDone});
        !valid) {
        return valid;
    }
    const auto updated
        = m_db.run(u"UPDATE board_columns SET wip_limit = ?, starts_work = ?, "
                   u"is_done = ? WHERE id = ?"_s,
                   {Sql::optionalValue(wipLimit), startsWork ? 1 : 0, isDone ? 1 : 0, columnId});
    if (!updated)
        return Error{u"cannot change column %1: %2"_s.arg(InputText::quoted(existing->name),
                                                          updated.error())};
    if (const Status logged = History(m_db).recordChanges(
            u"board_column"_s, columnId,
            {{u"wip_limit"_s, Sql::optionalValue(existing->wipLimit), Sql::optionalValue(wipLimit)},
             {u"starts_work"_s, existing->startsWork, startsWork},
             {u"is_done"_s, existing->isDone, isDone}});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<RemovedColumn> BoardStore::removeColumn(qint64 columnId, std::optional<qint64> destinationId)
{
    if (const Status allowed = mayArrangeColumn(m_db, columnId); !allowed)
        return Error{allowed.error()};
    Transaction transaction(m_db);
    const auto existing = column(columnId);
    if (!existing)
        return Error{existing.error()};
    RemovedColumn removed{*existing, {}};
    const auto cards = m_db.run(u"SELECT id, started_at, done_at FROM tasks WHERE column_id = ? "
                                u"ORDER BY rank, id"_s,
                                {columnId});
    if (!cards)
        return Error{cards.error()};
    while ((*cards)->next()) {
        removed.cards.append({(*cards)->value(0).toLongLong(),
                              {(*cards)->value(1).toString(), (*cards)->value(2).toString()}});
    }
    const auto total = columnOrder(existing->boardId);
    if (!total)
        return Error{total.error()};
    if (total->size() == 1)
        return Error{u"column %1 is the board's only column; add another first"_s.arg(
            InputText::quoted(existing->name))};
    if (!removed.cards.isEmpty()) {
        if (!destinationId) {
            const QString name = InputText::quoted(existing->name);
            return Error{
                removed.cards.size() == 1
                    ? u"column %1 holds 1 card; say which column it goes to"_s.arg(name)
                    : u"column %1 holds %2 cards; say which column they go to"_s.arg(name).arg(
                        removed.cards.size())};
        }
        const auto destination = column(*destinationId);
        if (!destination)
            return Error{destination.error()};
        if (destination->boardId != existing->boardId || destination->id == columnId) {
            return Error{u"the cards of column %1 must go to another column of its board"_s.arg(
                InputText::quoted(existing->name))};
        }
        TaskStore tasks(m_db);
        for (const RemovedColumn::Card &card : std::as_const(removed.cards)) {
            if (const Status moved = tasks.move(card.taskId, destination->id); !moved)
                return Error{moved.error()};
        }
    }
    if (const auto deleted = m_db.run(u"DELETE FROM board_columns WHERE id = ?"_s, {columnId});
        !deleted) {
        return Error{u"cannot remove column %1: %2"_s.arg(InputText::quoted(existing->name),
                                                          deleted.error())};
    }
    auto order = *total;
    order.removeOne(columnId);
    if (const Status renumbered = renumber(existing->boardId, order); !renumbered)
        return Error{renumbered.error()};
    if (const Status logged = logColumn(m_db, columnId, u"deleted"_s, existing->name, {});
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return removed;
}

Status BoardStore::restoreColumn(const RemovedColumn &removed)
{
    Transaction transaction(m_db);
    const BoardColumn &c = removed.column;
    const auto added
        = addColumn(c.boardId, {c.name, c.wipLimit, c.startsWork, c.isDone}, c.position, c.id);
    if (!added)
        return Error{added.error()};
    TaskStore tasks(m_db);
    for (const RemovedColumn::Card &card : removed.cards) {
        if (const Status moved = tasks.move(card.taskId, c.id, std::nullopt, card.times); !moved)
            return moved;
    }
    return transaction.commit();
}

Status BoardStore::setArchiveAfter(qint64 boardId, int days)
{
    if (days < 0)
        return Error{u"the archive period is a number of days, 0 or more"_s};
    if (const Status allowed = mayArrangeBoard(m_db, boardId); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto before
        = m_db.scalar(u"SELECT archive_after_days FROM boards WHERE id = ?"_s, {boardId});
    if (!before)
        return Error{before.error()};
    if (before->isNull())
        return Error{u"no board with id %1"_s.arg(boardId)};
    if (const auto updated
        = m_db.run(u"UPDATE boards SET archive_after_days = ? WHERE id = ?"_s, {days, boardId});
        !updated) {
        return Error{updated.error()};
    }
    if (before->toInt() != days) {
        if (const Status logged
            = History(m_db).record(u"board"_s, boardId, u"archive_after_days"_s, *before, days);
            !logged) {
            return logged;
        }
    }
    return transaction.commit();
}

QString BoardStore::shownOnBoard()
{
    return u"(t.archived_at IS NULL AND (t.done_at IS NULL OR t.done_at > ? OR t.updated_at > ?))"_s;
}

Result<QString> BoardStore::archiveCutoff(qint64 organisationId)
{
    const auto days = m_db.scalar(
        u"SELECT archive_after_days FROM boards WHERE organisation_id = ? ORDER BY id LIMIT 1"_s,
        {organisationId});
    if (!days)
        return Error{days.error()};
    if (!days->isValid() || days->toInt() == 0)
        return QString(u""_s); // every time sorts after ""
    return Clock::toText(m_db.clock().now().addDays(-days->toLongLong()));
}

Result<QList<qint64>> BoardStore::doneOnBoard(qint64 organisationId)
{
    const auto cutoff = archiveCutoff(organisationId);
    if (!cutoff)
        return Error{cutoff.error()};
    const auto query = m_db.run(u"SELECT t.id FROM tasks t WHERE t.organisation_id = ? "
                                u"AND t.done_at IS NOT NULL AND "_s
                                    + shownOnBoard() + u" ORDER BY t.id"_s,
                                {organisationId, *cutoff, *cutoff});
    if (!query)
        return Error{query.error()};
    return Sql::ids(**query);
}

Result<QList<qint64>> BoardStore::archiveDoneCards(qint64 organisationId)
{
    Transaction transaction(m_db);
    const auto ids = doneOnBoard(organisationId);
    if (!ids)
        return Error{ids.error()};
    if (const Status archived = setArchived(*ids, true); !archived)
        return Error{archived.error()};
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return *ids;
}

Status BoardStore::archive(const QList<qint64> &taskIds)
{
    Transaction transaction(m_db);
    if (const Status archived = setArchived(taskIds, true); !archived)
        return archived;
    return transaction.commit();
}

Status BoardStore::restore(const QList<qint64> &taskIds)
{
    Transaction transaction(m_db);
    if (const Status restored = setArchived(taskIds, false); !restored)
        return restored;
    return transaction.commit();
}

Status BoardStore::setArchived(const QList<qint64> &taskIds, bool archived)
{
    const QString now = m_db.clock().nowText();
    History history(m_db);
    for (const qint64 id : taskIds) {
        if (const Status allowed = TeamRights::toChangeTask(m_db, id, u"its board"_s); !allowed) {
            return allowed;
        }
        const auto state = m_db.run(u"SELECT done_at, archived_at FROM tasks WHERE id = ?"_s, {id});
        if (!state)
            return Error{state.error()};
        if (!(*state)->next())
            return Error{u"no task with id %1"_s.arg(id)};
        const bool isDone = !(*state)->value(0).isNull();
        const QVariant archivedBefore = (*state)->value(1);
        (*state)->finish();
        // Archiving one already archived changes nothing; restoring always touches the card, so
        // that one which left by age comes back for another period.
        if (archived && !archivedBefore.isNull())
            continue;
        if (!archived && !isDone)
            continue; // an open card is on the board
        if (archived && !isDone)
            return Error{u"task %1 is not done; only done cards are archived"_s.arg(id)};
        // Archiving leaves updated_at alone (the card did not change); restoring touches it.
        const auto updated = archived
                                 ? m_db.run(u"UPDATE tasks SET archived_at = ?, row_version = "
                                            u"row_version + 1 WHERE id = ?"_s,
                                            {now, id})
                                 : m_db.run(u"UPDATE tasks SET archived_at = NULL, updated_at = ?, "
                                            u"row_version = row_version + 1 WHERE id = ?"_s,
                                            {now, id});
        if (!updated)
            return Error{u"cannot change task %1: %2"_s.arg(id).arg(updated.error())};
        if (const Status logged
            = archivedBefore.isNull() && !archived
                  ? history.record(u"task"_s, id, u"restored"_s, {}, now)
                  : history.record(u"task"_s, id, u"archived_at"_s, archivedBefore,
                                   archived ? QVariant(now) : nullText());
            !logged) {
            return logged;
        }
    }
    return {};
}

Result<QList<ArchivedCard>> BoardStore::archivedCards(qint64 organisationId)
{
    const auto found = board(organisationId);
    const auto cutoff = archiveCutoff(organisationId);
    if (!found || !cutoff)
        return Error{found ? cutoff.error() : found.error()};
    const auto query
        = m_db.run(u"SELECT t.id, t.title, t.assignee, t.done_at, t.archived_at, "_s
                       + Dialect::greatest(m_db, u"t.done_at"_s, u"t.updated_at"_s)
                       + u" FROM tasks t WHERE t.organisation_id = ? AND NOT "_s + shownOnBoard(),
                   {organisationId, *cutoff, *cutoff});
    if (!query)
        return Error{query.error()};
    QList<ArchivedCard> cards;
    while ((*query)->next()) {
        const QSqlQuery &q = **query;
        // A card that left by age left when its period ran out after its last touch.
        QString left = q.value(4).toString();
        if (left.isEmpty()) {
            left = Clock::toText(
                Clock::fromText(q.value(5).toString()).addDays(found->archiveAfterDays));
        }
        cards.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(), left});
    }
    std::sort(cards.begin(), cards.end(), [](const ArchivedCard &a, const ArchivedCard &b) {
        return a.archivedAt != b.archivedAt ? a.archivedAt > b.archivedAt : a.taskId > b.taskId;
    });
    return cards;
}

} // namespace Deltaboard
