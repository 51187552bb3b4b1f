#pragma once

#include "database.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Deltaboard {

// The people of a team database: PostgreSQL logins, who may read the workspace (team_members),
// and what each may write (memberships: admin, reporter, or member of an organisation). See
// migrations/postgresql/0006_team.sql for what each role may do; the server enforces it.
// Changing memberships is for admins; creating a login also needs PostgreSQL's CREATEROLE.
// On SQLite there are no logins: list() names who wrote the history, everything else refuses.
class TeamStore
{
public:
    explicit TeamStore(Database &db)
        : m_db(db)
    {}

    enum class Role { Admin, Reporter, Member };
    static QString roleName(Role role);
    static Result<Role> parseRole(const QString &text);
    static QStringList roleNames();

    struct Person
    {
        QString login;
        QString displayName;
        QStringList roles;  // "admin", "reporter", "member of Kestrel Systems"
        QString lastChange; // when the history last names the login; empty if never
        qint64 changes = 0; // history rows by the login
    };

    // Creates the login (with this password, or none: then it signs in as the server's
    // authentication allows, peer or certificate) and adds it to the team, in one transaction.
    // A login that exists already is added to the team as it is (its password unchanged,
    // 'password' must then be empty). Returns what was done, for the user.
    Result<QString> addUser(const QString &login, const QString &password,
                            const QString &displayName);
    // 'organisationId' for Role::Member only.
    Status grant(const QString &login, Role role, qint64 organisationId = 0);
    Status revoke(const QString &login, Role role, qint64 organisationId = 0);
    // Takes the login out of the team (its memberships too); the PostgreSQL role stays.
    Status removeUser(const QString &login);
    Result<QList<Person>> list();

private:
    Status requireTeam() const;
    Database &m_db;
};

} // namespace Deltaboard
