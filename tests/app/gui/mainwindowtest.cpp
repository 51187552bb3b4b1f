// Over 600 lines: one window under test, each case driving it end to end as a user does.
#include "app/gui/dragcard.h"
#include "testdatabase.h"
#include "testmain.h"

#include "app/gui/importwizard.h"
#include "app/gui/mainwindow.h"
#include "app/gui/welcome.h"
#include "app/gui/workspacesettings.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "commentstore.h"
#include "crashlistmodel.h"
#include "crashstore.h"
#include "deltastore.h"
#include "demogenerator.h"
#include "gapmodel.h"
#include "groupstore.h"
#include "history.h"
#include "impactmatrixmodel.h"
#include "organisationstore.h"
#include "priorityrankingmodel.h"
#include "relationstore.h"
#include "reports.h"
#include "taskstore.h"
#include "triagestore.h"
#include "views/boardcolumnview.h"
#include "views/boardview.h"
#include "views/commitdialog.h"
#include "views/crashview.h"
#include "views/deltadetailview.h"
#include "views/deltalistview.h"
#include "views/flowview.h"
#include "views/gapview.h"
#include "views/impactview.h"
#include "views/prioritiesview.h"
#include "views/swimlanegrid.h"
#include "views/taskeditor.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDrag>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

// The events a real double-click delivers, in order. (QTest::mouseDClick on a child widget
// skips the presses that item views need to know which item was pressed.)
void doubleClick(QWidget *widget, QPoint at)
{
    const QPoint global = widget->mapToGlobal(at);
    const struct
    {
        QEvent::Type type;
        Qt::MouseButtons buttons;
    } sequence[] = {{QEvent::MouseButtonPress, Qt::LeftButton},
                    {QEvent::MouseButtonRelease, Qt::NoButton},
                    {QEvent::MouseButtonPress, Qt::LeftButton},
                    {QEvent::MouseButtonDblClick, Qt::LeftButton},
                    {QEvent::MouseButtonRelease, Qt::NoButton}};
    for (const auto &step : sequence) {
        QMouseEvent event(step.type, at, global, Qt::LeftButton, step.buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(widget, &event);
    }
}

BoardColumnView *columnNamed(const MainWindow &window, const QString &name)
{
    return window.findChild<BoardColumnView *>(u"column:"_s + name);
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Settings go to a temporary folder, never to the user's.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setDefaultFormat(QSettings::NativeFormat);
    }

    void init()
    {
        QSettings().clear();
        m_temp = std::make_unique<TempDatabase>();
        auto db = m_temp->open();
        QVERIFY(db);
        DemoGenerator::Parameters parameters;
        parameters.deltas = 600;
        parameters.tasks = 120;
        parameters.organisations = 3;
        QVERIFY(DemoGenerator(*db).generate(parameters));
        m_window = std::make_unique<MainWindow>(std::move(db));
        m_window->show();
        // Shortcuts need an active window; under Xvfb there is no window manager to activate it.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset();
    }

    void shouldDragACardToAnotherColumnAndUndoIt()
    {
        // Qt's offscreen platform has no drag and drop: QDrag::exec() returns at once. CTest runs
        // this test on Xvfb (tests/CMakeLists.txt); say so rather than pass without dragging.
        if (QGuiApplication::platformName() == u"offscreen"_s)
            QSKIP("a real drag needs a real X server: run under xvfb-run with QT_QPA_PLATFORM=xcb");
        // GIVEN the first organisation's board
        m_window->showView(MainWindow::View::Board);
        BoardColumnView *backlog = columnNamed(*m_window, u"Backlog"_s);
        BoardColumnView *review = columnNamed(*m_window, u"Review"_s);
        QVERIFY(backlog && review);
        QAbstractItemModelTester t1(backlog->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(review->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(backlog->model()->rowCount() > 0);
        const QModelIndex card = backlog->model()->index(0, 0);
        const qint64 taskId = card.data(BoardColumnModel::TaskIdRole).toLongLong();
        const int reviewBefore = review->model()->cardCount();
        const auto historyBefore = History(m_window->database()).list(u"task"_s, taskId);

        // WHEN the card is dragged with the mouse onto the Review column
        dragCard(backlog->list(), card, review->list(), QPoint(40, 4));

        // THEN the database has it in Review, with history, and the columns show it there
        QTRY_COMPARE(review->model()->cardCount(), reviewBefore + 1);
        const auto moved = TaskStore(m_window->database()).get(taskId);
        QCOMPARE(moved->columnId, review->model()->column().id);
        const auto historyAfter = History(m_window->database()).list(u"task"_s, taskId);
        QVERIFY(historyAfter->size() > historyBefore->size());
        bool columnRecorded = false;
        for (qsizetype i = historyBefore->size(); i < historyAfter->size(); ++i)
            columnRecorded = columnRecorded || historyAfter->at(i).field == u"column_id"_s;
        QVERIFY(columnRecorded);
        QCOMPARE(review->model()->rowOf(taskId), 0); // dropped at the top

        // WHEN the user presses Ctrl+Z THEN the card goes back, in the database too
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(review->model()->cardCount(), reviewBefore);
        QCOMPARE(backlog->model()->rowOf(taskId), 0);
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->columnId,
                 backlog->model()->column().id);
    }

    void shouldDragACardAcrossSwimlanesByAssigneeAndRefuseWhereTheLaneIsNotTheCards()
    {
        if (QGuiApplication::platformName() == u"offscreen"_s)
            QSKIP("a real drag needs a real X server: run under xvfb-run with QT_QPA_PLATFORM=xcb");
        // GIVEN two Backlog cards assigned to Ana and Jon, on a board in lanes by assignee
        m_window->showView(MainWindow::View::Board);
        Database &db = m_window->database();
        BoardColumnView *backlog = columnNamed(*m_window, u"Backlog"_s);
        QVERIFY(backlog && backlog->model()->rowCount() >= 2);
        const qint64 ana = backlog->model()->taskAt(0);
        const qint64 jon = backlog->model()->taskAt(1);
        for (const auto &[id, name] :
             {std::pair{ana, u"Ana Lima"_s}, std::pair{jon, u"Jon Park"_s}}) {
            auto task = TaskStore(db).get(id);
            QVERIFY(task);
            Task assigned = *task;
            assigned.assignee = name;
            QVERIFY(TaskStore(db).update(assigned));
        }
        m_window->workspace()->notifyTasksChanged(m_window->boardModel()->organisationId());
        m_window->setSwimlanes(Swimlanes::Assignee);
        SwimlaneGrid *lanes = m_window->boardView()->swimlaneGrid();
        QVERIFY(lanes);
        const qint64 backlogId = m_window->boardModel()->columns().at(0)->column().id;
        const qint64 readyId = m_window->boardModel()->columns().at(1)->column().id;
        QListView *from = lanes->cell(u"Ana Lima"_s, backlogId);
        QListView *to = lanes->cell(u"Jon Park"_s, readyId);
        QVERIFY(from && to);
        QCOMPARE(from->model()->rowCount(), 1);
        QCOMPARE(to->model()->rowCount(), 0);
        lanes->window()->activateWindow();

        // WHEN Ana's card is dragged into Jon's lane, in Ready
        to->scrollTo(to->model()->index(0, 0));
        dragCard(from, from->model()->index(0, 0), to, QPoint(40, 10));

        // THEN it is Jon's and in Ready, as one undo step
        QTRY_COMPARE(TaskStore(db).get(ana)->assignee, u"Jon Park"_s);
        QCOMPARE(TaskStore(db).get(ana)->columnId, readyId);
        QTRY_COMPARE(m_window->boardModel()->laneOf(ana), u"Jon Park"_s);
        m_window->undoStack()->undo();
        QCOMPARE(TaskStore(db).get(ana)->assignee, u"Ana Lima"_s);
        QCOMPARE(TaskStore(db).get(ana)->columnId, backlogId);

        // AND Ctrl+Down moves the selected card to the next lane (Jon's) in its column
        lanes = m_window->boardView()->swimlaneGrid();
        QListView *anas = lanes->cell(u"Ana Lima"_s, backlogId);
        QVERIFY(anas && anas->model()->rowCount() == 1);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        anas->setFocus();
        anas->setCurrentIndex(anas->model()->index(0, 0));
        QTest::keyClick(anas, Qt::Key_Down, Qt::ControlModifier);
        QTRY_COMPARE(TaskStore(db).get(ana)->assignee, u"Jon Park"_s);
        QCOMPARE(TaskStore(db).get(ana)->columnId, backlogId);
        m_window->undoStack()->undo();
        QCOMPARE(TaskStore(db).get(ana)->assignee, u"Ana Lima"_s);

        // WHEN the lanes are priorities, a move into another lane is refused and says why
        m_window->setSwimlanes(Swimlanes::Priority);
        lanes = m_window->boardView()->swimlaneGrid();
        QVERIFY(lanes && m_window->boardModel()->lanes().size() >= 2);
        const QString own = m_window->boardModel()->laneOf(ana);
        QString other;
        for (const BoardModel::Lane &lane : m_window->boardModel()->lanes()) {
            if (lane.key.label != own)
                other = lane.key.label;
        }
        const auto before = TaskStore(db).get(ana);
        // The filter leaves just that card, so every lane fits on the screen.
        m_window->boardModel()->setFilter(u"#%1"_s.arg(ana));
        QListView *source = lanes->cell(own, backlogId);
        QListView *target = lanes->cell(other, readyId);
        QVERIFY(source && target);
        int row = -1;
        for (int r = 0; r < source->model()->rowCount(); ++r) {
            if (source->model()->index(r, 0).data(BoardColumnModel::TaskIdRole).toLongLong() == ana)
                row = r;
        }
        QVERIFY(row >= 0);
        source->scrollTo(source->model()->index(row, 0));
        dragCard(source, source->model()->index(row, 0), target, QPoint(40, 10));
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"priority"_s),
                     qPrintable(m_window->statusBar()->currentMessage()));
        QCOMPARE(TaskStore(db).get(ana)->columnId, before->columnId);
        m_window->boardModel()->setFilter({});

        // AND a lane collapses and opens again
        lanes->setCollapsed(own, true);
        QVERIFY(!lanes->cell(own, backlogId)->isVisible());
        lanes->setCollapsed(own, false);
        QVERIFY(lanes->cell(own, backlogId)->isVisible());
        m_window->setSwimlanes(Swimlanes::None);
        QVERIFY(!m_window->boardView()->swimlaneGrid());
    }

    void shouldMoveACardWithTheKeyboard()
    {
        m_window->showView(MainWindow::View::Board);
        BoardColumnView *backlog = columnNamed(*m_window, u"Backlog"_s);
        BoardColumnView *ready = columnNamed(*m_window, u"Ready"_s);
        const qint64 taskId = backlog->model()->taskAt(0);
        backlog->list()->setFocus();
        backlog->list()->setCurrentIndex(backlog->model()->index(0, 0));
        QTest::keyClick(backlog->list(), Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->columnId,
                 ready->model()->column().id);
        QVERIFY(ready->model()->rowOf(taskId) >= 0);
        QCOMPARE(m_window->undoStack()->count(), 1);
    }

    // Another program holds the write lock past the wait: the move is not dropped, the user is
    // asked, and once they try again after the other writer is done, it lands.
    void shouldAskToTryAgainWhenAnotherProgramHoldsTheWriteLock()
    {
        m_window->showView(MainWindow::View::Board);
        m_window->database().setBusyTimeout(200);
        BoardColumnView *backlog = columnNamed(*m_window, u"Backlog"_s);
        BoardColumnView *ready = columnNamed(*m_window, u"Ready"_s);
        const qint64 taskId = backlog->model()->taskAt(0);
        auto other = Database::open(m_window->database().path());
        QVERIFY(other);
        QVERIFY((*other)->execOnce(u"BEGIN IMMEDIATE"_s));

        // WHEN the user moves a card, is asked, gives it up the first time and, once the other
        // writer is done, tries again the second time
        int asked = 0;
        QString firstQuestion;
        QString unexpected;
        std::function<void()> answer;
        answer = [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            // Anything else modal (an error) fails the test below, instead of hanging it.
            if (box && box->objectName() != u"writeBusyBox"_s) {
                unexpected = box->text();
                box->close();
                return;
            }
            if (!box || box->objectName() != u"writeBusyBox"_s) {
                QTimer::singleShot(20, m_window.get(), answer);
                return;
            }
            ++asked;
            if (asked == 1) {
                firstQuestion = box->text();
                box->button(QMessageBox::Discard)->click();
                return;
            }
            QVERIFY((*other)->execOnce(u"ROLLBACK"_s));
            box->button(QMessageBox::Retry)->click();
        };
        QTimer::singleShot(20, m_window.get(), answer);
        backlog->list()->setFocus();
        backlog->list()->setCurrentIndex(backlog->model()->index(0, 0));
        QTest::keyClick(backlog->list(), Qt::Key_Right, Qt::ControlModifier);
        // THEN the first attempt, given up, wrote nothing and left no undo step
        QCOMPARE(asked, 1);
        QVERIFY2(firstQuestion.contains(u"not saved"_s), qPrintable(firstQuestion));
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->columnId,
                 backlog->model()->column().id);
        QCOMPARE(m_window->undoStack()->count(), 0);

        QTimer::singleShot(20, m_window.get(), answer);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        backlog->list()->setFocus();
        backlog->list()->setCurrentIndex(
            backlog->model()->index(backlog->model()->rowOf(taskId), 0));
        QTest::keyClick(backlog->list(), Qt::Key_Right, Qt::ControlModifier);
        // … and the second, tried again, moved the card
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
        QCOMPARE(asked, 2);
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->columnId,
                 ready->model()->column().id);
        QCOMPARE(m_window->undoStack()->count(), 1);
    }

    void shouldWarnWhenAColumnGoesOverItsLimit()
    {
        m_window->showView(MainWindow::View::Board);
        BoardColumnView *review = columnNamed(*m_window, u"Review"_s);
        BoardColumnView *backlog = columnNamed(*m_window, u"Backlog"_s);
        const int limit = *review->model()->column().wipLimit;
        // Fill Review to its limit: no warning. One more: the header warns.
        while (review->model()->cardCount() < limit && backlog->model()->cardCount() > 0) {
            m_window->boardModel()->requestMove(backlog->model()->taskAt(0),
                                                {review->model()->column().id, std::nullopt});
        }
        QCOMPARE(review->model()->cardCount(), limit);
        QVERIFY(!review->isWarning());
        m_window->boardModel()->requestMove(backlog->model()->taskAt(0),
                                            {review->model()->column().id, std::nullopt});
        QVERIFY(review->isWarning());
        QVERIFY(review->findChild<QLabel *>(u"columnCount"_s)
                    ->text()
                    .startsWith(QString::number(limit + 1) + u" / "_s));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!review->isWarning());
    }

    void shouldSwitchOrganisationAndKeepPrioritiesApart()
    {
        const auto organisations = OrganisationStore(m_window->database()).list();
        QVERIFY(organisations->size() >= 2);
        const Organisation a = organisations->at(0);
        const Organisation b = organisations->at(1);
        auto *switcher = m_window->findChild<QComboBox *>(u"organisationSwitcher"_s);
        QCOMPARE(switcher->currentText(), a.name);
        QCOMPARE(m_window->boardModel()->organisationId(), a.id);
        const int aCards = m_window->boardModel()->cardCount();

        switcher->setCurrentIndex(1);
        QCOMPARE(m_window->boardModel()->organisationId(), b.id);
        // Its board shows its tasks but those done (and untouched) for more than 14 days, which
        // have left it (the default archive period).
        const auto bTasks = TaskStore(m_window->database()).list(b.id);
        const QString cutoff = Clock::toText(QDateTime::currentDateTimeUtc().addDays(-14));
        const auto shown = std::count_if(bTasks->cbegin(), bTasks->cend(), [&](const Task &t) {
            return t.doneAt.isEmpty() || t.doneAt > cutoff || t.updatedAt > cutoff;
        });
        QVERIFY(shown < bTasks->size()); // the demo has old done cards: some have left
        QCOMPARE(m_window->boardModel()->cardCount(), int(shown));
        QVERIFY(m_window->boardModel()->cardCount() != aCards);
    }

    void shouldSearchTheCurrentView()
    {
        auto *search = m_window->findChild<QLineEdit *>(u"searchField"_s);
        auto *counts = m_window->findChild<QLabel *>(u"statusCounts"_s);
        QVERIFY(search && counts);

        // On the Deltas view, Ctrl+F then typing narrows the table.
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->currentView(), MainWindow::View::Deltas);
        auto *table = m_window->findChild<QTableView *>(u"deltaTable"_s);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(counts->text(), u"600 deltas"_s);
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"crash"_s);
        QTRY_VERIFY(counts->text().contains(u" of 600 deltas"_s));
        const int matching = counts->text().section(u' ', 0, 0).toInt();
        QVERIFY(matching > 0 && matching < 600);
        QCOMPARE(table->model()->rowCount(), matching);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(table->model()->index(row, 1).data().toString(), u"crash"_s);

        // Nothing matches: a hint instead of an empty table.
        search->setText(u"qwertyuiop"_s);
        auto *empty = m_window->findChild<QLabel *>(u"deltaEmptyState"_s);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(u"qwertyuiop"_s));

        // On the Board, the same field filters cards by title.
        search->setText(u"crash"_s);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentView(), MainWindow::View::Board);
        for (BoardColumnModel *column : m_window->boardModel()->columns()) {
            for (int row = 0; row < column->rowCount(); ++row) {
                QVERIFY(column->index(row)
                            .data(BoardColumnModel::TitleRole)
                            .toString()
                            .contains(u"crash"_s, Qt::CaseInsensitive));
            }
        }
    }

    void shouldCommitTwoDeltasAsOneTaskAndUndoIt()
    {
        // GIVEN two deltas selected in the inbox
        m_window->showView(MainWindow::View::Deltas);
        auto *table = m_window->findChild<QTableView *>(u"deltaTable"_s);
        table->setFocus();
        table->selectRow(3);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          table->visualRect(table->model()->index(5, 2)).center());
        const QList<qint64> chosen = m_window->deltaList()->selectedDeltas();
        QCOMPARE(chosen.size(), 2);
        const int cardsBefore = m_window->boardModel()->cardCount();

        // WHEN the user presses Ctrl+Enter and accepts the dialog with a title
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<CommitDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *title = dialog->findChild<QLineEdit *>(u"commitTitle"_s);
            title->setText(u"Fix both at once"_s);
            QTest::keyClick(title, Qt::Key_Return);
        });
        QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);

        // THEN one task on the current organisation's board is linked to both
        const auto tasks = TaskStore(m_window->database()).list(m_window->organisationId());
        const auto task = std::find_if(tasks->cbegin(), tasks->cend(), [](const Task &t) {
            return t.title == u"Fix both at once"_s;
        });
        QVERIFY(task != tasks->cend());
        QCOMPARE(TaskStore(m_window->database()).get(task->id)->deltaIds, chosen);
        QCOMPARE(m_window->boardModel()->cardCount(), cardsBefore + 1);
        QVERIFY(m_window->boardModel()->positionOf(task->id).has_value());

        // WHEN undone THEN the commitment is withdrawn
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!TaskStore(m_window->database()).get(task->id));
        QCOMPARE(m_window->boardModel()->cardCount(), cardsBefore);
    }

    void shouldSetOneOrganisationsPriorityAndLeaveTheOthers()
    {
        // GIVEN a delta shown in the detail pane for organisation A
        const auto organisations = OrganisationStore(m_window->database()).list();
        const qint64 a = organisations->at(0).id;
        const qint64 b = organisations->at(1).id;
        m_window->showView(MainWindow::View::Deltas);
        const qint64 deltaId = 7;
        QVERIFY(m_window->deltaList()->selectDelta(deltaId));
        QCOMPARE(m_window->deltaList()->detail()->deltaId(), deltaId);
        TriageStore triage(m_window->database());
        QVERIFY(triage.setPriority(b, deltaId, int(Priority::Low)));
        QVERIFY(triage.setPriority(a, deltaId, std::nullopt));
        m_window->deltaList()->detail()->reload();
        auto priorityOf = [&](qint64 organisation) -> std::optional<int> {
            const auto entries = triage.priorities(deltaId);
            for (const PriorityEntry &entry : *entries) {
                if (entry.organisationId == organisation)
                    return entry.level;
            }
            return std::nullopt;
        };

        // WHEN the user picks a priority with the keyboard
        auto *editor = m_window->findChild<QComboBox *>(u"priorityEditor"_s);
        QCOMPARE(editor->currentIndex(), 0); // no priority yet
        editor->setFocus();
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(editor, Qt::Key_Down); // untriaged, low, medium, high, critical

        // THEN A's priority is critical, B's is still low, and the list shows A's
        QCOMPARE(priorityOf(a), std::optional<int>(int(Priority::Critical)));
        QCOMPARE(priorityOf(b), std::optional<int>(int(Priority::Low)));
        auto *table = m_window->findChild<QTableView *>(u"deltaTable"_s);
        const int row = table->selectionModel()->currentIndex().row();
        QCOMPARE(table->model()->index(row, 5).data().toString(), u"critical"_s);
        QCOMPARE(m_window->undoStack()->count(), 1); // five key presses merged into one step

        // WHEN undone THEN A has no priority again and B is untouched
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(priorityOf(a), std::nullopt);
        QCOMPARE(priorityOf(b), std::optional<int>(int(Priority::Low)));
        QCOMPARE(editor->currentIndex(), 0);
    }

    void shouldEditImpactPerGroupWithUndo()
    {
        m_window->showView(MainWindow::View::Deltas);
        const qint64 deltaId = 9;
        QVERIFY(m_window->deltaList()->selectDelta(deltaId));
        auto *impacts = m_window->findChild<QTableWidget *>(u"impactTable"_s);
        QVERIFY(impacts && impacts->rowCount() > 0);
        const qint64 groupId = impacts->item(0, 0)->data(Qt::UserRole).toLongLong();
        TriageStore triage(m_window->database());
        QVERIFY(triage.setImpact(deltaId, groupId, std::nullopt));
        m_window->deltaList()->detail()->reload();
        auto *combo = qobject_cast<QComboBox *>(impacts->cellWidget(0, 1));
        combo->setFocus();
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(combo, Qt::Key_Down); // none, low, medium, high
        auto levelOf = [&]() -> std::optional<int> {
            const auto entries = triage.impacts(deltaId);
            for (const ImpactEntry &entry : *entries) {
                if (entry.groupId == groupId)
                    return entry.level;
            }
            return std::nullopt;
        };
        QCOMPARE(levelOf(), std::optional<int>(int(Impact::High)));
        QCOMPARE(m_window->undoStack()->count(), 4);
        for (int i = 0; i < 4; ++i)
            m_window->undoStack()->undo();
        QCOMPARE(levelOf(), std::nullopt);
    }

    void shouldEditATaskFromTheBoardWithUndo()
    {
        // GIVEN a card on the board
        m_window->showView(MainWindow::View::Board);
        BoardColumnView *backlog = columnNamed(*m_window, u"Backlog"_s);
        const QModelIndex card = backlog->model()->index(0, 0);
        const qint64 taskId = card.data(BoardColumnModel::TaskIdRole).toLongLong();
        const QString before = card.data(BoardColumnModel::TitleRole).toString();

        // WHEN it is double-clicked THEN its editor opens with its deltas and history
        const QPoint centre = backlog->list()->visualRect(card).center();
        doubleClick(backlog->list()->viewport(), centre);
        auto *editor = m_window->findChild<TaskEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->taskId(), taskId);
        QVERIFY(editor->findChild<QListWidget *>(u"linkedDeltas"_s)->count() >= 1);
        QVERIFY(editor->findChild<QListWidget *>(u"taskHistory"_s)->count() >= 2);

        // WHEN the title is changed THEN the database and the card follow
        auto *title = editor->findChild<QLineEdit *>(u"taskTitle"_s);
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, u"Ship the fix for laptops"_s);
        QTest::keyClick(title, Qt::Key_Return);
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->title, u"Ship the fix for laptops"_s);
        BoardColumnModel *column = m_window->boardModel()->columnModel(
            TaskStore(m_window->database()).get(taskId)->columnId);
        QCOMPARE(
            column->index(column->rowOf(taskId), 0).data(BoardColumnModel::TitleRole).toString(),
            u"Ship the fix for laptops"_s);

        // WHEN a comment is added THEN it is shown, and in the database
        auto *comment = editor->findChild<QPlainTextEdit *>(u"newComment"_s);
        comment->setPlainText(u"Verified on two machines."_s);
        QTest::mouseClick(editor->findChild<QPushButton *>(u"addComment"_s), Qt::LeftButton);
        QCOMPARE(CommentStore(m_window->database()).forTask(taskId)->size(), 1);
        QVERIFY(editor->findChild<QListWidget *>(u"taskComments"_s)
                    ->item(0)
                    ->text()
                    .contains(u"Verified on two machines."_s));

        // WHEN both are undone THEN the comment is gone and the title is back
        m_window->undoStack()->undo();
        QCOMPARE(CommentStore(m_window->database()).forTask(taskId)->size(), 0);
        m_window->undoStack()->undo();
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->title, before);
        // The field follows the undo, so closing the editor does not redo the edit.
        QCOMPARE(title->text(), before);
        const int steps = m_window->undoStack()->count();
        const int index = m_window->undoStack()->index();
        editor->reload();
        QCOMPARE(editor->findChild<QListWidget *>(u"taskComments"_s)->item(0)->text(),
                 u"No comments yet."_s);
        editor->close();
        QCOMPARE(m_window->undoStack()->count(), steps);
        QCOMPARE(m_window->undoStack()->index(), index);
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->title, before);
    }

    void shouldShowAPriorityChangeOnTheBoardCard()
    {
        // GIVEN a card on the board and its delta selected in the inbox
        BoardColumnModel *backlog = m_window->boardModel()->columns().first();
        const qint64 taskId = backlog->taskAt(0);
        const auto linked = TaskStore(m_window->database()).get(taskId)->deltaIds;
        const qint64 deltaId = linked.first();
        TriageStore triage(m_window->database());
        for (const qint64 id : linked)
            QVERIFY(triage.setPriority(m_window->organisationId(), id, std::nullopt));
        m_window->workspace()->notifyTasksChanged(m_window->organisationId());
        auto cardPriority = [&] {
            BoardColumnModel *column = m_window->boardModel()->columnModel(
                TaskStore(m_window->database()).get(taskId)->columnId);
            return column->index(column->rowOf(taskId), 0).data(BoardColumnModel::PriorityRole);
        };
        QVERIFY(!cardPriority().isValid());
        m_window->showView(MainWindow::View::Deltas);
        QVERIFY(m_window->deltaList()->selectDelta(deltaId));
        // WHEN its priority is set to critical through the detail pane
        auto *editor = m_window->findChild<QComboBox *>(u"priorityEditor"_s);
        editor->setFocus();
        editor->setCurrentIndex(editor->count() - 2);
        QTest::keyClick(editor, Qt::Key_Down); // critical, as a user picks it
        // THEN the card on the board shows it
        QCOMPARE(cardPriority().toInt(), int(Priority::Critical));
    }

    void shouldChangeStatesAsOneActionAndFilterByThem()
    {
        m_window->showView(MainWindow::View::Deltas);
        auto *table = m_window->findChild<QTableView *>(u"deltaTable"_s);
        table->selectRow(1);
        table->selectionModel()->select(table->model()->index(2, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QList<qint64> chosen = m_window->deltaList()->selectedDeltas();
        QCOMPARE(chosen.size(), 2);
        DeltaStore deltas(m_window->database());
        const DeltaState before0 = deltas.get(chosen[0])->state;
        const DeltaState before1 = deltas.get(chosen[1])->state;

        m_window->findChild<QAction *>(u"state:disputed"_s)->trigger();
        QCOMPARE(deltas.get(chosen[0])->state, DeltaState::Disputed);
        QCOMPARE(deltas.get(chosen[1])->state, DeltaState::Disputed);
        QCOMPARE(table->model()->index(1, 4).data().toString(), u"disputed"_s);

        // The state filter shows them among the disputed.
        auto *stateFilter = m_window->findChild<QComboBox *>(u"stateFilter"_s);
        stateFilter->setCurrentIndex(stateFilter->findText(u"disputed"_s));
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(table->model()->index(row, 4).data().toString(), u"disputed"_s);
        stateFilter->setCurrentIndex(0);

        // One undo step puts both back.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(deltas.get(chosen[0])->state, before0);
        QCOMPARE(deltas.get(chosen[1])->state, before1);

        // The kind filter narrows to crashes.
        auto *kindFilter = m_window->findChild<QComboBox *>(u"kindFilter"_s);
        kindFilter->setCurrentIndex(kindFilter->findText(u"crash"_s));
        QVERIFY(table->model()->rowCount() > 0);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(table->model()->index(row, 1).data().toString(), u"crash"_s);
    }

    void shouldRecordANewDeltaAndUndoIt()
    {
        const int before = int(DeltaStore(m_window->database()).count({}).value());
        QTimer::singleShot(0, this, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            dialog->findChild<QLineEdit *>(u"newDeltaTitle"_s)->setText(u"Tray icon vanishes"_s);
            dialog->findChild<QPlainTextEdit *>(u"newDeltaDesired"_s)
                ->setPlainText(u"The icon stays"_s);
            QTest::keyClick(dialog->findChild<QLineEdit *>(u"newDeltaTitle"_s), Qt::Key_Return);
        });
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        const auto rows = DeltaStore(m_window->database()).list({});
        QCOMPARE(rows->size(), before + 1);
        QCOMPARE(rows->last().title, u"Tray icon vanishes"_s);
        QCOMPARE(m_window->deltaList()->detail()->deltaId(), rows->last().id);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(DeltaStore(m_window->database()).count({}).value(), before);
    }

    void shouldOpenEachViewByShortcutAndFollowTheOrganisation()
    {
        const auto organisations = OrganisationStore(m_window->database()).list();
        const struct
        {
            Qt::Key key;
            MainWindow::View view;
            const char *widget;
        } views[] = {{Qt::Key_3, MainWindow::View::Priorities, "prioritiesView"},
                     {Qt::Key_4, MainWindow::View::Impact, "impactView"},
                     {Qt::Key_5, MainWindow::View::Gap, "gapView"},
                     {Qt::Key_6, MainWindow::View::Flow, "flowView"},
                     {Qt::Key_1, MainWindow::View::Board, "boardView"}};
        for (const auto &entry : views) {
            QTest::keyClick(m_window.get(), entry.key, Qt::ControlModifier);
            QCOMPARE(m_window->currentView(), entry.view);
            QWidget *shown = m_window->findChild<QWidget *>(QString::fromLatin1(entry.widget));
            QVERIFY2(shown && shown->isVisible(), entry.widget);
            QTRY_VERIFY(!m_window->isReading());
        }

        // Priorities: the current organisation's ranking, compared with the next one.
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        PriorityRankingModel *ranking = m_window->priorityRanking();
        QCOMPARE(ranking->firstOrganisation(), organisations->at(0).id);
        QCOMPARE(ranking->secondOrganisation(), organisations->at(1).id);
        QCOMPARE(ranking->rowCount() > 0, true);
        // Switching organisation while the view is shown re-reads it for the new one.
        auto *switcher = m_window->findChild<QComboBox *>(u"organisationSwitcher"_s);
        switcher->setCurrentIndex(1);
        QCOMPARE(ranking->firstOrganisation(), organisations->at(1).id);
        QVERIFY(ranking->secondOrganisation() != organisations->at(1).id);
        // Strong disagreements only: every row shown is one.
        auto *strong = m_window->findChild<QCheckBox *>(u"strongOnly"_s);
        strong->setChecked(true);
        QCOMPARE(ranking->rowCount(), ranking->strongCount());
        for (int row = 0; row < ranking->rowCount(); ++row)
            QVERIFY(ranking->index(row, 0).data(PriorityRankingModel::StrongRole).toBool());

        // Flow: the charts arrive from the worker, for the organisation now current.
        QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
        QTRY_VERIFY(m_window->flowView()->isLoaded());
        QTRY_VERIFY(!m_window->isReading());
        QCOMPARE(m_window->flowView()->flowChart()->chart()->series().size(), 5); // columns
        // the histogram, its median and its 85th percentile
        QCOMPARE(m_window->flowView()->cycleChart()->chart()->series().size(), 3);
    }

    void shouldRankAndSetAPriorityInThePrioritiesViewWithUndo()
    {
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        auto *table = m_window->findChild<QTableView *>(u"prioritiesTable"_s);
        PriorityRankingModel *ranking = m_window->priorityRanking();
        const qint64 organisation = m_window->organisationId();
        const qint64 other = ranking->secondOrganisation();
        TriageStore triage(m_window->database());
        const QList<qint64> before = *triage.ranking(organisation);
        QVERIFY(before.size() > 3);
        const auto otherBefore = triage.ranking(other);

        // Ctrl+Down on the first row: it goes one place down, and stays selected.
        table->setFocus();
        table->setCurrentIndex(ranking->index(0, PriorityRankingModel::TitleColumn));
        const qint64 first = before.at(0);
        QTest::keyClick(table, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(triage.ranking(organisation)->at(1), first);
        QCOMPARE(m_window->prioritiesView()->currentDelta(), first);

        // Typing 1 makes it low: it leaves the top of the list.
        QTest::keyClick(table, Qt::Key_1);
        const auto level = [&](qint64 deltaId) -> std::optional<int> {
            const auto entries = triage.priorities(deltaId);
            for (const PriorityEntry &entry : *entries) {
                if (entry.organisationId == organisation)
                    return entry.level;
            }
            return std::nullopt;
        };
        QCOMPARE(level(first), std::optional<int>(1));
        QVERIFY(ranking->rowOf(first) > 1);
        QCOMPARE(m_window->prioritiesView()->currentDelta(), first);
        // The other organisation's priorities are not touched.
        QCOMPARE(*triage.ranking(other), *otherBefore);

        // Undo twice: the level and the place are back.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(*triage.ranking(organisation), before);
        QCOMPARE(ranking->deltaAt(0), first);
    }

    void shouldAssessAnImpactInTheHeatMapWithUndo()
    {
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->isReading());
        auto *table = m_window->findChild<QTableView *>(u"impactMap"_s);
        ImpactMatrixModel *impact = m_window->impactMatrix();
        QVERIFY(impact->rowCount() > 0);
        // A cell that is not assessed yet, on the last row.
        const int row = impact->rowCount() - 1;
        int column = -1;
        for (int c = ImpactMatrixModel::FirstGroupColumn; c < impact->columnCount(); ++c) {
            if (!impact->index(row, c).data(ImpactMatrixModel::LevelRole).isValid()) {
                column = c;
                break;
            }
        }
        QVERIFY(column >= 0);
        const qint64 deltaId = impact->deltaAt(row);
        const qint64 groupId
            = impact->index(row, column).data(ImpactMatrixModel::GroupIdRole).toLongLong();
        TriageStore triage(m_window->database());
        const auto assessed = [&]() -> std::optional<int> {
            const auto entries = triage.impacts(deltaId);
            for (const ImpactEntry &entry : *entries) {
                if (entry.groupId == groupId)
                    return entry.level;
            }
            return std::nullopt;
        };
        QCOMPARE(assessed(), std::nullopt);

        // Typing 4 on the cell makes it critical; the delta moves up the map and stays current.
        table->setFocus();
        table->setCurrentIndex(impact->index(row, column));
        QTest::keyClick(table, Qt::Key_4);
        QCOMPARE(assessed(), std::optional<int>(4));
        QVERIFY(impact->rowOf(deltaId) < row);
        QCOMPARE(impact->deltaAt(table->currentIndex().row()), deltaId);
        QCOMPARE(table->currentIndex().column(), column);
        // The coverage bars are read again for the new impact.
        QTRY_VERIFY(!m_window->isReading());
        QVERIFY(m_window->impactView()->coverageChart()->chart()->series().size() == 1);

        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(assessed(), std::nullopt);
        QCOMPARE(impact->rowOf(deltaId), row);
    }

    void shouldCommitFromTheGapView()
    {
        QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->isReading());
        GapModel *gap = m_window->gapModel();
        QVERIFY(gap->rowCount() > 0);
        QCOMPARE(m_window->gapView()->total(),
                 std::optional<int>(*Reports(m_window->database()).gapCount()));
        const qint64 top = gap->deltaAt(0);
        auto *table = m_window->findChild<QTableView *>(u"gapTable"_s);
        table->setFocus();
        table->selectRow(0);
        QVERIFY(m_window->gapView()->commitButton()->isEnabled());
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<CommitDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClick(dialog->findChild<QLineEdit *>(u"commitTitle"_s), Qt::Key_Return);
        });
        QTest::mouseClick(m_window->gapView()->commitButton(), Qt::LeftButton);
        // Committed: it leaves the gap, and comes back on undo.
        QVERIFY(!TaskStore(m_window->database()).tasksForDelta(top)->isEmpty());
        QCOMPARE(gap->rowOf(top), -1);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(TaskStore(m_window->database()).tasksForDelta(top)->isEmpty());
        QCOMPARE(gap->rowOf(top), 0);
    }

    void shouldShowCrashesTheirFramesAndIngestDroppedFiles()
    {
        QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(m_window->currentView(), MainWindow::View::Crashes);
        CrashListModel *crashes = m_window->crashList();
        QVERIFY(crashes->rowCount() > 0);
        CrashView *view = m_window->crashView();
        // The first (most reported) crash delta is shown: its reports and frames, the signature's
        // frames in bold.
        QCOMPARE(view->currentDelta(), crashes->deltaAt(0));
        const auto reports = CrashStore(m_window->database()).reports(crashes->deltaAt(0));
        QCOMPARE(view->reports()->count(), int(reports->size()));
        QVERIFY(view->frames()->rowCount() > 3);
        int bold = 0;
        for (int row = 0; row < view->frames()->rowCount(); ++row)
            bold += view->frames()->item(row, 1)->font().bold() ? 1 : 0;
        QVERIFY(bold >= 1);

        // Files dropped on the window are ingested on a worker: a new signature appears.
        const int before = crashes->rowCount();
        QMimeData dropped;
        dropped.setUrls({QUrl::fromLocalFile(QStringLiteral(DELTABOARD_SAMPLES_DIR)
                                             + u"/crashes/gdb/cf_gdb_sigtrap.txt"_s)});
        const QPoint at = m_window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QTRY_COMPARE(crashes->rowCount(), before + 1);
        const auto summaries = CrashStore(m_window->database()).summaries();
        QVERIFY(std::any_of(summaries->cbegin(), summaries->cend(), [](const CrashSummary &s) {
            return s.signature == u"memcpy | xymodem_trnasfer"_s;
        }));

        // "Same as Defect…": the crash and the defect are one fault, both records kept; the
        // defect is found by #id, its title shown; undo takes the relation back.
        const qint64 crash = view->currentDelta();
        const DeltaState crashState = DeltaStore(m_window->database()).get(crash)->state;
        DeltaFilter defects;
        defects.kind = DeltaKind::Defect;
        defects.limit = 1;
        const DeltaRow defect = DeltaStore(m_window->database()).list(defects)->first();
        QTimer::singleShot(0, this, [defect] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == u"relationDialog"_s);
            QCOMPARE(dialog->findChild<QComboBox *>(u"relationType"_s)->currentData().toString(),
                     u"same-as"_s);
            dialog->findChild<QLineEdit *>(u"relationSearch"_s)->setText(u"#%1"_s.arg(defect.id));
            QVERIFY(dialog->findChild<QLabel *>(u"relationChosen"_s)
                        ->text()
                        .contains(defect.title.left(20).toHtmlEscaped()));
            qobject_cast<QDialog *>(dialog)->accept();
        });
        QTest::mouseClick(m_window->findChild<QPushButton *>(u"crashSameAsDefect"_s),
                          Qt::LeftButton);
        const auto related = RelationStore(m_window->database()).forDelta(crash);
        QCOMPARE(related->size(), 1);
        QCOMPARE(related->first().type, (RelationType{RelationKind::SameAs, false}));
        QCOMPARE(related->first().otherId, defect.id);
        QCOMPARE(DeltaStore(m_window->database()).get(crash)->state, crashState);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(RelationStore(m_window->database()).forDelta(crash)->isEmpty());
    }

    void shouldImportDroppedTrackerExportsThroughTheWizard()
    {
        Database &db = m_window->database();
        const int deltasBefore = countRows(db, u"deltas"_s);
        const QString trello = QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/imports/trello/"_s;
        // Dropped tracker exports open the wizard, with their formats detected.
        QMimeData dropped;
        dropped.setUrls({QUrl::fromLocalFile(trello + u"gocd_trello_board_excerpt_A.json"_s),
                         QUrl::fromLocalFile(trello + u"gocd_trello_board_excerpt_B.json"_s)});
        const QPoint at = m_window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QDropEvent drop(QPointF(at), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QTRY_VERIFY(m_window->findChild<ImportWizard *>());
        auto *wizard = m_window->findChild<ImportWizard *>();
        QTRY_VERIFY(wizard->isVisible());
        QCOMPARE(wizard->files().size(), 2);
        auto *files = wizard->findChild<QTreeWidget *>();
        QCOMPARE(files->topLevelItem(0)->text(1), u"Trello board JSON"_s);
        // A file in no known format stops the wizard until it is removed (Delete).
        wizard->addFiles(
            {QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes/gdb/cf_gdb_sigtrap.txt"_s});
        QCOMPARE(files->topLevelItem(2)->text(1), u"not recognised"_s);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // Keys go to the active window: without a window manager, the wizard must be made so
        // (else the board's Delete shortcut, in the main window, takes the key).
        wizard->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        files->setFocus();
        files->setCurrentItem(files->topLevelItem(2));
        QTest::keyClick(files, Qt::Key_Delete);
        QCOMPARE(wizard->files().size(), 2);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());

        // The preview is the whole import, rolled back.
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(ImportWizard::PreviewPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->preview().has_value(), 20000);
        QCOMPARE(wizard->preview()->created, 21);
        QCOMPARE(wizard->preview()->tasksCreated, 21);
        QCOMPARE(wizard->preview()->newOrganisations, QStringList{u"Test Drive"_s});
        QCOMPARE(countRows(db, u"deltas"_s), deltasBefore);
        // Another organisation: the preview must be updated before the import.
        wizard->setOrganisation(u"Trello Team"_s);
        QVERIFY(!wizard->preview());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->findChild<QPushButton *>(u"updatePreview"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->preview().has_value(), 20000);
        QCOMPARE(wizard->preview()->newOrganisations, QStringList{u"Trello Team"_s});
        QCOMPARE(wizard->button(QWizard::NextButton)->text(), u"&Import"_s);

        // The import runs on a worker; the summary lists the warnings; the window reloads.
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->result().has_value(), 20000);
        QCOMPARE(wizard->result()->created, 21);
        QCOMPARE(wizard->result()->commentsCreated, 60);
        QCOMPARE(countRows(db, u"deltas"_s), deltasBefore + 21);
        auto *warnings = wizard->page(ImportWizard::ResultPage)->findChild<QListWidget *>();
        QCOMPARE(warnings->count(), int(wizard->result()->warnings.size()));
        QVERIFY(warnings->item(0)->text().startsWith(u"Trello board \"Test Drive\""_s));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!wizard->button(QWizard::BackButton)->isVisible());
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(m_window->setOrganisation(u"Trello Team"_s));
        QCOMPARE(m_window->boardModel()->cardCount(), 21);
        // The board's columns are the Trello lists.
        QCOMPARE(m_window->boardModel()->columns().first()->column().name,
                 u"Backlog/Future Work/Ideas"_s);
        QCOMPARE(m_window->boardModel()->columns().last()->column().name, u"Done"_s);
    }

    void shouldMapLaunchpadTargetsAndShowErrorsInTheWizard()
    {
        Database &db = m_window->database();
        const QString organisation = OrganisationStore(db).list()->first().name;
        const QString launchpad = QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/imports/launchpad/"_s;
        // A damaged file: the preview names the place, nothing can be imported.
        const QString broken = m_temp->path(u"broken.json"_s);
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QFile sample(QStringLiteral(DELTABOARD_SAMPLES_DIR)
                         + u"/imports/github/perceval_github_issue_2_with_pr.json"_s);
            QVERIFY(sample.open(QIODevice::ReadOnly));
            file.write(sample.readAll().chopped(40));
        }
        ImportWizard *wizard = m_window->openImportWizard({broken});
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->lastError().isEmpty(), 20000);
        QVERIFY2(wizard->lastError().contains(u"broken.json: line "_s),
                 qPrintable(wizard->lastError()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        wizard->close();

        // Launchpad: the target is mapped to an organisation chosen in the wizard.
        const int tasksBefore = countRows(db, u"tasks"_s);
        wizard = m_window->openImportWizard({launchpad + u"ohmainline_bug_839461.json"_s,
                                             launchpad + u"ohmainline_bzr_searchTasks.json"_s});
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->preview().has_value(), 20000);
        auto *targets = wizard->findChild<QTableWidget *>();
        QVERIFY(targets->isVisible());
        QCOMPARE(targets->rowCount(), 1);
        QCOMPARE(targets->item(0, 0)->data(Qt::UserRole).toString(), u"bzr"_s);
        qobject_cast<QComboBox *>(targets->cellWidget(0, 1))->setCurrentText(organisation);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->findChild<QPushButton *>(u"updatePreview"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->preview().has_value(), 20000);
        QVERIFY(wizard->preview()->newOrganisations.isEmpty());
        // The status's column is the user's to choose: Done here.
        auto *mappings = wizard->findChild<QTableWidget *>(u"importMappings"_s);
        QVERIFY(mappings->isVisible());
        int statusRow = -1;
        for (int row = 0; row < mappings->rowCount(); ++row) {
            if (mappings->item(row, 0)->text().startsWith(u"Launchpad status"_s))
                statusRow = row;
        }
        QVERIFY(statusRow >= 0);
        auto *column = qobject_cast<QComboBox *>(mappings->cellWidget(statusRow, 1));
        column->setCurrentIndex(column->findData(u"Done"_s));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->findChild<QPushButton *>(u"updatePreview"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->preview().has_value(), 20000);
        QCOMPARE(wizard->preview()->statusColumns.first(), u"Done"_s);
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->result().has_value(), 20000);
        QCOMPARE(countRows(db, u"tasks"_s), tasksBefore + wizard->result()->tasksCreated);
        QVERIFY(wizard->result()->tasksCreated >= 1);
        const auto task = db.scalar(u"SELECT o.name FROM tasks t JOIN organisations o ON "
                                    u"o.id = t.organisation_id WHERE t.source_tracker = ?"_s,
                                    {u"launchpad"_s});
        QCOMPARE(task->toString(), organisation);
        const auto inColumn = db.scalar(u"SELECT c.name FROM tasks t JOIN board_columns c ON "
                                        u"c.id = t.column_id WHERE t.source_tracker = ?"_s,
                                        {u"launchpad"_s});
        QCOMPARE(inColumn->toString(), u"Done"_s);
        wizard->close();
    }

    void shouldMapCsvColumnsInTheWizard()
    {
        Database &db = m_window->database();
        const QString path = m_temp->path(u"tracker.csv"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("Key,Summary,Notes\nA-1,First thing,the notes\nA-2,Second thing,more\n");
        }
        // Escape while the preview runs does not close the wizard under it; a wizard deleted
        // while it runs cancels the work and waits for the worker.
        ImportWizard *doomed = m_window->openImportWizard({path});
        doomed->next();
        QVERIFY(doomed->isRunning());
        delete doomed;
        ImportWizard *wizard = m_window->openImportWizard({path});
        wizard->next();
        QVERIFY(wizard->isRunning());
        QTest::keyClick(wizard, Qt::Key_Escape);
        QVERIFY(wizard->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(wizard->preview().has_value(), 20000);
        QCOMPARE(wizard->preview()->csvColumns.value(u"title"_s), u"Summary"_s);
        QVERIFY(!wizard->preview()->csvColumns.contains(u"details"_s)); // "Notes": not a guess
        auto *mappings = wizard->findChild<QTableWidget *>(u"importMappings"_s);
        QComboBox *details = nullptr;
        for (int row = 0; row < mappings->rowCount(); ++row) {
            if (mappings->item(row, 0)->text() == u"CSV field: details"_s)
                details = qobject_cast<QComboBox *>(mappings->cellWidget(row, 1));
        }
        QVERIFY(details);
        QCOMPARE(details->currentText(), u"none"_s);
        details->setCurrentIndex(details->findData(u"Notes"_s));
        QTest::mouseClick(wizard->findChild<QPushButton *>(u"updatePreview"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->preview().has_value(), 20000);
        QCOMPARE(wizard->preview()->csvColumns.value(u"details"_s), u"Notes"_s);
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->result().has_value(), 20000);
        QCOMPARE(wizard->result()->created, 2);
        const auto notes = db.scalar(
            u"SELECT details FROM deltas WHERE source_tracker = ? AND external_id = ?"_s,
            {u"csv"_s, u"A-1"_s});
        QCOMPARE(notes->toString(), u"the notes"_s);
        wizard->close();
    }

    void shouldGuideTheUserOnAnEmptyDatabase()
    {
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(db);
        MainWindow window(std::move(db));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // It opens on the welcome; skipping it shows the views with their empty states.
        QVERIFY(window.isWelcoming());
        QVERIFY(window.welcome()->isVisible());
        QTest::mouseClick(window.findChild<QPushButton *>(u"welcomeSkip"_s), Qt::LeftButton);
        QVERIFY(!window.isWelcoming());
        // The welcome comes back for another empty database only; a view asked for leaves it.
        {
            TempDatabase other;
            auto empty = other.open();
            QVERIFY(empty);
            MainWindow second(std::move(empty));
            second.show();
            QVERIFY(second.isWelcoming());
            const QList<QAction *> views = second.findChildren<QAction *>();
            for (QAction *action : views) {
                if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2))
                    action->trigger();
            }
            QVERIFY(!second.isWelcoming());
            QVERIFY(second.findChild<QLabel *>(u"deltaEmptyState"_s)->isVisible());
        }
        auto *boardHint = window.findChild<QLabel *>(u"boardEmptyState"_s);
        QVERIFY(boardHint && boardHint->isVisible());
        QVERIFY(boardHint->text().contains(u"No organisation yet"_s));
        auto *setUp = window.findChild<QPushButton *>(u"setUpWorkspace"_s);
        QVERIFY(setUp && setUp->isVisible());
        QTest::mouseClick(setUp, Qt::LeftButton);
        auto *settings = window.findChild<WorkspaceSettingsDialog *>();
        QVERIFY(settings && settings->isVisible());
        settings->close();
        window.showView(MainWindow::View::Deltas);
        QVERIFY(window.findChild<QLabel *>(u"deltaEmptyState"_s)->isVisible());
        window.showView(MainWindow::View::Board);
        // An empty database is offered a demo workspace, made on a worker thread.
        auto *demo = window.findChild<QPushButton *>(u"createDemo"_s);
        QVERIFY(demo && demo->isVisible());
        QTest::mouseClick(demo, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.boardModel()->cardCount() > 0, 30000);
        QVERIFY(!demo->isVisible());
        window.showView(MainWindow::View::Deltas);
        QTRY_COMPARE(window.findChild<QLabel *>(u"statusCounts"_s)->text(), u"2000 deltas"_s);
        QVERIFY(window.findChild<QTableView *>(u"deltaTable"_s)->isVisible());
    }

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

DELTABOARD_GUI_TEST_MAIN(MainWindowTest)
#include "mainwindowtest.moc"
