#include "cli.h"

#include "command.h"
#include "inputtext.h"
#include "paths.h"

#include <QCommandLineParser>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Deltaboard::Cli {

namespace {

// Every command, group by group (each group's file lists its own).
const QList<Command> &commands()
{
    static const QList<Command> list = [] {
        QList<Command> all;
        for (const auto &group : {&workspaceCommands, &boardCommands, &deltaCommands, &taskCommands,
                                  &reportCommands, &crashCommands, &transferCommands})
            all.append(group());
        return all;
    }();
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
    parser.addOption(
        {u"wait"_s,
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
