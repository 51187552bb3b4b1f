#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "groupstore.h"
#include "organisationstore.h"
#include "reports.h"
#include "taskstore.h"
#include "triagestore.h"

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

class ReportsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldListTheCommitmentGapMostImpactFirst()
    {
        // GIVEN a small hand-built workspace
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(db);
        const qint64 a = OrganisationStore(*db).create(u"A"_s)->id;
        const qint64 b = OrganisationStore(*db).create(u"B"_s)->id;
        const qint64 g1 = GroupStore(*db).createGroup(u"G1"_s, {}, 1000)->id;
        const qint64 g2 = GroupStore(*db).createGroup(u"G2"_s, {}, 50)->id;
        DeltaStore deltas(*db);
        TriageStore triage(*db);
        TaskStore tasks(*db);
        auto make = [&](const QString &title) {
            Delta delta;
            delta.title = title;
            return *deltas.create(delta);
        };
        const qint64 d1 = make(u"high, 100 users"_s);
        const qint64 d2 = make(u"critical, 10 users"_s);
        const qint64 d3 = make(u"high, 500 users"_s);
        const qint64 d4 = make(u"critical, open task"_s);
        const qint64 d5 = make(u"critical, only a finished task"_s);
        const qint64 d6 = make(u"medium only"_s);
        const qint64 d7 = make(u"critical but declined"_s);
        QVERIFY(triage.setImpact(d1, g1, int(Impact::High), 100));
        QVERIFY(triage.setImpact(d2, g1, int(Impact::Critical), 10));
        QVERIFY(triage.setImpact(d2, g2, int(Impact::Medium), 40));
        QVERIFY(triage.setImpact(d3, g1, int(Impact::High), 300));
        QVERIFY(triage.setImpact(d3, g2, int(Impact::High), 200));
        QVERIFY(triage.setImpact(d4, g1, int(Impact::Critical), 900));
        QVERIFY(triage.setImpact(d5, g1, int(Impact::Critical)));
        QVERIFY(triage.setImpact(d6, g2, int(Impact::Medium), 50));
        QVERIFY(triage.setImpact(d7, g1, int(Impact::Critical), 999));
        QVERIFY(deltas.setState(d7, DeltaState::Declined));
        QVERIFY(tasks.commit(b, u"Open work"_s, {d4}));
        const qint64 finished = *tasks.commit(a, u"Finished work"_s, {d5});
        QVERIFY(tasks.move(finished, OrganisationStore(*db).board(a)->columns.last().id));
        QVERIFY(triage.setPriority(a, d1, int(Priority::High)));
        QVERIFY(triage.setPriority(b, d1, int(Priority::Low)));

        // WHEN the gap is computed
        const auto gap = Reports(*db).gap();
        QVERIFY2(gap, qPrintable(gap.error()));

        // THEN critical before high, more affected users first, and only deltas without an open
        // task that are still open themselves
        QList<qint64> ids;
        for (const GapRow &row : *gap)
            ids.append(row.deltaId);
        QCOMPARE(ids, (QList<qint64>{d2, d5, d3, d1}));
        const GapRow &second = gap->at(2);
        QCOMPARE(second.affectedUsers, 500); // both groups hurt highly count
        QCOMPARE(second.groups.size(), 2);
        const GapRow &first = gap->at(0);
        QCOMPARE(first.groups.size(), 1); // G2's medium impact does not make it "hurt"
        QCOMPARE(first.groups.first().group, u"G1"_s);
        const GapRow &last = gap->at(3);
        QCOMPARE(last.priorities.size(), 2);
        QCOMPARE(last.priorities.at(0).organisation, u"A"_s);
        QCOMPARE(last.priorities.at(0).level, int(Priority::High));
        QCOMPARE(last.priorities.at(1).level, int(Priority::Low));

        QCOMPARE(Reports(*db).gap(2)->size(), 2);
        Q_UNUSED(d6);
    }
};

DELTABOARD_TEST_MAIN(ReportsTest)
#include "reportstest.moc"
