#include "command.h"

#include "groupstore.h"
#include "historyformatter.h"
#include "inputtext.h"
#include "organisationstore.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Deltaboard::Cli {

QCommandLineOption formatOption()
{
    return {u"format"_s, u"Output format: table or json."_s, u"table|json"_s, u"table"_s};
}

Outcome usage(const QString &message)
{
    return Failed{message, UsageError};
}

Database::Options databaseOptions(const Context &context)
{
    Database::Options options;
    options.busyTimeoutMs = context.waitMs;
    QTextStream *err = &context.err;
    const int seconds = context.waitMs / 1000;
    options.waiting = [err, seconds] {
        *err << "deltaboard-cli: waiting for another Deltaboard writer to finish (up to " << seconds
             << " s; --wait SECONDS changes it)...\n";
        err->flush();
    };
    return options;
}

Result<DatabaseRef> openDatabase(const Context &context, bool create)
{
    if (context.shared)
        return DatabaseRef(context.shared, [](Database *) {}); // batch owns it
    Database::Options options = databaseOptions(context);
    options.createIfMissing = create;
    auto opened = Database::open(context.databasePath, options);
    if (!opened)
        return Error{opened.error()};
    return DatabaseRef(std::move(opened).value());
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

Result<QList<qint64>> parseIds(const QStringList &texts, const QString &what)
{
    QList<qint64> ids;
    for (const QString &text : texts) {
        const auto id = parseId(text, what);
        if (!id)
            return Error{id.error()};
        ids.append(*id);
    }
    return ids;
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

Result<UserGroup> findGroup(Database &db, const QString &name)
{
    return GroupStore(db).groupByName(name);
}

Result<Component> findComponent(Database &db, const QString &name)
{
    return GroupStore(db).componentByName(name);
}

Result<Organisation> requiredOrganisation(const Context &context, Database &db,
                                          const QString &command, Outcome *failure)
{
    if (!context.parser.isSet(u"org"_s)) {
        *failure = usage(u"%1: --org ORG is required"_s.arg(command));
        return Error{failure->value().message};
    }
    auto organisation = findOrganisation(db, context.parser.value(u"org"_s));
    if (!organisation)
        *failure = Failed{organisation.error()};
    return organisation;
}

Result<std::optional<int>> parseOptionalCount(const Context &context, const QString &option,
                                              int minimum, std::optional<int> unset)
{
    if (!context.parser.isSet(option))
        return unset;
    const QString text = context.parser.value(option).trimmed();
    if (text.compare(u"none"_s, Qt::CaseInsensitive) == 0)
        return std::optional<int>();
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum) {
        return Error{u"--%1: expected a whole number of at least %2, or none, not %3"_s.arg(option)
                         .arg(minimum)
                         .arg(InputText::quoted(text))};
    }
    return std::optional<int>(value);
}

Result<bool> parseYesNo(const Context &context, const QString &option, bool unset)
{
    if (!context.parser.isSet(option))
        return unset;
    const QString text = context.parser.value(option).trimmed().toLower();
    if (text == u"yes"_s || text == u"true"_s || text == u"1"_s)
        return true;
    if (text == u"no"_s || text == u"false"_s || text == u"0"_s)
        return false;
    return Error{u"--%1: expected yes or no, not %2"_s.arg(option, InputText::quoted(text))};
}

Outcome expectArguments(const Context &context, const QString &command, qsizetype minimum,
                        qsizetype maximum, const QString &expected)
{
    const qsizetype count = context.arguments.size();
    if (count < minimum || count > maximum)
        return usage(u"%1: expected %2"_s.arg(command, expected));
    return {};
}

void printJson(QTextStream &out, const QJsonValue &value)
{
    if (value.isArray())
        out << QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        out << QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
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
        out << "  " << entry.changedAt << "  " << entry.actor << "  " << names.sentence(entry)
            << '\n';
    }
}

QJsonArray historyJson(const QList<HistoryEntry> &entries, const HistoryFormatter &names)
{
    QJsonArray array;
    for (const HistoryEntry &entry : entries) {
        array.append(QJsonObject{{u"field"_s, entry.field},
                                 {u"text"_s, names.sentence(entry)},
                                 {u"old"_s, textOrNull(entry.oldValue)},
                                 {u"new"_s, textOrNull(entry.newValue)},
                                 {u"at"_s, entry.changedAt},
                                 {u"actor"_s, entry.actor}});
    }
    return array;
}

QJsonArray labelsJson(const QList<Label> &labels)
{
    QJsonArray array;
    for (const Label &label : labels)
        array.append(QJsonObject{{u"name"_s, label.name}, {u"colour"_s, label.colour}});
    return array;
}

QStringList labelNames(const QList<Label> &labels)
{
    QStringList names;
    for (const Label &label : labels)
        names.append(label.name);
    return names;
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

Result<ReadRequest> readRequest(const Context &context, Outcome *failure)
{
    const auto json = wantsJson(context);
    if (!json) {
        *failure = usage(json.error());
        return Error{json.error()};
    }
    auto db = openDatabase(context, false);
    if (!db) {
        *failure = Failed{db.error()};
        return Error{db.error()};
    }
    return ReadRequest{*json, std::move(db).value()};
}

Result<ShowRequest> showRequest(const Context &context, const QString &what, Outcome *failure)
{
    if (context.arguments.size() != 1) {
        *failure = usage(u"show %1: expected one %1 id"_s.arg(what));
        return Error{failure->value().message};
    }
    const auto id = parseId(context.arguments.first(), what + u" id"_s);
    if (!id) {
        *failure = usage(id.error());
        return Error{id.error()};
    }
    auto request = readRequest(context, failure);
    if (!request)
        return Error{request.error()};
    return ShowRequest{request->json, *id, std::move(request.value().db)};
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

QList<QCommandLineOption> labelOptions()
{
    return {{u"remove"_s, u"Take the labels off instead."_s}};
}

Outcome applyLabels(Context &context, const QString &command, LabelStore::Target target)
{
    const QString what = target == LabelStore::Target::Delta ? u"DELTA_ID"_s : u"TASK_ID"_s;
    if (const Outcome bad = expectArguments(context, command, 2, 1000, what + u" LABEL..."_s))
        return bad;
    const auto id = parseId(context.arguments.first(),
                            target == LabelStore::Target::Delta ? u"delta id"_s : u"task id"_s);
    if (!id)
        return usage(id.error());
    const QStringList names = context.arguments.mid(1);
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    LabelStore labels(**db);
    const auto changed = context.parser.isSet(u"remove"_s) ? labels.detach(target, *id, names)
                                                           : labels.attach(target, *id, names);
    if (!changed)
        return Failed{changed.error()};
    context.out << *id << '\n';
    return {};
}

} // namespace Deltaboard::Cli
