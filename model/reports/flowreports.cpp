#include "flowreports.h"

#include "clock.h"
#include "organisationstore.h"

#include <QHash>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

constexpr double kMsPerDay = 24.0 * 3600.0 * 1000.0;

double daysBetween(const QString &from, const QString &to)
{
    return double(Clock::fromText(from).msecsTo(Clock::fromText(to))) / kMsPerDay;
}

} // namespace

double Distribution::median() const
{
    if (days.isEmpty())
        return 0;
    const qsizetype n = days.size();
    return n % 2 == 1 ? days.at(n / 2) : (days.at(n / 2 - 1) + days.at(n / 2)) / 2.0;
}

double Distribution::percentile85() const
{
    if (days.isEmpty())
        return 0;
    const auto rank = qsizetype(std::ceil(0.85 * double(days.size())));
    return days.at(std::clamp<qsizetype>(rank, 1, days.size()) - 1);
}

Result<CumulativeFlow> FlowReports::cumulativeFlow(qint64 organisationId, QDate from, QDate to)
{
    CumulativeFlow flow;
    const auto board = OrganisationStore(m_db).board(organisationId);
    if (!board)
        return Error{board.error()};
    flow.columns = board->columns;
    QHash<qint64, int> columnIndex;
    for (int i = 0; i < flow.columns.size(); ++i)
        columnIndex.insert(flow.columns.at(i).id, i);

    // The tasks, and every column change of theirs, in time order.
    const auto tasks = m_db.run(u"SELECT id, created_at, column_id FROM tasks "
                                u"WHERE organisation_id = ? ORDER BY id"_s,
                                {organisationId});
    if (!tasks)
        return Error{tasks.error()};
    struct TaskStart
    {
        QDateTime created;
        qint64 column = 0;
    };
    QHash<qint64, TaskStart> starts;
    while ((*tasks)->next()) {
        starts.insert(
            (*tasks)->value(0).toLongLong(),
            {Clock::fromText((*tasks)->value(1).toString()), (*tasks)->value(2).toLongLong()});
    }
    const auto moves = m_db.run(
        u"SELECT h.entity_id, h.changed_at, h.old_value, h.new_value FROM history h "
        u"JOIN tasks t ON t.id = h.entity_id AND t.organisation_id = ? "
        u"WHERE h.entity = 'task' AND h.field = 'column_id' ORDER BY h.changed_at, h.id"_s,
        {organisationId});
    if (!moves)
        return Error{moves.error()};
    struct Event
    {
        QDateTime time;
        qint64 task;
        qint64 column;
    };
    QList<Event> events;
    QHash<qint64, bool> moved;
    while ((*moves)->next()) {
        const qint64 task = (*moves)->value(0).toLongLong();
        if (!moved.value(task)) {
            // The column a task was created in is the one its first move left.
            starts[task].column = (*moves)->value(2).toLongLong();
            moved.insert(task, true);
        }
        events.append({Clock::fromText((*moves)->value(1).toString()), task,
                       (*moves)->value(3).toLongLong()});
    }
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        events.append({it->created, it.key(), it->column});
    std::stable_sort(events.begin(), events.end(),
                     [](const Event &a, const Event &b) { return a.time < b.time; });

    if (!from.isValid())
        from = events.isEmpty() ? m_db.clock().now().date() : events.first().time.date();
    if (!to.isValid())
        to = m_db.clock().now().toUTC().date();
    if (to < from)
        return Error{u"the cumulative flow needs --from (%1) on or before --to (%2)"_s.arg(
            from.toString(Qt::ISODate), to.toString(Qt::ISODate))};

    // Sweep the days, applying each event before the end of its day.
    QHash<qint64, qint64> columnOf; // task -> column now
    qsizetype next = 0;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const QDateTime endOfDay(day.addDays(1), QTime(0, 0), Qt::UTC);
        while (next < events.size() && events.at(next).time < endOfDay) {
            columnOf.insert(events.at(next).task, events.at(next).column);
            ++next;
        }
        QList<int> counts(flow.columns.size(), 0);
        for (auto it = columnOf.cbegin(); it != columnOf.cend(); ++it) {
            const int index = columnIndex.value(it.value(), -1);
            if (index >= 0)
                ++counts[index];
        }
        flow.days.append(day);
        flow.counts.append(counts);
    }
    return flow;
}

Result<Distribution> FlowReports::timeToCommit(qint64 organisationId)
{
    const auto query
        = m_db.run(u"SELECT d.created_at, min(t.created_at) FROM task_deltas td "
                   u"JOIN tasks t ON t.id = td.task_id JOIN deltas d ON d.id = td.delta_id "
                   u"WHERE t.organisation_id = ? GROUP BY d.id"_s,
                   {organisationId});
    if (!query)
        return Error{query.error()};
    Distribution distribution;
    while ((*query)->next()) {
        distribution.days.append(
            daysBetween((*query)->value(0).toString(), (*query)->value(1).toString()));
    }
    std::sort(distribution.days.begin(), distribution.days.end());
    return distribution;
}

Result<Distribution> FlowReports::cycleTime(qint64 organisationId)
{
    const auto query = m_db.run(
        u"SELECT started_at, done_at FROM tasks WHERE organisation_id = ?"_s, {organisationId});
    if (!query)
        return Error{query.error()};
    Distribution distribution;
    while ((*query)->next()) {
        const QString started = (*query)->value(0).toString();
        const QString done = (*query)->value(1).toString();
        if (started.isEmpty() || done.isEmpty()) {
            ++distribution.excluded;
            continue;
        }
        distribution.days.append(daysBetween(started, done));
    }
    std::sort(distribution.days.begin(), distribution.days.end());
    return distribution;
}

Result<QList<Throughput>> FlowReports::throughput(qint64 organisationId)
{
    const auto query = m_db.run(u"SELECT done_at FROM tasks WHERE organisation_id = ? AND "
                                u"done_at IS NOT NULL ORDER BY done_at"_s,
                                {organisationId});
    if (!query)
        return Error{query.error()};
    QMap<QDate, int> perWeek;
    while ((*query)->next()) {
        const QDate day = Clock::fromText((*query)->value(0).toString()).toUTC().date();
        ++perWeek[day.addDays(1 - day.dayOfWeek())];
    }
    QList<Throughput> weeks;
    if (perWeek.isEmpty())
        return weeks;
    for (QDate week = perWeek.firstKey(); week <= perWeek.lastKey(); week = week.addDays(7))
        weeks.append({week, perWeek.value(week)});
    return weeks;
}

Result<FlowSummary> FlowReports::summary(qint64 organisationId, QDate from, QDate to)
{
    // One deferred (read) transaction, so the four reports see the same state of the database
    // without holding the write lock; inside a caller's transaction, that one does it.
    const bool own = bool(m_db.execOnce(u"BEGIN"_s));
    const auto finish = qScopeGuard([&] {
        if (own)
            static_cast<void>(m_db.execOnce(u"COMMIT"_s)); // a read: nothing to lose
    });
    FlowSummary summary;
    auto flow = cumulativeFlow(organisationId, from, to);
    if (!flow)
        return Error{flow.error()};
    summary.flow = std::move(flow).value();
    auto toCommit = timeToCommit(organisationId);
    if (!toCommit)
        return Error{toCommit.error()};
    summary.timeToCommit = std::move(toCommit).value();
    auto cycle = cycleTime(organisationId);
    if (!cycle)
        return Error{cycle.error()};
    summary.cycleTime = std::move(cycle).value();
    auto weeks = throughput(organisationId);
    if (!weeks)
        return Error{weeks.error()};
    summary.throughput = std::move(weeks).value();
    return summary;
}

} // namespace Deltaboard
