#include "pgserver.h"
#include "testmain.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

// Processes that still use a folder: their command line names it (the watchdog, the
// postmaster) or they work in it (every postgres process runs in its data folder).
QStringList processesUsing(const QString &folder)
{
    QStringList found;
    const QByteArray needle = folder.toLocal8Bit();
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == QCoreApplication::applicationPid())
            continue;
        QFile file(u"/proc/%1/cmdline"_s.arg(pid));
        QByteArray commandLine = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        commandLine.replace('\0', ' ');
        const QString cwd = QFile::symLinkTarget(u"/proc/%1/cwd"_s.arg(pid));
        if (commandLine.contains(needle) || cwd.startsWith(folder)) {
            found.append(u"%1 %2(in %3)"_s.arg(QString::number(pid),
                                               QString::fromLocal8Bit(commandLine), cwd));
        }
    }
    return found;
}

// What a throwaway server may leave in a folder it was started in: processes and files.
QStringList leftIn(const QString &folder)
{
    QStringList left = processesUsing(folder);
    const QStringList files = QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot
                                                     | QDir::Hidden | QDir::System);
    for (const QString &file : files)
        left.append(folder + u'/' + file);
    return left;
}

// Polls until nothing is left in the folder, for at most `ms`; what is left then.
QStringList waitUntilEmpty(const QString &folder, int ms)
{
    const QDeadlineTimer deadline(ms);
    QStringList left = leftIn(folder);
    while (!left.isEmpty() && !deadline.hasExpired()) {
        QTest::qSleep(50);
        left = leftIn(folder);
    }
    return left;
}

// A folder for a child's server: its watchdog, running as the postgres user when the test runs
// as root, makes the cluster's folder there.
std::unique_ptr<QTemporaryDir> childTemp()
{
    auto dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid())
        return nullptr;
    QFile::setPermissions(dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                           | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                           | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                           | QFileDevice::ReadOther | QFileDevice::WriteOther
                                           | QFileDevice::ExeOther);
    return dir;
}

// A child test process (tests/pgserverchild.cpp) that makes its server's folder in `tmp`, and
// has no server to reuse unless the test says so.
void startChild(QProcess &child, const QString &mode, const QString &tmp,
                const QList<QPair<QString, QString>> &environment = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DELTABOARD_TEST_PG"_s);
    env.remove(u"DELTABOARD_TEST_PG_SETTING"_s);
    env.insert(u"DELTABOARD_TEST_PG_DIR"_s, tmp);
    for (const auto &[name, value] : environment)
        env.insert(name, value);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral(DELTABOARD_TESTPG_CHILD), {mode});
}

// Reads the child's output until a line starts with one of the prefixes (or it ends).
QString waitForLine(QProcess &child, const QStringList &prefixes, int ms)
{
    const QDeadlineTimer deadline(ms);
    QString output;
    while (!deadline.hasExpired()) {
        while (child.canReadLine()) {
            const QString line = QString::fromLocal8Bit(child.readLine());
            output += line;
            for (const QString &prefix : prefixes) {
                if (line.startsWith(prefix))
                    return output;
            }
        }
        if (child.state() == QProcess::NotRunning)
            return output + QString::fromLocal8Bit(child.readAll());
        child.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    return output;
}

// A connection, opened, to a database on the server; the error says why not.
Result<QSqlDatabase> connectTo(PgServer &server, const QString &database, const QString &name)
{
    auto db = server.location(database).addConnection(name);
    if (!db)
        return db;
    QSqlDatabase opened = db.value();
    if (!opened.open())
        return Error{opened.lastError().text()};
    return opened;
}

PgServer *sharedServer()
{
    const auto server = PgServer::shared();
    if (!server) {
        QTest::qFail(qPrintable(server.error()), __FILE__, __LINE__);
        return nullptr;
    }
    return *server;
}

} // namespace

class PgServerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldStartAServerThatAnswersQueries()
    {
        // GIVEN the server of this test process
        PgServer *server = sharedServer();
        QVERIFY(server);
        QCOMPARE(server->databaseName(u"tpl"_s),
                 u"t%1_tpl"_s.arg(QCoreApplication::applicationPid()));

        // WHEN a database is made and a connection opened to it
        QVERIFY2(server->exec(u"CREATE DATABASE \"%1\""_s.arg(server->databaseName(u"tpl"_s))),
                 "CREATE DATABASE failed");
        QVERIFY(server->exists(u"tpl"_s));
        {
            const auto db = connectTo(*server, u"tpl"_s, u"query"_s);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);

            // THEN it answers, in the database it was asked for, on a socket only
            QVERIFY(query.exec(u"SELECT current_database(), current_setting('listen_addresses'), "
                               u"current_setting('fsync')"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), server->databaseName(u"tpl"_s));
            if (!server->reused()) {
                QCOMPARE(query.value(1).toString(), QString());
                QCOMPARE(query.value(2).toString(), u"off"_s);
            }
        }
        QSqlDatabase::removeDatabase(u"query"_s);
        qInfo("PostgreSQL test server: %s; initdb %lld ms, start %lld ms (initdb included, until "
              "the first connection)",
              server->reused() ? "reused" : qPrintable(server->folder()),
              server->timings().initdbMs, server->timings().startMs);
    }

    void shouldCloneATemplateWithItsTables()
    {
        // GIVEN a template database with a table and a row
        PgServer *server = sharedServer();
        QVERIFY(server);
        {
            const auto db = connectTo(*server, u"tpl"_s, u"template"_s);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(query.exec(u"CREATE TABLE card (id integer PRIMARY KEY, title text)"_s));
            QVERIFY(query.exec(u"INSERT INTO card VALUES (1, 'from the template')"_s));
        }
        QSqlDatabase::removeDatabase(u"template"_s);

        // WHEN it is cloned
        const Status cloned = server->clone(u"tpl"_s, u"case1"_s);
        QVERIFY2(cloned, qPrintable(cloned.error()));
        qInfo("clone of a template: %lld ms", server->timings().cloneMs);

        // THEN the clone has the table and the row, and is a database of its own
        QVERIFY(server->exists(u"case1"_s));
        {
            const auto db = connectTo(*server, u"case1"_s, u"clone"_s);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(query.exec(u"SELECT title FROM card WHERE id = 1"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), u"from the template"_s);
            QVERIFY(query.exec(u"INSERT INTO card VALUES (2, 'only in the clone')"_s));
        }
        QSqlDatabase::removeDatabase(u"clone"_s);
        const Status again = server->clone(u"tpl"_s, u"case2"_s);
        QVERIFY2(again, qPrintable(again.error()));
        {
            const auto db = connectTo(*server, u"case2"_s, u"clone2"_s);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(query.exec(u"SELECT count(*) FROM card"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 1);
        }
        QSqlDatabase::removeDatabase(u"clone2"_s);

        // AND a dropped clone is gone
        QVERIFY(server->drop(u"case1"_s));
        QVERIFY(!server->exists(u"case1"_s));
        QVERIFY(server->drop(u"case1"_s)); // IF EXISTS
    }

    void shouldReportAFailedStartWithItsLogAndLeaveNothing_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<bool>("writable");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a setting postgres refuses")
            << u"shared_buffers=nonsense"_s << true
            << u"invalid value for parameter \"shared_buffers\""_s;
        QTest::newRow("a temporary folder the server cannot write to")
            << QString() << false << u"cannot make a folder in"_s;
    }

    void shouldReportAFailedStartWithItsLogAndLeaveNothing()
    {
        QFETCH(QString, setting);
        QFETCH(bool, writable);
        QFETCH(QString, expected);

        // GIVEN a server that cannot start
        const auto tmp = childTemp();
        QVERIFY(tmp);
        if (!writable) {
            QFile::setPermissions(tmp->path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                                   | QFileDevice::ReadOther
                                                   | QFileDevice::ExeOther);
        }
        QList<QPair<QString, QString>> environment;
        if (!setting.isEmpty())
            environment.append({u"DELTABOARD_TEST_PG_SETTING"_s, setting});

        // WHEN a test process tries to start it
        QProcess child;
        startChild(child, u"exit"_s, tmp->path(), environment);
        QVERIFY2(child.waitForFinished(120000), "the child did not finish");
        const QString output = QString::fromLocal8Bit(child.readAll());

        // THEN it fails, saying why with the server's own words
        QCOMPARE(child.exitCode(), 1);
        QVERIFY2(output.contains(u"error: PostgreSQL test server"_s), qPrintable(output));
        QVERIFY2(output.contains(expected), qPrintable(output));
        if (writable)
            QVERIFY2(output.contains(u"server.log ---"_s), qPrintable(output));
        qInfo().noquote() << "the failed start said:" << output.trimmed();

        // AND nothing is left: by the time the process ends, not a process, not a file
        const QStringList left = leftIn(tmp->path());
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
        QFile::setPermissions(tmp->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                               | QFileDevice::ExeOwner);
    }

    void shouldCleanUpWhenTheTestProcessEnds_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("end");
        QTest::newRow("exit") << u"exit"_s << u"exit"_s;
        QTest::newRow("SIGKILL once started") << u"wait"_s << u"kill when ready"_s;
        QTest::newRow("SIGKILL during initdb") << u"wait"_s << u"kill at once"_s;
        QTest::newRow("abort") << u"abort"_s << u"abort"_s;
    }

    void shouldCleanUpWhenTheTestProcessEnds()
    {
        QFETCH(QString, mode);
        QFETCH(QString, end);

        // GIVEN a test process that starts its server
        const auto tmp = childTemp();
        QVERIFY(tmp);
        QProcess child;
        startChild(child, mode, tmp->path());
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

        // WHEN it ends one way or another
        QString output;
        if (end == u"kill at once"_s) {
            // As soon as the watchdog has made its folder: initdb is running.
            const QDeadlineTimer deadline(30000);
            while (QDir(tmp->path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot)
                   && !deadline.hasExpired()) {
                QTest::qSleep(5);
            }
            QVERIFY2(!deadline.hasExpired(), "the watchdog made no folder");
            child.kill();
        } else {
            output = waitForLine(child, {u"ready"_s, u"error"_s}, 120000);
            QVERIFY2(output.contains(u"ready /"_s), qPrintable(output));
            if (end == u"kill when ready"_s)
                child.kill();
        }
        QVERIFY(child.waitForFinished(30000));
        QElapsedTimer sinceEnd;
        sinceEnd.start();
        if (end == u"exit"_s) {
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
        } else {
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        }
        if (end == u"kill at once"_s) {
            output += QString::fromLocal8Bit(child.readAll());
            QVERIFY2(!output.contains(u"ready"_s), "killed too late: the server had started");
        }

        // THEN no postgres process and no folder is left: at once after a normal exit, within
        // seconds after a crash (the watchdog notices the closed socket)
        const QStringList left
            = end == u"exit"_s ? leftIn(tmp->path()) : waitUntilEmpty(tmp->path(), 15000);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
        qInfo("%s: all gone %lld ms after the process ended", qPrintable(end), sinceEnd.elapsed());
    }

    void shouldRefuseAReusedServerThatIsNotThere_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no server in the socket folder")
            << u"postgresql:///postgres?host=%1&user=postgres"_s
            << u"but that server cannot be reached"_s;
        QTest::newRow("not a URL") << u"%1/deltaboard.sqlite"_s << u"not a postgresql:// URL"_s;
    }

    void shouldRefuseAReusedServerThatIsNotThere()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);

        // GIVEN DELTABOARD_TEST_PG naming a server that is not running
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        url = url.arg(empty.path());
        const auto tmp = childTemp();
        QVERIFY(tmp);

        // WHEN a test process asks for its server
        QProcess child;
        startChild(child, u"exit"_s, tmp->path(), {{u"DELTABOARD_TEST_PG"_s, url}});
        QVERIFY(child.waitForFinished(60000));
        const QString output = QString::fromLocal8Bit(child.readAll());

        // THEN it fails loudly, naming the variable and the URL, and starts no server instead
        QCOMPARE(child.exitCode(), 1);
        QVERIFY2(output.contains(u"DELTABOARD_TEST_PG is set to '%1'"_s.arg(url)),
                 qPrintable(output));
        QVERIFY2(output.contains(expected), qPrintable(output));
        QVERIFY2(output.contains(u"do not start a server of their own"_s), qPrintable(output));
        QVERIFY2(!output.contains(u"ready"_s), qPrintable(output));
        const QStringList left = leftIn(tmp->path());
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
        qInfo().noquote() << "the refusal said:" << output.trimmed();
    }

    void shouldReuseARunningServerAndDropWhatItMade()
    {
        // GIVEN a running server (this process's own) named by DELTABOARD_TEST_PG
        PgServer *server = sharedServer();
        QVERIFY(server);
        const QString url = server->location(u"tpl"_s).url();
        const auto tmp = childTemp();
        QVERIFY(tmp);

        // WHEN a test process uses it, makes databases and exits
        QProcess child;
        startChild(child, u"clone"_s, tmp->path(), {{u"DELTABOARD_TEST_PG"_s, url}});
        const qint64 childPid = child.processId();
        QVERIFY(child.waitForFinished(60000));
        const QString output = QString::fromLocal8Bit(child.readAll());

        // THEN it worked there, started no server of its own, and dropped its databases
        QVERIFY2(child.exitCode() == 0 && output.contains(u"made t%1_copy"_s.arg(childPid)),
                 qPrintable(output));
        QVERIFY2(leftIn(tmp->path()).isEmpty(), "the child started a server of its own");
        {
            const auto db = connectTo(*server, u"tpl"_s, u"check"_s);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            query.prepare(u"SELECT count(*) FROM pg_database WHERE starts_with(datname, ?)"_s);
            query.addBindValue(u"t%1_"_s.arg(childPid));
            QVERIFY(query.exec() && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
        QSqlDatabase::removeDatabase(u"check"_s);
    }

    // Last: the shared server is gone afterwards.
    void shouldStopAndRemoveEverything()
    {
        // GIVEN the running server
        PgServer *server = sharedServer();
        QVERIFY(server);
        const QString folder = server->folder();

        // WHEN it is stopped
        const Status stopped = server->stop();

        // THEN it is gone with its folder, and it says so when used
        QVERIFY2(stopped, qPrintable(stopped.error()));
        const auto timings = server->timings();
        qInfo("PostgreSQL test server timings: initdb %lld ms, start %lld ms (initdb included), "
              "last clone %lld ms, stop %lld ms",
              timings.initdbMs, timings.startMs, timings.cloneMs, timings.stopMs);
        if (!server->reused()) {
            QVERIFY(!QFileInfo::exists(folder));
            const QStringList left = processesUsing(folder);
            QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
        }
        QVERIFY(server->stop());
        const Status used = server->exec(u"SELECT 1"_s);
        QVERIFY(!used);
        QVERIFY2(used.error().contains(u"stopped"_s), qPrintable(used.error()));
    }
};

DELTABOARD_TEST_MAIN(PgServerTest)
#include "pgservertest.moc"
