#pragma once

#include "clock.h"
#include "result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace Deltaboard {

class Migrator;

// One connection to a Deltaboard database file. Each thread that touches the database opens its
// own Database (DESIGN.md contract 5); a Database is used from the thread that opened it only.
//
// Opening checks that the file is a Deltaboard database, refuses one from a newer schema without
// writing to it, sets the pragmas (foreign keys, WAL, busy timeout) and applies pending
// migrations (see Migrator). Everything SQLite-specific about connections lives here and in
// Migrator, so that a PostgreSQL backend has one place to change.
class Database
{
public:
    struct Options
    {
        bool createIfMissing = true;
        // Apply pending migrations. Without it an older file opens as it is (for 'check').
        bool migrate = true;
        // The migrations to apply; nullptr means the ones compiled into the binary.
        const Migrator *migrator = nullptr;
    };

    // Caller takes ownership. The error names the path and what is wrong with it.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, {}); }
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }
    QSqlDatabase connection() const { return m_db; }
    int schemaVersion() const;
    // Set when open() upgraded an existing file: where the copy taken before the upgrade is.
    const QString &backupPath() const { return m_backupPath; }

    // Runs one statement with values bound in order. Statements are prepared once per connection
    // and kept, so hot paths pay for parsing once. The returned query is positioned before the
    // first row and stays valid until the same SQL text is run again.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values = {});
    // Runs a statement and returns the first column of its first row (an invalid QVariant when
    // there is no row).
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {});
    // The first column of every row as integers: for long id lists (a view's 100,000 rows).
    // On SQLite it reads through SQLite's own API, which costs a tenth of Qt's per-row
    // overhead; other drivers take the portable path.
    Result<QList<qint64>> integers(const QString &sql, const QVariantList &values = {});
    // Runs a statement once without caching it (DDL, pragmas, one-off maintenance).
    Status execOnce(const QString &sql, const QVariantList &values = {});

    // Where stores get the time and the actor they write into history rows.
    const Clock &clock() const { return *m_clock; }
    // Not owned; must outlive this Database. nullptr restores the system clock.
    void setClock(const Clock *clock);
    const QString &actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    // All-or-nothing scope for one user action or one import (DESIGN.md contract 1). Scopes nest:
    // only the outermost one talks to the database; an inner scope that ends without commit()
    // dooms the outer one, whose commit() then rolls back and reports the failure.
    class Transaction
    {
    public:
        explicit Transaction(Database &db);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;

        Status status() const { return m_status; }
        Status commit();

    private:
        Database &m_db;
        Status m_status;
        bool m_outermost = false;
        bool m_done = false;
    };

    // The text SQLite gave for the last failed call on this connection, for messages.
    static QString describe(const QSqlQuery &query);

private:
    Database(QString path, QString connectionName);
    Status applyPragmas();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    QString m_actor;
    QString m_backupPath;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
};

using Transaction = Database::Transaction;

} // namespace Deltaboard
