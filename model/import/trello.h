#pragma once

#include "trackerimport.h"

#include "records.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Trello board JSON: lists, cards, members, comments, checklists.
namespace Deltaboard::Import {

class ImportWriter;

struct TrelloList
{
    QString id;
    QString name;
    bool closed = false;
    double pos = 0;
};

struct TrelloCard
{
    QString where;
    QString list;
    bool archived = false;
    QString assignee; // the card's members, by full name
    Delta delta;
};

struct TrelloComment
{
    QString where;
    QString card; // the card's id
    Comment comment;
};

struct TrelloBoard
{
    QString name;
    QList<TrelloList> lists;
    QList<TrelloCard> cards;
    QList<TrelloComment> comments;
};

Result<TrelloBoard> readTrello(const QString &path, const QByteArray &bytes,
                               ImportWarnings *warnings);

// Trello: the board's open lists are the organisation's columns (a new, empty board takes
// them instead of the default ones), each open card a delta and that organisation's task in
// its list's column. Cards of archived lists go to the first column, with a warning.
Status writeTrello(ImportWriter &w, const QList<TrelloBoard> &trelloBoards);

} // namespace Deltaboard::Import
