#include "bugzilla.h"

#include "importmapping.h"
#include "importwriter.h"
#include "inputtext.h"
#include "jsonrecords.h"
#include "jsonshape.h"
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
                       QStringList *warnings)
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
    const QString version = object.value(u"version"_s).toString();
    if (version != u"unspecified"_s && version != u"---"_s)
        delta.foundIn = version;
    if (object.value(u"severity"_s).toString() == u"enhancement"_s)
        delta.kind = DeltaKind::Spec;
    delta.state = bugzillaState(where, object.value(u"status"_s).toString(),
                                object.value(u"resolution"_s).toString(), warnings);
    const QString product = object.value(u"product"_s).toString();
    const QString component = object.value(u"component"_s).toString();
    delta.details = u"Product: %1 · Component: %2"_s.arg(product, component);
    appendFacts(delta, {{u"Assigned to"_s, object.value(u"assigned_to"_s).toString()},
                        {u"Target milestone"_s, object.value(u"target_milestone"_s).toString()}});
    delta.source = {u"bugzilla"_s, QString::number(bug.id), {}};
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

DeltaState bugzillaState(const QString &where, const QString &status, const QString &resolution,
                         QStringList *warnings)
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
    }
    warnings->append(
        u"%1: unknown status \"%2 %3\", imported as new"_s.arg(where, status, resolution)
            .trimmed());
    return DeltaState::New;
}

Status readBugzillaFile(const QString &path, const QByteArray &bytes, QList<BugzillaBug> *bugs,
                        QList<BugzillaComment> *comments, QList<BugzillaChange> *changes,
                        QStringList *warnings)
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

Status writeBugzilla(ImportWriter &w, QList<BugzillaBug> &zillaBugs,
                     const QList<BugzillaComment> &zillaComments,
                     const QList<BugzillaChange> &zillaChanges)
{
    const auto bugzillaDelta = [&](qint64 bug) {
        return w.deltaFor(u"bugzilla"_s, QString::number(bug));
    };
    QSet<qint64> createdBugs;
    for (BugzillaBug &bug : zillaBugs) {
        for (const BugzillaComment &comment : std::as_const(zillaComments)) {
            if (comment.bug == bug.id && comment.count == 0 && !comment.comment.body.isEmpty())
                bug.delta.details = comment.comment.body + u"\n\n"_s + bug.delta.details;
        }
        const auto before = bugzillaDelta(bug.id);
        if (!before)
            return Error{before.error()};
        // A duplicate without its original in reach is imported as resolved, and warned about.
        if (bug.delta.state == DeltaState::Duplicate)
            bug.delta.state = DeltaState::Resolved;
        if (const auto id = w.upsert(bug.where, bug.delta); !id)
            return Error{id.error()};
        if (!*before)
            createdBugs.insert(bug.id);
    }
    for (const BugzillaBug &bug : std::as_const(zillaBugs)) {
        if (!bug.dupeOf)
            continue;
        if (const Status marked
            = w.markDuplicate(bug.where, u"bugzilla"_s, QString::number(bug.id),
                              QString::number(bug.dupeOf), u"bug %1"_s.arg(bug.dupeOf));
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
