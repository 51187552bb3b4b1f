// Working together on one database: several clients, each with its own connection and login,
// against the test process's PostgreSQL server (tests/pgserver.h) — a colleague's move shows on
// the others' boards, two edits of one delta do not lose either, each organisation is in
// charge of its own priorities and board (row-level security, through the stores and through
// raw SQL as the login), a reporter records but does not arrange, the clients come back after
// the server restarts; and on SQLite, the app follows the command line on the same file.
#include "testdatabase.h"
#include "testmain.h"

#include "app/cli/clirun.h"
#include "app/gui/livesync.h"
#include "app/gui/mainwindow.h"
#include "views/boardcolumnview.h"
#include "views/boardview.h"
#include "views/prioritiesview.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "boardstore.h"
#include "changefeed.h"
#include "database.h"
#include "deltastore.h"
#include "demogenerator.h"
#include "groupstore.h"
#include "history.h"
#include "organisationstore.h"
#include "taskstore.h"
#include "teamstore.h"
#include "triagestore.h"
#include "views/deltaeditor.h"
#include "views/taskeditor.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

#include <thread>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

// The same server and database as 'url', as another login.
QString asUser(const QString &url, const QString &user)
{
    return Location::parse(url)->withUser(user).url();
}

std::unique_ptr<Database> openOrFail(const QString &url)
{
    auto db = Database::open(url);
    if (!db) {
        qWarning("%s", qPrintable(db.error()));
        return nullptr;
    }
    return std::move(db).value();
}

// A raw connection as a login, for what a client could send without Deltaboard.
class RawConnection
{
public:
    explicit RawConnection(const QString &url)
        : m_name(u"raw-%1"_s.arg(++s_count))
    {
        const auto location = Location::parse(url);
        if (location && location->addConnection(m_name))
            m_open = QSqlDatabase::database(m_name).open();
    }
    ~RawConnection() { QSqlDatabase::removeDatabase(m_name); }
    bool isOpen() const { return m_open; }
    // Rows changed, or -1 with the error in 'error'.
    int exec(const QString &sql, const QVariantList &values, QString *error = nullptr)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        // Without values, as sent (a prepared statement cannot be a SET ROLE).
        const bool ran = values.isEmpty() ? query.exec(sql) : [&] {
            query.prepare(sql);
            for (int i = 0; i < values.size(); ++i)
                query.bindValue(i, values.at(i));
            return query.exec();
        }();
        if (!ran) {
            if (error)
                *error = query.lastError().text() + u" "_s + query.lastError().nativeErrorCode();
            return -1;
        }
        return query.numRowsAffected();
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_open = false;
};

} // namespace

class TeamWorkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setDefaultFormat(QSettings::NativeFormat);
        qputenv("DELTABOARD_TEST_BACKEND", "postgresql");
        auto server = PgServer::shared();
        QVERIFY2(server, qPrintable(server.error()));
        m_server = *server;
        // Logins are the cluster's, not one database's: named after this process.
        const QString suffix = QString::number(QCoreApplication::applicationPid());
        m_memberA = u"member_a_"_s + suffix;
        m_memberB = u"member_b_"_s + suffix;
        m_reporter = u"reporter_"_s + suffix;
    }

    void init()
    {
        QSettings().clear();
        m_temp = std::make_unique<TempDatabase>();
        m_url = m_temp->database(u"team"_s);
        QVERIFY(!m_url.isEmpty());
        // GIVEN a workspace of two organisations, A's member, B's member and a reporter
        auto admin = openOrFail(m_url);
        QVERIFY(admin);
        DemoGenerator::Parameters parameters;
        parameters.deltas = 60;
        parameters.tasks = 30;
        parameters.organisations = 2;
        const auto made = DemoGenerator(*admin).generate(parameters);
        QVERIFY2(made, qPrintable(made ? QString() : made.error()));
        const auto organisations = OrganisationStore(*admin).list();
        QVERIFY(organisations && organisations->size() == 2);
        m_orgA = organisations->at(0);
        m_orgB = organisations->at(1);
        TeamStore team(*admin);
        for (const QString &login : {m_memberA, m_memberB, m_reporter}) {
            const auto added = team.addUser(login, {}, u"Person "_s + login);
            QVERIFY2(added, qPrintable(added ? QString() : added.error()));
        }
        QVERIFY(team.grant(m_memberA, TeamStore::Role::Member, m_orgA.id));
        QVERIFY(team.grant(m_memberB, TeamStore::Role::Member, m_orgB.id));
        QVERIFY(team.grant(m_reporter, TeamStore::Role::Reporter));
        const auto task
            = admin->scalar(u"SELECT id FROM tasks WHERE organisation_id = ? AND "
                            u"archived_at IS NULL AND done_at IS NULL ORDER BY id LIMIT 1"_s,
                            {m_orgA.id});
        QVERIFY(task && task->isValid());
        m_taskA = task->toLongLong();
        const auto board = BoardStore(*admin).board(m_orgA.id);
        QVERIFY(board);
        m_boardA = *board;
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset(); // drops the databases: the logins own nothing in them any more
    }

    void cleanupTestCase()
    {
        for (const QString &login : {m_memberA, m_memberB, m_reporter})
            static_cast<void>(m_server->exec(u"DROP ROLE IF EXISTS \"%1\""_s.arg(login)));
    }

    void shouldShowAColleaguesMoveWithoutAReload()
    {
        // GIVEN B's window on A's board
        auto window = openWindow(asUser(m_url, m_memberB));
        QVERIFY(window);
        window->setOrganisation(m_orgA.name);
        window->showView(MainWindow::View::Board);
        const auto before = window->boardModel()->positionOf(m_taskA);
        QVERIFY(before);
        const qint64 target = otherColumn(before->columnId);
        // … which says it is live, and read-only for B
        auto *indicator = window->findChild<QLabel *>(u"connectionIndicator"_s);
        QVERIFY(indicator && indicator->isVisible());
        QVERIFY2(indicator->text().contains(u"Live"_s), qPrintable(indicator->text()));
        auto *note = window->findChild<QLabel *>(u"readOnlyNote"_s);
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().contains(m_orgA.name), qPrintable(note->text()));
        QVERIFY(window->boardView()->isReadOnly()); // no dragging what B cannot change
        QVERIFY(window->prioritiesView()->isReadOnly());
        QVERIFY(!window->boardView()->columnViews().first()->list()->dragEnabled());
        // … but B's own organisation's board is B's to arrange
        QVERIFY(window->setOrganisation(m_orgB.name));
        QVERIFY(!window->boardView()->isReadOnly() && !note->isVisible());
        QVERIFY(!window->prioritiesView()->isReadOnly());
        QVERIFY(window->setOrganisation(m_orgA.name));

        // WHEN A moves the card
        auto a = openOrFail(asUser(m_url, m_memberA));
        QVERIFY(a);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(TaskStore(*a).move(m_taskA, target));

        // THEN B's board shows it in its new column, without B doing anything
        QTRY_VERIFY_WITH_TIMEOUT(window->boardModel()->positionOf(m_taskA)
                                     && window->boardModel()->positionOf(m_taskA)->columnId
                                            == target,
                                 5000);
        qInfo("a colleague's move reached the board in %lld ms", clock.elapsed());
        QVERIFY(window->boardModel()->columnModel(target)->rowOf(m_taskA) >= 0);
        QCOMPARE(window->boardModel()->columnModel(before->columnId)->rowOf(m_taskA), -1);
        // … and the history says A did it, by login
        const auto history = History(window->database()).list(u"task"_s, m_taskA);
        QVERIFY(history && !history->isEmpty());
        QCOMPARE(history->last().actor, m_memberA);

        // B's own undo of nothing: B cannot move A's card (said in words, nothing written)
        const Status refused = TaskStore(window->database()).move(m_taskA, before->columnId);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), u"only members of %1 can change its board"_s.arg(m_orgA.name));
    }

    void shouldSayWhenAColleagueChangesATaskBeingEdited()
    {
        // GIVEN A's task editor with a new title typed, not yet saved
        auto window = openWindow(asUser(m_url, m_memberA));
        QVERIFY(window && window->setOrganisation(m_orgA.name));
        TaskEditor *editor = window->openTask(m_taskA);
        QVERIFY(editor);
        auto *title = editor->findChild<QLineEdit *>(u"taskTitle"_s);
        auto *notice = editor->findChild<QLabel *>(u"taskChangedElsewhere"_s);
        QVERIFY(title && notice && !notice->isVisible());
        title->setText(u"Title typed by A"_s);
        // WHEN a colleague saves another title meanwhile
        auto colleague = openOrFail(asUser(m_url, m_memberA));
        QVERIFY(colleague);
        auto task = TaskStore(*colleague).get(m_taskA);
        task.value().title = u"Title saved by a colleague"_s;
        QVERIFY(TaskStore(*colleague).update(*task));
        // THEN the editor says so, and keeps what A typed
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 5000);
        QVERIFY2(notice->text().contains(u"Changed by %1"_s.arg(m_memberA)),
                 qPrintable(notice->text()));
        QCOMPARE(title->text(), u"Title typed by A"_s);
        editor->reject(); // Escape's path would take theirs; closing saves A's over it
    }

    void shouldRefuseTheSecondOfTwoEditsOfADeltaAndLoseNeither()
    {
        auto a = openOrFail(asUser(m_url, m_memberA));
        auto b = openOrFail(asUser(m_url, m_memberB));
        QVERIFY(a && b);
        const qint64 deltaId = firstDelta(*a);
        // GIVEN A and B reading the same delta
        auto readByA = DeltaStore(*a).get(deltaId);
        auto readByB = DeltaStore(*b).get(deltaId);
        QVERIFY(readByA && readByB);
        // WHEN A saves a new title, then B saves another
        readByA.value().title = u"Title by A"_s;
        QVERIFY(DeltaStore(*a).update(*readByA));
        readByB.value().title = u"Title by B"_s;
        const Status stale = DeltaStore(*b).update(*readByB);
        // THEN B gets the conflict, naming who and when; A's title stands
        QVERIFY(!stale);
        QVERIFY2(stale.error().contains(u"was changed by %1 at "_s.arg(m_memberA)),
                 qPrintable(stale.error()));
        QCOMPARE(DeltaStore(*b).get(deltaId)->title, u"Title by A"_s);
        // … and B's change is not lost: re-applied on top of A's, it is saved
        auto theirs = DeltaStore(*b).get(deltaId);
        theirs.value().title = readByB->title;
        QVERIFY(DeltaStore(*b).update(*theirs));
        const auto history = History(*a).list(u"delta"_s, deltaId);
        QVERIFY(history);
        QStringList titles;
        for (const HistoryEntry &entry : *history) {
            if (entry.field == u"title"_s)
                titles.append(entry.actor + u": "_s + entry.newValue);
        }
        QCOMPARE(titles,
                 (QStringList{m_memberA + u": Title by A"_s, m_memberB + u": Title by B"_s}));

        // WHEN the two saves race (B's write waits for A's open transaction, then runs)
        auto raceA = DeltaStore(*a).get(deltaId);
        const auto raceBase = DeltaStore(*b).get(deltaId);
        QVERIFY(raceA && raceBase);
        Database::Transaction held(*a);
        raceA.value().title = u"Racing A"_s;
        QVERIFY(DeltaStore(*a).update(*raceA)); // inside A's transaction: the row stays locked
        Status raced;
        const QString bUrl = asUser(m_url, m_memberB);
        std::thread racer([&raced, &bUrl, base = *raceBase] {
            auto other = Database::open(bUrl);
            if (!other) {
                raced = Error{other.error()};
                return;
            }
            Delta mine = base;
            mine.title = u"Racing B"_s;
            raced = DeltaStore(**other).update(mine);
        });
        // … B is waiting for A's lock (asked of the server, not guessed by sleeping)
        QTRY_VERIFY_WITH_TIMEOUT(waitingForLock(*b), 10000);
        QVERIFY(held.commit());
        racer.join();
        // THEN B's is refused, not written over A's
        QVERIFY(!raced);
        QVERIFY2(raced.error().contains(u"changed by %1"_s.arg(m_memberA)),
                 qPrintable(raced.error()));
        QCOMPARE(DeltaStore(*b).get(deltaId)->title, u"Racing A"_s);
    }

    void shouldKeepEachOrganisationInChargeOfItsPrioritiesAndBoard()
    {
        auto b = openOrFail(asUser(m_url, m_memberB));
        auto a = openOrFail(asUser(m_url, m_memberA));
        QVERIFY(a && b);
        const qint64 deltaId = firstDelta(*a);
        QVERIFY(TriageStore(*a).setPriority(m_orgA.id, deltaId, 2));
        QVERIFY(b->rights().isMemberOf(m_orgB.id) && !b->rights().isMemberOf(m_orgA.id));

        // WHEN B, through the stores, changes A's priority or moves A's card: refused in words
        const Status priority = TriageStore(*b).setPriority(m_orgA.id, deltaId, 4);
        QVERIFY(!priority);
        QCOMPARE(priority.error(),
                 u"only members of %1 can change its priorities"_s.arg(m_orgA.name));
        const Status ranked = TriageStore(*b).placeInRanking(m_orgA.id, deltaId, 4, std::nullopt);
        QVERIFY(!ranked);
        const qint64 column = otherColumn(TaskStore(*b).get(m_taskA)->columnId);
        const Status moved = TaskStore(*b).move(m_taskA, column);
        QVERIFY(!moved);
        QCOMPARE(moved.error(), u"only members of %1 can change its board"_s.arg(m_orgA.name));
        // … while its own organisation's are B's to change
        QVERIFY(TriageStore(*b).setPriority(m_orgB.id, deltaId, 4));

        // WHEN B sends SQL itself, as its login: the server refuses it
        RawConnection raw(asUser(m_url, m_memberB));
        QVERIFY(raw.isOpen());
        QString error;
        QCOMPARE(
            raw.exec(u"UPDATE priorities SET level = 4 WHERE organisation_id = ?"_s, {m_orgA.id}),
            0);
        QCOMPARE(raw.exec(u"DELETE FROM priorities WHERE organisation_id = ?"_s, {m_orgA.id}), 0);
        QCOMPARE(raw.exec(u"INSERT INTO priorities (organisation_id, delta_id, level, updated_at) "
                          u"VALUES (?, ?, 1, '2026-11-29T12:00:00.000Z') ON CONFLICT DO NOTHING"_s,
                          {m_orgA.id, firstDelta(*a) + 1}, &error),
                 -1);
        QVERIFY2(error.contains(u"row-level security"_s) && error.contains(u"42501"_s),
                 qPrintable(error));
        QCOMPARE(raw.exec(u"UPDATE tasks SET column_id = ? WHERE id = ?"_s, {column, m_taskA}), 0);
        QCOMPARE(
            raw.exec(u"UPDATE tasks SET organisation_id = ? WHERE id = ?"_s, {m_orgB.id, m_taskA}),
            0);
        QCOMPARE(raw.exec(u"INSERT INTO memberships (login, role, organisation_id) VALUES "
                          u"(current_user, 'member', ?)"_s,
                          {m_orgA.id}, &error),
                 -1);
        QVERIFY2(error.contains(u"row-level security"_s), qPrintable(error));
        // … nor can B make itself someone else (the rights follow the login, not a setting)
        for (const QString &role : {u"postgres"_s, u"deltaboard_owner"_s}) {
            QCOMPARE(raw.exec(u"SET ROLE "_s + role, {}, &error), -1);
            QVERIFY2(error.contains(u"permission denied"_s), qPrintable(error));
        }
        // … nor remove a delta that carries A's priority (the cascade would take it along)
        const Status removed = DeltaStore(*b).remove(deltaId);
        QVERIFY(!removed);
        QVERIFY2(
            removed.error().contains(u"carries the priority or tasks of %1"_s.arg(m_orgA.name)),
            qPrintable(removed.error()));
        QCOMPARE(raw.exec(u"DELETE FROM deltas WHERE id = ?"_s, {deltaId}), 0);
        // … nor shadow the memberships with a temporary table of its own
        QVERIFY(raw.exec(u"CREATE TEMP TABLE memberships (login text, role text, "
                         u"organisation_id bigint)"_s,
                         {}, &error)
                >= 0);
        QCOMPARE(raw.exec(u"INSERT INTO memberships VALUES (current_user, 'admin', NULL), "
                          u"(current_user, 'member', ?)"_s,
                          {m_orgA.id}, &error),
                 2);
        QCOMPARE(
            raw.exec(u"UPDATE priorities SET level = 4 WHERE organisation_id = ?"_s, {m_orgA.id}),
            0);
        QCOMPARE(raw.exec(u"UPDATE public.memberships SET role = 'admin' WHERE login = "
                          u"current_user"_s,
                          {}, &error),
                 0);

        // THEN A's priority and card are as A left them
        const auto priorities = TriageStore(*a).priorities(deltaId);
        QVERIFY(priorities);
        bool found = false;
        for (const PriorityEntry &entry : *priorities) {
            if (entry.organisationId == m_orgA.id) {
                QCOMPARE(entry.level, 2);
                found = true;
            }
        }
        QVERIFY(found);
        QVERIFY(TaskStore(*a).get(m_taskA)->columnId != column);
        QCOMPARE(TaskStore(*a).get(m_taskA)->organisationId, m_orgA.id);
    }

    void shouldLetAReporterRecordADeltaButNotArrangeABoard()
    {
        auto reporter = openOrFail(asUser(m_url, m_reporter));
        QVERIFY(reporter);
        Delta delta;
        delta.kind = DeltaKind::Defect;
        delta.title = u"Reported by a reporter"_s;
        const auto id = DeltaStore(*reporter).create(delta);
        QVERIFY2(id, qPrintable(id ? QString() : id.error()));
        QCOMPARE(History(*reporter).list(u"delta"_s, *id)->first().actor, m_reporter);

        const qint64 column = m_boardA.columns.first().id;
        const Status renamed = BoardStore(*reporter).renameColumn(column, u"Mine now"_s);
        QVERIFY(!renamed);
        QCOMPARE(renamed.error(),
                 u"only members of %1 and admins can change its board"_s.arg(m_orgA.name));
        const Status moved = TaskStore(*reporter).move(m_taskA, otherColumn(column));
        QVERIFY(!moved);
        RawConnection raw(asUser(m_url, m_reporter));
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.exec(u"UPDATE board_columns SET name = 'Mine now' WHERE id = ?"_s, {column}),
                 0);
        QCOMPARE(BoardStore(*reporter).column(column)->name, m_boardA.columns.first().name);
    }

    void shouldRefuseToUndoAMoveAColleagueHasMovedSince()
    {
        // GIVEN A's board, with A's move of a card on A's undo stack
        auto a = openOrFail(asUser(m_url, m_memberA));
        auto other = openOrFail(asUser(m_url, m_memberA)); // a colleague in A's organisation
        QVERIFY(a && other);
        BoardModel board(*a);
        QUndoStack stack;
        board.setUndoStack(&stack);
        QVERIFY(board.load(m_orgA.id));
        const auto from = board.positionOf(m_taskA);
        QVERIFY(from);
        const qint64 first = otherColumn(from->columnId);
        board.requestMove(m_taskA, CardPosition{first, std::nullopt});
        QCOMPARE(stack.count(), 1);
        QCOMPARE(TaskStore(*a).get(m_taskA)->columnId, first);
        // WHEN the colleague moves it on, and A then undoes A's move
        qint64 second = 0;
        for (const BoardColumn &column : m_boardA.columns) {
            if (column.id != first && column.id != from->columnId)
                second = column.id;
        }
        QVERIFY(second);
        QVERIFY(TaskStore(*other).move(m_taskA, second));
        QSignalSpy errors(&board, &BoardModel::errorOccurred);
        stack.undo();
        // THEN the undo is refused with a message, and the colleague's move stands
        QCOMPARE(errors.count(), 1);
        const QString message = errors.first().at(0).toString();
        QVERIFY2(message.contains(u"was moved by %1"_s.arg(m_memberA)), qPrintable(message));
        QCOMPARE(TaskStore(*a).get(m_taskA)->columnId, second);
    }

    // Not a check: the screenshots of docs/screenshots, made from the real scenario when
    // DELTABOARD_SCREENSHOTS names a folder.
    void shouldRenderTheTeamScreens()
    {
        const QString folder = qEnvironmentVariable("DELTABOARD_SCREENSHOTS");
        if (folder.isEmpty())
            QSKIP("set DELTABOARD_SCREENSHOTS=FOLDER to render the team screens");
        // Two windows, two organisations, one database
        auto windowA = openWindow(asUser(m_url, m_memberA));
        auto windowB = openWindow(asUser(m_url, m_memberB));
        QVERIFY(windowA && windowB);
        for (MainWindow *window : {windowA.get(), windowB.get()})
            window->resize(1440, 900);
        QVERIFY(windowA->setOrganisation(m_orgA.name));
        QVERIFY(windowB->setOrganisation(m_orgB.name));
        windowA->showView(MainWindow::View::Board);
        windowB->showView(MainWindow::View::Board);
        // A moves a card; B's window shows it when B looks at A's board
        const auto before = windowA->boardModel()->positionOf(m_taskA);
        QVERIFY(before);
        windowA->boardModel()->requestMove(m_taskA, {otherColumn(before->columnId), std::nullopt});
        QTest::qWait(200);
        const QImage left = windowA->grab().toImage();
        const QImage right = windowB->grab().toImage();
        QImage both(left.width() + right.width() + 16, std::max(left.height(), right.height()),
                    QImage::Format_RGB32);
        both.fill(QColor(u"#3c3f41"_s));
        {
            QPainter painter(&both);
            painter.drawImage(0, 0, left);
            painter.drawImage(left.width() + 16, 0, right);
        }
        QVERIFY(both.save(folder + u"/team-two-organisations.png"_s));

        // The permission message: B drags a card on A's board
        QVERIFY(windowB->setOrganisation(m_orgA.name));
        QImage refusal;
        QTimer::singleShot(300, this, [&refusal, &windowB] {
            refusal = windowB->grab().toImage();
            if (QWidget *box = QApplication::activeModalWidget()) {
                const QImage boxImage = box->grab().toImage();
                QPainter painter(&refusal);
                const QPoint at = box->mapToGlobal(QPoint()) - windowB->mapToGlobal(QPoint());
                painter.drawImage(at.x() > 0 ? at : QPoint(300, 250), boxImage);
                box->close();
            }
        });
        const auto position = windowB->boardModel()->positionOf(m_taskA);
        QVERIFY(position);
        windowB->boardModel()->requestMove(m_taskA,
                                           {otherColumn(position->columnId), std::nullopt});
        QTRY_VERIFY(!refusal.isNull());
        QVERIFY(refusal.save(folder + u"/team-permission.png"_s));

        // The conflict: A edits a delta B has just changed
        const qint64 deltaId = firstDelta(windowA->database());
        const auto stale = DeltaStore(windowA->database()).get(deltaId);
        QVERIFY(stale);
        auto b = openOrFail(asUser(m_url, m_memberB));
        auto theirs = DeltaStore(*b).get(deltaId);
        theirs.value().title = u"Crash when the driver reloads under load"_s;
        QVERIFY(DeltaStore(*b).update(*theirs));
        const auto components = GroupStore(windowA->database()).components();
        DeltaEditor editor(*components, *stale, windowA.get());
        editor.resize(720, 640);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.showConflict(
            u"<b>Changed by %1</b> while you were editing. Load their version (yours is lost), or "
            u"save yours over theirs (the fields you did not touch keep their change)?"_s.arg(
                History(windowA->database()).lastChange(u"delta"_s, deltaId)),
            *DeltaStore(windowA->database()).get(deltaId));
        QTest::qWait(100);
        QVERIFY(editor.grab().save(folder + u"/team-conflict.png"_s));
    }

    void shouldReconnectBothClientsAfterTheServerRestarts()
    {
        if (m_server->reused())
            QSKIP("the server named by DELTABOARD_TEST_PG is not this test's to restart");
        auto a = openOrFail(asUser(m_url, m_memberA));
        auto b = openOrFail(asUser(m_url, m_memberA));
        QVERIFY(a && b);
        ChangeFeed feedA(*a);
        ChangeFeed feedB(*b);
        QSignalSpy resyncedA(&feedA, &ChangeFeed::resynced);
        QSignalSpy resyncedB(&feedB, &ChangeFeed::resynced);
        QSignalSpy statesB(&feedB, &ChangeFeed::stateChanged);
        QSignalSpy changedB(&feedB, &ChangeFeed::changed);

        // WHEN the server restarts under both
        QVERIFY(m_server->restart());
        // THEN both notice, reconnect and say so (everything is to be read again)
        QTRY_VERIFY_WITH_TIMEOUT(resyncedA.count() >= 1 && resyncedB.count() >= 1, 20000);
        QCOMPARE(feedA.state(), ChangeFeed::State::Connected);
        QCOMPARE(feedB.state(), ChangeFeed::State::Connected);
        QVERIFY(statesB.count() >= 2); // reconnecting, connected
        QCOMPARE(statesB.first().at(0).value<ChangeFeed::State>(), ChangeFeed::State::Reconnecting);
        // … and catch up: A's next change reaches B, whose connection works again
        const qint64 target = otherColumn(TaskStore(*a).get(m_taskA)->columnId);
        QVERIFY(TaskStore(*a).move(m_taskA, target));
        QTRY_VERIFY_WITH_TIMEOUT(!changedB.isEmpty(), 5000);
        const auto changes = changedB.last().at(0).value<QList<Change>>();
        QVERIFY(!changes.isEmpty());
        QCOMPARE(changes.first().entity, u"task"_s);
        QCOMPARE(changes.first().id, m_taskA);
        QCOMPARE(changes.first().organisationId, m_orgA.id);
        QCOMPARE(TaskStore(*b).get(m_taskA)->columnId, target);
    }

    void shouldFollowTheCommandLineOnTheSameFile()
    {
        // GIVEN the app open on an SQLite file
        const QString path = m_temp->path(u"shared.sqlite"_s);
        {
            auto db = openOrFail(path);
            QVERIFY(db && !db->isPostgres());
            DemoGenerator::Parameters parameters;
            parameters.deltas = 40;
            parameters.tasks = 10;
            parameters.organisations = 1;
            QVERIFY(DemoGenerator(*db).generate(parameters));
        }
        auto window = openWindow(path);
        QVERIFY(window);
        window->showView(MainWindow::View::Board);
        const int before = window->boardModel()->cardCount();

        // WHEN the command line commits the organisation to a delta meanwhile
        const Run committed
            = cli({u"--db"_s, path, u"commit"_s, u"--org"_s, window->organisationName(),
                   u"--title"_s, u"Committed from the command line"_s, u"1"_s});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
        const qint64 taskId = committed.out.trimmed().toLongLong();
        QVERIFY(taskId > 0);
        QElapsedTimer clock;
        clock.start();

        // THEN the board shows the new card within a second, without a reload
        QTRY_VERIFY_WITH_TIMEOUT(window->boardModel()->positionOf(taskId).has_value(), 1000);
        qInfo("the command line's card reached the board in %lld ms", clock.elapsed());
        QCOMPARE(window->boardModel()->cardCount(), before + 1);
        // … and the file passes the check with the app still open on it
        const Run checked = cli({u"--db"_s, path, u"check"_s});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.out + checked.err));
    }

private:
    std::unique_ptr<MainWindow> openWindow(const QString &where)
    {
        auto db = openOrFail(where);
        if (!db)
            return nullptr;
        auto window = std::make_unique<MainWindow>(std::move(db));
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

    // A column of A's board other than this one.
    qint64 otherColumn(qint64 columnId) const
    {
        for (const BoardColumn &column : m_boardA.columns) {
            if (column.id != columnId && !column.isDone)
                return column.id;
        }
        return 0;
    }

    static qint64 firstDelta(Database &db)
    {
        const auto id = db.scalar(u"SELECT min(id) FROM deltas"_s);
        return id ? id->toLongLong() : 0;
    }

    // Whether another session of the database waits for a row lock.
    static bool waitingForLock(Database &db)
    {
        const auto waiting = db.scalar(
            u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
            u"wait_event_type = 'Lock' AND pid <> pg_backend_pid()"_s);
        return waiting && waiting->toLongLong() > 0;
    }

    QTemporaryDir m_settings;
    PgServer *m_server = nullptr;
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
    QString m_url;
    QString m_memberA;
    QString m_memberB;
    QString m_reporter;
    Organisation m_orgA;
    Organisation m_orgB;
    Board m_boardA;
    qint64 m_taskA = 0;
};

DELTABOARD_GUI_TEST_MAIN(TeamWorkTest)
#include "teamworktest.moc"
