#include "testdatabase.h"
#include "testmain.h"

#include "demogenerator.h"
#include "jsondump.h"
#include "organisationstore.h"

#include <QFile>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

DemoGenerator::Parameters small(quint32 seed)
{
    DemoGenerator::Parameters parameters;
    parameters.deltas = 400;
    parameters.tasks = 120;
    parameters.organisations = 4;
    parameters.groups = 5;
    parameters.seed = seed;
    return parameters;
}

QByteArray dump(TempDatabase &temp, const QString &name, quint32 seed)
{
    auto db = temp.open(name + u".sqlite"_s);
    if (!db || !DemoGenerator(*db).generate(small(seed)))
        return {};
    const QString path = temp.path(name + u".json"_s);
    if (!JsonDump(*db).exportTo(path))
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class DemoGeneratorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldGiveTheSameDataForTheSameSeed()
    {
        TempDatabase temp;
        const QByteArray first = dump(temp, u"first"_s, 7);
        const QByteArray second = dump(temp, u"second"_s, 7);
        const QByteArray other = dump(temp, u"other"_s, 8);
        QVERIFY(!first.isEmpty());
        QCOMPARE(second, first);
        QVERIFY(other != first);
    }

    void shouldTellAStoryWorthLookingAt()
    {
        TempDatabase temp;
        auto db = temp.open();
        const auto counts = DemoGenerator(*db).generate(small(1));
        QVERIFY2(counts, qPrintable(counts.error()));
        QCOMPARE(counts->deltas, 400);
        QCOMPARE(counts->tasks, 120);
        QCOMPARE(countRows(*db, u"deltas"_s), 400);
        QCOMPARE(countRows(*db, u"user_groups"_s), 5);

        // All three kinds, crash reports under crash deltas.
        for (const QString &kind : {u"defect"_s, u"crash"_s, u"spec"_s}) {
            const auto n = db->scalar(u"SELECT count(*) FROM deltas WHERE kind = ?"_s, {kind});
            QVERIFY2(n->toInt() > 20, qPrintable(kind));
        }
        QVERIFY(countRows(*db, u"crash_reports"_s)
                >= db->scalar(u"SELECT count(*) FROM deltas WHERE kind = 'crash'"_s)->toInt());

        // Half of the tasks belong to the first organisation.
        const qint64 first = OrganisationStore(*db).list()->first().id;
        const auto firstTasks
            = db->scalar(u"SELECT count(*) FROM tasks WHERE organisation_id = ?"_s, {first});
        QCOMPARE(firstTasks->toInt(), 60);

        // Tasks are spread over every column of the first board.
        const auto columns = db->scalar(u"SELECT count(DISTINCT column_id) FROM tasks WHERE "
                                        u"organisation_id = ?"_s,
                                        {first});
        QCOMPARE(columns->toInt(), 5);

        // Organisations disagree: some delta is critical/high for one and low/untriaged for
        // another.
        const auto disagreements = db->scalar(
            u"SELECT count(*) FROM priorities p JOIN priorities q ON q.delta_id = p.delta_id "
            u"WHERE p.level >= 3 AND q.level <= 1"_s);
        QVERIFY(disagreements->toInt() > 0);

        // A year of history: creations, starts, moves and finishes spread over the months.
        const auto span = db->scalar(
            db->isPostgres() ? u"SELECT extract(epoch FROM CAST(max(changed_at) AS timestamptz) "
                               u"- CAST(min(changed_at) AS timestamptz)) / 86400 FROM history"_s
                             : u"SELECT julianday(max(changed_at)) - julianday(min("
                               u"changed_at)) FROM history"_s);
        QVERIFY2(span->toDouble() > 330, qPrintable(span->toString()));
        for (const QString &field : {u"column_id"_s, u"started_at"_s, u"done_at"_s}) {
            const auto n = db->scalar(
                u"SELECT count(*) FROM history WHERE entity = 'task' AND field = ?"_s, {field});
            QVERIFY2(n->toInt() > 10, qPrintable(field));
        }
        // There is a commitment gap to show.
        const auto gap = db->scalar(
            u"SELECT count(DISTINCT i.delta_id) FROM impacts i WHERE i.level >= 3 AND NOT EXISTS "
            u"(SELECT 1 FROM task_deltas td WHERE td.delta_id = i.delta_id)"_s);
        QVERIFY(gap->toInt() > 5);
    }

    void shouldFillOnlyAnEmptyDatabase()
    {
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(DemoGenerator(*db).generate(small(1)));
        const qint64 before = countRows(*db, u"history"_s);
        const auto again = DemoGenerator(*db).generate(small(1));
        QVERIFY(!again);
        QVERIFY(again.error().contains(u"already holds data"_s));
        QCOMPARE(countRows(*db, u"history"_s), before);
    }

    void shouldLeaveNothingWhenCancelled()
    {
        TempDatabase temp;
        auto db = temp.open();
        const auto cancelled
            = DemoGenerator(*db).generate(small(1), [](qint64 done, qint64) { return done < 500; });
        QVERIFY(!cancelled);
        QCOMPARE(countRows(*db, u"deltas"_s), 0);
        QCOMPARE(countRows(*db, u"organisations"_s), 0);
        QCOMPARE(countRows(*db, u"history"_s), 0);
    }
};

DELTABOARD_TEST_MAIN(DemoGeneratorTest)
#include "demogeneratortest.moc"
