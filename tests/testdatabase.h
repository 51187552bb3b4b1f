#pragma once

#include "database.h"
#include "dialect.h"
#include "pgserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Real databases for tests: SQLite files in a temporary folder, or, when the test runs on
// PostgreSQL (DELTABOARD_TEST_BACKEND=postgresql, which CTest sets for the '-pg' runs), databases
// on the test process's throwaway server (PgServer), each a clone of one migrated template.
// Every test gets its own, removed afterwards.
namespace DeltaboardTest {

inline bool onPostgres()
{
    return qEnvironmentVariable("DELTABOARD_TEST_BACKEND") == QLatin1StringView("postgresql");
}

class TempDatabase
{
public:
    TempDatabase() { QVERIFY2(m_dir.isValid(), "cannot create a temporary folder"); }
    ~TempDatabase()
    {
        if (m_databases.isEmpty())
            return;
        if (auto server = PgServer::shared()) {
            for (const QString &name : std::as_const(m_databases))
                static_cast<void>((*server)->drop(name));
        }
    }
    TempDatabase(const TempDatabase &) = delete;
    TempDatabase &operator=(const TempDatabase &) = delete;

    // A file in the temporary folder (an export, an input, or an SQLite database that is meant
    // to be a file).
    QString path(const QString &name = QStringLiteral("test.sqlite")) const
    {
        return m_dir.filePath(name);
    }

    // Where the database called 'name' is: the file path on SQLite, or on PostgreSQL the URL of
    // a database made for it (a clone of the migrated template, made on first use). An empty
    // string, with the test failed, when the server cannot be had.
    QString database(const QString &name = QStringLiteral("test.sqlite"))
    {
        if (!onPostgres())
            return path(name);
        if (const auto found = m_urls.constFind(name); found != m_urls.cend())
            return *found;
        auto server = PgServer::shared();
        if (!server) {
            QTest::qFail(qPrintable(server.error()), __FILE__, __LINE__);
            return {};
        }
        if (const Deltaboard::Status ready = migratedTemplate(**server); !ready) {
            QTest::qFail(qPrintable(ready.error()), __FILE__, __LINE__);
            return {};
        }
        static int s_counter = 0;
        const QString made = QStringLiteral("db%1").arg(++s_counter);
        if (const Deltaboard::Status cloned = (*server)->clone(templateName(), made); !cloned) {
            QTest::qFail(qPrintable(cloned.error()), __FILE__, __LINE__);
            return {};
        }
        m_databases.append(made);
        const QString url = (*server)->location(made).url();
        m_urls.insert(name, url);
        return url;
    }

    // Opens (creating and migrating) the database; fails the test on error.
    std::unique_ptr<Deltaboard::Database> open(const QString &name = QStringLiteral("test.sqlite"))
    {
        const QString where = database(name);
        if (where.isEmpty())
            return nullptr;
        auto db = Deltaboard::Database::open(where);
        if (!db) {
            QTest::qFail(qPrintable(db.error()), __FILE__, __LINE__);
            return nullptr;
        }
        return std::move(db).value();
    }

    const QTemporaryDir &dir() const { return m_dir; }

private:
    static QString templateName() { return QStringLiteral("template"); }

    // The template every test database is cloned from: made and migrated once per process.
    static Deltaboard::Status migratedTemplate(PgServer &server)
    {
        static bool s_ready = false;
        if (s_ready)
            return {};
        if (!server.exists(templateName())) {
            const QString name = server.databaseName(templateName());
            if (const auto made = server.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
                !made) {
                return made;
            }
            auto db = Deltaboard::Database::open(server.location(templateName()).url());
            if (!db)
                return Deltaboard::Error{db.error()};
        } // closed here: CREATE DATABASE … TEMPLATE needs the template to have no connections
        s_ready = true;
        return {};
    }

    QTemporaryDir m_dir;
    QHash<QString, QString> m_urls; // name → URL
    QStringList m_databases;        // made on the server, dropped at the end
};

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

inline qint64 countRows(Deltaboard::Database &db, const QString &table)
{
    // Test helper; table names come from the test code itself.
    const auto counted = db.scalar(QStringLiteral("SELECT count(*) FROM ") + table);
    return counted ? counted->toLongLong() : -1;
}

// How many deltas the search index finds for what a user typed (every word as a prefix), read
// from the index itself: FTS5's table on SQLite, the search column on PostgreSQL.
inline qint64 searchCount(Deltaboard::Database &db, const QString &typed)
{
    const auto counted = db.scalar(QStringLiteral("SELECT count(*) FROM deltas d WHERE ")
                                       + Deltaboard::Dialect::deltaMatches(db),
                                   {Deltaboard::Dialect::searchText(db, typed)});
    return counted ? counted->toLongLong() : -1;
}

// How many entries the delta search index holds.
inline qint64 searchIndexEntries(Deltaboard::Database &db)
{
    const auto counted = db.scalar(
        db.isPostgres() ? QStringLiteral("SELECT count(*) FROM deltas WHERE search <> ''::tsvector")
                        : QStringLiteral("SELECT count(*) FROM deltas_fts"));
    return counted ? counted->toLongLong() : -1;
}

} // namespace DeltaboardTest
