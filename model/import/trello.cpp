#include "trello.h"

#include "importmapping.h"
#include "importwriter.h"
#include "inputtext.h"
#include "jsonshape.h"
#include "organisationstore.h"
#include "sqlvalues.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

using InputText::position;

Result<TrelloBoard> readTrello(const QString &path, const QByteArray &bytes,
                               ImportWarnings *warnings)
{
    if (!bytes.trimmed().startsWith('{'))
        return Error{u"%1: expected a Trello board object"_s.arg(path)};
    if (const Status shape = JsonShape::check(path, bytes, u"a Trello board export"_s); !shape)
        return Error{shape.error()};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return Error{u"%1: %2: %3 (a Trello board export was expected)"_s.arg(
            path, position(bytes, error.offset),
            error.error != QJsonParseError::NoError ? error.errorString() : u"not an object"_s)};
    }
    const QJsonObject board = document.object();
    TrelloBoard result;
    const auto boardName = text(u"%1: record"_s.arg(path), board, u"name"_s);
    if (!boardName)
        return Error{boardName.error()};
    if (boardName->trimmed().isEmpty())
        return Error{u"%1: record.name: expected the board's name, found nothing"_s.arg(path)};
    result.name = boardName->trimmed();
    const QJsonArray lists = board.value(u"lists"_s).toArray();
    for (qsizetype l = 0; l < lists.size(); ++l) {
        const QJsonObject list = lists.at(l).toObject();
        const QString where = u"%1: record lists[%2]"_s.arg(path).arg(l);
        const auto name = text(where, list, u"name"_s);
        if (!name)
            return Error{name.error()};
        result.lists.append({list.value(u"id"_s).toString(), name->trimmed(),
                             list.value(u"closed"_s).toBool(), list.value(u"pos"_s).toDouble()});
    }
    std::sort(result.lists.begin(), result.lists.end(),
              [](const TrelloList &a, const TrelloList &b) { return a.pos < b.pos; });
    QHash<QString, QString> memberNames;
    for (const QJsonValue &value : board.value(u"members"_s).toArray()) {
        const QJsonObject member = value.toObject();
        const QString fullName = member.value(u"fullName"_s).toString();
        memberNames.insert(member.value(u"id"_s).toString(),
                           fullName.isEmpty() ? member.value(u"username"_s).toString() : fullName);
    }
    // The actions: who created each card, and the comments.
    QHash<QString, QString> creators;
    QHash<QString, QString> createdDates; // card id -> when its createCard action says
    const QJsonArray actions = board.value(u"actions"_s).toArray();
    for (qsizetype a = 0; a < actions.size(); ++a) {
        const QJsonObject action = actions.at(a).toObject();
        const QString type = action.value(u"type"_s).toString();
        if (type != u"createCard"_s && type != u"commentCard"_s)
            continue;
        const QString where = u"%1: record actions[%2]"_s.arg(path).arg(a);
        const QJsonObject data = action.value(u"data"_s).toObject();
        const QString card = data.value(u"card"_s).toObject().value(u"id"_s).toString();
        if (card.isEmpty())
            return Error{u"%1.data.card.id: expected the id of a card"_s.arg(where)};
        QString author = memberNames.value(action.value(u"idMemberCreator"_s).toString());
        if (author.isEmpty())
            author = action.value(u"memberCreator"_s).toObject().value(u"fullName"_s).toString();
        if (type == u"createCard"_s) {
            creators.insert(card, author);
            if (const QString date = action.value(u"date"_s).toString(); !date.isEmpty()) {
                if (const auto time = timestamp(where, u"date"_s, date))
                    createdDates.insert(card, *time);
            }
            continue;
        }
        const auto dateText = text(where, action, u"date"_s);
        if (!dateText)
            return Error{dateText.error()};
        const auto date = timestamp(where, u"date"_s, *dateText);
        if (!date)
            return Error{date.error()};
        const auto body = bounded(where, u"data.text"_s, data.value(u"text"_s).toString());
        if (!body)
            return Error{body.error()};
        TrelloComment comment;
        comment.where = where;
        comment.card = card;
        comment.comment.author = author;
        comment.comment.body = *body;
        comment.comment.createdAt = *date;
        comment.comment.source = {u"trello"_s, action.value(u"id"_s).toString(), {}};
        result.comments.append(comment);
    }
    // Checklists by card: their items become lines of the card's description.
    QHash<QString, QStringList> checklistLines;
    const QJsonArray checklists = board.value(u"checklists"_s).toArray();
    for (qsizetype c = 0; c < checklists.size(); ++c) {
        const QJsonObject checklist = checklists.at(c).toObject();
        const auto card
            = text(u"%1: record checklists[%2]"_s.arg(path).arg(c), checklist, u"idCard"_s);
        if (!card)
            return Error{card.error()};
        QStringList &lines = checklistLines[*card];
        lines.append(u"\n%1:"_s.arg(checklist.value(u"name"_s).toString()));
        for (const QJsonValue &item : checklist.value(u"checkItems"_s).toArray()) {
            const QJsonObject check = item.toObject();
            lines.append(u"- [%1] %2"_s.arg(
                check.value(u"state"_s).toString() == u"complete"_s ? u"x"_s : u" "_s,
                check.value(u"name"_s).toString()));
        }
    }
    const QJsonArray cards = board.value(u"cards"_s).toArray();
    for (qsizetype c = 0; c < cards.size(); ++c) {
        const QJsonObject card = cards.at(c).toObject();
        const QString where = u"%1: record cards[%2]"_s.arg(path).arg(c);
        const auto name = text(where, card, u"name"_s);
        if (!name)
            return Error{name.error()};
        // The id is the card's key, whatever its shape (exports with anonymised ids exist).
        const auto readId = recordId(where, u"id"_s, card.value(u"id"_s).toString());
        if (!readId)
            return Error{readId.error()};
        const QString id = *readId;
        // When it was made: the createCard action's date, else the time Trello ids begin with
        // (eight hex digits of Unix seconds), else its last activity.
        QString createdAt = createdDates.value(id);
        bool hex = false;
        const qint64 seconds = id.left(8).toLongLong(&hex, 16);
        if (createdAt.isEmpty() && id.size() >= 24 && hex) {
            createdAt = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())
                            .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        }
        QString updatedAt;
        if (const QString activity = card.value(u"dateLastActivity"_s).toString();
            !activity.isEmpty()) {
            const auto time = timestamp(where, u"dateLastActivity"_s, activity);
            if (!time)
                return Error{time.error()};
            updatedAt = *time;
        }
        if (createdAt.isEmpty())
            createdAt = updatedAt;
        if (createdAt.isEmpty()) {
            return Error{
                u"%1: no creation time: the id %2 does not hold one, and there is no "
                u"createCard action or dateLastActivity"_s.arg(where, InputText::quoted(id))};
        }
        const auto description = bounded(where, u"desc"_s, card.value(u"desc"_s).toString());
        if (!description)
            return Error{description.error()};
        TrelloCard t;
        t.where = where;
        t.list = card.value(u"idList"_s).toString();
        t.archived = card.value(u"closed"_s).toBool();
        QStringList members;
        for (const QJsonValue &member : card.value(u"idMembers"_s).toArray())
            members.append(memberNames.value(member.toString(), member.toString()));
        t.assignee = members.join(u", "_s);
        t.delta.reporter = creators.value(id);
        t.delta.kind = DeltaKind::Spec;
        t.delta.title = name->trimmed().isEmpty() ? u"(untitled)"_s : name->trimmed();
        t.delta.details = *description;
        // A label without a name is known by its colour.
        QStringList labels;
        for (const QJsonValue &label : card.value(u"labels"_s).toArray()) {
            const QString labelName = label.toObject().value(u"name"_s).toString();
            labels.append(labelName.trimmed().isEmpty()
                              ? label.toObject().value(u"color"_s).toString()
                              : labelName);
        }
        t.delta.sourceLabels = labelNames(where, labels, warnings);
        if (const QStringList lines = checklistLines.value(id); !lines.isEmpty())
            t.delta.details += u"\n"_s + lines.join(u'\n');
        t.delta.createdAt = createdAt;
        t.delta.updatedAt = updatedAt;
        static const QStringList read
            = {u"id"_s,        u"name"_s,   u"desc"_s, u"idList"_s,           u"closed"_s,
               u"idMembers"_s, u"labels"_s, u"url"_s,  u"dateLastActivity"_s, u"idChecklists"_s};
        // Trello's own ids and layout (positions, covers, badges counting what is imported),
        // and what only describes the Trello screen.
        static const QStringList ignored = {u"idBoard"_s,
                                            u"idShort"_s,
                                            u"idLabels"_s,
                                            u"idAttachmentCover"_s,
                                            u"badges"_s,
                                            u"pos"_s,
                                            u"shortLink"_s,
                                            u"shortUrl"_s,
                                            u"subscribed"_s,
                                            u"manualCoverAttachment"_s,
                                            u"cover"_s,
                                            u"descData"_s,
                                            u"checkItemStates"_s,
                                            u"limits"_s,
                                            u"dateViewedByCreator"_s,
                                            u"nodeId"_s,
                                            u"email"_s,
                                            u"isTemplate"_s,
                                            u"cardRole"_s,
                                            u"mirrorSourceId"_s};
        keepUnmapped(t.delta, u"trello"_s, card, read, ignored, warnings);
        t.delta.source = {u"trello"_s, id, card.value(u"url"_s).toString()};
        result.cards.append(t);
    }
    return result;
}

Status writeTrello(ImportWriter &w, const QList<TrelloBoard> &trelloBoards)
{
    TaskStore taskStore(w.db);
    for (const TrelloBoard &board : std::as_const(trelloBoards)) {
        const QString name = w.options.organisation.isEmpty() ? board.name : w.options.organisation;
        OrganisationStore organisationsForTrello(w.db);
        auto organisation = organisationsForTrello.byName(name);
        if (!organisation)
            organisation = organisationsForTrello.create(name);
        if (!organisation)
            return Error{organisation.error()};
        auto current = organisationsForTrello.board(organisation->id);
        if (!current)
            return Error{current.error()};
        const auto tasksOnBoard = w.db.scalar(
            u"SELECT count(*) FROM tasks WHERE organisation_id = ?"_s, {organisation->id});
        if (!tasksOnBoard)
            return Error{tasksOnBoard.error()};
        if (tasksOnBoard->toInt() == 0) {
            // Still the default columns of a new board: replaced by the lists.
            if (const Status cleared
                = w.db.execOnce(u"DELETE FROM board_columns WHERE board_id = ?"_s, {current->id});
                !cleared) {
                return Error{cleared.error()};
            }
            current = organisationsForTrello.board(organisation->id);
            if (!current)
                return Error{current.error()};
        }
        QHash<QString, qint64> columnOfList;
        int positionNext = int(current->columns.size());
        for (const TrelloList &list : board.lists) {
            if (list.closed)
                continue;
            const auto known
                = std::find_if(current->columns.cbegin(), current->columns.cend(),
                               [&](const BoardColumn &c) { return c.name == list.name; });
            if (known != current->columns.cend()) {
                columnOfList.insert(list.id, known->id);
                continue;
            }
            const QString lower = list.name.toLower();
            const bool done = lower == u"done"_s || lower.startsWith(u"done "_s);
            const bool working = lower.contains(u"progress"_s) || lower.contains(u"doing"_s)
                                 || lower.contains(u"review"_s) || lower.contains(u"qa"_s)
                                 || lower.contains(u"merge"_s);
            const auto added = w.db.insert(
                u"INSERT INTO board_columns (board_id, name, position, wip_limit, starts_work, "
                u"is_done) VALUES (?, ?, ?, NULL, ?, ?)"_s,
                {current->id, list.name, positionNext++, working ? 1 : 0, done ? 1 : 0});
            if (!added)
                return Error{added.error()};
            columnOfList.insert(list.id, *added);
        }
        current = organisationsForTrello.board(organisation->id);
        if (!current || current->columns.isEmpty())
            return Error{
                u"the Trello board %1 has no open list"_s.arg(InputText::quoted(board.name))};
        // Archived cards, and cards of archived lists, were taken off the board: their tasks go
        // to its first done column (the last column when none is done).
        const auto doneColumn = std::find_if(current->columns.cbegin(), current->columns.cend(),
                                             [](const BoardColumn &c) { return c.isDone; });
        const BoardColumn &offBoard
            = doneColumn != current->columns.cend() ? *doneColumn : current->columns.last();
        int archivedCards = 0;
        QHash<QString, qint64> taskOfCard;
        for (const TrelloCard &card : board.cards) {
            const auto id = w.upsert(card.where, card.delta);
            if (!id)
                return Error{id.error()};
            qint64 column = card.archived ? 0 : columnOfList.value(card.list, 0);
            if (!column) {
                column = offBoard.id;
                ++archivedCards;
            }
            const auto existing = w.db.scalar(
                u"SELECT id FROM tasks WHERE source_tracker = ? AND external_id = ?"_s,
                {card.delta.source.tracker, card.delta.source.externalId});
            if (!existing)
                return Error{existing.error()};
            if (!existing->isValid()) {
                const auto created = taskStore.commit(organisation->id, card.delta.title, {*id});
                if (!created)
                    return Error{u"%1: %2"_s.arg(card.where, created.error())};
                if (const Status source = w.db.execOnce(
                        u"UPDATE tasks SET source_tracker = ?, external_id = ?, "
                        u"source_url = ?, created_at = ? WHERE id = ?"_s,
                        {card.delta.source.tracker, card.delta.source.externalId,
                         Sql::textOrNull(card.delta.source.url), card.delta.createdAt, *created});
                    !source) {
                    return Error{source.error()};
                }
                if (!card.assignee.isEmpty()) {
                    if (const Status assigned
                        = w.db.execOnce(u"UPDATE tasks SET assignee = ? WHERE id = ?"_s,
                                        {card.assignee, *created});
                        !assigned) {
                        return Error{assigned.error()};
                    }
                }
                taskOfCard.insert(card.delta.source.externalId, *created);
                const auto placed = taskStore.get(*created);
                if (!placed)
                    return Error{placed.error()};
                if (placed->columnId != column) {
                    if (const Status moved = taskStore.move(*created, column); !moved)
                        return Error{u"%1: %2"_s.arg(card.where, moved.error())};
                }
                ++w.summary.tasksCreated;
                continue;
            }
            const qint64 taskId = existing->toLongLong();
            taskOfCard.insert(card.delta.source.externalId, taskId);
            const auto task = taskStore.get(taskId);
            if (!task)
                return Error{task.error()};
            if (task->columnId == column) {
                ++w.summary.tasksUnchanged;
                continue;
            }
            if (const Status moved = taskStore.move(taskId, column); !moved)
                return Error{u"%1: %2"_s.arg(card.where, moved.error())};
            ++w.summary.tasksUpdated;
        }
        if (archivedCards) {
            w.summary.warnings.append(u"Trello board %1: %2 archived cards (or cards of archived "
                                      u"lists) put in %3"_s.arg(InputText::quoted(board.name))
                                          .arg(archivedCards)
                                          .arg(InputText::quoted(offBoard.name)));
        }
        // Comments on a card belong to its task: they discuss the work.
        for (const TrelloComment &c : board.comments) {
            const qint64 task = taskOfCard.value(c.card, 0);
            if (!task) {
                w.summary.warnings.append(
                    u"%1: card %2 is not in the board's cards; the comment is "
                    u"skipped"_s.arg(c.where, c.card));
                continue;
            }
            Comment comment = c.comment;
            comment.taskId = task;
            if (const Status imported = w.importComment(c.where, comment); !imported)
                return Error{imported.error()};
        }
    }
    return {};
}

} // namespace Deltaboard::Import
