#pragma once

#include "database.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Deltaboard {

struct Migration
{
    int version = 0; // NNNN of NNNN_what.sql
    QString name;    // the file name
    QString sql;
};

// Applies numbered migrations (DESIGN.md contract 4):
//  * in order, each in its own transaction together with the new PRAGMA user_version, so a kill
//    leaves the file at a whole version;
//  * an existing file is copied (VACUUM INTO, a consistent snapshot that includes the WAL) before
//    its first upgrade;
//  * a database whose version is newer than the newest migration is refused before anything is
//    written to it.
class Migrator
{
public:
    // The migrations compiled into the binary (Qt resources): migrations/*.sql for SQLite,
    // migrations/postgresql/*.sql for PostgreSQL. PostgreSQL's start at the schema version that
    // was current when PostgreSQL support came (a baseline that creates the whole schema).
    static const Migrator &builtin(Database::Dialect dialect = Database::Dialect::Sqlite);
    // Migrations from *.sql files in a directory; errors name the offending file.
    static Result<Migrator> fromDirectory(const QString &directory);
    // Checks that versions run 1, 2, 3... without gaps or repeats ('first': from that version,
    // for a baseline).
    static Result<Migrator> fromList(QList<Migration> migrations, int first = 1);

    int latestVersion() const { return m_migrations.isEmpty() ? 0 : m_migrations.last().version; }
    const QList<Migration> &migrations() const { return m_migrations; }

    // Brings the database to latestVersion(). 'existing' says whether the file held a Deltaboard
    // database before this open; only then is a backup taken, and its path stored in backupPath.
    // On PostgreSQL each migration runs whole in one transaction (DDL is transactional there, so
    // no copy is taken), under an advisory lock so that two clients never migrate at once.
    Status migrate(Database &db, bool existing, QString *backupPath) const;

    // Splits a script into complete statements (trigger bodies keep their inner semicolons).
    static QStringList splitStatements(const QString &sql);

    // 'DBD1': marks a file as a Deltaboard database (PRAGMA application_id).
    static constexpr int kApplicationId = 0x44424431;

private:
    Migrator() = default;
    Status migratePostgres(Database &db, int current) const;
    QList<Migration> m_migrations;
};

} // namespace Deltaboard
