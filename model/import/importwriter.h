#pragma once

#include "bulktextindex.h"
#include "csv.h"
#include "deltastore.h"
#include "jira.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QHash>
#include <QString>

#include <functional>

namespace Deltaboard::Import {

// The one writer of an import run: every record a run stores goes through it, inside the run's
// transaction. It creates, updates (with history) or leaves alone each delta by its source,
// marks duplicates, adds comments once, turns priority names into levels, and reports progress
// on a scale of 0..kScale (reading the first half, by bytes; writing the second, by records).
// Each format's own writing (Launchpad tasks, Trello boards…) lives beside its reader and uses
// these helpers.
class ImportWriter
{
public:
    static constexpr qint64 kScale = 1000;

    ImportWriter(Database &database, const ImportOptions &importOptions,
                 ImportSummary &importSummary);

    Database &db;
    const ImportOptions &options;
    ImportSummary &summary;
    // Progress: the bytes of the run's files and those read; the records left to write once
    // reading is done, and those written.
    qint64 totalBytes = 0;
    qint64 bytesRead = 0;
    qint64 records = 0;
    qint64 written = 0;

    // Takes search indexing of new deltas over for the run (see BulkTextIndex), and gives it
    // back with every new delta indexed.
    Status begin() { return m_textIndex.begin(); }
    Status finish() { return m_textIndex.finish(); }
    // False when the user cancelled.
    bool report(qint64 done) const { return !options.progress || options.progress(done, kScale); }
    static Error cancelled()
    {
        return Error{QStringLiteral("import cancelled; nothing was written")};
    }

    // One delta by its source: created, updated (with history) or left alone; its id.
    Result<qint64> upsert(const QString &where, const Delta &incoming);
    // The delta a tracker's record became, or 0.
    Result<qint64> deltaFor(const QString &tracker, const QString &externalId);
    // A record the tracker says duplicates another, both by their ids there; done once every
    // record of the run is in. An original that is nowhere is a warning naming it.
    Status markDuplicate(const QString &where, const QString &tracker, const QString &selfId,
                         const QString &originalId, const QString &originalName);
    // A tracker's priority name as a level: the user's mapping first, else the default; every
    // name met is reported with the level it became (-1: not imported).
    int priorityLevel(const QString &name, int defaultLevel);
    // One comment by its source: added, or counted unchanged when an earlier run added it.
    // Empty ones (an attachment's comment in Bugzilla) are left out.
    Status importComment(const QString &where, const Comment &comment);
    // The comments of CSV and XML exports (Jira, Trac), on the deltas they name.
    Status importComments(const QList<CsvComment> &comments);
    // The links upsert() met (Delta::sourceLinks), as relations, once every record of the run
    // is in: a link to a record that is nowhere, or one that would close a loop, is a warning.
    Status relateLinks();
    // The priorities a tracker's records carry (by external id), as the priorities of the
    // organisation the run names (options.organisation, made when missing); without one, a
    // warning says how many were left out. 'defaultLevel' maps a name the user did not map.
    Status writePriorities(const QString &tracker, const QString &trackerName,
                           const JiraPriorities &priorities,
                           const std::function<int(const QString &)> &defaultLevel);
    // When two records of a run set one organisation's priority on one delta (two Launchpad
    // targets mapped to one organisation): the higher level wins, and the summary says which
    // values collided. Returns the level to store; 'key' names the (delta, organisation).
    int settlePriority(const QString &key, const QString &where, const QString &value, int level);

private:
    // Deltas already in the database by source, read once per tracker the run meets: a lookup
    // per record was a tenth of a re-import.
    Result<QHash<QString, qint64> *> knownIn(const QString &tracker);

    // A component by the source's name: found, or made (once per name per run).
    Result<qint64> componentId(const QString &name);
    // Labels the source gives that the delta does not carry yet, at 'at'.
    // True when one was put on.
    Result<bool> attachLabels(qint64 deltaId, const QStringList &names, const QString &at);

    // Kept small: a dump of millions of records has about as many links. When and where are
    // read back from the delta when the link is related.
    struct PendingLink
    {
        qint64 deltaId = 0;
        RelationType type;
        QString tracker;
        QString other; // the other record's id in the tracker
    };
    QList<PendingLink> m_links;
    QHash<QString, qint64> m_components;                  // name (lower case) -> id
    QHash<QString, std::pair<QString, int>> m_priorities; // key -> (value, level) set this run
    DeltaStore m_store;
    BulkTextIndex m_textIndex;
    QHash<QString, QHash<QString, qint64>> m_knownByTracker; // tracker -> external id -> delta
};

} // namespace Deltaboard::Import
