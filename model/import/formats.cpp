#include "importrecords.h"

#include "bugzillaxml.h"
#include "genericcsv.h"
#include "github.h"
#include "importmapping.h"
#include "inputtext.h"
#include "jsonrecords.h"
#include "jsonshape.h"
#include "trac.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

// The formats: what detect() recognises, and which reader reads each. A new format is one new
// reader file, one line in TrackerImport::formats() and one branch in readExport().
namespace Deltaboard::Import {

using InputText::position;

Status readExport(const QString &path, const QByteArray &bytes, const ImportOptions &options,
                  const QString &now, ImportRecords &records, ImportSummary &summary,
                  const IssueBatchWriter &write)
{
    auto &issues = records.issues;
    auto &bugs = records.bugs;
    auto &tasks = records.tasks;
    auto &messages = records.messages;
    auto &zillaBugs = records.zillaBugs;
    auto &zillaComments = records.zillaComments;
    auto &zillaChanges = records.zillaChanges;
    auto &redmine = records.redmine;
    auto &csvComments = records.csvComments;
    auto &jiraPriorities = records.jiraPriorities;
    auto &jiraDuplicates = records.jiraDuplicates;
    auto &trelloBoards = records.trelloBoards;
    if (!options.format.isEmpty() && !TrackerImport::formats().contains(options.format)) {
        return Error{u"unknown format %1 (expected one of %2)"_s.arg(
            InputText::quoted(options.format), TrackerImport::formats().join(u", "_s))};
    }
    const QString format = options.format.isEmpty() ? TrackerImport::detect(bytes) : options.format;
    if (format.isEmpty()) {
        return Error{u"%1: not an export this importer reads (GitHub issues, Launchpad, "
                     u"Bugzilla REST, Redmine and Trello JSON, Bugzilla and Jira XML, Jira, "
                     u"Trac, Redmine CSV and CSV with an id and a title column)"_s.arg(path)};
    }
    summary.formats.append(u"%1: %2"_s.arg(QFileInfo(path).fileName(), format));
    if (format == u"csv"_s || format == u"redmine-csv"_s) {
        const auto rows = parseCsv(path, bytes);
        if (!rows)
            return Error{rows.error()};
        const QString tracker = format == u"redmine-csv"_s    ? u"redmine"_s
                                : options.csvSource.isEmpty() ? u"csv"_s
                                                              : options.csvSource;
        QSet<QString> known(summary.csvHeader.cbegin(), summary.csvHeader.cend());
        for (const QString &name : rows->first().cells) {
            if (!known.contains(name)) {
                known.insert(name);
                summary.csvHeader.append(name);
            }
        }
        if (const Status read = readGenericCsv(path, *rows, now, tracker, options.csvColumns,
                                               &issues, &summary.csvColumns, &summary.warnings);
            !read) {
            return Error{read.error()};
        }
        return {};
    }
    if (format == u"jira-csv"_s || format == u"trac-csv"_s) {
        const auto rows = parseCsv(path, bytes);
        if (!rows)
            return Error{rows.error()};
        const Status read = format == u"jira-csv"_s
                                ? readJiraCsv(path, *rows, now, &issues, &csvComments,
                                              &jiraPriorities, &summary.warnings)
                                : readTracCsv(path, *rows, now, &issues, &csvComments,
                                              &records.tracPriorities, &summary.warnings);
        if (!read)
            return Error{read.error()};
        return {};
    }
    if (format == u"redmine"_s) {
        if (const Status shape = JsonShape::check(path, bytes, u"a Redmine JSON export"_s);
            !shape) {
            return Error{shape.error()};
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return Error{u"%1: %2: %3 (a Redmine issues object was expected)"_s.arg(
                path, position(bytes, error.offset),
                error.error != QJsonParseError::NoError ? error.errorString()
                                                        : u"not an object"_s)};
        }
        const QJsonObject object = document.object();
        QList<std::pair<QString, QJsonObject>> entries;
        if (object.value(u"issue"_s).isObject()) {
            entries.append({u"%1: record issue"_s.arg(path), object.value(u"issue"_s).toObject()});
        } else if (object.value(u"issues"_s).isArray()) {
            const QJsonArray list = object.value(u"issues"_s).toArray();
            for (qsizetype n = 0; n < list.size(); ++n)
                entries.append(
                    {u"%1: record issues[%2]"_s.arg(path).arg(n), list.at(n).toObject()});
        } else {
            return Error{u"%1: expected \"issues\" (a list) or \"issue\""_s.arg(path)};
        }
        for (const auto &[where, entry] : std::as_const(entries)) {
            const auto issue = readRedmineIssue(where, entry, &summary.warnings);
            if (!issue)
                return Error{issue.error()};
            redmine.append(*issue);
        }
        return {};
    }
    if (format == u"trello"_s) {
        const auto board = readTrello(path, bytes, &summary.warnings);
        if (!board)
            return Error{board.error()};
        trelloBoards.append(*board);
        return {};
    }
    if (format == u"jira-xml"_s) {
        if (const Status read = readJiraXml(path, bytes, &issues, &csvComments, &jiraPriorities,
                                            &jiraDuplicates, &summary.warnings);
            !read) {
            return Error{read.error()};
        }
        return {};
    }
    if (format == u"bugzilla-xml"_s) {
        if (const Status read
            = readBugzillaXml(path, bytes, &zillaBugs, &zillaComments, &summary.warnings);
            !read) {
            return Error{read.error()};
        }
        return {};
    }
    if (format == u"bugzilla"_s) {
        if (const Status read = readBugzillaFile(path, bytes, &zillaBugs, &zillaComments,
                                                 &zillaChanges, &summary.warnings);
            !read) {
            return Error{read.error()};
        }
        return {};
    }
    if (format == u"launchpad"_s) {
        if (const Status shape = JsonShape::check(path, bytes, u"a Launchpad API export"_s);
            !shape) {
            return Error{shape.error()};
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return Error{u"%1: %2: %3 (a Launchpad API object was expected)"_s.arg(
                path, position(bytes, error.offset),
                error.error != QJsonParseError::NoError ? error.errorString()
                                                        : u"not an object"_s)};
        }
        const QJsonObject object = document.object();
        if (object.contains(u"entries"_s)) {
            const QJsonArray entries = object.value(u"entries"_s).toArray();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                if (const Status read = readLaunchpadEntry(
                        u"%1: record entries[%2]"_s.arg(path).arg(i), entries.at(i).toObject(),
                        &bugs, &tasks, &messages, &summary.warnings);
                    !read) {
                    return Error{read.error()};
                }
            }
        } else if (const Status read = readLaunchpadEntry(u"%1: record"_s.arg(path), object, &bugs,
                                                          &tasks, &messages, &summary.warnings);
                   !read) {
            return Error{read.error()};
        }
        return {};
    }
    if (const Status shape = JsonShape::check(path, bytes, u"a GitHub issues export"_s); !shape) {
        return Error{shape.error()};
    }
    const auto slices = recordSlices(path, bytes);
    if (!slices)
        return Error{slices.error()};
    constexpr qsizetype kBatch = 8192;
    for (qsizetype from = 0; from < slices->size(); from += kBatch) {
        const qsizetype to = std::min(from + kBatch, slices->size());
        auto read = mapGithubIssues(path, bytes, *slices, from, to);
        if (!read)
            return Error{read.error()};
        const MappedIssues mapped = std::move(read).value();
        summary.skipped += mapped.pullRequests;
        summary.warnings.merge(mapped.warnings);
        // How far into the file this batch ends, for progress while writing as reading goes.
        if (const Status taken
            = write(path, mapped.deltas, slices->at(to - 1).begin + slices->at(to - 1).length);
            !taken) {
            return taken;
        }
    }
    return {};
}

} // namespace Deltaboard::Import

namespace Deltaboard {

using namespace Import;

QString TrackerImport::detect(const QByteArray &head)
{
    // GitHub issues carry their address; both the REST and the gh shapes do.
    static const QRegularExpression github(
        uR"re("(?:html_url|url)"\s*:\s*"https://(?:api\.)?github\.com/)re"_s);
    const QString start = QString::fromUtf8(head.left(64 * 1024));
    if (start.contains(u"<bugzilla"_s) && start.contains(u"<bug>"_s))
        return u"bugzilla-xml"_s;
    if (start.contains(u"<rss"_s) && start.contains(u"<item>"_s))
        return u"jira-xml"_s;
    // A board's own fields come first and may be long (its description): the marker of its
    // cards and lists is looked for in all that was given.
    if (start.trimmed().startsWith(u'{')
        && (head.contains("\"idBoard\"") || head.contains("\"shortLink\"")))
        return u"trello"_s;
    // CSV: recognised by its header line.
    const QString header = start.section(u'\n', 0, 0).remove(QChar(0xfeff)).trimmed();
    if (header.contains(u"Issue key"_s) && header.contains(u"Summary"_s))
        return u"jira-csv"_s;
    const QStringList columns = header.split(u',');
    if (columns.contains(u"ticket"_s)
        || (columns.contains(u"id"_s) && columns.contains(u"summary"_s)))
        return u"trac-csv"_s;
    // Redmine's CSV export: "#,Project,Tracker,…,Subject,…" (possibly quoted).
    QStringList unquoted;
    for (const QString &c : columns)
        unquoted.append(c.trimmed().remove(u'"'));
    if (unquoted.value(0) == u"#"_s && unquoted.contains(u"Subject"_s)
        && unquoted.contains(u"Tracker"_s))
        return u"redmine-csv"_s;
    // Any other CSV with an id and a title column.
    const auto hasField = [&unquoted](const QString &field) {
        const QStringList names
            = std::find_if(csvFieldNames().cbegin(), csvFieldNames().cend(), [&](const auto &f) {
                  return f.first == field;
              })->second;
        return std::any_of(unquoted.cbegin(), unquoted.cend(),
                           [&](const QString &c) { return names.contains(c.toLower()); });
    };
    if (unquoted.size() >= 2 && !start.trimmed().startsWith(u'{')
        && !start.trimmed().startsWith(u'[') && !start.trimmed().startsWith(u'<')
        && hasField(u"id"_s) && hasField(u"title"_s))
        return u"csv"_s;
    if (start.contains(u"\"https://api.launchpad.net/"_s))
        return u"launchpad"_s;
    // Bugzilla REST: {"bugs": …} with summary/creation_time, comment or history lists.
    static const QRegularExpression bugzilla(uR"re("(?:creation_time|bug_id|field_name)"\s*:)re"_s);
    if (start.contains(u"\"created_on\""_s) && start.contains(u"\"subject\""_s))
        return u"redmine"_s;
    // A Bugzilla bug may link to GitHub, but GitHub issues never have Bugzilla's fields.
    if (bugzilla.match(start).hasMatch())
        return u"bugzilla"_s;
    if (github.match(start).hasMatch())
        return u"github"_s;
    return {};
}

QStringList TrackerImport::formats()
{
    return {u"github"_s,   u"launchpad"_s,   u"bugzilla"_s, u"bugzilla-xml"_s,
            u"redmine"_s,  u"redmine-csv"_s, u"jira-csv"_s, u"jira-xml"_s,
            u"trac-csv"_s, u"trello"_s,      u"csv"_s};
}

QStringList TrackerImport::csvFields()
{
    QStringList fields;
    for (const auto &[field, names] : csvFieldNames())
        fields.append(field);
    return fields;
}

Result<ImportSummary> TrackerImport::read(const QByteArray &bytes, const QString &format,
                                          const QString &name)
{
    ImportOptions options;
    options.format = format;
    ImportSummary summary;
    ImportRecords records;
    const Status done
        = readExport(name, bytes, options, u"2000-01-01T00:00:00.000Z"_s, records, summary,
                     [&summary](const QString &, const QList<Delta> &deltas, qint64) -> Status {
                         summary.created += int(deltas.size());
                         return {};
                     });
    if (!done)
        return Error{done.error()};
    summary.warnings.settle();
    return summary;
}

} // namespace Deltaboard
