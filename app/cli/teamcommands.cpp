#include "command.h"
#include "inputfile.h"
#include "tableprinter.h"
#include "teamstore.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

// The team of a team database: logins, and what each may write (TeamStore).
namespace Deltaboard::Cli {

namespace {

// The password of 'team add-user': from a file (its first line), or given as it is.
Result<QString> password(const Context &context)
{
    const bool fromFile = context.parser.isSet(u"password-file"_s);
    if (fromFile && context.parser.isSet(u"password"_s))
        return Error{u"team add-user: give --password-file or --password, not both"_s};
    if (!fromFile)
        return context.parser.value(u"password"_s);
    const QString path = context.parser.value(u"password-file"_s);
    auto text = InputFile::read(path, 4096, u"a password file"_s);
    if (!text)
        return Error{text.error()};
    const QString first = QString::fromUtf8(*text).section(u'\n', 0, 0).trimmed();
    if (first.isEmpty())
        return Error{u"%1: line 1: expected the password, found an empty line"_s.arg(path)};
    return first;
}

// LOGIN ROLE [ORG] of 'team grant' and 'team revoke'.
struct RoleArguments
{
    QString login;
    TeamStore::Role role = TeamStore::Role::Reporter;
    qint64 organisationId = 0;
    QString organisationName;
};

Result<RoleArguments> roleArguments(const Context &context, Database &db, const QString &command)
{
    if (const Outcome bad = expectArguments(context, command, 2, 3, u"LOGIN ROLE [ORG]"_s))
        return Error{bad->message};
    RoleArguments parsed;
    parsed.login = context.arguments.at(0);
    const auto role = TeamStore::parseRole(context.arguments.at(1));
    if (!role)
        return Error{u"%1: %2"_s.arg(command, role.error())};
    parsed.role = *role;
    const bool member = parsed.role == TeamStore::Role::Member;
    if (member != (context.arguments.size() == 3)) {
        return Error{member ? u"%1: a member is a member of an organisation: expected LOGIN "
                              u"member ORG"_s.arg(command)
                            : u"%1: only 'member' takes an organisation"_s.arg(command)};
    }
    if (member) {
        const auto organisation = findOrganisation(db, context.arguments.at(2));
        if (!organisation)
            return Error{organisation.error()};
        parsed.organisationId = organisation->id;
        parsed.organisationName = organisation->name;
    }
    return parsed;
}

QString described(const RoleArguments &role)
{
    return role.role == TeamStore::Role::Member ? u"member of %1"_s.arg(role.organisationName)
                                                : TeamStore::roleName(role.role);
}

Outcome cmdAddUser(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"team add-user"_s, 1, 1, u"LOGIN"_s))
        return bad;
    const auto secret = password(context);
    if (!secret)
        return Failed{secret.error()};
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto added = TeamStore(**db).addUser(context.arguments.first(), *secret,
                                               context.parser.value(u"name"_s));
    if (!added)
        return Failed{added.error()};
    context.out << *added << '\n';
    return {};
}

Outcome changeRole(Context &context, bool grant)
{
    const QString command = grant ? u"team grant"_s : u"team revoke"_s;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto role = roleArguments(context, **db, command);
    if (!role)
        return usage(role.error());
    TeamStore team(**db);
    const Status done = grant ? team.grant(role->login, role->role, role->organisationId)
                              : team.revoke(role->login, role->role, role->organisationId);
    if (!done)
        return Failed{done.error()};
    context.out << (grant ? "granted " : "revoked ") << role->login << ": " << described(*role)
                << '\n';
    return {};
}

Outcome cmdRemoveUser(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"team remove-user"_s, 1, 1, u"LOGIN"_s))
        return bad;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    if (const Status removed = TeamStore(**db).removeUser(context.arguments.first()); !removed)
        return Failed{removed.error()};
    context.out << "removed " << context.arguments.first() << " from the team\n";
    return {};
}

Outcome cmdList(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto people = TeamStore(*request->db).list();
    if (!people)
        return Failed{people.error()};
    if (request->json) {
        QJsonArray array;
        for (const TeamStore::Person &person : *people) {
            array.append(QJsonObject{{u"login"_s, person.login},
                                     {u"name"_s, person.displayName},
                                     {u"roles"_s, QJsonArray::fromStringList(person.roles)},
                                     {u"changes"_s, person.changes},
                                     {u"last_change"_s, textOrNull(person.lastChange)}});
        }
        printJson(context.out, array);
        return {};
    }
    if (!request->db->isPostgres()) {
        context.out << "a file has no logins; who changed it, by its history:\n";
    } else if (people->isEmpty()) {
        context.out << "nobody is in the team yet; 'team add-user LOGIN' adds someone\n";
        return {};
    }
    TablePrinter table({u"LOGIN"_s, u"NAME"_s, u"ROLES"_s, u"CHANGES"_s, u"LAST CHANGE"_s});
    for (const TeamStore::Person &person : *people) {
        table.addRow({person.login, person.displayName,
                      person.roles.isEmpty() ? u"-"_s : person.roles.join(u", "_s),
                      QString::number(person.changes),
                      person.lastChange.isEmpty() ? u"-"_s : person.lastChange});
    }
    table.print(context.out);
    return {};
}

} // namespace

QList<Command> teamCommands()
{
    return {
        {u"team list"_s,
         {},
         u"List the team's logins, their roles and how much they changed."_s,
         {formatOption()},
         cmdList},
        {u"team add-user"_s,
         u"LOGIN"_s,
         u"Create a login on the team database (or take an existing one) and add it to the "
         u"team."_s,
         {{u"password-file"_s, u"Read the password from the first line of this file."_s, u"FILE"_s},
          {u"password"_s, u"The password (for scripts and tests; it shows in 'ps')."_s,
           u"PASSWORD"_s},
          {u"name"_s, u"The person's name, shown beside the login."_s, u"NAME"_s}},
         cmdAddUser},
        {u"team grant"_s,
         u"LOGIN ROLE [ORG]"_s,
         u"Give a role: admin, reporter, or member ORG (writes that organisation's "
         u"priorities, board and tasks)."_s,
         {},
         [](Context &context) {
             return changeRole(context, true);
         }},
        {u"team revoke"_s,
         u"LOGIN ROLE [ORG]"_s,
         u"Take a role away."_s,
         {},
         [](Context &context) {
             return changeRole(context, false);
         }},
        {u"team remove-user"_s,
         u"LOGIN"_s,
         u"Take a login out of the team (the database login itself stays)."_s,
         {},
         cmdRemoveUser},
    };
}

} // namespace Deltaboard::Cli
