#include "command.h"
#include "labelstore.h"
#include "tableprinter.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

// Labels: list them, make one with a colour, change it, remove it (from everything it is on).
namespace Deltaboard::Cli {

namespace {

Result<Label> labelArgument(const Context &context, Database &db, const QString &command,
                            Outcome *failure)
{
    if (const Outcome bad = expectArguments(context, command, 1, 1, u"one LABEL"_s)) {
        *failure = bad;
        return Error{bad->message};
    }
    auto label = LabelStore(db).find(context.arguments.first());
    if (!label)
        *failure = Failed{label.error()};
    return label;
}

Outcome cmdListLabels(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto labels = LabelStore(*request->db).list();
    if (!labels)
        return Failed{labels.error()};
    if (request->json) {
        QJsonArray array;
        for (const Label &label : *labels) {
            array.append(QJsonObject{{u"id"_s, label.id},
                                     {u"name"_s, label.name},
                                     {u"colour"_s, label.colour},
                                     {u"deltas"_s, label.deltas},
                                     {u"tasks"_s, label.tasks}});
        }
        printJson(context.out, array);
        return {};
    }
    if (labels->isEmpty()) {
        context.out << "no labels yet; 'delta label ID NAME' or 'label add NAME' makes one\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"COLOUR"_s, u"DELTAS"_s, u"TASKS"_s, u"NAME"_s});
    for (const Label &label : *labels) {
        table.addRow({QString::number(label.id), label.colour, QString::number(label.deltas),
                      QString::number(label.tasks), label.name});
    }
    table.print(context.out);
    return {};
}

Outcome cmdLabelAdd(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"label add"_s, 1, 1, u"one NAME"_s))
        return bad;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto id
        = LabelStore(**db).add(context.arguments.first(), context.parser.value(u"colour"_s));
    if (!id)
        return Failed{id.error()};
    context.out << *id << '\n';
    return {};
}

Outcome cmdLabelSet(Context &context)
{
    if (!context.parser.isSet(u"colour"_s) && !context.parser.isSet(u"name"_s))
        return usage(u"label set: expected --colour #RRGGBB or --name NEW_NAME"_s);
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto label = labelArgument(context, **db, u"label set"_s, &failure);
    if (!label)
        return failure;
    Transaction transaction(**db);
    LabelStore labels(**db);
    if (context.parser.isSet(u"colour"_s)) {
        if (const Status set = labels.setColour(label->id, context.parser.value(u"colour"_s)); !set)
            return Failed{set.error()};
    }
    if (context.parser.isSet(u"name"_s)) {
        if (const Status set = labels.rename(label->id, context.parser.value(u"name"_s)); !set)
            return Failed{set.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Failed{committed.error()};
    context.out << label->id << '\n';
    return {};
}

Outcome cmdLabelRemove(Context &context)
{
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto label = labelArgument(context, **db, u"label remove"_s, &failure);
    if (!label)
        return failure;
    const auto removed = LabelStore(**db).remove(label->id);
    if (!removed)
        return Failed{removed.error()};
    context.out << label->id << '\n';
    return {};
}

} // namespace

QList<Command> labelCommands()
{
    const QCommandLineOption colour{u"colour"_s, u"Its colour, as #rrggbb."_s, u"COLOUR"_s};
    return {
        {u"list labels"_s,
         {},
         u"List labels with their colours and how many deltas and tasks carry each."_s,
         {formatOption()},
         cmdListLabels},
        {u"label add"_s, u"NAME"_s, u"Make a label; prints its id."_s, {colour}, cmdLabelAdd},
        {u"label set"_s,
         u"LABEL"_s,
         u"Change a label's colour or name."_s,
         {colour, {u"name"_s, u"Its new name."_s, u"NEW_NAME"_s}},
         cmdLabelSet},
        {u"label remove"_s,
         u"LABEL"_s,
         u"Remove a label from everything it is on, and the label itself."_s,
         {},
         cmdLabelRemove},
    };
}

} // namespace Deltaboard::Cli
