#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "flowreports.h"
#include "groupstore.h"
#include "organisationstore.h"
#include "taskstore.h"
#include "triagereports.h"
#include "triagestore.h"

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 1, day), QTime(hour, 0), Qt::UTC);
}

} // namespace

// Exact numbers on a small, hand-built history (all times January 2026, UTC).
class FlowReportsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_temp.open();
        QVERIFY(m_db);
        m_db->setClock(&m_clock);
        m_clock.set(at(1, 0));
        m_a = OrganisationStore(*m_db).create(u"A"_s)->id;
        m_b = OrganisationStore(*m_db).create(u"B"_s)->id;
        m_columns
            = OrganisationStore(*m_db).board(m_a)->columns; // Backlog Ready Progress Review Done
        auto delta = [this](int day) {
            m_clock.set(at(day, 0));
            Delta d;
            d.title = u"delta of day %1"_s.arg(day);
            return *DeltaStore(*m_db).create(d);
        };
        const qint64 d1 = delta(1);
        const qint64 d2 = delta(2);
        const qint64 d3 = delta(3);
        TaskStore tasks(*m_db);
        auto commit = [&](qint64 organisation, int day, int hour, qint64 deltaId) {
            m_clock.set(at(day, hour));
            return *tasks.commit(organisation, u"task"_s, {deltaId});
        };
        auto move = [&](qint64 task, int column, int day, int hour) {
            m_clock.set(at(day, hour));
            QVERIFY(tasks.move(task, m_columns[column].id));
        };
        const qint64 t1 = commit(m_a, 5, 10, d1);
        commit(m_b, 8, 10, d1); // the same delta, committed by B three days later
        const qint64 t2 = commit(m_a, 6, 9, d2);
        commit(m_a, 7, 6, d3); // t3: never started
        const qint64 t4 = commit(m_a, 7, 12, d3);
        move(t1, 2, 6, 12);  // In progress: started
        move(t2, 1, 7, 9);   // Ready: queued, not started
        move(t1, 4, 8, 12);  // Done
        move(t2, 2, 8, 9);   // In progress: started
        move(t4, 4, 9, 0);   // straight to Done: never started
        move(t1, 2, 9, 12);  // reopened
        move(t2, 4, 9, 21);  // Done
        move(t1, 4, 10, 12); // Done again
        m_clock.set(at(10, 18));
    }

    void shouldCountTasksPerDayAndColumn()
    {
        const auto flow
            = FlowReports(*m_db).cumulativeFlow(m_a, QDate(2026, 1, 5), QDate(2026, 1, 10));
        QVERIFY2(flow, qPrintable(flow.error()));
        QCOMPARE(flow->columns.size(), 5);
        QCOMPARE(flow->days.first(), QDate(2026, 1, 5));
        const QList<QList<int>> expected = {
            {1, 0, 0, 0, 0}, // 5th: t1 committed
            {1, 0, 1, 0, 0}, // 6th: t1 in progress, t2 committed
            {2, 1, 1, 0, 0}, // 7th: t2 ready, t3 and t4 committed
            {2, 0, 1, 0, 1}, // 8th: t1 done, t2 in progress
            {1, 0, 1, 0, 2}, // 9th: t4 and t2 done, t1 reopened
            {1, 0, 0, 0, 3}, // 10th: t1 done again
        };
        QCOMPARE(flow->counts, expected);
        // Without dates: from the first task to today.
        const auto whole = FlowReports(*m_db).cumulativeFlow(m_a);
        QCOMPARE(whole->days.first(), QDate(2026, 1, 5));
        QCOMPARE(whole->days.last(), QDate(2026, 1, 10));
        QVERIFY(!FlowReports(*m_db).cumulativeFlow(m_a, QDate(2026, 1, 9), QDate(2026, 1, 8)));
    }

    void shouldMeasureTimeToCommitPerOrganisation()
    {
        const auto a = FlowReports(*m_db).timeToCommit(m_a);
        QVERIFY(a);
        // d1: 4 days 10 h; d2: 4 days 9 h; d3: 4 days 6 h (its first task, not the later one).
        QCOMPARE(a->days, (QList<double>{4.25, 4.375, 4 + 10.0 / 24}));
        QCOMPARE(a->median(), 4.375);
        QCOMPARE(a->percentile85(), 4 + 10.0 / 24);
        const auto b = FlowReports(*m_db).timeToCommit(m_b);
        QCOMPARE(b->days, (QList<double>{7 + 10.0 / 24})); // the same d1, B's own clock
    }

    void shouldMeasureCycleTimeFromFirstStartToLastFinish()
    {
        const auto cycle = FlowReports(*m_db).cycleTime(m_a);
        QVERIFY(cycle);
        // t2: 8th 09:00 to 9th 21:00; t1: 6th 12:00 to 10th 12:00 despite the reopening.
        QCOMPARE(cycle->days, (QList<double>{1.5, 4.0}));
        QCOMPARE(cycle->excluded, 2); // t3 never started, t4 finished without a start
        QCOMPARE(cycle->median(), 2.75);
        QCOMPARE(cycle->percentile85(), 4.0);
    }

    void shouldCountThroughputPerWeek()
    {
        const auto weeks = FlowReports(*m_db).throughput(m_a);
        QVERIFY(weeks);
        QCOMPARE(weeks->size(), 1);
        QCOMPARE(weeks->first().weekStart, QDate(2026, 1, 5)); // a Monday
        QCOMPARE(weeks->first().done, 3);
    }

    void shouldListDisagreementsBetweenTwoOrganisations()
    {
        TempDatabase temp;
        auto db = temp.open();
        const qint64 a = OrganisationStore(*db).create(u"A"_s)->id;
        const qint64 b = OrganisationStore(*db).create(u"B"_s)->id;
        QList<qint64> d;
        for (int i = 0; i < 6; ++i) {
            Delta delta;
            delta.title = u"d%1"_s.arg(i + 1);
            d.append(*DeltaStore(*db).create(delta));
        }
        TriageStore triage(*db);
        const struct
        {
            int index;
            std::optional<int> a;
            std::optional<int> b;
        } levels[] = {{0, 4, 1}, {1, 3, {}}, {2, 2, 4}, {3, {}, 3}, {4, 0, 0}, {5, 3, 3}};
        for (const auto &level : levels) {
            QVERIFY(triage.setPriority(a, d[level.index], level.a));
            QVERIFY(triage.setPriority(b, d[level.index], level.b));
        }
        const auto all = TriageReports(*db).disagreement(a, b, false);
        QVERIFY(all);
        QList<qint64> order;
        for (const DisagreementRow &row : *all)
            order.append(row.deltaId);
        // A's ranking: critical, high (d2, d6 by id), medium, untriaged, then A's no-view last.
        QCOMPARE(order, (QList<qint64>{d[0], d[1], d[5], d[2], d[4], d[3]}));
        const auto strong = TriageReports(*db).disagreement(a, b, true);
        order.clear();
        for (const DisagreementRow &row : *strong)
            order.append(row.deltaId);
        // critical/low, high/nothing, nothing/high; medium/critical is not strong.
        QCOMPARE(order, (QList<qint64>{d[0], d[1], d[3]}));
        QCOMPARE(strong->at(1).second, std::nullopt);
    }

    void shouldSplitEachGroupsImpactByHowFarCommitmentsGot()
    {
        TempDatabase temp;
        auto db = temp.open();
        const qint64 a = OrganisationStore(*db).create(u"A"_s)->id;
        const qint64 b = OrganisationStore(*db).create(u"B"_s)->id;
        const auto columns = OrganisationStore(*db).board(a)->columns;
        const auto columnsB = OrganisationStore(*db).board(b)->columns;
        GroupStore groups(*db);
        const qint64 g1 = groups.createGroup(u"G1"_s, {}, 100)->id;
        const qint64 g2 = groups.createGroup(u"G2"_s, {}, 50)->id;
        QVERIFY(groups.createGroup(u"G3"_s, {}, 10)); // nothing hurts it
        QList<qint64> e;
        for (int i = 0; i < 6; ++i) {
            Delta delta;
            delta.title = u"e%1"_s.arg(i + 1);
            e.append(*DeltaStore(*db).create(delta));
        }
        TriageStore triage(*db);
        QVERIFY(triage.setImpact(e[0], g1, int(Impact::High)));   // no task: uncommitted
        QVERIFY(triage.setImpact(e[1], g1, int(Impact::Low)));    // task not started
        QVERIFY(triage.setImpact(e[2], g1, int(Impact::Medium))); // started by A, queued by B
        QVERIFY(triage.setImpact(e[2], g2, int(Impact::High)));
        QVERIFY(triage.setImpact(e[3], g2, int(Impact::High))); // done, fix not verified
        QVERIFY(triage.setImpact(e[4], g2, int(Impact::Low)));  // done and verified
        QVERIFY(triage.setImpact(e[5], g1, int(Impact::None))); // assessed: not hurt
        TaskStore tasks(*db);
        QVERIFY(tasks.commit(a, u"t"_s, {e[1]}));
        const qint64 started = *tasks.commit(a, u"t"_s, {e[2]});
        QVERIFY(tasks.move(started, columns[2].id));
        QVERIFY(tasks.commit(b, u"t"_s, {e[2]}));
        const qint64 done = *tasks.commit(a, u"t"_s, {e[3]});
        QVERIFY(tasks.move(done, columns[4].id));
        const qint64 verified = *tasks.commit(b, u"t"_s, {e[4]});
        QVERIFY(tasks.move(verified, columnsB[4].id));
        FixRecord fix;
        fix.taskId = verified;
        fix.branch = u"main"_s;
        fix.verifiedAt = u"2026-01-10T00:00:00.000Z"_s;
        QVERIFY(tasks.addFixRecord(fix));

        const auto coverage = TriageReports(*db).coverage();
        QVERIFY2(coverage, qPrintable(coverage.error()));
        QCOMPARE(coverage->size(), 3);
        const CoverageRow &r1 = coverage->at(0);
        QCOMPARE(r1.group, u"G1"_s);
        QCOMPARE((QList<int>{r1.uncommitted, r1.committed, r1.inProgress, r1.done, r1.verified}),
                 (QList<int>{1, 1, 1, 0, 0}));
        const CoverageRow &r2 = coverage->at(1);
        QCOMPARE((QList<int>{r2.uncommitted, r2.committed, r2.inProgress, r2.done, r2.verified}),
                 (QList<int>{0, 0, 1, 1, 1}));
        QCOMPARE(coverage->at(2).total(), 0);
    }

private:
    TempDatabase m_temp;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;
    qint64 m_a = 0;
    qint64 m_b = 0;
    QList<BoardColumn> m_columns;
};

DELTABOARD_TEST_MAIN(FlowReportsTest)
#include "flowreportstest.moc"
