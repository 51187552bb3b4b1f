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

// Reports across organisations and groups: the gap, disagreement, coverage, flow.
namespace Deltaboard::Cli {

namespace {

Outcome cmdGap(Context &context)
{
    const auto json = wantsJson(context);
    if (!json)
        return usage(json.error());
    const auto limit = parseCount(context, u"limit"_s, -1, 1);
    if (!limit)
        return usage(limit.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto rows = Reports(**db).gap(*limit);
    if (!rows)
        return Failed{rows.error()};
    if (*json) {
        QJsonArray array;
        for (const GapRow &row : *rows) {
            QJsonArray groups;
            for (const ImpactEntry &g : row.groups) {
                groups.append(QJsonObject{
                    {u"group"_s, g.group},
                    {u"level"_s, Levels::impactName(g.level)},
                    {u"affected_users"_s, g.affectedUsers ? QJsonValue(*g.affectedUsers)
                                                          : QJsonValue(QJsonValue::Null)}});
            }
            QJsonObject priorities;
            for (const PriorityEntry &p : row.priorities)
                priorities.insert(p.organisation, Levels::priorityName(p.level));
            array.append(QJsonObject{{u"id"_s, row.deltaId},
                                     {u"kind"_s, Levels::kindName(row.kind)},
                                     {u"title"_s, row.title},
                                     {u"top_impact"_s, Levels::impactName(row.topImpact)},
                                     {u"affected_users"_s, row.affectedUsers},
                                     {u"groups"_s, groups},
                                     {u"priorities"_s, priorities},
                                     {u"regressed"_s, row.regressed}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return {};
    }
    if (rows->isEmpty()) {
        context.out << "no commitment gap: every delta with high or critical impact has an open "
                       "task\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"KIND"_s, u"IMPACT"_s, u"USERS"_s, u"GROUPS HURT"_s,
                        u"PRIORITIES"_s, u"TITLE"_s},
                       {0, 0, 0, 0, 40, 48, 60});
    for (const GapRow &row : *rows) {
        QStringList groups;
        for (const ImpactEntry &g : row.groups)
            groups.append(u"%1 (%2)"_s.arg(g.group, Levels::impactName(g.level)));
        QStringList priorities;
        for (const PriorityEntry &p : row.priorities)
            priorities.append(u"%1: %2"_s.arg(p.organisation, Levels::priorityName(p.level)));
        table.addRow({QString::number(row.deltaId), Levels::kindName(row.kind),
                      Levels::impactName(row.topImpact), QString::number(row.affectedUsers),
                      groups.join(u", "_s),
                      priorities.isEmpty() ? u"(none)"_s : priorities.join(u", "_s),
                      row.regressed ? u"[REGRESSED] "_s + row.title : row.title});
    }
    table.print(context.out);
    return {};
}

Result<QDate> parseDate(const Context &context, const QString &option)
{
    if (!context.parser.isSet(option))
        return QDate();
    const QString text = context.parser.value(option);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return Error{u"--%1: expected a date like 2026-01-31, not '%2'"_s.arg(option, text)};
    return date;
}

QString levelText(const std::optional<int> &level)
{
    return level ? Levels::priorityName(*level) : u"-"_s;
}

Outcome cmdReportDisagreement(Context &context)
{
    const auto json = wantsJson(context);
    if (!json)
        return usage(json.error());
    if (!context.parser.isSet(u"org"_s) || !context.parser.isSet(u"vs"_s))
        return usage(u"report disagreement: --org ORG and --vs ORG are required"_s);
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto first = findOrganisation(**db, context.parser.value(u"org"_s));
    if (!first)
        return Failed{first.error()};
    const auto second = findOrganisation(**db, context.parser.value(u"vs"_s));
    if (!second)
        return Failed{second.error()};
    const auto rows
        = TriageReports(**db).disagreement(first->id, second->id, !context.parser.isSet(u"all"_s));
    if (!rows)
        return Failed{rows.error()};
    if (*json) {
        QJsonArray array;
        for (const DisagreementRow &row : *rows) {
            array.append(QJsonObject{
                {u"id"_s, row.deltaId},
                {u"kind"_s, Levels::kindName(row.kind)},
                {u"title"_s, row.title},
                {first->name, row.first ? QJsonValue(Levels::priorityName(*row.first))
                                        : QJsonValue(QJsonValue::Null)},
                {second->name, row.second ? QJsonValue(Levels::priorityName(*row.second))
                                          : QJsonValue(QJsonValue::Null)},
                {u"strong"_s, row.strong}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return {};
    }
    if (rows->isEmpty()) {
        context.out << "no strong disagreement between " << first->name << " and " << second->name
                    << '\n';
        return {};
    }
    TablePrinter table({u"ID"_s, u"KIND"_s, first->name.toUpper(), second->name.toUpper(),
                        u"STRONG"_s, u"TITLE"_s},
                       {0, 0, 0, 0, 0, 72});
    for (const DisagreementRow &row : *rows) {
        table.addRow({QString::number(row.deltaId), Levels::kindName(row.kind),
                      levelText(row.first), levelText(row.second), row.strong ? u"yes"_s : u"-"_s,
                      row.title});
    }
    table.print(context.out);
    return {};
}

Outcome cmdReportCoverage(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto rows = TriageReports(*request->db).coverage();
    if (!rows)
        return Failed{rows.error()};
    if (request->json) {
        QJsonArray array;
        for (const CoverageRow &row : *rows) {
            array.append(QJsonObject{
                {u"group"_s, row.group},
                {u"size"_s, row.size ? QJsonValue(*row.size) : QJsonValue(QJsonValue::Null)},
                {u"uncommitted"_s, row.uncommitted},
                {u"committed"_s, row.committed},
                {u"in_progress"_s, row.inProgress},
                {u"done"_s, row.done},
                {u"verified"_s, row.verified},
                {u"impacted"_s, row.total()}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return {};
    }
    TablePrinter table({u"GROUP"_s, u"IMPACTED"_s, u"UNCOMMITTED"_s, u"COMMITTED"_s,
                        u"IN PROGRESS"_s, u"DONE"_s, u"VERIFIED"_s});
    for (const CoverageRow &row : *rows) {
        table.addRow({row.group, QString::number(row.total()), QString::number(row.uncommitted),
                      QString::number(row.committed), QString::number(row.inProgress),
                      QString::number(row.done), QString::number(row.verified)});
    }
    table.print(context.out);
    return {};
}

Outcome cmdReportCfd(Context &context)
{
    const QString format = context.parser.value(u"format"_s);
    if (format != u"csv"_s && format != u"json"_s)
        return usage(u"--format: expected csv or json, not '%1'"_s.arg(format));
    if (!context.parser.isSet(u"org"_s))
        return usage(u"report cfd: --org ORG is required"_s);
    const auto from = parseDate(context, u"from"_s);
    const auto to = parseDate(context, u"to"_s);
    if (!from || !to)
        return usage(from ? to.error() : from.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = findOrganisation(**db, context.parser.value(u"org"_s));
    if (!organisation)
        return Failed{organisation.error()};
    const auto flow = FlowReports(**db).cumulativeFlow(organisation->id, *from, *to);
    if (!flow)
        return Failed{flow.error()};
    if (format == u"json"_s) {
        QJsonArray columns;
        for (const BoardColumn &column : flow->columns)
            columns.append(column.name);
        QJsonArray days;
        for (int i = 0; i < flow->days.size(); ++i) {
            QJsonArray counts;
            for (const int count : flow->counts.at(i))
                counts.append(count);
            days.append(QJsonObject{{u"date"_s, flow->days.at(i).toString(Qt::ISODate)},
                                    {u"counts"_s, counts}});
        }
        context.out << QJsonDocument(QJsonObject{{u"organisation"_s, organisation->name},
                                                 {u"columns"_s, columns},
                                                 {u"days"_s, days}})
                           .toJson(QJsonDocument::Indented);
        return {};
    }
    // CSV: one row per day, one column per board column, names quoted as RFC 4180 wants.
    QStringList header{u"date"_s};
    for (const BoardColumn &column : flow->columns)
        header.append(u'"' + QString(column.name).replace(u'"', u"\"\""_s) + u'"');
    context.out << header.join(u',') << '\n';
    for (int i = 0; i < flow->days.size(); ++i) {
        QStringList row{flow->days.at(i).toString(Qt::ISODate)};
        for (const int count : flow->counts.at(i))
            row.append(QString::number(count));
        context.out << row.join(u',') << '\n';
    }
    return {};
}

Outcome cmdReportClocks(Context &context)
{
    const auto json = wantsJson(context);
    if (!json)
        return usage(json.error());
    if (!context.parser.isSet(u"org"_s))
        return usage(u"report clocks: --org ORG is required"_s);
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = findOrganisation(**db, context.parser.value(u"org"_s));
    if (!organisation)
        return Failed{organisation.error()};
    FlowReports reports(**db);
    const auto commit = reports.timeToCommit(organisation->id);
    const auto cycle = reports.cycleTime(organisation->id);
    const auto weeks = reports.throughput(organisation->id);
    for (const QString &error : {commit.error(), cycle.error(), weeks.error()}) {
        if (!error.isEmpty())
            return Failed{error};
    }
    if (*json) {
        auto clock = [](const Distribution &d) {
            return QJsonObject{{u"count"_s, d.days.size()},
                               {u"excluded"_s, d.excluded},
                               {u"median_days"_s, d.median()},
                               {u"p85_days"_s, d.percentile85()}};
        };
        QJsonArray throughput;
        for (const Throughput &week : *weeks) {
            throughput.append(QJsonObject{{u"week"_s, week.weekStart.toString(Qt::ISODate)},
                                          {u"done"_s, week.done}});
        }
        context.out << QJsonDocument(QJsonObject{{u"organisation"_s, organisation->name},
                                                 {u"time_to_commit"_s, clock(*commit)},
                                                 {u"cycle_time"_s, clock(*cycle)},
                                                 {u"throughput"_s, throughput}})
                           .toJson(QJsonDocument::Indented);
        return {};
    }
    TablePrinter table({u"CLOCK"_s, u"COUNT"_s, u"MEDIAN (DAYS)"_s, u"85TH PERCENTILE (DAYS)"_s,
                        u"NOT COUNTED"_s});
    auto row = [&table](const QString &name, const Distribution &d) {
        table.addRow({name, QString::number(d.days.size()), QString::number(d.median(), 'f', 1),
                      QString::number(d.percentile85(), 'f', 1), QString::number(d.excluded)});
    };
    row(u"time to commit"_s, *commit);
    row(u"cycle time"_s, *cycle);
    table.print(context.out);
    int done = 0;
    for (const Throughput &week : *weeks)
        done += week.done;
    context.out << "throughput: " << done << " tasks done in " << weeks->size() << " weeks";
    if (!weeks->isEmpty())
        context.out << " (" << QString::number(double(done) / double(weeks->size()), 'f', 1)
                    << " a week)";
    context.out << '\n';
    return {};
}

} // namespace

QList<Command> reportCommands()
{
    return {
        {u"gap"_s,
         {},
         u"The commitment gap: high-impact deltas no organisation has an open task for."_s,
         {{u"limit"_s, u"At most N rows."_s, u"N"_s}, formatOption()},
         cmdGap},
        {u"report disagreement"_s,
         {},
         u"Deltas two organisations rank very differently (critical/high vs low/none)."_s,
         {{u"org"_s, u"The first organisation."_s, u"ORG"_s},
          {u"vs"_s, u"The organisation to compare with."_s, u"ORG"_s},
          {u"all"_s, u"Every delta either ranks, not only strong disagreements."_s},
          formatOption()},
         cmdReportDisagreement},
        {u"report coverage"_s,
         {},
         u"Per user group: its impacted deltas, uncommitted to verified."_s,
         {formatOption()},
         cmdReportCoverage},
        {u"report cfd"_s,
         {},
         u"Cumulative flow: tasks per column at the end of each day."_s,
         {{u"org"_s, u"The organisation whose board it is."_s, u"ORG"_s},
          {u"from"_s, u"First day (default: the first task's)."_s, u"DATE"_s},
          {u"to"_s, u"Last day (default: today)."_s, u"DATE"_s},
          {u"format"_s, u"Output format: csv or json."_s, u"csv|json"_s, u"csv"_s}},
         cmdReportCfd},
        {u"report clocks"_s,
         {},
         u"Time to commit and cycle time (median, 85th percentile), and throughput."_s,
         {{u"org"_s, u"The organisation."_s, u"ORG"_s}, formatOption()},
         cmdReportClocks},
    };
}

} // namespace Deltaboard::Cli
