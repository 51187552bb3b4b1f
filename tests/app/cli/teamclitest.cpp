#include "clirun.h"
#include "deltastore.h"
#include "location.h"
#include "migrator.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <latch>

using namespace Deltaboard;
using namespace DeltaboardTest;
using namespace Qt::StringLiterals;

// The command line on a team database: init, copy between a file and PostgreSQL both ways, and
// what a user hears when the server or the database is not what was expected. Always on
// PostgreSQL: the test process's own throwaway server (tests/pgserver.h).
class TeamCliTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempDatabase> m_temp;
    int m_files = 0;

    Run run(const QString &db, const QStringList &arguments)
    {
        return cli(QStringList{u"--db"_s, db} + arguments);
    }

    QByteArray exported(const QString &db)
    {
        const QString path = m_temp->path(u"export-%1.json"_s.arg(++m_files));
        const Run done = run(db, {u"export"_s, path});
        if (done.exitCode != 0)
            qWarning("export of %s failed: %s", qPrintable(db), qPrintable(done.err));
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // file → PostgreSQL → file; the three exports must be the same bytes.
    void roundTrip(const QString &file)
    {
        const QString server = m_temp->database(u"copy-%1"_s.arg(++m_files));
        const QString back = m_temp->path(u"back-%1.sqlite"_s.arg(m_files));
        const Run there = cli({u"copy"_s, u"--from"_s, file, u"--to"_s, server});
        QVERIFY2(there.exitCode == 0, qPrintable(there.err));
        const Run home = cli({u"copy"_s, u"--from"_s, server, u"--to"_s, back});
        QVERIFY2(home.exitCode == 0, qPrintable(home.err));
        const QByteArray source = exported(file);
        QVERIFY(source.size() > 100);
        QVERIFY(exported(server) == source);
        QVERIFY(exported(back) == source);
        const Run checked = run(server, {u"check"_s});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.out + checked.err));
    }

    static void verifyOneLine(const Run &failed, const QString &part)
    {
        QVERIFY2(failed.exitCode == 1, qPrintable(failed.err));
        QVERIFY2(failed.err.contains(part), qPrintable(failed.err));
        QVERIFY2(failed.err.trimmed().count(u'\n') == 0, qPrintable(failed.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("DELTABOARD_TEST_BACKEND", "postgresql");
        m_temp = std::make_unique<TempDatabase>();
        const auto server = PgServer::shared();
        QVERIFY2(server, qPrintable(server.error()));
    }

    void cleanupTestCase() { m_temp.reset(); }

    void shouldCopyTheDemoWorkspaceThereAndBackByteForByte()
    {
        const QString file = m_temp->path(u"demo.sqlite"_s);
        const Run made = run(file, {u"demo"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        roundTrip(file);
    }

    void shouldCopyEveryImportSampleThereAndBackByteForByte_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir imports(QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/imports"_s);
        const QStringList folders = imports.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(folders.size() >= 9); // every tracker the samples cover
        for (const QString &folder : folders)
            QTest::newRow(qPrintable(folder)) << imports.filePath(folder);
    }

    void shouldCopyEveryImportSampleThereAndBackByteForByte()
    {
        QFETCH(QString, folder);
        const QDir dir(folder);
        QStringList files;
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            files.append(dir.filePath(name));
        const QString file = m_temp->path(u"import-%1.sqlite"_s.arg(++m_files));
        // Every file of the format in one run, as a user would bring them (a Bugzilla bug list
        // with its comments and history); priorities go to one organisation.
        const Run org = run(file, {u"org"_s, u"add"_s, u"Acme"_s});
        QVERIFY2(org.exitCode == 0, qPrintable(org.err));
        Run imported = run(file, QStringList{u"import"_s, u"--org"_s, u"Acme"_s} + files);
        if (imported.exitCode != 0) {
            // A format folder may hold a sample the importer refuses as a whole (octokit's
            // normalised fixture has no titles; trackerimporttest covers that): the others go in
            // on their own.
            int kept = 0;
            for (const QString &one : std::as_const(files)) {
                const Run single = run(file, {u"import"_s, u"--org"_s, u"Acme"_s, one});
                if (single.exitCode == 0)
                    ++kept;
                else
                    qInfo("refused as a whole, not copied: %s", qPrintable(single.err.trimmed()));
            }
            QVERIFY2(kept > 0, qPrintable(imported.err));
        }
        roundTrip(file);
    }

    void shouldRefuseToCopyIntoADatabaseThatHoldsRecords()
    {
        const QString file = m_temp->path(u"small.sqlite"_s);
        QCOMPARE(run(file, {u"org"_s, u"add"_s, u"Acme"_s}).exitCode, 0);
        const QString server = m_temp->database(u"full"_s);
        QCOMPARE(cli({u"copy"_s, u"--from"_s, file, u"--to"_s, server}).exitCode, 0);
        const QByteArray before = exported(server);
        const Run again = cli({u"copy"_s, u"--from"_s, file, u"--to"_s, server});
        verifyOneLine(again, u"nothing was written"_s);
        QVERIFY(again.err.contains(u"is not empty"_s));
        QCOMPARE(exported(server), before);
    }

    void shouldManageTheTeamFromTheCommandLine()
    {
        const QString admin = m_temp->database(u"team"_s);
        QCOMPARE(run(admin, {u"org"_s, u"add"_s, u"Kestrel Systems"_s}).exitCode, 0);
        const QString login = u"cli_member_%1"_s.arg(QCoreApplication::applicationPid());
        const QString passwordFile = m_temp->path(u"password.txt"_s);
        {
            QFile file(passwordFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("s3cret words\n");
        }
        // add-user without a name, with the password from a file; grant; list
        const Run added
            = run(admin, {u"team"_s, u"add-user"_s, login, u"--password-file"_s, passwordFile});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(added.out.contains(u"created the login %1"_s.arg(login)));
        const Run granted
            = run(admin, {u"team"_s, u"grant"_s, login, u"member"_s, u"Kestrel Systems"_s});
        QVERIFY2(granted.exitCode == 0, qPrintable(granted.err));
        QCOMPARE(granted.out.trimmed(), u"granted %1: member of Kestrel Systems"_s.arg(login));
        QVERIFY(run(admin, {u"team"_s, u"grant"_s, login, u"reporter"_s}).exitCode == 0);
        const Run listed = run(admin, {u"team"_s, u"list"_s, u"--format"_s, u"json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY2(listed.out.contains(u"\"member of Kestrel Systems\""_s)
                     && listed.out.contains(u"\"reporter\""_s) && listed.out.contains(login),
                 qPrintable(listed.out));
        // the password is the server's now (stored as a SCRAM verifier, never in clear)
        auto db = Database::open(admin);
        QVERIFY(db);
        const auto stored = (*db)->scalar(
            u"SELECT rolpassword FROM pg_catalog.pg_authid WHERE rolname = ?"_s, {login});
        QVERIFY(stored && stored->toString().startsWith(u"SCRAM-SHA-256$"_s));
        // the new login writes as itself: history names it
        const QString memberUrl = Location::parse(admin)->withUser(login).url();
        const Run recorded = run(memberUrl, {u"delta"_s, u"add"_s, u"--kind"_s, u"defect"_s,
                                             u"--title"_s, u"From the member"_s});
        QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.err));
        const auto actor
            = (*db)->scalar(u"SELECT actor FROM history WHERE entity = 'delta' AND entity_id = ?"_s,
                            {recorded.out.trimmed().toLongLong()});
        QVERIFY(actor);
        QCOMPARE(actor->toString(), login);
        // a member cannot give itself roles; the refusals are one line each
        verifyOneLine(run(memberUrl, {u"team"_s, u"grant"_s, login, u"admin"_s}),
                      u"only admins can give roles"_s);
        for (const auto &[arguments, part] :
             {std::pair{QStringList{login, u"member"_s},
                        u"a member is a member of an organisation"_s},
              std::pair{QStringList{login, u"boss"_s}, u"'boss' is not a role"_s}}) {
            const Run misused = run(admin, QStringList{u"team"_s, u"grant"_s} + arguments);
            QCOMPARE(misused.exitCode, 2); // a usage error
            QVERIFY2(misused.err.contains(part), qPrintable(misused.err));
        }
        verifyOneLine(run(admin, {u"team"_s, u"grant"_s, u"nobody_here"_s, u"reporter"_s}),
                      u"nobody_here is not in the team"_s);
        // revoke and remove
        QCOMPARE(
            run(admin, {u"team"_s, u"revoke"_s, login, u"member"_s, u"Kestrel Systems"_s}).exitCode,
            0);
        verifyOneLine(
            run(admin, {u"team"_s, u"revoke"_s, login, u"member"_s, u"Kestrel Systems"_s}),
            u"does not have that role"_s);
        QCOMPARE(run(admin, {u"team"_s, u"remove-user"_s, login}).exitCode, 0);
        verifyOneLine(run(memberUrl, {u"list"_s, u"deltas"_s}), u"is not a member of the team"_s);
        // a file has no team
        QCOMPARE(run(m_temp->path(u"alone.sqlite"_s), {u"init"_s}).exitCode, 0);
        verifyOneLine(
            run(m_temp->path(u"alone.sqlite"_s), {u"team"_s, u"grant"_s, login, u"reporter"_s}),
            u"teams, logins and roles are a team database's"_s);
        db.value().reset();
        static_cast<void>(
            PgServer::shared().value()->exec(u"DROP ROLE IF EXISTS \"%1\""_s.arg(login)));
    }

    void shouldCreateTheSchemaInAnEmptyDatabaseAndRefuseANewerOne()
    {
        auto server = *PgServer::shared();
        const QString name = u"empty"_s;
        QVERIFY(server->exec(u"CREATE DATABASE \"%1\""_s.arg(server->databaseName(name))));
        const QString url = server->location(name).url();
        const Run refused = run(url, {u"list"_s, u"deltas"_s});
        verifyOneLine(refused, u"is empty: create the Deltaboard schema in it"_s);
        QVERIFY(refused.err.contains(server->databaseName(name)));
        const Run made = run(url, {u"init"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(made.out.contains(u"schema version %1"_s.arg(
                     Migrator::builtin(Database::Dialect::Postgres).latestVersion())),
                 qPrintable(made.out));
        QCOMPARE(run(url, {u"list"_s, u"deltas"_s}).exitCode, 0);

        // A newer Deltaboard's schema: refused, and left as it is.
        {
            auto db = Database::open(url);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY((*db)->execOnce(u"UPDATE deltaboard_schema SET version = 99"_s));
        }
        const Run newer = run(url, {u"list"_s, u"deltas"_s});
        verifyOneLine(newer, u"has schema version 99, newer than this Deltaboard understands"_s);
        QVERIFY(newer.err.contains(u"database \"%1\""_s.arg(server->databaseName(name))));
        QVERIFY(server->drop(name));
    }

    void shouldSayWhichServerCannotBeReached()
    {
        // No server at that socket: refused at once, naming server and database.
        const QString nowhere = m_temp->path(u"no-server"_s);
        QVERIFY(QDir().mkpath(nowhere));
        QElapsedTimer timer;
        timer.start();
        const Run refused
            = run(u"postgresql:///deltaboard?host=%1&user=postgres"_s.arg(nowhere), {u"check"_s});
        verifyOneLine(refused, u"cannot connect to database \"deltaboard\" on %1"_s.arg(nowhere));
        QVERIFY(timer.elapsed() < 15000);

        const Run malformed = run(u"postgresql://[bad"_s, {u"check"_s});
        verifyOneLine(malformed, u"is not a valid PostgreSQL URL"_s);

        const Run secret = run(u"postgresql://alice:hunter2@localhost/deltaboard"_s, {u"check"_s});
        verifyOneLine(secret, u"a password in the URL is refused"_s);
        QVERIFY(!secret.err.contains(u"hunter2"_s));
    }

    void shouldSayWhenTheServerRefusesThePassword()
    {
        auto server = *PgServer::shared();
        if (server->reused())
            QSKIP("needs the throwaway server's own pg_hba.conf");
        // A login that must give a password (scram), tried with the wrong one.
        QVERIFY(server->exec(u"CREATE ROLE pwtest LOGIN PASSWORD 'right'"_s));
        const QString hba = server->folder() + u"/data/pg_hba.conf"_s;
        QFile file(hba);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(hba));
        const QByteArray rules = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("local all pwtest scram-sha-256\n" + rules);
        file.close();
        QVERIFY(server->exec(u"SELECT pg_reload_conf()"_s));
        QString url = m_temp->database(u"guarded"_s);
        url.replace(u"//postgres@"_s, u"//pwtest@"_s);
        QVERIFY2(url.contains(u"pwtest"_s), qPrintable(url));
        qputenv("PGPASSWORD", "wrong");
        const Run refused = run(url, {u"check"_s});
        qunsetenv("PGPASSWORD");
        verifyOneLine(refused, u"password authentication failed for user \"pwtest\""_s);
        QVERIFY(refused.err.contains(u"cannot connect to database"_s));
    }

    void shouldTellADeadlockFromOtherFailures()
    {
        // Two clients each hold one delta and want the other's: PostgreSQL ends one of the two
        // transactions (40P01), which the command line then runs again.
        const QString url = m_temp->database(u"deadlock"_s);
        qint64 ids[2] = {0, 0};
        {
            auto db = Database::open(url);
            QVERIFY2(db, qPrintable(db.error()));
            for (qint64 &id : ids) {
                Delta delta;
                delta.title = u"Contended"_s;
                id = *DeltaStore(**db).create(delta);
            }
        }
        std::latch bothHoldOne(2);
        Status outcomes[2];
        const auto client = [&](int me) {
            auto db = Database::open(url);
            if (!db) {
                outcomes[me] = Error{db.error()};
                bothHoldOne.count_down();
                return;
            }
            Transaction transaction(**db);
            const QString update = u"UPDATE deltas SET title = ? WHERE id = ?"_s;
            Status first = (*db)->execOnce(update, {u"mine"_s, ids[me]});
            bothHoldOne.arrive_and_wait();
            Status second = first ? (*db)->execOnce(update, {u"theirs"_s, ids[1 - me]}) : first;
            outcomes[me] = second ? transaction.commit() : second;
        };
        QThread *a = QThread::create(client, 0);
        QThread *b = QThread::create(client, 1);
        a->start();
        b->start();
        QVERIFY(a->wait(30000));
        QVERIFY(b->wait(30000));
        delete a;
        delete b;
        const int failed = int(!outcomes[0]) + int(!outcomes[1]);
        QCOMPARE(failed, 1);
        const QString error = outcomes[0] ? outcomes[1].error() : outcomes[0].error();
        QVERIFY2(Database::isRetryable(error), qPrintable(error));
        QVERIFY(!Database::isRetryable(u"UNIQUE constraint failed: … [SQLSTATE 23505]"_s));
    }

    void shouldNameTheServerWhenTheConnectionIsLostMidSession()
    {
        auto server = *PgServer::shared();
        const QString url = m_temp->database(u"lost"_s);
        auto db = Database::open(url);
        QVERIFY2(db, qPrintable(db.error()));
        Delta delta;
        delta.title = u"Before the server went away"_s;
        QVERIFY(DeltaStore(**db).create(delta));
        // The server ends this session (as a restart or an administrator would).
        const auto pid = (*db)->scalar(u"SELECT pg_backend_pid()"_s);
        QVERIFY(pid);
        QVERIFY(server->exec(u"SELECT pg_terminate_backend(%1)"_s.arg(pid->toLongLong())));
        const auto listed = DeltaStore(**db).list({});
        QVERIFY(!listed);
        QVERIFY2(listed.error().contains(u"lost the connection to database"_s),
                 qPrintable(listed.error()));
        QVERIFY(!listed.error().contains(u'\n'));
        // Writing fails the same way, and says nothing was written.
        delta.title = u"After"_s;
        const auto created = DeltaStore(**db).create(delta);
        QVERIFY(!created);
    }
};

DELTABOARD_TEST_MAIN(TeamCliTest)
#include "teamclitest.moc"
