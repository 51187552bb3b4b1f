#pragma once

#include "jira.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <QStringList>
#include <functional>
#include <tuple>

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

// What is left of bugs once they are written: which the run created (their history is
// imported), their priorities and duplicates (both settled once every bug is in).
struct BugzillaWritten
{
    QSet<qint64> created;
    // Bug and priority name (an index into priorityNames): a dump of millions has one each,
    // so no text is kept per bug.
    QList<std::pair<qint64, qsizetype>> priorities;
    QStringList priorityNames;
    QList<std::tuple<QString, qint64, qint64>> duplicates; // where, bug, the bug it duplicates
};

// A bug's first comment (count 0), the description, by bug.
QHash<qint64, QString> bugzillaDescriptions(const QList<BugzillaComment> &comments);

// Writes bugs (each with its description in front of its details) and empties the list.
Status writeBugzillaBugs(ImportWriter &w, QList<BugzillaBug> &bugs,
                         const QHash<qint64, QString> &descriptions, BugzillaWritten &written);

// A REST file that is a list of whole bugs, {"bugs": [{… "summary" …}]}, from its first bytes:
// what streamBugzillaBugs() reads.
bool isBugzillaBugList(const QByteArray &head);

// Reads a list of bugs from the file bug by bug and writes them in batches as it goes: memory
// holds a batch, never the file (a tracker's dump has millions). Comments and history inside
// the bugs (rare in REST lists) are kept for the end of the run. 'progress' gets the offset
// read so far.
Status streamBugzillaBugs(const QString &path, qint64 limit, ImportWriter &w,
                          const QHash<qint64, QString> &descriptions,
                          QList<BugzillaComment> *comments, QList<BugzillaChange> *changes,
                          BugzillaWritten &written, const std::function<void(qint64)> &progress);

// Bugzilla: bugs (their first comment is the description), duplicates, comments, and the
// history of bugs this run creates (an existing delta keeps the history it has).
Status writeBugzilla(ImportWriter &w, QList<BugzillaBug> &zillaBugs,
                     const QList<BugzillaComment> &zillaComments,
                     const QList<BugzillaChange> &zillaChanges, BugzillaWritten &written);

} // namespace Deltaboard::Import
