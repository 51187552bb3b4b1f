#include "command.h"
#include "commentstore.h"
#include "crashparser.h"
#include "crashstore.h"
#include "database.h"
#include "deltastore.h"
#include "demogenerator.h"
#include "flowreports.h"
#include "groupstore.h"
#include "history.h"
#include "historyformatter.h"
#include "inputfile.h"
#include "inputtext.h"
#include "integritycheck.h"
#include "jsondump.h"
#include "migrator.h"
#include "organisationstore.h"
#include "paths.h"
#include "reports.h"
#include "tableprinter.h"
#include "taskstore.h"
#include "trackerimport.h"
#include "triagereports.h"
#include "triagestore.h"
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <functional>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Creating, checking and filling a database; its organisations and groups.
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
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisations = OrganisationStore(**db).list();
    if (!organisations)
        return Failed{organisations.error()};
    TablePrinter table({u"ID"_s, u"NAME"_s, u"CREATED"_s});
    for (const Organisation &organisation : *organisations)
        table.addRow({QString::number(organisation.id), organisation.name, organisation.createdAt});
    table.print(context.out);
    return {};
}

Outcome cmdListGroups(Context &context)
{
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto groups = GroupStore(**db).groups();
    if (!groups)
        return Failed{groups.error()};
    TablePrinter table({u"ID"_s, u"NAME"_s, u"USERS"_s, u"DESCRIPTION"_s}, {0, 0, 0, 60});
    for (const UserGroup &group : *groups) {
        table.addRow({QString::number(group.id), group.name,
                      group.size ? QString::number(*group.size) : u"-"_s, group.description});
    }
    table.print(context.out);
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
        {u"list orgs"_s, {}, u"List organisations."_s, {}, cmdListOrganisations},
        {u"list groups"_s, {}, u"List user groups."_s, {}, cmdListGroups},
    };
}

} // namespace Deltaboard::Cli
