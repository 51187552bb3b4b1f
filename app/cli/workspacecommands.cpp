#include "boardstore.h"
#include "command.h"
#include "database.h"
#include "demogenerator.h"
#include "groupstore.h"
#include "inputtext.h"
#include "integritycheck.h"
#include "organisationstore.h"
#include "tableprinter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Creating, checking and filling a database; setting up its organisations, user groups and
// components.
namespace Deltaboard::Cli {

namespace {

Outcome cmdInit(Context &context)
{
    const bool existed = QFileInfo::exists(context.databasePath);
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    context.out << (existed ? "opened " : "created ") << context.databasePath << " (schema version "
                << (*db)->schemaVersion() << ")\n";
    return {};
}

Outcome cmdCheck(Context &context)
{
    Database::Options options = databaseOptions(context);
    options.createIfMissing = false;
    options.migrate = false;
    const auto opened = Database::open(context.databasePath, options);
    if (!opened)
        return Failed{opened.error()};
    const QList<IntegrityCheck::Finding> findings = IntegrityCheck(**opened).run();
    for (const IntegrityCheck::Finding &finding : findings)
        context.out << finding.what << ": "
                    << (finding.problem.isEmpty() ? u"ok"_s : finding.problem) << '\n';
    if (!IntegrityCheck::healthy(findings))
        return Failed{u"%1 has problems (see above)"_s.arg(context.databasePath)};
    return {};
}

Outcome cmdDemo(Context &context)
{
    DemoGenerator::Parameters parameters;
    const auto deltas = parseCount(context, u"deltas"_s, parameters.deltas, 1);
    const auto tasks = parseCount(context, u"tasks"_s, parameters.tasks, 0);
    const auto organisations = parseCount(context, u"orgs"_s, parameters.organisations, 1);
    const auto groups = parseCount(context, u"groups"_s, parameters.groups, 1);
    const auto seed = parseCount(context, u"seed"_s, int(parameters.seed), 0);
    for (const auto *value : {&deltas, &tasks, &organisations, &groups, &seed}) {
        if (!*value)
            return usage(value->error());
    }
    parameters.deltas = *deltas;
    parameters.tasks = *tasks;
    parameters.organisations = *organisations;
    parameters.groups = *groups;
    parameters.seed = quint32(*seed);

    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    QElapsedTimer timer;
    timer.start();
    const auto counts = DemoGenerator(**db).generate(parameters);
    if (!counts)
        return Failed{counts.error()};
    const double seconds = double(timer.elapsed()) / 1000.0;
    context.out << u"demo: %1 deltas (%2 crash reports), %3 tasks with %4 moves, %5 priorities, "
                   u"%6 impacts, %7 comments; %8 rows in %9 s\n"_s.arg(counts->deltas)
                       .arg(counts->crashReports)
                       .arg(counts->tasks)
                       .arg(counts->moves)
                       .arg(counts->priorities)
                       .arg(counts->impacts)
                       .arg(counts->comments)
                       .arg(counts->rows)
                       .arg(seconds, 0, 'f', 2);
    return {};
}

Outcome cmdListOrganisations(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto organisations = OrganisationStore(*request->db).list();
    if (!organisations)
        return Failed{organisations.error()};
    if (request->json) {
        QJsonArray array;
        for (const Organisation &organisation : *organisations) {
            array.append(QJsonObject{{u"id"_s, organisation.id},
                                     {u"name"_s, organisation.name},
                                     {u"created_at"_s, organisation.createdAt}});
        }
        printJson(context.out, array);
        return {};
    }
    if (organisations->isEmpty()) {
        context.out << "no organisations yet: add one with 'deltaboard-cli org add NAME'\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"NAME"_s, u"CREATED"_s});
    for (const Organisation &organisation : *organisations)
        table.addRow({QString::number(organisation.id), organisation.name, organisation.createdAt});
    table.print(context.out);
    return {};
}

// For each record, the names of what it is linked to: the components a group uses, the groups
// that use a component.
template<typename Record, typename Lookup>
Result<QList<QStringList>> linkedNames(const QList<Record> &records, Lookup lookup)
{
    QList<QStringList> all;
    for (const Record &record : records) {
        const auto linked = lookup(record.id);
        if (!linked)
            return Error{linked.error()};
        QStringList names;
        for (const auto &item : *linked)
            names.append(item.name);
        all.append(names);
    }
    return all;
}

Outcome cmdListGroups(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    GroupStore store(*request->db);
    const auto groups = store.groups();
    if (!groups)
        return Failed{groups.error()};
    const auto linked
        = linkedNames(*groups, [&store](qint64 id) { return store.componentsUsedBy(id); });
    if (!linked)
        return Failed{linked.error()};
    const QList<QStringList> &used = *linked;
    if (request->json) {
        QJsonArray array;
        for (qsizetype i = 0; i < groups->size(); ++i) {
            const UserGroup &group = groups->at(i);
            array.append(QJsonObject{
                {u"id"_s, group.id},
                {u"name"_s, group.name},
                {u"size"_s, group.size ? QJsonValue(*group.size) : QJsonValue(QJsonValue::Null)},
                {u"description"_s, group.description},
                {u"components"_s, QJsonArray::fromStringList(used.at(i))}});
        }
        printJson(context.out, array);
        return {};
    }
    if (groups->isEmpty()) {
        context.out
            << "no user groups yet: add one with 'deltaboard-cli group add NAME --size N'\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"NAME"_s, u"USERS"_s, u"COMPONENTS"_s, u"DESCRIPTION"_s},
                       {0, 0, 0, 40, 60});
    for (qsizetype i = 0; i < groups->size(); ++i) {
        const UserGroup &group = groups->at(i);
        table.addRow({QString::number(group.id), group.name,
                      group.size ? QString::number(*group.size) : u"-"_s, used.at(i).join(u", "_s),
                      group.description});
    }
    table.print(context.out);
    return {};
}

Outcome cmdListComponents(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    GroupStore store(*request->db);
    const auto components = store.components();
    if (!components)
        return Failed{components.error()};
    const auto linked
        = linkedNames(*components, [&store](qint64 id) { return store.groupsUsing(id); });
    if (!linked)
        return Failed{linked.error()};
    const QList<QStringList> &users = *linked;
    if (request->json) {
        QJsonArray array;
        for (qsizetype i = 0; i < components->size(); ++i) {
            const Component &component = components->at(i);
            array.append(QJsonObject{{u"id"_s, component.id},
                                     {u"name"_s, component.name},
                                     {u"description"_s, component.description},
                                     {u"used_by"_s, QJsonArray::fromStringList(users.at(i))}});
        }
        printJson(context.out, array);
        return {};
    }
    if (components->isEmpty()) {
        context.out << "no components yet: add one with 'deltaboard-cli component add NAME'\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"NAME"_s, u"USED BY"_s, u"DESCRIPTION"_s}, {0, 0, 50, 60});
    for (qsizetype i = 0; i < components->size(); ++i) {
        const Component &component = components->at(i);
        table.addRow({QString::number(component.id), component.name, users.at(i).join(u", "_s),
                      component.description});
    }
    table.print(context.out);
    return {};
}

Outcome cmdOrgAdd(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"org add"_s, 1, 1, u"one NAME"_s))
        return bad;
    const auto kind = BoardStore::templateNamed(context.parser.value(u"template"_s));
    if (!kind)
        return usage(u"--template: "_s + kind.error());
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    const auto organisation = OrganisationStore(**db).create(context.arguments.first(), *kind);
    if (!organisation)
        return Failed{organisation.error()};
    context.out << organisation->id << '\n';
    return {};
}

Outcome cmdOrgRename(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"org rename"_s, 2, 2, u"ORG NEW_NAME"_s))
        return bad;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = findOrganisation(**db, context.arguments.at(0));
    if (!organisation)
        return Failed{organisation.error()};
    if (const Status renamed
        = OrganisationStore(**db).rename(organisation->id, context.arguments.at(1));
        !renamed) {
        return Failed{renamed.error()};
    }
    return {};
}

Outcome cmdOrgRemove(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"org remove"_s, 1, 1, u"one ORG"_s))
        return bad;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = findOrganisation(**db, context.arguments.first());
    if (!organisation)
        return Failed{organisation.error()};
    if (const auto removed = OrganisationStore(**db).remove(organisation->id); !removed)
        return Failed{removed.error()};
    return {};
}

Outcome cmdGroupAdd(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"group add"_s, 1, 1, u"one NAME"_s))
        return bad;
    const auto size = parseOptionalCount(context, u"size"_s, 0, std::nullopt);
    if (!size)
        return usage(size.error());
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    const auto group = GroupStore(**db).createGroup(
        context.arguments.first(), context.parser.value(u"description"_s),
        size->has_value() ? std::optional<qint64>(**size) : std::nullopt);
    if (!group)
        return Failed{group.error()};
    context.out << group->id << '\n';
    return {};
}

Outcome cmdGroupSet(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"group set"_s, 1, 1, u"one GROUP"_s))
        return bad;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    auto group = findGroup(**db, context.arguments.first());
    if (!group)
        return Failed{group.error()};
    UserGroup changed = *group;
    const std::optional<int> sizeBefore
        = group->size ? std::optional<int>(int(*group->size)) : std::nullopt;
    const auto size = parseOptionalCount(context, u"size"_s, 0, sizeBefore);
    if (!size)
        return usage(size.error());
    changed.size = size->has_value() ? std::optional<qint64>(**size) : std::nullopt;
    if (context.parser.isSet(u"name"_s))
        changed.name = context.parser.value(u"name"_s);
    if (context.parser.isSet(u"description"_s))
        changed.description = context.parser.value(u"description"_s);
    if (const Status updated = GroupStore(**db).updateGroup(changed); !updated)
        return Failed{updated.error()};
    return {};
}

Outcome cmdGroupRemove(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"group remove"_s, 1, 1, u"one GROUP"_s))
        return bad;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto group = findGroup(**db, context.arguments.first());
    if (!group)
        return Failed{group.error()};
    if (const auto removed = GroupStore(**db).removeGroup(group->id); !removed)
        return Failed{removed.error()};
    return {};
}

Outcome cmdComponentAdd(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"component add"_s, 1, 1, u"one NAME"_s))
        return bad;
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    const auto component = GroupStore(**db).createComponent(context.arguments.first(),
                                                            context.parser.value(u"description"_s));
    if (!component)
        return Failed{component.error()};
    context.out << component->id << '\n';
    return {};
}

Outcome cmdComponentRemove(Context &context)
{
    if (const Outcome bad
        = expectArguments(context, u"component remove"_s, 1, 1, u"one COMPONENT"_s)) {
        return bad;
    }
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto component = findComponent(**db, context.arguments.first());
    if (!component)
        return Failed{component.error()};
    if (const auto removed = GroupStore(**db).removeComponent(component->id); !removed)
        return Failed{removed.error()};
    return {};
}

Outcome cmdComponentUse(Context &context)
{
    if (const Outcome bad
        = expectArguments(context, u"component use"_s, 2, std::numeric_limits<qsizetype>::max(),
                          u"COMPONENT GROUP..."_s)) {
        return bad;
    }
    const bool stop = context.parser.isSet(u"stop"_s);
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto component = findComponent(**db, context.arguments.first());
    if (!component)
        return Failed{component.error()};
    QList<qint64> groupIds;
    for (const QString &name : context.arguments.mid(1)) {
        const auto group = findGroup(**db, name);
        if (!group)
            return Failed{group.error()};
        groupIds.append(group->id);
    }
    // All the groups or none: one transaction.
    Transaction transaction(**db);
    GroupStore store(**db);
    for (const qint64 groupId : std::as_const(groupIds)) {
        const Status changed = stop ? store.unsetGroupUsesComponent(groupId, component->id)
                                    : store.setGroupUsesComponent(groupId, component->id);
        if (!changed)
            return Failed{changed.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Failed{committed.error()};
    return {};
}

} // namespace

QList<Command> workspaceCommands()
{
    return {
        {u"init"_s,
         {},
         u"Create the database (or upgrade it) and print its schema version."_s,
         {},
         cmdInit},
        {u"check"_s,
         {},
         u"Check integrity, foreign keys, schema version and search index."_s,
         {},
         cmdCheck},
        {u"demo"_s,
         {},
         u"Fill an empty database with a generated, realistic workspace."_s,
         {{u"deltas"_s, u"Number of deltas (2000)."_s, u"N"_s},
          {u"tasks"_s, u"Number of tasks (400)."_s, u"M"_s},
          {u"orgs"_s, u"Number of organisations (4)."_s, u"K"_s},
          {u"groups"_s, u"Number of user groups (6)."_s, u"G"_s},
          {u"seed"_s, u"Random seed; the same seed gives the same data (1)."_s, u"S"_s}},
         cmdDemo},
        {u"list orgs"_s, {}, u"List organisations."_s, {formatOption()}, cmdListOrganisations},
        {u"list groups"_s,
         {},
         u"List user groups with their sizes and components."_s,
         {formatOption()},
         cmdListGroups},
        {u"list components"_s,
         {},
         u"List components and the groups that use them."_s,
         {formatOption()},
         cmdListComponents},
        {u"org add"_s,
         u"NAME"_s,
         u"Add an organisation with a board from a template; prints its id."_s,
         {{u"template"_s, u"The board: kanban (default) or simple."_s, u"TEMPLATE"_s, u"kanban"_s}},
         cmdOrgAdd},
        {u"org rename"_s, u"ORG NEW_NAME"_s, u"Rename an organisation."_s, {}, cmdOrgRename},
        {u"org remove"_s,
         u"ORG"_s,
         u"Remove an organisation that owns no tasks and has set no priorities."_s,
         {},
         cmdOrgRemove},
        {u"group add"_s,
         u"NAME"_s,
         u"Add a user group; prints its id."_s,
         {{u"size"_s, u"How many users the group has (weights its impact)."_s, u"N"_s},
          {u"description"_s, u"Who the group is."_s, u"TEXT"_s}},
         cmdGroupAdd},
        {u"group set"_s,
         u"GROUP"_s,
         u"Change a user group's name, size or description."_s,
         {{u"name"_s, u"The new name."_s, u"NAME"_s},
          {u"size"_s, u"How many users (none: unknown)."_s, u"N"_s},
          {u"description"_s, u"Who the group is."_s, u"TEXT"_s}},
         cmdGroupSet},
        {u"group remove"_s,
         u"GROUP"_s,
         u"Remove a user group no impact is assessed for."_s,
         {},
         cmdGroupRemove},
        {u"component add"_s,
         u"NAME"_s,
         u"Add a component (a part of the code); prints its id."_s,
         {{u"description"_s, u"What it is."_s, u"TEXT"_s}},
         cmdComponentAdd},
        {u"component remove"_s,
         u"COMPONENT"_s,
         u"Remove a component no delta is in."_s,
         {},
         cmdComponentRemove},
        {u"component use"_s,
         u"COMPONENT GROUP..."_s,
         u"Record that user groups use a component (with --stop: no longer)."_s,
         {{u"stop"_s, u"The groups stop using it."_s}},
         cmdComponentUse},
    };
}

} // namespace Deltaboard::Cli
