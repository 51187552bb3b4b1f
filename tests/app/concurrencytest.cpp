#include "testdatabase.h"
#include "testmain.h"

#include "backgroundread.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

// Several processes on one database file (DESIGN.md contract 8): this process plays the app (a
// main connection and worker connections, as the views open them), the real deltaboard-cli
// plays the other writer. Everything here is read back through SQLite; the file's bytes are
// only hashed while this process has no connection to it (closing any descriptor of the file
// would drop the locks of open connections, which is the defect the first test guards).
namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(DELTABOARD_CLI_PATH), arguments);
    if (!process.waitForFinished(300000))
        return {-3, {}, u"did not finish in 300 s"_s};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString samplePath(const QString &relative)
{
    return QStringLiteral(DELTABOARD_SAMPLES_DIR) + u'/' + relative;
}

QString fixture(const QString &name)
{
    return QStringLiteral(DELTABOARD_FIXTURES_DIR) + u'/' + name;
}

// A copy of the schema v1 fixture, writable.
bool copyVersion1(const QString &to)
{
    QFile::remove(to);
    if (!QFile::copy(fixture(u"schema-v1.sqlite"_s), to))
        return false;
    return QFile(to).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

// The backups and half-written copies beside a database.
QStringList besides(const QString &database, const QString &pattern)
{
    const QFileInfo info(database);
    return info.absoluteDir().entryList({info.fileName() + pattern}, QDir::Files);
}

Database::Options asItIs()
{
    Database::Options options;
    options.createIfMissing = false;
    options.migrate = false;
    return options;
}

int rounds()
{
    // The torture script asks for 100; the suite runs a few.
    const int asked = qEnvironmentVariableIntValue("DELTABOARD_TORTURE_ROUNDS");
    return asked > 0 ? asked : 3;
}

// One write of every kind the issue names, as the command line runs it, with how to see that it
// landed: the count of rows that grows by one.
struct Write
{
    QStringList arguments;
    QString table;
};

} // namespace

class ConcurrencyTest : public QObject
{
    Q_OBJECT

private:
    TempDatabase m_temp;
    QString m_db;

    QStringList on(const QStringList &arguments) const
    {
        return QStringList{u"--db"_s, m_db} + arguments;
    }

    qint64 rows(const QString &table)
    {
        auto db = Database::open(m_db);
        if (!db)
            return -1;
        return countRows(**db, table);
    }

    static QList<std::pair<QString, Write>> writes()
    {
        return {
            {u"commit"_s,
             {{u"commit"_s, u"--org"_s, u"Kestrel Systems"_s, u"--title"_s, u"Contended"_s, u"5"_s},
              u"tasks"_s}},
            {u"priority set"_s,
             {{u"priority"_s, u"set"_s, u"--org"_s, u"Upstream Core"_s, u"7"_s, u"critical"_s},
              u"history"_s}},
            {u"impact set"_s,
             {{u"impact"_s, u"set"_s, u"--group"_s, u"NVIDIA users"_s, u"9"_s, u"high"_s,
               u"--users"_s, u"321"_s},
              u"history"_s}},
            {u"crash ingest"_s,
             {{u"crash"_s, u"ingest"_s, samplePath(u"crashes/python"_s)}, u"crash_reports"_s}},
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(samplePath(u"crashes/python"_s)).isDir(),
                 "the shared samples are missing (see -DDELTABOARD_SAMPLES_DIR)");
        m_db = m_temp.path(u"shared.sqlite"_s);
        const Run demo = cli(on({u"demo"_s, u"--deltas"_s, u"200"_s, u"--tasks"_s, u"40"_s,
                                 u"--orgs"_s, u"3"_s, u"--groups"_s, u"3"_s}));
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    }

    // The corruption the issue reproduced: a process with a connection opens a second one (as
    // every worker read does), another process writes and exits. It must not take itself for
    // the last user of the file and delete the WAL the first process still writes into.
    void shouldKeepTheWalOfAnOpenConnectionWhenAnotherProcessExits()
    {
        for (int round = 0; round < rounds(); ++round) {
            // GIVEN the app's main connection, which has written
            auto app = Database::open(m_db);
            QVERIFY2(app, qPrintable(app.error()));
            TriageStore triage(**app);
            QVERIFY(triage.setPriority(1, 3, round % 4));
            // … and a worker connection that opened, read and closed, as a view's report does
            BackgroundRead reader;
            QSignalSpy idle(&reader, &BackgroundRead::idle);
            std::optional<qint64> counted;
            reader.read<qint64>(
                m_db, [](Database &db) -> Result<qint64> { return countRows(db, u"deltas"_s); },
                [&counted](const Result<qint64> &result) {
                    if (result)
                        counted = *result;
                });
            QVERIFY(idle.wait(30000));
            QCOMPARE(counted, std::optional<qint64>(200));
            const QString wal = m_db + u"-wal"_s;
            QVERIFY(QFileInfo::exists(wal));

            // WHEN another process writes and exits
            const Run other = cli(on({u"priority"_s, u"set"_s, u"--org"_s, u"Upstream Core"_s,
                                      QString::number(10 + round), u"high"_s}));
            QVERIFY2(other.exitCode == 0, qPrintable(other.err));

            // THEN the app's WAL is still there, and its next writes and the other process's
            // land in the same file
            QVERIFY2(QFileInfo::exists(wal), "the other process deleted the WAL of an open "
                                             "connection: its locks were dropped");
            const auto created = TaskStore(**app).commit(
                2, u"Written by the app in round %1"_s.arg(round), {20 + qint64(round)});
            QVERIFY2(created, qPrintable(created.error()));
            const Run commit = cli(on({u"commit"_s, u"--org"_s, u"Upstream Core"_s, u"--title"_s,
                                       u"Written by the CLI in round %1"_s.arg(round), u"30"_s}));
            QVERIFY2(commit.exitCode == 0, qPrintable(commit.err));
            app.value().reset();

            const Run check = cli(on({u"check"_s}));
            QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
            auto reopened = Database::open(m_db);
            QVERIFY(reopened);
            const auto both
                = (*reopened)->scalar(u"SELECT count(*) FROM tasks WHERE title IN (?, ?)"_s,
                                      {u"Written by the app in round %1"_s.arg(round),
                                       u"Written by the CLI in round %1"_s.arg(round)});
            QVERIFY(both);
            QCOMPARE(both->toInt(), 2);
        }
    }

    // Two processes open an old file for the first time at once: both succeed, the file is
    // upgraded once, and every backup beside it is a whole copy of the old version (the same
    // second gave both the same backup name, and one failed).
    void shouldUpgradeOnceWhenTwoProcessesOpenAnOldFileAtOnce()
    {
        for (int round = 0; round < 5; ++round) {
            TempDatabase temp;
            const QString path = temp.path(u"old.sqlite"_s);
            QVERIFY(copyVersion1(path));
            QProcess first, second;
            first.start(QStringLiteral(DELTABOARD_CLI_PATH), {u"--db"_s, path, u"init"_s});
            second.start(QStringLiteral(DELTABOARD_CLI_PATH), {u"--db"_s, path, u"init"_s});
            QVERIFY(first.waitForFinished(60000) && second.waitForFinished(60000));
            QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
            QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
            QVERIFY(besides(path, u".*.partial"_s).isEmpty());
            const QStringList backups = besides(path, u".v1-*.backup"_s);
            QVERIFY(!backups.isEmpty());
            for (const QString &backup : backups) {
                auto old = Database::open(temp.path(backup), asItIs());
                QVERIFY2(old, qPrintable(old.error()));
                QCOMPARE((*old)->schemaVersion(), 1);
                QCOMPARE(countRows(**old, u"deltas"_s), 40);
            }
            const Run check = cli({u"--db"_s, path, u"check"_s});
            QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        }
    }

    // A kill at any moment of an upgrade (during the backup, during a migration) leaves the
    // database whole at one version, and no half-written backup once it is opened again.
    void shouldLeaveNothingHalfDoneWhenKilledDuringAnUpgrade()
    {
        TempDatabase temp;
        // GIVEN an old file large enough that its backup takes a while
        const QString big = temp.path(u"big-v1.sqlite"_s);
        QVERIFY(copyVersion1(big));
        {
            auto db = Database::open(big, asItIs());
            QVERIFY(db);
            QVERIFY((*db)->execOnce(
                u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) "
                u"INSERT INTO history (entity, entity_id, field, old_value, new_value, changed_at, "
                u"actor) SELECT 'delta', 1 + i % 40, 'details', hex(randomblob(300)), "
                u"hex(randomblob(300)), '2025-01-01T00:00:00.000Z', 'filler' FROM n"_s));
        }
        const QString path = temp.path(u"old.sqlite"_s);
        QVERIFY(copyVersion1(path));
        QVERIFY(QFile::remove(path) && QFile::copy(big, path));
        QElapsedTimer clock;
        clock.start();
        const Run whole = cli({u"--db"_s, path, u"init"_s});
        const qint64 upgradeMs = clock.elapsed();
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        qInfo("an uninterrupted upgrade of the %lld MB file takes %lld ms",
              QFileInfo(big).size() / (1024 * 1024), upgradeMs);

        // WHEN upgrades are killed at moments spread over that time
        int killedDuringBackup = 0;
        for (int step = 0; step < 12; ++step) {
            for (const QString &name : QDir(temp.dir().path()).entryList({u"old.sqlite*"_s}))
                QVERIFY(QFile::remove(temp.path(name)));
            QVERIFY(QFile::copy(big, path));
            QProcess upgrade;
            upgrade.start(QStringLiteral(DELTABOARD_CLI_PATH), {u"--db"_s, path, u"init"_s});
            QVERIFY(upgrade.waitForStarted());
            QTest::qWait(int(upgradeMs * step / 10));
            if (upgrade.state() != QProcess::NotRunning) { // the last moments come after its end
                upgrade.kill();                            // SIGKILL on Unix
                QVERIFY(upgrade.waitForFinished());
            }
            if (!besides(path, u".*.partial"_s).isEmpty())
                ++killedDuringBackup;

            // THEN every backup that has its name is whole …
            for (const QString &backup : besides(path, u".v1-*.backup"_s)) {
                auto old = Database::open(temp.path(backup), asItIs());
                QVERIFY2(old, qPrintable(old.error()));
                QCOMPARE((*old)->schemaVersion(), 1);
                QCOMPARE((*old)->scalar(u"PRAGMA integrity_check"_s)->toString(), u"ok"_s);
            }
            // … and the next open finishes the upgrade, leaves no partial copy, and is healthy
            const Run again = cli({u"--db"_s, path, u"init"_s});
            QVERIFY2(again.exitCode == 0, qPrintable(again.err));
            QVERIFY2(besides(path, u".*.partial"_s).isEmpty(),
                     qPrintable(besides(path, u".*.partial"_s).join(u", "_s)));
            const Run check = cli({u"--db"_s, path, u"check"_s});
            QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        }
        // The moments are spread so that some fall inside the backup: say so if none did.
        qInfo("%d of 12 kills fell during the backup", killedDuringBackup);
        QVERIFY(killedDuringBackup > 0);
    }

    void shouldFailWithoutWritingWhenTheLockIsHeldTooLong_data()
    {
        QTest::addColumn<QStringList>("arguments");
        for (const auto &[name, write] : writes())
            QTest::newRow(qPrintable(name)) << write.arguments;
    }

    // A write that reports failure wrote nothing: another connection holds the write lock for
    // longer than the command waits.
    void shouldFailWithoutWritingWhenTheLockIsHeldTooLong()
    {
        QFETCH(QStringList, arguments);
        // GIVEN a file no connection of this process has open, and its bytes
        const QByteArray before = fileHash(m_db);
        QVERIFY(!before.isEmpty());
        {
            // … and the write lock taken by another connection
            auto holder = Database::open(m_db);
            QVERIFY(holder);
            QVERIFY((*holder)->execOnce(u"BEGIN IMMEDIATE"_s));

            // WHEN the command waits one second for it
            const Run run = cli(on(QStringList{u"--wait"_s, u"1"_s} + arguments));

            // THEN it fails, says why, and says it waited
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(u"another program is writing"_s), qPrintable(run.err));
            QVERIFY2(run.err.contains(u"waiting for another Deltaboard writer"_s),
                     qPrintable(run.err));
            QVERIFY((*holder)->execOnce(u"ROLLBACK"_s));
        }
        // … and the file is byte for byte what it was
        QCOMPARE(fileHash(m_db), before);
        const Run check = cli(on({u"check"_s}));
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    }

    void shouldWriteOnceTheLockIsReleasedInTime_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("table");
        for (const auto &[name, write] : writes())
            QTest::newRow(qPrintable(name)) << write.arguments << write.table;
    }

    void shouldWriteOnceTheLockIsReleasedInTime()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, table);
        const qint64 before = rows(table);
        QVERIFY(before >= 0);
        auto holder = Database::open(m_db);
        QVERIFY(holder);
        QVERIFY((*holder)->execOnce(u"BEGIN IMMEDIATE"_s));

        // WHEN the command starts while the lock is held, and the lock is released once the
        // command says it is waiting
        QProcess process;
        process.start(QStringLiteral(DELTABOARD_CLI_PATH),
                      on(QStringList{u"--wait"_s, u"60"_s} + arguments));
        QByteArray err;
        while (!err.contains("waiting for another Deltaboard writer")) {
            QVERIFY2(process.state() != QProcess::NotRunning || process.bytesAvailable() > 0,
                     err.constData());
            process.waitForReadyRead(1000);
            process.setReadChannel(QProcess::StandardError);
            err += process.readAllStandardError();
            QVERIFY2(process.state() == QProcess::Running, err.constData());
        }
        QVERIFY((*holder)->execOnce(u"ROLLBACK"_s));
        holder.value().reset();

        // THEN it succeeds, and its write is in the file
        QVERIFY(process.waitForFinished(60000));
        err += process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, err.constData());
        QVERIFY2(rows(table) > before, qPrintable(table));
    }
};

DELTABOARD_TEST_MAIN(ConcurrencyTest)
#include "concurrencytest.moc"
