#pragma once

#include "clock.h"
#include "location.h"
#include "result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace Deltaboard {

class Migrator;

// One connection to a Deltaboard database: an SQLite file, or a PostgreSQL database named by a
// URL (Location). Each thread that touches the database opens its
// own Database (DESIGN.md contract 5); a Database is used from the thread that opened it only.
//
// Opening checks that the file is a Deltaboard database, refuses one from a newer schema without
// writing to it, sets the pragmas (foreign keys, WAL) and applies pending migrations (see
// Migrator). Everything dialect-specific about connections (session set-up, transactions, what
// an error means) lives here and in Migrator; SQL text that differs lives in dialect.h.
//
// Only SQLite touches the file (DESIGN.md contract 8): on POSIX, closing any descriptor of a
// file drops every lock the process holds on it, including those of SQLite connections already
// open, after which another process may checkpoint and delete the WAL under them. So what the
// file is gets asked of SQLite itself, through a read-only connection.
//
// Several processes may write one file. A writer that finds the write lock taken waits for it
// (Options::busyTimeoutMs), tells Options::waiting once it has waited a while, and gives up with
// an error; a transaction that could not begin runs nothing (see Transaction).
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
        // How long a write waits for another connection's write lock before it fails.
        int busyTimeoutMs = kDefaultBusyTimeoutMs;
        // Called (on the waiting thread, from inside SQLite: it must not use this Database) once
        // a wait for the write lock has lasted kWaitNoticeMs, so a user hears why nothing
        // happens. May be empty.
        std::function<void()> waiting;
    };
    static constexpr int kDefaultBusyTimeoutMs = 5000;
    // What waits for a lock other than the write lock (opening, reading while another process
    // checkpoints or closes) get at least, whatever the write wait is: a read never fails
    // because a writer was told not to wait.
    static constexpr int kMinimumOtherWaitMs = 5000;
    static constexpr int kWaitNoticeMs = 500;

    enum class Dialect { Sqlite, Postgres };

    // 'location' is a file path or a PostgreSQL URL (Location). Caller takes ownership. The
    // error names the file, or the server and database, and what is wrong with it.
    static Result<std::unique_ptr<Database>> open(const QString &location, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, {}); }
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The file path, or the PostgreSQL URL (never with a password).
    const QString &path() const { return m_path; }
    const Location &location() const { return m_location; }
    // For messages: the path, or 'database "x" on server y'.
    QString describeLocation() const { return m_location.describe(); }
    Dialect dialect() const { return m_dialect; }
    bool isPostgres() const { return m_dialect == Dialect::Postgres; }
    QSqlDatabase connection() const { return m_db; }
    int schemaVersion() const;
    // Set when open() upgraded an existing file: where the copy taken before the upgrade is.
    const QString &backupPath() const { return m_backupPath; }

    // Runs one statement with values bound in order. Statements are prepared once per connection
    // and kept, so hot paths pay for parsing once. The returned query is positioned before the
    // first row and stays valid until the same SQL text is run again.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values = {});
    // Runs an INSERT into a table with an 'id' key and returns the new row's id (PostgreSQL:
    // INSERT … RETURNING id; SQLite: the last insert rowid).
    Result<qint64> insert(const QString &sql, const QVariantList &values = {});
    // Runs 'statement' (a call of run() or insert()) so that its failure leaves the transaction
    // usable for the queries that explain it: PostgreSQL refuses everything after a transaction's
    // first error, so there the statement runs inside a savepoint that a failure rolls back.
    // (SQLite takes back only the failed statement by itself.)
    template<typename Statement>
    auto attempt(Statement &&statement) -> decltype(statement())
    {
        if (m_dialect != Dialect::Postgres || m_transactionDepth == 0)
            return statement();
        if (const Status saved = execOnce(QStringLiteral("SAVEPOINT attempt")); !saved)
            return Error{saved.error()};
        auto result = statement();
        static_cast<void>(execOnce(result ? QStringLiteral("RELEASE SAVEPOINT attempt")
                                          : QStringLiteral("ROLLBACK TO SAVEPOINT attempt")));
        return result;
    }
    // Runs a statement and returns the first column of its first row (an invalid QVariant when
    // there is no row).
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {});
    // The first column of every row as integers: for long id lists (a view's 100,000 rows).
    // On SQLite it reads through SQLite's own API, which costs a tenth of Qt's per-row
    // overhead; other drivers take the portable path.
    Result<QList<qint64>> integers(const QString &sql, const QVariantList &values = {});
    // Runs a statement once without caching it (DDL, pragmas, one-off maintenance).
    Status execOnce(const QString &sql, const QVariantList &values = {});

    // One write statement run many times with new values (a restore's inserts). On SQLite it
    // binds through SQLite's own API, as integers() reads: text goes in as the UTF-8 bytes it
    // is given, with no QVariant or QString per value. On PostgreSQL an 'INSERT … VALUES (?, …)'
    // is sent kBatchRows rows at a time as one multi-row INSERT (a round trip per row is what
    // costs there); the rows of a batch are written by run() or by flush(), which the caller
    // must call after the last row (an error then names the batch, not the row). Other
    // statements take Database::run(). Must not outlive the Database.
    class Repeated
    {
    public:
        Repeated(Database &db, const QString &sql);
        ~Repeated();
        Repeated(const Repeated &) = delete;
        Repeated &operator=(const Repeated &) = delete;

        // A value to bind, without a QVariant: text is UTF-8, only viewed (it must live until
        // run() returns).
        struct Value
        {
            enum class Kind : quint8 { Null, Integer, Real, Text };
            Kind kind = Kind::Null;
            qint64 integer = 0;
            double real = 0;
            QByteArrayView text;
        };

        // 'tag' names the row (a record's place in its input) for failedTag().
        Status run(const std::vector<Value> &values, qint64 tag = -1);
        // Writes the rows still waiting in a batch (PostgreSQL); a no-op otherwise.
        Status flush();
        // After a failed run() or flush(): the tag of the row that failed. A batch that fails is
        // taken back (a savepoint) and its rows written one by one to find it.
        qint64 failedTag() const { return m_failedTag; }
        static constexpr int kBatchRows = 500;

    private:
        Database &m_db;
        QString m_sql;
        // PostgreSQL batches: the statement's part up to VALUES, one row's placeholders, and
        // the values waiting.
        QString m_insertHead;
        QString m_rowPlaceholders;
        int m_columns = 0;
        int m_pendingRows = 0;
        QVariantList m_pending;
        QList<qint64> m_pendingTags;
        qint64 m_failedTag = -1;
        sqlite3 *m_connection = nullptr; // null: not SQLite, run() goes through Database::run
        sqlite3_stmt *m_statement = nullptr;
        QString m_prepareError;
    };

    // Where stores get the time and the actor they write into history rows.
    const Clock &clock() const { return *m_clock; }
    // Not owned; must outlive this Database. nullptr restores the system clock.
    void setClock(const Clock *clock);
    // On PostgreSQL the actor is the database login (set by open(); history names who wrote).
    const QString &actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    // What the connected login may write on a team database (PostgreSQL row-level security
    // decides; this is the same rule read once, for messages and for greying out what cannot be
    // changed). On SQLite, and for a PostgreSQL superuser, everything.
    struct Rights
    {
        QString login;
        bool everything = true;
        bool admin = false;
        bool reporter = false;
        QList<qint64> memberOf; // organisations
        // Deltas, impacts, comments, crash reports, labels: anyone with a role.
        bool mayShare() const { return everything || admin || reporter || !memberOf.isEmpty(); }
        bool mayAdminister() const { return everything || admin; }
        // An organisation's priorities, ranking, tasks and fix records.
        bool isMemberOf(qint64 organisation) const
        {
            return everything || memberOf.contains(organisation);
        }
        // A board's columns and settings: its organisation's members and admins.
        bool mayArrange(qint64 organisation) const
        {
            return mayAdminister() || isMemberOf(organisation);
        }
    };
    // Read on first use after open() or forgetRights() (a membership changed).
    const Rights &rights();
    void forgetRights() { m_rights.reset(); }

    // Whether the connection is up. PostgreSQL: libpq's status, without a round trip (it turns
    // bad once libpq has read that the server went away). Always true on SQLite.
    bool isConnected() const;
    // PostgreSQL: opens the connection again after it was lost and sets the session up as
    // open() did (prepared statements and subscriptions are gone with the old one). Refused
    // inside a transaction. A no-op on SQLite.
    Status reconnect();
    bool inTransaction() const { return m_transactionDepth > 0; }
    // PostgreSQL: the password as the server stores it (a SCRAM verifier, by libpq's
    // PQencryptPasswordConn), so a CREATE ROLE never carries it in clear.
    Result<QString> encryptPassword(const QString &login, const QString &password);

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

    // Installs (once per process) a filter for a Qt PostgreSQL driver warning that is noise:
    // "Unable to free statement" when a prepared statement is dropped inside a transaction the
    // server already aborted (it goes with the rollback). Other messages pass on unchanged, so a
    // command's failure stays one line. For the programs' main(), not for libraries.
    static void quietDriverNoise();

    // What the database said about the last failed call of 'query', for messages. PostgreSQL's
    // errors carry their SQLSTATE, and integrity violations are worded as SQLite words them
    // ("UNIQUE constraint failed: …", "FOREIGN KEY constraint failed: …"), so stores and
    // callers recognise them the same way on both.
    static QString describe(const QSqlQuery &query);
    static QString describe(const QSqlError &error);

    // True when the last failure on this connection was a wait for another writer's lock that
    // ran out (SQLITE_BUSY): the change can be tried again. Reset by every successful begin.
    // PostgreSQL: also a lock_timeout, a serialization failure or a deadlock (SQLSTATE 55P03,
    // 40001, 40P01), after which the whole action may be run again.
    bool lockTimedOut() const { return m_lockTimedOut; }
    // Whether a failure (its message, as describe() words it) was PostgreSQL giving up on a
    // transaction for a serialization failure or a deadlock (SQLSTATE 40001, 40P01): the whole
    // action may run again. Callers try at most kRetries times in all.
    static constexpr int kRetries = 4;
    static bool isRetryable(const QString &failure);

    // For the app, where a user's edit must not be dropped because another program writes:
    // 'waiting' is called once a wait for the write lock has lasted kWaitNoticeMs (from inside
    // SQLite: it must not use this Database); 'tryAgain' is asked, with the reason, when an
    // outermost transaction could not begin because the wait ran out, and the transaction
    // waits again as long as it returns true. Either may be empty.
    // How long a write waits for another writer's lock from now on (Options::busyTimeoutMs).
    // (PostgreSQL: the session's lock_timeout.)
    void setBusyTimeout(int milliseconds);
    void setContentionHandlers(std::function<void()> waiting,
                               std::function<bool(const QString &reason)> tryAgain);

private:
    Database(QString path, QString connectionName);
    static Result<std::unique_ptr<Database>> openPostgres(const Location &location,
                                                          const Options &options);
    Status applyPragmas();
    Status setUpPostgresSession();
    void installBusyHandler(int timeoutMs, std::function<void()> waiting);
    // Statements refuse to run inside a scope whose BEGIN failed: they would land one by one
    // in autocommit mode, and a change reported as failed would be half written.
    std::optional<Error> refusedByScope() const;
    void noteFailure(const QSqlQuery &query);
    // describe(), and on PostgreSQL whether the connection itself was lost, naming the server.
    QString explain(const QSqlQuery &query) const;
    static int onBusy(void *database, int attempt);

    QString m_path;
    Location m_location;
    Dialect m_dialect = Dialect::Sqlite;
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    QString m_actor;
    std::optional<Rights> m_rights;
    bool m_rightsMember = true; // whether the login is in team_members (read with the rights)
    QString m_rightsError;      // why the rights could not be read (then there are none)
    QString m_backupPath;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
    // Set while the outermost scope is open but its BEGIN failed: why, for every statement
    // that is refused.
    QString m_beginFailure;
    bool m_lockTimedOut = false;
    int m_busyTimeoutMs = kDefaultBusyTimeoutMs;
    std::function<void()> m_waiting;
    std::function<bool(const QString &)> m_tryAgain;
    QElapsedTimer m_waitClock;
    bool m_waitNoticed = false;
    bool m_takingWriteLock = false; // during BEGIN IMMEDIATE: the wait is m_busyTimeoutMs
};

using Transaction = Database::Transaction;

} // namespace Deltaboard
