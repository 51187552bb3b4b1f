#include "reports.h"

#include "crashstore.h"
#include "dialect.h"
#include "sqlvalues.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// group_concat() output uses the ASCII unit and record separators, which names do not contain.
constexpr QChar kUnit(0x1f);
constexpr QChar kRecord(0x1e);

QList<QStringList> splitConcat(const QString &text)
{
    QList<QStringList> records;
    if (text.isEmpty())
        return records;
    const QStringList parts = text.split(kRecord);
    for (const QString &part : parts)
        records.append(part.split(kUnit));
    return records;
}

} // namespace

namespace {

// The gap's condition, shared by the list and its count (deltas_by_impact's WHERE word for word).
const QString kGapCondition
    = u"d.top_impact >= 3 AND d.state NOT IN ('declined', 'duplicate', 'resolved') "
      u"AND NOT EXISTS (SELECT 1 FROM task_deltas td JOIN tasks t ON t.id = td.task_id "
      u"                WHERE td.delta_id = d.id AND t.done_at IS NULL) "_s;

} // namespace

Result<int> Reports::gapCount()
{
    const auto count = m_db.scalar(u"SELECT count(*) FROM deltas d WHERE "_s + kGapCondition);
    if (!count)
        return Error{u"cannot count the commitment gap: %1"_s.arg(count.error())};
    return count->toInt();
}

Result<QList<GapRow>> Reports::gap(int limit, int offset)
{
    // Walks deltas_by_impact in its order (its WHERE clause is repeated word for word so SQLite
    // can use it; 3 is kGapMinimumImpact) and skips deltas with an open task, so the first page
    // costs a page of rows, not the whole gap. The groups hurt and the priorities come along as
    // concatenated lists instead of a query per row.
    static_assert(kGapMinimumImpact == 3, "the SQL below and deltas_by_impact use 3");
    const QString unit = Dialect::character(m_db, 31);
    const QString record = Dialect::character(m_db, 30);
    const auto query = m_db.run(
        u"SELECT d.id, d.kind, d.title, d.top_impact, coalesce(d.affected_users, 0), "
        u"  (SELECT "_s
            + Dialect::groupConcat(m_db,
                                   u"g.name || "_s + unit + u" || i.level || "_s + unit
                                       + u" || coalesce(CAST(i.affected_users AS text), '')"_s,
                                   record)
            + u"   FROM impacts i JOIN user_groups g ON g.id = i.group_id "
              u"   WHERE i.delta_id = d.id AND i.level >= 3), "
              u"  (SELECT "_s
            + Dialect::groupConcat(m_db, u"o.name || "_s + unit + u" || p.level"_s, record)
            + u"   FROM priorities p JOIN organisations o ON o.id = p.organisation_id "
              u"   WHERE p.delta_id = d.id) "
              u"FROM deltas d WHERE "_s
            + kGapCondition
            + u"ORDER BY d.top_impact DESC NULLS LAST, d.affected_users DESC NULLS LAST, d.id "
              u"LIMIT ? OFFSET ?"_s,
        {Sql::limit(limit), std::max(offset, 0)});
    if (!query)
        return Error{u"cannot compute the commitment gap: %1"_s.arg(query.error())};
    QList<GapRow> rows;
    QSqlQuery &q = **query;
    while (q.next()) {
        GapRow row;
        row.deltaId = q.value(0).toLongLong();
        row.kind = Levels::kindFromName(q.value(1).toString()).value_or(DeltaKind::Defect);
        row.title = q.value(2).toString();
        row.topImpact = q.value(3).toInt();
        row.affectedUsers = q.value(4).toLongLong();
        for (const QStringList &group : splitConcat(q.value(5).toString())) {
            ImpactEntry entry;
            entry.group = group.value(0);
            entry.level = group.value(1).toInt();
            if (!group.value(2).isEmpty())
                entry.affectedUsers = group.value(2).toLongLong();
            row.groups.append(entry);
        }
        std::sort(row.groups.begin(), row.groups.end(),
                  [](const ImpactEntry &a, const ImpactEntry &b) {
                      return a.level != b.level ? a.level > b.level : a.group < b.group;
                  });
        for (const QStringList &priority : splitConcat(q.value(6).toString())) {
            PriorityEntry entry;
            entry.organisation = priority.value(0);
            entry.level = priority.value(1).toInt();
            row.priorities.append(entry);
        }
        std::sort(row.priorities.begin(), row.priorities.end(),
                  [](const PriorityEntry &a, const PriorityEntry &b) {
                      return a.organisation < b.organisation;
                  });
        rows.append(row);
    }
    (*query)->finish();
    // Crash deltas fixed and crashing again are flagged: looked up for this page's ones only.
    QList<qint64> crashes;
    for (const GapRow &row : std::as_const(rows)) {
        if (row.kind == DeltaKind::Crash)
            crashes.append(row.deltaId);
    }
    if (!crashes.isEmpty()) {
        // (A very long page asks about all of them instead of binding thousands of ids.)
        const auto regressed
            = CrashStore(m_db).regressedDeltas(crashes.size() > 2000 ? QList<qint64>() : crashes);
        if (!regressed)
            return Error{regressed.error()};
        for (GapRow &row : rows)
            row.regressed = regressed->contains(row.deltaId);
    }
    return rows;
}

} // namespace Deltaboard
