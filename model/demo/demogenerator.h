#pragma once

#include "database.h"

#include <QDateTime>
#include <QTimeZone>

#include <functional>

namespace Deltaboard {

// Generates a realistic workspace: components, user groups of different sizes, organisations
// whose priorities differ, defects, crashes with reports, specs, and a year of history in which
// tasks are committed, started, moved, finished and sometimes reopened.
//
// Everything goes through the real stores with a ManualClock walking through the year, so the
// history is exactly what users' edits would have written. The same parameters and seed give the
// same database. The whole run is one transaction: cancelled or killed, it leaves nothing.
class DemoGenerator
{
public:
    struct Parameters
    {
        int deltas = 2000;
        int tasks = 400;
        int organisations = 4;
        int groups = 6;
        quint32 seed = 1;
        // The end of the generated year. Fixed, not "now", so that a seed always gives the same
        // bytes.
        QDateTime end = QDateTime(QDate(2026, 11, 16), QTime(17, 0), Qt::UTC);
    };

    struct Counts
    {
        qint64 deltas = 0;
        qint64 crashReports = 0;
        qint64 tasks = 0;
        qint64 moves = 0;
        qint64 priorities = 0;
        qint64 impacts = 0;
        qint64 comments = 0;
        qint64 rows = 0; // every row written, history included
    };

    // Called now and then with events done and in all; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit DemoGenerator(Database &db)
        : m_db(db)
    {}

    // Fills an empty database. Errors leave it unchanged.
    Result<Counts> generate(const Parameters &parameters, const Progress &progress = {});

private:
    Database &m_db;
};

} // namespace Deltaboard
