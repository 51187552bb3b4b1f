#include "github.h"

#include "importmapping.h"
#include "inputtext.h"
#include "jsonrecords.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <thread>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

namespace {

// One GitHub issue as a delta. Both the REST shape (user.login, created_at, html_url) and the
// gh CLI shape (author.login, createdAt, url) are read.
struct Mapped
{
    Delta delta;
    bool pullRequest = false;
};

Result<Mapped> mapGithubIssue(const QString &where, const QJsonObject &issue,
                              ImportWarnings *warnings)
{
    Mapped mapped;
    mapped.pullRequest = issue.contains(u"pull_request"_s);
    const auto title = text(where, issue, u"title"_s);
    if (!title)
        return Error{title.error()};
    const QJsonValue number = issue.value(u"number"_s);
    if (!positiveNumber(number))
        return Error{u"%1.number: expected a positive issue number"_s.arg(where)};
    QString url = issue.value(u"html_url"_s).isString() ? issue.value(u"html_url"_s).toString()
                                                        : issue.value(u"url"_s).toString();
    // "https://github.com/OWNER/REPO/issues/N" (or /pull/N) names the repository.
    // One per thread: issues are mapped on two threads (see mapGithubFile).
    static thread_local const QRegularExpression repository(
        uR"(^https://(?:api\.)?github\.com/(?:repos/)?([^/]+/[^/]+)/(?:issues|pull)/\d+)"_s);
    const auto repo = repository.match(url);
    if (!repo.hasMatch()) {
        return Error{u"%1.html_url: expected the issue's GitHub address, found %2"_s.arg(
            where, InputText::quoted(url))};
    }
    Delta &delta = mapped.delta;
    delta.title = title->trimmed().isEmpty() ? u"(untitled)"_s : title->trimmed();
    const auto body = bounded(where, u"body"_s, issue.value(u"body"_s).toString());
    if (!body)
        return Error{body.error()};
    delta.details = *body;
    delta.source = {u"github"_s, u"%1#%2"_s.arg(repo.captured(1)).arg(*positiveNumber(number)),
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
    // Labels are labels; "enhancement"/"feature" make a spec, and a "severity-…" label
    // (webcompat's) is the severity too.
    QStringList labels;
    for (const QJsonValue &label : issue.value(u"labels"_s).toArray())
        labels.append(label.isString() ? label.toString()
                                       : label.toObject().value(u"name"_s).toString());
    for (const QString &label : std::as_const(labels)) {
        const QString l = label.toLower();
        if (l == u"enhancement"_s || l == u"feature"_s || l == u"feature request"_s)
            delta.kind = DeltaKind::Spec;
        if (l.startsWith(u"severity-"_s) || l.startsWith(u"severity:"_s))
            delta.severity = severityLevel(where, label, warnings);
    }
    delta.sourceLabels = labelNames(where, labels, warnings);
    for (const auto &[field, target] :
         {std::pair{issue.contains(u"updated_at"_s) ? u"updated_at"_s : u"updatedAt"_s,
                    &delta.updatedAt},
          std::pair{issue.contains(u"closed_at"_s) ? u"closed_at"_s : u"closedAt"_s,
                    &delta.closedAt}}) {
        const QJsonValue value = issue.value(field);
        if (!value.isString() || value.toString().isEmpty())
            continue;
        const auto time = timestamp(where, field, value.toString());
        if (!time)
            return Error{time.error()};
        *target = *time;
    }
    // A milestone is the release the work is planned for.
    const QString milestone = issue.value(u"milestone"_s).toObject().value(u"title"_s).toString();
    if (!isPlaceholder(milestone))
        delta.fixedIn = milestone.trimmed();
    QStringList assignees;
    for (const QJsonValue &assignee : issue.value(u"assignees"_s).toArray())
        assignees.append(assignee.toObject().value(u"login"_s).toString());
    if (assignees.isEmpty() && issue.value(u"assignee"_s).isObject())
        assignees.append(issue.value(u"assignee"_s).toObject().value(u"login"_s).toString());
    keepFacts(delta, u"github"_s, {{u"assignees"_s, assignees.join(u", "_s)}}, warnings);
    static const QStringList read
        = {u"number"_s,      u"title"_s,     u"body"_s,       u"html_url"_s,     u"url"_s,
           u"user"_s,        u"author"_s,    u"created_at"_s, u"createdAt"_s,    u"updated_at"_s,
           u"updatedAt"_s,   u"closed_at"_s, u"closedAt"_s,   u"labels"_s,       u"milestone"_s,
           u"assignees"_s,   u"assignee"_s,  u"state"_s,      u"state_reason"_s, u"stateReason"_s,
           u"pull_request"_s};
    // The API's own addresses and ids, counts of what is not in an issues export (comments,
    // reactions), and who may edit it.
    static const QStringList ignored = {u"id"_s,
                                        u"node_id"_s,
                                        u"repository_url"_s,
                                        u"labels_url"_s,
                                        u"comments_url"_s,
                                        u"events_url"_s,
                                        u"timeline_url"_s,
                                        u"comments"_s,
                                        u"reactions"_s,
                                        u"author_association"_s,
                                        u"performed_via_github_app"_s,
                                        u"locked"_s,
                                        u"active_lock_reason"_s,
                                        u"draft"_s,
                                        u"closed_by"_s,
                                        u"sub_issues_summary"_s,
                                        u"issue_dependencies_summary"_s};
    keepUnmapped(delta, u"github"_s, issue, read, ignored, warnings);
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
        if (!reason.isEmpty() && reason != u"not_planned"_s && reason != u"completed"_s
            && reason != u"reopened"_s) {
            warnings->append(u"%1: closed for an unknown reason %2, imported as resolved"_s.arg(
                where, InputText::quoted(reason)));
        }
    } else {
        delta.state = DeltaState::New;
        warnings->append(u"%1: unknown state %2, imported as new"_s.arg(
            where, InputText::quoted(issue.value(u"state"_s).toString())));
    }
    return mapped;
}

} // namespace

Result<MappedIssues> mapGithubIssues(const QString &path, const QByteArray &bytes,
                                     const QList<RecordSlice> &slices, qsizetype from, qsizetype to)
{
    struct Part
    {
        MappedIssues mapped;
        std::optional<Error> error;
    };
    const auto work = [&](qsizetype begin, qsizetype end, Part &part) {
        part.mapped.deltas.reserve(end - begin);
        for (qsizetype i = begin; i < end; ++i) {
            const RecordSlice &slice = slices.at(i);
            const auto record = parseRecord(path, bytes, slice);
            if (!record) {
                part.error = Error{record.error()};
                return;
            }
            auto issue = mapGithubIssue(u"%1: record %2"_s.arg(path, recordName(slice)), *record,
                                        &part.mapped.warnings);
            if (!issue) {
                part.error = Error{issue.error()};
                return;
            }
            if (issue->pullRequest)
                ++part.mapped.pullRequests;
            else
                part.mapped.deltas.append(std::move(issue->delta));
        }
    };
    Part first;
    Part second;
    const qsizetype half = to - from >= 2048 && std::thread::hardware_concurrency() > 1
                               ? from + (to - from) / 2
                               : to;
    {
        std::jthread helper;
        if (half < to)
            helper = std::jthread([&] { work(half, to, second); });
        work(from, half, first);
    }
    if (first.error)
        return *first.error;
    if (second.error)
        return *second.error;
    first.mapped.deltas.append(std::move(second.mapped.deltas));
    first.mapped.pullRequests += second.mapped.pullRequests;
    first.mapped.warnings.merge(second.mapped.warnings);
    return first.mapped;
}

} // namespace Deltaboard::Import
