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

namespace {

Delta defect(const QString &title)
{
    Delta delta;
    delta.kind = DeltaKind::Defect;
    delta.title = title;
    delta.desired = u"The window keeps its size"_s;
    delta.actual = u"The window shrinks after resume"_s;
    return delta;
}

} // namespace

class DeltaStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
        m_db->setClock(&m_clock);
        m_db->setActor(u"tester"_s);
    }

    void cleanup()
    {
        m_db.reset();
        m_temp.reset();
    }

    void shouldStoreDeltaAndRecordItsCreation()
    {
        const auto component = GroupStore(*m_db).createComponent(u"compositor"_s, {});
        QVERIFY(component);
        Delta delta = defect(u"Window shrinks after resume"_s);
        delta.componentId = component->id;
        delta.foundIn = u"26.04"_s;
        delta.source = {u"github"_s, u"1234"_s, u"https://example.org/issues/1234"_s};

        const auto id = DeltaStore(*m_db).create(delta);
        QVERIFY2(id, qPrintable(id.error()));
        const auto stored = DeltaStore(*m_db).get(*id);
        QVERIFY(stored);
        QCOMPARE(stored->title, delta.title);
        QCOMPARE(stored->component, u"compositor"_s);
        QCOMPARE(stored->foundIn, u"26.04"_s);
        QCOMPARE(stored->source.externalId, u"1234"_s);
        QCOMPARE(stored->createdAt, u"2026-03-01T09:00:00.000Z"_s);
        QCOMPARE(stored->state, DeltaState::New);
        QCOMPARE(stored->rowVersion, 1);

        const auto history = History(*m_db).list(u"delta"_s, *id);
        QVERIFY(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().field, u"created"_s);
        QCOMPARE(history->first().actor, u"tester"_s);
    }

    void shouldRefuseInvalidDeltas_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("duplicateOf");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty title")
            << u"  "_s << int(DeltaState::New) << qint64(0) << u"needs a title"_s;
        QTest::newRow("duplicate without target")
            << u"x"_s << int(DeltaState::Duplicate) << qint64(0) << u"needs the id"_s;
        QTest::newRow("duplicate of missing delta")
            << u"x"_s << int(DeltaState::Duplicate) << qint64(999) << u"does not exist"_s;
    }

    void shouldRefuseInvalidDeltas()
    {
        QFETCH(QString, title);
        QFETCH(int, state);
        QFETCH(qint64, duplicateOf);
        QFETCH(QString, expected);
        Delta delta = defect(title);
        delta.state = DeltaState(state);
        if (duplicateOf)
            delta.duplicateOf = duplicateOf;
        const auto id = DeltaStore(*m_db).create(delta);
        QVERIFY(!id);
        QVERIFY2(id.error().contains(expected), qPrintable(id.error()));
        QCOMPARE(countRows(*m_db, u"deltas"_s), 0);
        QCOMPARE(countRows(*m_db, u"history"_s), 0);
    }

    void shouldWriteOneHistoryRowPerChangedField()
    {
        DeltaStore store(*m_db);
        const auto id = store.create(defect(u"Old title"_s));
        QVERIFY(id);
        auto delta = store.get(*id);
        QVERIFY(delta);
        delta.value().title = u"New title"_s;
        delta.value().actual = u"It shrinks to 10 pixels"_s;
        m_clock.advanceSecs(60);
        QVERIFY(store.update(*delta));

        const auto stored = store.get(*id);
        QCOMPARE(stored->title, u"New title"_s);
        QCOMPARE(stored->rowVersion, 2);
        QCOMPARE(stored->updatedAt, u"2026-03-01T09:01:00.000Z"_s);
        const auto history = History(*m_db).list(u"delta"_s, *id);
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(1).field, u"title"_s);
        QCOMPARE(history->at(1).oldValue, u"Old title"_s);
        QCOMPARE(history->at(1).newValue, u"New title"_s);
        QCOMPARE(history->at(2).field, u"actual"_s);
    }

    void shouldRefuseUpdateOfAStaleCopy()
    {
        DeltaStore store(*m_db);
        const auto id = store.create(defect(u"Title"_s));
        auto first = store.get(*id);
        auto second = store.get(*id);
        first.value().title = u"First edit"_s;
        QVERIFY(store.update(*first));
        second.value().title = u"Second edit"_s;
        const Status stale = store.update(*second);
        QVERIFY(!stale);
        // Who changed it and when (the history's last entry), so the user knows whom to ask.
        QVERIFY2(stale.error().contains(u"was changed by %1 at "_s.arg(m_db->actor())),
                 qPrintable(stale.error()));
        QCOMPARE(store.get(*id)->title, u"First edit"_s);
    }

    void shouldMarkDuplicateInOneAction()
    {
        DeltaStore store(*m_db);
        const auto original = store.create(defect(u"Original"_s));
        const auto copy = store.create(defect(u"Copy"_s));
        QVERIFY(store.setState(*copy, DeltaState::Duplicate, *original));
        const auto stored = store.get(*copy);
        QCOMPARE(stored->state, DeltaState::Duplicate);
        QCOMPARE(stored->duplicateOf, std::optional<qint64>(*original));

        // Duplicate of a delta that does not exist: refused, nothing changes.
        const Status missing = store.setState(*original, DeltaState::Duplicate, 4242);
        QVERIFY(!missing);
        QVERIFY(missing.error().contains(u"4242"_s));
        QCOMPARE(store.get(*original)->state, DeltaState::New);

        // Leaving the duplicate state clears the link.
        QVERIFY(store.setState(*copy, DeltaState::Disputed));
        QVERIFY(!store.get(*copy)->duplicateOf);
    }

    void shouldFindDeltasByWordsAndPrefix_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("titles");
        QTest::newRow("one word") << u"monitor"_s << QStringList{u"Flicker on external monitor"_s};
        QTest::newRow("prefix of the last word")
            << u"flick"_s << QStringList{u"Flicker on external monitor"_s, u"Flickering cursor"_s};
        QTest::newRow("all words must match")
            << u"flicker cursor"_s << QStringList{u"Flickering cursor"_s};
        QTest::newRow("matches actual text")
            << u"shrinks"_s
            << QStringList{u"Flicker on external monitor"_s, u"Flickering cursor"_s,
                           u"Sound stops"_s};
        QTest::newRow("operators are literal") << u"\"AND OR NEAR("_s << QStringList{};
        QTest::newRow("no match") << u"zebra"_s << QStringList{};
    }

    void shouldFindDeltasByWordsAndPrefix()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, titles);
        DeltaStore store(*m_db);
        for (const QString &title :
             {u"Flicker on external monitor"_s, u"Flickering cursor"_s, u"Sound stops"_s}) {
            QVERIFY(store.create(defect(title)));
        }
        DeltaFilter filter;
        filter.search = search;
        const auto rows = store.list(filter);
        QVERIFY2(rows, qPrintable(rows.error()));
        QStringList found;
        for (const DeltaRow &row : *rows)
            found.append(row.title);
        QCOMPARE(found, titles);
        QCOMPARE(*store.count(filter), titles.size());
    }

    void shouldKeepSearchIndexInStepWithEdits()
    {
        DeltaStore store(*m_db);
        const auto id = store.create(defect(u"Printer offline"_s));
        auto delta = store.get(*id);
        delta.value().title = u"Scanner offline"_s;
        QVERIFY(store.update(*delta));
        DeltaFilter filter;
        filter.search = u"printer"_s;
        QCOMPARE(store.list(filter)->size(), 0);
        filter.search = u"scanner"_s;
        QCOMPARE(store.list(filter)->size(), 1);
    }

    void shouldSortByAnOrganisationsRankingAndFindById()
    {
        DeltaStore deltas(*m_db);
        QList<qint64> ids;
        for (const QString &title : {u"Echo"_s, u"alpha"_s, u"Delta 12"_s, u"bravo"_s}) {
            Delta d;
            d.title = title;
            ids.append(*deltas.create(d));
        }
        const qint64 org = OrganisationStore(*m_db).create(u"Kestrel"_s)->id;
        TriageStore triage(*m_db);
        QVERIFY(triage.setPriority(org, ids[2], 1)); // low
        QVERIFY(triage.setPriority(org, ids[0], 4)); // critical
        QVERIFY(triage.setPriority(org, ids[3], 4)); // critical, ranked after ids[0]
        DeltaFilter filter;
        filter.priorityOf = org;
        filter.sort = DeltaSort::Priority;
        // Ascending is the ranking: critical in its order, then low; unranked last either way.
        QCOMPARE(*deltas.ids(filter), (QList<qint64>{ids[0], ids[3], ids[2], ids[1]}));
        QList<qint64> listed;
        const auto rows = deltas.list(filter);
        for (const DeltaRow &row : *rows)
            listed.append(row.id);
        QCOMPARE(listed, (QList<qint64>{ids[0], ids[3], ids[2], ids[1]}));
        // … the same with a filter (read by joining the ranking to the deltas).
        filter.kind = DeltaKind::Defect;
        QCOMPARE(*deltas.ids(filter), (QList<qint64>{ids[0], ids[3], ids[2], ids[1]}));
        filter.kind.reset();
        filter.descending = true;
        QCOMPARE(*deltas.ids(filter), (QList<qint64>{ids[2], ids[3], ids[0], ids[1]}));
        filter.kind = DeltaKind::Defect;
        QCOMPARE(*deltas.ids(filter), (QList<qint64>{ids[2], ids[3], ids[0], ids[1]}));
        filter.kind.reset();
        // Title, case ignored, both ways.
        filter.sort = DeltaSort::Title;
        filter.descending = false;
        QCOMPARE(*deltas.ids(filter), (QList<qint64>{ids[1], ids[3], ids[2], ids[0]}));
        // "#N" is that delta; "12" is delta 12 (none here) and the deltas that say 12.
        filter = {};
        filter.search = u"#%1"_s.arg(ids[1]);
        QCOMPARE(*deltas.ids(filter), QList<qint64>{ids[1]});
        filter.search = u"12"_s;
        QCOMPARE(*deltas.ids(filter), QList<qint64>{ids[2]});
        filter.search = QString::number(ids[3]);
        QCOMPARE(*deltas.ids(filter), QList<qint64>{ids[3]});
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;
};

DELTABOARD_TEST_MAIN(DeltaStoreTest)
#include "deltastoretest.moc"
