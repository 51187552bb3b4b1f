#include "teamstore.h"

#include "teamrights.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deltaboard {

QString TeamStore::roleName(Role role)
{
    switch (role) {
    case Role::Admin: return u"admin"_s;
    case Role::Reporter: return u"reporter"_s;
    case Role::Member: return u"member"_s;
    }
    return {};
}

QStringList TeamStore::roleNames()
{
    return {roleName(Role::Admin), roleName(Role::Reporter), roleName(Role::Member)};
}

Result<TeamStore::Role> TeamStore::parseRole(const QString &text)
{
    for (const Role role : {Role::Admin, Role::Reporter, Role::Member}) {
        if (text.compare(roleName(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return Error{u"'%1' is not a role: expected admin, reporter or member"_s.arg(text)};
}

Status TeamStore::requireTeam() const
{
    if (m_db.isPostgres())
        return {};
    return Error{u"%1 is a file: teams, logins and roles are a team database's (PostgreSQL; see "
                 u"'deltaboard-cli copy')"_s.arg(m_db.describeLocation())};
}

namespace {

Status checkLogin(const QString &login)
{
    static const QRegularExpression pattern(u"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$"_s);
    if (pattern.match(login).hasMatch())
        return {};
    return Error{u"'%1' is not a usable login: expected up to 63 letters, digits, '_', '.', '@' "
                 u"or '-', starting with a letter or '_'"_s.arg(login)};
}

QString now(Database &db)
{
    return db.clock().nowText();
}

} // namespace

Result<QString> TeamStore::addUser(const QString &login, const QString &password,
                                   const QString &displayName)
{
    if (const Status team = requireTeam(); !team)
        return Error{team.error()};
    if (const Status valid = checkLogin(login); !valid)
        return Error{valid.error()};
    if (const Status allowed = TeamRights::toAdminister(m_db, u"add people to the team"_s);
        !allowed) {
        return Error{allowed.error()};
    }
    Transaction transaction(m_db);
    const auto exists
        = m_db.scalar(u"SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?"_s, {login});
    if (!exists)
        return Error{exists.error()};
    QString done;
    if (exists->isValid()) {
        if (!password.isEmpty()) {
            return Error{u"the login %1 exists already; its password is not changed here (ALTER "
                         u"ROLE, or leave the password out to add it to the team)"_s.arg(login)};
        }
        if (const Status enrolled = m_db.execOnce(u"SELECT deltaboard_enrol_login(?)"_s, {login});
            !enrolled) {
            return Error{u"cannot let %1 in: %2"_s.arg(login, enrolled.error())};
        }
        done = u"added the existing login %1 to the team"_s.arg(login);
    } else {
        QVariant verifier = QVariant(QMetaType::fromType<QString>());
        if (!password.isEmpty()) {
            const auto encrypted = m_db.encryptPassword(login, password);
            if (!encrypted)
                return Error{encrypted.error()};
            verifier = *encrypted;
        }
        if (const Status created
            = m_db.execOnce(u"SELECT deltaboard_create_login(?, ?)"_s, {login, verifier});
            !created) {
            return Error{u"cannot create the login %1: %2"_s.arg(login, created.error())};
        }
        done = u"created the login %1 and added it to the team"_s.arg(login);
    }
    const auto added = m_db.run(
        u"INSERT INTO team_members (login, display_name, added_at) VALUES (?, ?, ?) "
        u"ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name"_s,
        {login, displayName.trimmed().isEmpty() ? u""_s : displayName.trimmed(), now(m_db)});
    if (!added)
        return Error{u"cannot add %1 to the team: %2"_s.arg(login, added.error())};
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return done
           + u" (no role yet: 'team grant %1 reporter' or 'team grant %1 member ORG')"_s.arg(login);
}

Status TeamStore::grant(const QString &login, Role role, qint64 organisationId)
{
    if (const Status team = requireTeam(); !team)
        return team;
    if (const Status allowed = TeamRights::toAdminister(m_db, u"give roles"_s); !allowed)
        return allowed;
    Transaction transaction(m_db);
    const auto member = m_db.scalar(u"SELECT 1 FROM team_members WHERE login = ?"_s, {login});
    if (!member)
        return Error{member.error()};
    if (!member->isValid()) {
        return Error{u"%1 is not in the team: add it first with 'team add-user %1'"_s.arg(login)};
    }
    const QVariant organisation
        = role == Role::Member ? QVariant(organisationId) : QVariant(QMetaType::fromType<qint64>());
    const auto granted = m_db.run(u"INSERT INTO memberships (login, role, organisation_id) "
                                  u"VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                  {login, roleName(role), organisation});
    if (!granted)
        return Error{u"cannot give %1 the role: %2"_s.arg(login, granted.error())};
    return transaction.commit();
}

Status TeamStore::revoke(const QString &login, Role role, qint64 organisationId)
{
    if (const Status team = requireTeam(); !team)
        return team;
    if (const Status allowed = TeamRights::toAdminister(m_db, u"take roles away"_s); !allowed)
        return allowed;
    Transaction transaction(m_db);
    if (role == Role::Admin) {
        // Nobody but a superuser could give the team an admin again.
        const auto others = m_db.scalar(u"SELECT count(*) FROM memberships WHERE role = 'admin' "
                                        u"AND login <> ?"_s,
                                        {login});
        if (!others)
            return Error{others.error()};
        if (others->toLongLong() == 0)
            return Error{
                u"%1 is the team's last admin: make someone else admin first"_s.arg(login)};
    }
    const auto revoked
        = role == Role::Member
              ? m_db.run(u"DELETE FROM memberships WHERE login = ? AND role = 'member' AND "
                         u"organisation_id = ?"_s,
                         {login, organisationId})
              : m_db.run(u"DELETE FROM memberships WHERE login = ? AND role = ?"_s,
                         {login, roleName(role)});
    if (!revoked)
        return Error{revoked.error()};
    if ((*revoked)->numRowsAffected() == 0)
        return Error{u"%1 does not have that role"_s.arg(login)};
    return transaction.commit();
}

Status TeamStore::removeUser(const QString &login)
{
    if (const Status team = requireTeam(); !team)
        return team;
    if (const Status allowed = TeamRights::toAdminister(m_db, u"remove people from the team"_s);
        !allowed) {
        return allowed;
    }
    Transaction transaction(m_db);
    const auto removed = m_db.run(u"DELETE FROM team_members WHERE login = ?"_s, {login});
    if (!removed)
        return Error{removed.error()};
    if ((*removed)->numRowsAffected() == 0)
        return Error{u"%1 is not in the team"_s.arg(login)};
    if (const Status out = m_db.execOnce(u"SELECT deltaboard_let_in(?, false)"_s, {login}); !out)
        return Error{u"cannot keep %1 out: %2"_s.arg(login, out.error())};
    return transaction.commit();
}

Result<QList<TeamStore::Person>> TeamStore::list()
{
    QList<Person> people;
    if (!m_db.isPostgres()) {
        // A file has no logins: who wrote its history (history_by_actor).
        const auto actors = m_db.run(u"SELECT actor, max(changed_at), count(*) FROM history "
                                     u"GROUP BY actor ORDER BY actor"_s);
        if (!actors)
            return Error{actors.error()};
        while ((*actors)->next()) {
            people.append({(*actors)->value(0).toString(),
                           {},
                           {},
                           (*actors)->value(1).toString(),
                           (*actors)->value(2).toLongLong()});
        }
        return people;
    }
    const auto found = m_db.run(u"SELECT t.login, t.display_name, m.role, o.name, "
                                u"(SELECT max(changed_at) FROM history h WHERE h.actor = t.login), "
                                u"(SELECT count(*) FROM history h WHERE h.actor = t.login) "
                                u"FROM team_members t LEFT JOIN memberships m ON m.login = t.login "
                                u"LEFT JOIN organisations o ON o.id = m.organisation_id "
                                u"ORDER BY t.login, m.role, o.name"_s);
    if (!found)
        return Error{found.error()};
    while ((*found)->next()) {
        const QString login = (*found)->value(0).toString();
        if (people.isEmpty() || people.last().login != login) {
            people.append({login,
                           (*found)->value(1).toString(),
                           {},
                           (*found)->value(4).toString(),
                           (*found)->value(5).toLongLong()});
        }
        const QString role = (*found)->value(2).toString();
        if (role == u"member"_s)
            people.last().roles.append(u"member of %1"_s.arg((*found)->value(3).toString()));
        else if (!role.isEmpty())
            people.last().roles.append(role);
    }
    return people;
}

} // namespace Deltaboard
