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
    };
}

} // namespace Deltaboard::Cli
