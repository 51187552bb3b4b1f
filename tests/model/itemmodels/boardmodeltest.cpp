#include "testdatabase.h"
#include "testmain.h"

#include "boardmodel.h"
#include "deltastore.h"
#include "groupstore.h"
#include "history.h"
#include "organisationstore.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

QStringList titles(const BoardColumnModel *model)
{
    QStringList result;
    for (int row = 0; row < model->rowCount(); ++row)
        result.append(model->index(row).data(BoardColumnModel::TitleRole).toString());
    return result;
}

} // namespace

class BoardModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_acme = OrganisationStore(*m_db).create(u"Acme"_s)->id;
        m_globex = OrganisationStore(*m_db).create(u"Globex"_s)->id;
        const qint64 group = GroupStore(*m_db).createGroup(u"Laptop users"_s, {}, 100)->id;
        DeltaStore deltas(*m_db);
        Delta defect;
        defect.title = u"Hangs on resume"_s;
        Delta spec;
        spec.kind = DeltaKind::Spec;
        spec.title = u"Offline mode"_s;
        const qint64 d1 = *deltas.create(defect);
        const qint64 d2 = *deltas.create(spec);
        QVERIFY(TriageStore(*m_db).setImpact(d1, group, int(Impact::High), 40));
        QVERIFY(TriageStore(*m_db).setPriority(m_acme, d1, int(Priority::Critical)));
        QVERIFY(TriageStore(*m_db).setPriority(m_globex, d1, int(Priority::Low)));
        TaskStore tasks(*m_db);
        for (const QString &title : {u"Alpha"_s, u"Beta"_s, u"Gamma"_s})
            m_tasks.append(*tasks.commit(m_acme, title, {d1, d2}));
        QVERIFY(tasks.commit(m_globex, u"Theirs"_s, {d1}));
    }

    void cleanup()
    {
        m_tasks.clear();
        m_db.reset();
        m_temp.reset();
    }

    void shouldShowOneOrganisationsCardsPerColumn()
    {
        BoardModel board(*m_db);
        QSignalSpy reset(&board, &BoardModel::boardReset);
        QVERIFY(board.load(m_acme));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(board.columns().size(), 5);
        QCOMPARE(board.cardCount(), 3);
        BoardColumnModel *backlog = board.columns().first();
        QAbstractItemModelTester tester(backlog,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(titles(backlog), (QStringList{u"Alpha"_s, u"Beta"_s, u"Gamma"_s}));
        const QModelIndex alpha = backlog->index(0);
        QCOMPARE(alpha.data(BoardColumnModel::PriorityRole).toInt(), int(Priority::Critical));
        QCOMPARE(alpha.data(BoardColumnModel::TopImpactRole).toInt(), int(Impact::High));
        QCOMPARE(alpha.data(BoardColumnModel::TopGroupRole).toString(), u"Laptop users"_s);
        QCOMPARE(alpha.data(BoardColumnModel::KindsRole).toStringList(),
                 (QStringList{u"defect"_s, u"spec"_s}));
        QCOMPARE(alpha.data(BoardColumnModel::LinkedDeltasRole).toInt(), 2);

        // The other organisation sees its own card with its own priority.
        QVERIFY(board.load(m_globex));
        QCOMPARE(titles(board.columns().first()), QStringList{u"Theirs"_s});
        QCOMPARE(board.columns().first()->index(0).data(BoardColumnModel::PriorityRole).toInt(),
                 int(Priority::Low));
    }

    void shouldMoveWithHistoryAndUndoBack()
    {
        BoardModel board(*m_db);
        QUndoStack stack;
        board.setUndoStack(&stack);
        QVERIFY(board.load(m_acme));
        BoardColumnModel *backlog = board.columns().at(0);
        BoardColumnModel *inProgress = board.columns().at(2);
        QAbstractItemModelTester t1(backlog,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(inProgress,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(backlog, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(inProgress, &QAbstractItemModel::rowsInserted);

        board.requestMove(m_tasks[1], {inProgress->column().id, std::nullopt});
        QCOMPARE(stack.count(), 1);
        QCOMPARE(stack.undoText(), u"Move card to In progress"_s);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(titles(backlog), (QStringList{u"Alpha"_s, u"Gamma"_s}));
        QCOMPARE(titles(inProgress), QStringList{u"Beta"_s});
        QCOMPARE(TaskStore(*m_db).get(m_tasks[1])->columnId, inProgress->column().id);
        const auto history = History(*m_db).list(u"task"_s, m_tasks[1]);
        QCOMPARE(history->at(history->size() - 3).field, u"column_id"_s);

        stack.undo();
        QCOMPARE(titles(backlog), (QStringList{u"Alpha"_s, u"Beta"_s, u"Gamma"_s}));
        QVERIFY(titles(inProgress).isEmpty());
        const auto back = TaskStore(*m_db).get(m_tasks[1]);
        QCOMPARE(back->columnId, backlog->column().id);
        QStringList order;
        const auto listed = TaskStore(*m_db).list(m_acme);
        for (const Task &task : *listed)
            order.append(task.title);
        QCOMPARE(order, (QStringList{u"Alpha"_s, u"Beta"_s, u"Gamma"_s}));

        stack.redo();
        QCOMPARE(titles(inProgress), QStringList{u"Beta"_s});
    }

    void shouldMoveWhatADragCarries()
    {
        // The same calls a drag-and-drop makes: mimeData() on the source, dropMimeData() on
        // the target with the row the card was dropped at.
        BoardModel board(*m_db);
        QUndoStack stack;
        board.setUndoStack(&stack);
        QVERIFY(board.load(m_acme));
        BoardColumnModel *backlog = board.columns().at(0);
        std::unique_ptr<QMimeData> data(backlog->mimeData({backlog->index(2)}));
        QVERIFY(backlog->canDropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
        QVERIFY(!backlog->dropMimeData(data.get(), Qt::MoveAction, 0, 0, {})); // see the model
        QCOMPARE(titles(backlog), (QStringList{u"Gamma"_s, u"Alpha"_s, u"Beta"_s}));
        QCOMPARE(stack.undoText(), u"Reorder card"_s);
        stack.undo();
        QCOMPARE(titles(backlog), (QStringList{u"Alpha"_s, u"Beta"_s, u"Gamma"_s}));
    }

    void shouldRefuseAMoveTheDatabaseRefuses()
    {
        BoardModel board(*m_db);
        QUndoStack stack;
        board.setUndoStack(&stack);
        QVERIFY(board.load(m_acme));
        QSignalSpy errors(&board, &BoardModel::errorOccurred);
        // A card removed behind the board's back cannot be moved; nothing is left to undo.
        QVERIFY(m_db->execOnce(u"DELETE FROM tasks WHERE id = ?"_s, {m_tasks[0]}));
        board.requestMove(m_tasks[0], {board.columns().at(1)->column().id, std::nullopt});
        QCOMPARE(errors.count(), 1);
        QCOMPARE(stack.count(), 0);
        QCOMPARE(titles(board.columns().at(1)), QStringList{});
    }

    void shouldFilterAndCountWip()
    {
        BoardModel board(*m_db);
        QVERIFY(board.load(m_acme));
        board.setFilter(u"ta"_s);
        QCOMPARE(titles(board.columns().first()), (QStringList{u"Beta"_s}));
        QCOMPARE(board.columns().first()->cardCount(), 3); // the count is of all cards
        board.setFilter({});
        QCOMPARE(titles(board.columns().first()).size(), 3);

        // Review has a WIP limit of 5: six cards put it over.
        BoardColumnModel *review = board.columns().at(3);
        QCOMPARE(review->column().wipLimit, std::optional<int>(5));
        TaskStore tasks(*m_db);
        for (int i = 0; i < 6; ++i) {
            const qint64 id = *tasks.commit(m_acme, u"More %1"_s.arg(i), {1});
            QVERIFY(tasks.move(id, review->column().id));
        }
        QVERIFY(board.load(m_acme));
        review = board.columns().at(3);
        QVERIFY(review->isOverLimit());
        QVERIFY(!board.columns().at(0)->isOverLimit());
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    qint64 m_acme = 0;
    qint64 m_globex = 0;
    QList<qint64> m_tasks;
};

DELTABOARD_TEST_MAIN(BoardModelTest)
#include "boardmodeltest.moc"
