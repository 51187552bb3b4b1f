#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "demogenerator.h"
#include "groupstore.h"
#include "integritycheck.h"
#include "organisationstore.h"
#include "taskstore.h"
#include "triagestore.h"

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

QString problemOf(const QList<IntegrityCheck::Finding> &findings, const QString &what)
{
    for (const IntegrityCheck::Finding &finding : findings) {
        if (finding.what == what)
            return finding.problem;
    }
    return u"<no such check>"_s;
}

} // namespace

class IntegrityCheckTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldPassAGeneratedWorkspace()
    {
        TempDatabase temp;
        auto db = temp.open();
        DemoGenerator::Parameters parameters;
        parameters.deltas = 300;
        parameters.tasks = 60;
        QVERIFY(DemoGenerator(*db).generate(parameters));
        const auto findings = IntegrityCheck(*db).run();
        QCOMPARE(findings.size(), 7);
        QVERIFY(IntegrityCheck::healthy(findings));
    }

    void shouldKeepSummariesInStepWithEveryEdit()
    {
        TempDatabase temp;
        auto db = temp.open();
        const qint64 org = OrganisationStore(*db).create(u"A"_s)->id;
        const qint64 g1 = GroupStore(*db).createGroup(u"G1"_s, {}, 10)->id;
        const qint64 g2 = GroupStore(*db).createGroup(u"G2"_s, {}, 10)->id;
        Delta delta;
        delta.title = u"x"_s;
        const qint64 d1 = *DeltaStore(*db).create(delta);
        const qint64 d2 = *DeltaStore(*db).create(delta);
        TriageStore triage(*db);
        TaskStore tasks(*db);
        const qint64 task = *tasks.commit(org, u"t"_s, {d1});
        auto summary = [&] {
            return db
                ->scalar(u"SELECT d.top_impact || '/' || coalesce(CAST(d.affected_users AS text), "
                         u"'-') || ' ' || t.linked_deltas || '/' || "
                         u"coalesce(CAST(t.top_impact AS text), '-') "
                         u"FROM deltas d, tasks t WHERE d.id = ? AND t.id = ?"_s,
                         {d1, task})
                ->toString();
        };

        QVERIFY(triage.setImpact(d1, g1, int(Impact::Medium), 5));
        QCOMPARE(summary(), u"2/5 1/2"_s);
        QVERIFY(triage.setImpact(d1, g2, int(Impact::Critical), 7));
        QCOMPARE(summary(), u"4/12 1/4"_s);
        QVERIFY(triage.setImpact(d1, g2, std::nullopt));
        QCOMPARE(summary(), u"2/5 1/2"_s);
        QVERIFY(triage.setImpact(d2, g1, int(Impact::High)));
        QVERIFY(tasks.linkDelta(task, d2));
        QCOMPARE(summary(), u"2/5 2/3"_s);
        QVERIFY(tasks.unlinkDelta(task, d2));
        QCOMPARE(summary(), u"2/5 1/2"_s);
        QVERIFY(IntegrityCheck::healthy(IntegrityCheck(*db).run()));
    }

    void shouldReportWhatIsWrong()
    {
        TempDatabase temp;
        auto db = temp.open();
        Delta delta;
        delta.title = u"x"_s;
        const qint64 id = *DeltaStore(*db).create(delta);
        // Damage that only a direct write could do: a summary out of step, a dangling reference.
        QVERIFY(db->execOnce(u"UPDATE deltas SET top_impact = 4 WHERE id = ?"_s, {id}));
        const qint64 organisation = OrganisationStore(*db).create(u"O"_s)->id;
        QVERIFY(TriageStore(*db).setPriority(organisation, id, 2));
        QVERIFY(db->execOnce(u"UPDATE priorities SET rank = NULL"_s));
        // (PostgreSQL: replica mode skips the triggers that check references.)
        QVERIFY(db->execOnce(db->isPostgres() ? u"SET session_replication_role = replica"_s
                                              : u"PRAGMA foreign_keys = OFF"_s));
        QVERIFY(db->execOnce(u"INSERT INTO comments (delta_id, body, created_at) "
                             u"VALUES (999, 'orphan', '2026-01-01T00:00:00.000Z')"_s));
        const auto findings = IntegrityCheck(*db).run();
        QVERIFY(!IntegrityCheck::healthy(findings));
        QVERIFY2(problemOf(findings, u"derived summaries"_s).startsWith(u"1 deltas and 0 tasks"_s),
                 qPrintable(problemOf(findings, u"derived summaries"_s)));
        QVERIFY(problemOf(findings, u"foreign keys"_s).contains(u"comments"_s));
        QCOMPARE(problemOf(findings, u"priority ranking"_s), u"1 priorities have no rank"_s);
        QVERIFY(problemOf(findings, u"integrity"_s).isEmpty());
        QVERIFY(problemOf(findings, u"schema"_s).isEmpty());
    }
};

DELTABOARD_TEST_MAIN(IntegrityCheckTest)
#include "integritychecktest.moc"
