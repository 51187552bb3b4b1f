#include "database.h"

#include "migrator.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

// SQLite's result code for "the write lock is taken" and for a lock held by this very process.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;

// What an existing file is, asked of SQLite through a read-only connection of its own: a file
// that is not a database gives SQLITE_NOTADB and is never written (a read-write connection
// could roll a stray hot journal into it). Closing this connection is safe for the process's
// other connections to the same file: SQLite keeps one set of locks per file and process and
// holds back the close of a descriptor while another connection of the process has locks.
struct Probe
{
    int applicationId = 0;
    int userVersion = 0;
    int tables = 0;
};

Result<Probe> probe(const QString &path)
{
    const QString name = u"deltaboard-probe-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1));
    Result<Probe> result = Error{QString()};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        if (!db.isValid())
            return Error{u"the Qt SQLite driver (QSQLITE) is not installed"_s};
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(
            Database::kDefaultBusyTimeoutMs));
        if (!db.open()) {
            result = Error{db.lastError().text()};
        } else {
            // One statement: the file's identity, version and whether it holds anything.
            QSqlQuery query(db);
            if (!query.exec(u"SELECT (SELECT application_id FROM pragma_application_id), "
                            u"(SELECT user_version FROM pragma_user_version), "
                            u"(SELECT count(*) FROM sqlite_schema)"_s)
                || !query.next()) {
                result = Error{Database::describe(query)};
            } else {
                result
                    = Probe{query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt()};
            }
            query = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// PostgreSQL's SQLSTATEs that say "run the whole action again".
bool retryableState(const QString &sqlState)
{
    return sqlState == u"40001"_s || sqlState == u"40P01"_s;
}

// The libpq connection under a QPSQL connection, or null.
PGconn *postgresConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt registers the handle under libpq's struct name.
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
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

Result<std::unique_ptr<Database>> Database::open(const QString &locationText,
                                                 const Options &options)
{
    const auto location = Location::parse(locationText);
    if (!location)
        return Error{location.error()};
    if (location->isPostgres())
        return openPostgres(*location, options);
    const QString &path = locationText;
    const Migrator &migrator
        = options.migrator ? *options.migrator : Migrator::builtin(Dialect::Sqlite);
    const QFileInfo info(path);
    bool existing = info.exists();
    std::optional<Probe> found;
    if (existing) {
        if (info.isDir())
            return Error{u"%1 is a directory, not a Deltaboard database"_s.arg(path)};
        if (!info.isFile())
            return Error{u"%1 is not a regular file, not a Deltaboard database"_s.arg(path)};
        const auto probed = probe(path);
        if (!probed) {
            return Error{
                u"%1 is not a Deltaboard database (not an SQLite file, or not readable: %2)"_s.arg(
                    path, probed.error())};
        }
        found = *probed;
    } else if (!options.createIfMissing) {
        return Error{u"no database at %1 (create one with 'deltaboard-cli init')"_s.arg(path)};
    } else if (!QFileInfo(info.absolutePath()).isDir()) {
        return Error{
            u"cannot create %1: the folder %2 does not exist"_s.arg(path, info.absolutePath())};
    }
    if (found) {
        // An empty file, or an SQLite file with nothing in it, is taken as a new database.
        const bool blank = found->userVersion == 0 && found->tables == 0;
        if (!blank && found->applicationId != Migrator::kApplicationId) {
            return Error{
                u"%1 is an SQLite database of another application, not a Deltaboard database"_s.arg(
                    path)};
        }
        if (found->userVersion > migrator.latestVersion()) {
            return Error{u"%1 has schema version %2, newer than this Deltaboard understands "
                         u"(up to %3); open it with a newer Deltaboard"_s.arg(path)
                             .arg(found->userVersion)
                             .arg(migrator.latestVersion())};
        }
        existing = !blank;
    }

    const QString name = u"deltaboard-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(path, name));
    db->m_location = *location;
    db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    if (!db->m_db.isValid())
        return Error{u"the Qt SQLite driver (QSQLITE) is not installed"_s};
    db->m_db.setDatabaseName(path);
    if (!db->m_db.open())
        return Error{u"cannot open %1: %2"_s.arg(path, db->m_db.lastError().text())};
    db->installBusyHandler(options.busyTimeoutMs, options.waiting);

    if (const Status pragmas = db->applyPragmas(); !pragmas)
        return Error{u"cannot set up %1: %2"_s.arg(path, pragmas.error())};
    if (!options.migrate)
        return db;
    if (const Status migrated = migrator.migrate(*db, existing, &db->m_backupPath); !migrated)
        return Error{u"cannot upgrade %1: %2"_s.arg(path, migrated.error())};
    return db;
}

Result<std::unique_ptr<Database>> Database::openPostgres(const Location &location,
                                                         const Options &options)
{
    const Migrator &migrator
        = options.migrator ? *options.migrator : Migrator::builtin(Dialect::Postgres);
    const QString where = location.describe();
    const QString name = u"deltaboard-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(location.url(), name));
    db->m_location = location;
    db->m_dialect = Dialect::Postgres;
    db->m_busyTimeoutMs = std::max(0, options.busyTimeoutMs);
    auto connection = location.addConnection(name);
    if (!connection)
        return Error{connection.error()};
    db->m_db = *connection;
    if (!db->m_db.open()) {
        // libpq's message runs over several lines: 'connection to server on socket "…" failed:
        // why', then perhaps a hint. The server is named already; the why and the hint stay.
        QString message = db->m_db.lastError().databaseText().trimmed();
        if (message.isEmpty())
            message = db->m_db.lastError().text();
        QStringList lines = message.split(u'\n', Qt::SkipEmptyParts);
        for (QString &line : lines) {
            line = line.trimmed();
            if (const qsizetype failed = line.indexOf(u" failed: "_s); failed >= 0)
                line = line.mid(failed + 9);
            if (line.startsWith(u"FATAL:"_s))
                line = line.mid(6).trimmed();
        }
        lines.removeDuplicates();
        return Error{u"cannot connect to %1: %2"_s.arg(where, lines.join(u"; "_s))};
    }
    if (const Status session = db->setUpPostgresSession(); !session)
        return Error{u"cannot set up the session on %1: %2"_s.arg(where, session.error())};

    // What the database is: a Deltaboard schema (deltaboard_schema), empty, or something else.
    const auto found = db->run(
        u"SELECT to_regclass('deltaboard_schema') IS NOT NULL, "
        u"(SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
        u"ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r')"_s);
    if (!found || !(*found)->next())
        return Error{
            u"cannot read what %1 holds: %2"_s.arg(where, found ? QString() : found.error())};
    const bool deltaboard = (*found)->value(0).toBool();
    const qint64 tables = (*found)->value(1).toLongLong();
    (*found)->finish();
    if (!deltaboard && tables > 0) {
        return Error{u"%1 is not a Deltaboard database: it holds %2 tables of another "
                     u"application"_s.arg(where)
                         .arg(tables)};
    }
    if (!deltaboard && !options.createIfMissing) {
        return Error{u"%1 is empty: create the Deltaboard schema in it with 'deltaboard-cli "
                     u"--db %2 init'"_s.arg(where, location.url())};
    }
    if (deltaboard) {
        const auto marked = db->run(u"SELECT application_id, version FROM deltaboard_schema"_s);
        if (!marked || !(*marked)->next()
            || (*marked)->value(0).toInt() != Migrator::kApplicationId) {
            return Error{u"%1 is not a Deltaboard database (its deltaboard_schema table is not "
                         u"Deltaboard's)"_s.arg(where)};
        }
        const int version = (*marked)->value(1).toInt();
        (*marked)->finish();
        if (version > migrator.latestVersion()) {
            return Error{u"%1 has schema version %2, newer than this Deltaboard understands "
                         u"(up to %3); use a newer Deltaboard"_s.arg(where)
                             .arg(version)
                             .arg(migrator.latestVersion())};
        }
    }
    if (options.migrate) {
        if (const Status migrated = migrator.migrate(*db, deltaboard, nullptr); !migrated)
            return Error{
                u"cannot create or upgrade the schema in %1: %2"_s.arg(where, migrated.error())};
    }
    // History names the login; a login outside the team sees an empty workspace otherwise, and
    // is better told why.
    const Rights &rights = db->rights();
    if (!db->m_rightsError.isEmpty())
        return Error{
            u"cannot read what this login may do on %1: %2"_s.arg(where, db->m_rightsError)};
    if (!rights.login.isEmpty())
        db->m_actor = rights.login;
    if (!rights.everything && !db->m_rightsMember) {
        return Error{u"the login %1 is not a member of the team on %2: an admin adds it with "
                     u"'deltaboard-cli --db %3 team add-user %1'"_s.arg(rights.login, where,
                                                                        location.url())};
    }
    return db;
}

const Database::Rights &Database::rights()
{
    if (m_rights)
        return *m_rights;
    Rights rights;
    m_rightsMember = true;
    m_rightsError.clear();
    if (m_dialect == Dialect::Postgres) {
        // Unread rights are none: a failure here never lets the stores skip a check.
        // Before schema 6 there are no memberships: everyone may write, as on SQLite.
        const auto found = run(u"SELECT current_user, r.rolsuper OR r.rolbypassrls, "
                               u"to_regclass('memberships') IS NOT NULL FROM pg_catalog.pg_roles r "
                               u"WHERE r.rolname = current_user"_s);
        rights.everything = false;
        if (found && (*found)->next()) {
            rights.login = (*found)->value(0).toString();
            rights.everything = (*found)->value(1).toBool() || !(*found)->value(2).toBool();
            (*found)->finish();
        } else {
            m_rightsError = found ? u"the login is not in pg_roles"_s : found.error();
        }
        if (!rights.everything) {
            const auto roles = run(
                u"SELECT m.role, m.organisation_id FROM team_members t LEFT JOIN memberships m "
                u"ON m.login = t.login WHERE t.login = current_user"_s);
            m_rightsMember = false;
            if (!roles)
                m_rightsError = roles.error();
            if (roles) {
                while ((*roles)->next()) {
                    m_rightsMember = true;
                    const QString role = (*roles)->value(0).toString();
                    if (role == u"admin"_s)
                        rights.admin = true;
                    else if (role == u"reporter"_s)
                        rights.reporter = true;
                    else if (role == u"member"_s)
                        rights.memberOf.append((*roles)->value(1).toLongLong());
                }
            }
        }
    }
    m_rights = std::move(rights);
    return *m_rights;
}

bool Database::isConnected() const
{
    if (m_dialect != Dialect::Postgres)
        return true;
    PGconn *connection = postgresConnection(m_db);
    return m_db.isOpen() && connection && PQstatus(connection) == CONNECTION_OK;
}

Result<QString> Database::encryptPassword(const QString &login, const QString &password)
{
    PGconn *connection = postgresConnection(m_db);
    if (!connection)
        return Error{u"passwords are kept by a team database (PostgreSQL) only"_s};
    char *verifier = PQencryptPasswordConn(connection, password.toUtf8().constData(),
                                           login.toUtf8().constData(), nullptr);
    if (!verifier)
        return Error{u"cannot encrypt the password: %1"_s.arg(
            QString::fromUtf8(PQerrorMessage(connection)).trimmed())};
    const QString text = QString::fromUtf8(verifier);
    PQfreemem(verifier);
    return text;
}

Status Database::reconnect()
{
    if (m_dialect != Dialect::Postgres)
        return {};
    if (m_transactionDepth > 0)
        return Error{u"cannot reconnect to %1 inside a transaction"_s.arg(describeLocation())};
    m_statements.clear();
    m_db.close();
    if (!m_db.open()) {
        return Error{u"cannot connect to %1: %2"_s.arg(
            describeLocation(), m_db.lastError().databaseText().simplified())};
    }
    forgetRights();
    if (const Status session = setUpPostgresSession(); !session)
        return Error{
            u"cannot set up the session on %1: %2"_s.arg(describeLocation(), session.error())};
    return {};
}

Status Database::setUpPostgresSession()
{
    // Times are written as UTC text by the stores; the session zone only matters to what the
    // server itself formats. Notices (IF EXISTS…) are not worth a line on stderr. JIT compiling
    // pays off for long analytical queries, not for a board's read: it added 11 ms to the
    // 10,000-card board query.
    for (const QString &statement :
         {u"SET TIME ZONE 'UTC'"_s, u"SET client_min_messages = warning"_s, u"SET jit = off"_s}) {
        if (const Status status = execOnce(statement); !status)
            return status;
    }
    setBusyTimeout(m_busyTimeoutMs);
    return {};
}

void Database::setBusyTimeout(int milliseconds)
{
    m_busyTimeoutMs = std::max(0, milliseconds);
    if (m_dialect != Dialect::Postgres || !m_db.isOpen())
        return;
    // A row lock held by another client waits this long, then fails with 55P03 (as SQLite's
    // busy timeout does). 0 would mean "forever" to PostgreSQL: 1 ms is "do not wait".
    (void)execOnce(u"SELECT set_config('lock_timeout', ?, false)"_s,
                   {QString::number(std::max(1, m_busyTimeoutMs)) + u"ms"_s});
}

namespace {
QtMessageHandler s_previousHandler = nullptr;

void filterDriverNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(u"Unable to free statement"_s))
        return;
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}
} // namespace

void Database::quietDriverNoise()
{
    static const bool installed = [] {
        s_previousHandler = qInstallMessageHandler(filterDriverNoise);
        return true;
    }();
    Q_UNUSED(installed);
}

bool Database::isRetryable(const QString &failure)
{
    return failure.contains(u"[SQLSTATE 40001]"_s) || failure.contains(u"[SQLSTATE 40P01]"_s);
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &values)
{
    if (m_dialect == Dialect::Postgres) {
        const auto id = scalar(sql + u" RETURNING id"_s, values);
        if (!id)
            return Error{id.error()};
        return id->toLongLong();
    }
    const auto query = run(sql, values);
    if (!query)
        return Error{query.error()};
    return (*query)->lastInsertId().toLongLong();
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
    if (m_dialect == Dialect::Postgres) {
        // A statement naming a missing table fails to parse: ask the catalogue first.
        if (!query.exec(u"SELECT to_regclass('deltaboard_schema') IS NOT NULL"_s) || !query.next())
            return -1;
        if (!query.value(0).toBool())
            return 0;
        if (!query.exec(u"SELECT version FROM deltaboard_schema"_s) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString Database::describe(const QSqlQuery &query)
{
    return describe(query.lastError());
}

QString Database::describe(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text();
    if (error.driverText().startsWith(u"QPSQL"_s)) {
        // libpq: "ERROR:  what\nDETAIL:  …\n(SQLSTATE)". One line: what, then the detail.
        const QString state = error.nativeErrorCode();
        QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        if (!lines.isEmpty() && lines.last().startsWith(u'('))
            lines.removeLast();
        for (QString &line : lines) {
            for (const QString &prefix : {u"ERROR:"_s, u"FATAL:"_s, u"DETAIL:"_s, u"HINT:"_s}) {
                if (line.startsWith(prefix))
                    line = line.mid(prefix.size());
            }
            line = line.trimmed();
        }
        text = lines.join(u"; "_s);
        // Integrity violations in SQLite's words, so one check serves both dialects.
        static const QPair<QString, QString> kClasses[] = {
            {u"23505"_s, u"UNIQUE constraint failed"_s},
            {u"23503"_s, u"FOREIGN KEY constraint failed"_s},
            {u"23514"_s, u"CHECK constraint failed"_s},
            {u"23502"_s, u"NOT NULL constraint failed"_s},
        };
        for (const auto &[code, words] : kClasses) {
            if (state == code)
                text = words + u": "_s + text;
        }
        if (!state.isEmpty())
            text += u" [SQLSTATE %1]"_s.arg(state);
    }
    return text;
}

Result<QSqlQuery *> Database::run(const QString &sql, const QVariantList &values)
{
    if (auto refused = refusedByScope())
        return *refused;
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            noteFailure(query);
            return Error{u"cannot prepare statement: %1"_s.arg(explain(query))};
        }
        it = m_statements.insert(sql, query);
    }
    QSqlQuery &query = it.value();
    query.finish();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        noteFailure(query);
        return Error{explain(query)};
    }
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
    if (auto refused = refusedByScope())
        return *refused;
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
    if (auto refused = refusedByScope())
        return *refused;
    QSqlQuery query(m_db);
    if (values.isEmpty()) {
        if (!query.exec(sql)) {
            noteFailure(query);
            return Error{explain(query)};
        }
        return {};
    }
    if (!query.prepare(sql)) {
        noteFailure(query);
        return Error{explain(query)};
    }
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        noteFailure(query);
        return Error{explain(query)};
    }
    return {};
}

Database::Repeated::Repeated(Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    const QVariant handle = db.m_db.driver()->handle();
    if (db.isPostgres()) {
        static const QRegularExpression insert(u"^(INSERT INTO .+ VALUES )(\\(\\?(?:, \\?)*\\))$"_s,
                                               QRegularExpression::DotMatchesEverythingOption);
        const auto match = insert.match(sql);
        if (match.hasMatch()) {
            m_insertHead = match.captured(1);
            m_rowPlaceholders = match.captured(2);
            m_columns = int(m_rowPlaceholders.count(u'?'));
        }
        return;
    }
    if (db.m_db.driverName() != u"QSQLITE"_s || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    // The same connection Qt uses (same thread, same transaction state).
    m_connection = *static_cast<sqlite3 *const *>(handle.constData());
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_connection, text.constData(), int(text.size()), &m_statement, nullptr)
        != SQLITE_OK) {
        m_prepareError = QString::fromUtf8(sqlite3_errmsg(m_connection));
        m_statement = nullptr;
    }
}

Database::Repeated::~Repeated()
{
    sqlite3_finalize(m_statement); // a no-op for null
}

Status Database::Repeated::flush()
{
    if (m_pendingRows == 0)
        return {};
    m_failedTag = -1;
    // Full batches share one prepared statement; the last, shorter one is run once.
    QStringList rows(m_pendingRows, m_rowPlaceholders);
    const QString sql = m_insertHead + rows.join(u", "_s);
    const QVariantList values = std::exchange(m_pending, {});
    const QList<qint64> tags = std::exchange(m_pendingTags, {});
    const int count = std::exchange(m_pendingRows, 0);
    const Status batch = m_db.attempt([&]() -> Status {
        if (count == kBatchRows) {
            const auto ran = m_db.run(sql, values);
            return ran ? Status() : Status(Error{ran.error()});
        }
        return m_db.execOnce(sql, values);
    });
    if (batch)
        return {};
    // Which row: each again on its own, until one fails.
    const QString single = m_insertHead + m_rowPlaceholders;
    for (int row = 0; row < count; ++row) {
        const QVariantList one = values.mid(qsizetype(row) * m_columns, m_columns);
        const Status ran = m_db.attempt([&]() -> Status {
            const auto done = m_db.run(single, one);
            return done ? Status() : Status(Error{done.error()});
        });
        if (!ran) {
            m_failedTag = tags.value(row, -1);
            return ran;
        }
    }
    return batch; // the rows pass alone and fail together (two alike within the batch)
}

Status Database::Repeated::run(const std::vector<Value> &values, qint64 tag)
{
    m_failedTag = tag;
    if (auto refused = m_db.refusedByScope())
        return *refused;
    if (!m_connection) {
        if (m_columns > 0 && int(values.size()) == m_columns) {
            for (const Value &value : values) {
                switch (value.kind) {
                case Value::Kind::Null: m_pending.append(QVariant()); break;
                case Value::Kind::Integer: m_pending.append(value.integer); break;
                case Value::Kind::Real: m_pending.append(value.real); break;
                case Value::Kind::Text: m_pending.append(QString::fromUtf8(value.text)); break;
                }
            }
            m_pendingTags.append(tag);
            if (++m_pendingRows == kBatchRows)
                return flush();
            return {};
        }
        QVariantList converted;
        for (const Value &value : values) {
            switch (value.kind) {
            case Value::Kind::Null: converted.append(QVariant()); break;
            case Value::Kind::Integer: converted.append(value.integer); break;
            case Value::Kind::Real: converted.append(value.real); break;
            case Value::Kind::Text: converted.append(QString::fromUtf8(value.text)); break;
            }
        }
        const auto ran = m_db.run(m_sql, converted);
        return ran ? Status() : Status(Error{ran.error()});
    }
    if (!m_statement)
        return Error{u"cannot prepare statement: %1"_s.arg(m_prepareError)};
    auto reset = qScopeGuard([this] {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    });
    for (int i = 0; i < int(values.size()); ++i) {
        const Value &value = values[std::size_t(i)];
        int bound = SQLITE_OK;
        switch (value.kind) {
        case Value::Kind::Null: bound = sqlite3_bind_null(m_statement, i + 1); break;
        case Value::Kind::Integer:
            bound = sqlite3_bind_int64(m_statement, i + 1, value.integer);
            break;
        case Value::Kind::Real: bound = sqlite3_bind_double(m_statement, i + 1, value.real); break;
        case Value::Kind::Text:
            // SQLITE_STATIC: the bytes outlive the step below (the caller's promise).
            bound = sqlite3_bind_text(m_statement, i + 1, value.text.data(), int(value.text.size()),
                                      SQLITE_STATIC);
            break;
        }
        if (bound != SQLITE_OK)
            return Error{QString::fromUtf8(sqlite3_errmsg(m_connection))};
    }
    const int step = sqlite3_step(m_statement);
    if (step == SQLITE_DONE || step == SQLITE_ROW)
        return {};
    m_db.m_lockTimedOut = (step & 0xff) == kSqliteBusy || (step & 0xff) == kSqliteLocked;
    return Error{QString::fromUtf8(sqlite3_errmsg(m_connection))};
}

void Database::setContentionHandlers(std::function<void()> waiting,
                                     std::function<bool(const QString &)> tryAgain)
{
    m_waiting = std::move(waiting);
    m_tryAgain = std::move(tryAgain);
}

std::optional<Error> Database::refusedByScope() const
{
    if (m_transactionDepth == 0 || m_beginFailure.isEmpty())
        return std::nullopt;
    return Error{m_beginFailure};
}

QString Database::explain(const QSqlQuery &query) const
{
    QString text = describe(query);
    if (text.isEmpty())
        text = u"the server closed the connection"_s;
    if (m_dialect == Dialect::Postgres) {
        PGconn *connection = postgresConnection(m_db);
        const QString state = query.lastError().nativeErrorCode();
        if ((connection && PQstatus(connection) != CONNECTION_OK) || state.startsWith(u"08"_s)
            || state == u"57P01"_s)
            return u"lost the connection to %1: %2"_s.arg(describeLocation(), text);
    }
    return text;
}

void Database::noteFailure(const QSqlQuery &query)
{
    if (m_dialect == Dialect::Postgres) {
        const QString state = query.lastError().nativeErrorCode();
        m_lockTimedOut = retryableState(state) || state == u"55P03"_s;
        return;
    }
    const int code = query.lastError().nativeErrorCode().toInt();
    // Extended codes (SQLITE_BUSY_SNAPSHOT…) keep the primary code in the low byte.
    m_lockTimedOut = (code & 0xff) == kSqliteBusy || (code & 0xff) == kSqliteLocked;
}

void Database::installBusyHandler(int timeoutMs, std::function<void()> waiting)
{
    m_busyTimeoutMs = std::max(0, timeoutMs);
    m_waiting = std::move(waiting);
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    sqlite3_busy_handler(connection, &Database::onBusy, this);
}

// SQLite calls this while another connection holds the lock it needs; returning 0 gives up
// (the call fails with SQLITE_BUSY), anything else tries again. It must not use the
// connection, so it only sleeps, measures and tells.
int Database::onBusy(void *database, int attempt)
{
    auto *db = static_cast<Database *>(database);
    if (attempt == 0) {
        db->m_waitClock.start();
        db->m_waitNoticed = false;
    }
    const qint64 waited = db->m_waitClock.elapsed();
    const int timeout = db->m_takingWriteLock ? db->m_busyTimeoutMs
                                              : std::max(db->m_busyTimeoutMs, kMinimumOtherWaitMs);
    if (waited >= timeout)
        return 0;
    if (!db->m_waitNoticed && waited >= kWaitNoticeMs) {
        db->m_waitNoticed = true;
        if (db->m_waiting)
            db->m_waiting();
    }
    // Short naps first (most waits are for a short write), then longer ones.
    static constexpr int kNaps[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50};
    const int nap = attempt < int(std::size(kNaps)) ? kNaps[attempt] : 100;
    sqlite3_sleep(int(std::min<qint64>(nap, timeout - waited)));
    return 1;
}

void Database::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_systemClock;
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (db.m_transactionDepth > 0) {
        ++db.m_transactionDepth;
        // Inside a scope that could not begin, this one failed too.
        if (!db.m_beginFailure.isEmpty())
            m_status = Error{db.m_beginFailure};
        return;
    }
    m_outermost = true;
    db.m_rollbackOnly = false;
    db.m_beginFailure.clear();
    // IMMEDIATE takes the write lock now, so two writers queue on the busy handler instead of
    // one failing at its first write (SQLite's dialect; PostgreSQL's BEGIN needs no such hint).
    // The depth is counted only once the scope has begun or given up: whatever runs while the
    // user is asked whether to try again is not inside this scope.
    while (true) {
        QSqlQuery begin(db.m_db);
        db.m_takingWriteLock = true;
        const bool begun
            = begin.exec(db.m_dialect == Dialect::Postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s);
        db.m_takingWriteLock = false;
        if (begun) {
            m_status = {}; // an earlier attempt may have failed
            db.m_lockTimedOut = false;
            ++db.m_transactionDepth;
            return;
        }
        db.noteFailure(begin);
        m_status = Error{
            db.m_lockTimedOut
                ? u"another program is writing to %1 and did not finish within %2 s; nothing "
                  u"was written (try again when it is done)"_s.arg(db.describeLocation())
                      .arg(db.m_busyTimeoutMs / 1000.0)
                : u"cannot start a transaction: %1"_s.arg(db.explain(begin))};
        if (!db.m_lockTimedOut || !db.m_tryAgain || !db.m_tryAgain(m_status.error()))
            break;
    }
    ++db.m_transactionDepth;
    // From here until this scope ends, every statement on this connection is refused.
    db.m_beginFailure = m_status.error();
}

Database::Transaction::~Transaction()
{
    if (!m_done) {
        if (!m_outermost)
            m_db.m_rollbackOnly = true;
        else if (m_status)
            (void)m_db.execOnce(u"ROLLBACK"_s);
    }
    if (--m_db.m_transactionDepth == 0)
        m_db.m_beginFailure.clear();
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
        // A COMMIT that failed leaves the transaction open: rolled back here, so a failure
        // reported is a change not written.
        (void)m_db.execOnce(u"ROLLBACK"_s);
        m_status = Error{u"cannot commit: %1"_s.arg(committed.error())};
    }
    return m_status;
}

} // namespace Deltaboard
