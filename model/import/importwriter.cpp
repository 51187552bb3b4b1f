#include "importwriter.h"

#include "bugzilla.h"
#include "commentstore.h"
#include "groupstore.h"
#include "history.h"
#include "importmapping.h"
#include "importrecords.h"
#include "inputfile.h"
#include "inputtext.h"
#include "jira.h"
#include "labelstore.h"
#include "launchpad.h"
#include "levels.h"
#include "organisationstore.h"
#include "redmine.h"
#include "relationstore.h"
#include "trello.h"
#include "triagestore.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

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

Result<qint64> ImportWriter::componentId(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (const auto known = m_components.constFind(key); known != m_components.cend())
        return *known;
    GroupStore groups(db);
    auto found = groups.componentByName(name.trimmed());
    if (!found) {
        found = groups.createComponent(name.trimmed(), {});
        if (!found)
            return Error{found.error()};
    }
    m_components.insert(key, found->id);
    return found->id;
}

Result<bool> ImportWriter::attachLabels(qint64 deltaId, const QStringList &names, const QString &at)
{
    if (names.isEmpty())
        return false;
    LabelStore labels(db);
    const auto carried = labels.labelsOf(LabelStore::Target::Delta, deltaId);
    if (!carried)
        return Error{carried.error()};
    QStringList missing;
    for (const QString &name : names) {
        const bool on = std::any_of(carried->cbegin(), carried->cend(), [&name](const Label &l) {
            return l.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (!on)
            missing.append(name);
    }
    if (missing.isEmpty())
        return false;
    const auto attached = labels.attach(LabelStore::Target::Delta, deltaId, missing, at);
    if (!attached)
        return Error{attached.error()};
    return !attached->isEmpty();
}

Result<qint64> ImportWriter::upsert(const QString &where, const Delta &source)
{
    // Writing while reading (GitHub files go in batch by batch) reports by bytes read.
    if (++written % 64 == 0
        && !report(records ? kScale / 2 + written * (kScale * 9 / 20) / records
                           : (totalBytes ? bytesRead * kScale / 2 / totalBytes : 0)))
        return cancelled();
    Delta incoming = source;
    if (!incoming.component.trimmed().isEmpty() && !incoming.componentId) {
        const auto component = componentId(incoming.component);
        if (!component)
            return Error{u"%1: %2: component %3: %4"_s.arg(where, incoming.source.externalId,
                                                           InputText::quoted(incoming.component),
                                                           component.error())};
        incoming.componentId = *component;
    }
    // Labels are the source's as of its last update (creation for a new record).
    const QString changedAt
        = incoming.updatedAt.isEmpty() ? incoming.createdAt : incoming.updatedAt;
    const auto remember = [&](qint64 id) {
        for (const auto &[type, other] : std::as_const(incoming.sourceLinks))
            m_links.append({id, type, incoming.source.tracker, other});
    };
    const auto ids = knownIn(incoming.source.tracker);
    if (!ids)
        return Error{ids.error()};
    const qint64 existing = (*ids)->value(incoming.source.externalId, 0);
    if (!existing) {
        const auto created = m_store.create(incoming);
        if (!created)
            return Error{u"%1: %2: %3"_s.arg(where, incoming.source.externalId, created.error())};
        (*ids)->insert(incoming.source.externalId, *created);
        // Where the source says when it closed, the history says so at that time.
        if (Levels::isClosed(incoming.state) && !incoming.closedAt.isEmpty()) {
            if (const Status logged = History(db).record(
                    u"delta"_s, *created, u"state"_s, Levels::stateName(DeltaState::New),
                    Levels::stateName(incoming.state), incoming.closedAt);
                !logged)
                return Error{logged.error()};
        }
        if (const auto labelled = attachLabels(*created, incoming.sourceLabels, incoming.createdAt);
            !labelled)
            return Error{u"%1: %2: %3"_s.arg(where, incoming.source.externalId, labelled.error())};
        remember(*created);
        ++summary.created;
        return *created;
    }
    remember(existing);
    // A label the source added is a change like any other: the record is counted updated.
    const auto labelled = attachLabels(existing, incoming.sourceLabels, changedAt);
    if (!labelled)
        return Error{u"%1: %2: %3"_s.arg(where, incoming.source.externalId, labelled.error())};
    auto stored = m_store.get(existing);
    if (!stored)
        return Error{stored.error()};
    // What the tracker says overrides; what only Deltaboard knows (duplicate links made here,
    // desired/actual, and a component, versions or severity the source leaves empty) stays.
    Delta merged = *stored;
    merged.kind = incoming.kind;
    merged.title = incoming.title;
    merged.details = incoming.details;
    merged.reporter = incoming.reporter;
    merged.source.url = incoming.source.url;
    if (incoming.componentId)
        merged.componentId = incoming.componentId;
    if (!incoming.foundIn.isEmpty())
        merged.foundIn = incoming.foundIn;
    if (!incoming.fixedIn.isEmpty())
        merged.fixedIn = incoming.fixedIn;
    if (incoming.severity)
        merged.severity = incoming.severity;
    if (stored->state != DeltaState::Duplicate) {
        merged.state = incoming.state;
        if (!incoming.closedAt.isEmpty())
            merged.closedAt = incoming.closedAt;
        else if (!Levels::isClosed(stored->state))
            merged.closedAt.clear(); // closing now: when is the source's update time
    }
    const bool same = merged.kind == stored->kind && merged.title == stored->title
                      && merged.details == stored->details && merged.reporter == stored->reporter
                      && merged.source.url == stored->source.url && merged.state == stored->state
                      && merged.componentId == stored->componentId
                      && merged.foundIn == stored->foundIn && merged.fixedIn == stored->fixedIn
                      && merged.severity == stored->severity
                      && (merged.closedAt == stored->closedAt || merged.closedAt.isEmpty());
    if (same) {
        ++(*labelled ? summary.updated : summary.unchanged);
        return stored->id;
    }
    if (m_textIndex.isPending(stored->id)) {
        if (const Status indexed = m_textIndex.indexPending(); !indexed)
            return Error{indexed.error()};
    }
    // The change happened at the source when it says it was last updated: the delta's
    // updated_at and its history rows keep that time.
    if (const Status updated = m_store.update(merged, incoming.updatedAt); !updated)
        return Error{u"%1: %2: %3"_s.arg(where, incoming.source.externalId, updated.error())};
    ++summary.updated;
    return stored->id;
}

Status ImportWriter::relateLinks()
{
    RelationStore relations(db);
    for (const PendingLink &link : std::as_const(m_links)) {
        const auto ids = knownIn(link.tracker);
        if (!ids)
            return Error{ids.error()};
        const qint64 other = (*ids)->value(link.other, 0);
        const QString phrase = Levels::relationName(link.type);
        if (!other) {
            // Exports are often a part of a tracker: links out of them are common, and counted.
            summary.warnings.field(link.tracker, phrase,
                                   u"a record in neither this run nor the database, not related"_s,
                                   u"link"_s);
            continue;
        }
        const Status refused = relations.refusal(link.deltaId, link.type, other);
        // A relation already recorded is what a re-import meets; anything else is news.
        if (!refused && refused.error().endsWith(u"it is already recorded"_s))
            continue;
        // The link is the source's as of the record's last update.
        const auto source
            = db.run(u"SELECT external_id, updated_at FROM deltas WHERE id = ?"_s, {link.deltaId});
        if (!source)
            return Error{source.error()};
        QString externalId, at;
        if ((*source)->next()) {
            externalId = (*source)->value(0).toString();
            at = (*source)->value(1).toString();
        }
        (*source)->finish();
        if (!refused) {
            summary.warnings.append(u"%1 %2: %3 %4: %5; not related"_s.arg(
                link.tracker, externalId, phrase, link.other, refused.error()));
            continue;
        }
        if (const Status added = relations.add(link.deltaId, link.type, other, at); !added)
            return Error{u"%1 %2: %3"_s.arg(link.tracker, externalId, added.error())};
    }
    m_links.clear();
    return {};
}

int ImportWriter::settlePriority(const QString &key, const QString &where, const QString &value,
                                 int level)
{
    const auto earlier = m_priorities.constFind(key);
    if (earlier == m_priorities.cend()) {
        m_priorities.insert(key, {value, level});
        return level;
    }
    const auto &[earlierValue, earlierLevel] = *earlier;
    if (earlierLevel == level && earlierValue == value)
        return level;
    const bool mine = level > earlierLevel;
    summary.warnings.collision(
        u"%1: %2 and %3 both set one priority (%4); the higher, %5, is kept"_s.arg(
            where, InputText::quoted(earlierValue), InputText::quoted(value), key,
            InputText::quoted(mine ? value : earlierValue)));
    if (mine)
        m_priorities.insert(key, {value, level});
    return std::max(level, earlierLevel);
}

Status ImportWriter::writePriorities(const QString &tracker, const QString &trackerName,
                                     const JiraPriorities &priorities,
                                     const std::function<int(const QString &)> &defaultLevel)
{
    if (priorities.isEmpty())
        return {};
    if (options.organisation.isEmpty()) {
        summary.warnings.append(u"%1 priorities of %2 %3 are not imported: say whose they are "
                                u"with --org"_s.arg(trackerName)
                                    .arg(priorities.size())
                                    .arg(priorities.size() == 1 ? u"record"_s : u"records"_s));
        return {};
    }
    OrganisationStore organisations(db);
    auto organisation = organisations.byName(options.organisation);
    if (!organisation)
        organisation = organisations.create(options.organisation);
    if (!organisation)
        return Error{organisation.error()};
    TriageStore triage(db);
    // In the export's order: each priority goes to the end of its level, so the ranking follows
    // the file (a hash's order changed from run to run).
    QList<JiraPriorities::const_iterator> inOrder;
    for (auto it = priorities.cbegin(); it != priorities.cend(); ++it)
        inOrder.append(it);
    std::sort(inOrder.begin(), inOrder.end(),
              [](const auto &a, const auto &b) { return a->order < b->order; });
    for (const auto &it : std::as_const(inOrder)) {
        const auto delta = deltaFor(tracker, it.key());
        if (!delta)
            return Error{delta.error()};
        if (!*delta)
            continue;
        const auto before = triage.priorities(*delta);
        if (!before)
            return Error{before.error()};
        const int level = priorityLevel(it->name, defaultLevel(it->name));
        if (level < 0) {
            if (!options.priorityLevels.contains(it->name)) { // not the user's choice
                summary.warnings.append(u"%1: unknown priority %2, not imported"_s.arg(
                    it->where, InputText::quoted(it->name.trimmed())));
            }
            continue;
        }
        if (std::any_of(before->cbegin(), before->cend(), [&](const PriorityEntry &e) {
                return e.organisationId == organisation->id && e.level == level;
            })) {
            continue;
        }
        if (const Status set = triage.setPriority(organisation->id, *delta, level); !set)
            return Error{set.error()};
        ++summary.priorities;
    }
    return {};
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
    // Lists of Bugzilla bugs are streamed: read bug by bug and written as they are read, so a
    // dump of millions never sits in memory. They go last, after the files whose comments
    // (descriptions) and history their bugs need.
    QStringList ordered;
    QSet<QString> streamed;
    for (const QString &path : paths) {
        QFile file(path);
        const bool stream = (options.format.isEmpty() || options.format == u"bugzilla"_s)
                            && QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly)
                            && isBugzillaBugList(file.read(64 * 1024));
        if (stream)
            streamed.insert(path);
        else
            ordered.append(path);
    }
    for (const QString &path : paths) {
        if (streamed.contains(path))
            ordered.append(path);
    }
    for (const QString &path : std::as_const(ordered)) {
        if (!writer.report(writer.totalBytes ? writer.bytesRead * kScale / 2 / writer.totalBytes
                                             : 0))
            return ImportWriter::cancelled();
        if (streamed.contains(path)) {
            summary.formats.append(u"%1: bugzilla"_s.arg(QFileInfo(path).fileName()));
            const qint64 fileStart = writer.bytesRead;
            if (const Status read = streamBugzillaBugs(
                    path, kMaxStreamedExportSize, writer,
                    bugzillaDescriptions(pending.zillaComments), &pending.zillaComments,
                    &pending.zillaChanges, pending.zillaWritten,
                    [&](qint64 offset) { writer.bytesRead = fileStart + offset; });
                !read) {
                return Error{read.error()};
            }
            writer.bytesRead = fileStart + QFileInfo(path).size();
            continue;
        }
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
    if (const Status done
        = writer.writePriorities(u"trac"_s, u"Trac"_s, pending.tracPriorities, tracPriorityLevel);
        !done)
        return Error{done.error()};
    if (const Status done = writeLaunchpad(writer, pending.bugs, pending.tasks); !done)
        return Error{done.error()};
    if (const Status done = writeBugzilla(writer, pending.zillaBugs, pending.zillaComments,
                                          pending.zillaChanges, pending.zillaWritten);
        !done)
        return Error{done.error()};
    if (const Status done = writeTrello(writer, pending.trelloBoards); !done)
        return Error{done.error()};
    if (const Status done = writeRedmine(writer, pending.redmine); !done)
        return Error{done.error()};
    if (const Status done = writeLaunchpadMessages(writer, pending.messages); !done)
        return Error{done.error()};
    if (const Status done = writer.relateLinks(); !done)
        return Error{done.error()};
    summary.warnings.settle();
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
