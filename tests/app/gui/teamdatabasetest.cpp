// The team database in the app: the window on a PostgreSQL URL, and File › Connect to Team
// Database… against the test process's own PostgreSQL server (tests/pgserver.h). Always on
// PostgreSQL, whatever DELTABOARD_TEST_BACKEND says: that is what it tests.
#include "testdatabase.h"
#include "testmain.h"

#include "app/gui/mainwindow.h"
#include "app/gui/teamdatabasedialog.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "database.h"
#include "demogenerator.h"
#include "location.h"
#include "migrator.h"
#include "taskstore.h"
#include "views/boardcolumnview.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

// libpq's connect_timeout that Location sets (10 s), and some room for a loaded machine: a test
// that has not ended by then hangs.
constexpr int kConnectDeadlineMs = 15000;

BoardColumnView *columnNamed(const MainWindow &window, const QString &name)
{
    return window.findChild<BoardColumnView *>(u"column:"_s + name);
}

template<typename T>
T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// The same server and database as 'url', as another login.
QString asUser(const QString &url, const QString &user)
{
    QUrl changed(url);
    changed.setUserName(user);
    return changed.toString(QUrl::FullyEncoded);
}

} // namespace

class TeamDatabaseTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Settings go to a temporary folder, never to the user's.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setDefaultFormat(QSettings::NativeFormat);
        // TempDatabase hands out databases on the test server.
        qputenv("DELTABOARD_TEST_BACKEND", "postgresql");
        auto server = PgServer::shared();
        QVERIFY2(server, qPrintable(server.error()));
        m_server = *server;
    }

    void init()
    {
        QSettings().clear();
        m_temp = std::make_unique<TempDatabase>();
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset();
        for (const QString &name : std::as_const(m_made))
            static_cast<void>(m_server->drop(name));
        m_made.clear();
    }

    void shouldShowATeamDatabasesBoardAndKeepAMove()
    {
        // GIVEN a team database with a demo workspace, opened by its URL
        const QString url = m_temp->database(u"team"_s);
        QVERIFY(Location::isUrl(url));
        QVERIFY(fillWithDemo(url));
        QVERIFY(openWindow(url));
        MainWindow &window = *m_window;
        QVERIFY(window.database().isPostgres());
        // … named by server and database where a file would show its name
        const QString where = window.database().describeLocation();
        QVERIFY2(where.startsWith(u"database \""_s), qPrintable(where));
        QCOMPARE(window.windowTitle(), where + u" — Deltaboard"_s);
        QCOMPARE(QSettings().value(u"database/last"_s).toString(), url);
        bool listed = false;
        for (const QAction *action : window.findChildren<QAction *>())
            listed = listed || action->text() == where + u"  —  "_s + url;
        QVERIFY2(listed, "Open Recent lists the team database by server and database");

        // THEN the board shows the demo's cards
        window.showView(MainWindow::View::Board);
        BoardColumnView *backlog = columnNamed(window, u"Backlog"_s);
        BoardColumnView *ready = columnNamed(window, u"Ready"_s);
        QVERIFY(backlog && ready);
        QVERIFY(window.boardModel()->cardCount() > 0);
        QVERIFY(backlog->model()->rowCount() > 0);
        QVERIFY(backlog->isVisible());
        const qint64 taskId = backlog->model()->taskAt(0);
        const auto task = TaskStore(window.database()).get(taskId);
        QVERIFY(task);
        QCOMPARE(backlog->model()->index(0, 0).data(Qt::DisplayRole).toString(), task->title);

        // WHEN a card is moved to the next column with the keyboard
        backlog->list()->setFocus();
        backlog->list()->setCurrentIndex(backlog->model()->index(0, 0));
        QTest::keyClick(backlog->list(), Qt::Key_Right, Qt::ControlModifier);
        QVERIFY(ready->model()->rowOf(taskId) >= 0);
        QCOMPARE(window.undoStack()->count(), 1);
        const qint64 readyId = ready->model()->column().id;

        // THEN another connection sees it there at once, and so does a window opened afresh
        {
            auto fresh = Database::open(url);
            QVERIFY2(fresh, qPrintable(fresh ? QString() : fresh.error()));
            QCOMPARE(TaskStore(**fresh).get(taskId)->columnId, readyId);
        }
        m_window.reset();
        QVERIFY(openWindow(url));
        m_window->showView(MainWindow::View::Board);
        QVERIFY(columnNamed(*m_window, u"Ready"_s)->model()->rowOf(taskId) >= 0);
        QCOMPARE(columnNamed(*m_window, u"Backlog"_s)->model()->rowOf(taskId), -1);
    }

    void shouldKeepTheFieldsAndThePastedUrlInStep()
    {
        QVERIFY(openWindow(m_temp->database(u"team"_s)));
        TeamDatabaseDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *host = child<QLineEdit>(dialog, u"teamHost"_s);
        auto *port = child<QSpinBox>(dialog, u"teamPort"_s);
        auto *database = child<QLineEdit>(dialog, u"teamDatabase"_s);
        auto *user = child<QLineEdit>(dialog, u"teamUser"_s);
        auto *url = child<QLineEdit>(dialog, u"teamUrl"_s);
        QVERIFY(host && port && database && user && url);
        QCOMPARE(port->value(), 5432);

        // WHEN a URL is pasted THEN the fields show its parts
        QTest::keyClicks(url, u"postgresql://ana@db.example.org:6543/deltaboard?sslmode=require"_s);
        QCOMPARE(host->text(), u"db.example.org"_s);
        QCOMPARE(port->value(), 6543);
        QCOMPARE(database->text(), u"deltaboard"_s);
        QCOMPARE(user->text(), u"ana"_s);

        // WHEN a field is edited THEN the URL follows, keeping what has no field (sslmode)
        database->selectAll();
        QTest::keyClicks(database, u"tracker"_s);
        QCOMPARE(url->text(), u"postgresql://ana@db.example.org:6543/tracker?sslmode=require"_s);
        QCOMPARE(dialog->url(), url->text());
        port->setValue(5432);
        QCOMPARE(url->text(), u"postgresql://ana@db.example.org/tracker?sslmode=require"_s);

        // … and a socket folder as the host goes where libpq reads it
        host->selectAll();
        QTest::keyClicks(host, u"/run/postgresql"_s);
        const auto socket = Location::parse(url->text());
        QVERIFY2(socket, qPrintable(url->text()));
        QCOMPARE(socket->database(), u"tracker"_s);
        QCOMPARE(QUrlQuery(QUrl(url->text())).queryItemValue(u"host"_s, QUrl::FullyDecoded),
                 u"/run/postgresql"_s);

        // … and the test server's own URL fills the fields with its socket and database
        const QString serverUrl = m_temp->database(u"team"_s);
        url->clear();
        QTest::keyClicks(url, serverUrl);
        QCOMPARE(database->text(), Location::parse(serverUrl)->database());
        QVERIFY(!host->text().isEmpty());
        QCOMPARE(dialog->url(), serverUrl);
    }

    void shouldTestAConnectionOnAWorkerAndConnect()
    {
        const QString url = m_temp->database(u"team"_s);
        QVERIFY(openWindow(url));
        TeamDatabaseDialog *dialog = openDialog();
        QVERIFY(dialog);
        QSignalSpy opened(m_window.get(), &MainWindow::openDatabaseRequested);
        dialog->setUrl(url);

        // WHEN Test Connection is clicked THEN it returns at once, busy, and then tells
        QTest::mouseClick(child<QPushButton>(dialog, u"teamTest"_s), Qt::LeftButton);
        QVERIFY(dialog->isTesting());
        QVERIFY(child<QProgressBar>(dialog, u"teamBusy"_s)->isVisible());
        QVERIFY2(dialog->statusText().startsWith(u"Connecting to "_s),
                 qPrintable(dialog->statusText()));
        QVERIFY(!child<QPushButton>(dialog, u"teamConnect"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting(), kConnectDeadlineMs);
        QVERIFY(!child<QProgressBar>(dialog, u"teamBusy"_s)->isVisible());
        const int latest = Migrator::builtin(Database::Dialect::Postgres).latestVersion();
        QCOMPARE(dialog->statusText(),
                 u"Connected: %1, schema version %2"_s.arg(Location::parse(url)->describe())
                     .arg(latest));
        QCOMPARE(opened.count(), 0);

        // WHEN Connect is clicked THEN the window is asked to open the URL, and the dialog goes
        QTest::mouseClick(child<QPushButton>(dialog, u"teamConnect"_s), Qt::LeftButton);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), url);
        QVERIFY(!dialog->isVisible());
    }

    void shouldExplainWhyItCannotConnectInOneLine_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no such database") << u"missing"_s << u"does not exist"_s;
        // (libpq's own words are in the user's language: the row checks Deltaboard's.)
        QTest::newRow("no server at that socket") << u"no server"_s << u"cannot connect to"_s;
        QTest::newRow("a login the server refuses") << u"unknown login"_s << u"nobody"_s;
        QTest::newRow("a newer schema") << u"newer"_s << u"newer than this Deltaboard"_s;
        QTest::newRow("another application's tables")
            << u"foreign"_s << u"not a Deltaboard database"_s;
    }

    void shouldExplainWhyItCannotConnectInOneLine()
    {
        QFETCH(QString, problem);
        QFETCH(QString, expected);
        QVERIFY(openWindow(m_temp->database(u"window"_s)));
        const QString url = problemUrl(problem);
        QVERIFY(!url.isEmpty());
        TeamDatabaseDialog *dialog = openDialog();
        QVERIFY(dialog);
        QSignalSpy opened(m_window.get(), &MainWindow::openDatabaseRequested);
        dialog->setUrl(url);
        QCOMPARE(dialog->url(), url);

        // WHEN Connect is clicked (it tests first)
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(child<QPushButton>(dialog, u"teamConnect"_s), Qt::LeftButton);
        // THEN within libpq's connect timeout the dialog says why, in one line naming the
        // server and the database, and stays open with nothing opened
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting(), kConnectDeadlineMs);
        QVERIFY(clock.elapsed() < kConnectDeadlineMs);
        const QString status = dialog->statusText();
        QVERIFY2(status.contains(expected), qPrintable(status));
        QVERIFY2(status.contains(Location::parse(url)->describe()), qPrintable(status));
        QVERIFY2(!status.contains(u'\n'), qPrintable(status));
        QVERIFY(dialog->isVisible());
        QCOMPARE(opened.count(), 0);
        QVERIFY(child<QPushButton>(dialog, u"teamConnect"_s)->isEnabled());
        dialog->reject();
    }

    // A server that takes the TCP connection and never answers (a hung server, a firewall that
    // swallows packets): the dialog stays responsive and gives up at the URL's connect_timeout.
    void shouldGiveUpOnAServerThatNeverAnswersAtItsTimeout()
    {
        QVERIFY(openWindow(m_temp->database(u"team"_s)));
        // A socket that listens and never accepts: the kernel completes the handshake, so
        // libpq waits for the server's first word until its timeout.
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        const auto closeListener = qScopeGuard([listener] { ::close(listener); });
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&address), length) == 0);
        QVERIFY(::listen(listener, 4) == 0);
        QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0);
        const QString url = u"postgresql://ana@127.0.0.1:%1/deltaboard?connect_timeout=2"_s.arg(
            ntohs(address.sin_port));

        TeamDatabaseDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->setUrl(url);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(child<QPushButton>(dialog, u"teamTest"_s), Qt::LeftButton);
        // THEN the click returns at once and the window keeps painting while libpq waits
        QVERIFY(clock.elapsed() < 1000);
        QVERIFY(dialog->isTesting());
        QVERIFY(child<QProgressBar>(dialog, u"teamBusy"_s)->isVisible());
        bool ticked = false;
        QTimer::singleShot(300, this, [&ticked] { ticked = true; });
        QTRY_VERIFY(ticked);
        QVERIFY(dialog->isTesting());
        // … and at the timeout it says so, in one line naming the server and the database
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting(), kConnectDeadlineMs);
        QVERIFY2(clock.elapsed() >= 1500, "it waited for the server, as connect_timeout says");
        const QString status = dialog->statusText();
        QVERIFY2(status.startsWith(u"cannot connect to database \"deltaboard\" on 127.0.0.1:"_s),
                 qPrintable(status));
        QVERIFY2(!status.contains(u'\n'), qPrintable(status));
        QVERIFY(!child<QProgressBar>(dialog, u"teamBusy"_s)->isVisible());
    }

    void shouldRefuseAPasswordInTheUrlAndSayWhereItGoes()
    {
        QVERIFY(openWindow(m_temp->database(u"team"_s)));
        TeamDatabaseDialog *dialog = openDialog();
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, u"teamUrl"_s),
                         u"postgresql://ana:s3cret@db.example.org/deltaboard"_s);
        const QString status = dialog->statusText();
        QVERIFY2(status.contains(u"a password in the URL is refused"_s), qPrintable(status));
        QVERIFY2(status.contains(u"~/.pgpass"_s), qPrintable(status));
        QVERIFY2(!status.contains(u"s3cret"_s), qPrintable(status));
        QVERIFY(dialog->url().isEmpty());
        // … and the fields show nothing, not what a shorter text meant ('postgresql://ana')
        QVERIFY(child<QLineEdit>(dialog, u"teamHost"_s)->text().isEmpty());
        QVERIFY(child<QLineEdit>(dialog, u"teamUser"_s)->text().isEmpty());
        QVERIFY(!child<QPushButton>(dialog, u"teamTest"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, u"teamConnect"_s)->isEnabled());
        // The note says where passwords come from.
        const QString note = child<QLabel>(dialog, u"teamPasswordNote"_s)->text();
        for (const QString &where : {u"~/.pgpass"_s, u"PGPASSWORD"_s, u"PGSERVICE"_s})
            QVERIFY2(note.contains(where), qPrintable(note));
        // Not a URL at all: said so, rather than taken as a file.
        child<QLineEdit>(dialog, u"teamUrl"_s)->clear();
        QTest::keyClicks(child<QLineEdit>(dialog, u"teamUrl"_s), u"/home/ana/deltaboard.sqlite"_s);
        QVERIFY2(dialog->statusText().contains(u"postgresql://"_s),
                 qPrintable(dialog->statusText()));
        QVERIFY(dialog->url().isEmpty());
    }

    void shouldOfferTheSchemaToAnEmptyDatabase()
    {
        QVERIFY(openWindow(m_temp->database(u"window"_s)));
        QVERIFY(makeDatabase(u"empty"_s));
        const QString url = m_server->location(u"empty"_s).url();
        TeamDatabaseDialog *dialog = openDialog();
        QVERIFY(dialog);
        QSignalSpy opened(m_window.get(), &MainWindow::openDatabaseRequested);
        dialog->setUrl(url);
        auto *connectButton = child<QPushButton>(dialog, u"teamConnect"_s);

        // WHEN Connect is clicked on an empty database THEN it says what connecting will do
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting(), kConnectDeadlineMs);
        QVERIFY2(dialog->statusText().contains(u"is empty"_s), qPrintable(dialog->statusText()));
        QVERIFY2(dialog->statusText().contains(u"creates the Deltaboard schema"_s),
                 qPrintable(dialog->statusText()));
        QCOMPARE(connectButton->text(), u"&Create Schema and Connect"_s);
        QCOMPARE(opened.count(), 0);
        // … and the test wrote nothing
        Database::Options asIs;
        asIs.createIfMissing = false;
        const auto untouched = Database::open(url, asIs);
        QVERIFY(!untouched);
        QVERIFY2(untouched.error().contains(u"is empty"_s), qPrintable(untouched.error()));

        // WHEN it is clicked again THEN the window is asked to open it, which makes the schema
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), url);
        auto created = Database::open(url); // what main.cpp does with the request
        QVERIFY2(created, qPrintable(created ? QString() : created.error()));
        QCOMPARE((*created)->schemaVersion(),
                 Migrator::builtin(Database::Dialect::Postgres).latestVersion());
        MainWindow window(std::move(created).value());
        QVERIFY(window.isWelcoming());
    }

    void shouldListRecentTeamDatabasesButNoFilesNorPasswords()
    {
        QVERIFY(openWindow(m_temp->database(u"team"_s)));
        QSettings().setValue(u"database/recent"_s,
                             QStringList{u"postgresql://ana@db.example.org/deltaboard"_s,
                                         u"/home/ana/deltaboard.sqlite"_s,
                                         u"postgresql://ci:pw@build.example.org/ci"_s,
                                         u"postgresql://ci@build.example.org:5433/ci"_s});
        TeamDatabaseDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *recent = child<QListWidget>(dialog, u"teamRecent"_s);
        QVERIFY(recent && recent->isVisible());
        QCOMPARE(recent->count(), 2);
        QCOMPARE(recent->item(0)->text(), u"database \"deltaboard\" on db.example.org"_s);
        QCOMPARE(recent->item(1)->text(), u"database \"ci\" on build.example.org:5433"_s);

        // WHEN one is clicked THEN it fills the form
        QTest::mouseClick(recent->viewport(), Qt::LeftButton, {},
                          recent->visualItemRect(recent->item(1)).center());
        QCOMPARE(child<QLineEdit>(dialog, u"teamHost"_s)->text(), u"build.example.org"_s);
        QCOMPARE(child<QSpinBox>(dialog, u"teamPort"_s)->value(), 5433);
        QCOMPARE(child<QLineEdit>(dialog, u"teamUser"_s)->text(), u"ci"_s);
        QCOMPARE(dialog->url(), u"postgresql://ci@build.example.org:5433/ci"_s);
        dialog->reject();

        // With none, the dialog says where they will come from.
        QSettings().setValue(u"database/recent"_s, QStringList{u"/home/ana/a.sqlite"_s});
        dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(!recent->isVisible());
        QVERIFY(child<QLabel>(dialog, u"teamNoRecent"_s)->isVisible());
    }

    void shouldSayInOneLineWhenTheServerGoesAwayMidSession()
    {
        // GIVEN a window on a team database
        const QString url = m_temp->database(u"team"_s);
        QVERIFY(fillWithDemo(url));
        QVERIFY(openWindow(url));
        m_window->showView(MainWindow::View::Board);
        BoardColumnView *backlog = columnNamed(*m_window, u"Backlog"_s);
        QVERIFY(backlog && backlog->model()->rowCount() > 0);
        const qint64 taskId = backlog->model()->taskAt(0);

        // WHEN the server ends the window's connection (a restart, an administrator)
        const QString name = Location::parse(url)->database();
        QVERIFY(m_server->exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                               u"datname = '%1' AND pid <> pg_backend_pid()"_s.arg(name)));
        // … and a card is moved
        QStringList shown;
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, this, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown.append(box->text());
                box->close();
            }
        });
        closer.start();
        QElapsedTimer clock;
        clock.start();
        backlog->list()->setFocus();
        backlog->list()->setCurrentIndex(backlog->model()->index(0, 0));
        QTest::keyClick(backlog->list(), Qt::Key_Right, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kConnectDeadlineMs);
        closer.stop();

        // THEN the user reads one line naming the server and the database, the card stays
        // where it is, and nothing is left to undo
        QVERIFY(clock.elapsed() < kConnectDeadlineMs);
        const QString where = m_window->database().describeLocation();
        for (const QString &text : std::as_const(shown)) {
            QVERIFY2(text.contains(where), qPrintable(text));
            QVERIFY2(!text.contains(u'\n'), qPrintable(text));
        }
        QCOMPARE(backlog->model()->rowOf(taskId), 0);
        QCOMPARE(m_window->undoStack()->count(), 0);
    }

private:
    // A demo workspace, small: a board per organisation with cards in every column.
    bool fillWithDemo(const QString &url)
    {
        auto db = Database::open(url);
        if (!db) {
            qWarning("%s", qPrintable(db.error()));
            return false;
        }
        DemoGenerator::Parameters parameters;
        parameters.deltas = 200;
        parameters.tasks = 60;
        parameters.organisations = 2;
        const auto made = DemoGenerator(**db).generate(parameters);
        if (!made)
            qWarning("%s", qPrintable(made.error()));
        return bool(made);
    }

    bool openWindow(const QString &url)
    {
        auto db = Database::open(url);
        if (!db) {
            qWarning("%s", qPrintable(db.error()));
            return false;
        }
        m_window = std::make_unique<MainWindow>(std::move(db).value());
        m_window->show();
        m_window->activateWindow();
        return QTest::qWaitForWindowActive(m_window.get());
    }

    // File › Connect to Team Database…, as the user opens it.
    TeamDatabaseDialog *openDialog()
    {
        auto *action = child<QAction>(m_window.get(), u"teamDatabaseAction"_s);
        if (!action || action->shortcut() != QKeySequence(u"Ctrl+Shift+T"_s))
            return nullptr;
        action->trigger();
        auto *dialog = m_window->findChild<TeamDatabaseDialog *>();
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    // An empty database on the test server, dropped after the test.
    bool makeDatabase(const QString &name)
    {
        const auto made
            = m_server->exec(u"CREATE DATABASE \"%1\""_s.arg(m_server->databaseName(name)));
        if (!made) {
            qWarning("%s", qPrintable(made.error()));
            return false;
        }
        m_made.append(name);
        return true;
    }

    // A URL that cannot be opened, for each way that happens.
    QString problemUrl(const QString &problem)
    {
        if (problem == u"missing"_s)
            return m_server->location(u"nowhere"_s).url();
        if (problem == u"no server"_s) {
            // A socket folder with no server in it: libpq finds no socket file there.
            QUrlQuery query;
            query.addQueryItem(u"host"_s, m_temp->dir().path());
            return Location::parse(u"postgresql:///deltaboard?"_s
                                   + query.toString(QUrl::FullyEncoded))
                ->url();
        }
        if (problem == u"unknown login"_s)
            return Location::parse(asUser(m_temp->database(u"team"_s), u"nobody"_s))->url();
        if (problem == u"newer"_s) {
            const QString url = m_temp->database(u"newer"_s);
            auto db = Database::open(url);
            if (!db || !(*db)->execOnce(u"UPDATE deltaboard_schema SET version = version + 1"_s))
                return {};
            return url;
        }
        if (problem == u"foreign"_s) {
            if (!makeDatabase(u"foreign"_s))
                return {};
            const Location location = m_server->location(u"foreign"_s);
            {
                const auto added = location.addConnection(u"foreign"_s);
                if (!added)
                    return {};
                QSqlDatabase connection = *added;
                if (!connection.open())
                    return {};
                QSqlQuery query(connection);
                if (!query.exec(u"CREATE TABLE invoices (id integer PRIMARY KEY)"_s))
                    return {};
                connection.close();
            }
            QSqlDatabase::removeDatabase(u"foreign"_s);
            return location.url();
        }
        return {};
    }

    QTemporaryDir m_settings;
    PgServer *m_server = nullptr;
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_made; // databases made by hand, dropped after each test
};

DELTABOARD_GUI_TEST_MAIN(TeamDatabaseTest)
#include "teamdatabasetest.moc"
