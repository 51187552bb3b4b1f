#include "boardstore.h"
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

// Tasks: an organisation's commitments, one task, committing to deltas.
namespace Deltaboard::Cli {

namespace {

Outcome cmdListTasks(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    std::optional<qint64> organisationId;
    if (context.parser.isSet(u"org"_s)) {
        const auto organisation = findOrganisation(*request->db, context.parser.value(u"org"_s));
        if (!organisation)
            return Failed{organisation.error()};
        organisationId = organisation->id;
    }
    const auto tasks = TaskStore(*request->db).list(organisationId);
    if (!tasks)
        return Failed{tasks.error()};
    if (request->json) {
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
    const auto labels = LabelStore(database).labelsOf(LabelStore::Target::Task, id);
    for (const QString &error :
         {fixes.error(), comments.error(), history.error(), labels.error()}) {
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
            fixArray.append(QJsonObject{{u"id"_s, f.id},
                                        {u"branch"_s, f.branch},
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
                                 {u"labels"_s, labelsJson(*labels)},
                                 {u"comments"_s, commentsJson(*comments)},
                                 {u"history"_s, historyJson(*history, HistoryFormatter(database))}};
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
    field(u"Labels:"_s, labelNames(*labels).join(u", "_s));
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
            out << "  #" << f.id << "  " << f.branch
                << (f.revision.isEmpty() ? u""_s : u"@"_s + f.revision);
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
    const auto ids = parseIds(context.arguments, u"delta id"_s);
    if (!ids)
        return usage(ids.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = findOrganisation(**db, context.parser.value(u"org"_s));
    if (!organisation)
        return Failed{organisation.error()};
    const auto task = TaskStore(**db).commit(organisation->id, title, *ids);
    if (!task)
        return Failed{task.error()};
    context.out << *task << '\n';
    return {};
}

Outcome cmdTaskAdd(Context &context)
{
    const QString title = context.parser.value(u"title"_s);
    if (title.trimmed().isEmpty())
        return usage(u"task add: --title TITLE is required"_s);
    const auto ids = parseIds(context.arguments, u"delta id"_s);
    if (!ids)
        return usage(ids.error());
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = requiredOrganisation(context, **db, u"task add"_s, &failure);
    if (!organisation)
        return failure;
    NewTask task{organisation->id,
                 title,
                 *ids,
                 context.parser.value(u"description"_s),
                 context.parser.value(u"assignee"_s),
                 std::nullopt,
                 std::nullopt};
    if (context.parser.isSet(u"column"_s)) {
        const auto column
            = BoardStore(**db).findColumn(organisation->id, context.parser.value(u"column"_s));
        if (!column)
            return Failed{column.error()};
        task.columnId = column->id;
    }
    const auto added = TaskStore(**db).add(task);
    if (!added)
        return Failed{added.error()};
    context.out << *added << '\n';
    return {};
}

Outcome cmdTaskRemove(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"task remove"_s, 1, 1, u"one TASK_ID"_s))
        return bad;
    const auto id = parseId(context.arguments.first(), u"task id"_s);
    if (!id)
        return usage(id.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    if (const Status removed = TaskStore(**db).remove(*id); !removed)
        return Failed{removed.error()};
    return {};
}

Result<Task> taskArgument(const Context &context, Database &db, const QString &command,
                          qsizetype count, const QString &expected, Outcome *failure)
{
    if (const Outcome bad = expectArguments(context, command, count, count, expected)) {
        *failure = bad;
        return Error{bad->message};
    }
    const auto id = parseId(context.arguments.first(), u"task id"_s);
    if (!id) {
        *failure = usage(id.error());
        return Error{id.error()};
    }
    auto task = TaskStore(db).get(*id);
    if (!task)
        *failure = Failed{task.error()};
    return task;
}

Outcome cmdTaskMove(Context &context)
{
    if (!context.parser.isSet(u"column"_s))
        return usage(u"task move: --column COLUMN is required"_s);
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto task = taskArgument(context, **db, u"task move"_s, 1, u"one TASK_ID"_s, &failure);
    if (!task)
        return failure;
    const auto column
        = BoardStore(**db).findColumn(task->organisationId, context.parser.value(u"column"_s));
    if (!column)
        return Failed{column.error()};
    std::optional<qint64> before;
    if (context.parser.isSet(u"before"_s)) {
        const auto id = parseId(context.parser.value(u"before"_s), u"--before"_s);
        if (!id)
            return usage(id.error());
        before = *id;
    }
    if (const Status moved = TaskStore(**db).move(task->id, column->id, before); !moved)
        return Failed{moved.error()};
    context.out << task->id << '\n';
    return {};
}

// 'task edit' and 'task assign': the fields given change, under the row_version check.
Outcome updateTask(Context &context, Database &db, Task task)
{
    if (const Status updated = TaskStore(db).update(task); !updated)
        return Failed{updated.error()};
    context.out << task.id << '\n';
    return {};
}

Outcome cmdTaskAssign(Context &context)
{
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    auto task
        = taskArgument(context, **db, u"task assign"_s, 2, u"TASK_ID NAME (or none)"_s, &failure);
    if (!task)
        return failure;
    const QString name = context.arguments.at(1).trimmed();
    task.value().assignee = name.compare(u"none"_s, Qt::CaseInsensitive) == 0 ? QString() : name;
    return updateTask(context, **db, *task);
}

Outcome cmdTaskEdit(Context &context)
{
    const QCommandLineParser &p = context.parser;
    if (!p.isSet(u"title"_s) && !p.isSet(u"description"_s) && !p.isSet(u"assignee"_s))
        return usage(u"task edit: expected --title, --description or --assignee"_s);
    if (p.isSet(u"title"_s) && p.value(u"title"_s).trimmed().isEmpty())
        return usage(u"--title: expected some text"_s);
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    auto task = taskArgument(context, **db, u"task edit"_s, 1, u"one TASK_ID"_s, &failure);
    if (!task)
        return failure;
    if (p.isSet(u"title"_s))
        task.value().title = p.value(u"title"_s);
    if (p.isSet(u"description"_s))
        task.value().description = p.value(u"description"_s);
    if (p.isSet(u"assignee"_s))
        task.value().assignee = p.value(u"assignee"_s);
    return updateTask(context, **db, *task);
}

Outcome cmdTaskLabel(Context &context)
{
    return applyLabels(context, u"task label"_s, LabelStore::Target::Task);
}

Outcome cmdFixAdd(Context &context)
{
    if (!context.parser.isSet(u"branch"_s) || context.parser.value(u"branch"_s).trimmed().isEmpty())
        return usage(u"fix add: --branch BRANCH is required"_s);
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto task = taskArgument(context, **db, u"fix add"_s, 1, u"one TASK_ID"_s, &failure);
    if (!task)
        return failure;
    FixRecord fix;
    fix.taskId = task->id;
    fix.branch = context.parser.value(u"branch"_s).trimmed();
    fix.revision = context.parser.value(u"revision"_s);
    fix.version = context.parser.value(u"version"_s);
    fix.deployedTo = context.parser.value(u"deployed-to"_s);
    const auto id = TaskStore(**db).addFixRecord(fix);
    if (!id)
        return Failed{id.error()};
    context.out << *id << '\n';
    return {};
}

Outcome cmdFixVerify(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"fix verify"_s, 1, 1, u"one FIX_ID"_s))
        return bad;
    const auto id = parseId(context.arguments.first(), u"fix id"_s);
    if (!id)
        return usage(id.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    if (const Status verified = TaskStore(**db).verifyFix(*id); !verified)
        return Failed{verified.error()};
    context.out << *id << '\n';
    return {};
}

} // namespace

QList<Command> taskCommands()
{
    return {
        {u"list tasks"_s,
         {},
         u"List tasks in board order."_s,
         {{u"org"_s, u"Only this organisation's tasks."_s, u"ORG"_s}, formatOption()},
         cmdListTasks},
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
        {u"task add"_s,
         u"[DELTA_ID...]"_s,
         u"Add a card to a board, linked to deltas or to none (a chore); prints its id."_s,
         {{u"org"_s, u"The organisation whose board it goes on."_s, u"ORG"_s},
          {u"title"_s, u"The task's title."_s, u"TITLE"_s},
          {u"column"_s, u"The column (default: the first)."_s, u"COLUMN"_s},
          {u"assignee"_s, u"Who works on it."_s, u"NAME"_s},
          {u"description"_s, u"What is to be done."_s, u"TEXT"_s}},
         cmdTaskAdd},
        {u"task remove"_s,
         u"TASK_ID"_s,
         u"Delete a task; history keeps that it existed."_s,
         {},
         cmdTaskRemove},
        {u"task move"_s,
         u"TASK_ID"_s,
         u"Move a card to a column of its board (at the end, or before another card)."_s,
         {{u"column"_s, u"The column: its name or its position, 1 being first."_s, u"COLUMN"_s},
          {u"before"_s, u"The card it goes before."_s, u"TASK_ID"_s}},
         cmdTaskMove},
        {u"task assign"_s,
         u"TASK_ID NAME"_s,
         u"Say who works on a task (none: nobody)."_s,
         {},
         cmdTaskAssign},
        {u"task edit"_s,
         u"TASK_ID"_s,
         u"Change a task's title, description or assignee."_s,
         {{u"title"_s, u"Its new title."_s, u"TITLE"_s},
          {u"description"_s, u"What is to be done."_s, u"TEXT"_s},
          {u"assignee"_s, u"Who works on it (empty: nobody)."_s, u"NAME"_s}},
         cmdTaskEdit},
        {u"task label"_s, u"TASK_ID LABEL..."_s,
         u"Put labels on a task (new names make new labels); --remove takes them off."_s,
         labelOptions(), cmdTaskLabel},
        {u"fix add"_s,
         u"TASK_ID"_s,
         u"Record where a task's fix landed; prints the fix record's id."_s,
         {{u"branch"_s, u"The branch it landed on."_s, u"BRANCH"_s},
          {u"revision"_s, u"The commit."_s, u"REVISION"_s},
          {u"version"_s, u"The first version that has it."_s, u"VERSION"_s},
          {u"deployed-to"_s, u"Where it runs."_s, u"WHERE"_s}},
         cmdFixAdd},
        {u"fix verify"_s,
         u"FIX_ID"_s,
         u"Record that a fix was verified where it landed."_s,
         {},
         cmdFixVerify},
    };
}

} // namespace Deltaboard::Cli
