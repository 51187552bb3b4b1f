#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "groupstore.h"
#include "history.h"
#include "organisationstore.h"
#include "triagestore.h"

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

class TriageStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_a = OrganisationStore(*m_db).create(u"Vendor A"_s)->id;
        m_b = OrganisationStore(*m_db).create(u"Vendor B"_s)->id;
        m_group = GroupStore(*m_db).createGroup(u"Driver A users"_s, {}, 5000)->id;
        Delta delta;
        delta.title = u"Driver A hangs"_s;
        m_delta = *DeltaStore(*m_db).create(delta);
    }

    void cleanup()
    {
        m_db.reset();
        m_temp.reset();
    }

    void shouldKeepPriorityPerOrganisation()
    {
        TriageStore store(*m_db);
        QVERIFY(store.setPriority(m_b, m_delta, int(Priority::Low)));
        QVERIFY(store.setPriority(m_a, m_delta, int(Priority::Critical)));
        const auto priorities = store.priorities(m_delta);
        QCOMPARE(priorities->size(), 2);
        QCOMPARE(priorities->at(0).organisation, u"Vendor A"_s);
        QCOMPARE(priorities->at(0).level, int(Priority::Critical));
        QCOMPARE(priorities->at(1).organisation, u"Vendor B"_s);
        QCOMPARE(priorities->at(1).level, int(Priority::Low));

        const auto history = History(*m_db).list(u"delta"_s, m_delta);
        QCOMPARE(history->last().field, u"priority:%1"_s.arg(m_a));
        QCOMPARE(history->last().newValue, u"critical"_s);
    }

    void shouldWriteNothingWhenPriorityIsUnchanged()
    {
        TriageStore store(*m_db);
        QVERIFY(store.setPriority(m_a, m_delta, int(Priority::High)));
        const qint64 before = countRows(*m_db, u"history"_s);
        QVERIFY(store.setPriority(m_a, m_delta, int(Priority::High)));
        QCOMPARE(countRows(*m_db, u"history"_s), before);
    }

    void shouldClearPriority()
    {
        TriageStore store(*m_db);
        QVERIFY(store.setPriority(m_a, m_delta, int(Priority::High)));
        QVERIFY(store.setPriority(m_a, m_delta, std::nullopt));
        QVERIFY(store.priorities(m_delta)->isEmpty());
        QCOMPARE(History(*m_db).list(u"delta"_s, m_delta)->last().oldValue, u"high"_s);
    }

    void shouldRefuseUnknownRecords_data()
    {
        QTest::addColumn<qint64>("organisation");
        QTest::addColumn<qint64>("delta");
        QTest::addColumn<QString>("expected");
        QTest::newRow("organisation") << qint64(99) << qint64(1) << u"no organisation with id 99"_s;
        QTest::newRow("delta") << qint64(1) << qint64(99) << u"no delta with id 99"_s;
    }

    void shouldRefuseUnknownRecords()
    {
        QFETCH(qint64, organisation);
        QFETCH(qint64, delta);
        QFETCH(QString, expected);
        const Status set = TriageStore(*m_db).setPriority(organisation, delta, 3);
        QVERIFY(!set);
        QCOMPARE(set.error(), expected);
        // Clearing a priority that was never set still names what does not exist.
        const Status cleared = TriageStore(*m_db).setPriority(organisation, delta, std::nullopt);
        QVERIFY(!cleared);
        QCOMPARE(cleared.error(), expected);
        QCOMPARE(countRows(*m_db, u"priorities"_s), 0);
    }

    void shouldNameTheMissingRecordForImpact()
    {
        TriageStore store(*m_db);
        QCOMPARE(store.setImpact(m_delta, 77, 3).error(), u"no user group with id 77"_s);
        QCOMPARE(store.setImpact(88, m_group, 3).error(), u"no delta with id 88"_s);
        QCOMPARE(store.setImpact(88, m_group, std::nullopt).error(), u"no delta with id 88"_s);
        QCOMPARE(countRows(*m_db, u"impacts"_s), 0);
    }

    void shouldRecordImpactWithAffectedUsers()
    {
        TriageStore store(*m_db);
        QVERIFY(store.setImpact(m_delta, m_group, int(Impact::High), 1200));
        // A new level without a user count keeps the estimate.
        QVERIFY(store.setImpact(m_delta, m_group, int(Impact::Critical)));
        const auto impacts = store.impacts(m_delta);
        QCOMPARE(impacts->size(), 1);
        QCOMPARE(impacts->first().level, int(Impact::Critical));
        QCOMPARE(impacts->first().affectedUsers, std::optional<qint64>(1200));

        QStringList fields;
        const auto history = History(*m_db).list(u"delta"_s, m_delta);
        for (const HistoryEntry &entry : *history)
            fields.append(entry.field + u'=' + entry.newValue);
        const QString g = QString::number(m_group);
        QCOMPARE(fields, (QStringList{u"created=defect"_s, u"impact:"_s + g + u"=high"_s,
                                      u"affected_users:"_s + g + u"=1200"_s,
                                      u"impact:"_s + g + u"=critical"_s}));
    }

    void shouldRefuseOutOfRangeLevels()
    {
        TriageStore store(*m_db);
        QVERIFY(!store.setPriority(m_a, m_delta, 5));
        QVERIFY(!store.setImpact(m_delta, m_group, -1));
        QVERIFY(!store.setImpact(m_delta, m_group, 2, -5));
        QCOMPARE(countRows(*m_db, u"priorities"_s) + countRows(*m_db, u"impacts"_s), 0);
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    qint64 m_a = 0;
    qint64 m_b = 0;
    qint64 m_group = 0;
    qint64 m_delta = 0;
};

DELTABOARD_TEST_MAIN(TriageStoreTest)
#include "triagestoretest.moc"
