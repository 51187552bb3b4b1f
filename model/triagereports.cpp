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
