#include "triagestore.h"

#include "history.h"
#include "sqlvalues.h"
#include "teamrights.h"

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// The foreign keys refuse a missing organisation, group or delta; this turns the refusal into
// a message naming which one is missing. It runs only after a failed write, so the common path
// pays no existence checks.
QString missingRecord(Database &db, const QString &error, const QString &table, qint64 id,
                      const QString &what, qint64 deltaId)
{
    if (!error.contains(u"FOREIGN KEY"_s))
        return error;
    // Table names come from the callers' fixed arguments.
    const auto found = db.scalar(u"SELECT 1 FROM %1 WHERE id = ?"_s.arg(table), {id});
    if (found && !found->isValid())
        return u"no %1 with id %2"_s.arg(what).arg(id);
    return u"no delta with id %1"_s.arg(deltaId);
}

QVariant levelText(const QVariant &level, QString (*name)(int))
{
    return level.isNull() ? QVariant() : QVariant(name(level.toInt()));
}

} // namespace

Status TriageStore::setPriority(qint64 organisationId, qint64 deltaId, std::optional<int> level)
{
    if (level && (*level < 0 || *level > 4))
        return Error{u"priority level %1 is out of range (0..4)"_s.arg(*level)};
    if (const Status allowed = TeamRights::toChange(m_db, organisationId, u"its priorities"_s);
        !allowed) {
        return allowed;
    }
    Transaction transaction(m_db);
    const auto before
        = m_db.scalar(u"SELECT level FROM priorities WHERE organisation_id = ? AND delta_id = ?"_s,
                      {organisationId, deltaId});
    if (!before)
        return Error{before.error()};
    const QVariant old = before->isValid() ? *before : QVariant();
    const QVariant now = level ? QVariant(*level) : QVariant();
    if (old.isNull() && now.isNull()) {
        // Clearing what is not there: fine, unless the organisation or delta does not exist.
        const auto found = m_db.scalar(u"SELECT CAST((SELECT count(*) FROM organisations WHERE "
                                       u"id = ?) AS text) || CAST((SELECT count(*) FROM deltas "
                                       u"WHERE id = ?) AS text)"_s,
                                       {organisationId, deltaId});
        if (!found)
            return Error{found.error()};
        if (found->toString() != u"11"_s) {
            return Error{found->toString().startsWith(u'0')
                             ? u"no organisation with id %1"_s.arg(organisationId)
                             : u"no delta with id %1"_s.arg(deltaId)};
        }
        return transaction.commit();
    }
    if (!old.isNull() && !now.isNull() && old.toInt() == *level)
        return transaction.commit(); // unchanged: no write, no history

    if (level) {
        // A new or re-levelled priority goes to the end of its level. The rank is computed here
        // rather than left to the schema's triggers, which would rewrite the row just written.
        const auto set = m_db.attempt([&] {
            return m_db.run(
                u"INSERT INTO priorities (organisation_id, delta_id, level, rank, updated_at) "
                u"VALUES (?, ?, ?, (SELECT coalesce(max(rank), 0) + 1024 FROM priorities "
                u"WHERE organisation_id = ? AND level = ?), ?) "
                u"ON CONFLICT (organisation_id, delta_id) DO UPDATE SET level = excluded.level, "
                u"rank = CASE WHEN priorities.level = excluded.level THEN priorities.rank "
                u"ELSE excluded.rank END, updated_at = excluded.updated_at"_s,
                {organisationId, deltaId, *level, organisationId, *level, m_db.clock().nowText()});
        });
        if (!set) {
            return Error{missingRecord(m_db, set.error(), u"organisations"_s, organisationId,
                                       u"organisation"_s, deltaId)};
        }
    } else {
        const auto removed
            = m_db.run(u"DELETE FROM priorities WHERE organisation_id = ? AND delta_id = ?"_s,
                       {organisationId, deltaId});
        if (!removed)
            return Error{removed.error()};
    }
    if (const Status logged = History(m_db).record(
            u"delta"_s, deltaId, u"priority:%1"_s.arg(organisationId),
            levelText(old, &Levels::priorityName), levelText(now, &Levels::priorityName));
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<QList<PriorityEntry>> TriageStore::priorities(qint64 deltaId)
{
    const auto query = m_db.run(u"SELECT p.organisation_id, o.name, p.level, p.updated_at "
                                u"FROM priorities p JOIN organisations o ON o.id = "
                                u"p.organisation_id WHERE p.delta_id = ? ORDER BY o.name"_s,
                                {deltaId});
    if (!query)
        return Error{query.error()};
    QList<PriorityEntry> entries;
    QSqlQuery &q = **query;
    while (q.next()) {
        entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                        q.value(3).toString()});
    }
    return entries;
}

Status TriageStore::placeInRanking(qint64 organisationId, qint64 deltaId, int level,
                                   std::optional<qint64> beforeDeltaId)
{
    if (beforeDeltaId && *beforeDeltaId == deltaId)
        return Error{u"delta %1 cannot be ranked before itself"_s.arg(deltaId)};
    if (const Status allowed = TeamRights::toChange(m_db, organisationId, u"its priorities"_s);
        !allowed) {
        return allowed;
    }
    Transaction transaction(m_db);
    // The level first: a new or changed level puts the delta at the end of that level (a
    // trigger of schema version 2), from where it moves to its place below.
    if (const Status set = setPriority(organisationId, deltaId, level); !set)
        return set;
    const auto current
        = m_db.scalar(u"SELECT rank FROM priorities WHERE organisation_id = ? AND delta_id = ?"_s,
                      {organisationId, deltaId});
    if (!current)
        return Error{current.error()};
    const qint64 oldRank = current->toLongLong();

    // Ranks are kGap apart when numbered; a move takes the middle of the gap it lands in and the
    // level is renumbered only when that gap is used up.
    constexpr qint64 kGap = 1024;
    const auto target = [&]() -> Result<std::optional<qint64>> {
        if (!beforeDeltaId) {
            const auto last = m_db.scalar(
                u"SELECT max(rank) FROM priorities WHERE organisation_id = ? AND level = ? "
                u"AND delta_id <> ?"_s,
                {organisationId, level, deltaId});
            if (!last)
                return Error{last.error()};
            if (last->isNull() || last->toLongLong() < oldRank)
                return std::optional<qint64>(); // already the last of its level
            return std::optional<qint64>(last->toLongLong() + kGap);
        }
        const auto before = m_db.run(
            u"SELECT level, rank FROM priorities WHERE organisation_id = ? AND delta_id = ?"_s,
            {organisationId, *beforeDeltaId});
        if (!before)
            return Error{before.error()};
        if (!(*before)->next()) {
            return Error{u"delta %1 is not in this organisation's ranking"_s.arg(*beforeDeltaId)};
        }
        const int beforeLevel = (*before)->value(0).toInt();
        const qint64 beforeRank = (*before)->value(1).toLongLong();
        (*before)->finish();
        if (beforeLevel != level) {
            return Error{u"delta %1 is %2, not %3: a delta is ranked among its own level"_s
                             .arg(*beforeDeltaId)
                             .arg(Levels::priorityName(beforeLevel), Levels::priorityName(level))};
        }
        const auto previous = m_db.run(
            u"SELECT delta_id, rank FROM priorities WHERE organisation_id = ? AND level = ? "
            u"AND (rank < ? OR (rank = ? AND delta_id < ?)) "
            u"ORDER BY rank DESC, delta_id DESC LIMIT 1"_s,
            {organisationId, level, beforeRank, beforeRank, *beforeDeltaId});
        if (!previous)
            return Error{previous.error()};
        if (!(*previous)->next())
            return std::optional<qint64>(beforeRank - kGap); // first of its level
        const qint64 previousId = (*previous)->value(0).toLongLong();
        const qint64 previousRank = (*previous)->value(1).toLongLong();
        (*previous)->finish();
        if (previousId == deltaId)
            return std::optional<qint64>(); // already there
        if (beforeRank - previousRank >= 2)
            return std::optional<qint64>(previousRank + (beforeRank - previousRank) / 2);
        return std::optional<qint64>(std::numeric_limits<qint64>::min()); // renumber first
    };
    auto rank = target();
    if (!rank)
        return Error{rank.error()};
    if (*rank && **rank == std::numeric_limits<qint64>::min()) {
        // The gap is used up: number the level kGap apart again, in its current order, from one
        // snapshot of it (row_number() over the old ranks).
        const auto renumbered
            = m_db.run(u"UPDATE priorities SET rank = r.position * ? FROM (SELECT delta_id AS d, "
                       u"row_number() OVER (ORDER BY rank, delta_id) AS position FROM priorities "
                       u"WHERE organisation_id = ? AND level = ?) AS r "
                       u"WHERE priorities.organisation_id = ? AND priorities.delta_id = r.d"_s,
                       {kGap, organisationId, level, organisationId});
        if (!renumbered)
            return Error{u"cannot renumber the ranking: %1"_s.arg(renumbered.error())};
        rank = target();
        if (!rank)
            return Error{rank.error()};
    }
    if (!*rank)
        return transaction.commit();
    // The moved delta's own rank before the renumbering is what history shows as the old place.
    const auto moved
        = m_db.run(u"UPDATE priorities SET rank = ? WHERE organisation_id = ? AND delta_id = ?"_s,
                   {**rank, organisationId, deltaId});
    if (!moved)
        return Error{moved.error()};
    if (const Status logged = History(m_db).record(
            u"delta"_s, deltaId, u"rank:%1"_s.arg(organisationId), oldRank, **rank);
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<std::optional<qint64>> TriageStore::nextInRanking(qint64 organisationId, qint64 deltaId)
{
    const auto next = m_db.scalar(
        u"SELECT n.delta_id FROM priorities p JOIN priorities n ON n.organisation_id = "
        u"p.organisation_id AND n.level = p.level AND (n.rank > p.rank OR (n.rank = p.rank AND "
        u"n.delta_id > p.delta_id)) WHERE p.organisation_id = ? AND p.delta_id = ? "
        u"ORDER BY n.rank, n.delta_id LIMIT 1"_s,
        {organisationId, deltaId});
    if (!next)
        return Error{next.error()};
    return next->isValid() ? std::optional<qint64>(next->toLongLong()) : std::nullopt;
}

Result<QList<qint64>> TriageStore::ranking(qint64 organisationId)
{
    return m_db.integers(u"SELECT delta_id FROM priorities WHERE organisation_id = ? "
                         u"ORDER BY level DESC, rank, delta_id"_s,
                         {organisationId});
}

Status TriageStore::setImpact(qint64 deltaId, qint64 groupId, std::optional<int> level,
                              std::optional<qint64> affectedUsers)
{
    if (level && (*level < 0 || *level > 4))
        return Error{u"impact level %1 is out of range (0..4)"_s.arg(*level)};
    if (affectedUsers && *affectedUsers < 0)
        return Error{u"affected users cannot be negative (%1)"_s.arg(*affectedUsers)};
    if (const Status allowed = TeamRights::toShare(m_db, u"assess impact"_s); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto before = m_db.run(
        u"SELECT level, affected_users FROM impacts WHERE delta_id = ? AND group_id = ?"_s,
        {deltaId, groupId});
    if (!before)
        return Error{before.error()};
    QVariant oldLevel;
    QVariant oldUsers;
    if ((*before)->next()) {
        oldLevel = (*before)->value(0);
        oldUsers = (*before)->value(1);
    }
    (*before)->finish();
    const QVariant newLevel = level ? QVariant(*level) : QVariant();
    // Without --users an existing estimate is kept.
    const QVariant newUsers
        = !level ? QVariant() : (affectedUsers ? QVariant(*affectedUsers) : oldUsers);

    History history(m_db);
    const bool levelChanged = oldLevel.isNull() != newLevel.isNull()
                              || (!oldLevel.isNull() && oldLevel.toInt() != newLevel.toInt());
    const bool usersChanged
        = oldUsers.isNull() != newUsers.isNull()
          || (!oldUsers.isNull() && oldUsers.toLongLong() != newUsers.toLongLong());
    if (!levelChanged && !usersChanged) {
        if (!oldLevel.isNull())
            return transaction.commit(); // unchanged: no write, no history
        // Clearing what is not there: fine, unless the delta or group does not exist.
        const auto found = m_db.scalar(u"SELECT CAST((SELECT count(*) FROM deltas WHERE id = ?) "
                                       u"AS text) || CAST((SELECT count(*) FROM user_groups "
                                       u"WHERE id = ?) AS text)"_s,
                                       {deltaId, groupId});
        if (!found)
            return Error{found.error()};
        if (found->toString() != u"11"_s) {
            return Error{found->toString().startsWith(u'0')
                             ? u"no delta with id %1"_s.arg(deltaId)
                             : u"no user group with id %1"_s.arg(groupId)};
        }
        return transaction.commit();
    }

    if (level) {
        const auto set = m_db.attempt([&] {
            return m_db.run(
                u"INSERT INTO impacts (delta_id, group_id, level, affected_users, updated_at) "
                u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (delta_id, group_id) DO UPDATE SET "
                u"level = excluded.level, affected_users = excluded.affected_users, "
                u"updated_at = excluded.updated_at"_s,
                {deltaId, groupId, *level,
                 newUsers.isNull() ? QVariant(QMetaType::fromType<qint64>()) : newUsers,
                 m_db.clock().nowText()});
        });
        if (!set) {
            return Error{missingRecord(m_db, set.error(), u"user_groups"_s, groupId,
                                       u"user group"_s, deltaId)};
        }
    } else {
        const auto removed = m_db.run(u"DELETE FROM impacts WHERE delta_id = ? AND group_id = ?"_s,
                                      {deltaId, groupId});
        if (!removed)
            return Error{removed.error()};
    }
    if (levelChanged) {
        if (const Status logged = history.record(u"delta"_s, deltaId, u"impact:%1"_s.arg(groupId),
                                                 levelText(oldLevel, &Levels::impactName),
                                                 levelText(newLevel, &Levels::impactName));
            !logged) {
            return logged;
        }
    }
    if (usersChanged) {
        if (const Status logged = history.record(
                u"delta"_s, deltaId, u"affected_users:%1"_s.arg(groupId), oldUsers, newUsers);
            !logged) {
            return logged;
        }
    }
    return transaction.commit();
}

Result<QList<ImpactEntry>> TriageStore::impacts(qint64 deltaId)
{
    const auto query = m_db.run(u"SELECT i.group_id, g.name, i.level, i.affected_users, "
                                u"i.updated_at FROM impacts i JOIN user_groups g ON g.id = "
                                u"i.group_id WHERE i.delta_id = ? ORDER BY i.level DESC, g.name"_s,
                                {deltaId});
    if (!query)
        return Error{query.error()};
    QList<ImpactEntry> entries;
    QSqlQuery &q = **query;
    while (q.next()) {
        entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                        Sql::optionalId(q.value(3)), q.value(4).toString()});
    }
    return entries;
}

} // namespace Deltaboard
