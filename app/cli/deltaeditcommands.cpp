#include "command.h"
#include "commentstore.h"
#include "deltastore.h"
#include "groupstore.h"
#include "labelstore.h"
#include "relationstore.h"

using namespace Qt::StringLiterals;

// Writing deltas: record one, edit its fields, set its state, relate it to another, label it,
// comment on it (or on a task). Each command is one transaction and prints the id it wrote.
namespace Deltaboard::Cli {

namespace {

// The delta fields a command line sets: --title, --kind, --desired, --actual, --details,
// --component (a name, or "none"), --found-in, --fixed-in, --severity (a name, or "none"),
// --reporter. Only the options given change.
Status applyFields(const Context &context, Database &db, Delta *delta)
{
    const QCommandLineParser &p = context.parser;
    if (p.isSet(u"title"_s)) {
        if (p.value(u"title"_s).trimmed().isEmpty())
            return Error{u"--title: expected some text"_s};
        delta->title = p.value(u"title"_s);
    }
    if (p.isSet(u"kind"_s)) {
        const auto kind = Levels::kindFromName(p.value(u"kind"_s));
        if (!kind)
            return Error{u"--kind: expected one of %1, not '%2'"_s.arg(
                Levels::kindNames().join(u", "_s), p.value(u"kind"_s))};
        delta->kind = *kind;
    }
    for (const auto &[option, field] :
         {std::pair{u"desired"_s, &delta->desired}, std::pair{u"actual"_s, &delta->actual},
          std::pair{u"details"_s, &delta->details}, std::pair{u"found-in"_s, &delta->foundIn},
          std::pair{u"fixed-in"_s, &delta->fixedIn}, std::pair{u"reporter"_s, &delta->reporter}}) {
        if (p.isSet(option))
            *field = p.value(option);
    }
    if (p.isSet(u"severity"_s)) {
        const QString name = p.value(u"severity"_s).trimmed();
        if (name.compare(u"none"_s, Qt::CaseInsensitive) == 0 || name.isEmpty()) {
            delta->severity.reset();
        } else {
            const auto level = Levels::severityFromName(name.toLower());
            if (!level)
                return Error{u"--severity: expected one of %1 or none, not '%2'"_s.arg(
                    Levels::severityNames().join(u", "_s), name)};
            delta->severity = *level;
        }
    }
    if (p.isSet(u"component"_s)) {
        const QString name = p.value(u"component"_s);
        if (name.compare(u"none"_s, Qt::CaseInsensitive) == 0 || name.isEmpty()) {
            delta->componentId.reset();
        } else {
            const auto component = findComponent(db, name);
            if (!component)
                return Error{u"--component: %1"_s.arg(component.error())};
            delta->componentId = component->id;
        }
    }
    return {};
}

QList<QCommandLineOption> fieldOptions()
{
    return {{u"title"_s, u"What is wrong or wanted, in one line."_s, u"TITLE"_s},
            {u"kind"_s, u"defect, crash or spec."_s, u"KIND"_s},
            {u"desired"_s, u"What should happen."_s, u"TEXT"_s},
            {u"actual"_s, u"What happens instead."_s, u"TEXT"_s},
            {u"details"_s, u"More, in Markdown."_s, u"TEXT"_s},
            {u"component"_s, u"The component it is in (a name; none to clear)."_s, u"NAME"_s},
            {u"found-in"_s, u"The version it was found in."_s, u"VERSION"_s},
            {u"fixed-in"_s, u"The version it is fixed in or planned for."_s, u"VERSION"_s},
            {u"severity"_s,
             u"How bad the reporter says it is: trivial, minor, normal, major, critical (none "
             u"to clear)."_s,
             u"SEVERITY"_s},
            {u"reporter"_s, u"Who reported it."_s, u"NAME"_s}};
}

Result<qint64> deltaArgument(const Context &context, const QString &command, int count,
                             const QString &expected, Outcome *failure)
{
    if (const Outcome bad = expectArguments(context, command, count, count, expected)) {
        *failure = bad;
        return Error{bad->message};
    }
    auto id = parseId(context.arguments.first(), u"delta id"_s);
    if (!id)
        *failure = usage(id.error());
    return id;
}

Outcome cmdDeltaAdd(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"delta add"_s, 0, 0, u"no arguments"_s))
        return bad;
    if (!context.parser.isSet(u"title"_s))
        return usage(u"delta add: --title TITLE is required"_s);
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    Delta delta;
    if (const Status set = applyFields(context, **db, &delta); !set)
        return usage(set.error());
    Transaction transaction(**db);
    const auto id = DeltaStore(**db).create(delta);
    if (!id)
        return Failed{id.error()};
    if (context.parser.isSet(u"label"_s)) {
        const auto labelled = LabelStore(**db).attach(LabelStore::Target::Delta, *id,
                                                      context.parser.values(u"label"_s));
        if (!labelled)
            return Failed{labelled.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Failed{committed.error()};
    context.out << *id << '\n';
    return {};
}

Outcome cmdDeltaEdit(Context &context)
{
    Outcome failure;
    const auto id = deltaArgument(context, u"delta edit"_s, 1, u"one DELTA_ID"_s, &failure);
    if (!id)
        return failure;
    std::optional<int> expected;
    if (context.parser.isSet(u"if-version"_s)) {
        const auto version = parseCount(context, u"if-version"_s, 0, 1);
        if (!version)
            return usage(version.error());
        expected = *version;
    }
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    Transaction transaction(**db);
    DeltaStore store(**db);
    auto read = store.get(*id);
    if (!read)
        return Failed{read.error()};
    Delta *delta = &read.value();
    if (expected && *expected != delta->rowVersion) {
        return Failed{u"delta %1 is at version %2, not %3: it was changed since it was read "
                      u"(run 'show delta %1' to see by whom)"_s.arg(*id)
                          .arg(delta->rowVersion)
                          .arg(*expected)};
    }
    if (const Status set = applyFields(context, **db, delta); !set)
        return usage(set.error());
    if (const Status updated = store.update(*delta); !updated)
        return Failed{updated.error()};
    if (const Status committed = transaction.commit(); !committed)
        return Failed{committed.error()};
    context.out << *id << '\n';
    return {};
}

Outcome cmdDeltaState(Context &context)
{
    Outcome failure;
    const auto id = deltaArgument(context, u"delta state"_s, 2, u"DELTA_ID STATE"_s, &failure);
    if (!id)
        return failure;
    const QString name = context.arguments.at(1);
    const auto state = Levels::stateFromName(name);
    if (!state)
        return usage(
            u"state: expected one of %1, not '%2'"_s.arg(Levels::stateNames().join(u", "_s), name));
    std::optional<qint64> original;
    if (*state == DeltaState::Duplicate) {
        if (!context.parser.isSet(u"of"_s))
            return usage(u"delta state: a duplicate needs --of DELTA_ID, the delta it repeats"_s);
        const auto of = parseId(context.parser.value(u"of"_s), u"--of"_s);
        if (!of)
            return usage(of.error());
        original = *of;
    } else if (context.parser.isSet(u"of"_s)) {
        return usage(u"delta state: --of goes only with the state duplicate"_s);
    }
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    if (const Status set = DeltaStore(**db).setState(*id, *state, original); !set)
        return Failed{set.error()};
    context.out << *id << '\n';
    return {};
}

Outcome relate(Context &context, const QString &command, bool add)
{
    Outcome failure;
    const auto id = deltaArgument(context, command, 3, u"DELTA_ID RELATION OTHER_ID"_s, &failure);
    if (!id)
        return failure;
    const auto type = Levels::relationFromKey(context.arguments.at(1));
    if (!type)
        return usage(u"relation: expected one of %1, not '%2'"_s.arg(
            Levels::relationKeys().join(u", "_s), context.arguments.at(1)));
    const auto other = parseId(context.arguments.at(2), u"other delta id"_s);
    if (!other)
        return usage(other.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    RelationStore relations(**db);
    if (const Status done
        = add ? relations.add(*id, *type, *other) : relations.remove(*id, *type, *other);
        !done) {
        return Failed{done.error()};
    }
    context.out << *id << '\n';
    return {};
}

Outcome cmdDeltaRelate(Context &context)
{
    return relate(context, u"delta relate"_s, true);
}

Outcome cmdDeltaUnrelate(Context &context)
{
    return relate(context, u"delta unrelate"_s, false);
}

Outcome cmdDeltaLabel(Context &context)
{
    return applyLabels(context, u"delta label"_s, LabelStore::Target::Delta);
}

Outcome cmdCommentAdd(Context &context)
{
    const bool onDelta = context.parser.isSet(u"delta"_s);
    if (onDelta == context.parser.isSet(u"task"_s))
        return usage(u"comment add: expected --delta ID or --task ID (one of them)"_s);
    if (const Outcome bad = expectArguments(context, u"comment add"_s, 1, 1, u"the TEXT"_s))
        return bad;
    const QString text = context.arguments.first();
    if (text.trimmed().isEmpty())
        return usage(u"comment add: the comment's text is empty"_s);
    const auto id = parseId(context.parser.value(onDelta ? u"delta"_s : u"task"_s),
                            onDelta ? u"--delta"_s : u"--task"_s);
    if (!id)
        return usage(id.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    Comment comment;
    (onDelta ? comment.deltaId : comment.taskId) = *id;
    comment.body = text;
    comment.author = context.parser.value(u"author"_s);
    const auto added = CommentStore(**db).add(comment);
    if (!added)
        return Failed{added.error()};
    context.out << *added << '\n';
    return {};
}

} // namespace

QList<Command> deltaEditCommands()
{
    QList<QCommandLineOption> addOptions = fieldOptions();
    addOptions.append({u"label"_s, u"A label to put on it (repeat for more)."_s, u"NAME"_s});
    QList<QCommandLineOption> editOptions = fieldOptions();
    editOptions.append({u"if-version"_s,
                        u"Refuse unless the delta is still at this row version (from 'show "
                        u"delta --format json'), so another's change is not overwritten."_s,
                        u"N"_s});
    return {
        {u"delta add"_s,
         {},
         u"Record a delta (a defect by default); prints its id."_s,
         addOptions,
         cmdDeltaAdd},
        {u"delta edit"_s, u"DELTA_ID"_s, u"Change a delta's fields (only the options given)."_s,
         editOptions, cmdDeltaEdit},
        {u"delta state"_s,
         u"DELTA_ID STATE"_s,
         u"Set a delta's state: %1 (duplicate needs --of)."_s.arg(
             Levels::stateNames().join(u", "_s)),
         {{u"of"_s, u"The delta it is a duplicate of."_s, u"DELTA_ID"_s}},
         cmdDeltaState},
        {u"delta relate"_s,
         u"DELTA_ID RELATION OTHER_ID"_s,
         u"Relate two deltas: %1."_s.arg(Levels::relationKeys().join(u", "_s)),
         {},
         cmdDeltaRelate},
        {u"delta unrelate"_s,
         u"DELTA_ID RELATION OTHER_ID"_s,
         u"Remove a relation between two deltas."_s,
         {},
         cmdDeltaUnrelate},
        {u"delta label"_s, u"DELTA_ID LABEL..."_s,
         u"Put labels on a delta (new names make new labels); --remove takes them off."_s,
         labelOptions(), cmdDeltaLabel},
        {u"comment add"_s,
         u"TEXT"_s,
         u"Comment on a delta or a task; prints the comment's id."_s,
         {{u"delta"_s, u"The delta to comment on."_s, u"ID"_s},
          {u"task"_s, u"The task to comment on."_s, u"ID"_s},
          {u"author"_s, u"Who says it (default: you)."_s, u"NAME"_s}},
         cmdCommentAdd},
    };
}

} // namespace Deltaboard::Cli
