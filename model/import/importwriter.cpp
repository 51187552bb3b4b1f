#include "importwriter.h"

#include "bugzilla.h"
#include "commentstore.h"
#include "importmapping.h"
#include "importrecords.h"
#include "inputfile.h"
#include "inputtext.h"
#include "jira.h"
#include "launchpad.h"
#include "levels.h"
#include "organisationstore.h"
#include "redmine.h"
#include "trello.h"

#include <QFileInfo>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

ImportWriter::ImportWriter(Database &database, const ImportOptions &importOptions,
                           ImportSummary &importSummary)
    : db(database)
    , options(importOptions)
    , summary(importSummary)
    , m_store(database)
    , m_textIndex(database)
{}

Result<QHash<QString, qint64> *> ImportWriter::knownIn(const QString &tracker)
{
    auto it = m_knownByTracker.find(tracker);
    if (it != m_knownByTracker.end())
        return &it.value();
    QHash<QString, qint64> ids;
    const auto rows = db.run(
        u"SELECT external_id, id FROM deltas WHERE source_tracker = ? AND external_id IS NOT NULL"_s,
        {tracker});
    if (!rows)
        return Error{rows.error()};
    while ((*rows)->next())
        ids.insert((*rows)->value(0).toString(), (*rows)->value(1).toLongLong());
    (*rows)->finish();
    return &m_knownByTracker.insert(tracker, std::move(ids)).value();
}

Result<qint64> ImportWriter::upsert(const QString &where, const Delta &incoming)
{
    // Writing while reading (GitHub files go in batch by batch) reports by bytes read.
    if (++written % 64 == 0
        && !report(records ? kScale / 2 + written * (kScale * 9 / 20) / records
                           : (totalBytes ? bytesRead * kScale / 2 / totalBytes : 0)))
        return cancelled();
    const auto ids = knownIn(incoming.source.tracker);
    if (!ids)
        return Error{ids.error()};
    const qint64 existing = (*ids)->value(incoming.source.externalId, 0);
    if (!existing) {
        const auto created = m_store.create(incoming);
        if (!created)
            return Error{u"%1: %2: %3"_s.arg(where, incoming.source.externalId, created.error())};
        (*ids)->insert(incoming.source.externalId, *created);
        ++summary.created;
        return *created;
    }
    // Most records of a second run are unchanged: compared on the fields an import sets
    // before the whole delta is read.
    {
        const auto current = db.run(u"SELECT kind, title, details, reporter, source_url, "
                                    u"state FROM deltas WHERE id = ?"_s,
                                    {existing});
        if (!current)
            return Error{current.error()};
        QSqlQuery &row = **current;
        if (!row.next())
            return Error{u"%1: delta %2 vanished during the import"_s.arg(where).arg(existing)};
        const QString state = row.value(5).toString();
        const bool same = row.value(0).toString() == Levels::kindName(incoming.kind)
                          && row.value(1).toString() == incoming.title
                          && row.value(2).toString() == incoming.details
                          && row.value(3).toString() == incoming.reporter
                          && row.value(4).toString() == incoming.source.url
                          && (state == Levels::stateName(DeltaState::Duplicate)
                              || state == Levels::stateName(incoming.state));
        row.finish();
        if (same) {
            ++summary.unchanged;
            return existing;
        }
    }
    auto stored = m_store.get(existing);
    if (!stored)
        return Error{stored.error()};
    // What the tracker says overrides; what only Deltaboard knows (component, duplicate
    // links made here, desired/actual) stays.
    Delta merged = *stored;
    merged.kind = incoming.kind;
    merged.title = incoming.title;
    merged.details = incoming.details;
    merged.reporter = incoming.reporter;
    merged.source.url = incoming.source.url;
    if (stored->state != DeltaState::Duplicate)
        merged.state = incoming.state;
    const bool same = merged.kind == stored->kind && merged.title == stored->title
                      && merged.details == stored->details && merged.reporter == stored->reporter
                      && merged.source.url == stored->source.url && merged.state == stored->state;
    if (same) {
        ++summary.unchanged;
        return stored->id;
    }
    if (m_textIndex.isPending(stored->id)) {
        if (const Status indexed = m_textIndex.indexPending(); !indexed)
            return Error{indexed.error()};
    }
    if (const Status updated = m_store.update(merged); !updated)
        return Error{u"%1: %2: %3"_s.arg(where, incoming.source.externalId, updated.error())};
    ++summary.updated;
    return stored->id;
}

Result<qint64> ImportWriter::deltaFor(const QString &tracker, const QString &externalId)
{
    const auto id
        = db.scalar(u"SELECT id FROM deltas WHERE source_tracker = ? AND external_id = ?"_s,
                    {tracker, externalId});
    if (!id)
        return Error{id.error()};
    return id->isValid() ? id->toLongLong() : 0;
}

Status ImportWriter::markDuplicate(const QString &where, const QString &tracker,
                                   const QString &selfId, const QString &originalId,
                                   const QString &originalName)
{
    const auto self = deltaFor(tracker, selfId);
    const auto original = deltaFor(tracker, originalId);
    if (!self || !original)
        return Error{!self ? self.error() : original.error()};
    if (!*original) {
        summary.warnings.append(u"%1: duplicate of %2, which is neither in this run nor in "
                                u"the database; not marked"_s.arg(where, originalName));
        return {};
    }
    const auto current = m_store.get(*self);
    if (!current)
        return Error{current.error()};
    if (current->state == DeltaState::Duplicate && current->duplicateOf == *original)
        return {};
    if (const Status set = m_store.setState(*self, DeltaState::Duplicate, *original); !set)
        return Error{u"%1: %2"_s.arg(where, set.error())};
    return {};
}

int ImportWriter::priorityLevel(const QString &name, int defaultLevel)
{
    const int level = options.priorityLevels.value(name, defaultLevel);
    summary.priorityLevels.insert(name, level);
    return level;
}

Status ImportWriter::importComment(const QString &where, const Comment &comment)
{
    const auto known
        = db.scalar(u"SELECT id FROM comments WHERE source_tracker = ? AND external_id = ?"_s,
                    {comment.source.tracker, comment.source.externalId});
    if (!known)
        return Error{known.error()};
    if (known->isValid()) {
        ++summary.commentsUnchanged;
        return {};
    }
    if (comment.body.trimmed().isEmpty())
        return {};
    if (const auto added = CommentStore(db).add(comment); !added)
        return Error{u"%1: %2"_s.arg(where, added.error())};
    ++summary.commentsCreated;
    return {};
}

Status ImportWriter::importComments(const QList<CsvComment> &comments)
{
    for (const CsvComment &c : comments) {
        const auto delta = deltaFor(c.tracker, c.record);
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            summary.warnings.append(u"%1: %2 %3 is neither in this run nor in the database; "
                                    u"the comment is skipped"_s.arg(c.where, c.tracker, c.record));
            continue;
        }
        Comment comment = c.comment;
        comment.deltaId = *delta;
        if (const Status imported = importComment(c.where, comment); !imported)
            return Error{imported.error()};
    }
    return {};
}

} // namespace Deltaboard::Import

namespace Deltaboard {

using namespace Import;

Result<ImportSummary> TrackerImport::importFiles(const QStringList &paths,
                                                 const ImportOptions &options)
{
    ImportSummary summary;
    // Everything is read and mapped before anything is written (but GitHub issues, below).
    ImportRecords pending;
    const QString now = m_db.clock().nowText();
    ImportWriter writer(m_db, options, summary);
    constexpr qint64 kScale = ImportWriter::kScale;
    for (const QString &path : paths)
        writer.totalBytes += QFileInfo(path).size();
    QStringList organisationsBefore;
    {
        const auto known = OrganisationStore(m_db).list();
        if (!known)
            return Error{known.error()};
        for (const Organisation &organisation : *known)
            organisationsBefore.append(organisation.name);
    }

    // The run's transaction covers reading too: GitHub files, whose issues refer to nothing
    // else, are written batch by batch as they are read, so a large file never sits in memory
    // as mapped records. Everything else is read whole first (comments, tasks and duplicates
    // refer across files), then written.
    Transaction transaction(m_db);
    if (!transaction.status())
        return Error{transaction.status().error()};
    if (const Status begun = writer.begin(); !begun)
        return Error{begun.error()};
    for (const QString &path : paths) {
        if (!writer.report(writer.totalBytes ? writer.bytesRead * kScale / 2 / writer.totalBytes
                                             : 0))
            return ImportWriter::cancelled();
        const auto fileBytes = InputFile::read(path, kMaxExportSize, u"a tracker export"_s);
        if (!fileBytes)
            return Error{fileBytes.error()};
        const QByteArray &bytes = *fileBytes;
        const qint64 fileStart = writer.bytesRead;
        writer.bytesRead += bytes.size();
        if (const Status read = readExport(
                path, bytes, options, now, pending, summary,
                [&](const QString &file, const QList<Delta> &deltas, qint64 end) -> Status {
                    writer.bytesRead = fileStart + end;
                    for (const Delta &delta : deltas) {
                        if (const auto id = writer.upsert(file, delta); !id)
                            return Error{id.error()};
                    }
                    return {};
                });
            !read) {
            return Error{read.error()};
        }
        writer.bytesRead = fileStart + bytes.size();
    }

    settleLaunchpadStates(pending.bugs, pending.tasks);
    for (const LaunchpadTask &task : std::as_const(pending.tasks))
        summary.targets.insert(task.target, task.targetDisplay);
    writer.records = pending.issues.size() + pending.bugs.size() + pending.zillaBugs.size()
                     + pending.redmine.size();
    writer.written = 0;
    for (const TrelloBoard &board : std::as_const(pending.trelloBoards))
        writer.records += board.cards.size();
    if (!writer.report(kScale / 2))
        return ImportWriter::cancelled();

    // In this order (the ids records get follow it, so an export of the result stays the same).
    for (const auto &[path, incoming] : std::as_const(pending.issues)) {
        if (const auto id = writer.upsert(path, incoming); !id)
            return Error{id.error()};
    }
    if (const Status done = writeJira(writer, pending.jiraPriorities, pending.jiraDuplicates);
        !done)
        return Error{done.error()};
    if (const Status done = writer.importComments(pending.csvComments); !done)
        return Error{done.error()};
    if (const Status done = writeLaunchpad(writer, pending.bugs, pending.tasks); !done)
        return Error{done.error()};
    if (const Status done
        = writeBugzilla(writer, pending.zillaBugs, pending.zillaComments, pending.zillaChanges);
        !done)
        return Error{done.error()};
    if (const Status done = writeTrello(writer, pending.trelloBoards); !done)
        return Error{done.error()};
    if (const Status done = writeRedmine(writer, pending.redmine); !done)
        return Error{done.error()};
    if (const Status done = writeLaunchpadMessages(writer, pending.messages); !done)
        return Error{done.error()};
    if (const auto after = OrganisationStore(m_db).list(); after) {
        for (const Organisation &organisation : *after) {
            if (!organisationsBefore.contains(organisation.name))
                summary.newOrganisations.append(organisation.name);
        }
    }
    if (!writer.report(kScale * 19 / 20)) // what is left: indexing new records for search, commit
        return ImportWriter::cancelled();
    if (const Status indexed = writer.finish(); !indexed)
        return Error{indexed.error()};
    if (!writer.report(kScale))
        return ImportWriter::cancelled();
    if (options.dryRun)
        return summary; // the transaction rolls back
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return summary;
}

} // namespace Deltaboard
