#pragma once

#include "result.h"

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

namespace Deltaboard {

// Where a Deltaboard database is: a file path, or a PostgreSQL server and database given as a
// libpq URL ('postgresql://user@host:5432/deltaboard', 'postgresql:///deltaboard?host=/run/
// postgresql', 'postgresql:///?service=team'). URLs are read by libpq itself (PQconninfoParse),
// so every libpq parameter and convention holds: ~/.pgpass, PGPASSWORD, PGSERVICE, PGHOST…
// A password written into the URL is refused: it would end up in shell histories, process lists
// and the app's recent connections.
class Location
{
public:
    enum class Kind { File, Postgres };

    static bool isUrl(const QString &text);
    // A path is taken as it is; a URL is parsed, and a malformed one is an error naming it.
    static Result<Location> parse(const QString &text);

    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    // What the user gave (a path, or the URL without any password).
    const QString &text() const { return m_text; }
    // For messages: the path, or 'database "deltaboard" on server db.example.org:5432'.
    QString describe() const;
    // PostgreSQL: the database name (empty: libpq's default, the user name).
    QString database() const { return value(QStringLiteral("dbname")); }
    // PostgreSQL: the same server with another database (the fixture's maintenance database,
    // a template clone).
    Location withDatabase(const QString &database) const;
    // PostgreSQL: the same server and database as another login (the team's clients).
    Location withUser(const QString &user) const;
    // PostgreSQL: a URL for the same server and database, without a password.
    QString url() const;

    // PostgreSQL: a QPSQL connection set up to reach this location (not yet opened). Any
    // parameter missing from the URL takes libpq's default; connect_timeout defaults to 10 s
    // and TCP keepalives are on, so a vanished server is an error, not a hang.
    Result<QSqlDatabase> addConnection(const QString &connectionName) const;

private:
    Location withParameter(const QString &keyword, const QString &value) const;
    QString value(const QString &keyword) const;

    Kind m_kind = Kind::File;
    QString m_text;
    QList<QPair<QString, QString>> m_parameters; // libpq keyword → value, in URL order
};

} // namespace Deltaboard
