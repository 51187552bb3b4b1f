#pragma once

#include "levels.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Plain domain records as the stores read and write them. Times are the database's text form
// (see Clock::toText); ids are the rows' primary keys (0 = not stored yet).
namespace Deltaboard {

struct SourceRef
{
    QString tracker;    // e.g. "github", "launchpad"; empty for records made here
    QString externalId; // the record's id in that tracker
    QString url;
};

struct Organisation
{
    qint64 id = 0;
    QString name;
    QString createdAt;
};

struct BoardColumn
{
    qint64 id = 0;
    qint64 boardId = 0;
    QString name;
    int position = 0;
    std::optional<int> wipLimit;
    bool startsWork = false; // entering it starts the task (cycle time)
    bool isDone = false;
};

struct Board
{
    qint64 id = 0;
    qint64 organisationId = 0;
    QString name;
    QList<BoardColumn> columns; // in board order
    int archiveAfterDays = 14;  // a done card leaves the board after this many days; 0: never
};

struct Component
{
    qint64 id = 0;
    QString name;
    QString description;
};

struct UserGroup
{
    qint64 id = 0;
    QString name;
    QString description;
    std::optional<qint64> size;
};

struct Delta
{
    qint64 id = 0;
    DeltaKind kind = DeltaKind::Defect;
    QString title;
    QString desired;
    QString actual;
    QString details;
    std::optional<qint64> componentId;
    QString component; // name, filled when read
    QString foundIn;
    QString fixedIn;             // the version the source says it is fixed in or planned for
    std::optional<int> severity; // 0..4, Levels::severityName
    QString reporter;
    DeltaState state = DeltaState::New;
    std::optional<qint64> duplicateOf;
    QString signature;
    SourceRef source;
    QString createdAt;
    QString updatedAt;
    QString closedAt; // when it last entered a closed state; empty while open or unknown
    int rowVersion = 0;
    // What an importer read beside the fields above, written by ImportWriter (the stores
    // neither read nor write these): the source's labels by name, and its links to other
    // records of the same tracker by their external ids.
    QStringList sourceLabels;
    QList<std::pair<RelationType, QString>> sourceLinks;
};

struct CrashReport
{
    qint64 id = 0;
    qint64 deltaId = 0;
    QString signature;
    QString rawText;
    QString productVersion;
    QString platform;
    QString receivedAt;
};

struct Task
{
    qint64 id = 0;
    qint64 organisationId = 0;
    QString organisation; // name, filled when read
    qint64 columnId = 0;
    QString column; // name, filled when read
    qint64 rank = 0;
    QString title;
    QString description;
    QString assignee;
    QString createdAt;
    QString startedAt;
    QString doneAt;
    QString updatedAt;
    SourceRef source;
    int rowVersion = 0;
    QList<qint64> deltaIds; // linked deltas, filled when read
};

struct FixRecord
{
    qint64 id = 0;
    qint64 taskId = 0;
    QString branch;
    QString revision;
    QString version;
    QString deployedTo;
    QString deployedAt;
    QString verifiedAt;
    QString createdAt;
};

struct Comment
{
    qint64 id = 0;
    std::optional<qint64> deltaId;
    std::optional<qint64> taskId;
    QString author;
    QString body;
    QString createdAt;
    SourceRef source; // for imported comments (the url is not kept)
};

struct HistoryEntry
{
    qint64 id = 0;
    QString entity;
    qint64 entityId = 0;
    QString field;
    QString oldValue;
    QString newValue;
    QString changedAt;
    QString actor;
};

// A relation as seen from one delta: what it is to the other one, and who the other one is.
struct DeltaRelation
{
    RelationType type;
    qint64 otherId = 0;
    QString otherTitle;
    DeltaKind otherKind = DeltaKind::Defect;
    DeltaState otherState = DeltaState::New;
};

struct Label
{
    qint64 id = 0;
    QString name;
    QString colour; // "#rrggbb"
    int deltas = 0; // how many deltas and tasks carry it, when listed
    int tasks = 0;
};

// A saved filter of one organisation ("views" in the View menu). The filter is the view's own
// JSON object.
struct SavedView
{
    qint64 id = 0;
    qint64 organisationId = 0;
    QString name;
    QString view; // "deltas" or "board"
    QString filter;
    int position = 0;
};

struct PriorityEntry
{
    qint64 organisationId = 0;
    QString organisation;
    int level = 0;
    QString updatedAt;
};

struct ImpactEntry
{
    qint64 groupId = 0;
    QString group;
    int level = 0;
    std::optional<qint64> affectedUsers;
    QString updatedAt;
};

} // namespace Deltaboard
