#include "cli.h"

#include "tableprinter.h"

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

using namespace Qt::StringLiterals;

namespace Deltaboard::Cli {

namespace {

// A failed command: the message is printed as one line and becomes the exit code's reason.
struct Failed
{
    QString message;
    int code = Failure;
};

using Outcome = std::optional<Failed>; // empty: success

struct Context
{
    QTextStream &out;
    QTextStream &err;
    QCommandLineParser &parser;
    QStringList arguments; // positional arguments after the command words
    QString databasePath;
    int waitMs = kDefaultWaitSeconds * 1000; // for another writer's lock
};

struct Command
{
    QString words; // "list deltas"
    QString usage; // what follows the words in the synopsis
    QString summary;
    QList<QCommandLineOption> options;
    std::function<Outcome(Context &)> handler;
};

QCommandLineOption formatOption()
{
    return {u"format"_s, u"Output format: table or json."_s, u"table|json"_s, u"table"_s};
}

Outcome usage(const QString &message)
{
    return Failed{message, UsageError};
}

// How the command line opens its database: a write waits up to --wait seconds for another
// writer (the app, another command, an import), saying on stderr that it waits.
Database::Options databaseOptions(const Context &context)
{
    Database::Options options;
    options.busyTimeoutMs = context.waitMs;
    QTextStream *err = &context.err;
    const int seconds = context.waitMs / 1000;
    options.waiting = [err, seconds] {
        *err << "deltaboard-cli: waiting for another Deltaboard writer to finish (up to "
             << seconds << " s; --wait SECONDS changes it)...\n";
        err->flush();
    };
    return options;
}

Result<std::unique_ptr<Database>> openDatabase(const Context &context, bool create)
{
    Database::Options options = databaseOptions(context);
    options.createIfMissing = create;
    return Database::open(context.databasePath, options);
}

Result<bool> wantsJson(const Context &context)
{
    const QString format = context.parser.value(u"format"_s);
    if (format == u"json"_s)
        return true;
    if (format == u"table"_s)
        return false;
    return Error{u"--format: expected table or json, not '%1'"_s.arg(format)};
}

Result<qint64> parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error{u"%1: expected a positive number, not '%2'"_s.arg(what, text)};
    return id;
}

Result<int> parseCount(const Context &context, const QString &option, int fallback, int minimum)
{
    if (!context.parser.isSet(option))
        return fallback;
    const QString text = context.parser.value(option);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum)
        return Error{u"--%1: expected a whole number of at least %2, not '%3'"_s.arg(option)
                         .arg(minimum)
                         .arg(text)};
    return value;
}

Result<Organisation> findOrganisation(Database &db, const QString &nameOrId)
{
    OrganisationStore store(db);
    auto byName = store.byName(nameOrId);
    if (byName)
        return byName;
    bool isNumber = false;
    const qint64 id = nameOrId.toLongLong(&isNumber);
    if (isNumber) {
        if (auto byId = store.byId(id))
            return byId;
    }
    return byName;
}

QString levelOrDash(const std::optional<int> &level, QString (*name)(int))
{
    return level ? name(*level) : u"-"_s;
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

void printHistory(QTextStream &out, const QList<HistoryEntry> &entries,
                  const HistoryFormatter &names)
{
    out << "History:\n";
    if (entries.isEmpty())
        out << "  (none)\n";
    for (const HistoryEntry &entry : entries) {
        out << "  " << entry.changedAt << "  " << entry.actor << "  " << names.change(entry)
            << '\n';
    }
}

QJsonArray historyJson(const QList<HistoryEntry> &entries)
{
    QJsonArray array;
    for (const HistoryEntry &entry : entries) {
        array.append(QJsonObject{{u"field"_s, entry.field},
                                 {u"old"_s, textOrNull(entry.oldValue)},
                                 {u"new"_s, textOrNull(entry.newValue)},
                                 {u"at"_s, entry.changedAt},
                                 {u"actor"_s, entry.actor}});
    }
    return array;
}

QJsonArray commentsJson(const QList<Comment> &comments)
{
    QJsonArray array;
    for (const Comment &c : comments) {
        array.append(QJsonObject{
            {u"author"_s, c.author}, {u"body"_s, c.body}, {u"created_at"_s, c.createdAt}});
    }
    return array;
}

void printComments(QTextStream &out, const QList<Comment> &comments)
{
    if (comments.isEmpty())
        return;
    out << "Comments:\n";
    for (const Comment &c : comments)
        out << "  " << c.createdAt << "  " << c.author << ": " << c.body.simplified() << '\n';
}

// What 'show delta ID' and 'show task ID' share: the output format, the one id, the database.
struct ShowRequest
{
    bool json = false;
    qint64 id = 0;
    std::unique_ptr<Database> db;
};

Result<ShowRequest> showRequest(const Context &context, const QString &what, Outcome *failure)
{
    const auto json = wantsJson(context);
    if (!json) {
        *failure = usage(json.error());
        return Error{json.error()};
    }
    if (context.arguments.size() != 1) {
        *failure = usage(u"show %1: expected one %1 id"_s.arg(what));
        return Error{failure->value().message};
    }
    const auto id = parseId(context.arguments.first(), what + u" id"_s);
    if (!id) {
        *failure = usage(id.error());
        return Error{id.error()};
    }
    auto db = openDatabase(context, false);
    if (!db) {
        *failure = Failed{db.error()};
        return Error{db.error()};
    }
    return ShowRequest{*json, *id, std::move(db).value()};
}

void printBlock(QTextStream &out, const QString &label, const QString &text)
{
    out << label << ":\n";
    if (text.trimmed().isEmpty()) {
        out << "  (empty)\n";
        return;
    }
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        out << "  " << line << '\n';
}

// ---- commands ------------------------------------------------------------------------------

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

Outcome cmdListTasks(Context &context)
{
    const auto json = wantsJson(context);
    if (!json)
        return usage(json.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    std::optional<qint64> organisationId;
    if (context.parser.isSet(u"org"_s)) {
        const auto organisation = findOrganisation(**db, context.parser.value(u"org"_s));
        if (!organisation)
            return Failed{organisation.error()};
        organisationId = organisation->id;
    }
    const auto tasks = TaskStore(**db).list(organisationId);
    if (!tasks)
        return Failed{tasks.error()};
    if (*json) {
        QJsonArray array;
        for (const Task &task : *tasks) {
            array.append(QJsonObject{{u"id"_s, task.id},
                                     {u"organisation"_s, task.organisation},
                                     {u"column"_s, task.column},
                                     {u"rank"_s, task.rank},
                                     {u"title"_s, task.title},
                                     {u"assignee"_s, textOrNull(task.assignee)},
                                     {u"created_at"_s, task.createdAt},
                                     {u"started_at"_s, textOrNull(task.startedAt)},
                                     {u"done_at"_s, textOrNull(task.doneAt)}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return {};
    }
    TablePrinter table({u"ID"_s, u"ORGANISATION"_s, u"COLUMN"_s, u"CREATED"_s, u"TITLE"_s},
                       {0, 24, 14, 0, 72});
    for (const Task &task : *tasks) {
        table.addRow({QString::number(task.id), task.organisation, task.column,
                      task.createdAt.left(10), task.title});
    }
    if (table.isEmpty()) {
        context.out << "no tasks\n";
        return {};
    }
    table.print(context.out);
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
    for (const QString &error : {priorities.error(), impacts.error(), tasks.error(),
                                 reports.error(), comments.error(), history.error()}) {
        if (!error.isEmpty())
            return Failed{error};
    }
    const Delta &d = *delta;

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
        const QJsonObject object{
            {u"id"_s, d.id},
            {u"kind"_s, Levels::kindName(d.kind)},
            {u"title"_s, d.title},
            {u"state"_s, Levels::stateName(d.state)},
            {u"duplicate_of"_s,
             d.duplicateOf ? QJsonValue(*d.duplicateOf) : QJsonValue(QJsonValue::Null)},
            {u"component"_s, textOrNull(d.component)},
            {u"found_in"_s, textOrNull(d.foundIn)},
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
            {u"comments"_s, commentsJson(*comments)},
            {u"history"_s, historyJson(*history)},
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
    field(u"Reporter:"_s, d.reporter);
    field(u"Signature:"_s, d.signature);
    field(u"Created:"_s, d.createdAt);
    field(u"Updated:"_s, d.updatedAt);
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
    if (d.kind == DeltaKind::Crash) {
        out << "Crash reports: " << reports->size();
        if (!reports->isEmpty())
            out << " (first " << reports->first().receivedAt << ", last "
                << reports->last().receivedAt << ")";
        out << '\n';
    }
    printComments(out, *comments);
    printHistory(out, *history, HistoryFormatter(database));
    return {};
}

Outcome cmdShowTask(Context &context)
{
    Outcome failure;
    auto request = showRequest(context, u"task"_s, &failure);
    if (!request)
        return failure;
    Database &database = *request->db;
    const qint64 id = request->id;
    const auto task = TaskStore(database).get(id);
    if (!task)
        return Failed{task.error()};
    const auto fixes = TaskStore(database).fixRecords(id);
    const auto comments = CommentStore(database).forTask(id);
    const auto history = History(database).list(u"task"_s, id);
    for (const QString &error : {fixes.error(), comments.error(), history.error()}) {
        if (!error.isEmpty())
            return Failed{error};
    }
    QList<Delta> deltas;
    for (const qint64 deltaId : task->deltaIds) {
        const auto delta = DeltaStore(database).get(deltaId);
        if (!delta)
            return Failed{delta.error()};
        deltas.append(*delta);
    }
    const Task &t = *task;

    if (request->json) {
        QJsonArray deltaArray;
        for (const Delta &d : deltas) {
            deltaArray.append(QJsonObject{
                {u"id"_s, d.id}, {u"kind"_s, Levels::kindName(d.kind)}, {u"title"_s, d.title}});
        }
        QJsonArray fixArray;
        for (const FixRecord &f : *fixes) {
            fixArray.append(QJsonObject{{u"branch"_s, f.branch},
                                        {u"revision"_s, f.revision},
                                        {u"version"_s, textOrNull(f.version)},
                                        {u"deployed_to"_s, textOrNull(f.deployedTo)},
                                        {u"verified_at"_s, textOrNull(f.verifiedAt)}});
        }
        const QJsonObject object{{u"id"_s, t.id},
                                 {u"organisation"_s, t.organisation},
                                 {u"column"_s, t.column},
                                 {u"rank"_s, t.rank},
                                 {u"title"_s, t.title},
                                 {u"description"_s, t.description},
                                 {u"assignee"_s, textOrNull(t.assignee)},
                                 {u"created_at"_s, t.createdAt},
                                 {u"started_at"_s, textOrNull(t.startedAt)},
                                 {u"done_at"_s, textOrNull(t.doneAt)},
                                 {u"updated_at"_s, t.updatedAt},
                                 {u"row_version"_s, t.rowVersion},
                                 {u"deltas"_s, deltaArray},
                                 {u"fix_records"_s, fixArray},
                                 {u"comments"_s, commentsJson(*comments)},
                                 {u"history"_s, historyJson(*history)}};
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return {};
    }

    QTextStream &out = context.out;
    out << "Task " << t.id << " · " << t.organisation << " · " << t.column << '\n'
        << t.title << "\n\n";
    auto field = [&out](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out << label.leftJustified(11) << value << '\n';
    };
    field(u"Assignee:"_s, t.assignee);
    field(u"Created:"_s, t.createdAt);
    field(u"Started:"_s, t.startedAt);
    field(u"Done:"_s, t.doneAt);
    field(u"Updated:"_s, t.updatedAt);
    out << '\n';
    if (!t.description.isEmpty())
        printBlock(out, u"Description"_s, t.description);
    out << "Deltas:\n";
    for (const Delta &d : deltas) {
        out << "  " << QString::number(d.id).leftJustified(7)
            << Levels::kindName(d.kind).leftJustified(8) << d.title << '\n';
    }
    if (!fixes->isEmpty()) {
        out << "Fix records:\n";
        for (const FixRecord &f : *fixes) {
            out << "  " << f.branch << (f.revision.isEmpty() ? u""_s : u"@"_s + f.revision);
            if (!f.version.isEmpty())
                out << "  version " << f.version;
            if (!f.deployedTo.isEmpty())
                out << "  deployed to " << f.deployedTo;
            out << (f.verifiedAt.isEmpty() ? u"  not verified"_s : u"  verified "_s + f.verifiedAt)
                << '\n';
        }
    }
    printComments(out, *comments);
    printHistory(out, *history, HistoryFormatter(database));
    return {};
}

Outcome cmdCommit(Context &context)
{
    if (!context.parser.isSet(u"org"_s))
        return usage(u"commit: --org ORG is required"_s);
    const QString title = context.parser.value(u"title"_s);
    if (title.trimmed().isEmpty())
        return usage(u"commit: --title TITLE is required"_s);
    if (context.arguments.isEmpty())
        return usage(u"commit: expected at least one delta id"_s);
    QList<qint64> ids;
    for (const QString &argument : std::as_const(context.arguments)) {
        const auto id = parseId(argument, u"delta id"_s);
        if (!id)
            return usage(id.error());
        ids.append(*id);
    }
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = findOrganisation(**db, context.parser.value(u"org"_s));
    if (!organisation)
        return Failed{organisation.error()};
    const auto task = TaskStore(**db).commit(organisation->id, title, ids);
    if (!task)
        return Failed{task.error()};
    context.out << *task << '\n';
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
    const auto json = wantsJson(context);
    if (!json)
        return usage(json.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto rows = TriageReports(**db).coverage();
    if (!rows)
        return Failed{rows.error()};
    if (*json) {
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

Outcome cmdCrashIngest(Context &context)
{
    if (context.arguments.isEmpty())
        return usage(u"crash ingest: expected at least one FILE or DIRECTORY"_s);
    const auto texts = CrashStore::readTexts(context.arguments);
    if (!texts)
        return Failed{texts.error()};
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    const auto summary = CrashStore(**db).ingest(*texts, context.parser.value(u"version"_s),
                                                 context.parser.value(u"platform"_s));
    if (!summary)
        return Failed{summary.error() + u" (nothing was stored)"_s};
    QStringList formats;
    for (auto it = summary->formats.cbegin(); it != summary->formats.cend(); ++it)
        formats.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    context.out << u"ingested %1 crash reports (%2): %3 new crash deltas, %4 reports added to "
                   u"known signatures\n"_s.arg(summary->reports)
                       .arg(formats.join(u", "_s))
                       .arg(summary->newDeltas)
                       .arg(summary->reports - summary->newDeltas);
    return {};
}

Outcome cmdCrashList(Context &context)
{
    const auto json = wantsJson(context);
    if (!json)
        return usage(json.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto rows = CrashStore(**db).summaries();
    if (!rows)
        return Failed{rows.error()};
    if (*json) {
        QJsonArray array;
        for (const CrashSummary &row : *rows) {
            array.append(QJsonObject{
                {u"id"_s, row.deltaId},
                {u"signature"_s, row.signature},
                {u"title"_s, row.title},
                {u"state"_s, Levels::stateName(row.state)},
                {u"reports"_s, row.reports},
                {u"first_seen"_s, row.firstSeen},
                {u"last_seen"_s, row.lastSeen},
                {u"versions"_s, QJsonArray::fromStringList(row.versions)},
                {u"platforms"_s, QJsonArray::fromStringList(row.platforms)},
                {u"regressed"_s, row.regressed},
                {u"fixed_in"_s,
                 row.fixedIn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.fixedIn)},
                {u"regressed_in"_s, row.regressedIn.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(row.regressedIn)}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return {};
    }
    if (rows->isEmpty()) {
        context.out << "no crash reports yet: 'crash ingest FILE...' adds some\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"REPORTS"_s, u"FIRST SEEN"_s, u"LAST SEEN"_s, u"VERSIONS"_s,
                        u"PLATFORMS"_s, u"FLAG"_s, u"SIGNATURE"_s},
                       {0, 0, 0, 0, 24, 24, 0, 70});
    for (const CrashSummary &row : *rows) {
        table.addRow(
            {QString::number(row.deltaId), QString::number(row.reports), row.firstSeen.left(10),
             row.lastSeen.left(10), row.versions.join(u", "_s), row.platforms.join(u", "_s),
             row.regressed
                 ? u"REGRESSED (fixed in %1, seen in %2)"_s.arg(row.fixedIn, row.regressedIn)
                 : QString(),
             row.signature});
    }
    table.print(context.out);
    return {};
}

Outcome cmdExport(Context &context)
{
    if (context.arguments.size() != 1)
        return usage(u"export: expected one FILE"_s);
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    if (const Status exported = JsonDump(**db).exportTo(context.arguments.first()); !exported)
        return Failed{exported.error()};
    context.out << "exported " << context.databasePath << " to " << context.arguments.first()
                << '\n';
    return {};
}

// Files from another tracker: detected, mapped, one transaction for the run.
Outcome importFromTrackers(Context &context)
{
    for (const QString &file : std::as_const(context.arguments)) {
        if (!QFileInfo(file).isFile())
            return Failed{u"cannot read %1: no such file"_s.arg(file)};
    }
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    ImportOptions options;
    options.dryRun = context.parser.isSet(u"dry-run"_s);
    options.organisation = context.parser.value(u"org"_s);
    const bool dryRun = options.dryRun;
    for (const QString &mapping : context.parser.values(u"map-target"_s)) {
        const qsizetype equals = mapping.indexOf(u'=');
        if (equals <= 0 || equals == mapping.size() - 1)
            return usage(u"import: --map-target expects TARGET=ORG, not \"%1\""_s.arg(mapping));
        options.targetOrganisations.insert(mapping.left(equals), mapping.mid(equals + 1));
    }
    options.format = context.parser.value(u"format"_s);
    options.csvSource = context.parser.value(u"source"_s);
    for (const QString &mapping : context.parser.values(u"column"_s)) {
        const qsizetype equals = mapping.indexOf(u'=');
        const QString field = mapping.left(equals);
        if (equals <= 0 || equals == mapping.size() - 1
            || !TrackerImport::csvFields().contains(field))
            return usage(
                u"import: --column expects FIELD=HEADER with FIELD one of %1, not \"%2\""_s.arg(
                    TrackerImport::csvFields().join(u", "_s), mapping));
        options.csvColumns.insert(field, mapping.mid(equals + 1));
    }
    const auto summary = TrackerImport(**db).importFiles(context.arguments, options);
    if (!summary)
        return Failed{summary.error() + u" (nothing was imported)"_s};
    context.out << u"%1\n"_s.arg(summary->formats.join(u"\n"_s));
    context.out << u"deltas: %1 new, %2 updated, %3 unchanged; %4 pull requests skipped\n"_s
                       .arg(summary->created)
                       .arg(summary->updated)
                       .arg(summary->unchanged)
                       .arg(summary->skipped);
    context.out << u"tasks: %1 new, %2 updated, %3 unchanged; priorities: %4 set; comments: %5 "
                   u"new, %6 unchanged%7\n"_s.arg(summary->tasksCreated)
                       .arg(summary->tasksUpdated)
                       .arg(summary->tasksUnchanged)
                       .arg(summary->priorities)
                       .arg(summary->commentsCreated)
                       .arg(summary->commentsUnchanged)
                       .arg(dryRun ? u" (dry run: nothing was written)"_s : QString());
    for (const QString &warning : std::as_const(summary->warnings))
        context.out << u"warning: %1\n"_s.arg(InputText::oneLine(warning));
    return {};
}

Outcome cmdImport(Context &context)
{
    if (context.arguments.isEmpty())
        return usage(u"import: expected at least one FILE"_s);
    // A Deltaboard export is restored; anything else is another tracker's export.
    // Only a regular file is opened to look (a named pipe would block); anything else is
    // refused by name.
    for (const QString &file : std::as_const(context.arguments)) {
        if (const QString why = InputFile::notARegularFile(file); !why.isEmpty())
            return Failed{why + u" (nothing was imported)"_s};
    }
    QFile head(context.arguments.first());
    const bool isDump = head.open(QIODevice::ReadOnly)
                        && head.read(256).contains("\"format\": \"deltaboard-export\"");
    if (!isDump)
        return importFromTrackers(context);
    if (context.arguments.size() != 1)
        return usage(u"import: a Deltaboard export is restored on its own"_s);
    const QString file = context.arguments.first();
    if (!QFileInfo(file).isFile())
        return Failed{u"cannot read %1: no such file"_s.arg(file)};
    const bool existed = QFileInfo::exists(context.databasePath);
    auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    const Status imported = JsonDump(**db).importFrom(file);
    if (!imported) {
        // A database this run created and could not fill is removed, not left behind empty.
        if (!existed) {
            db.value().reset();
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QFile::remove(context.databasePath + suffix);
        }
        return Failed{imported.error()};
    }
    context.out << "imported " << file << " into " << context.databasePath << '\n';
    return {};
}

const QList<Command> &commands()
{
    static const QList<Command> list = {
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
        {u"list deltas"_s,
         {},
         u"List deltas."_s,
         {{u"kind"_s, u"Only this kind: defect, crash or spec."_s, u"K"_s},
          {u"state"_s, u"Only this state."_s, u"S"_s},
          {u"org"_s, u"Only deltas this organisation ranked or committed to, with its priority."_s,
           u"ORG"_s},
          {u"search"_s, u"Full-text search in title, desired, actual and details."_s, u"TEXT"_s},
          {u"limit"_s, u"At most N rows."_s, u"N"_s},
          formatOption()},
         cmdListDeltas},
        {u"list tasks"_s,
         {},
         u"List tasks in board order."_s,
         {{u"org"_s, u"Only this organisation's tasks."_s, u"ORG"_s}, formatOption()},
         cmdListTasks},
        {u"list orgs"_s, {}, u"List organisations."_s, {}, cmdListOrganisations},
        {u"list groups"_s, {}, u"List user groups."_s, {}, cmdListGroups},
        {u"show delta"_s,
         u"ID"_s,
         u"Show a delta with priorities, impact, tasks and history."_s,
         {formatOption()},
         cmdShowDelta},
        {u"show task"_s,
         u"ID"_s,
         u"Show a task with its deltas, fix records and history."_s,
         {formatOption()},
         cmdShowTask},
        {u"commit"_s,
         u"DELTA_ID..."_s,
         u"Create a task on an organisation's board, linked to the deltas; prints its id."_s,
         {{u"org"_s, u"The organisation that commits."_s, u"ORG"_s},
          {u"title"_s, u"The task's title."_s, u"TITLE"_s}},
         cmdCommit},
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
        {u"gap"_s,
         {},
         u"The commitment gap: high-impact deltas no organisation has an open task for."_s,
         {{u"limit"_s, u"At most N rows."_s, u"N"_s}, formatOption()},
         cmdGap},
        {u"crash ingest"_s,
         u"PATH..."_s,
         u"Parse crash texts (files or directories) and file each under its signature's crash "
         u"delta, in one transaction."_s,
         {{u"version"_s, u"The product version of these reports."_s, u"V"_s},
          {u"platform"_s, u"The platform of these reports."_s, u"P"_s}},
         cmdCrashIngest},
        {u"crash list"_s,
         {},
         u"Crash deltas by report count: first/last seen, versions, platforms, regressions."_s,
         {formatOption()},
         cmdCrashList},
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
        {u"export"_s, u"FILE"_s, u"Write the whole database to a JSON file."_s, {}, cmdExport},
        {u"import"_s,
         u"FILE..."_s,
         u"Restore a Deltaboard JSON export into an empty (or new) database, or import other "
         u"trackers' exports (GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac, Trello, CSV): "
         u"new records created, known ones updated, all in one transaction."_s,
         {{u"dry-run"_s, u"Read, map and count, but write nothing."_s},
          {u"format"_s,
           u"The files' format instead of detecting it: "_s + TrackerImport::formats().join(u", "_s)
               + u"."_s,
           u"F"_s},
          {u"map-target"_s, u"Launchpad target to organisation (repeatable)."_s, u"TARGET=ORG"_s},
          {u"org"_s,
           u"The organisation whose priorities (Jira) or board (Trello) the export holds."_s,
           u"ORG"_s},
          {u"column"_s,
           u"A CSV's column for a field (repeatable); fields: "_s
               + TrackerImport::csvFields().join(u", "_s)
               + u". Unnamed fields are found by common header names."_s,
           u"FIELD=HEADER"_s},
          {u"source"_s,
           u"The tracker a generic CSV comes from, kept with each record's id (default: csv)."_s,
           u"NAME"_s}},
         cmdImport},
    };
    return list;
}

QString overview()
{
    QString text = u"Usage: deltaboard-cli [--db PATH] COMMAND [OPTIONS]\n\n"
                   u"Deltaboard keeps reports (deltas) apart from commitments (tasks).\n\n"
                   u"Commands:\n"_s;
    for (const Command &command : commands()) {
        const QString synopsis = (command.words + u' ' + command.usage).trimmed();
        text += u"  "_s + synopsis.leftJustified(30) + u' ' + command.summary + u'\n';
    }
    text += u"\n--db PATH   the database (default: %1)\n"
            u"Run 'deltaboard-cli COMMAND --help' for a command's options.\n"_s.arg(
                Paths::defaultDatabase());
    return text;
}

// Options that take a value, across all commands: needed to find the command words before the
// command's own parser runs.
QSet<QString> valueOptions()
{
    QSet<QString> names{u"db"_s, u"wait"_s};
    for (const Command &command : commands()) {
        for (const QCommandLineOption &option : command.options) {
            if (!option.valueName().isEmpty()) {
                for (const QString &name : option.names())
                    names.insert(name);
            }
        }
    }
    return names;
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    auto fail = [&err](const QString &message, int code) {
        err << "deltaboard-cli: " << InputText::oneLine(message) << '\n';
        return code;
    };

    // The command words are the first positional arguments.
    const QSet<QString> withValue = valueOptions();
    QStringList positional;
    QList<qsizetype> positionalIndexes;
    bool wantsHelp = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--"_s)
            break;
        if (argument.startsWith(u'-') && argument.size() > 1) {
            const QString name = argument.mid(argument.startsWith(u"--"_s) ? 2 : 1);
            if (name == u"help"_s || name == u"h"_s)
                wantsHelp = true;
            if (!name.contains(u'=') && withValue.contains(name))
                ++i;
            continue;
        }
        positional.append(argument);
        positionalIndexes.append(i);
    }
    if (positional.isEmpty()) {
        if (wantsHelp || arguments.isEmpty()) {
            out << overview();
            return arguments.isEmpty() ? UsageError : Success;
        }
        if (arguments.contains(u"--version"_s)) {
            out << "deltaboard-cli " << DELTABOARD_VERSION << '\n';
            return Success;
        }
        return fail(u"expected a command; run 'deltaboard-cli --help' for the list"_s, UsageError);
    }

    const Command *command = nullptr;
    int wordCount = 0;
    for (const Command &candidate : commands()) {
        const QStringList words = candidate.words.split(u' ');
        if (positional.mid(0, words.size()) == words) {
            command = &candidate;
            wordCount = int(words.size());
            break;
        }
    }
    if (!command) {
        QStringList known;
        for (const Command &candidate : commands()) {
            if (candidate.words.startsWith(positional.first() + u' '))
                known.append(candidate.words);
        }
        if (!known.isEmpty()) {
            return fail(u"'%1' needs one of: %2"_s.arg(positional.first(), known.join(u", "_s)),
                        UsageError);
        }
        return fail(u"unknown command '%1'; run 'deltaboard-cli --help' for the list"_s.arg(
                        positional.first()),
                    UsageError);
    }

    QStringList commandArguments = arguments;
    for (int w = wordCount - 1; w >= 0; --w)
        commandArguments.removeAt(positionalIndexes.at(w));
    commandArguments.prepend(u"deltaboard-cli"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({u"db"_s, u"The database file."_s, u"PATH"_s});
    parser.addOption({u"wait"_s,
                      u"How long a write waits for another writer to finish, in seconds (%1)."_s.arg(
                          kDefaultWaitSeconds),
                      u"SECONDS"_s});
    parser.addOption({{u"h"_s, u"help"_s}, u"Show this help."_s});
    parser.addOptions(command->options);
    parser.addPositionalArgument(command->words, command->summary,
                                 command->words + u' ' + command->usage);
    if (!parser.parse(commandArguments))
        return fail(u"%1: %2"_s.arg(command->words, parser.errorText()), UsageError);
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText().replace(u"deltaboard-cli [options]"_s,
                                         u"deltaboard-cli "_s + command->words + u" [options]"_s);
        return Success;
    }
    if (command->usage.isEmpty() && !parser.positionalArguments().isEmpty()) {
        return fail(u"%1: unexpected argument '%2'"_s.arg(command->words,
                                                          parser.positionalArguments().first()),
                    UsageError);
    }

    int waitMs = kDefaultWaitSeconds * 1000;
    if (parser.isSet(u"wait"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"wait"_s).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 24 * 3600) {
            return fail(u"--wait: expected a number of seconds from 0 to 86400, not '%1'"_s.arg(
                            parser.value(u"wait"_s)),
                        UsageError);
        }
        waitMs = int(seconds * 1000);
    }
    Context context{out,
                    err,
                    parser,
                    parser.positionalArguments(),
                    parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Paths::defaultDatabase(),
                    waitMs};
    const Outcome outcome = command->handler(context);
    if (outcome)
        return fail(outcome->message, outcome->code);
    return Success;
}

} // namespace Deltaboard::Cli
