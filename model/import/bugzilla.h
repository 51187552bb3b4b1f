#pragma once

#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Bugzilla REST JSON (bugs, comments and history; bugbug's JSON lines), and what the XML reader
// shares.
namespace Deltaboard::Import {

class ImportWriter;

struct BugzillaBug
{
    QString where;
    qint64 id = 0;
    Delta delta;
    qint64 dupeOf = 0;
    QString priority; // the organisation's (--org) priority, by Bugzilla's name for it
};

struct BugzillaComment
{
    QString where;
    qint64 bug = 0;
    int count = 0; // 0: the description
    Comment comment;
};

struct BugzillaChange
{
    qint64 bug = 0;
    QString when;
    QString who;
    QString field;
    QString removed;
    QString added;
};

// Status and resolution as a delta state; unknown ones warn and import as new.
DeltaState bugzillaState(const QString &where, const QString &status, const QString &resolution,
                         ImportWarnings *warnings);

// A status whiteboard's "[tag][other tag]" as its tags, or the whole text when it has none.
QStringList whiteboardTags(const QString &whiteboard);

// Bugzilla's priority names as levels: P1..P5, Highest..Lowest; -1 unknown. (Redmine's
// Low/Normal/High/Urgent/Immediate read the same.)
int bugzillaPriorityLevel(const QString &name);

// One file of a Bugzilla REST run: bugs, their comments or their history (a run's files are read
// together), or bugbug's one bug a line.
Status readBugzillaFile(const QString &path, const QByteArray &bytes, QList<BugzillaBug> *bugs,
                        QList<BugzillaComment> *comments, QList<BugzillaChange> *changes,
                        ImportWarnings *warnings);

// Bugzilla: bugs (their first comment is the description), duplicates, comments, and the
// history of bugs this run creates (an existing delta keeps the history it has).
Status writeBugzilla(ImportWriter &w, QList<BugzillaBug> &zillaBugs,
                     const QList<BugzillaComment> &zillaComments,
                     const QList<BugzillaChange> &zillaChanges);

} // namespace Deltaboard::Import
