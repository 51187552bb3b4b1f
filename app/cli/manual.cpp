// The man page and the bash completion of deltaboard-cli, made from the command table, so what
// they say is what the program does.

#include "command.h"

#include "levels.h"
#include "manpage.h"
#include "organisationstore.h"
#include "paths.h"
#include "teamstore.h"
#include "trackerimport.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Deltaboard::Cli {

namespace {

QString synopsisOf(const Command &command)
{
    return (command.words + u' ' + command.usage).trimmed();
}

// What a value or an argument can be, by its name in the table: fixed words, or one of the
// special kinds the completion script fills in.
enum class Values { None, Words, Files, Organisations };
struct ValueSet
{
    Values kind = Values::None;
    QStringList words;
};

ValueSet valuesFor(const QString &valueName)
{
    QString name = valueName;
    name.remove(u'[').remove(u']').remove(u"..."_s);
    if (name.contains(u'|'))
        return {Values::Words, name.split(u'|')};
    if (name == u"ORG"_s)
        return {Values::Organisations, {}};
    if (name == u"FILE"_s || name == u"PATH"_s || name == u"DATABASE"_s || name == u"DIR"_s)
        return {Values::Files, {}};
    if (name == u"FORMAT"_s)
        return {Values::Words, TrackerImport::formats()};
    if (name == u"KIND"_s)
        return {Values::Words, Levels::kindNames()};
    if (name == u"STATE"_s)
        return {Values::Words, Levels::stateNames()};
    if (name == u"SEVERITY"_s)
        return {Values::Words, Levels::severityNames()};
    if (name == u"RELATION"_s)
        return {Values::Words, Levels::relationKeys()};
    if (name == u"ROLE"_s)
        return {Values::Words, TeamStore::roleNames()};
    if (name == u"YES_NO"_s)
        return {Values::Words, {u"yes"_s, u"no"_s}};
    return {};
}

// A shell word in single quotes.
QString quoted(const QString &text)
{
    return u'\'' + QString(text).replace(u"'"_s, u"'\\''"_s) + u'\'';
}

// The completion of one value: the bash lines that fill COMPREPLY.
QString completionOf(const ValueSet &values)
{
    switch (values.kind) {
    case Values::Words:
        return u"_deltaboard_cli_words "_s + quoted(values.words.join(u' ')) + u"; return"_s;
    case Values::Files: return u"_deltaboard_cli_files; return"_s;
    case Values::Organisations: return u"_deltaboard_cli_organisations; return"_s;
    case Values::None: break;
    }
    return u"return"_s;
}

} // namespace

QString manPage()
{
    ManPage page(u"deltaboard-cli"_s, u"the command line of Deltaboard, a work tracker"_s);
    page.synopsis({u"deltaboard-cli [--db PATH] [--wait SECONDS] COMMAND [OPTIONS] [ARGUMENTS]"_s,
                   u"deltaboard-cli COMMAND --help"_s, u"deltaboard-cli --help"_s,
                   u"deltaboard-cli --version"_s});
    page.section(u"Description"_s);
    page.paragraph(
        u"Deltaboard keeps reports apart from commitments. Delta records (defects, crash reports "
        u"grouped by signature, specs) describe a gap between what someone desires and what the "
        u"code does; tasks are one organisation's commitment to do work, the cards on its Kanban "
        u"board. Priority belongs to an organisation, impact to a user group.\n\n"
        u"deltaboard-cli does from a shell or a script everything the app does: it creates and "
        u"checks databases, records and edits deltas, triages them, moves tasks on boards, "
        u"imports from other trackers, exports, and manages a team database's logins. Each "
        u"command that writes is one transaction: when it fails, it wrote nothing. Tables are "
        u"for people; --format json, where offered, is for programs and does not depend on the "
        u"locale."_s);
    page.section(u"Options"_s);
    page.paragraph(u"These go before or after the command, and every command takes them:"_s);
    for (const QCommandLineOption &option : globalOptions())
        page.option(option);
    page.item(u"-h, --help"_s, u"Show the list of commands, or with a command, its options."_s);
    page.item(u"--version"_s, u"Show the version."_s);
    page.section(u"Commands"_s);
    for (const Command &command : allCommands()) {
        page.item(synopsisOf(command), command.summary);
        const QStringList arguments = command.usage.split(u' ', Qt::SkipEmptyParts);
        if (arguments.isEmpty() && command.options.isEmpty())
            continue;
        page.indent();
        for (const QString &argument : arguments)
            page.item(argument, describeArgument(argument));
        for (const QCommandLineOption &option : command.options)
            page.option(option);
        page.unindent();
    }
    page.section(u"Exit status"_s);
    page.item(u"0"_s, u"The command did what it says."_s);
    page.item(u"1"_s,
              u"It failed: one line on standard error says why, and nothing was written."_s);
    page.item(u"2"_s, u"The command line was wrong (an unknown command, option or value)."_s);
    page.section(u"Environment"_s);
    page.databaseEnvironment();
    page.section(u"Files"_s);
    page.defaultDatabaseFile();
    page.section(u"Examples"_s);
    page.paragraph(u"Start a workspace, record a defect and commit an organisation to it:"_s);
    page.item(u"deltaboard-cli --db work.sqlite init"_s, u"A new, empty database."_s);
    page.item(u"deltaboard-cli --db work.sqlite org add \"Kestrel Systems\""_s,
              u"An organisation, with a Kanban board; prints its id."_s);
    page.item(u"deltaboard-cli --db work.sqlite delta add --title \"Resume loses the display\" "
              u"--desired \"The display comes back\" --actual \"It stays black\""_s,
              u"A defect; prints its id (1)."_s);
    page.item(u"deltaboard-cli --db work.sqlite commit 1 --org \"Kestrel Systems\" --title "
              u"\"Bring the display back\""_s,
              u"A task on Kestrel Systems' board, linked to delta 1; prints its id."_s);
    page.item(u"deltaboard-cli --db work.sqlite list deltas --state new --format json"_s,
              u"The new deltas, for a script."_s);
    page.item(u"deltaboard-cli --db work.sqlite import issues.json"_s,
              u"Another tracker's export (the format is detected)."_s);
    page.section(u"See also"_s);
    page.paragraph(u"deltaboard(1)"_s);
    return page.text();
}

QString bashCompletion()
{
    auto dashed = [](const QString &name) {
        return (name.size() == 1 ? u"-"_s : u"--"_s) + name;
    };
    // Every option that takes a value, whichever command it belongs to: its value is no
    // command word.
    QSet<QString> valueOptions;
    QStringList global;
    for (const QCommandLineOption &option : globalOptions()) {
        valueOptions.insert(dashed(option.names().constFirst()));
        global.append(dashed(option.names().constFirst()));
    }
    global.append(u"--help"_s);
    QStringList commandWords;
    for (const Command &command : allCommands()) {
        commandWords.append(quoted(command.words));
        for (const QCommandLineOption &option : command.options) {
            if (!option.valueName().isEmpty()) {
                for (const QString &name : option.names())
                    valueOptions.insert(dashed(name));
            }
        }
    }
    QStringList sortedValueOptions(valueOptions.cbegin(), valueOptions.cend());
    sortedValueOptions.sort();

    QString script
        = u"# bash completion for deltaboard-cli                      -*- shell-script -*-\n"
          u"# Made by 'deltaboard-cli --bash-completion' from its command table: commands,\n"
          u"# options, the values they take, and the organisations of the database at hand.\n\n"
          u"_deltaboard_cli_words()\n{\n"
          u"    mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\")\n}\n\n"
          u"_deltaboard_cli_files()\n{\n"
          u"    compopt -o filenames 2>/dev/null\n"
          u"    mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n}\n\n"
          u"_deltaboard_cli_organisations()\n{\n"
          u"    # What was typed, without the shell's backslashes: Kestrel\\ S is Kestrel S.\n"
          u"    local typed=${cur//\\\\/} name\n"
          u"    COMPREPLY=()\n"
          u"    while IFS= read -r name; do\n"
          u"        [[ $name == \"$typed\"* ]] && COMPREPLY+=(\"$(printf '%q' \"$name\")\")\n"
          u"    done < <(\"${COMP_WORDS[0]}\" --complete orgs \"${db[@]}\" 2>/dev/null)\n}\n\n"
          u"_deltaboard_cli()\n{\n"
          u"    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          u"    local -a words=() db=()\n"
          u"    local i word\n"
          u"    # The words so far, without the options and their values.\n"
          u"    for ((i = 1; i < COMP_CWORD; i++)); do\n"
          u"        word=${COMP_WORDS[i]}\n"
          u"        case $word in\n"
          u"            --db) db=(--db \"${COMP_WORDS[i+1]/#\\~/$HOME}\"); ((i++)) ;;\n"
          u"            "_s
          + sortedValueOptions.join(u'|')
          + u") ((i++)) ;;\n"
            u"            -*) ;;\n"
            u"            *) words+=(\"$word\") ;;\n"
            u"        esac\n"
            u"    done\n"
            u"    # The longest command those words start with, and how many arguments follow it.\n"
            u"    local command='' candidate\n"
            u"    for candidate in "_s
          + commandWords.join(u' ')
          + u"; do\n"
            u"        if [[ \"${words[*]} \" == \"$candidate \"* && ${#candidate} -gt ${#command} "
            u"]]; then\n"
            u"            command=$candidate\n"
            u"        fi\n"
            u"    done\n\n"
            u"    if [[ -z $command ]]; then\n"
            u"        [[ $prev == --db ]] && { _deltaboard_cli_files; return; }\n"
            u"        [[ $prev == --wait ]] && return\n"
            u"        [[ $cur == -* ]] && { _deltaboard_cli_words "_s
          + quoted(global.join(u' ') + u" --version"_s)
          + u"; return; }\n"
            u"        # The next word of a command.\n"
            u"        case \"${words[*]}\" in\n"_s;
    // After "list", the things one can list.
    QMap<QString, QStringList> next;
    for (const Command &command : allCommands()) {
        const QStringList words = command.words.split(u' ');
        for (qsizetype i = 0; i < words.size(); ++i) {
            QStringList &after = next[QStringList(words.mid(0, i)).join(u' ')];
            if (!after.contains(words.at(i)))
                after.append(words.at(i));
        }
    }
    for (auto it = next.cbegin(); it != next.cend(); ++it) {
        script += u"            "_s + (it.key().isEmpty() ? u"''"_s : quoted(it.key())) + u") "_s
                  + completionOf({Values::Words, it.value()}) + u" ;;\n"_s;
    }
    script += u"        esac\n"
              u"        return\n"
              u"    fi\n\n"
              u"    # An option's value.\n"
              u"    case \"$command:$prev\" in\n"
              u"        *:--db) _deltaboard_cli_files; return ;;\n"_s;
    for (const Command &command : allCommands()) {
        for (const QCommandLineOption &option : command.options) {
            const ValueSet values = valuesFor(option.valueName());
            if (values.kind == Values::None)
                continue;
            QStringList patterns;
            for (const QString &name : option.names())
                patterns.append(quoted(command.words + u':' + dashed(name)));
            script += u"        "_s + patterns.join(u'|') + u") "_s + completionOf(values)
                      + u" ;;\n"_s;
        }
    }
    script += u"    esac\n"
              u"    # An option's value that has no list: nothing to offer.\n"
              u"    case $prev in\n"
              u"        "_s
              + sortedValueOptions.join(u'|')
              + u") return ;;\n"
                u"    esac\n\n"
                u"    # The command's options.\n"
                u"    if [[ $cur == -* ]]; then\n"
                u"        case $command in\n"_s;
    for (const Command &command : allCommands()) {
        QStringList names = global;
        for (const QCommandLineOption &option : command.options) {
            for (const QString &name : option.names())
                names.append(dashed(name));
        }
        script += u"            "_s + quoted(command.words) + u") _deltaboard_cli_words "_s
                  + quoted(names.join(u' ')) + u" ;;\n"_s;
    }
    script += u"        esac\n"
              u"        return\n"
              u"    fi\n\n"
              u"    # Its arguments, by position (ARGUMENT... takes any number).\n"
              u"    local -a taken=($command)\n"
              u"    case \"$command:$((${#words[@]} - ${#taken[@]}))\" in\n"_s;
    for (const Command &command : allCommands()) {
        const QStringList arguments = command.usage.split(u' ', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const ValueSet values = valuesFor(arguments.at(i));
            if (values.kind == Values::None)
                continue;
            const bool many = arguments.at(i).endsWith(u"..."_s);
            // ARGUMENT... (always the last): its position and any after it.
            const QString key = quoted(command.words + u':');
            const QString pattern
                = !many ? key + QString::number(i)
                        : key + u"[%1-9]|"_s.arg(std::min<qsizetype>(i, 9)) + key + u"[1-9][0-9]"_s;
            script += u"        "_s + pattern + u") "_s + completionOf(values) + u" ;;\n"_s;
        }
    }
    script += u"    esac\n"
              u"}\n\n"
              u"complete -F _deltaboard_cli deltaboard-cli\n"_s;
    return script;
}

int completeNames(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QString path = Paths::defaultDatabase();
    QStringList rest = arguments;
    const qsizetype db = rest.indexOf(u"--db"_s);
    if (db >= 0 && db + 1 < rest.size()) {
        path = rest.at(db + 1);
        rest.remove(db, 2);
    }
    if (rest != QStringList{u"orgs"_s}) {
        err << "deltaboard-cli: --complete: expected 'orgs' [--db PATH]\n";
        return UsageError;
    }
    // Completion never makes a database: a missing file has no names.
    Database::Options options;
    options.createIfMissing = false;
    options.migrate = false; // an older file is read as it is, never upgraded by a Tab
    options.busyTimeoutMs = 1000;
    auto opened = Database::open(path, options);
    if (!opened)
        return Success;
    const auto organisations = OrganisationStore(**opened).list();
    if (organisations) {
        QStringList names;
        for (const Organisation &organisation : *organisations)
            names.append(organisation.name);
        names.sort(Qt::CaseInsensitive);
        for (const QString &name : std::as_const(names))
            out << name << '\n';
    }
    return Success;
}

} // namespace Deltaboard::Cli
