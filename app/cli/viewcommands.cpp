#include "command.h"
#include "labelstore.h"
#include "savedviewstore.h"
#include "tableprinter.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Saved views: the filters an organisation keeps in the app's View menu, listed, saved and
// removed from the command line too.
namespace Deltaboard::Cli {

namespace {

Outcome cmdListViews(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto organisation
        = requiredOrganisation(context, *request->db, u"list views"_s, &failure);
    if (!organisation)
        return failure;
    const auto views = SavedViewStore(*request->db).list(organisation->id);
    if (!views)
        return Failed{views.error()};
    if (request->json) {
        QJsonArray array;
        for (const SavedView &view : *views) {
            array.append(
                QJsonObject{{u"id"_s, view.id},
                            {u"name"_s, view.name},
                            {u"view"_s, view.view},
                            {u"filter"_s, QJsonDocument::fromJson(view.filter.toUtf8()).object()}});
        }
        printJson(context.out, array);
        return {};
    }
    if (views->isEmpty()) {
        context.out << "no saved views for " << organisation->name << '\n';
        return {};
    }
    TablePrinter table({u"ID"_s, u"VIEW"_s, u"NAME"_s, u"FILTER"_s});
    for (const SavedView &view : *views)
        table.addRow({QString::number(view.id), view.view, view.name, view.filter});
    table.print(context.out);
    return {};
}

Outcome cmdViewSave(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"view save"_s, 1, 1, u"one NAME"_s))
        return bad;
    const QCommandLineParser &p = context.parser;
    const QString which = p.isSet(u"view"_s) ? p.value(u"view"_s) : u"deltas"_s;
    if (!SavedViewStore::isView(which))
        return usage(u"--view: expected deltas or board, not '%1'"_s.arg(which));
    QJsonObject filter;
    if (p.isSet(u"search"_s))
        filter.insert(u"search"_s, p.value(u"search"_s));
    if (p.isSet(u"kind"_s)) {
        if (!Levels::kindFromName(p.value(u"kind"_s)))
            return usage(u"--kind: expected one of %1, not '%2'"_s.arg(
                Levels::kindNames().join(u", "_s), p.value(u"kind"_s)));
        filter.insert(u"kind"_s, p.value(u"kind"_s).toLower());
    }
    if (p.isSet(u"state"_s)) {
        if (!Levels::stateFromName(p.value(u"state"_s)))
            return usage(u"--state: expected one of %1, not '%2'"_s.arg(
                Levels::stateNames().join(u", "_s), p.value(u"state"_s)));
        filter.insert(u"state"_s, p.value(u"state"_s).toLower());
    }
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = requiredOrganisation(context, **db, u"view save"_s, &failure);
    if (!organisation)
        return failure;
    if (p.isSet(u"label"_s)) {
        const auto label = LabelStore(**db).find(p.value(u"label"_s));
        if (!label)
            return Failed{u"--label: %1"_s.arg(label.error())};
        filter.insert(u"label"_s, label->id);
    }
    SavedViewStore views(**db);
    const QString json = QString::fromUtf8(QJsonDocument(filter).toJson(QJsonDocument::Compact));
    if (const auto existing = views.find(organisation->id, context.arguments.first())) {
        if (const Status replaced = views.replace(existing->id, which, json); !replaced)
            return Failed{replaced.error()};
        context.out << existing->id << '\n';
        return {};
    }
    const auto id = views.add({0, organisation->id, context.arguments.first(), which, json, 0});
    if (!id)
        return Failed{id.error()};
    context.out << *id << '\n';
    return {};
}

Outcome cmdViewRemove(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"view remove"_s, 1, 1, u"one NAME"_s))
        return bad;
    Outcome failure;
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const auto organisation = requiredOrganisation(context, **db, u"view remove"_s, &failure);
    if (!organisation)
        return failure;
    SavedViewStore views(**db);
    const auto view = views.find(organisation->id, context.arguments.first());
    if (!view)
        return Failed{view.error()};
    if (const auto removed = views.remove(view->id); !removed)
        return Failed{removed.error()};
    context.out << view->id << '\n';
    return {};
}

} // namespace

QList<Command> viewCommands()
{
    const QCommandLineOption org{u"org"_s, u"The organisation whose views they are."_s, u"ORG"_s};
    return {
        {u"list views"_s,
         {},
         u"List an organisation's saved views (the View menu's filters)."_s,
         {org, formatOption()},
         cmdListViews},
        {u"view save"_s,
         u"NAME"_s,
         u"Save a filter as a view (a name in use is replaced); prints its id."_s,
         {org,
          {u"view"_s, u"deltas (default) or board."_s, u"VIEW"_s},
          {u"search"_s, u"Words to search, or #id."_s, u"TEXT"_s},
          {u"kind"_s, u"Only this kind."_s, u"KIND"_s},
          {u"state"_s, u"Only this state."_s, u"STATE"_s},
          {u"label"_s, u"Only deltas with this label."_s, u"LABEL"_s}},
         cmdViewSave},
        {u"view remove"_s, u"NAME"_s, u"Remove a saved view."_s, {org}, cmdViewRemove},
    };
}

} // namespace Deltaboard::Cli
