#pragma once

#include "database.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <tuple>

#include <functional>

namespace Deltaboard {

// What a run could not keep as it was: a line per record (an unknown value, a link to a record
// that is nowhere), and the source's fields that have no Deltaboard field of their own, counted
// per field and what became of them, a line each at the end of the run ("jira-csv:
// 'Environment' kept in details on 3 records").
class ImportWarnings : public QStringList
{
public:
    // One record had 'field' with a value, and it went 'fate' ("kept in details", "dropped");
    // 'unit' names what is counted ("record", "link").
    void field(const QString &format, const QString &name, const QString &fate,
               const QString &unit = QStringLiteral("record"))
    {
        ++m_fields[{format, name, fate, unit}];
    }
    // Two records' values of one field that collided, and which was kept: listed after the
    // counted lines.
    void collision(const QString &line) { m_collisions.append(line); }
    // Appends the counted lines (and the collisions), once, when the run is done.
    void settle();
    // Takes another part's lines and counts over (records mapped on two threads).
    void merge(const ImportWarnings &other);

private:
    struct Key
    {
        QString format, name, fate, unit;
        friend bool operator<(const Key &a, const Key &b)
        {
            return std::tie(a.format, a.name, a.fate, a.unit)
                   < std::tie(b.format, b.name, b.fate, b.unit);
        }
    };
    QMap<Key, int> m_fields;
    QStringList m_collisions;
};

// What one import run did, per kind of record.
struct ImportSummary
{
    QStringList formats; // per file, the format detected: "issues.json: github"
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0; // records the format has but Deltaboard does not import (pull requests)
    int tasksCreated = 0;
    int tasksUpdated = 0;
    int tasksUnchanged = 0;
    int commentsCreated = 0;
    int commentsUnchanged = 0;
    int priorities = 0;      // organisation priorities set or changed
    ImportWarnings warnings; // unknown values mapped to a default, each naming its record
    // Launchpad targets of the run (bug_target_name) with their display names, for a mapping
    // to organisations; organisations the run created or would create.
    QMap<QString, QString> targets;
    QStringList newOrganisations;
    // Every priority name the run met (Launchpad importance, Jira priority) with the level it
    // became (-1: none), every Launchpad task status with the board column its tasks went to
    // (empty: no task), and the columns there were to choose from: what a mapping can change.
    QMap<QString, int> priorityLevels;
    QMap<QString, QString> statusColumns;
    QStringList columnNames;
    // For generic CSV files: their columns, and the column each field was read from.
    QStringList csvHeader;
    QMap<QString, QString> csvColumns;
};

struct ImportOptions
{
    bool dryRun = false; // everything is done and counted, then rolled back
    // Launchpad targets ("bzr") to organisations; unmapped targets become an organisation named
    // after the target's display name (created when missing).
    QHash<QString, QString> targetOrganisations;
    // The organisation whose priorities a Jira export holds, or whose board a Trello export is
    // (created when missing; a Trello board is otherwise the organisation named after it).
    QString organisation;
    // Priority names (Launchpad importance, Jira priority) to levels 0..4, or -1 to leave the
    // priority out, over the defaults; Launchpad task statuses to a board column by name
    // (over the defaults; a rejected status mapped to a column is a task after all).
    QHash<QString, int> priorityLevels;
    QHash<QString, QString> statusColumns;
    // The format of every file, instead of detecting it ("csv", "github", … as detect() names
    // them); empty: detected per file.
    QString format;
    // A generic CSV's columns: field ("id", "title", "details", "state", "kind", "reporter",
    // "created", "updated", "closed", "found-in", "fixed-in", "component", "labels", "severity",
    // "url"; TrackerImport::csvFields) to header, or to "" for none. Fields not
    // given are found by common header names ("Summary", "Subject", "Status", …); id and
    // title are required.
    QHash<QString, QString> csvColumns;
    // The tracker a generic CSV comes from: with its ids, what makes a re-import recognise
    // the records ("csv" when empty).
    QString csvSource;
    // Called while reading (by bytes) and writing (by records) on a scale of 0..total; the run
    // stops and writes nothing when it returns false.
    std::function<bool(qint64 done, qint64 total)> progress;
};

// Imports from other trackers (DESIGN.md §3). A run reads all its files first, then writes in
// one transaction: an error anywhere leaves the database as it was. Every record keeps its
// (tracker, external id, url): a second run of the same files changes nothing, a newer export
// updates the records (with history) instead of duplicating them.
//
// Formats so far: GitHub issues (REST list JSON, JSON lines, `gh issue list --json` output);
// Launchpad bugs, bug_task collections and message collections (API 1.0 JSON), the files of one
// bug read together: each bug task becomes a task of the organisation of its target, with the
// task's importance as that organisation's priority; Bugzilla REST JSON (bugs, comments and
// history files of one run together, or bugbug's one-bug-per-line files); Redmine JSON (issue
// lists and single issues with journals); Jira CSV ("Export CSV (all fields)", repeated columns,
// priorities as one organisation's), Trac CSV (ticket queries with a comments CSV), Bugzilla
// show_bug XML and Jira XML (RSS); Trello board JSON (open lists as the organisation's columns,
// cards as deltas with a task each, members as assignees, comments on the task, checklists as
// description lines, archived cards in the done column); Redmine's CSV export and any other CSV
// with an id and a title column (columns mapped by name or by ImportOptions::csvColumns).
class TrackerImport
{
public:
    explicit TrackerImport(Database &db)
        : m_db(db)
    {}

    // The format of a file from its first bytes, or empty when it is none this importer reads.
    static QString detect(const QByteArray &head);
    // The formats detect() names, and the generic fields a CSV's columns map to.
    static QStringList formats();
    static QStringList csvFields();

    Result<ImportSummary> importFiles(const QStringList &paths, const ImportOptions &options = {});

    // Reads one export's bytes as an import reads them, with no database and writing nothing:
    // the error an import would give, or the summary's formats, counts of skipped records and
    // warnings. 'format' as detect() names it (empty: detected); 'name' stands for the file in
    // messages. The fuzz targets drive every reader through this.
    static Result<ImportSummary> read(const QByteArray &bytes, const QString &format = {},
                                      const QString &name = QStringLiteral("input"));

private:
    Database &m_db;
};

} // namespace Deltaboard
