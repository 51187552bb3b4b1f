#pragma once

#include "database.h"

#include <QMap>
#include <QStringList>

namespace Deltaboard {

// What one import run did, per kind of record.
struct ImportSummary
{
    QStringList formats; // per file, the format detected: "issues.json: github"
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;      // records the format has but Deltaboard does not import (pull requests)
    QStringList warnings; // unknown values mapped to a default, each naming its record
};

// Imports from other trackers (DESIGN.md §3). A run reads all its files first, then writes in
// one transaction: an error anywhere leaves the database as it was. Every record keeps its
// (tracker, external id, url): a second run of the same files changes nothing, a newer export
// updates the records (with history) instead of duplicating them.
//
// Formats so far: GitHub issues (REST list JSON, JSON lines, `gh issue list --json` output).
class TrackerImport
{
public:
    explicit TrackerImport(Database &db)
        : m_db(db)
    {}

    // The format of a file from its first bytes, or empty when it is none this importer reads.
    static QString detect(const QByteArray &head);

    // With dryRun, everything is done and counted and then rolled back.
    Result<ImportSummary> importFiles(const QStringList &paths, bool dryRun = false);

private:
    Database &m_db;
};

} // namespace Deltaboard
