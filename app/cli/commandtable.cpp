#include "cli.h"

#include "command.h"
#include "inputtext.h"
#include "paths.h"
#include "teamstore.h"

#include <QCommandLineParser>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Deltaboard::Cli {

// Every command, group by group (each group's file lists its own).
const QList<Command> &allCommands()
{
    static const QList<Command> list = [] {
        QList<Command> all;
        for (const auto &group :
             {&workspaceCommands, &boardCommands, &deltaCommands, &deltaEditCommands,
              &labelCommands, &viewCommands, &taskCommands, &reportCommands, &crashCommands,
              &transferCommands, &teamCommands, &batchCommands})
            all.append(group());
        return all;
    }();
    return list;
}

QList<QCommandLineOption> globalOptions()
{
    return {{u"db"_s,
             u"The database: a file, or a team database's PostgreSQL URL "
             u"(postgresql://user@host:5432/deltaboard). Default: "
             u"~/.local/share/deltaboard/deltaboard.sqlite."_s,
             u"PATH"_s},
            {u"wait"_s,
             u"How long a write waits for another writer to finish, in seconds (%1)."_s.arg(
                 kDefaultWaitSeconds),
             u"SECONDS"_s}};
}

namespace {

const QList<Command> &commands()
{
    return allCommands();
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

} // namespace

// What an argument of a synopsis is, for a command's --help.
QString describeArgument(const QString &argument)
{
    QString name = argument;
    name.remove(u'[').remove(u']');
    const bool many = name.endsWith(u"..."_s);
    name.remove(u"..."_s);
    static const QHash<QString, QString> known = {
        {u"ID"_s, u"The record's id."_s},
        {u"DELTA_ID"_s, u"A delta's id."_s},
        {u"OTHER_ID"_s, u"The other delta's id."_s},
        {u"TASK_ID"_s, u"A task's id."_s},
        {u"FIX_ID"_s, u"A fix record's id (from 'show task')."_s},
        {u"RELATION"_s, u"One of: %1."_s.arg(Levels::relationKeys().join(u", "_s))},
        {u"STATE"_s, u"One of: %1."_s.arg(Levels::stateNames().join(u", "_s))},
        {u"LEVEL"_s, u"A level by name."_s},
        {u"LABEL"_s, u"A label's name."_s},
        {u"TEXT"_s, u"The text (quote it)."_s},
        {u"NAME"_s, u"A name."_s},
        {u"NEW_NAME"_s, u"The new name."_s},
        {u"ORG"_s, u"An organisation, by name or id."_s},
        {u"LOGIN"_s, u"A database login (a PostgreSQL role)."_s},
        {u"ROLE"_s, u"One of: %1."_s.arg(TeamStore::roleNames().join(u", "_s))},
        {u"GROUP"_s, u"A user group, by name."_s},
        {u"COMPONENT"_s, u"A component, by name."_s},
        {u"COLUMN"_s, u"A column, by name or position (1 is first)."_s},
        {u"POSITION"_s, u"A position, 1 being first."_s},
        {u"PATH"_s, u"A file or a folder."_s},
        {u"FILE"_s, u"A file; - is standard input."_s},
    };
    const QString text = known.value(name, name);
    return many ? text + u" (one or more)"_s : text;
}

namespace {

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
    return runCommand(arguments, out, err, nullptr);
}

int runCommand(const QStringList &arguments, QTextStream &out, QTextStream &err, Database *shared)
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
    // For the build and the shell: the man page and the completion script (made from the
    // table), and the names the completion offers.
    if (!shared && arguments.size() == 1 && arguments.first() == u"--man-page"_s) {
        out << manPage();
        return Success;
    }
    if (!shared && arguments.size() == 1 && arguments.first() == u"--bash-completion"_s) {
        out << bashCompletion();
        return Success;
    }
    if (!shared && arguments.value(0) == u"--complete"_s)
        return completeNames(arguments.mid(1), out, err);
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
    parser.addOptions(globalOptions());
    parser.addOption({{u"h"_s, u"help"_s}, u"Show this help."_s});
    parser.addOptions(command->options);
    // The help shows the command's own arguments, each with what it is.
    for (const QString &argument : command->usage.split(u' ', Qt::SkipEmptyParts))
        parser.addPositionalArgument(argument, describeArgument(argument));
    if (!parser.parse(commandArguments))
        return fail(u"%1: %2"_s.arg(command->words, parser.errorText()), UsageError);
    if (shared && (parser.isSet(u"db"_s) || parser.isSet(u"wait"_s))) {
        return fail(u"%1: --db and --wait are the batch's own, not a line's"_s.arg(command->words),
                    UsageError);
    }
    if (shared && command->words == u"batch"_s)
        return fail(u"batch: a batch cannot run another batch"_s, UsageError);
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
                    waitMs,
                    shared};
    // A command is one transaction that wrote nothing when it failed: one that PostgreSQL gave
    // up on for a serialization failure or a deadlock with another client runs again, a bounded
    // number of times, before the failure is reported.
    Outcome outcome;
    for (int attempt = 1; attempt <= Database::kRetries; ++attempt) {
        outcome = command->handler(context);
        if (!outcome || !Database::isRetryable(outcome->message) || context.shared)
            break;
    }
    if (outcome)
        return fail(outcome->message, outcome->code);
    return Success;
}

} // namespace Deltaboard::Cli
