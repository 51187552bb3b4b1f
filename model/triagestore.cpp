#include "triagestore.h"

#include "history.h"
#include "sqlvalues.h"

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
        const auto found = m_db.scalar(u"SELECT (SELECT count(*) FROM organisations WHERE id = ?)"
                                       u" || (SELECT count(*) FROM deltas WHERE id = ?)"_s,
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
        const auto set
            = m_db.run(u"INSERT INTO priorities (organisation_id, delta_id, level, updated_at) "
                       u"VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id, delta_id) "
                       u"DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at"_s,
                       {organisationId, deltaId, *level, m_db.clock().nowText()});
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

Status TriageStore::setImpact(qint64 deltaId, qint64 groupId, std::optional<int> level,
                              std::optional<qint64> affectedUsers)
{
    if (level && (*level < 0 || *level > 4))
        return Error{u"impact level %1 is out of range (0..4)"_s.arg(*level)};
    if (affectedUsers && *affectedUsers < 0)
        return Error{u"affected users cannot be negative (%1)"_s.arg(*affectedUsers)};
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
        const auto found = m_db.scalar(u"SELECT (SELECT count(*) FROM deltas WHERE id = ?) || "
                                       u"(SELECT count(*) FROM user_groups WHERE id = ?)"_s,
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
        const auto set = m_db.run(
            u"INSERT INTO impacts (delta_id, group_id, level, affected_users, updated_at) "
            u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (delta_id, group_id) DO UPDATE SET "
            u"level = excluded.level, affected_users = excluded.affected_users, "
            u"updated_at = excluded.updated_at"_s,
            {deltaId, groupId, *level,
             newUsers.isNull() ? QVariant(QMetaType::fromType<qint64>()) : newUsers,
             m_db.clock().nowText()});
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
