#include "boardstore.h"
#include "command.h"
#include "database.h"
#include "organisationstore.h"
#include "tableprinter.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// An organisation's board: its columns (add, rename, move, remove, set), its archive period,
// and the done cards it archived.
namespace Deltaboard::Cli {

namespace {

struct BoardRequest
{
    DatabaseRef db;
    Organisation organisation;
};

// What every board command starts with: the database and the --org it works on.
Result<BoardRequest> boardRequest(const Context &context, const QString &command, Outcome *failure)
{
    auto db = openDatabase(context, false);
    if (!db) {
        *failure = Failed{db.error()};
        return Error{db.error()};
    }
    const auto organisation = requiredOrganisation(context, **db, command, failure);
    if (!organisation)
        return Error{organisation.error()};
    return BoardRequest{std::move(db).value(), *organisation};
}

Result<BoardColumn> findColumn(const BoardRequest &request, const QString &nameOrPosition,
                               Outcome *failure)
{
    auto column = BoardStore(*request.db).findColumn(request.organisation.id, nameOrPosition);
    if (!column)
        *failure = Failed{column.error()};
    return column;
}

// What the commands on one column share: 'arguments' positional arguments (the first names
// the column), the database, the --org and the column.
struct ColumnRequest
{
    BoardRequest board;
    BoardColumn column;
};

Result<ColumnRequest> columnRequest(const Context &context, const QString &command,
                                    qsizetype arguments, const QString &expected, Outcome *failure)
{
    if (const Outcome bad = expectArguments(context, command, arguments, arguments, expected)) {
        *failure = bad;
        return Error{bad->message};
    }
    auto request = boardRequest(context, command, failure);
    if (!request)
        return Error{request.error()};
    const auto column = findColumn(*request, context.arguments.first(), failure);
    if (!column)
        return Error{column.error()};
    return ColumnRequest{std::move(request).value(), *column};
}

QString flags(const BoardColumn &column)
{
    QStringList words;
    if (column.startsWork)
        words.append(u"starts work"_s);
    if (column.isDone)
        words.append(u"done"_s);
    return words.join(u", "_s);
}

Outcome cmdListColumns(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto organisation
        = requiredOrganisation(context, *request->db, u"list columns"_s, &failure);
    if (!organisation)
        return failure;
    const auto board = BoardStore(*request->db).board(organisation->id);
    if (!board)
        return Failed{board.error()};
    const auto counts = BoardStore(*request->db).cardCounts(organisation->id);
    if (!counts)
        return Failed{counts.error()};
    const QHash<qint64, qint64> &cards = *counts;
    if (request->json) {
        QJsonArray columns;
        for (const BoardColumn &column : board->columns) {
            columns.append(
                QJsonObject{{u"id"_s, column.id},
                            {u"position"_s, column.position + 1},
                            {u"name"_s, column.name},
                            {u"wip_limit"_s, column.wipLimit ? QJsonValue(*column.wipLimit)
                                                             : QJsonValue(QJsonValue::Null)},
                            {u"starts_work"_s, column.startsWork},
                            {u"done"_s, column.isDone},
                            {u"cards"_s, cards.value(column.id)}});
        }
        printJson(context.out, QJsonObject{{u"organisation"_s, organisation->name},
                                           {u"board"_s, board->name},
                                           {u"archive_after_days"_s, board->archiveAfterDays},
                                           {u"columns"_s, columns}});
        return {};
    }
    TablePrinter table({u"POS"_s, u"COLUMN"_s, u"CARDS"_s, u"WIP"_s, u"FLAGS"_s});
    for (const BoardColumn &column : board->columns) {
        table.addRow({QString::number(column.position + 1), column.name,
                      QString::number(cards.value(column.id)),
                      column.wipLimit ? QString::number(*column.wipLimit) : u"-"_s, flags(column)});
    }
    table.print(context.out);
    return {};
}

Outcome cmdColumnAdd(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"column add"_s, 1, 1, u"one NAME"_s))
        return bad;
    const auto wip = parseOptionalCount(context, u"wip"_s, 1, std::nullopt);
    if (!wip)
        return usage(wip.error());
    const auto position = parseCount(context, u"position"_s, 0, 1);
    if (!position)
        return usage(position.error());
    Outcome failure;
    const auto request = boardRequest(context, u"column add"_s, &failure);
    if (!request)
        return failure;
    BoardStore boards(*request->db);
    const auto board = boards.board(request->organisation.id);
    if (!board)
        return Failed{board.error()};
    const auto startsWork = parseYesNo(context, u"starts-work"_s, false);
    if (!startsWork)
        return usage(startsWork.error());
    const auto done = parseYesNo(context, u"done"_s, false);
    if (!done)
        return usage(done.error());
    const ColumnSettings settings{context.arguments.first(), *wip, *startsWork, *done};
    const auto added = boards.addColumn(
        board->id, settings,
        context.parser.isSet(u"position"_s) ? std::optional<int>(*position - 1) : std::nullopt);
    if (!added)
        return Failed{added.error()};
    context.out << added->id << '\n';
    return {};
}

Outcome cmdColumnRename(Context &context)
{
    Outcome failure;
    const auto request
        = columnRequest(context, u"column rename"_s, 2, u"COLUMN NEW_NAME"_s, &failure);
    if (!request)
        return failure;
    if (const Status renamed
        = BoardStore(*request->board.db).renameColumn(request->column.id, context.arguments.at(1));
        !renamed) {
        return Failed{renamed.error()};
    }
    return {};
}

Outcome cmdColumnMove(Context &context)
{
    Outcome failure;
    const auto request
        = columnRequest(context, u"column move"_s, 2, u"COLUMN POSITION"_s, &failure);
    if (!request)
        return failure;
    const auto position = parseId(context.arguments.at(1), u"position"_s);
    if (!position)
        return usage(position.error());
    BoardStore boards(*request->board.db);
    const auto board = boards.board(request->board.organisation.id);
    if (!board)
        return Failed{board.error()};
    if (*position > board->columns.size()) {
        return usage(u"column move: the board has %1 columns; POSITION is 1 to %1"_s.arg(
            board->columns.size()));
    }
    if (const Status moved = boards.moveColumn(request->column.id, int(*position) - 1); !moved) {
        return Failed{moved.error()};
    }
    return {};
}

Outcome cmdColumnRemove(Context &context)
{
    Outcome failure;
    const auto request = columnRequest(context, u"column remove"_s, 1, u"one COLUMN"_s, &failure);
    if (!request)
        return failure;
    std::optional<qint64> destination;
    if (context.parser.isSet(u"to"_s)) {
        const auto to = findColumn(request->board, context.parser.value(u"to"_s), &failure);
        if (!to)
            return failure;
        destination = to->id;
    }
    const auto removed
        = BoardStore(*request->board.db).removeColumn(request->column.id, destination);
    if (!removed) {
        // The store says the column holds cards; the command line says how to give them a place.
        if (!destination && removed.error().contains(u"say which column"_s))
            return Failed{removed.error() + u" with --to COLUMN"_s};
        return Failed{removed.error()};
    }
    return {};
}

Outcome cmdColumnSet(Context &context)
{
    Outcome failure;
    const auto request = columnRequest(context, u"column set"_s, 1, u"one COLUMN"_s, &failure);
    if (!request)
        return failure;
    const BoardColumn *column = &request->column;
    const auto wip = parseOptionalCount(context, u"wip"_s, 1, column->wipLimit);
    if (!wip)
        return usage(wip.error());
    const auto startsWork = parseYesNo(context, u"starts-work"_s, column->startsWork);
    if (!startsWork)
        return usage(startsWork.error());
    const auto done = parseYesNo(context, u"done"_s, column->isDone);
    if (!done)
        return usage(done.error());
    if (const Status set
        = BoardStore(*request->board.db).setColumn(column->id, *wip, *startsWork, *done);
        !set) {
        return Failed{set.error()};
    }
    return {};
}

Outcome cmdBoardSet(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"board set"_s, 0, 0, u"no arguments"_s))
        return bad;
    const auto days = parseCount(context, u"archive-after"_s, -1, 0);
    if (!days)
        return usage(days.error());
    if (*days < 0)
        return usage(u"board set: --archive-after DAYS is required"_s);
    Outcome failure;
    const auto request = boardRequest(context, u"board set"_s, &failure);
    if (!request)
        return failure;
    BoardStore boards(*request->db);
    const auto board = boards.board(request->organisation.id);
    if (!board)
        return Failed{board.error()};
    if (const Status set = boards.setArchiveAfter(board->id, *days); !set)
        return Failed{set.error()};
    return {};
}

Outcome cmdBoardArchive(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"board archive"_s, 0, 0, u"no arguments"_s)) {
        return bad;
    }
    Outcome failure;
    const auto request = boardRequest(context, u"board archive"_s, &failure);
    if (!request)
        return failure;
    const auto archived = BoardStore(*request->db).archiveDoneCards(request->organisation.id);
    if (!archived)
        return Failed{archived.error()};
    context.out << "archived " << archived->size() << " done card(s)\n";
    return {};
}

Outcome cmdListArchived(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto organisation
        = requiredOrganisation(context, *request->db, u"list archived"_s, &failure);
    if (!organisation)
        return failure;
    const auto cards = BoardStore(*request->db).archivedCards(organisation->id);
    if (!cards)
        return Failed{cards.error()};
    if (request->json) {
        QJsonArray array;
        for (const ArchivedCard &card : *cards) {
            array.append(QJsonObject{{u"id"_s, card.taskId},
                                     {u"title"_s, card.title},
                                     {u"assignee"_s, textOrNull(card.assignee)},
                                     {u"done_at"_s, card.doneAt},
                                     {u"archived_at"_s, card.archivedAt}});
        }
        printJson(context.out, array);
        return {};
    }
    if (cards->isEmpty()) {
        context.out << "no archived cards\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"DONE"_s, u"ARCHIVED"_s, u"ASSIGNEE"_s, u"TITLE"_s},
                       {0, 0, 0, 20, 72});
    for (const ArchivedCard &card : *cards) {
        table.addRow({QString::number(card.taskId), card.doneAt.left(10), card.archivedAt.left(10),
                      card.assignee, card.title});
    }
    table.print(context.out);
    return {};
}

// 'task archive ID...' and 'task restore ID...': all of them or none.
Outcome changeArchived(Context &context, const QString &command, bool archive)
{
    if (const Outcome bad = expectArguments(
            context, command, 1, std::numeric_limits<qsizetype>::max(), u"TASK_ID..."_s)) {
        return bad;
    }
    const auto ids = parseIds(context.arguments, u"task id"_s);
    if (!ids)
        return usage(ids.error());
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    BoardStore boards(**db);
    if (const Status changed = archive ? boards.archive(*ids) : boards.restore(*ids); !changed)
        return Failed{changed.error()};
    return {};
}

Outcome cmdTaskArchive(Context &context)
{
    return changeArchived(context, u"task archive"_s, true);
}

Outcome cmdTaskRestore(Context &context)
{
    return changeArchived(context, u"task restore"_s, false);
}

QCommandLineOption orgOption()
{
    return {u"org"_s, u"The organisation whose board it is."_s, u"ORG"_s};
}

} // namespace

QList<Command> boardCommands()
{
    return {
        {u"list columns"_s,
         {},
         u"List a board's columns with their cards, WIP limits and flags."_s,
         {orgOption(), formatOption()},
         cmdListColumns},
        {u"column add"_s,
         u"NAME"_s,
         u"Add a column (before the done column unless --position); prints its id."_s,
         {orgOption(),
          {u"wip"_s, u"Its WIP limit."_s, u"N"_s},
          {u"position"_s, u"Where it goes, 1 being first."_s, u"N"_s},
          {u"starts-work"_s, u"yes: entering it starts the task's cycle time."_s, u"YES_NO"_s},
          {u"done"_s, u"yes: entering it finishes the task."_s, u"YES_NO"_s}},
         cmdColumnAdd},
        {u"column rename"_s,
         u"COLUMN NEW_NAME"_s,
         u"Rename a column."_s,
         {orgOption()},
         cmdColumnRename},
        {u"column move"_s,
         u"COLUMN POSITION"_s,
         u"Move a column to a position, 1 being first."_s,
         {orgOption()},
         cmdColumnMove},
        {u"column remove"_s,
         u"COLUMN"_s,
         u"Remove a column; one that holds cards needs --to."_s,
         {orgOption(), {u"to"_s, u"The column its cards go to."_s, u"COLUMN"_s}},
         cmdColumnRemove},
        {u"column set"_s,
         u"COLUMN"_s,
         u"Set a column's WIP limit and flags."_s,
         {orgOption(),
          {u"wip"_s, u"Its WIP limit (none: no limit)."_s, u"N"_s},
          {u"starts-work"_s, u"Whether entering it starts work: yes or no."_s, u"YES_NO"_s},
          {u"done"_s, u"Whether entering it finishes the task: yes or no."_s, u"YES_NO"_s}},
         cmdColumnSet},
        {u"board set"_s,
         {},
         u"Set how many days a done card stays on the board before it leaves (0: for ever)."_s,
         {orgOption(), {u"archive-after"_s, u"Days (default 14)."_s, u"DAYS"_s}},
         cmdBoardSet},
        {u"board archive"_s,
         {},
         u"Archive the board's done cards now (older ones have left by themselves)."_s,
         {orgOption()},
         cmdBoardArchive},
        {u"list archived"_s,
         {},
         u"List the cards that left a board (archived, or done for longer than its period)."_s,
         {orgOption(), formatOption()},
         cmdListArchived},
        {u"task archive"_s,
         u"TASK_ID..."_s,
         u"Take done cards off their board now."_s,
         {},
         cmdTaskArchive},
        {u"task restore"_s,
         u"TASK_ID..."_s,
         u"Put archived cards back on their board."_s,
         {},
         cmdTaskRestore},
    };
}

} // namespace Deltaboard::Cli
