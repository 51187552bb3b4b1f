#pragma once

#include "cli.h"
#include "database.h"
#include "labelstore.h"
#include "records.h"
#include "result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace Deltaboard {
class HistoryFormatter;
}

// What every command of deltaboard-cli shares: the request it runs in (its arguments, options,
// streams and database), the shape of a command in the table, and the helpers that open the
// database, read options and print. Each group of commands lives in its own file and lists its
// commands; cli.cpp puts the groups together.
namespace Deltaboard::Cli {

// A failed command: the message is printed as one line and becomes the exit code's reason.
struct Failed
{
    QString message;
    int code = Failure;
};

using Outcome = std::optional<Failed>; // empty: success

// An open database: the command's own, or the one 'batch' runs all its lines on.
using DatabaseRef = std::shared_ptr<Database>;

struct Context
{
    QTextStream &out;
    QTextStream &err;
    QCommandLineParser &parser;
    QStringList arguments; // positional arguments after the command words
    QString databasePath;
    int waitMs = kDefaultWaitSeconds * 1000; // for another writer's lock
    // Set by 'batch': every line's command uses this connection instead of opening the file.
    Database *shared = nullptr;
};

struct Command
{
    QString words; // "list deltas"
    QString usage; // what follows the words in the synopsis
    QString summary;
    QList<QCommandLineOption> options;
    std::function<Outcome(Context &)> handler;
};

// What a command that reads and prints shares: the output format (--format) and the open
// database. 'show delta ID' and 'show task ID' also read the one id.
struct ReadRequest
{
    bool json = false;
    DatabaseRef db;
};
struct ShowRequest
{
    bool json = false;
    qint64 id = 0;
    DatabaseRef db;
};

QCommandLineOption formatOption();

Outcome usage(const QString &message);

// How the command line opens its database: a write waits up to --wait seconds for another
// writer (the app, another command, an import), saying on stderr that it waits.
Database::Options databaseOptions(const Context &context);

Result<DatabaseRef> openDatabase(const Context &context, bool create);

Result<bool> wantsJson(const Context &context);

Result<qint64> parseId(const QString &text, const QString &what);
// Every text an id; the error names the first that is not.
Result<QList<qint64>> parseIds(const QStringList &texts, const QString &what);

Result<int> parseCount(const Context &context, const QString &option, int fallback, int minimum);

Result<Organisation> findOrganisation(Database &db, const QString &nameOrId);
Result<UserGroup> findGroup(Database &db, const QString &name);
Result<Component> findComponent(Database &db, const QString &name);

// The organisation --org names; a usage error when the option is missing.
Result<Organisation> requiredOrganisation(const Context &context, Database &db,
                                          const QString &command, Outcome *failure);

// --OPTION N, or "none": a number of at least 'minimum', or nothing. Unset: 'unset'.
Result<std::optional<int>> parseOptionalCount(const Context &context, const QString &option,
                                              int minimum, std::optional<int> unset);
// --OPTION yes|no; unset: 'unset'.
Result<bool> parseYesNo(const Context &context, const QString &option, bool unset);

// Checks the number of positional arguments: "COMMAND: expected USAGE".
Outcome expectArguments(const Context &context, const QString &command, qsizetype minimum,
                        qsizetype maximum, const QString &expected);

void printJson(QTextStream &out, const QJsonValue &value);

QString levelOrDash(const std::optional<int> &level, QString (*name)(int));

QJsonValue textOrNull(const QString &text);

void printHistory(QTextStream &out, const QList<HistoryEntry> &entries,
                  const HistoryFormatter &names);

QJsonArray historyJson(const QList<HistoryEntry> &entries, const HistoryFormatter &names);

QJsonArray commentsJson(const QList<Comment> &comments);

QJsonArray labelsJson(const QList<Label> &labels);
QStringList labelNames(const QList<Label> &labels);

void printComments(QTextStream &out, const QList<Comment> &comments);

// Both set 'failure' (a usage error or a failure to open) when they return an error.
Result<ReadRequest> readRequest(const Context &context, Outcome *failure);
Result<ShowRequest> showRequest(const Context &context, const QString &what, Outcome *failure);

void printBlock(QTextStream &out, const QString &label, const QString &text);

// 'delta label' and 'task label': ID LABEL... puts the labels on (making new ones), --remove
// takes them off; prints the id.
Outcome applyLabels(Context &context, const QString &command, LabelStore::Target target);
QList<QCommandLineOption> labelOptions();

// Runs one command line; with 'shared', on that open database (the lines of 'batch').
int runCommand(const QStringList &arguments, QTextStream &out, QTextStream &err, Database *shared);

// Every command, group by group: what the overview, --help, the man page and the bash
// completion are made of.
const QList<Command> &allCommands();
// --db and --wait, which every command takes.
QList<QCommandLineOption> globalOptions();
// What an argument of a synopsis (ID, ORG, FILE...) is, for --help and the man page.
QString describeArgument(const QString &argument);
// The man page deltaboard-cli(1), and the bash completion script, made from the table above.
QString manPage();
QString bashCompletion();
// 'deltaboard-cli --complete orgs [--db PATH]': the organisations' names, one a line, for the
// completion script. Prints nothing (and succeeds) when the database cannot be read.
int completeNames(const QStringList &arguments, QTextStream &out, QTextStream &err);

// The groups of commands, in the order of the overview.
QList<Command> workspaceCommands();
QList<Command> deltaCommands();
QList<Command> deltaEditCommands();
QList<Command> labelCommands();
QList<Command> viewCommands();
QList<Command> boardCommands();
QList<Command> taskCommands();
QList<Command> reportCommands();
QList<Command> crashCommands();
QList<Command> transferCommands();
QList<Command> teamCommands();
QList<Command> batchCommands();

} // namespace Deltaboard::Cli
