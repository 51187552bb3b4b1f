#include "command.h"
#include "commentstore.h"
#include "crashparser.h"
#include "crashstore.h"
#include "crashtype.h"
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
#include "labelstore.h"
#include "migrator.h"
#include "organisationstore.h"
#include "paths.h"
#include "relationstore.h"
#include "reports.h"
#include "tableprinter.h"
#include "taskstore.h"
#include "trackerimport.h"
#include "triagereports.h"
#include "triagestore.h"
#include <functional>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Deltas: the inbox, one delta with everything linked to it, priority and impact.
namespace Deltaboard::Cli {

namespace {

Outcome cmdListDeltas(Context &context)
{
    const auto json = wantsJson(context);
    if (!json)
        return usage(json.error());
    DeltaFilter filter;
    if (context.parser.isSet(u"kind"_s)) {
        const QString kind = context.parser.value(u"kind"_s);
        filter.kind = Levels::kindFromName(kind);
        if (!filter.kind)
            return usage(u"--kind: expected one of %1, not '%2'"_s.arg(
                Levels::kindNames().join(u", "_s), kind));
    }
    if (context.parser.isSet(u"state"_s)) {
        const QString state = context.parser.value(u"state"_s);
        filter.state = Levels::stateFromName(state);
        if (!filter.state)
            return usage(u"--state: expected one of %1, not '%2'"_s.arg(
                Levels::stateNames().join(u", "_s), state));
    }
    const auto limit = parseCount(context, u"limit"_s, -1, 1);
    if (!limit)
        return usage(limit.error());
    filter.limit = *limit;
    filter.search = context.parser.value(u"search"_s);

    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    if (context.parser.isSet(u"org"_s)) {
        const auto organisation = findOrganisation(**db, context.parser.value(u"org"_s));
        if (!organisation)
            return Failed{organisation.error()};
        filter.organisationId = organisation->id;
    }
    const auto rows = DeltaStore(**db).list(filter);
    if (!rows)
        return Failed{rows.error()};

    if (*json) {
        QJsonArray array;
        for (const DeltaRow &row : *rows) {
            QJsonObject object{
                {u"id"_s, row.id},
                {u"kind"_s, Levels::kindName(row.kind)},
                {u"title"_s, row.title},
                {u"component"_s, textOrNull(row.component)},
                {u"state"_s, Levels::stateName(row.state)},
                {u"top_impact"_s, row.topImpact ? QJsonValue(Levels::impactName(*row.topImpact))
                                                : QJsonValue(QJsonValue::Null)},
                {u"committed_organisations"_s, row.committedOrganisations},
                {u"created_at"_s, row.createdAt}};
            if (filter.organisationId) {
                object.insert(u"priority"_s, row.priority
                                                 ? QJsonValue(Levels::priorityName(*row.priority))
                                                 : QJsonValue(QJsonValue::Null));
            }
            array.append(object);
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return {};
    }
    QStringList headers{u"ID"_s, u"KIND"_s, u"STATE"_s, u"COMPONENT"_s, u"IMPACT"_s, u"ORGS"_s};
    if (filter.organisationId)
        headers.append(u"PRIORITY"_s);
    headers.append(u"TITLE"_s);
    TablePrinter table(headers, {0, 0, 0, 16, 0, 0, 0, 72});
    for (const DeltaRow &row : *rows) {
        QStringList cells{QString::number(row.id),
                          Levels::kindName(row.kind),
                          Levels::stateName(row.state),
                          row.component.isEmpty() ? u"-"_s : row.component,
                          levelOrDash(row.topImpact, &Levels::impactName),
                          QString::number(row.committedOrganisations)};
        if (filter.organisationId)
            cells.append(levelOrDash(row.priority, &Levels::priorityName));
        cells.append(row.title);
        table.addRow(cells);
    }
    if (table.isEmpty()) {
        context.out << "no deltas match\n";
        return {};
    }
    table.print(context.out);
    return {};
}

Outcome cmdShowDelta(Context &context)
{
    Outcome failure;
    auto request = showRequest(context, u"delta"_s, &failure);
    if (!request)
        return failure;
    Database &database = *request->db;
    const qint64 id = request->id;
    const auto delta = DeltaStore(database).get(id);
    if (!delta)
        return Failed{delta.error()};
    const auto priorities = TriageStore(database).priorities(id);
    const auto impacts = TriageStore(database).impacts(id);
    const auto tasks = TaskStore(database).tasksForDelta(id);
    const auto reports = CrashStore(database).reports(id);
    const auto comments = CommentStore(database).forDelta(id);
    const auto history = History(database).list(u"delta"_s, id);
    const auto relations = RelationStore(database).forDelta(id);
    const auto labels = LabelStore(database).labelsOf(LabelStore::Target::Delta, id);
    for (const QString &error :
         {priorities.error(), impacts.error(), tasks.error(), reports.error(), comments.error(),
          history.error(), relations.error(), labels.error()}) {
        if (!error.isEmpty())
            return Failed{error};
    }
    const Delta &d = *delta;
    // A crash delta's type as its latest report shows it, beside the raw signal or exception
    // name: derived from the text, never stored.
    ParsedCrash latest;
    if (!reports->isEmpty()) {
        if (auto crash = CrashParser::parse(reports->last().rawText))
            latest = *std::move(crash);
    }

    if (request->json) {
        QJsonArray priorityArray;
        for (const PriorityEntry &p : *priorities) {
            priorityArray.append(QJsonObject{{u"organisation"_s, p.organisation},
                                             {u"level"_s, Levels::priorityName(p.level)},
                                             {u"updated_at"_s, p.updatedAt}});
        }
        QJsonArray impactArray;
        for (const ImpactEntry &i : *impacts) {
            impactArray.append(
                QJsonObject{{u"group"_s, i.group},
                            {u"level"_s, Levels::impactName(i.level)},
                            {u"affected_users"_s, i.affectedUsers ? QJsonValue(*i.affectedUsers)
                                                                  : QJsonValue(QJsonValue::Null)},
                            {u"updated_at"_s, i.updatedAt}});
        }
        QJsonArray taskArray;
        for (const Task &t : *tasks) {
            taskArray.append(QJsonObject{{u"id"_s, t.id},
                                         {u"organisation"_s, t.organisation},
                                         {u"column"_s, t.column},
                                         {u"title"_s, t.title}});
        }
        QJsonArray relationArray;
        for (const DeltaRelation &r : *relations) {
            relationArray.append(QJsonObject{{u"relation"_s, Levels::relationKey(r.type)},
                                             {u"id"_s, r.otherId},
                                             {u"title"_s, r.otherTitle},
                                             {u"state"_s, Levels::stateName(r.otherState)}});
        }
        const QJsonObject object{
            {u"id"_s, d.id},
            {u"kind"_s, Levels::kindName(d.kind)},
            {u"title"_s, d.title},
            {u"state"_s, Levels::stateName(d.state)},
            {u"duplicate_of"_s,
             d.duplicateOf ? QJsonValue(*d.duplicateOf) : QJsonValue(QJsonValue::Null)},
            {u"component"_s, textOrNull(d.component)},
            {u"found_in"_s, textOrNull(d.foundIn)},
            {u"fixed_in"_s, textOrNull(d.fixedIn)},
            {u"severity"_s, d.severity ? QJsonValue(Levels::severityName(*d.severity))
                                       : QJsonValue(QJsonValue::Null)},
            {u"closed_at"_s, textOrNull(d.closedAt)},
            {u"reporter"_s, textOrNull(d.reporter)},
            {u"desired"_s, d.desired},
            {u"actual"_s, d.actual},
            {u"details"_s, d.details},
            {u"signature"_s, textOrNull(d.signature)},
            {u"source"_s, d.source.tracker.isEmpty()
                              ? QJsonValue(QJsonValue::Null)
                              : QJsonValue(QJsonObject{{u"tracker"_s, d.source.tracker},
                                                       {u"external_id"_s, d.source.externalId},
                                                       {u"url"_s, textOrNull(d.source.url)}})},
            {u"created_at"_s, d.createdAt},
            {u"updated_at"_s, d.updatedAt},
            {u"row_version"_s, d.rowVersion},
            {u"priorities"_s, priorityArray},
            {u"impacts"_s, impactArray},
            {u"tasks"_s, taskArray},
            {u"crash_reports"_s, reports->size()},
            {u"crash_type"_s, textOrNull(latest.crashType)},
            {u"raw_crash_type"_s, textOrNull(latest.exceptionType)},
            {u"relations"_s, relationArray},
            {u"labels"_s, labelsJson(*labels)},
            {u"comments"_s, commentsJson(*comments)},
            {u"history"_s, historyJson(*history, HistoryFormatter(database))},
        };
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return {};
    }

    QTextStream &out = context.out;
    out << "Delta " << d.id << " · " << Levels::kindName(d.kind) << " · "
        << Levels::stateName(d.state);
    if (d.duplicateOf)
        out << " of " << *d.duplicateOf;
    out << '\n' << d.title << "\n\n";
    auto field = [&out](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out << label.leftJustified(11) << value << '\n';
    };
    field(u"Component:"_s, d.component);
    field(u"Found in:"_s, d.foundIn);
    field(u"Fixed in:"_s, d.fixedIn);
    field(u"Severity:"_s, d.severity ? Levels::severityName(*d.severity) : QString());
    field(u"Reporter:"_s, d.reporter);
    field(u"Signature:"_s, d.signature);
    field(u"Labels:"_s, labelNames(*labels).join(u", "_s));
    field(u"Created:"_s, d.createdAt);
    field(u"Updated:"_s, d.updatedAt);
    field(u"Closed:"_s, d.closedAt);
    if (!d.source.tracker.isEmpty())
        field(u"Source:"_s,
              u"%1 %2 %3"_s.arg(d.source.tracker, d.source.externalId, d.source.url).trimmed());
    out << '\n';
    printBlock(out, u"Desired"_s, d.desired);
    printBlock(out, u"Actual"_s, d.actual);
    if (!d.details.isEmpty())
        printBlock(out, u"Details"_s, d.details);
    out << "Priorities:\n";
    if (priorities->isEmpty())
        out << "  (no organisation has ranked it)\n";
    for (const PriorityEntry &p : *priorities)
        out << "  " << p.organisation.leftJustified(24) << Levels::priorityName(p.level) << '\n';
    out << "Impact:\n";
    if (impacts->isEmpty())
        out << "  (not assessed)\n";
    for (const ImpactEntry &i : *impacts) {
        out << "  " << i.group.leftJustified(24) << Levels::impactName(i.level).leftJustified(10);
        if (i.affectedUsers)
            out << *i.affectedUsers << " users";
        out << '\n';
    }
    out << "Tasks:\n";
    if (tasks->isEmpty())
        out << "  (no organisation has committed to it)\n";
    for (const Task &t : *tasks) {
        out << "  #" << QString::number(t.id).leftJustified(6) << t.organisation.leftJustified(24)
            << t.column.leftJustified(13) << t.title << '\n';
    }
    if (!relations->isEmpty()) {
        out << "Relations:\n";
        for (const DeltaRelation &r : *relations) {
            out << "  " << Levels::relationName(r.type).leftJustified(14) << " #"
                << QString::number(r.otherId).leftJustified(6)
                << Levels::stateName(r.otherState).leftJustified(10) << r.otherTitle << '\n';
        }
    }
    if (d.kind == DeltaKind::Crash) {
        out << "Crash reports: " << reports->size();
        if (!reports->isEmpty())
            out << " (first " << reports->first().receivedAt << ", last "
                << reports->last().receivedAt << ")";
        out << '\n';
        if (const QString type = CrashTypes::describe(latest); !type.isEmpty())
            out << "Crash type: " << type << '\n';
    }
    printComments(out, *comments);
    printHistory(out, *history, HistoryFormatter(database));
    return {};
}

Outcome cmdPrioritySet(Context &context)
{
    if (!context.parser.isSet(u"org"_s))
        return usage(u"priority set: --org ORG is required"_s);
    if (context.arguments.size() != 2)
        return usage(u"priority set: expected DELTA_ID LEVEL"_s);
    const auto id = parseId(context.arguments.at(0), u"delta id"_s);
    if (!id)
        return usage(id.error());
    const QString levelText = context.arguments.at(1);
    std::optional<int> level = Levels::priorityFromName(levelText);
    if (!level && levelText.compare(u"none"_s, Qt::CaseInsensitive) != 0) {
        return usage(u"priority level: expected one of %1 or none, not '%2'"_s.arg(
            Levels::priorityNames().join(u", "_s), levelText));
    }
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = findOrganisation(**db, context.parser.value(u"org"_s));
    if (!organisation)
        return Failed{organisation.error()};
    if (const Status set = TriageStore(**db).setPriority(organisation->id, *id, level); !set)
        return Failed{set.error()};
    context.out << "priority of delta " << *id << " for " << organisation->name << ": "
                << (level ? Levels::priorityName(*level) : u"none"_s) << '\n';
    return {};
}

Outcome cmdImpactSet(Context &context)
{
    if (!context.parser.isSet(u"group"_s))
        return usage(u"impact set: --group GROUP is required"_s);
    if (context.arguments.size() != 2)
        return usage(u"impact set: expected DELTA_ID LEVEL"_s);
    const auto id = parseId(context.arguments.at(0), u"delta id"_s);
    if (!id)
        return usage(id.error());
    const QString levelText = context.arguments.at(1);
    const std::optional<int> level = Levels::impactFromName(levelText);
    if (!level) {
        return usage(u"impact level: expected one of %1, not '%2'"_s.arg(
            Levels::impactNames().join(u", "_s), levelText));
    }
    std::optional<qint64> users;
    if (context.parser.isSet(u"users"_s)) {
        bool ok = false;
        users = context.parser.value(u"users"_s).toLongLong(&ok);
        if (!ok || *users < 0)
            return usage(u"--users: expected a whole number of at least 0, not '%1'"_s.arg(
                context.parser.value(u"users"_s)));
    }
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto group = GroupStore(**db).groupByName(context.parser.value(u"group"_s));
    if (!group)
        return Failed{group.error()};
    if (const Status set = TriageStore(**db).setImpact(*id, group->id, level, users); !set)
        return Failed{set.error()};
    context.out << "impact of delta " << *id << " on " << group->name << ": "
                << Levels::impactName(*level);
    if (users)
        context.out << " (" << *users << " users)";
    context.out << '\n';
    return {};
}

} // namespace

QList<Command> deltaCommands()
{
    return {
        {u"list deltas"_s,
         {},
         u"List deltas."_s,
         {{u"kind"_s, u"Only this kind: defect, crash or spec."_s, u"KIND"_s},
          {u"state"_s, u"Only this state."_s, u"STATE"_s},
          {u"org"_s, u"Only deltas this organisation ranked or committed to, with its priority."_s,
           u"ORG"_s},
          {u"search"_s, u"Full-text search in title, desired, actual and details."_s, u"TEXT"_s},
          {u"limit"_s, u"At most N rows."_s, u"N"_s},
          formatOption()},
         cmdListDeltas},
        {u"show delta"_s,
         u"ID"_s,
         u"Show a delta with priorities, impact, tasks and history."_s,
         {formatOption()},
         cmdShowDelta},
        {u"priority set"_s,
         u"DELTA_ID LEVEL"_s,
         u"Set an organisation's priority: untriaged, low, medium, high, critical or none."_s,
         {{u"org"_s, u"The organisation whose priority it is."_s, u"ORG"_s}},
         cmdPrioritySet},
        {u"impact set"_s,
         u"DELTA_ID LEVEL"_s,
         u"Set the impact on a user group: none, low, medium, high or critical."_s,
         {{u"group"_s, u"The user group that is hurt."_s, u"GROUP"_s},
          {u"users"_s, u"How many of the group's users are affected."_s, u"N"_s}},
         cmdImpactSet},
    };
}

} // namespace Deltaboard::Cli
