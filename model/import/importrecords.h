#pragma once

#include "bugzilla.h"
#include "csv.h"
#include "jira.h"
#include "launchpad.h"
#include "records.h"
#include "redmine.h"
#include "result.h"
#include "trac.h"
#include "trackerimport.h"
#include "trello.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

// What the readers hand the writer: the records of one run, and the one place that knows which
// reader reads which format (formats.cpp).
namespace Deltaboard::Import {

// What the files of one run hold, read and mapped, before anything is written (records refer
// across files: comments to their bugs, tasks to their targets, duplicates to originals).
struct ImportRecords
{
    QList<std::pair<QString, Delta>> issues;
    QList<LaunchpadBug> bugs;
    QList<LaunchpadTask> tasks;
    QList<LaunchpadMessage> messages;
    QList<BugzillaBug> zillaBugs;
    QList<BugzillaComment> zillaComments;
    QList<BugzillaChange> zillaChanges;
    BugzillaWritten zillaWritten; // bugs written already (streamed lists, then the rest)
    QList<RedmineIssue> redmine;
    QList<CsvComment> csvComments;
    JiraPriorities jiraPriorities;
    JiraPriorities tracPriorities;                     // ticket id -> priority
    QList<std::pair<QString, QString>> jiraDuplicates; // issue key -> the key it duplicates
    QList<TrelloBoard> trelloBoards;
};

// Where GitHub issues go as they are read, batch by batch (they refer to nothing else, so a
// large file never sits in memory as mapped records); 'end' is the file offset the batch ends
// at, for progress.
using IssueBatchWriter
    = std::function<Status(const QString &path, const QList<Delta> &deltas, qint64 end)>;

// Reads one file of a run into 'records' (or, for GitHub issues, hands them to 'write'):
// detects its format unless options.format names it, and says which in the summary.
Status readExport(const QString &path, const QByteArray &bytes, const ImportOptions &options,
                  const QString &now, ImportRecords &records, ImportSummary &summary,
                  const IssueBatchWriter &write);

} // namespace Deltaboard::Import
