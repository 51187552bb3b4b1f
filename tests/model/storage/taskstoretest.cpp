#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "history.h"
#include "organisationstore.h"
#include "taskstore.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

class TaskStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_clock.set(QDateTime(QDate(2026, 5, 4), QTime(10, 0), Qt::UTC));
        m_db->setClock(&m_clock);
        const auto acme = OrganisationStore(*m_db).create(u"Acme"_s);
        const auto globex = OrganisationStore(*m_db).create(u"Globex"_s);
        QVERIFY(acme && globex);
        m_acme = acme->id;
        m_globex = globex->id;
        m_board = *OrganisationStore(*m_db).board(m_acme);
        for (const QString &title : {u"Crash on start"_s, u"Slow search"_s, u"Dark mode"_s}) {
            Delta delta;
            delta.title = title;
            const auto id = DeltaStore(*m_db).create(delta);
            QVERIFY(id);
            m_deltas.append(*id);
        }
    }

    void cleanup()
    {
        m_deltas.clear();
        m_db.reset();
        m_temp.reset();
    }

    void shouldCommitToDeltasWithOneTaskInTheFirstColumn()
    {
        const auto id
            = TaskStore(*m_db).commit(m_acme, u"Fix start-up"_s, {m_deltas[0], m_deltas[1]});
        QVERIFY2(id, qPrintable(id.error()));
        const auto task = TaskStore(*m_db).get(*id);
        QCOMPARE(task->organisation, u"Acme"_s);
        QCOMPARE(task->columnId, m_board.columns.first().id);
        QCOMPARE(task->deltaIds, (QList<qint64>{m_deltas[0], m_deltas[1]}));
        QVERIFY(task->startedAt.isEmpty());

        // The link is in both records' history.
        const auto taskHistory = History(*m_db).list(u"task"_s, *id);
        QCOMPARE(taskHistory->size(), 3); // created + two links
        const auto deltaHistory = History(*m_db).list(u"delta"_s, m_deltas[1]);
        QCOMPARE(deltaHistory->last().field, u"task_link"_s);
        QCOMPARE(deltaHistory->last().newValue, QString::number(*id));
    }

    void shouldWriteNothingWhenADeltaIsMissing()
    {
        const auto id = TaskStore(*m_db).commit(m_acme, u"Fix it"_s, {m_deltas[0], 777});
        QVERIFY(!id);
        QVERIFY2(id.error().contains(u"777"_s), qPrintable(id.error()));
        QCOMPARE(countRows(*m_db, u"tasks"_s), 0);
        QCOMPARE(countRows(*m_db, u"task_deltas"_s), 0);
        QCOMPARE(countRows(*m_db, u"history"_s), 2 + 3); // organisations and deltas only
    }

    void shouldStartFinishAndReopenAsTheCardMoves()
    {
        TaskStore store(*m_db);
        const auto id = store.commit(m_acme, u"Fix"_s, {m_deltas[0]});
        const BoardColumn &inProgress = m_board.columns[2];
        const BoardColumn &done = m_board.columns.last();
        QVERIFY(done.isDone);

        m_clock.advanceSecs(3600);
        QVERIFY(store.move(*id, inProgress.id));
        QCOMPARE(store.get(*id)->startedAt, u"2026-05-04T11:00:00.000Z"_s);

        m_clock.advanceSecs(3600);
        QVERIFY(store.move(*id, done.id));
        QCOMPARE(store.get(*id)->doneAt, u"2026-05-04T12:00:00.000Z"_s);

        m_clock.advanceSecs(3600);
        QVERIFY(store.move(*id, inProgress.id)); // reopened
        const auto reopened = store.get(*id);
        QVERIFY(reopened->doneAt.isEmpty());
        QCOMPARE(reopened->startedAt, u"2026-05-04T11:00:00.000Z"_s); // the first start stays

        QStringList columnMoves;
        const auto history = History(*m_db).list(u"task"_s, *id);
        for (const HistoryEntry &entry : *history) {
            if (entry.field == u"column_id"_s)
                columnMoves.append(entry.oldValue + u"->"_s + entry.newValue);
        }
        const auto c = [this](int i) {
            return QString::number(m_board.columns[i].id);
        };
        QCOMPARE(columnMoves, (QStringList{c(0) + u"->"_s + c(2), c(2) + u"->"_s + c(4),
                                           c(4) + u"->"_s + c(2)}));
    }

    void shouldReorderWithinAColumn()
    {
        TaskStore store(*m_db);
        const qint64 a = *store.commit(m_acme, u"A"_s, {m_deltas[0]});
        const qint64 b = *store.commit(m_acme, u"B"_s, {m_deltas[1]});
        const qint64 c = *store.commit(m_acme, u"C"_s, {m_deltas[2]});
        QVERIFY(store.move(c, m_board.columns[0].id, a)); // C before A
        QVERIFY(store.move(b, m_board.columns[0].id, c)); // B before C
        QStringList order;
        const auto tasks = store.list(m_acme);
        for (const Task &task : *tasks)
            order.append(task.title);
        QCOMPARE(order, (QStringList{u"B"_s, u"C"_s, u"A"_s}));
    }

    void shouldRenumberWhenRanksRunOut()
    {
        TaskStore store(*m_db);
        const qint64 column = m_board.columns[0].id;
        const qint64 a = *store.commit(m_acme, u"A"_s, {m_deltas[0]});
        const qint64 b = *store.commit(m_acme, u"B"_s, {m_deltas[0]});
        const qint64 c = *store.commit(m_acme, u"C"_s, {m_deltas[0]});
        const qint64 d = *store.commit(m_acme, u"D"_s, {m_deltas[0]});
        // Placing C and D in turn right before B halves the gap each time; after about ten
        // moves there is no room left and the column is renumbered.
        for (int i = 0; i < 16; ++i)
            QVERIFY(store.move(i % 2 == 0 ? c : d, column, b));
        QStringList order;
        QSet<qint64> ranks;
        const auto tasks = store.list(m_acme);
        for (const Task &task : *tasks) {
            order.append(task.title);
            ranks.insert(task.rank);
        }
        QCOMPARE(order, (QStringList{u"A"_s, u"C"_s, u"D"_s, u"B"_s}));
        QCOMPARE(ranks.size(), 4);
        Q_UNUSED(a);
    }

    void shouldKeepTheOrderWhenRenumberingRanks()
    {
        // GIVEN ranks out of id order with no room left before the last card
        TaskStore store(*m_db);
        const qint64 column = m_board.columns[0].id;
        const qint64 a = *store.commit(m_acme, u"A"_s, {m_deltas[0]});
        const qint64 b = *store.commit(m_acme, u"B"_s, {m_deltas[0]});
        const qint64 c = *store.commit(m_acme, u"C"_s, {m_deltas[0]});
        const qint64 d = *store.commit(m_acme, u"D"_s, {m_deltas[0]});
        QVERIFY(m_db->execOnce(u"UPDATE tasks SET rank = 100 WHERE id = ?"_s, {a}));
        QVERIFY(m_db->execOnce(u"UPDATE tasks SET rank = 101 WHERE id = ?"_s, {b}));
        QVERIFY(m_db->execOnce(u"UPDATE tasks SET rank = 50 WHERE id = ?"_s, {c}));
        QVERIFY(m_db->execOnce(u"UPDATE tasks SET rank = 200 WHERE id = ?"_s, {d}));
        // WHEN D goes between A and B, which forces a renumbering
        QVERIFY(store.move(d, column, b));
        // THEN the order is kept and every rank is distinct
        QStringList order;
        QSet<qint64> ranks;
        const auto tasks = store.list(m_acme);
        for (const Task &task : *tasks) {
            order.append(task.title);
            ranks.insert(task.rank);
        }
        QCOMPARE(order, (QStringList{u"C"_s, u"A"_s, u"D"_s, u"B"_s}));
        QCOMPARE(ranks.size(), 4);
    }

    void shouldNotDoomTheOuterTransactionWhenNothingChanges()
    {
        TaskStore store(*m_db);
        const qint64 id = *store.commit(m_acme, u"A"_s, {m_deltas[0]});
        Transaction outer(*m_db);
        QVERIFY(store.update(*store.get(id))); // nothing to change
        QVERIFY(DeltaStore(*m_db).update(*DeltaStore(*m_db).get(m_deltas[0])));
        QVERIFY(outer.commit());
    }

    void shouldRefuseAColumnOfAnotherOrganisation()
    {
        TaskStore store(*m_db);
        const qint64 id = *store.commit(m_acme, u"A"_s, {m_deltas[0]});
        const auto globexBoard = OrganisationStore(*m_db).board(m_globex);
        const Status moved = store.move(id, globexBoard->columns[1].id);
        QVERIFY(!moved);
        QVERIFY2(moved.error().contains(u"not on the board of Acme"_s), qPrintable(moved.error()));
        QCOMPARE(store.get(id)->columnId, m_board.columns[0].id);
    }

    void shouldVerifyFixRecords()
    {
        TaskStore store(*m_db);
        const qint64 id = *store.commit(m_acme, u"A"_s, {m_deltas[0]});
        FixRecord fix;
        fix.taskId = id;
        fix.branch = u"release-26.04"_s;
        fix.revision = u"a1b2c3d"_s;
        fix.version = u"26.04.1"_s;
        const auto fixId = store.addFixRecord(fix);
        QVERIFY2(fixId, qPrintable(fixId.error()));
        QVERIFY(store.fixRecords(id)->first().verifiedAt.isEmpty());
        QVERIFY(store.verifyFix(*fixId));
        QCOMPARE(store.fixRecords(id)->first().verifiedAt, m_clock.nowText());
        QCOMPARE(History(*m_db).list(u"task"_s, id)->last().field, u"fix_verified"_s);
    }

    void shouldQueryTheBoardWithLinkCounts()
    {
        TaskStore store(*m_db);
        QVERIFY(store.commit(m_acme, u"A"_s, {m_deltas[0], m_deltas[1]}));
        QVERIFY(store.commit(m_globex, u"B"_s, {m_deltas[0]}));
        const auto cards = store.boardCards(m_acme);
        QVERIFY(cards);
        QCOMPARE(cards->size(), 1);
        QCOMPARE(cards->first().title, u"A"_s);
        QCOMPARE(cards->first().linkedDeltas, 2);
        QVERIFY(!cards->first().topImpact);
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;
    qint64 m_acme = 0;
    qint64 m_globex = 0;
    Board m_board;
    QList<qint64> m_deltas;
};

DELTABOARD_TEST_MAIN(TaskStoreTest)
#include "taskstoretest.moc"
