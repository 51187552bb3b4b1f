#include "testdatabase.h"
#include "testmain.h"

#include "migrator.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

// The real first migration plus whatever a test adds after it.
Result<Migrator> migratorWith(const QList<Migration> &extra)
{
    QList<Migration> migrations{Migrator::builtin().migrations().first()};
    migrations.append(extra);
    return Migrator::fromList(migrations);
}

// A database at schema version 1, whatever the binary's latest version is: the migration
// mechanics are tested on top of it with made-up migrations 2 and 3.
std::unique_ptr<Database> openVersion1(const QString &path)
{
    static const Result<Migrator> v1 = migratorWith({});
    Database::Options options;
    options.migrator = &*v1;
    auto db = Database::open(path, options);
    return db ? std::move(db).value() : nullptr;
}

// Opens an existing file as it is: no creation, no migration.
Database::Options asItIs()
{
    Database::Options options;
    options.createIfMissing = false;
    options.migrate = false;
    return options;
}

int pragma(Database &db, const QString &name)
{
    const auto value = db.scalar(u"PRAGMA "_s + name);
    return value ? value->toInt() : -1;
}

} // namespace

class DatabaseTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCreateNewDatabaseAtLatestVersion()
    {
        // GIVEN no file
        TempDatabase temp;
        // WHEN it is opened
        auto db = temp.open();
        QVERIFY(db);
        // THEN it is a Deltaboard database at the newest schema, with the pragmas of contract 1
        QCOMPARE(db->schemaVersion(), Migrator::builtin().latestVersion());
        QCOMPARE(pragma(*db, u"application_id"_s), Migrator::kApplicationId);
        QCOMPARE(pragma(*db, u"foreign_keys"_s), 1);
        QCOMPARE(db->scalar(u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
        QVERIFY(db->backupPath().isEmpty());
        for (const QString &table : {u"deltas"_s, u"tasks"_s, u"history"_s, u"impacts"_s,
                                     u"priorities"_s, u"fix_records"_s, u"deltas_fts"_s}) {
            QCOMPARE(countRows(*db, table), 0);
        }
    }

    void shouldReopenWithoutMigratingAgain()
    {
        TempDatabase temp;
        {
            auto db = temp.open();
            QVERIFY(db);
        }
        auto db = temp.open();
        QVERIFY(db);
        QVERIFY(db->backupPath().isEmpty()); // nothing to upgrade, so no backup
        QCOMPARE(QDir(temp.dir().path()).entryList({u"*.backup"_s}, QDir::Files).size(), 0);
    }

    void shouldRefuseFileThatIsNotADatabase()
    {
        TempDatabase temp;
        QFile file(temp.path(u"notes.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are my notes, not a database.\n");
        file.close();
        const QByteArray before = fileHash(file.fileName());

        const auto db = Database::open(file.fileName());
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"is not a Deltaboard database"_s), qPrintable(db.error()));
        QVERIFY(db.error().contains(file.fileName()));
        QCOMPARE(fileHash(file.fileName()), before);
    }

    void shouldRefuseAnotherApplicationsDatabase()
    {
        TempDatabase temp;
        const QString path = temp.path(u"other.sqlite"_s);
        {
            auto other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery(other).exec(u"CREATE TABLE songs (title TEXT)"_s);
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other"_s);
        const QByteArray before = fileHash(path);

        const auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"another application"_s), qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
    }

    void shouldRefuseNewerSchemaWithoutTouchingIt()
    {
        // GIVEN a database written by a future Deltaboard (schema version 99)
        TempDatabase temp;
        {
            auto db = temp.open();
            QVERIFY(db);
            QVERIFY(db->execOnce(u"PRAGMA user_version = 99"_s));
            QVERIFY(db->execOnce(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        }
        const QByteArray before = fileHash(temp.path());
        // WHEN this Deltaboard opens it
        const auto db = Database::open(temp.path());
        // THEN it refuses, says why, and the file is as it was
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"schema version 99"_s), qPrintable(db.error()));
        QVERIFY(db.error().contains(u"newer"_s));
        QCOMPARE(fileHash(temp.path()), before);
    }

    void shouldUpgradeInOrderAndBackUpFirst()
    {
        // GIVEN a version-1 database holding an organisation
        TempDatabase temp;
        {
            auto db = openVersion1(temp.path());
            QVERIFY(db);
            QVERIFY(db->execOnce(u"INSERT INTO organisations (name, created_at) VALUES (?, ?)"_s,
                                 {u"Acme"_s, u"2026-01-01T00:00:00.000Z"_s}));
        }
        // WHEN a Deltaboard with migrations 2 and 3 opens it
        const auto migrator = migratorWith(
            {{2, u"0002_add_colour.sql"_s,
              u"ALTER TABLE organisations ADD COLUMN colour TEXT;\n"
              u"UPDATE organisations SET colour = 'red';"_s},
             {3, u"0003_colour_index.sql"_s,
              u"-- a comment line; with a semicolon\n"
              u"CREATE INDEX organisations_by_colour ON organisations (colour);"_s}});
        QVERIFY2(migrator, qPrintable(migrator.error()));
        Database::Options options;
        options.migrator = &*migrator;
        auto db = Database::open(temp.path(), options);
        QVERIFY2(db, qPrintable(db.error()));
        // THEN both applied in order, and a backup of version 1 was taken before
        QCOMPARE((*db)->schemaVersion(), 3);
        QCOMPARE((*db)->scalar(u"SELECT colour FROM organisations"_s)->toString(), u"red"_s);
        const QString backup = (*db)->backupPath();
        QVERIFY(QFile::exists(backup));
        QVERIFY2(backup.contains(u".v1-"_s), qPrintable(backup));
        auto old = Database::open(backup, asItIs());
        QVERIFY2(old, qPrintable(old.error()));
        QCOMPARE((*old)->schemaVersion(), 1);
        QCOMPARE((*old)->scalar(u"SELECT name FROM organisations"_s)->toString(), u"Acme"_s);
    }

    void shouldRollBackAFailedMigrationWhole()
    {
        TempDatabase temp;
        {
            auto db = openVersion1(temp.path());
            QVERIFY(db);
        }
        // Migration 2 changes something, then fails: none of it may stay.
        const auto migrator = migratorWith({{2, u"0002_broken.sql"_s,
                                             u"ALTER TABLE organisations ADD COLUMN colour TEXT;\n"
                                             u"INSERT INTO no_such_table VALUES (1);"_s}});
        QVERIFY(migrator);
        Database::Options options;
        options.migrator = &*migrator;
        const auto failed = Database::open(temp.path(), options);
        QVERIFY(!failed);
        QVERIFY2(failed.error().contains(u"0002_broken.sql"_s), qPrintable(failed.error()));

        auto db = Database::open(temp.path(), asItIs());
        QVERIFY(db);
        QCOMPARE((*db)->schemaVersion(), 1);
        QVERIFY(!(*db)->execOnce(u"SELECT colour FROM organisations"_s));
    }

    void shouldRejectMigrationNumbersWithGaps()
    {
        const auto migrator = migratorWith({{3, u"0003_skips_two.sql"_s, u"SELECT 1;"_s}});
        QVERIFY(!migrator);
        QVERIFY(migrator.error().contains(u"0003_skips_two.sql"_s));
    }

    void shouldSplitScriptsIntoWholeStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("statements");
        QTest::newRow("two statements") << u"CREATE TABLE a (x);\nCREATE TABLE b (y);"_s << 2;
        QTest::newRow("semicolon in a string") << u"INSERT INTO a VALUES ('x;y');"_s << 1;
        QTest::newRow("trigger body") << u"CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                                         u"  INSERT INTO b VALUES (1);\n"
                                         u"  INSERT INTO b VALUES (2);\nEND;"_s
                                      << 1;
        QTest::newRow("comments only") << u"-- nothing; here\n\n"_s << 0;
        QTest::newRow("unterminated last") << u"SELECT 1;\nSELECT 2"_s << 2;
    }

    void shouldSplitScriptsIntoWholeStatements()
    {
        QFETCH(QString, script);
        QFETCH(int, statements);
        QCOMPARE(Migrator::splitStatements(script).size(), statements);
    }

    void shouldReadIntegerListsThroughSqlitesApi()
    {
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(db);
        Transaction transaction(*db);
        for (int i = 1; i <= 500; ++i) {
            QVERIFY(db->execOnce(u"INSERT INTO organisations (name, created_at) VALUES (?, ?)"_s,
                                 {u"Org %1"_s.arg(i), u"x"_s}));
        }
        QVERIFY(transaction.commit());
        // Every kind of bound value, and the result in order.
        const auto ids = db->integers(u"SELECT id FROM organisations WHERE id > ? AND name <> ? "
                                      u"AND ? IS NULL AND id < ? ORDER BY id DESC"_s,
                                      {qint64(495), u"Org 497"_s, QVariant(), 1000.5});
        QVERIFY2(ids, qPrintable(ids.error()));
        QCOMPARE(*ids, (QList<qint64>{500, 499, 498, 496}));
        const auto bad = db->integers(u"SELECT id FROM nowhere"_s);
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(u"no such table"_s), qPrintable(bad.error()));
        // The connection is still usable through Qt afterwards.
        QCOMPARE(countRows(*db, u"organisations"_s), 500);
    }

    void shouldDoomOuterTransactionWhenInnerFails()
    {
        TempDatabase temp;
        auto db = temp.open();
        QVERIFY(db);
        {
            Transaction outer(*db);
            QVERIFY(
                db->execOnce(u"INSERT INTO organisations (name, created_at) VALUES ('A', 'x')"_s));
            {
                Transaction inner(*db);
                // ends without commit: a part of the action failed
            }
            QVERIFY(!outer.commit());
        }
        QCOMPARE(countRows(*db, u"organisations"_s), 0);
    }
};

DELTABOARD_TEST_MAIN(DatabaseTest)
#include "databasetest.moc"
