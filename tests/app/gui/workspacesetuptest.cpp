#include "app/gui/dragcard.h"
#include "testdatabase.h"
#include "testmain.h"

#include "app/gui/archiveddialog.h"
#include "app/gui/mainwindow.h"
#include "app/gui/welcome.h"
#include "app/gui/workspacesettings.h"

#include "addcommentcommand.h"
#include "addfixrecordcommand.h"
#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "deltastore.h"
#include "integritycheck.h"
#include "organisationstore.h"
#include "settingscommands.h"
#include "taskstore.h"
#include "views/boardcolumnview.h"
#include "views/boardview.h"
#include "views/newcarddialog.h"
#include "views/swimlanegrid.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlRecord>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QWindow>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

// A team that starts from nothing, in the app: the welcome sets up the workspace, Workspace
// Settings shapes it, a card is born in a column, archived and restored, and every step undoes
// back to the empty database, which matches what it was at each step on the way.
class WorkspaceSetupTest : public QObject
{
    Q_OBJECT

private:
    // What the workspace holds, apart from history (which keeps that the steps happened): the
    // rows a user set up, in a stable order.
    static QStringList state(Database &db)
    {
        const QString queries[] = {
            u"SELECT id, name FROM organisations ORDER BY id"_s,
            u"SELECT id, organisation_id, name, archive_after_days FROM boards ORDER BY id"_s,
            u"SELECT id, board_id, name, position, wip_limit, starts_work, is_done "
            u"FROM board_columns ORDER BY id"_s,
            u"SELECT id, name, size FROM user_groups ORDER BY id"_s,
            u"SELECT id, name FROM components ORDER BY id"_s,
            u"SELECT group_id, component_id FROM group_components ORDER BY 1, 2"_s,
            u"SELECT id, organisation_id, column_id, title, assignee, done_at IS NULL, "
            u"archived_at IS NULL FROM tasks ORDER BY id"_s,
            u"SELECT task_id, delta_id FROM task_deltas ORDER BY 1, 2"_s,
            u"SELECT task_id, author, body FROM comments ORDER BY 1, 3"_s,
            u"SELECT task_id, branch, revision FROM fix_records ORDER BY 1, 2"_s,
        };
        QStringList rows;
        for (const QString &sql : queries) {
            const auto query = db.run(sql);
            if (!query)
                return {query.error()};
            while ((*query)->next()) {
                QStringList values;
                for (int i = 0; i < (*query)->record().count(); ++i)
                    values.append((*query)->value(i).toString());
                rows.append(values.join(u'|'));
            }
            rows.append(u"--"_s);
        }
        return rows;
    }

    // Records the state after a step, for the way back.
    void step(const QString &what)
    {
        m_states.append({what, state(m_window->database())});
        const QList<IntegrityCheck::Finding> findings = IntegrityCheck(m_window->database()).run();
        QVERIFY2(IntegrityCheck::healthy(findings), qPrintable(what));
    }

    BoardColumnView *columnView(const QString &name)
    {
        for (BoardColumnView *view : m_window->boardView()->columnViews()) {
            if (view->model()->column().name == name)
                return view;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void shouldGoFromAnEmptyDatabaseToAShapedBoardAndUndoEveryStep()
    {
        auto db = m_temp.open();
        QVERIFY(db);
        m_window = std::make_unique<MainWindow>(std::move(db));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QUndoStack *undo = m_window->undoStack();
        step(u"empty"_s);

        // The welcome: the organisation, its board, two groups and a component, in one step.
        QVERIFY(m_window->isWelcoming());
        WelcomePanel *welcome = m_window->welcome();
        auto *create = welcome->findChild<QPushButton *>(u"welcomeCreate"_s);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY2(m_window->isWelcoming(), "a workspace without a name is refused");
        welcome->findChild<QLineEdit *>(u"welcomeOrganisation"_s)->setText(u"Kestrel Systems"_s);
        welcome->findChild<QPlainTextEdit *>(u"welcomeGroups"_s)
            ->setPlainText(u"Laptop users, 300\n"_s);
        welcome->findChild<QLineEdit *>(u"welcomeComponents"_s)->setText(u"installer"_s);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(!m_window->isWelcoming());
        QCOMPARE(m_window->organisationName(), u"Kestrel Systems"_s);
        QCOMPARE(m_window->boardModel()->columns().size(), 5);
        QCOMPARE(undo->count(), 1);
        step(u"welcome"_s);

        // Workspace Settings: a user group and a component.
        WorkspaceSettingsDialog *settings = m_window->openWorkspaceSettings();
        QVERIFY(settings);
        settings->addGroup(u"AMD GPU users"_s, 1200);
        step(u"group"_s);
        settings->addComponent(u"driver-amd"_s);
        step(u"component"_s);
        auto *groups = settings->findChild<QTableWidget *>(u"groupTable"_s);
        QCOMPARE(groups->rowCount(), 2);
        QCOMPARE(groups->item(1, 1)->text(), u"1200"_s);

        // A column added, renamed and given a WIP limit, by editing the table.
        settings->showTab(WorkspaceSettingsDialog::Tab::Board);
        settings->addColumn(u"Blocked"_s);
        step(u"add column"_s);
        auto *columns = settings->findChild<QTableWidget *>(u"columnTable"_s);
        QCOMPARE(columns->rowCount(), 6);
        QCOMPARE(columns->item(4, 0)->text(), u"Blocked"_s); // before Done
        columns->item(4, 0)->setText(u"Waiting"_s);
        step(u"rename column"_s);
        columns->item(4, 1)->setText(u"3"_s);
        step(u"WIP limit"_s);
        QCOMPARE(m_window->boardModel()->columns().at(4)->column().name, u"Waiting"_s);
        QCOMPARE(m_window->boardModel()->columns().at(4)->column().wipLimit, 3);
        // A refusal changes nothing and is no undo step.
        const int steps = undo->count();
        QString refusal;
        QTimer::singleShot(0, this, [&refusal] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box) {
                refusal = box->text();
                box->close();
            }
        });
        settings->addColumn(u"waiting"_s);
        QVERIFY2(refusal.contains(u"already has a column \"waiting\""_s), qPrintable(refusal));
        QCOMPARE(undo->count(), steps);
        QCOMPARE(state(m_window->database()), m_states.last().second);
        settings->close();

        // A card born in Ready from the "+" of its header, with an assignee and no delta.
        BoardColumnView *ready = columnView(u"Ready"_s);
        QVERIFY(ready);
        auto *plus = ready->findChild<QToolButton *>(u"newCard"_s);
        QVERIFY(plus && plus->isVisible());
        QTest::mouseClick(plus, Qt::LeftButton);
        auto *dialog = m_window->findChild<NewCardDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->findChild<QLineEdit *>(u"newCardTitle"_s)->setText(u"Tidy the build"_s);
        dialog->findChild<QLineEdit *>(u"newCardAssignee"_s)->setText(u"Ana Lima"_s);
        dialog->searchDeltas(u"#1"_s); // no delta yet: none to tick
        QVERIFY(dialog->deltaIds().isEmpty());
        dialog->accept();
        QCOMPARE(columnView(u"Ready"_s)->model()->rowCount(), 1);
        const QModelIndex card = columnView(u"Ready"_s)->model()->index(0);
        QCOMPARE(card.data(BoardColumnModel::AssigneeRole).toString(), u"Ana Lima"_s);
        QCOMPARE(card.data(BoardColumnModel::LinkedDeltasRole).toInt(), 0);
        QVERIFY(card.data(Qt::ToolTipRole).toString().contains(u"No report linked"_s));
        const qint64 taskId = card.data(BoardColumnModel::TaskIdRole).toLongLong();
        step(u"new card"_s);

        // The filter finds it by assignee and by #id, and the header says "shown of total".
        BoardModel *board = m_window->boardModel();
        board->setFilter(u"ana"_s);
        QCOMPARE(board->shownCount(), 1);
        board->setFilter(u"#%1"_s.arg(taskId));
        QCOMPARE(board->shownCount(), 1);
        board->setFilter(u"nobody"_s);
        QCOMPARE(board->shownCount(), 0);
        QCOMPARE(board->cardCount(), 1);
        QCOMPARE(columnView(u"Ready"_s)->findChild<QLabel *>(u"columnCount"_s)->text(),
                 u"0 of 1 / 20"_s);
        board->setFilter({});
        QCOMPARE(columnView(u"Ready"_s)->findChild<QLabel *>(u"columnCount"_s)->text(),
                 u"1 / 20"_s);

        // A second card, Jon's; in lanes by assignee, Ana's card dragged into Jon's lane, in
        // Review: it is his, and in Review, as one step.
        qint64 jonsCard = 0;
        NewTask jons;
        jons.organisationId = m_window->organisationId();
        jons.title = u"Package the driver"_s;
        jons.assignee = u"Jon Park"_s;
        undo->push(Settings::addTask(m_window->workspace(), jons, &jonsCard));
        QVERIFY(jonsCard > 0);
        step(u"Jon's card"_s);
        m_window->setSwimlanes(Swimlanes::Assignee);
        SwimlaneGrid *lanes = m_window->boardView()->swimlaneGrid();
        QVERIFY(lanes);
        qint64 review = 0;
        qint64 readyColumn = 0;
        for (BoardColumnModel *column : board->columns()) {
            if (column->column().name == u"Review"_s)
                review = column->column().id;
            if (column->column().name == u"Ready"_s)
                readyColumn = column->column().id;
        }
        QListView *from = lanes->cell(u"Ana Lima"_s, readyColumn);
        QListView *to = lanes->cell(u"Jon Park"_s, review);
        QVERIFY(from && to && from->model()->rowCount() == 1);
        if (QGuiApplication::platformName() == u"offscreen"_s) {
            // No drag and drop offscreen (CTest runs this on Xvfb): the drop the view would do.
            QMimeData *data = from->model()->mimeData({from->model()->index(0, 0)});
            to->model()->dropMimeData(data, Qt::MoveAction, 0, 0, {});
            delete data;
        } else {
            m_window->activateWindow();
            dragCard(from, from->model()->index(0, 0), to, QPoint(40, 10));
        }
        QTRY_COMPARE(TaskStore(m_window->database()).get(taskId)->assignee, u"Jon Park"_s);
        QCOMPARE(TaskStore(m_window->database()).get(taskId)->columnId, review);
        step(u"drag into Jon's lane"_s);
        m_window->setSwimlanes(Swimlanes::None);

        // Done, archived off the board, restored from the Archived list.
        const qint64 done = m_window->boardModel()->columns().last()->column().id;
        m_window->boardModel()->requestMove(taskId, {done, std::nullopt});
        step(u"done"_s);
        BoardColumnView *doneView = columnView(u"Done"_s);
        doneView->list()->setFocus();
        doneView->list()->setCurrentIndex(doneView->model()->index(0));
        m_window->archiveSelectedCard();
        QCOMPARE(m_window->boardModel()->cardCount(), 1); // Jon's other card stays
        step(u"archive"_s);
        ArchivedCardsDialog *archived = m_window->openArchivedCards();
        QVERIFY(archived);
        QCOMPARE(archived->count(), 1);
        archived->restoreRows({0});
        QCOMPARE(archived->count(), 0);
        QCOMPARE(m_window->boardModel()->cardCount(), 2);
        archived->close();
        step(u"restore"_s);

        // A comment and a fix record on it, then the card deleted: everything goes, and undo
        // brings everything back.
        Comment comment;
        comment.taskId = taskId;
        comment.author = u"Ana Lima"_s;
        comment.body = u"Build scripts tidied."_s;
        undo->push(
            new AddCommentCommand(m_window->workspace(), m_window->organisationId(), comment));
        step(u"comment"_s);
        FixRecord fix;
        fix.taskId = taskId;
        fix.branch = u"main"_s;
        fix.revision = u"abc123"_s;
        undo->push(new AddFixRecordCommand(m_window->workspace(), m_window->organisationId(), fix));
        step(u"fix record"_s);
        BoardColumnView *doneAgain = columnView(u"Done"_s);
        doneAgain->list()->setFocus();
        doneAgain->list()->setCurrentIndex(doneAgain->model()->index(0));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(doneAgain->list(), Qt::Key_Delete); // the board's shortcut
        QCOMPARE(m_window->boardModel()->cardCount(), 1);
        QVERIFY(!TaskStore(m_window->database()).get(taskId));
        step(u"delete card"_s);

        // THEN every step undoes, and the database is what it was before that step, back to
        // the empty database on its welcome.
        QCOMPARE(undo->count(), int(m_states.size()) - 1);
        for (qsizetype i = m_states.size() - 1; i > 0; --i) {
            QVERIFY2(undo->canUndo(), qPrintable(m_states.at(i).first));
            undo->undo();
            QCOMPARE(state(m_window->database()), m_states.at(i - 1).second);
        }
        QVERIFY(m_window->isWelcoming());
        // And redo brings it all back, with the same ids.
        for (qsizetype i = 1; i < m_states.size(); ++i) {
            undo->redo();
            QCOMPARE(state(m_window->database()), m_states.at(i).second);
        }
        QVERIFY(!m_window->isWelcoming());
        QVERIFY(IntegrityCheck::healthy(IntegrityCheck(m_window->database()).run()));
    }

    void shouldRecordTheDeltaACardServesFromItsEditor()
    {
        // GIVEN a board and no delta yet
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(db);
        QVERIFY(OrganisationStore(*db).create(u"Kestrel Systems"_s));
        MainWindow window(std::move(db));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const qint64 backlog = window.boardModel()->columns().first()->column().id;
        NewCardDialog *dialog = window.newCard(backlog);
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(u"newCardTitle"_s)->setText(u"Fix the flicker"_s);

        // WHEN the delta is recorded from the card's editor
        QTimer::singleShot(0, this, [] {
            auto *record = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(record && record->objectName() == u"newDeltaDialog"_s);
            record->findChild<QLineEdit *>(u"newDeltaTitle"_s)
                ->setText(u"The screen flickers on resume"_s);
            record->accept();
        });
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"newCardRecordDelta"_s),
                          Qt::LeftButton);

        // THEN it is ticked, and the card serves it
        QCOMPARE(dialog->deltaIds().size(), 1);
        const qint64 deltaId = dialog->deltaIds().first();
        QCOMPARE(DeltaStore(window.database()).get(deltaId)->title,
                 u"The screen flickers on resume"_s);
        dialog->accept();
        const auto tasks = TaskStore(window.database()).tasksForDelta(deltaId);
        QCOMPARE(tasks->size(), 1);
        QCOMPARE(tasks->first().title, u"Fix the flicker"_s);
        QCOMPARE(window.boardModel()->columns().first()->index(0).data(
                     BoardColumnModel::LinkedDeltasRole),
                 QVariant(1));
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_settings;
    TempDatabase m_temp;
    std::unique_ptr<MainWindow> m_window;
    QList<std::pair<QString, QStringList>> m_states;
};

DELTABOARD_GUI_TEST_MAIN(WorkspaceSetupTest)
#include "workspacesetuptest.moc"
