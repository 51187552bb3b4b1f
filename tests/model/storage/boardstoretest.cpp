#include "testdatabase.h"
#include "testmain.h"

#include "boardstore.h"
#include "clock.h"
#include "integritycheck.h"
#include "organisationstore.h"
#include "taskstore.h"

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

// Boards a team shapes: columns added, moved, removed (their cards going where asked) and put
// back with their ids; done cards leaving the board after its period, archived and restored.
class BoardStoreTest : public QObject
{
    Q_OBJECT

private:
    QStringList names(qint64 organisationId)
    {
        QStringList list;
        const auto board = BoardStore(*m_db).board(organisationId);
        for (const BoardColumn &column : board->columns)
            list.append(column.name);
        return list;
    }

    QList<qint64> shown(qint64 organisationId)
    {
        QList<qint64> ids;
        const auto cards = TaskStore(*m_db).boardCards(organisationId);
        for (const BoardCard &card : *cards)
            ids.append(card.id);
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_clock.set(QDateTime(QDate(2026, 5, 4), QTime(10, 0), Qt::UTC));
        m_db->setClock(&m_clock);
        const auto organisation
            = OrganisationStore(*m_db).create(u"Kestrel"_s, BoardTemplate::Simple);
        QVERIFY(organisation);
        m_org = organisation->id;
    }

    void cleanup()
    {
        QVERIFY(IntegrityCheck::healthy(IntegrityCheck(*m_db).run()));
        m_db.reset();
        m_temp.reset();
    }

    void shouldShapeColumnsAndPutARemovedOneBack()
    {
        BoardStore store(*m_db);
        const auto board = store.board(m_org);
        QCOMPARE(names(m_org), (QStringList{u"To do"_s, u"Doing"_s, u"Done"_s}));
        // A new column goes before the done one unless told where.
        const auto blocked = store.addColumn(board->id, {u"Blocked"_s, 3, false, false});
        QVERIFY(blocked);
        QCOMPARE(names(m_org), (QStringList{u"To do"_s, u"Doing"_s, u"Blocked"_s, u"Done"_s}));
        QVERIFY(store.moveColumn(blocked->id, 0));
        QCOMPARE(names(m_org), (QStringList{u"Blocked"_s, u"To do"_s, u"Doing"_s, u"Done"_s}));
        QVERIFY(store.renameColumn(blocked->id, u"Waiting"_s));
        QVERIFY(!store.renameColumn(blocked->id, u"doing"_s)); // names are unique, any case

        // A column with a card needs a destination; the card goes there and comes back.
        const auto task = TaskStore(*m_db).add(
            {m_org, u"Chore"_s, {}, {}, u"Ana"_s, blocked->id, std::nullopt});
        QVERIFY(task);
        const auto refused = store.removeColumn(blocked->id, std::nullopt);
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(u"holds 1 card"_s));
        const qint64 done = store.board(m_org)->columns.last().id;
        const auto removed = store.removeColumn(blocked->id, done);
        QVERIFY(removed);
        QCOMPARE(TaskStore(*m_db).get(*task)->columnId, done);
        QVERIFY(!TaskStore(*m_db).get(*task)->doneAt.isEmpty()); // it entered a done column
        QVERIFY(store.restoreColumn(*removed));
        QCOMPARE(names(m_org), (QStringList{u"Waiting"_s, u"To do"_s, u"Doing"_s, u"Done"_s}));
        QCOMPARE(store.board(m_org)->columns.first().id, blocked->id);
        QCOMPARE(TaskStore(*m_db).get(*task)->columnId, blocked->id);
        QVERIFY(TaskStore(*m_db).get(*task)->doneAt.isEmpty()); // with the times it had
    }

    void shouldLetOldDoneCardsLeaveTheBoardAndComeBack()
    {
        BoardStore store(*m_db);
        const auto board = store.board(m_org);
        const qint64 done = board->columns.last().id;
        TaskStore tasks(*m_db);
        const auto old = tasks.add({m_org, u"Old"_s, {}, {}, {}, done, std::nullopt});
        const auto open = tasks.add({m_org, u"Open"_s, {}, {}, {}, std::nullopt, std::nullopt});
        QVERIFY(old && open);
        QCOMPARE(shown(m_org), (QList<qint64>{*open, *old}));

        // Fifteen days later the done card has left by itself; nothing was written.
        m_clock.set(m_clock.now().addDays(15));
        QCOMPARE(shown(m_org), QList<qint64>{*open});
        QCOMPARE(tasks.get(*old)->rowVersion, 1);
        const auto archived = store.archivedCards(m_org);
        QCOMPARE(archived->size(), 1);
        QCOMPARE(archived->first().taskId, *old);
        QCOMPARE(store.cardCounts(m_org)->value(done), 0);

        // Restored, it stays for another period; a board that keeps done cards shows it anyway.
        QVERIFY(store.restore({*old}));
        QCOMPARE(shown(m_org), (QList<qint64>{*open, *old}));
        m_clock.set(m_clock.now().addDays(15));
        QCOMPARE(shown(m_org), QList<qint64>{*open});
        QVERIFY(store.setArchiveAfter(board->id, 0));
        QCOMPARE(shown(m_org), (QList<qint64>{*open, *old}));

        // Archiving now: the done ones only, and undone by restore.
        QVERIFY(!store.archive({*open}));
        const auto now = store.archiveDoneCards(m_org);
        QCOMPARE(*now, QList<qint64>{*old});
        QCOMPARE(shown(m_org), QList<qint64>{*open});
        QVERIFY(!tasks.get(*old)->doneAt.isEmpty());
        QVERIFY(store.restore(*now));
        QCOMPARE(shown(m_org), (QList<qint64>{*open, *old}));

        // An archived card moved back into work is on the board again, open.
        QVERIFY(store.archive({*old}));
        QVERIFY(tasks.move(*old, board->columns.first().id));
        QVERIFY(tasks.get(*old)->doneAt.isEmpty());
        QCOMPARE(shown(m_org), (QList<qint64>{*open, *old}));
        QVERIFY(store.archivedCards(m_org)->isEmpty());
    }

    void shouldRefuseToRemoveAnOrganisationSomethingRefersTo()
    {
        OrganisationStore organisations(*m_db);
        QVERIFY(TaskStore(*m_db).add({m_org, u"Chore"_s, {}, {}, {}, std::nullopt, std::nullopt}));
        const auto refused = organisations.remove(m_org);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), u"cannot remove organisation \"Kestrel\": it owns 1 task"_s);
        const auto empty = organisations.create(u"Heron"_s);
        const auto removed = organisations.remove(empty->id);
        QVERIFY(removed);
        QVERIFY(!organisations.byId(empty->id));
        QVERIFY(organisations.restore(*removed));
        QCOMPARE(BoardStore(*m_db).board(empty->id)->columns.size(), 5);
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;
    qint64 m_org = 0;
};

DELTABOARD_TEST_MAIN(BoardStoreTest)
#include "boardstoretest.moc"
