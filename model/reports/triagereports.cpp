#include "triagereports.h"

#include "sqlvalues.h"

using namespace Qt::StringLiterals;

namespace Deltaboard {

bool TriageReports::isStrongDisagreement(std::optional<int> a, std::optional<int> b)
{
    const auto high = [](std::optional<int> level) {
        return level && *level >= 3;
    };
    const auto low = [](std::optional<int> level) {
        return !level || *level <= 1;
    };
    return (high(a) && low(b)) || (high(b) && low(a));
}

Result<QList<DisagreementRow>> TriageReports::disagreement(qint64 first, qint64 second,
                                                           bool strongOnly)
{
    const auto query
        = m_db.run(u"SELECT d.id, d.kind, d.title, a.level, b.level FROM deltas d "
                   u"LEFT JOIN priorities a ON a.delta_id = d.id AND a.organisation_id = ? "
                   u"LEFT JOIN priorities b ON b.delta_id = d.id AND b.organisation_id = ? "
                   u"WHERE a.level IS NOT NULL OR b.level IS NOT NULL "
                   u"ORDER BY a.level IS NULL, a.level DESC, a.rank IS NULL, a.rank, d.id"_s,
                   {first, second});
    if (!query)
        return Error{u"cannot compare priorities: %1"_s.arg(query.error())};
    QList<DisagreementRow> rows;
    QSqlQuery &q = **query;
    while (q.next()) {
        DisagreementRow row;
        row.deltaId = q.value(0).toLongLong();
        row.kind = Levels::kindFromName(q.value(1).toString()).value_or(DeltaKind::Defect);
        row.title = q.value(2).toString();
        row.first = Sql::optionalInt(q.value(3));
        row.second = Sql::optionalInt(q.value(4));
        row.strong = isStrongDisagreement(row.first, row.second);
        if (!strongOnly || row.strong)
            rows.append(row);
    }
    return rows;
}

Result<QList<qint64>> TriageReports::rankingIds(qint64 first, qint64 second, bool strongOnly)
{
    // Both halves walk priorities_by_rank in order; the strong condition is
    // isStrongDisagreement() in SQL (no row on the other side counts as "low"). With nobody to
    // compare with, nothing disagrees.
    if (strongOnly && (second <= 0 || second == first))
        return QList<qint64>();
    const QString strong = strongOnly ? u"AND ((a.level >= 3 AND coalesce(b.level, 0) <= 1) "
                                        u"OR (a.level <= 1 AND b.level >= 3)) "_s
                                      : QString();
    auto ids = m_db.integers(u"SELECT a.delta_id FROM priorities a LEFT JOIN priorities b "
                             u"ON b.organisation_id = ? AND b.delta_id = a.delta_id "
                             u"WHERE a.organisation_id = ? "_s
                                 + strong + u"ORDER BY a.level DESC, a.rank, a.delta_id"_s,
                             {second, first});
    if (!ids)
        return Error{u"cannot read the ranking: %1"_s.arg(ids.error())};
    if (second <= 0 || second == first)
        return ids;
    const auto others = m_db.integers(
        u"SELECT b.delta_id FROM priorities b WHERE b.organisation_id = ? "_s
            + (strongOnly ? u"AND b.level >= 3 "_s : QString())
            + u"AND NOT EXISTS (SELECT 1 FROM priorities a WHERE a.organisation_id = ? "
              u"AND a.delta_id = b.delta_id) ORDER BY b.level DESC, b.rank, b.delta_id"_s,
        {second, first});
    if (!others)
        return Error{u"cannot read the ranking: %1"_s.arg(others.error())};
    QList<qint64> all = std::move(ids).value();
    all.append(*others);
    return all;
}

Result<QList<DisagreementRow>> TriageReports::rankingRows(const QList<qint64> &ids, qint64 first,
                                                          qint64 second)
{
    if (ids.size() > kRowsBatch)
        return Error{u"at most %1 rows at a time"_s.arg(kRowsBatch)};
    // Always kRowsBatch placeholders, so the statement is prepared once.
    static const QString sql
        = u"SELECT d.id, d.kind, d.title, a.level, b.level, d.top_impact FROM deltas d "
          u"LEFT JOIN priorities a ON a.organisation_id = ? AND a.delta_id = d.id "
          u"LEFT JOIN priorities b ON b.organisation_id = ? AND b.delta_id = d.id "
          u"WHERE d.id IN ("_s
          + Sql::placeholders(kRowsBatch) + u')';
    QVariantList values{first, second};
    values.append(Sql::paddedIds(ids, kRowsBatch));
    const auto query = m_db.run(sql, values);
    if (!query)
        return Error{u"cannot read the ranking: %1"_s.arg(query.error())};
    QHash<qint64, DisagreementRow> byId;
    QSqlQuery &q = **query;
    while (q.next()) {
        DisagreementRow row;
        row.deltaId = q.value(0).toLongLong();
        row.kind = Levels::kindFromName(q.value(1).toString()).value_or(DeltaKind::Defect);
        row.title = q.value(2).toString();
        row.first = Sql::optionalInt(q.value(3));
        row.second = second > 0 ? Sql::optionalInt(q.value(4)) : std::nullopt;
        row.topImpact = Sql::optionalInt(q.value(5));
        row.strong = second > 0 && isStrongDisagreement(row.first, row.second);
        byId.insert(row.deltaId, row);
    }
    // In the order asked for; a delta deleted meanwhile is an empty row, not a shift.
    QList<DisagreementRow> rows;
    rows.reserve(ids.size());
    for (const qint64 id : ids) {
        DisagreementRow missing;
        missing.deltaId = id;
        rows.append(byId.value(id, missing));
    }
    return rows;
}

Result<QList<qint64>> TriageReports::impactMatrixIds(MatrixOrder order, bool descending,
                                                     qint64 groupId)
{
    // The WHERE clause of deltas_by_impact_weight, word for word, so SQLite reads the map's
    // deltas from it. The orders are fixed texts; the group is bound.
    const QString direction = descending ? u" DESC"_s : u" ASC"_s;
    QString orderBy;
    QString join;
    QVariantList values;
    switch (order) {
    case MatrixOrder::Weight: orderBy = u"d.impact_weight"_s + direction + u", d.id"_s; break;
    case MatrixOrder::Id: orderBy = u"d.id"_s + direction; break;
    case MatrixOrder::Title: orderBy = u"d.title COLLATE NOCASE"_s + direction + u", d.id"_s; break;
    case MatrixOrder::Users:
        orderBy = u"d.affected_users IS NULL, d.affected_users"_s + direction + u", d.id"_s;
        break;
    case MatrixOrder::Group:
        join = u" LEFT JOIN impacts gi ON gi.delta_id = d.id AND gi.group_id = ?"_s;
        values.append(groupId);
        orderBy = u"gi.level IS NULL, gi.level"_s + direction
                  + u", d.impact_weight DESC NULLS LAST, d.id"_s;
        break;
    }
    const auto ids = m_db.integers(u"SELECT d.id FROM deltas d"_s + join
                                       + u" WHERE d.impact_weight IS NOT NULL AND d.state NOT IN "
                                         u"('declined', 'duplicate', 'resolved') ORDER BY "_s
                                       + orderBy,
                                   values);
    if (!ids)
        return Error{u"cannot read the impact map: %1"_s.arg(ids.error())};
    return ids;
}

Result<QList<ImpactMatrixRow>> TriageReports::impactMatrixRows(const QList<qint64> &ids)
{
    if (ids.size() > kRowsBatch)
        return Error{u"at most %1 rows at a time"_s.arg(kRowsBatch)};
    static const QString deltasSql
        = u"SELECT d.id, d.kind, d.title, coalesce(d.affected_users, 0) FROM deltas d "
          u"WHERE d.id IN ("_s
          + Sql::placeholders(kRowsBatch) + u')';
    static const QString impactsSql
        = u"SELECT i.delta_id, i.group_id, g.name, i.level, i.affected_users, i.updated_at, "
          u"i.level * coalesce(g.size, 1) FROM impacts i JOIN user_groups g ON g.id = i.group_id "
          u"WHERE i.delta_id IN ("_s
          + Sql::placeholders(kRowsBatch) + u')';
    const QVariantList values = Sql::paddedIds(ids, kRowsBatch);
    QHash<qint64, ImpactMatrixRow> byId;
    {
        const auto query = m_db.run(deltasSql, values);
        if (!query)
            return Error{u"cannot read the impact map: %1"_s.arg(query.error())};
        QSqlQuery &q = **query;
        while (q.next()) {
            ImpactMatrixRow row;
            row.deltaId = q.value(0).toLongLong();
            row.kind = Levels::kindFromName(q.value(1).toString()).value_or(DeltaKind::Defect);
            row.title = q.value(2).toString();
            row.affectedUsers = q.value(3).toLongLong();
            byId.insert(row.deltaId, row);
        }
    }
    const auto query = m_db.run(impactsSql, values);
    if (!query)
        return Error{u"cannot read the impact map: %1"_s.arg(query.error())};
    QSqlQuery &q = **query;
    while (q.next()) {
        const auto it = byId.find(q.value(0).toLongLong());
        if (it == byId.end())
            continue;
        ImpactEntry entry{q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toInt(),
                          Sql::optionalId(q.value(4)), q.value(5).toString()};
        it->weight += q.value(6).toLongLong();
        it->groups.insert(entry.groupId, entry);
    }
    QList<ImpactMatrixRow> rows;
    rows.reserve(ids.size());
    for (const qint64 id : ids) {
        ImpactMatrixRow missing;
        missing.deltaId = id;
        rows.append(byId.value(id, missing));
    }
    return rows;
}

Result<QList<CoverageRow>> TriageReports::coverage()
{
    // Per (group, delta): the furthest stage any task for the delta reached, 0 uncommitted ..
    // 4 verified; then counted per group and stage.
    const auto query = m_db.run(
        u"WITH stage AS ("
        u"  SELECT i.group_id, i.delta_id, coalesce(max(CASE"
        u"    WHEN t.id IS NULL THEN 0"
        u"    WHEN t.done_at IS NOT NULL AND EXISTS (SELECT 1 FROM fix_records f"
        u"         WHERE f.task_id = t.id AND f.verified_at IS NOT NULL) THEN 4"
        u"    WHEN t.done_at IS NOT NULL THEN 3"
        u"    WHEN t.started_at IS NOT NULL THEN 2"
        u"    ELSE 1 END), 0) AS stage"
        u"  FROM impacts i"
        u"  LEFT JOIN task_deltas td ON td.delta_id = i.delta_id"
        u"  LEFT JOIN tasks t ON t.id = td.task_id"
        u"  WHERE i.level >= 1 GROUP BY i.group_id, i.delta_id) "
        u"SELECT g.id, g.name, g.size, s.stage, count(s.delta_id) FROM user_groups g "
        u"LEFT JOIN stage s ON s.group_id = g.id GROUP BY g.id, s.stage ORDER BY g.id"_s);
    if (!query)
        return Error{u"cannot compute coverage: %1"_s.arg(query.error())};
    QList<CoverageRow> rows;
    QSqlQuery &q = **query;
    while (q.next()) {
        const qint64 groupId = q.value(0).toLongLong();
        if (rows.isEmpty() || rows.last().groupId != groupId)
            rows.append({groupId, q.value(1).toString(), Sql::optionalId(q.value(2))});
        CoverageRow &row = rows.last();
        if (q.value(3).isNull())
            continue; // a group no delta impacts
        const int count = q.value(4).toInt();
        switch (q.value(3).toInt()) {
        case 0: row.uncommitted = count; break;
        case 1: row.committed = count; break;
        case 2: row.inProgress = count; break;
        case 3: row.done = count; break;
        default: row.verified = count; break;
        }
    }
    return rows;
}

} // namespace Deltaboard
