#include "migrator.h"

#include "database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

Result<Migrator> loadFrom(const QString &directory, bool baseline = false)
{
    static const QRegularExpression pattern(u"^(\\d{4})_[a-z0-9_]+\\.sql$"_s);
    const QDir dir(directory);
    QList<Migration> migrations;
    const QStringList names = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            return Error{u"migration %1: expected a name like 0002_what.sql"_s.arg(name)};
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error{u"migration %1: cannot read it: %2"_s.arg(name, file.errorString())};
        migrations.append({match.captured(1).toInt(), name, QString::fromUtf8(file.readAll())});
    }
    const int first = baseline && !migrations.isEmpty()
                          ? std::min_element(migrations.cbegin(), migrations.cend(),
                                             [](const Migration &a, const Migration &b) {
                                                 return a.version < b.version;
                                             })
                                ->version
                          : 1;
    return Migrator::fromList(std::move(migrations), first);
}

// Copies of a database being written are named "<db>.v<N>-<time>-p<pid>.backup.partial" and
// renamed when complete; a process killed while writing one leaves it, and the next upgrade of
// the same file removes the partial copies of processes that are gone.
constexpr auto kPartial = ".partial";

bool processIsAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

void removeAbandonedCopies(const QString &databasePath)
{
    const QFileInfo database(databasePath);
    const QDir folder = database.absoluteDir();
    static const QRegularExpression pid(u"-p(\\d+)(?:-\\d+)?\\.backup\\.partial$"_s);
    const QStringList partials = folder.entryList(
        {database.fileName() + u".v*.backup"_s + QLatin1StringView(kPartial)}, QDir::Files);
    for (const QString &name : partials) {
        const auto match = pid.match(name);
        if (match.hasMatch() && !processIsAlive(match.captured(1).toLongLong()))
            QFile::remove(folder.filePath(name));
    }
}

// A complete copy of the database as it is, under a name no other process uses, written whole
// before it gets that name.
Result<QString> backUp(Database &db, int version)
{
    removeAbandonedCopies(db.path());
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMddTHHmmss"_s);
    const qint64 pid = QCoreApplication::applicationPid();
    QString copy;
    for (int n = 0; copy.isEmpty() || QFileInfo::exists(copy); ++n) {
        copy = u"%1.v%2-%3-p%4%5.backup"_s.arg(db.path()).arg(version).arg(stamp).arg(pid).arg(
            n ? u"-%1"_s.arg(n) : QString());
    }
    const QString partial = copy + QLatin1StringView(kPartial);
    QFile::remove(partial); // a leftover of this very pid, from an earlier process
    if (const Status written = db.execOnce(u"VACUUM INTO ?"_s, {partial}); !written) {
        QFile::remove(partial);
        return Error{u"cannot back up before upgrading to %1: %2"_s.arg(copy, written.error())};
    }
    if (!QFile::rename(partial, copy)) {
        QFile::remove(partial);
        return Error{u"cannot back up before upgrading: cannot name the copy %1"_s.arg(copy)};
    }
    return copy;
}

} // namespace

const Migrator &Migrator::builtin(Database::Dialect dialect)
{
    // The resources are part of the binary: failing to read them is a build defect, not input.
    static const Migrator sqlite = [] {
        auto loaded = loadFrom(u":/migrations"_s);
        if (!loaded)
            qFatal("built-in migrations are broken: %s", qPrintable(loaded.error()));
        return std::move(loaded).value();
    }();
    static const Migrator postgres = [] {
        auto loaded = loadFrom(u":/migrations-postgresql"_s, true);
        if (!loaded)
            qFatal("built-in PostgreSQL migrations are broken: %s", qPrintable(loaded.error()));
        if (loaded->latestVersion() != sqlite.latestVersion())
            qFatal("the PostgreSQL migrations end at version %d, SQLite's at %d",
                   loaded->latestVersion(), sqlite.latestVersion());
        return std::move(loaded).value();
    }();
    return dialect == Database::Dialect::Postgres ? postgres : sqlite;
}

Result<Migrator> Migrator::fromDirectory(const QString &directory)
{
    if (!QFileInfo(directory).isDir())
        return Error{u"%1 is not a folder of migrations"_s.arg(directory)};
    return loadFrom(directory);
}

Result<Migrator> Migrator::fromList(QList<Migration> migrations, int first)
{
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (int i = 0; i < migrations.size(); ++i) {
        if (migrations.at(i).version != first + i) {
            return Error{u"migration %1: expected version %2 (versions run 1, 2, 3... with no "
                         u"gaps or repeats)"_s.arg(migrations.at(i).name)
                             .arg(first + i)};
        }
    }
    Migrator migrator;
    migrator.m_migrations = std::move(migrations);
    return migrator;
}

Status Migrator::migratePostgres(Database &db, int current) const
{
    if (current > 0 && current < m_migrations.first().version) {
        return Error{
            u"schema version %1 predates PostgreSQL support (version %2)"_s.arg(current).arg(
                m_migrations.first().version)};
    }
    for (const Migration &migration : m_migrations) {
        if (migration.version <= current)
            continue;
        Transaction transaction(db);
        if (!transaction.status())
            return transaction.status();
        // One migrating client at a time; another may have finished while this one waited.
        // The key is our application id, not input.
        if (const Status locked
            = db.execOnce(u"SELECT pg_advisory_xact_lock(?)"_s, {qint64(kApplicationId)});
            !locked) {
            return locked;
        }
        const int now = db.schemaVersion();
        if (now >= migration.version) {
            current = now;
            continue;
        }
        // The whole file at once: PostgreSQL runs a script of several statements in one call,
        // and PL/pgSQL bodies keep their own semicolons.
        if (const Status done = db.execOnce(migration.sql); !done)
            return Error{u"migration %1 failed: %2"_s.arg(migration.name, done.error())};
        if (const Status stamped
            = db.execOnce(u"UPDATE deltaboard_schema SET version = ?"_s, {migration.version});
            !stamped) {
            return stamped;
        }
        if (const Status committed = transaction.commit(); !committed)
            return committed;
        current = migration.version;
    }
    return {};
}

QStringList Migrator::splitStatements(const QString &sql)
{
    // sqlite3_complete() knows SQLite's grammar for "is this a whole statement": semicolons in
    // strings, comments and CREATE TRIGGER bodies do not end a statement.
    QStringList statements;
    QString pending;
    const QStringList lines = sql.split(u'\n');
    for (const QString &line : lines) {
        pending += line;
        pending += u'\n';
        if (sqlite3_complete(pending.toUtf8().constData())) {
            const QString statement = pending.trimmed();
            if (!statement.isEmpty())
                statements.append(statement);
            pending.clear();
        }
    }
    // What remains is comments or whitespace, or an unterminated statement.
    const QString rest = pending.trimmed();
    bool onlyComments = true;
    for (const QString &line : rest.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u"--"_s))
            onlyComments = false;
    }
    if (!onlyComments)
        statements.append(rest); // executing it reports the syntax error with its text
    return statements;
}

Status Migrator::migrate(Database &db, bool existing, QString *backupPath) const
{
    const int target = latestVersion();
    int current = db.schemaVersion();
    if (current < 0)
        return Error{u"cannot read the schema version"_s};
    if (current == target)
        return {};
    if (current > target) {
        return Error{
            u"schema version %1 is newer than this Deltaboard understands (up to %2)"_s.arg(current)
                .arg(target)};
    }

    if (db.isPostgres())
        return migratePostgres(db, current);

    QString copy;
    if (existing && current > 0) {
        const auto taken = backUp(db, current);
        if (!taken)
            return Error{taken.error()};
        copy = *taken;
    }
    bool applied = false;
    // Whatever happens below, the caller hears where the copy is only if this process upgraded;
    // a copy taken by a process that found the work done by another is removed again.
    const auto settleBackup = qScopeGuard([&] {
        if (copy.isEmpty())
            return;
        if (applied && backupPath)
            *backupPath = copy;
        else if (!applied)
            QFile::remove(copy);
    });

    for (const Migration &migration : m_migrations) {
        if (migration.version <= current)
            continue;
        Transaction transaction(db);
        if (!transaction.status())
            return transaction.status();
        // Another process may have migrated while we waited for the write lock.
        const int now = db.schemaVersion();
        if (now >= migration.version) {
            current = now;
            continue;
        }
        const QStringList statements = splitStatements(migration.sql);
        for (const QString &statement : statements) {
            if (const Status done = db.execOnce(statement); !done) {
                return Error{u"migration %1 failed: %2 (in: %3)"_s.arg(
                    migration.name, done.error(), statement.left(80).simplified())};
            }
        }
        // PRAGMA takes no bound parameters; both values are our own integers, not input.
        const QString stamp = u"PRAGMA user_version = %1"_s.arg(migration.version);
        if (const Status stamped = db.execOnce(stamp); !stamped)
            return stamped;
        if (migration.version == 1) {
            const QString mark = u"PRAGMA application_id = %1"_s.arg(kApplicationId);
            if (const Status marked = db.execOnce(mark); !marked)
                return marked;
        }
        if (const Status committed = transaction.commit(); !committed)
            return committed;
        applied = true;
        current = migration.version;
    }
    return {};
}

} // namespace Deltaboard
