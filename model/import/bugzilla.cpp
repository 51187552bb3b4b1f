#include "bugzilla.h"

#include "importmapping.h"
#include "importwriter.h"
#include "inputtext.h"
#include "jsonrecords.h"
#include "jsonshape.h"
#include "jsonstream.h"
#include "organisationstore.h"
#include "sqlvalues.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

using InputText::position;

namespace {

Status readBugzillaComment(const QString &where, qint64 bug, qsizetype position,
                           const QJsonObject &object, QList<BugzillaComment> *comments)
{
    BugzillaComment c;
    c.where = where;
    c.bug = bug;
    // "count" numbers a bug's comments (0: the description); without it, the list's order does.
    c.count = object.contains(u"count"_s) ? object.value(u"count"_s).toInt() : int(position);
    const auto id = positiveNumber(object.value(u"id"_s));
    if (!id)
        return Error{u"%1.id: expected the comment's number"_s.arg(where)};
    const QString timeField = object.contains(u"creation_time"_s) ? u"creation_time"_s : u"time"_s;
    const auto time = text(where, object, timeField);
    if (!time)
        return Error{time.error()};
    const auto created = timestamp(where, timeField, *time);
    if (!created)
        return Error{created.error()};
    const auto body = bounded(
        where, u"text"_s,
        object.value(object.contains(u"raw_text"_s) ? u"raw_text"_s : u"text"_s).toString());
    if (!body)
        return Error{body.error()};
    c.comment.body = *body;
    c.comment.author
        = object.value(object.contains(u"creator"_s) ? u"creator"_s : u"author"_s).toString();
    c.comment.createdAt = *created;
    c.comment.source = {u"bugzilla"_s, QString::number(*id), {}};
    comments->append(c);
    return {};
}

Status readBugzillaHistory(const QString &where, qint64 bug, const QJsonArray &history,
                           QList<BugzillaChange> *changes)
{
    for (qsizetype h = 0; h < history.size(); ++h) {
        const QJsonObject entry = history.at(h).toObject();
        const QString at = u"%1.history[%2]"_s.arg(where).arg(h);
        const auto when = text(at, entry, u"when"_s);
        if (!when)
            return Error{when.error()};
        const auto time = timestamp(at, u"when"_s, *when);
        if (!time)
            return Error{time.error()};
        for (const QJsonValue &value : entry.value(u"changes"_s).toArray()) {
            const QJsonObject change = value.toObject();
            changes->append({bug, *time, entry.value(u"who"_s).toString(),
                             change.value(u"field_name"_s).toString(),
                             change.value(u"removed"_s).toString(),
                             change.value(u"added"_s).toString()});
        }
    }
    return {};
}

Status readBugzillaBug(const QString &where, const QJsonObject &object, QList<BugzillaBug> *bugs,
                       QList<BugzillaComment> *comments, QList<BugzillaChange> *changes,
                       ImportWarnings *warnings)
{
    BugzillaBug bug;
    bug.where = where;
    const auto id = positiveNumber(object.value(u"id"_s));
    if (!id)
        return Error{u"%1.id: expected a positive bug number"_s.arg(where)};
    bug.id = *id;
    const auto summary = text(where, object, u"summary"_s);
    if (!summary)
        return Error{summary.error()};
    const auto created = text(where, object, u"creation_time"_s);
    if (!created)
        return Error{created.error()};
    const auto createdAt = timestamp(where, u"creation_time"_s, *created);
    if (!createdAt)
        return Error{createdAt.error()};
    Delta &delta = bug.delta;
    delta.title = summary->trimmed().isEmpty() ? u"(untitled)"_s : summary->trimmed();
    delta.reporter = object.value(u"creator"_s).toString();
    delta.createdAt = *createdAt;
    for (const auto &[field, target] : {std::pair{u"last_change_time"_s, &delta.updatedAt},
                                        std::pair{u"cf_last_resolved"_s, &delta.closedAt}}) {
        if (!object.value(field).isString() || object.value(field).toString().isEmpty())
            continue;
        const auto time = timestamp(where, field, object.value(field).toString());
        if (!time)
            return Error{time.error()};
        *target = *time;
    }
    if (const QString version = object.value(u"version"_s).toString(); !isPlaceholder(version))
        delta.foundIn = version.trimmed();
    if (const QString milestone = object.value(u"target_milestone"_s).toString();
        !isPlaceholder(milestone))
        delta.fixedIn = milestone.trimmed();
    // "enhancement" was a severity before Bugzilla 5.2 (and bugzilla.mozilla.org) made it a type.
    const QString severity = object.value(u"severity"_s).toString();
    if (severity == u"enhancement"_s || object.value(u"type"_s).toString() == u"enhancement"_s)
        delta.kind = DeltaKind::Spec;
    if (severity != u"enhancement"_s)
        delta.severity = severityLevel(where, severity, warnings);
    delta.state = bugzillaState(where, object.value(u"status"_s).toString(),
                                object.value(u"resolution"_s).toString(), warnings);
    const QString product = object.value(u"product"_s).toString();
    delta.component = object.value(u"component"_s).toString().trimmed();
    delta.details = u"Product: %1"_s.arg(product);
    QStringList labels;
    for (const QJsonValue &keyword : object.value(u"keywords"_s).toArray())
        labels.append(keyword.toString());
    labels.append(whiteboardTags(object.value(u"whiteboard"_s).toString()));
    delta.sourceLabels = labelNames(where, labels, warnings);
    const auto link = [&](const QString &field, RelationType type) {
        for (const QJsonValue &other : object.value(field).toArray()) {
            if (const auto number = positiveNumber(other))
                delta.sourceLinks.append({type, QString::number(*number)});
        }
    };
    link(u"depends_on"_s, {RelationKind::DependsOn, false});
    link(u"blocks"_s, {RelationKind::Blocks, false});
    link(u"regressed_by"_s, {RelationKind::CausedBy, false});
    link(u"regressions"_s, {RelationKind::CausedBy, true});
    QStringList seeAlso;
    for (const QJsonValue &other : object.value(u"see_also"_s).toArray())
        seeAlso.append(other.toString());
    keepFacts(delta, u"bugzilla"_s,
              {{u"assigned_to"_s, object.value(u"assigned_to"_s).toString()},
               {u"op_sys"_s, object.value(u"op_sys"_s).toString()},
               {u"platform"_s, object.value(u"platform"_s).toString()},
               {u"see_also"_s, seeAlso.join(u", "_s)},
               {u"url"_s, object.value(u"url"_s).toString()}},
              warnings);
    static const QStringList mapped
        = {u"id"_s,           u"summary"_s,          u"creation_time"_s,
           u"creator"_s,      u"version"_s,          u"severity"_s,
           u"status"_s,       u"resolution"_s,       u"component"_s,
           u"product"_s,      u"target_milestone"_s, u"keywords"_s,
           u"whiteboard"_s,   u"depends_on"_s,       u"blocks"_s,
           u"regressed_by"_s, u"regressions"_s,      u"dupe_of"_s,
           u"duplicates"_s,   u"last_change_time"_s, u"cf_last_resolved"_s,
           u"priority"_s,     u"comments"_s,         u"history"_s,
           u"type"_s,         u"assigned_to"_s,      u"op_sys"_s,
           u"platform"_s,     u"see_also"_s,         u"url"_s};
    // Repeats of mapped values (the *_detail objects, the is_* flags the status already says)
    // and the comment count (the comments themselves are read).
    static const QStringList ignored = {
        u"assigned_to_detail"_s, u"creator_detail"_s,        u"cc_detail"_s,    u"mentors_detail"_s,
        u"qa_contact_detail"_s,  u"triage_owner_detail"_s,   u"is_open"_s,      u"is_confirmed"_s,
        u"is_cc_accessible"_s,   u"is_creator_accessible"_s, u"comment_count"_s};
    keepUnmapped(delta, u"bugzilla"_s, object, mapped, ignored, warnings);
    delta.source = {u"bugzilla"_s, QString::number(bug.id), {}};
    if (const QString priority = object.value(u"priority"_s).toString(); !isPlaceholder(priority))
        bug.priority = priority.trimmed();
    bug.dupeOf = positiveNumber(object.value(u"dupe_of"_s)).value_or(0);
    // bugbug's lines carry their comments and history.
    const QJsonArray inlineComments = object.value(u"comments"_s).toArray();
    for (qsizetype c = 0; c < inlineComments.size(); ++c) {
        if (const Status read = readBugzillaComment(u"%1.comments[%2]"_s.arg(where).arg(c), bug.id,
                                                    c, inlineComments.at(c).toObject(), comments);
            !read) {
            return read;
        }
    }
    if (const Status read
        = readBugzillaHistory(where, bug.id, object.value(u"history"_s).toArray(), changes);
        !read) {
        return read;
    }
    bugs->append(bug);
    return {};
}

} // namespace

QStringList whiteboardTags(const QString &whiteboard)
{
    static const QRegularExpression bracketed(uR"(\[([^\]]+)\])"_s);
    QStringList tags;
    for (auto it = bracketed.globalMatch(whiteboard); it.hasNext();)
        tags.append(it.next().captured(1));
    if (tags.isEmpty() && !whiteboard.trimmed().isEmpty())
        tags.append(whiteboard.trimmed());
    return tags;
}

int bugzillaPriorityLevel(const QString &name)
{
    static const QHash<QString, int> levels
        = {{u"p1"_s, 4},      {u"p2"_s, 3},     {u"p3"_s, 2},       {u"p4"_s, 1},     {u"p5"_s, 1},
           {u"highest"_s, 4}, {u"high"_s, 3},   {u"normal"_s, 2},   {u"medium"_s, 2}, {u"low"_s, 1},
           {u"lowest"_s, 1},  {u"urgent"_s, 4}, {u"immediate"_s, 4}};
    return levels.value(name.trimmed().toLower(), -1);
}

DeltaState bugzillaState(const QString &where, const QString &status, const QString &resolution,
                         ImportWarnings *warnings)
{
    if (status == u"UNCONFIRMED"_s || status == u"NEW"_s)
        return DeltaState::New;
    if (status == u"ASSIGNED"_s || status == u"REOPENED"_s || status == u"CONFIRMED"_s
        || status == u"IN_PROGRESS"_s) {
        return DeltaState::Confirmed;
    }
    if (status == u"RESOLVED"_s || status == u"VERIFIED"_s || status == u"CLOSED"_s) {
        if (resolution == u"FIXED"_s)
            return DeltaState::Resolved;
        if (resolution == u"DUPLICATE"_s)
            return DeltaState::Duplicate;
        if (resolution == u"INVALID"_s || resolution == u"WONTFIX"_s
            || resolution == u"WORKSFORME"_s || resolution == u"INCOMPLETE"_s
            || resolution == u"EXPIRED"_s || resolution == u"INACTIVE"_s
            || resolution == u"MOVED"_s) {
            return DeltaState::Declined;
        }
        // The status says it is done even when the resolution is missing or new to us.
        warnings->append(
            resolution.trimmed().isEmpty()
                ? u"%1: status %2 without a resolution, imported as resolved"_s.arg(
                    where, InputText::quoted(status))
                : u"%1: unknown resolution %2 of status %3, imported as resolved"_s.arg(
                    where, InputText::quoted(resolution.trimmed()), InputText::quoted(status)));
        return DeltaState::Resolved;
    }
    warnings->append(u"%1: unknown status %2, imported as new"_s.arg(
        where, InputText::quoted(status.trimmed())));
    return DeltaState::New;
}

Status readBugzillaFile(const QString &path, const QByteArray &bytes, QList<BugzillaBug> *bugs,
                        QList<BugzillaComment> *comments, QList<BugzillaChange> *changes,
                        ImportWarnings *warnings)
{
    if (!bytes.trimmed().startsWith('{'))
        return Error{u"%1: expected a Bugzilla REST object"_s.arg(path)};
    if (const Status shape = JsonShape::check(path, bytes, u"a Bugzilla REST export"_s); !shape)
        return shape;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    // bugbug's files are one bug per line: the first line is a whole object on its own.
    const QByteArray firstLine = bytes.left(bytes.indexOf('\n'));
    QJsonParseError lineError;
    if (error.error != QJsonParseError::NoError
        && (!QJsonDocument::fromJson(firstLine, &lineError).isObject()
            || lineError.error != QJsonParseError::NoError)) {
        return Error{u"%1: %2: %3 (a Bugzilla REST object was expected)"_s.arg(
            path, position(bytes, error.offset), error.errorString())};
    }
    if (error.error != QJsonParseError::NoError) {
        return forEachRecord(path, bytes, [&](const QString &where, const QJsonObject &object) {
            return readBugzillaBug(u"%1: record %2"_s.arg(path, where), object, bugs, comments,
                                   changes, warnings);
        });
    }
    const QJsonValue list = document.object().value(u"bugs"_s);
    if (list.isObject()) { // /rest/bug/{id}/comment: {"bugs": {"id": {"comments": […]}}}
        const QJsonObject byBug = list.toObject();
        for (auto it = byBug.constBegin(); it != byBug.constEnd(); ++it) {
            const QJsonArray entries = it.value().toObject().value(u"comments"_s).toArray();
            for (qsizetype c = 0; c < entries.size(); ++c) {
                const QString where
                    = u"%1: record bugs.%2.comments[%3]"_s.arg(path, recordKey(it.key())).arg(c);
                if (const Status read = readBugzillaComment(where, it.key().toLongLong(), c,
                                                            entries.at(c).toObject(), comments);
                    !read) {
                    return read;
                }
            }
        }
        return {};
    }
    if (!list.isArray())
        return Error{u"%1: record bugs: expected a list of bugs"_s.arg(path)};
    const QJsonArray entries = list.toArray();
    for (qsizetype b = 0; b < entries.size(); ++b) {
        const QJsonObject entry = entries.at(b).toObject();
        const QString where = u"%1: record bugs[%2]"_s.arg(path).arg(b);
        // A history entry is {"id", "alias", "history"}; anything else must be a whole bug.
        if (!entry.contains(u"history"_s) || entry.contains(u"summary"_s)) {
            if (const Status read
                = readBugzillaBug(where, entry, bugs, comments, changes, warnings);
                !read) {
                return read;
            }
        } else { // /rest/bug/{id}/history
            if (const Status read
                = readBugzillaHistory(where, positiveNumber(entry.value(u"id"_s)).value_or(0),
                                      entry.value(u"history"_s).toArray(), changes);
                !read) {
                return read;
            }
        }
    }
    return {};
}

QHash<qint64, QString> bugzillaDescriptions(const QList<BugzillaComment> &comments)
{
    QHash<qint64, QString> descriptions;
    for (const BugzillaComment &comment : comments) {
        if (comment.count == 0 && !comment.comment.body.isEmpty()) {
            QString &text = descriptions[comment.bug];
            text = text.isEmpty() ? comment.comment.body : comment.comment.body + u"\n\n"_s + text;
        }
    }
    return descriptions;
}

Status writeBugzillaBugs(ImportWriter &w, QList<BugzillaBug> &bugs,
                         const QHash<qint64, QString> &descriptions, BugzillaWritten &written)
{
    for (BugzillaBug &bug : bugs) {
        if (const QString description = descriptions.value(bug.id); !description.isEmpty())
            bug.delta.details = description + u"\n\n"_s + bug.delta.details;
        // A duplicate without its original in reach is imported as resolved, and warned about.
        if (bug.delta.state == DeltaState::Duplicate)
            bug.delta.state = DeltaState::Resolved;
        const int createdBefore = w.summary.created;
        if (const auto id = w.upsert(bug.where, bug.delta); !id)
            return Error{id.error()};
        if (w.summary.created > createdBefore)
            written.created.insert(bug.id);
        if (!bug.priority.isEmpty()) {
            qsizetype name = written.priorityNames.indexOf(bug.priority);
            if (name < 0) {
                name = written.priorityNames.size();
                written.priorityNames.append(bug.priority);
            }
            written.priorities.append({bug.id, name});
        }
        if (bug.dupeOf)
            written.duplicates.append({bug.where, bug.id, bug.dupeOf});
    }
    bugs.clear();
    return {};
}

bool isBugzillaBugList(const QByteArray &head)
{
    // {"bugs": [ {… "summary" …} ]}: a list of whole bugs, not a history or comment file.
    static const QRegularExpression list(uR"(^\s*\{\s*"bugs"\s*:\s*\[)"_s);
    const QString start = QString::fromUtf8(head.left(4096));
    return list.match(start).hasMatch() && head.contains("\"summary\"")
           && !head.contains("\"history\"");
}

Status streamBugzillaBugs(const QString &path, qint64 limit, ImportWriter &w,
                          const QHash<qint64, QString> &descriptions,
                          QList<BugzillaComment> *comments, QList<BugzillaChange> *changes,
                          BugzillaWritten &written, const std::function<void(qint64)> &progress)
{
    JsonStream in(path);
    if (const Status opened = in.open(limit, u"a Bugzilla REST export"_s); !opened)
        return opened;
    const auto expect = [&in](char wanted, const QString &what) -> Status {
        const auto next = in.peek();
        if (!next)
            return Error{next.error()};
        if (*next != wanted)
            return in.malformed(in.offset(), u"expected %1"_s.arg(what));
        in.consume();
        return {};
    };
    if (const Status open = expect('{', u"a Bugzilla REST object"_s); !open)
        return open;
    constexpr qsizetype kBatch = 4096;
    constexpr qint64 kMaxRecord = qint64(256) * 1024 * 1024;
    QList<BugzillaBug> batch;
    qsizetype index = 0;
    while (true) {
        const auto next = in.peek();
        if (!next)
            return Error{next.error()};
        if (*next == '}') {
            in.consume();
            break;
        }
        if (*next == ',') {
            in.consume();
            continue;
        }
        const auto key = in.string();
        if (!key)
            return Error{key.error()};
        if (const Status colon = expect(':', u"a colon after %1"_s.arg(InputText::quoted(*key)));
            !colon)
            return colon;
        if (*key != u"bugs"_s) {
            if (const Status skipped = in.skipValue(); !skipped)
                return skipped;
            continue;
        }
        if (const Status list = expect('[', u"a list of bugs"_s); !list)
            return list;
        while (true) {
            const auto item = in.peek();
            if (!item)
                return Error{item.error()};
            if (*item == ']') {
                in.consume();
                break;
            }
            if (*item == ',') {
                in.consume();
                continue;
            }
            const QString where = u"%1: record bugs[%2]"_s.arg(path).arg(index++);
            const auto bytes = in.value(kMaxRecord);
            if (!bytes)
                return Error{bytes.error()};
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(bytes->toByteArray(), &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                return Error{u"%1: %2 (a bug object was expected)"_s.arg(
                    where, error.error != QJsonParseError::NoError ? error.errorString()
                                                                   : u"not an object"_s)};
            }
            if (const Status read = readBugzillaBug(where, document.object(), &batch, comments,
                                                    changes, &w.summary.warnings);
                !read)
                return read;
            if (batch.size() >= kBatch) {
                progress(in.offset());
                if (const Status done = writeBugzillaBugs(w, batch, descriptions, written); !done)
                    return done;
            }
        }
    }
    if (const Status dense = in.checkDensity(); !dense)
        return dense;
    progress(in.offset());
    return writeBugzillaBugs(w, batch, descriptions, written);
}

Status writeBugzilla(ImportWriter &w, QList<BugzillaBug> &zillaBugs,
                     const QList<BugzillaComment> &zillaComments,
                     const QList<BugzillaChange> &zillaChanges, BugzillaWritten &written)
{
    const auto bugzillaDelta = [&](qint64 bug) {
        return w.deltaFor(u"bugzilla"_s, QString::number(bug));
    };
    if (const Status done
        = writeBugzillaBugs(w, zillaBugs, bugzillaDescriptions(zillaComments), written);
        !done)
        return done;
    const QSet<qint64> &createdBugs = written.created;
    JiraPriorities priorities;
    if (w.options.organisation.isEmpty() && !written.priorities.isEmpty()) {
        // Only how many are left out is said: no map of a million records for that.
        w.summary.warnings.append(
            u"Bugzilla priorities of %1 %2 are not imported: say whose "
            u"they are with --org"_s.arg(written.priorities.size())
                .arg(written.priorities.size() == 1 ? u"record"_s : u"records"_s));
    } else if (!w.options.organisation.isEmpty()) {
        for (const auto &[bug, name] : std::as_const(written.priorities)) {
            priorities.insert(QString::number(bug),
                              {u"bugzilla bug %1"_s.arg(bug), written.priorityNames.at(name),
                               int(priorities.size())});
        }
    }
    written.priorities.clear();
    if (const Status set
        = w.writePriorities(u"bugzilla"_s, u"Bugzilla"_s, priorities, bugzillaPriorityLevel);
        !set)
        return set;
    for (const auto &[where, id, dupeOf] : std::as_const(written.duplicates)) {
        if (const Status marked = w.markDuplicate(where, u"bugzilla"_s, QString::number(id),
                                                  QString::number(dupeOf), u"bug %1"_s.arg(dupeOf));
            !marked) {
            return Error{marked.error()};
        }
    }
    for (const BugzillaComment &c : std::as_const(zillaComments)) {
        if (c.count == 0)
            continue; // the description
        const auto delta = bugzillaDelta(c.bug);
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            w.summary.warnings.append(u"%1: bug %2 is neither in this run nor in the database; the "
                                      u"comment is skipped"_s.arg(c.where)
                                          .arg(c.bug));
            continue;
        }
        Comment comment = c.comment;
        comment.deltaId = *delta;
        if (const Status imported = w.importComment(c.where, comment); !imported)
            return Error{imported.error()};
    }
    for (const BugzillaChange &change : std::as_const(zillaChanges)) {
        const auto delta = bugzillaDelta(change.bug);
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            w.summary.warnings.append(u"history of bug %1: the bug is neither in this run nor in "
                                      u"the database; skipped"_s.arg(change.bug));
            continue;
        }
        if (!createdBugs.contains(change.bug))
            continue;
        if (const Status logged = w.db.execOnce(
                u"INSERT INTO history (entity, entity_id, field, old_value, new_value, changed_at, "
                u"actor) VALUES ('delta', ?, ?, ?, ?, ?, ?)"_s,
                {*delta, u"bugzilla:"_s + change.field, Sql::textOrNull(change.removed),
                 Sql::textOrNull(change.added), change.when,
                 change.who.isEmpty() ? u"bugzilla"_s : change.who});
            !logged) {
            return Error{logged.error()};
        }
    }
    return {};
}

} // namespace Deltaboard::Import
