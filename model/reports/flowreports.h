#pragma once

#include "database.h"
#include "records.h"

#include <QDate>

namespace Deltaboard {

// A cumulative flow diagram of one board: for each day, how many of the organisation's tasks
// were in each column at the end of that day (UTC).
struct CumulativeFlow
{
    QList<BoardColumn> columns; // board order
    QList<QDate> days;
    QList<QList<int>> counts; // counts[day][column]
};

// A distribution of durations in days, with its median and 85th percentile.
struct Distribution
{
    QList<double> days;          // ascending
    int excluded = 0;            // records that have no such duration (not started, not done...)
    double median() const;       // mean of the middle two when the count is even
    double percentile85() const; // nearest rank: the value at ceil(0.85 * n)
    bool isEmpty() const { return days.isEmpty(); }
};

struct Throughput
{
    QDate weekStart; // a Monday
    int done = 0;
};

// Everything the Flow view shows, read in one go (on a worker, with its own connection).
struct FlowSummary
{
    CumulativeFlow flow;
    Distribution timeToCommit;
    Distribution cycleTime;
    QList<Throughput> throughput;
};

// The flow of one organisation's work, from the change history (DESIGN.md "two clocks").
class FlowReports
{
public:
    explicit FlowReports(Database &db)
        : m_db(db)
    {}

    // Days from..to inclusive; invalid dates default to the first task's creation and today
    // (the database clock). Tasks withdrawn since are not counted; a task is in the column it
    // was created in until its first move.
    Result<CumulativeFlow> cumulativeFlow(qint64 organisationId, QDate from = {}, QDate to = {});

    // Time to commit: from a delta's report to this organisation's first task for it (a delta
    // committed by two organisations has a time for each).
    Result<Distribution> timeToCommit(qint64 organisationId);
    // Cycle time: from a task's first start to its (last) finish. Tasks never started or not
    // done are excluded and counted; a reopened task counts once it is done again.
    Result<Distribution> cycleTime(qint64 organisationId);
    // Tasks finished per ISO week (Monday first), oldest week first; weeks without any are
    // listed with 0 between the first and the last.
    Result<QList<Throughput>> throughput(qint64 organisationId);

    // All of the above for one organisation (the flow between from and to).
    Result<FlowSummary> summary(qint64 organisationId, QDate from = {}, QDate to = {});

private:
    Database &m_db;
};

} // namespace Deltaboard
