#include "trackerimport.h"

#include "deltastore.h"
#include "sqlvalues.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// "line L, column C" of a byte offset, for parse errors.
QString position(const QByteArray &bytes, qsizetype offset)
{
    const QByteArray before = bytes.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"line %1, column %2"_s.arg(line).arg(column);
}

// The records of a GitHub file: a JSON array, or one object per line (JSON lines).
Result<QList<std::pair<QString, QJsonObject>>> githubRecords(const QString &path,
                                                             const QByteArray &bytes)
{
    QList<std::pair<QString, QJsonObject>> records;
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError) {
            return Error{u"%1: %2: %3 (a JSON array of issues was expected)"_s.arg(
                path, position(bytes, error.offset), error.errorString())};
        }
        const QJsonArray array = document.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                return Error{u"%1: record [%2]: expected an issue object"_s.arg(path).arg(i)};
            records.append({u"[%1]"_s.arg(i), array.at(i).toObject()});
        }
        return records;
    }
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return Error{
                u"%1: line %2, column %3: %4 (one issue object per line was expected)"_s.arg(path)
                    .arg(i + 1)
                    .arg(error.offset + 1)
                    .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                                 : u"not an object"_s)};
        }
        records.append({u"line %1"_s.arg(i + 1), document.object()});
    }
    return records;
}

// A field longer than this is refused: no title or description is that long; a record that
// has one is damaged (or an attachment pasted inline), and would bloat every search.
constexpr qsizetype kMaxFieldLength = 1024 * 1024;

Result<QString> bounded(const QString &where, const QString &field, const QString &value)
{
    if (value.size() > kMaxFieldLength) {
        return Error{u"%1.%2: %3 characters, more than the %4 a field may hold"_s.arg(where, field)
                         .arg(value.size())
                         .arg(kMaxFieldLength)};
    }
    return value;
}

// A required text field: a located error when it is missing or not text.
Result<QString> text(const QString &where, const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (!value.isString())
        return Error{u"%1.%2: expected text, found %3"_s.arg(
            where, field,
            value.isUndefined() ? u"nothing"_s
            : value.isNull()    ? u"null"_s
                                : u"a %1"_s.arg(value.isDouble()  ? u"number"_s
                                                : value.isBool()  ? u"boolean"_s
                                                : value.isArray() ? u"list"_s
                                                                  : u"object"_s))};
    return bounded(where, field, value.toString());
}

// GitHub times ("2017-10-10T16:00:00Z", gh: "2021-04-17T14:05:03Z") in the database's form.
Result<QString> timestamp(const QString &where, const QString &field, const QString &value)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODate);
    if (!time.isValid())
        time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error{u"%1.%2: \"%3\" is not an ISO 8601 time"_s.arg(where, field, value)};
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

// One GitHub issue as a delta. Both the REST shape (user.login, created_at, html_url) and the
// gh CLI shape (author.login, createdAt, url) are read.
struct Mapped
{
    Delta delta;
    bool pullRequest = false;
};

Result<Mapped> mapGithubIssue(const QString &where, const QJsonObject &issue, QStringList *warnings)
{
    Mapped mapped;
    mapped.pullRequest = issue.contains(u"pull_request"_s);
    const auto title = text(where, issue, u"title"_s);
    if (!title)
        return Error{title.error()};
    const QJsonValue number = issue.value(u"number"_s);
    if (!number.isDouble() || number.toDouble() < 1)
        return Error{u"%1.number: expected a positive issue number"_s.arg(where)};
    QString url = issue.value(u"html_url"_s).isString() ? issue.value(u"html_url"_s).toString()
                                                        : issue.value(u"url"_s).toString();
    // "https://github.com/OWNER/REPO/issues/N" (or /pull/N) names the repository.
    static const QRegularExpression repository(
        uR"(^https://(?:api\.)?github\.com/(?:repos/)?([^/]+/[^/]+)/(?:issues|pull)/\d+)"_s);
    const auto repo = repository.match(url);
    if (!repo.hasMatch()) {
        return Error{
            u"%1.html_url: expected the issue's GitHub address, found \"%2\""_s.arg(where, url)};
    }
    Delta &delta = mapped.delta;
    delta.title = title->trimmed().isEmpty() ? u"(untitled)"_s : title->trimmed();
    const auto body = bounded(where, u"body"_s, issue.value(u"body"_s).toString());
    if (!body)
        return Error{body.error()};
    delta.details = *body;
    delta.source = {u"github"_s, u"%1#%2"_s.arg(repo.captured(1)).arg(qint64(number.toDouble())),
                    url.replace(u"https://api.github.com/repos/"_s, u"https://github.com/"_s)};
    const QJsonObject user
        = issue.value(issue.contains(u"user"_s) ? u"user"_s : u"author"_s).toObject();
    delta.reporter = user.value(u"login"_s).toString();
    const QString createdField = issue.contains(u"created_at"_s) ? u"created_at"_s : u"createdAt"_s;
    const auto created = text(where, issue, createdField);
    if (!created)
        return Error{created.error()};
    const auto createdAt = timestamp(where, createdField, *created);
    if (!createdAt)
        return Error{createdAt.error()};
    delta.createdAt = *createdAt;
    // Labels: "enhancement"/"feature" make a spec; all are kept in the details.
    QStringList labels;
    for (const QJsonValue &label : issue.value(u"labels"_s).toArray())
        labels.append(label.isString() ? label.toString()
                                       : label.toObject().value(u"name"_s).toString());
    for (const QString &label : std::as_const(labels)) {
        const QString l = label.toLower();
        if (l == u"enhancement"_s || l == u"feature"_s || l == u"feature request"_s)
            delta.kind = DeltaKind::Spec;
    }
    if (!labels.isEmpty())
        delta.details += u"\n\nLabels: "_s + labels.join(u", "_s);
    // State: open is new; closed is resolved, or declined when closed as not planned.
    const QString state = issue.value(u"state"_s).toString().toLower();
    const QString reason
        = (issue.value(u"state_reason"_s).isString() ? issue.value(u"state_reason"_s)
                                                     : issue.value(u"stateReason"_s))
              .toString()
              .toLower();
    if (state == u"open"_s) {
        delta.state = DeltaState::New;
    } else if (state == u"closed"_s) {
        delta.state = reason == u"not_planned"_s ? DeltaState::Declined : DeltaState::Resolved;
    } else {
        delta.state = DeltaState::New;
        warnings->append(u"%1: unknown state \"%2\", imported as new"_s.arg(
            where, issue.value(u"state"_s).toString()));
    }
    return mapped;
}

} // namespace

QString TrackerImport::detect(const QByteArray &head)
{
    // GitHub issues carry their address; both the REST and the gh shapes do.
    static const QRegularExpression github(
        uR"re("(?:html_url|url)"\s*:\s*"https://(?:api\.)?github\.com/)re"_s);
    if (github.match(QString::fromUtf8(head.left(64 * 1024))).hasMatch())
        return u"github"_s;
    return {};
}

Result<ImportSummary> TrackerImport::importFiles(const QStringList &paths, bool dryRun)
{
    ImportSummary summary;
    // Everything is read and mapped before anything is written.
    QList<std::pair<QString, Delta>> deltas;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
        const QByteArray bytes = file.readAll();
        const QString format = detect(bytes);
        if (format.isEmpty()) {
            return Error{
                u"%1: not an export this importer reads (GitHub issues so far)"_s.arg(path)};
        }
        summary.formats.append(u"%1: %2"_s.arg(QFileInfo(path).fileName(), format));
        const auto records = githubRecords(path, bytes);
        if (!records)
            return Error{records.error()};
        for (const auto &[where, object] : *records) {
            const auto mapped
                = mapGithubIssue(u"%1: record %2"_s.arg(path, where), object, &summary.warnings);
            if (!mapped)
                return Error{mapped.error()};
            if (mapped->pullRequest) {
                ++summary.skipped;
                continue;
            }
            deltas.append({path, mapped->delta});
        }
    }
    Transaction transaction(m_db);
    DeltaStore store(m_db);
    for (const auto &[path, incoming] : std::as_const(deltas)) {
        const auto existing
            = m_db.scalar(u"SELECT id FROM deltas WHERE source_tracker = ? AND external_id = ?"_s,
                          {incoming.source.tracker, incoming.source.externalId});
        if (!existing)
            return Error{existing.error()};
        if (!existing->isValid()) {
            if (const auto created = store.create(incoming); !created)
                return Error{
                    u"%1: %2: %3"_s.arg(path, incoming.source.externalId, created.error())};
            ++summary.created;
            continue;
        }
        auto stored = store.get(existing->toLongLong());
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
        const bool same
            = merged.kind == stored->kind && merged.title == stored->title
              && merged.details == stored->details && merged.reporter == stored->reporter
              && merged.source.url == stored->source.url && merged.state == stored->state;
        if (same) {
            ++summary.unchanged;
            continue;
        }
        if (const Status updated = store.update(merged); !updated)
            return Error{u"%1: %2: %3"_s.arg(path, incoming.source.externalId, updated.error())};
        ++summary.updated;
    }
    if (dryRun)
        return summary; // the transaction rolls back
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return summary;
}

} // namespace Deltaboard
