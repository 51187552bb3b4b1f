#include "database.h"

#include "migrator.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

// SQLite files start with this 16-byte header. Checking it before opening means a file that is
// not a database is reported and never touched (SQLite would otherwise try to use it).
bool hasSqliteHeader(const QString &path, bool *isEmpty)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(16);
    *isEmpty = head.isEmpty();
    return head == QByteArrayView("SQLite format 3\0", 16);
}

QString defaultActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? u"local"_s : user;
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_actor(defaultActor())
{}

Database::~Database()
{
    // Queries must go before the connection, and the connection before removeDatabase().
    m_statements.clear();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    const Migrator &migrator = options.migrator ? *options.migrator : Migrator::builtin();
    const QFileInfo info(path);
    bool existing = info.exists();
    if (existing) {
        if (info.isDir())
            return Error{u"%1 is a directory, not a Deltaboard database"_s.arg(path)};
        bool isEmpty = false;
        if (!hasSqliteHeader(path, &isEmpty)) {
            if (!isEmpty) {
                return Error{
                    u"%1 is not a Deltaboard database (not an SQLite file, or not readable)"_s.arg(
                        path)};
            }
            existing = false; // SQLite treats an empty file as a new database.
        }
    } else if (!options.createIfMissing) {
        return Error{u"no database at %1 (create one with 'deltaboard-cli init')"_s.arg(path)};
    } else if (!QFileInfo(info.absolutePath()).isDir()) {
        return Error{
            u"cannot create %1: the folder %2 does not exist"_s.arg(path, info.absolutePath())};
    }

    const QString name = u"deltaboard-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(path, name));
    db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    if (!db->m_db.isValid())
        return Error{u"the Qt SQLite driver (QSQLITE) is not installed"_s};
    db->m_db.setDatabaseName(path);
    // SQLite waits this long for another connection's write lock instead of failing at once.
    db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db->m_db.open())
        return Error{u"cannot open %1: %2"_s.arg(path, db->m_db.lastError().text())};

    // Read-only look at what the file is before anything writes to it.
    if (existing) {
        const auto appId = db->scalar(u"PRAGMA application_id"_s);
        if (!appId)
            return Error{u"%1 is not a Deltaboard database: %2"_s.arg(path, appId.error())};
        const auto version = db->scalar(u"PRAGMA user_version"_s);
        const auto tables = db->scalar(u"SELECT count(*) FROM sqlite_schema"_s);
        if (!version || !tables)
            return Error{u"%1 is not a readable database"_s.arg(path)};
        const bool blank = version->toInt() == 0 && tables->toInt() == 0;
        if (!blank && appId->toInt() != Migrator::kApplicationId) {
            return Error{
                u"%1 is an SQLite database of another application, not a Deltaboard database"_s.arg(
                    path)};
        }
        if (version->toInt() > migrator.latestVersion()) {
            return Error{u"%1 has schema version %2, newer than this Deltaboard understands "
                         u"(up to %3); open it with a newer Deltaboard"_s.arg(path)
                             .arg(version->toInt())
                             .arg(migrator.latestVersion())};
        }
        existing = !blank;
    }

    if (const Status pragmas = db->applyPragmas(); !pragmas)
        return Error{u"cannot set up %1: %2"_s.arg(path, pragmas.error())};
    if (!options.migrate)
        return db;
    if (const Status migrated = migrator.migrate(*db, existing, &db->m_backupPath); !migrated)
        return Error{u"cannot upgrade %1: %2"_s.arg(path, migrated.error())};
    return db;
}

Status Database::applyPragmas()
{
    // WAL: readers never block the writer, and a kill mid-write leaves the last commit intact.
    // synchronous=NORMAL is durable against process crashes in WAL mode (only a power cut may
    // lose the latest commits, never consistency).
    const QString pragmas[] = {
        u"PRAGMA foreign_keys = ON"_s,    u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA temp_store = MEMORY"_s,
        u"PRAGMA cache_size = -32000"_s, // KiB: 32 MB of page cache per connection
    };
    for (const QString &pragma : pragmas) {
        if (const Status status = execOnce(pragma); !status)
            return status;
    }
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString Database::describe(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return text;
}

Result<QSqlQuery *> Database::run(const QString &sql, const QVariantList &values)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return Error{u"cannot prepare statement: %1"_s.arg(describe(query))};
        it = m_statements.insert(sql, query);
    }
    QSqlQuery &query = it.value();
    query.finish();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return Error{describe(query)};
    return &query;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values)
{
    const auto query = run(sql, values);
    if (!query)
        return Error{query.error()};
    QVariant value = (*query)->next() ? (*query)->value(0) : QVariant();
    (*query)->finish();
    return value;
}

Result<QList<qint64>> Database::integers(const QString &sql, const QVariantList &values)
{
    QList<qint64> result;
    const QVariant handle = m_db.driver()->handle();
    if (m_db.driverName() != u"QSQLITE"_s || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        const auto query = run(sql, values);
        if (!query)
            return Error{query.error()};
        while ((*query)->next())
            result.append((*query)->value(0).toLongLong());
        return result;
    }
    // The same connection Qt uses (same thread, same transaction state); the statement is
    // finalised before returning, so Qt's own statements are unaffected.
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(connection, text.constData(), int(text.size()), &statement, nullptr)
        != SQLITE_OK) {
        return Error{QString::fromUtf8(sqlite3_errmsg(connection))};
    }
    auto finalize = qScopeGuard([statement] { sqlite3_finalize(statement); });
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        int bound = SQLITE_OK;
        if (value.isNull())
            bound = sqlite3_bind_null(statement, i + 1);
        else if (value.typeId() == QMetaType::QString) {
            const QByteArray utf8 = value.toString().toUtf8();
            bound = sqlite3_bind_text(statement, i + 1, utf8.constData(), int(utf8.size()),
                                      SQLITE_TRANSIENT);
        } else if (value.typeId() == QMetaType::Double)
            bound = sqlite3_bind_double(statement, i + 1, value.toDouble());
        else
            bound = sqlite3_bind_int64(statement, i + 1, value.toLongLong());
        if (bound != SQLITE_OK)
            return Error{QString::fromUtf8(sqlite3_errmsg(connection))};
    }
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW)
        result.append(sqlite3_column_int64(statement, 0));
    if (step != SQLITE_DONE)
        return Error{QString::fromUtf8(sqlite3_errmsg(connection))};
    return result;
}

Status Database::execOnce(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db);
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return Error{describe(query)};
        return {};
    }
    if (!query.prepare(sql))
        return Error{describe(query)};
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return Error{describe(query)};
    return {};
}

void Database::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_systemClock;
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (db.m_transactionDepth++ > 0)
        return;
    m_outermost = true;
    db.m_rollbackOnly = false;
    // IMMEDIATE takes the write lock now, so two writers queue on the busy timeout instead of
    // one failing at its first write (SQLite's dialect; PostgreSQL's BEGIN needs no such hint).
    m_status = db.execOnce(u"BEGIN IMMEDIATE"_s);
    if (!m_status)
        m_status = Error{u"cannot start a transaction: %1"_s.arg(m_status.error())};
}

Database::Transaction::~Transaction()
{
    if (!m_done) {
        if (!m_outermost)
            m_db.m_rollbackOnly = true;
        else if (m_status)
            (void)m_db.execOnce(u"ROLLBACK"_s);
    }
    --m_db.m_transactionDepth;
}

Status Database::Transaction::commit()
{
    if (m_done)
        return m_status;
    m_done = true;
    if (!m_status)
        return m_status;
    if (!m_outermost)
        return {};
    if (m_db.m_rollbackOnly) {
        (void)m_db.execOnce(u"ROLLBACK"_s);
        m_status = Error{u"a part of this change failed; nothing was written"_s};
        return m_status;
    }
    // Cached statements hold read cursors open; finish them so COMMIT is not refused.
    for (QSqlQuery &query : m_db.m_statements)
        query.finish();
    if (Status committed = m_db.execOnce(u"COMMIT"_s); !committed) {
        (void)m_db.execOnce(u"ROLLBACK"_s);
        m_status = Error{u"cannot commit: %1"_s.arg(committed.error())};
    }
    return m_status;
}

} // namespace Deltaboard
