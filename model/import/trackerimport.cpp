#include "trackerimport.h"

#include "commentstore.h"
#include "inputfile.h"
#include "inputtext.h"
#include "jsonshape.h"
#include "deltastore.h"
#include "organisationstore.h"
#include "sqlvalues.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <cctype>
#include <functional>
#include <thread>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

using InputText::notUtf8;
using InputText::position;

// An object key of the input as a record path names it: as it is when it is a plain name or
// number, quoted (cut, escaped) otherwise.
QString recordKey(const QString &key)
{
    static const QRegularExpression plain(uR"(^[A-Za-z0-9_-]{1,40}$)"_s);
    return plain.match(key).hasMatch() ? key : InputText::quoted(key);
}

// Header names as a message lists them: each quoted, at most the first twenty.
QString quotedList(const QStringList &names)
{
    QStringList shown;
    for (qsizetype i = 0; i < std::min<qsizetype>(names.size(), 20); ++i)
        shown.append(InputText::quoted(names.at(i)));
    if (names.size() > shown.size())
        shown.append(u"and %1 more"_s.arg(names.size() - shown.size()));
    return shown.join(u", "_s);
}

// QXmlStreamReader with a bound on nesting: deeper markup is refused at its line (no export
// nests that deep), and the text of an element with children is gathered by a loop, where
// readElementText(IncludeChildElements) recursed once per level and overflowed the stack.
class BoundedXml
{
public:
    static constexpr int kMaxDepth = 64;

    explicit BoundedXml(QXmlStreamReader &xml)
        : m_xml(xml)
    {}

    QXmlStreamReader::TokenType next()
    {
        const QXmlStreamReader::TokenType type = m_xml.readNext();
        if (type == QXmlStreamReader::StartElement) {
            if (++m_depth > kMaxDepth)
                m_xml.raiseError(u"elements nested deeper than %1 levels"_s.arg(kMaxDepth));
        } else if (type == QXmlStreamReader::EndElement) {
            --m_depth;
        }
        return m_xml.tokenType();
    }

    // The current element's text, up to its end element; a child element is an error, as with
    // QXmlStreamReader::readElementText().
    QString text()
    {
        const QString value = m_xml.readElementText();
        if (!m_xml.hasError())
            --m_depth; // readElementText() read the end element
        return value;
    }

    // The current element's text with its descendants' text, in document order.
    QString flatText()
    {
        QString value;
        for (int level = 1; level > 0 && !m_xml.atEnd();) {
            switch (next()) {
            case QXmlStreamReader::StartElement:
                ++level;
                break;
            case QXmlStreamReader::EndElement:
                --level;
                break;
            case QXmlStreamReader::Characters:
            case QXmlStreamReader::EntityReference:
                value += m_xml.text();
                break;
            default:
                break;
            }
        }
        return value;
    }

private:
    QXmlStreamReader &m_xml;
    int m_depth = 0;
};

// XML in UTF-8 (declared or by default) is checked before parsing: the parser reports bad
// bytes where it noticed them, not where they are.
std::optional<Error> xmlNotUtf8(const QString &path, const QByteArray &bytes,
                                const QString &expected)
{
    static const QRegularExpression declaration(
        uR"re(^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+))re"_s);
    const auto match = declaration.match(QString::fromLatin1(bytes.left(200)));
    if (match.hasMatch() && match.captured(1).compare(u"utf-8"_s, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return notUtf8(path, bytes, expected);
}

// Where one record of a file is: the bytes of an array element, or of a line (JSON lines).
struct RecordSlice
{
    qsizetype begin = 0;
    qsizetype length = 0;
    qsizetype number = 0; // the element's index, or the line's number
    bool line = false;
};

QString recordName(const RecordSlice &slice)
{
    return slice.line ? u"line %1"_s.arg(slice.number) : u"[%1]"_s.arg(slice.number);
}

// The records of a file that is a JSON array of objects, or one object per line: found by a
// scan that only follows strings and nesting (what is inside a record is for the JSON parser
// to judge), so that each record is parsed on its own and a large file never becomes one
// document in memory.
Result<QList<RecordSlice>> recordSlices(const QString &path, const QByteArray &bytes)
{
    QList<RecordSlice> slices;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype first = 0;
    while (first < size && std::isspace(static_cast<unsigned char>(data[first])))
        ++first;
    if (first < size && data[first] == '[') {
        const auto fail = [&](qsizetype offset, const QString &what) {
            return Error{u"%1: %2: %3 (a JSON array of issues was expected)"_s.arg(
                path, position(bytes, offset), what)};
        };
        qsizetype at = first + 1;
        while (true) {
            while (at < size && std::isspace(static_cast<unsigned char>(data[at])))
                ++at;
            if (at >= size)
                return fail(at, u"the array ends without \"]\""_s);
            if (data[at] == ']' && slices.isEmpty())
                break;
            // Every record is an object: anything else is refused where it starts, before the
            // rest of the file is sliced.
            if (data[at] != '{')
                return fail(at, u"record [%1] is not an object"_s.arg(slices.size()));
            // One element: up to the comma or bracket that closes it at the array's level.
            const qsizetype begin = at;
            int depth = 0;
            bool inString = false;
            for (; at < size; ++at) {
                const char c = data[at];
                if (inString) {
                    if (c == '\\')
                        ++at;
                    else if (c == '"')
                        inString = false;
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (depth == 0)
                        break;
                    --depth;
                } else if (c == ',' && depth == 0) {
                    break;
                }
            }
            if (at >= size)
                return fail(size, u"the file ends inside record [%1]"_s.arg(slices.size()));
            slices.append({begin, at - begin, slices.size(), false});
            if (data[at] == ']')
                break;
            ++at; // the comma
        }
        for (++at; at < size; ++at) {
            if (!std::isspace(static_cast<unsigned char>(data[at])))
                return fail(at, u"more after the array's end"_s);
        }
        return slices;
    }
    qsizetype line = 0;
    for (qsizetype begin = 0; begin < size;) {
        qsizetype end = bytes.indexOf('\n', begin);
        if (end < 0)
            end = size;
        ++line;
        const RecordSlice slice{begin, end - begin, line, true};
        begin = end + 1;
        if (!QByteArray::fromRawData(data + slice.begin, slice.length).trimmed().isEmpty())
            slices.append(slice);
    }
    return slices;
}

Result<QJsonObject> parseRecord(const QString &path, const QByteArray &bytes,
                                const RecordSlice &slice)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.constData() + slice.begin, slice.length), &error);
    if (slice.line && (error.error != QJsonParseError::NoError || !document.isObject())) {
        return Error{
            u"%1: line %2, column %3: %4 (one issue object per line was expected)"_s.arg(path)
                .arg(slice.number)
                .arg(error.offset + 1)
                .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                             : u"not an object"_s)};
    }
    if (error.error != QJsonParseError::NoError) {
        return Error{u"%1: %2: %3 (a JSON array of issues was expected)"_s.arg(
            path, position(bytes, slice.begin + error.offset), error.errorString())};
    }
    if (!document.isObject())
        return Error{u"%1: record [%2]: expected an issue object"_s.arg(path).arg(slice.number)};
    return document.object();
}

using RecordVisitor = std::function<Status(const QString &where, const QJsonObject &record)>;

// Each record of a JSON array or JSON lines file, in order, parsed on its own.
Status forEachRecord(const QString &path, const QByteArray &bytes, const RecordVisitor &visit)
{
    const auto slices = recordSlices(path, bytes);
    if (!slices)
        return Error{slices.error()};
    for (const RecordSlice &slice : *slices) {
        const auto record = parseRecord(path, bytes, slice);
        if (!record)
            return Error{record.error()};
        if (const Status visited = visit(recordName(slice), *record); !visited)
            return visited;
    }
    return {};
}

// An export is read whole into memory: larger files are refused by their size.
constexpr qint64 kMaxExportSize = qint64(2) * 1024 * 1024 * 1024;

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

// What a tracker records that a delta has no field for (whom it assigned the record to, the
// version it is fixed in or planned for) is kept as lines at the end of the details, so
// nothing is lost and searches find it. Empty and placeholder values are left out.
void appendFacts(Delta &delta, const QList<std::pair<QString, QString>> &facts)
{
    QStringList lines;
    for (const auto &[label, value] : facts) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty() && trimmed != u"---"_s && trimmed != u"unspecified"_s
            && trimmed != u"None"_s)
            lines.append(u"%1: %2"_s.arg(label, trimmed));
    }
    if (lines.isEmpty())
        return;
    if (!delta.details.isEmpty())
        delta.details += u"\n\n"_s;
    delta.details += lines.join(u'\n');
}

// GitHub times ("2017-10-10T16:00:00Z", gh: "2021-04-17T14:05:03Z") in the database's form.
Result<QString> timestamp(const QString &where, const QString &field, const QString &value)
{
    // The common "2017-10-10T16:00:00Z", checked and written without a QDateTime round trip
    // (a tenth of mapping an issue).
    if (value.size() == 20 && value.at(4) == u'-' && value.at(7) == u'-' && value.at(10) == u'T'
        && value.at(13) == u':' && value.at(16) == u':' && value.at(19) == u'Z') {
        const auto number = [&value](qsizetype from, qsizetype length) {
            int n = 0;
            for (qsizetype i = from; i < from + length; ++i) {
                const char16_t c = value.at(i).unicode();
                if (c < u'0' || c > u'9')
                    return -1;
                n = n * 10 + (c - u'0');
            }
            return n;
        };
        const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
        const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
        if (year >= 0 && month >= 0 && day >= 0 && QDate::isValid(year, month, day) && hour >= 0
            && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
            return value.left(19) + u".000Z"_s;
        }
    }
    QDateTime time = QDateTime::fromString(value, Qt::ISODate);
    if (!time.isValid())
        time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error{u"%1.%2: %3 is not an ISO 8601 time"_s.arg(where, field, InputText::quoted(value))};
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
    // One per thread: issues are mapped on two threads (see mapGithubFile).
    static thread_local const QRegularExpression repository(
        uR"(^https://(?:api\.)?github\.com/(?:repos/)?([^/]+/[^/]+)/(?:issues|pull)/\d+)"_s);
    const auto repo = repository.match(url);
    if (!repo.hasMatch()) {
        return Error{
            u"%1.html_url: expected the issue's GitHub address, found %2"_s.arg(where, InputText::quoted(url))};
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
    QStringList assignees;
    for (const QJsonValue &assignee : issue.value(u"assignees"_s).toArray())
        assignees.append(assignee.toObject().value(u"login"_s).toString());
    if (assignees.isEmpty() && issue.value(u"assignee"_s).isObject())
        assignees.append(issue.value(u"assignee"_s).toObject().value(u"login"_s).toString());
    appendFacts(delta, {{u"Assignees"_s, assignees.join(u", "_s)},
                        {u"Milestone"_s,
                         issue.value(u"milestone"_s).toObject().value(u"title"_s).toString()}});
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
        warnings->append(u"%1: unknown state %2, imported as new"_s.arg(
            where, InputText::quoted(issue.value(u"state"_s).toString())));
    }
    return mapped;
}

// Full-text indexing of new deltas in one statement at the end of a run instead of by the
// insert trigger, row by row. With SQLite 3.40, FTS5 writes its pending terms to a new segment
// at every statement savepoint, and each insert into deltas opens one (it has triggers): row by
// row, a 100,000-issue import spent a third of its time there. The trigger is dropped inside
// the run's transaction and made again from its own text before the commit, so an error, a
// dry run or a kill leaves it as it was.
class BulkTextIndex
{
public:
    explicit BulkTextIndex(Database &db)
        : m_db(db)
    {}

    Status begin()
    {
        const auto trigger
            = m_db.scalar(u"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"_s,
                          {u"deltas_fts_insert"_s});
        const auto last = m_db.scalar(u"SELECT coalesce(max(id), 0) FROM deltas"_s);
        if (!trigger || !last)
            return Error{!trigger ? trigger.error() : last.error()};
        if (!trigger->isValid())
            return {}; // a schema without it: the rows index themselves however they do
        m_trigger = trigger->toString();
        m_indexedUpTo = last->toLongLong();
        return m_db.execOnce(u"DROP TRIGGER deltas_fts_insert"_s);
    }

    // Whether this delta still waits for its index entries (an update's trigger would then
    // remove entries that are not there yet).
    bool isPending(qint64 deltaId) const { return !m_trigger.isEmpty() && deltaId > m_indexedUpTo; }

    Status indexPending()
    {
        if (m_trigger.isEmpty())
            return {};
        const auto last = m_db.scalar(u"SELECT coalesce(max(id), 0) FROM deltas"_s);
        if (!last)
            return Error{last.error()};
        // Without merging segments while the rows go in: 40% less time for 100,000 rows, and
        // searches as fast (FTS5 still merges when a level fills up, and later writes go on
        // merging at the setting restored here).
        const auto automerge
            = m_db.scalar(u"SELECT v FROM deltas_fts_config WHERE k = 'automerge'"_s);
        if (!automerge)
            return Error{automerge.error()};
        const int restore = automerge->isValid() ? automerge->toInt() : 4; // FTS5's default
        for (const auto &[sql, values] :
             {std::pair{u"INSERT INTO deltas_fts (deltas_fts, rank) VALUES ('automerge', 0)"_s,
                        QVariantList{}},
              std::pair{u"INSERT INTO deltas_fts (rowid, title, desired, actual, details) "
                        u"SELECT id, title, desired, actual, details FROM deltas WHERE id > ?"_s,
                        QVariantList{m_indexedUpTo}},
              std::pair{u"INSERT INTO deltas_fts (deltas_fts, rank) VALUES ('automerge', ?)"_s,
                        QVariantList{restore}}}) {
            if (const Status done = m_db.execOnce(sql, values); !done)
                return done;
        }
        m_indexedUpTo = last->toLongLong();
        return {};
    }

    Status finish()
    {
        if (m_trigger.isEmpty())
            return {};
        if (const Status indexed = indexPending(); !indexed)
            return indexed;
        const Status restored = m_db.execOnce(m_trigger);
        m_trigger.clear();
        return restored;
    }

private:
    Database &m_db;
    QString m_trigger;
    qint64 m_indexedUpTo = 0;
};

// Some issues of a GitHub file, mapped: parsed and mapped on two threads when there are many
// (the scan that finds the records is quick; parsing and mapping them is most of the reading),
// in file order either way, with the first error in file order.
struct MappedIssues
{
    QList<Delta> deltas;
    int pullRequests = 0;
    QStringList warnings;
};

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
    first.mapped.warnings.append(second.mapped.warnings);
    return first.mapped;
}

// ---- Launchpad -------------------------------------------------------------------------

struct LaunchpadBug
{
    QString where;
    qint64 number = 0;
    Delta delta;
    qint64 duplicateOf = 0; // bug number, 0: none
};

struct LaunchpadTask
{
    QString where;
    qint64 bug = 0;
    QString target;        // bug_target_name
    QString targetDisplay; // bug_target_display_name
    QString status;
    QString importance;
    QString assignee;   // the person's name from assignee_link
    QString externalId; // "bzr/+bug/839461"
    QString url;
    QString title;
    QString createdAt;
};

struct LaunchpadMessage
{
    QString where;
    qint64 bug = 0;
    int index = 0;
    Comment comment;
};

// The number at the end of ".../bugs/839461" or inside ".../+bug/839461/...".
qint64 bugNumber(const QString &link)
{
    static const QRegularExpression number(uR"((?:/bugs/|\+bug/)(\d+))"_s);
    const auto match = number.match(link);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

QString person(const QString &ownerLink)
{
    const qsizetype tilde = ownerLink.lastIndexOf(u'~');
    return tilde >= 0 ? ownerLink.mid(tilde + 1) : ownerLink;
}

// Launchpad times carry microseconds and an offset: "2011-09-02T10:42:43.883929+00:00".
Result<QString> launchpadTime(const QString &where, const QString &field, const QJsonObject &o)
{
    const auto value = text(where, o, field);
    if (!value)
        return Error{value.error()};
    return timestamp(where, field, *value);
}

Status readLaunchpadEntry(const QString &where, const QJsonObject &entry, QList<LaunchpadBug> *bugs,
                          QList<LaunchpadTask> *tasks, QList<LaunchpadMessage> *messages)
{
    const QString type = entry.value(u"resource_type_link"_s).toString().section(u'#', 1);
    if (type == u"bug"_s) {
        LaunchpadBug bug;
        bug.where = where;
        const auto self = text(where, entry, u"self_link"_s);
        if (!self)
            return Error{self.error()};
        bug.number = bugNumber(*self);
        if (bug.number <= 0)
            return Error{u"%1.self_link: expected a bug address, found %2"_s.arg(where, InputText::quoted(*self))};
        const auto title = text(where, entry, u"title"_s);
        if (!title)
            return Error{title.error()};
        const auto description
            = bounded(where, u"description"_s, entry.value(u"description"_s).toString());
        if (!description)
            return Error{description.error()};
        const auto created = launchpadTime(where, u"date_created"_s, entry);
        if (!created)
            return Error{created.error()};
        bug.delta.title = title->trimmed().isEmpty() ? u"(untitled)"_s : title->trimmed();
        bug.delta.details = *description;
        QStringList tags;
        for (const QJsonValue &tag : entry.value(u"tags"_s).toArray())
            tags.append(tag.toString());
        if (!tags.isEmpty())
            bug.delta.details += u"\n\nTags: "_s + tags.join(u", "_s);
        bug.delta.reporter = person(entry.value(u"owner_link"_s).toString());
        bug.delta.createdAt = *created;
        bug.delta.source
            = {u"launchpad"_s, QString::number(bug.number), entry.value(u"web_link"_s).toString()};
        bug.duplicateOf = bugNumber(entry.value(u"duplicate_of_link"_s).toString());
        bugs->append(bug);
        return {};
    }
    if (type == u"bug_task"_s) {
        LaunchpadTask task;
        task.where = where;
        task.bug = bugNumber(entry.value(u"bug_link"_s).toString());
        if (task.bug <= 0)
            return Error{u"%1.bug_link: expected the bug's address"_s.arg(where)};
        for (const auto &[field, target] :
             {std::pair{u"bug_target_name"_s, &task.target}, std::pair{u"status"_s, &task.status},
              std::pair{u"importance"_s, &task.importance}}) {
            const auto value = text(where, entry, field);
            if (!value)
                return Error{value.error()};
            *target = *value;
        }
        task.targetDisplay = entry.value(u"bug_target_display_name"_s).toString();
        if (task.targetDisplay.isEmpty())
            task.targetDisplay = task.target;
        const QString self = entry.value(u"self_link"_s).toString();
        task.externalId = self.section(u"/1.0/"_s, 1);
        if (task.externalId.isEmpty())
            task.externalId = u"%1/+bug/%2"_s.arg(task.target).arg(task.bug);
        task.url = entry.value(u"web_link"_s).toString();
        task.title = entry.value(u"title"_s).toString();
        if (const QString assignee = entry.value(u"assignee_link"_s).toString();
            !assignee.isEmpty())
            task.assignee = person(assignee);
        const auto created = launchpadTime(where, u"date_created"_s, entry);
        if (!created)
            return Error{created.error()};
        task.createdAt = *created;
        tasks->append(task);
        return {};
    }
    if (type == u"message"_s) {
        LaunchpadMessage message;
        message.where = where;
        const auto self = text(where, entry, u"self_link"_s);
        if (!self)
            return Error{self.error()};
        static const QRegularExpression index(uR"(\+bug/(\d+)/comments/(\d+))"_s);
        const auto match = index.match(*self);
        if (!match.hasMatch())
            return Error{u"%1.self_link: expected a bug comment's address"_s.arg(where)};
        message.bug = match.captured(1).toLongLong();
        message.index = match.captured(2).toInt();
        const auto content = text(where, entry, u"content"_s);
        if (!content)
            return Error{content.error()};
        const auto created = launchpadTime(where, u"date_created"_s, entry);
        if (!created)
            return Error{created.error()};
        message.comment.body = *content;
        message.comment.author = person(entry.value(u"owner_link"_s).toString());
        message.comment.createdAt = *created;
        message.comment.source
            = {u"launchpad"_s, u"%1/comments/%2"_s.arg(message.bug).arg(message.index), {}};
        messages->append(message);
        return {};
    }
    return Error{u"%1.resource_type_link: expected a bug, bug_task or message, found %2"_s.arg(
        where, InputText::quoted(entry.value(u"resource_type_link"_s).toString()))};
}

// ---- Bugzilla REST (and bugbug's JSON lines) --------------------------------------------

struct BugzillaBug
{
    QString where;
    qint64 id = 0;
    Delta delta;
    qint64 dupeOf = 0;
};

struct BugzillaComment
{
    QString where;
    qint64 bug = 0;
    int count = 0; // 0: the description
    Comment comment;
};

struct BugzillaChange
{
    qint64 bug = 0;
    QString when;
    QString who;
    QString field;
    QString removed;
    QString added;
};

// Status and resolution as a delta state; unknown ones warn and import as new.
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

Status readBugzillaComment(const QString &where, qint64 bug, qsizetype position,
                           const QJsonObject &object, QList<BugzillaComment> *comments)
{
    BugzillaComment c;
    c.where = where;
    c.bug = bug;
    // "count" numbers a bug's comments (0: the description); without it, the list's order does.
    c.count = object.contains(u"count"_s) ? object.value(u"count"_s).toInt() : int(position);
    const QJsonValue id = object.value(u"id"_s);
    if (!id.isDouble())
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
    c.comment.source = {u"bugzilla"_s, QString::number(qint64(id.toDouble())), {}};
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
    const QJsonValue id = object.value(u"id"_s);
    if (!id.isDouble() || id.toDouble() < 1)
        return Error{u"%1.id: expected a positive bug number"_s.arg(where)};
    bug.id = qint64(id.toDouble());
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
    bug.dupeOf = qint64(object.value(u"dupe_of"_s).toDouble());
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

// ---- Bugzilla show_bug XML ---------------------------------------------------------------

// "2009-06-10 16:55:32 +0200", "2009-01-27 03:05" (no zone: taken as UTC).
Result<QString> bugzillaXmlTime(const QString &where, const QString &field, const QString &value)
{
    static const QRegularExpression pattern(
        uR"(^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)(?:\s+([+-])(\d{2})(\d{2}))?$)"_s);
    const auto match = pattern.match(value.trimmed());
    if (match.hasMatch()) {
        const QString base = match.captured(1);
        QDateTime time = QDateTime::fromString(base, base.size() > 16 ? u"yyyy-MM-dd HH:mm:ss"_s
                                                                      : u"yyyy-MM-dd HH:mm"_s);
        if (time.isValid()) {
            time.setTimeZone(QTimeZone::utc());
            if (!match.captured(2).isEmpty()) {
                const int offset
                    = match.captured(3).toInt() * 3600 + match.captured(4).toInt() * 60;
                time = time.addSecs(match.captured(2) == u"+"_s ? -offset : offset);
            }
            return time.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        }
    }
    return Error{u"%1: %2: %3 is not a Bugzilla time (like 2009-06-10 16:55:32 +0200)"_s.arg(
        where, field, InputText::quoted(value))};
}

Status readBugzillaXml(const QString &path, const QByteArray &bytes, QList<BugzillaBug> *bugs,
                       QList<BugzillaComment> *comments, QStringList *warnings)
{
    if (auto bad = xmlNotUtf8(path, bytes, u"Bugzilla XML"_s))
        return *bad;
    QXmlStreamReader xml(bytes);
    BoundedXml reader(xml);
    QString urlbase;
    const auto where = [&xml, &path](const QString &what) {
        return u"%1: line %2: %3"_s.arg(path).arg(xml.lineNumber()).arg(what);
    };
    while (!xml.atEnd()) {
        reader.next();
        if (xml.tokenType() == QXmlStreamReader::DTD) {
            // A DOCTYPE naming Bugzilla's DTD is normal (it is never fetched); declarations of
            // entities are refused: they are how XML bombs and file disclosure work.
            if (!xml.entityDeclarations().isEmpty() || xml.text().contains(u"<!ENTITY"_s))
                return Error{where(u"entity declarations are refused (no DTDs are processed)"_s)};
            continue;
        }
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"bugzilla"_s) {
            urlbase = xml.attributes().value(u"urlbase"_s).toString();
            continue;
        }
        if (xml.name() != u"bug"_s)
            continue;
        BugzillaBug bug;
        bug.where = where(u"bug"_s);
        QHash<QString, QString> fields;
        QList<BugzillaComment> bugComments;
        while (!(xml.isEndElement() && xml.name() == u"bug"_s) && !xml.atEnd()) {
            reader.next();
            if (!xml.isStartElement())
                continue;
            const QString name = xml.name().toString();
            if (name == u"long_desc"_s) {
                BugzillaComment comment;
                comment.where = where(u"long_desc"_s);
                comment.count = int(bugComments.size());
                QHash<QString, QString> parts;
                while (!(xml.isEndElement() && xml.name() == u"long_desc"_s) && !xml.atEnd()) {
                    reader.next();
                    if (xml.isStartElement())
                        parts.insert(xml.name().toString(), reader.text());
                }
                if (xml.hasError())
                    break; // reported below, with its place
                const auto time
                    = bugzillaXmlTime(comment.where, u"bug_when"_s, parts.value(u"bug_when"_s));
                if (!time)
                    return Error{time.error()};
                const auto text = bounded(comment.where, u"thetext"_s, parts.value(u"thetext"_s));
                if (!text)
                    return Error{text.error()};
                comment.comment.createdAt = *time;
                comment.comment.author = parts.value(u"who"_s);
                comment.comment.body = *text;
                // Older Bugzilla (3.x) has no comment ids: the bug and the comment's position.
                const QString commentId = parts.value(u"commentid"_s);
                comment.comment.source
                    = {u"bugzilla"_s,
                       commentId.isEmpty()
                           ? u"%1/comment/%2"_s.arg(fields.value(u"bug_id"_s)).arg(comment.count)
                           : commentId,
                       {}};
                bugComments.append(comment);
                continue;
            }
            fields.insert(name, reader.flatText());
        }
        if (xml.hasError())
            break;
        bug.id = fields.value(u"bug_id"_s).toLongLong();
        if (bug.id <= 0)
            return Error{u"%1.bug_id: expected a positive bug number"_s.arg(bug.where)};
        const auto boundedTitle
            = bounded(bug.where, u"short_desc"_s, fields.value(u"short_desc"_s));
        if (!boundedTitle)
            return Error{boundedTitle.error()};
        const QString title = boundedTitle->trimmed();
        if (title.isEmpty())
            return Error{u"%1.short_desc: expected the bug's summary"_s.arg(bug.where)};
        const auto created
            = bugzillaXmlTime(bug.where, u"creation_ts"_s, fields.value(u"creation_ts"_s));
        if (!created)
            return Error{created.error()};
        Delta &delta = bug.delta;
        delta.title = title;
        delta.reporter = fields.value(u"reporter"_s);
        delta.createdAt = *created;
        const QString version = fields.value(u"version"_s);
        if (version != u"unspecified"_s && version != u"---"_s)
            delta.foundIn = version;
        const QString severity = fields.value(u"bug_severity"_s);
        if (severity == u"enhancement"_s || severity == u"wishlist"_s)
            delta.kind = DeltaKind::Spec;
        delta.state = bugzillaState(bug.where, fields.value(u"bug_status"_s),
                                    fields.value(u"resolution"_s), warnings);
        delta.details = u"Product: %1 · Component: %2"_s.arg(fields.value(u"product"_s),
                                                             fields.value(u"component"_s));
        appendFacts(delta, {{u"Assigned to"_s, fields.value(u"assigned_to"_s)},
                            {u"Target milestone"_s, fields.value(u"target_milestone"_s)}});
        delta.source
            = {u"bugzilla"_s, QString::number(bug.id),
               urlbase.isEmpty() ? QString() : u"%1show_bug.cgi?id=%2"_s.arg(urlbase).arg(bug.id)};
        bug.dupeOf = fields.value(u"dup_id"_s).toLongLong();
        for (BugzillaComment &comment : bugComments)
            comment.bug = bug.id;
        comments->append(bugComments);
        bugs->append(bug);
    }
    if (xml.hasError()) {
        return Error{u"%1: line %2, column %3: %4 (Bugzilla XML was expected)"_s.arg(path)
                         .arg(xml.lineNumber())
                         .arg(xml.columnNumber())
                         .arg(InputText::oneLine(xml.errorString(), 200))};
    }
    return {};
}

// ---- CSV (Trac, Jira) -------------------------------------------------------------------

struct CsvRow
{
    int line = 0; // where the record starts in the file
    QStringList cells;
};

// Real exports have tens of columns, Jira's a few hundred (a column per comment).
constexpr qsizetype kMaxCsvColumns = 10000;

// RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks
// ("" is a quote inside a quoted field). A byte order mark is skipped.
Result<QList<CsvRow>> parseCsv(const QString &path, const QByteArray &bytes)
{
    if (auto bad = notUtf8(path, bytes, u"a CSV export"_s))
        return *bad;
    const QString text = QString::fromUtf8(bytes);
    QList<CsvRow> rows;
    CsvRow row{1, {}};
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    qsizetype i = text.startsWith(QChar(0xfeff)) ? 1 : 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == u',') {
            row.cells.append(field);
            field.clear();
            fieldStarted = false;
            if (row.cells.size() >= kMaxCsvColumns) {
                return Error{u"%1: line %2: more than %3 fields (no export has that many "
                             u"columns)"_s.arg(path)
                                 .arg(row.line)
                                 .arg(kMaxCsvColumns)};
            }
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row.cells.append(field);
            field.clear();
            fieldStarted = false;
            if (!(row.cells.size() == 1 && row.cells.first().isEmpty()))
                rows.append(row);
            ++line;
            row = {line, {}};
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return Error{
            u"%1: line %2: a quoted field is not closed (the file is cut off?)"_s.arg(path).arg(
                quoteLine)};
    if (fieldStarted || !row.cells.isEmpty()) {
        row.cells.append(field);
        rows.append(row);
    }
    if (rows.isEmpty())
        return Error{u"%1: empty (a header line was expected)"_s.arg(path)};
    // Every record has the header's fields: fewer or more is a cut or a broken export.
    for (const CsvRow &r : std::as_const(rows)) {
        for (qsizetype c = 0; c < r.cells.size(); ++c) {
            if (r.cells.at(c).size() > kMaxFieldLength) {
                return Error{u"%1: line %2, field %3 (%4): %5 characters, more than the %6 a "
                             u"field may hold"_s.arg(path)
                                 .arg(r.line)
                                 .arg(c + 1)
                                 .arg(rows.first().cells.value(c))
                                 .arg(r.cells.at(c).size())
                                 .arg(kMaxFieldLength)};
            }
        }
        if (r.cells.size() != rows.first().cells.size()) {
            return Error{u"%1: line %2: %3 fields where the header has %4 (the file is cut off, "
                         u"or a quote is missing?)"_s.arg(path)
                             .arg(r.line)
                             .arg(r.cells.size())
                             .arg(rows.first().cells.size())};
        }
    }
    return rows;
}

// A CSV header's columns by name, looked up once per file: a lookup per cell in the header's
// list made wide files quadratic.
class CsvHeader
{
public:
    explicit CsvHeader(const QStringList &names)
        : m_names(names)
    {
        for (qsizetype i = 0; i < names.size(); ++i)
            m_indexes[names.at(i)].append(i);
    }
    const QStringList &names() const { return m_names; }
    bool contains(const QString &column) const { return m_indexes.contains(column); }
    // Every index of the column, in order: repeated columns (Jira's Comment) have several.
    QList<qsizetype> indexesOf(const QString &column) const { return m_indexes.value(column); }

private:
    QStringList m_names;
    QHash<QString, QList<qsizetype>> m_indexes;
};

// The cells of a CSV row by column name; repeated columns (Jira's Comment) give every value.
class CsvRecord
{
public:
    CsvRecord(const CsvHeader &header, const CsvRow &row)
        : m_header(header)
        , m_row(row)
    {}
    QString value(const QString &column) const
    {
        const QList<qsizetype> indexes = m_header.indexesOf(column);
        return indexes.isEmpty() ? QString() : m_row.cells.value(indexes.first()).trimmed();
    }
    QStringList values(const QString &column) const
    {
        QStringList all;
        for (const qsizetype i : m_header.indexesOf(column)) {
            if (!m_row.cells.value(i).trimmed().isEmpty())
                all.append(m_row.cells.value(i));
        }
        return all;
    }
    QString where(const QString &path) const { return u"%1: line %2"_s.arg(path).arg(m_row.line); }

private:
    const CsvHeader &m_header;
    const CsvRow &m_row;
};

struct CsvComment
{
    QString where;
    QString tracker;
    QString record; // the external id of the delta it belongs to
    Comment comment;
};

// A Jira issue's priority as the export names it; its level is decided when writing (the
// user may map names to levels).
struct JiraPriority
{
    QString where;
    QString name;
};
using JiraPriorities = QHash<QString, JiraPriority>; // issue key -> priority

// "PROJ-12": a project key and a number.
bool isJiraKey(const QString &key)
{
    static const QRegularExpression issueKey(uR"(^[A-Za-z][A-Za-z0-9_]*-\d+$)"_s);
    return issueKey.match(key).hasMatch();
}

// Jira's CSV times: "25/Feb/26 10:17 PM".
Result<QString> jiraTime(const QString &where, const QString &column, const QString &value)
{
    const QLocale c = QLocale::c();
    for (const QString &format : {u"dd/MMM/yy h:mm AP"_s, u"d/MMM/yy h:mm AP"_s,
                                  u"dd/MMM/yyyy h:mm AP"_s, u"yyyy-MM-dd HH:mm"_s}) {
        QDateTime time = c.toDateTime(value, format);
        if (time.isValid()) {
            if (time.date().year() < 1970)
                time = time.addYears(100);
            time.setTimeZone(QTimeZone::utc());
            return time.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        }
    }
    return Error{
        u"%1: %2: %3 is not a Jira date (like 25/Feb/26 10:17 PM)"_s.arg(where, column,
                                                                        InputText::quoted(value))};
}

Status readJiraCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, QStringList *warnings)
{
    const CsvHeader header(rows.first().cells);
    for (const QString &required : {u"Summary"_s, u"Issue key"_s}) {
        if (!header.contains(required))
            return Error{u"%1: line 1: no \"%2\" column (a Jira CSV export was expected)"_s.arg(
                path, required)};
    }
    int undated = 0; // rows without a time: dated at import
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRecord record(header, rows.at(r));
        const QString where = record.where(path);
        const QString key = record.value(u"Issue key"_s);
        if (!isJiraKey(key)) {
            return Error{
                u"%1: Issue key: expected the issue's key (like PROJ-12), found %2"_s.arg(
                    where, InputText::quoted(key))};
        }
        Delta delta;
        const auto title = bounded(where, u"Summary"_s, record.value(u"Summary"_s));
        const auto description = bounded(where, u"Description"_s, record.value(u"Description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = *description;
        appendFacts(delta, {{u"Assignee"_s, record.value(u"Assignee"_s)},
                            {u"Fix versions"_s, record.values(u"Fix Version/s"_s).join(u", "_s)}});
        delta.reporter = record.value(u"Reporter"_s);
        const QString created = record.value(u"Created"_s);
        if (created.isEmpty()) {
            delta.createdAt = now;
            ++undated;
        } else {
            const auto time = jiraTime(where, u"Created"_s, created);
            if (!time)
                return Error{time.error()};
            delta.createdAt = *time;
        }
        const QString type = record.value(u"Issue Type"_s);
        delta.kind = type == u"Bug"_s || type.isEmpty() ? DeltaKind::Defect : DeltaKind::Spec;
        const QString status = record.value(u"Status"_s);
        const QString resolution = record.value(u"Resolution"_s);
        if (QStringList{u"To Do"_s, u"Open"_s, u"Backlog"_s, u"Selected for Development"_s,
                        u"New"_s}
                .contains(status)) {
            delta.state = DeltaState::New;
        } else if (QStringList{u"In Progress"_s, u"In Review"_s, u"Reopened"_s}.contains(status)) {
            delta.state = DeltaState::Confirmed;
        } else if (QStringList{u"Done"_s, u"Closed"_s, u"Resolved"_s}.contains(status)) {
            delta.state = QStringList{u"Won't Do"_s, u"Won't Fix"_s, u"Declined"_s,
                                      u"Cannot Reproduce"_s, u"Duplicate"_s}
                                  .contains(resolution)
                              ? DeltaState::Declined
                              : DeltaState::Resolved;
        } else {
            warnings->append(u"%1: unknown status %2, imported as new"_s.arg(where, InputText::quoted(status)));
        }
        delta.source = {u"jira"_s, key, {}};
        if (const QString priority = record.value(u"Priority"_s); !priority.isEmpty())
            priorities->insert(key, {where, priority});
        deltas->append({where, delta});
        // Comment cells: "date;author;text".
        const QStringList cells = record.values(u"Comment"_s);
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QString &cell = cells.at(c);
            const qsizetype first = cell.indexOf(u';');
            const qsizetype second = first >= 0 ? cell.indexOf(u';', first + 1) : -1;
            if (second < 0)
                return Error{u"%1: Comment: expected \"date;author;text\""_s.arg(where)};
            const auto time = jiraTime(where, u"Comment"_s, cell.left(first));
            if (!time)
                return Error{time.error()};
            CsvComment comment;
            comment.where = where;
            comment.tracker = u"jira"_s;
            comment.record = key;
            comment.comment.createdAt = *time;
            comment.comment.author = cell.mid(first + 1, second - first - 1);
            comment.comment.body = cell.mid(second + 1);
            comment.comment.source = {u"jira"_s, u"%1/comment/%2"_s.arg(key).arg(c + 1), {}};
            comments->append(comment);
        }
    }
    if (undated) {
        warnings->append(
            u"%1: %2 records without a creation time, dated at import"_s.arg(path).arg(undated));
    }
    return {};
}

Status readTracCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   QStringList *warnings)
{
    const CsvHeader header(rows.first().cells);
    if (header.contains(u"ticket"_s)) { // a comments export: ticket,time,author,newvalue
        const QString textColumn = header.contains(u"newvalue"_s) ? u"newvalue"_s : u"comment"_s;
        QHash<QString, int> counts;
        for (qsizetype r = 1; r < rows.size(); ++r) {
            const CsvRecord record(header, rows.at(r));
            const QString where = record.where(path);
            const QString ticket = record.value(u"ticket"_s);
            if (ticket.toLongLong() <= 0)
                return Error{
                    u"%1: ticket: expected a ticket number, found %2"_s.arg(where, InputText::quoted(ticket))};
            CsvComment comment;
            comment.where = where;
            comment.tracker = u"trac"_s;
            comment.record = ticket;
            comment.comment.author = record.value(u"author"_s);
            comment.comment.body = record.value(textColumn);
            const QString time = record.value(u"time"_s);
            QDateTime parsed = QDateTime::fromString(time, Qt::ISODate);
            // "22:54:06Z+0000": a time of day, with its zone.
            static const QRegularExpression timeOfDay(
                uR"(^\d{1,2}:\d\d(:\d\d(\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)*$)"_s);
            if (parsed.isValid()) {
                comment.comment.createdAt = parsed.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
            } else if (!time.isEmpty() && !timeOfDay.match(time).hasMatch()) {
                return Error{u"%1: time: %2 is not a time (expected 2011-04-13T10:00:00Z, or "
                             u"a time of day)"_s.arg(where, InputText::quoted(time))};
            } else {
                // Trac's CSV sometimes gives a bare time of day: kept in the text, dated now.
                comment.comment.createdAt = now;
                warnings->append(
                    u"%1: time %2 has no date; dated at import"_s.arg(where, InputText::quoted(time)));
            }
            comment.comment.source
                = {u"trac"_s, u"%1/comment/%2"_s.arg(ticket).arg(++counts[ticket]), {}};
            comments->append(comment);
        }
        return {};
    }
    for (const QString &required : {u"id"_s, u"summary"_s}) {
        if (!header.contains(required))
            return Error{u"%1: line 1: no \"%2\" column (a Trac ticket query was expected)"_s.arg(
                path, required)};
    }
    int undated = 0; // rows without a time: dated at import
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRecord record(header, rows.at(r));
        const QString where = record.where(path);
        const QString id = record.value(u"id"_s);
        if (id.toLongLong() <= 0)
            return Error{u"%1: id: expected a ticket number, found %2"_s.arg(where, InputText::quoted(id))};
        Delta delta;
        const auto title = bounded(where, u"summary"_s, record.value(u"summary"_s));
        const auto description = bounded(where, u"description"_s, record.value(u"description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = *description;
        if (const QString keywords = record.value(u"keywords"_s); !keywords.isEmpty())
            delta.details += u"\n\nKeywords: "_s + keywords;
        appendFacts(delta, {{u"Owner"_s, record.value(u"owner"_s)},
                            {u"Milestone"_s, record.value(u"milestone"_s)}});
        delta.reporter = record.value(u"reporter"_s);
        delta.createdAt = now;
        if (record.value(u"time"_s).isEmpty() && record.value(u"created"_s).isEmpty())
            ++undated;
        for (const QString &column : {u"time"_s, u"created"_s}) {
            const QString value = record.value(column);
            if (value.isEmpty())
                continue;
            const QDateTime time = QDateTime::fromString(value, Qt::ISODate);
            if (!time.isValid()) {
                return Error{u"%1: %2: %3 is not a time (expected 2011-04-13T10:00:00Z)"_s.arg(
                    where, column, InputText::quoted(value))};
            }
            delta.createdAt = time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        }
        if (record.value(u"type"_s) == u"enhancement"_s)
            delta.kind = DeltaKind::Spec;
        const QString status = record.value(u"status"_s);
        const QString resolution = record.value(u"resolution"_s);
        if (status == u"new"_s || status == u"reopened"_s || status.isEmpty()) {
            delta.state = DeltaState::New;
        } else if (status == u"assigned"_s || status == u"accepted"_s) {
            delta.state = DeltaState::Confirmed;
        } else if (status == u"closed"_s) {
            delta.state = resolution == u"fixed"_s ? DeltaState::Resolved : DeltaState::Declined;
        } else {
            warnings->append(u"%1: unknown status %2, imported as new"_s.arg(where, InputText::quoted(status)));
        }
        delta.source = {u"trac"_s, id, {}};
        deltas->append({where, delta});
    }
    if (undated) {
        warnings->append(
            u"%1: %2 records without a creation time, dated at import"_s.arg(path).arg(undated));
    }
    return {};
}

// ---- Generic CSV (and Redmine's CSV export) ------------------------------------------------

// The header names a field is found by when the mapping does not name its column.
const QList<std::pair<QString, QStringList>> &csvFieldNames()
{
    static const QList<std::pair<QString, QStringList>> names = {
        {u"id"_s,
         {u"id"_s, u"#"_s, u"key"_s, u"issue key"_s, u"issue id"_s, u"number"_s, u"bug id"_s}},
        {u"title"_s, {u"title"_s, u"summary"_s, u"subject"_s, u"name"_s}},
        {u"details"_s, {u"description"_s, u"details"_s, u"body"_s}},
        {u"state"_s, {u"status"_s, u"state"_s}},
        {u"kind"_s, {u"type"_s, u"kind"_s, u"tracker"_s, u"issue type"_s}},
        {u"reporter"_s, {u"reporter"_s, u"author"_s, u"created by"_s, u"opened by"_s}},
        {u"created"_s,
         {u"created"_s, u"created at"_s, u"created_at"_s, u"creation date"_s, u"opened"_s,
          u"date"_s}},
        {u"found-in"_s, {u"found in"_s, u"affects version"_s, u"affected version"_s, u"version"_s}},
        {u"component"_s, {u"component"_s, u"category"_s}},
        {u"url"_s, {u"url"_s, u"link"_s}},
    };
    return names;
}

// "2026-11-21T10:00:00Z", "2026-11-21 10:00[:00]" (taken as UTC) or "2026-11-21".
std::optional<QString> csvTime(const QString &value)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    for (const QString &format :
         {u"yyyy-MM-dd HH:mm:ss"_s, u"yyyy-MM-dd HH:mm"_s, u"yyyy-MM-dd hh:mm AP"_s}) {
        if (time.isValid())
            break;
        time = QLocale::c().toDateTime(value, format);
        time.setTimeZone(QTimeZone::utc());
    }
    if (!time.isValid()) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(QTimeZone::utc());
    }
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

Status readGenericCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                      const QString &tracker, const QHash<QString, QString> &mapping,
                      QList<std::pair<QString, Delta>> *deltas, QMap<QString, QString> *chosen,
                      QStringList *warnings)
{
    const QStringList header = rows.first().cells;
    QHash<QString, qsizetype> column; // field -> index in the header
    for (const auto &[field, names] : csvFieldNames()) {
        if (mapping.contains(field) && mapping.value(field).isEmpty())
            continue; // the user's "no column"
        if (mapping.contains(field)) {
            const qsizetype index = header.indexOf(mapping.value(field));
            if (index < 0) {
                return Error{
                    u"%1: line 1: no column %2 (mapped to %3); the columns are %4"_s.arg(
                        path, InputText::quoted(mapping.value(field)), field, quotedList(header))};
            }
            column.insert(field, index);
            continue;
        }
        for (const QString &name : names) {
            const auto found = std::find_if(header.cbegin(), header.cend(), [&](const QString &h) {
                return h.trimmed().compare(name, Qt::CaseInsensitive) == 0;
            });
            if (found != header.cend()) {
                column.insert(field, found - header.cbegin());
                break;
            }
        }
    }
    for (const QString &required : {u"id"_s, u"title"_s}) {
        if (!column.contains(required)) {
            return Error{u"%1: line 1: no column for the %2 (the columns are %3); name it with "
                         u"--column %2=HEADER"_s.arg(path, required, quotedList(header))};
        }
    }
    for (auto it = column.cbegin(); it != column.cend(); ++it)
        chosen->insert(it.key(), header.at(it.value()));
    const auto cell = [&column](const CsvRow &row, const QString &field) {
        return column.contains(field) ? row.cells.value(column.value(field)).trimmed() : QString();
    };
    const auto headerOf = [&](const QString &field) {
        return header.at(column.value(field));
    };
    QSet<QString> seen;
    int undated = 0;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows.at(r);
        const QString where = u"%1: line %2"_s.arg(path).arg(row.line);
        const QString id = cell(row, u"id"_s);
        if (id.isEmpty())
            return Error{
                u"%1: %2: expected the record's id, found nothing"_s.arg(where, headerOf(u"id"_s))};
        if (seen.contains(id)) {
            return Error{
                u"%1: %2: id %3 appears twice in the file"_s.arg(where, headerOf(u"id"_s),
                                                                      InputText::quoted(id))};
        }
        seen.insert(id);
        Delta delta;
        const auto title = bounded(where, headerOf(u"title"_s), cell(row, u"title"_s));
        if (!title)
            return Error{title.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        if (column.contains(u"details"_s)) {
            const auto details = bounded(where, headerOf(u"details"_s), cell(row, u"details"_s));
            if (!details)
                return Error{details.error()};
            delta.details = *details;
        }
        if (const QString component = cell(row, u"component"_s); !component.isEmpty())
            delta.details += u"\n\nComponent: "_s + component;
        delta.reporter = cell(row, u"reporter"_s);
        delta.foundIn = cell(row, u"found-in"_s);
        const QString kind = cell(row, u"kind"_s).toLower();
        if (QStringList{u"feature"_s, u"enhancement"_s, u"story"_s, u"task"_s, u"improvement"_s,
                        u"spec"_s, u"epic"_s, u"support"_s}
                .contains(kind)) {
            delta.kind = DeltaKind::Spec;
        } else if (!kind.isEmpty()
                   && !QStringList{u"bug"_s, u"defect"_s, u"error"_s, u"crash"_s}.contains(kind)) {
            warnings->append(u"%1: %2: unknown type %3, imported as a defect"_s.arg(
                where, headerOf(u"kind"_s), InputText::quoted(cell(row, u"kind"_s))));
        }
        const QString state = cell(row, u"state"_s).toLower();
        if (QStringList{u"closed"_s, u"resolved"_s, u"done"_s, u"fixed"_s, u"verified"_s}.contains(
                state)) {
            delta.state = DeltaState::Resolved;
        } else if (QStringList{u"rejected"_s, u"won't fix"_s, u"wontfix"_s, u"invalid"_s,
                               u"declined"_s, u"duplicate"_s}
                       .contains(state)) {
            delta.state = DeltaState::Declined;
        } else if (QStringList{u"confirmed"_s, u"assigned"_s, u"accepted"_s, u"triaged"_s,
                               u"in progress"_s, u"in review"_s, u"feedback"_s}
                       .contains(state)) {
            delta.state = DeltaState::Confirmed;
        } else if (!state.isEmpty()
                   && !QStringList{u"new"_s, u"open"_s, u"to do"_s, u"todo"_s, u"backlog"_s,
                                   u"reopened"_s}
                           .contains(state)) {
            warnings->append(u"%1: %2: unknown status %3, imported as new"_s.arg(
                where, headerOf(u"state"_s), InputText::quoted(cell(row, u"state"_s))));
        }
        delta.createdAt = now;
        if (const QString created = cell(row, u"created"_s); !created.isEmpty()) {
            const auto time = csvTime(created);
            if (!time) {
                return Error{u"%1: %2: %3 is not a time (expected 2026-11-21, "
                             u"2026-11-21 14:30 or 2026-11-21T14:30:00Z)"_s.arg(
                                 where, headerOf(u"created"_s), InputText::quoted(created))};
            }
            delta.createdAt = *time;
        } else {
            ++undated;
        }
        delta.source = {tracker, id, cell(row, u"url"_s)};
        deltas->append({where, delta});
    }
    if (undated) {
        warnings->append(
            u"%1: %2 records without a creation time, dated at import"_s.arg(path).arg(undated));
    }
    return {};
}

// ---- Jira XML (RSS) -----------------------------------------------------------------------

int jiraPriorityLevel(const QString &name)
{
    // "Major - P3" and friends: the word before any " - " decides.
    const QString word = name.section(u" - "_s, 0, 0).trimmed();
    static const QHash<QString, int> levels
        = {{u"Highest"_s, 4}, {u"Blocker"_s, 4}, {u"High"_s, 3}, {u"Critical"_s, 3},
           {u"Medium"_s, 2},  {u"Major"_s, 2},   {u"Low"_s, 1},  {u"Minor"_s, 1},
           {u"Lowest"_s, 1},  {u"Trivial"_s, 1}};
    return levels.value(word, -1);
}

DeltaState jiraState(const QString &status, const QString &resolution, bool *known)
{
    *known = true;
    if (QStringList{u"To Do"_s, u"Open"_s, u"Backlog"_s, u"Selected for Development"_s, u"New"_s,
                    u"Needs Triage"_s}
            .contains(status)) {
        return DeltaState::New;
    }
    if (QStringList{u"In Progress"_s, u"In Review"_s, u"Reopened"_s, u"In Code Review"_s}.contains(
            status)) {
        return DeltaState::Confirmed;
    }
    if (QStringList{u"Done"_s, u"Closed"_s, u"Resolved"_s}.contains(status)) {
        return QStringList{u"Won't Do"_s,         u"Won't Fix"_s, u"Declined"_s,
                           u"Cannot Reproduce"_s, u"Duplicate"_s, u"Works as Designed"_s,
                           u"Incomplete"_s}
                       .contains(resolution)
                   ? DeltaState::Declined
                   : DeltaState::Resolved;
    }
    *known = false;
    return DeltaState::New;
}

Status readJiraXml(const QString &path, const QByteArray &bytes,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, QList<std::pair<QString, QString>> *duplicates,
                   QStringList *warnings)
{
    if (auto bad = xmlNotUtf8(path, bytes, u"a Jira XML export"_s))
        return *bad;
    QXmlStreamReader xml(bytes);
    BoundedXml reader(xml);
    const auto where = [&xml, &path](const QString &what) {
        return u"%1: line %2: %3"_s.arg(path).arg(xml.lineNumber()).arg(what);
    };
    while (!xml.atEnd()) {
        reader.next();
        if (xml.tokenType() == QXmlStreamReader::DTD) {
            if (!xml.entityDeclarations().isEmpty() || xml.text().contains(u"<!ENTITY"_s))
                return Error{where(u"entity declarations are refused (no DTDs are processed)"_s)};
            continue;
        }
        if (!xml.isStartElement() || xml.name() != u"item"_s)
            continue;
        const QString itemWhere = where(u"item"_s);
        QHash<QString, QString> fields;
        QList<CsvComment> itemComments;
        while (!(xml.isEndElement() && xml.name() == u"item"_s) && !xml.atEnd()) {
            reader.next();
            if (!xml.isStartElement())
                continue;
            const QString name = xml.name().toString();
            if (name == u"comment"_s) {
                CsvComment comment;
                comment.where = where(u"comment"_s);
                comment.tracker = u"jira"_s;
                const QXmlStreamAttributes attributes = xml.attributes();
                const QString created = attributes.value(u"created"_s).toString();
                const QDateTime time = QDateTime::fromString(created, Qt::RFC2822Date);
                if (!time.isValid()) {
                    return Error{u"%1.created: %2 is not an RFC 2822 time"_s.arg(comment.where,
                                                                                 InputText::quoted(created))};
                }
                comment.comment.createdAt = time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
                comment.comment.author = attributes.value(u"author"_s).toString();
                comment.comment.source
                    = {u"jira"_s, u"comment/"_s + attributes.value(u"id"_s).toString(), {}};
                comment.comment.body = reader.text().trimmed();
                itemComments.append(comment);
                continue;
            }
            if (name == u"issuelinktype"_s) {
                // Duplicate links: "duplicates" (outward) names the original.
                QString linkName;
                bool outward = false;
                while (!(xml.isEndElement() && xml.name() == u"issuelinktype"_s) && !xml.atEnd()) {
                    reader.next();
                    if (!xml.isStartElement())
                        continue;
                    if (xml.name() == u"name"_s)
                        linkName = reader.text().trimmed();
                    else if (xml.name() == u"outwardlinks"_s)
                        outward = xml.attributes().value(u"description"_s).toString()
                                  == u"duplicates"_s;
                    else if (xml.name() == u"inwardlinks"_s)
                        outward = false;
                    else if (xml.name() == u"issuekey"_s && linkName == u"Duplicate"_s && outward)
                        fields.insert(u"duplicates"_s, reader.text().trimmed());
                }
                continue;
            }
            if (name == u"comments"_s || name == u"issuelinks"_s)
                continue; // containers: their comment and issuelinktype children are read above
            if (fields.contains(name))
                continue; // the first of repeated elements (version…) is enough here
            fields.insert(name, reader.flatText().trimmed());
        }
        if (xml.hasError())
            break;
        const QString key = fields.value(u"key"_s);
        if (!isJiraKey(key)) {
            return Error{
                u"%1.key: expected an issue key like ABC-123, found %2"_s.arg(itemWhere, InputText::quoted(key))};
        }
        Delta delta;
        const auto title = bounded(itemWhere, u"summary"_s, fields.value(u"summary"_s));
        const auto description
            = bounded(itemWhere, u"description"_s, fields.value(u"description"_s));
        if (!title || !description)
            return Error{!title ? title.error() : description.error()};
        delta.title = title->isEmpty() ? u"(untitled)"_s : *title;
        delta.details = *description; // Jira's HTML, kept as text
        appendFacts(delta, {{u"Assignee"_s, fields.value(u"assignee"_s)},
                            {u"Fix versions"_s, fields.value(u"fixVersion"_s)}});
        delta.reporter = fields.value(u"reporter"_s);
        const QDateTime created
            = QDateTime::fromString(fields.value(u"created"_s), Qt::RFC2822Date);
        if (!created.isValid()) {
            return Error{u"%1.created: %2 is not an RFC 2822 time"_s.arg(
                itemWhere, InputText::quoted(fields.value(u"created"_s)))};
        }
        delta.createdAt = created.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        const QString type = fields.value(u"type"_s);
        delta.kind = type == u"Bug"_s || type.isEmpty() ? DeltaKind::Defect : DeltaKind::Spec;
        bool known = true;
        delta.state = jiraState(fields.value(u"status"_s), fields.value(u"resolution"_s), &known);
        if (!known) {
            warnings->append(u"%1: unknown status %2, imported as new"_s.arg(
                itemWhere, InputText::quoted(fields.value(u"status"_s))));
        }
        delta.foundIn = fields.value(u"version"_s);
        delta.source = {u"jira"_s, key, fields.value(u"link"_s)};
        if (const QString priority = fields.value(u"priority"_s); !priority.isEmpty())
            priorities->insert(key, {itemWhere, priority});
        for (CsvComment &comment : itemComments)
            comment.record = key;
        if (const QString original = fields.value(u"duplicates"_s); !original.isEmpty())
            duplicates->append({key, original});
        comments->append(itemComments);
        deltas->append({itemWhere, delta});
    }
    if (xml.hasError()) {
        return Error{u"%1: line %2, column %3: %4 (a Jira XML export was expected)"_s.arg(path)
                         .arg(xml.lineNumber())
                         .arg(xml.columnNumber())
                         .arg(InputText::oneLine(xml.errorString(), 200))};
    }
    return {};
}

// ---- Trello board JSON -------------------------------------------------------------------

struct TrelloList
{
    QString id;
    QString name;
    bool closed = false;
    double pos = 0;
};

struct TrelloCard
{
    QString where;
    QString list;
    bool archived = false;
    QString assignee; // the card's members, by full name
    Delta delta;
};

struct TrelloComment
{
    QString where;
    QString card; // the card's id
    Comment comment;
};

struct TrelloBoard
{
    QString name;
    QList<TrelloList> lists;
    QList<TrelloCard> cards;
    QList<TrelloComment> comments;
};

Result<TrelloBoard> readTrello(const QString &path, const QByteArray &bytes)
{
    if (!bytes.trimmed().startsWith('{'))
        return Error{u"%1: expected a Trello board object"_s.arg(path)};
    if (const Status shape = JsonShape::check(path, bytes, u"a Trello board export"_s); !shape)
        return Error{shape.error()};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return Error{u"%1: %2: %3 (a Trello board export was expected)"_s.arg(
            path, position(bytes, error.offset),
            error.error != QJsonParseError::NoError ? error.errorString() : u"not an object"_s)};
    }
    const QJsonObject board = document.object();
    TrelloBoard result;
    const auto boardName = text(u"%1: record"_s.arg(path), board, u"name"_s);
    if (!boardName)
        return Error{boardName.error()};
    if (boardName->trimmed().isEmpty())
        return Error{u"%1: record.name: expected the board's name, found nothing"_s.arg(path)};
    result.name = boardName->trimmed();
    const QJsonArray lists = board.value(u"lists"_s).toArray();
    for (qsizetype l = 0; l < lists.size(); ++l) {
        const QJsonObject list = lists.at(l).toObject();
        const QString where = u"%1: record lists[%2]"_s.arg(path).arg(l);
        const auto name = text(where, list, u"name"_s);
        if (!name)
            return Error{name.error()};
        result.lists.append({list.value(u"id"_s).toString(), name->trimmed(),
                             list.value(u"closed"_s).toBool(), list.value(u"pos"_s).toDouble()});
    }
    std::sort(result.lists.begin(), result.lists.end(),
              [](const TrelloList &a, const TrelloList &b) { return a.pos < b.pos; });
    QHash<QString, QString> memberNames;
    for (const QJsonValue &value : board.value(u"members"_s).toArray()) {
        const QJsonObject member = value.toObject();
        const QString fullName = member.value(u"fullName"_s).toString();
        memberNames.insert(member.value(u"id"_s).toString(),
                           fullName.isEmpty() ? member.value(u"username"_s).toString() : fullName);
    }
    // The actions: who created each card, and the comments.
    QHash<QString, QString> creators;
    const QJsonArray actions = board.value(u"actions"_s).toArray();
    for (qsizetype a = 0; a < actions.size(); ++a) {
        const QJsonObject action = actions.at(a).toObject();
        const QString type = action.value(u"type"_s).toString();
        if (type != u"createCard"_s && type != u"commentCard"_s)
            continue;
        const QString where = u"%1: record actions[%2]"_s.arg(path).arg(a);
        const QJsonObject data = action.value(u"data"_s).toObject();
        const QString card = data.value(u"card"_s).toObject().value(u"id"_s).toString();
        if (card.isEmpty())
            return Error{u"%1.data.card.id: expected the id of a card"_s.arg(where)};
        QString author = memberNames.value(action.value(u"idMemberCreator"_s).toString());
        if (author.isEmpty())
            author = action.value(u"memberCreator"_s).toObject().value(u"fullName"_s).toString();
        if (type == u"createCard"_s) {
            creators.insert(card, author);
            continue;
        }
        const auto dateText = text(where, action, u"date"_s);
        if (!dateText)
            return Error{dateText.error()};
        const auto date = timestamp(where, u"date"_s, *dateText);
        if (!date)
            return Error{date.error()};
        const auto body = bounded(where, u"data.text"_s, data.value(u"text"_s).toString());
        if (!body)
            return Error{body.error()};
        TrelloComment comment;
        comment.where = where;
        comment.card = card;
        comment.comment.author = author;
        comment.comment.body = *body;
        comment.comment.createdAt = *date;
        comment.comment.source = {u"trello"_s, action.value(u"id"_s).toString(), {}};
        result.comments.append(comment);
    }
    // Checklists by card: their items become lines of the card's description.
    QHash<QString, QStringList> checklistLines;
    const QJsonArray checklists = board.value(u"checklists"_s).toArray();
    for (qsizetype c = 0; c < checklists.size(); ++c) {
        const QJsonObject checklist = checklists.at(c).toObject();
        const auto card
            = text(u"%1: record checklists[%2]"_s.arg(path).arg(c), checklist, u"idCard"_s);
        if (!card)
            return Error{card.error()};
        QStringList &lines = checklistLines[*card];
        lines.append(u"\n%1:"_s.arg(checklist.value(u"name"_s).toString()));
        for (const QJsonValue &item : checklist.value(u"checkItems"_s).toArray()) {
            const QJsonObject check = item.toObject();
            lines.append(u"- [%1] %2"_s.arg(
                check.value(u"state"_s).toString() == u"complete"_s ? u"x"_s : u" "_s,
                check.value(u"name"_s).toString()));
        }
    }
    const QJsonArray cards = board.value(u"cards"_s).toArray();
    for (qsizetype c = 0; c < cards.size(); ++c) {
        const QJsonObject card = cards.at(c).toObject();
        const QString where = u"%1: record cards[%2]"_s.arg(path).arg(c);
        const auto name = text(where, card, u"name"_s);
        if (!name)
            return Error{name.error()};
        const QString id = card.value(u"id"_s).toString();
        // A Trello id starts with its creation time: eight hex digits of Unix seconds.
        bool ok = false;
        const qint64 seconds = id.left(8).toLongLong(&ok, 16);
        if (id.size() < 8 || !ok)
            return Error{u"%1.id: expected a Trello id, found %2"_s.arg(where, InputText::quoted(id))};
        const auto description = bounded(where, u"desc"_s, card.value(u"desc"_s).toString());
        if (!description)
            return Error{description.error()};
        TrelloCard t;
        t.where = where;
        t.list = card.value(u"idList"_s).toString();
        t.archived = card.value(u"closed"_s).toBool();
        QStringList members;
        for (const QJsonValue &member : card.value(u"idMembers"_s).toArray())
            members.append(memberNames.value(member.toString(), member.toString()));
        t.assignee = members.join(u", "_s);
        t.delta.reporter = creators.value(id);
        t.delta.kind = DeltaKind::Spec;
        t.delta.title = name->trimmed().isEmpty() ? u"(untitled)"_s : name->trimmed();
        t.delta.details = *description;
        QStringList labels;
        for (const QJsonValue &label : card.value(u"labels"_s).toArray()) {
            const QString labelName = label.toObject().value(u"name"_s).toString();
            if (!labelName.isEmpty())
                labels.append(labelName);
        }
        if (!labels.isEmpty())
            t.delta.details += u"\n\nLabels: "_s + labels.join(u", "_s);
        if (const QStringList lines = checklistLines.value(id); !lines.isEmpty())
            t.delta.details += u"\n"_s + lines.join(u'\n');
        t.delta.createdAt = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc())
                                .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
        t.delta.source = {u"trello"_s, id, card.value(u"url"_s).toString()};
        result.cards.append(t);
    }
    return result;
}

// ---- Redmine (REST JSON: /issues.json lists and /issues/N.json with journals) --------------

struct RedmineIssue
{
    QString where;
    qint64 id = 0;
    Delta delta;
    QList<BugzillaComment> notes;  // journal notes, as comments
    QList<BugzillaChange> changes; // journal details, as history
};

Result<RedmineIssue> readRedmineIssue(const QString &where, const QJsonObject &issue,
                                      QStringList *warnings)
{
    RedmineIssue r;
    r.where = where;
    const QJsonValue id = issue.value(u"id"_s);
    if (!id.isDouble() || id.toDouble() < 1)
        return Error{u"%1.id: expected a positive issue number"_s.arg(where)};
    r.id = qint64(id.toDouble());
    const auto subject = text(where, issue, u"subject"_s);
    if (!subject)
        return Error{subject.error()};
    const auto created = text(where, issue, u"created_on"_s);
    if (!created)
        return Error{created.error()};
    const auto createdAt = timestamp(where, u"created_on"_s, *created);
    if (!createdAt)
        return Error{createdAt.error()};
    const auto description
        = bounded(where, u"description"_s, issue.value(u"description"_s).toString());
    if (!description)
        return Error{description.error()};
    Delta &delta = r.delta;
    delta.title = subject->trimmed().isEmpty() ? u"(untitled)"_s : subject->trimmed();
    delta.details = *description;
    delta.reporter = issue.value(u"author"_s).toObject().value(u"name"_s).toString();
    delta.createdAt = *createdAt;
    delta.source = {u"redmine"_s, QString::number(r.id), {}};
    const QString tracker = issue.value(u"tracker"_s).toObject().value(u"name"_s).toString();
    if (tracker == u"Feature"_s)
        delta.kind = DeltaKind::Spec;
    const QString project = issue.value(u"project"_s).toObject().value(u"name"_s).toString();
    if (!project.isEmpty())
        delta.details += u"\n\nProject: %1 · Tracker: %2"_s.arg(project, tracker);
    appendFacts(delta, {{u"Assigned to"_s,
                         issue.value(u"assigned_to"_s).toObject().value(u"name"_s).toString()},
                        {u"Target version"_s,
                         issue.value(u"fixed_version"_s).toObject().value(u"name"_s).toString()}});
    // Redmine's statuses are configurable (and translated): the usual English names map; others
    // follow closed_on, and are listed as warnings.
    const QString status = issue.value(u"status"_s).toObject().value(u"name"_s).toString();
    static const QHash<QString, DeltaState> states = {{u"New"_s, DeltaState::New},
                                                      {u"In Progress"_s, DeltaState::Confirmed},
                                                      {u"Assigned"_s, DeltaState::Confirmed},
                                                      {u"Feedback"_s, DeltaState::Confirmed},
                                                      {u"Resolved"_s, DeltaState::Resolved},
                                                      {u"Closed"_s, DeltaState::Resolved},
                                                      {u"Rejected"_s, DeltaState::Declined}};
    if (const auto it = states.constFind(status); it != states.cend()) {
        delta.state = *it;
    } else {
        const bool closed = issue.value(u"closed_on"_s).isString();
        delta.state = closed ? DeltaState::Resolved : DeltaState::New;
        warnings->append(u"%1: unknown status %2, imported as %3"_s.arg(
            where, InputText::quoted(status), Levels::stateName(delta.state)));
    }
    const QJsonArray journals = issue.value(u"journals"_s).toArray();
    for (qsizetype j = 0; j < journals.size(); ++j) {
        const QJsonObject journal = journals.at(j).toObject();
        const QString at = u"%1.journals[%2]"_s.arg(where).arg(j);
        const auto when = text(at, journal, u"created_on"_s);
        if (!when)
            return Error{when.error()};
        const auto time = timestamp(at, u"created_on"_s, *when);
        if (!time)
            return Error{time.error()};
        const QString who = journal.value(u"user"_s).toObject().value(u"name"_s).toString();
        const QString notes = journal.value(u"notes"_s).toString();
        if (!notes.trimmed().isEmpty()) {
            // The id is what makes a second import recognise the note.
            const QJsonValue journalId = journal.value(u"id"_s);
            if (!journalId.isDouble() || journalId.toDouble() < 1)
                return Error{u"%1.id: expected the journal's number"_s.arg(at)};
            BugzillaComment note;
            note.where = at;
            note.bug = r.id;
            note.count = 1;
            note.comment.body = notes;
            note.comment.author = who;
            note.comment.createdAt = *time;
            note.comment.source
                = {u"redmine"_s, QString::number(qint64(journal.value(u"id"_s).toDouble())), {}};
            r.notes.append(note);
        }
        for (const QJsonValue &value : journal.value(u"details"_s).toArray()) {
            const QJsonObject detail = value.toObject();
            r.changes.append({r.id, *time, who, detail.value(u"name"_s).toString(),
                              detail.value(u"old_value"_s).toString(),
                              detail.value(u"new_value"_s).toString()});
        }
    }
    return r;
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
                = readBugzillaHistory(where, qint64(entry.value(u"id"_s).toDouble()),
                                      entry.value(u"history"_s).toArray(), changes);
                !read) {
                return read;
            }
        }
    }
    return {};
}

// What the files of one run hold, read and mapped, before anything is written (records refer
// across files: comments to their bugs, tasks to their targets, duplicates to originals).
struct ImportRecords
{
    QList<std::pair<QString, Delta>> issues;
    QList<LaunchpadBug> bugs;
    QList<LaunchpadTask> tasks;
    QList<LaunchpadMessage> messages;
    QList<BugzillaBug> zillaBugs;
    QList<BugzillaComment> zillaComments;
    QList<BugzillaChange> zillaChanges;
    QList<RedmineIssue> redmine;
    QList<CsvComment> csvComments;
    JiraPriorities jiraPriorities;
    QList<std::pair<QString, QString>> jiraDuplicates; // issue key -> the key it duplicates
    QList<TrelloBoard> trelloBoards;
};

// Where GitHub issues go as they are read, batch by batch (they refer to nothing else, so a
// large file never sits in memory as mapped records); 'end' is the file offset the batch ends
// at, for progress.
using IssueBatchWriter
    = std::function<Status(const QString &path, const QList<Delta> &deltas, qint64 end)>;

// Reads one file of a run into 'records' (or, for GitHub issues, hands them to 'write').
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
    const QString format
        = options.format.isEmpty() ? TrackerImport::detect(bytes) : options.format;
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
        const Status read
            = format == u"jira-csv"_s
                  ? readJiraCsv(path, *rows, now, &issues, &csvComments, &jiraPriorities,
                                &summary.warnings)
                  : readTracCsv(path, *rows, now, &issues, &csvComments, &summary.warnings);
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
            entries.append(
                {u"%1: record issue"_s.arg(path), object.value(u"issue"_s).toObject()});
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
        const auto board = readTrello(path, bytes);
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
                if (const Status read
                    = readLaunchpadEntry(u"%1: record entries[%2]"_s.arg(path).arg(i),
                                         entries.at(i).toObject(), &bugs, &tasks, &messages);
                    !read) {
                    return Error{read.error()};
                }
            }
        } else if (const Status read = readLaunchpadEntry(u"%1: record"_s.arg(path), object,
                                                          &bugs, &tasks, &messages);
                   !read) {
            return Error{read.error()};
        }
        return {};
    }
    if (const Status shape = JsonShape::check(path, bytes, u"a GitHub issues export"_s);
        !shape) {
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
        summary.warnings.append(mapped.warnings);
        // How far into the file this batch ends, for progress while writing as reading goes.
        if (const Status taken
            = write(path, mapped.deltas, slices->at(to - 1).begin + slices->at(to - 1).length);
            !taken) {
            return taken;
        }
    }
    return {};
}

} // namespace

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
    return summary;
}

Result<ImportSummary> TrackerImport::importFiles(const QStringList &paths,
                                                 const ImportOptions &options)
{
    ImportSummary summary;
    // Everything is read and mapped before anything is written (but GitHub issues, below).
    ImportRecords pending;
    auto &issues = pending.issues;
    auto &bugs = pending.bugs;
    auto &tasks = pending.tasks;
    auto &messages = pending.messages;
    auto &zillaBugs = pending.zillaBugs;
    auto &zillaComments = pending.zillaComments;
    auto &zillaChanges = pending.zillaChanges;
    auto &redmine = pending.redmine;
    auto &csvComments = pending.csvComments;
    auto &jiraPriorities = pending.jiraPriorities;
    auto &jiraDuplicates = pending.jiraDuplicates;
    auto &trelloBoards = pending.trelloBoards;
    const QString now = m_db.clock().nowText();
    // Progress: reading is the first half of the scale (by bytes), writing the second (by
    // records).
    constexpr qint64 kScale = 1000;
    qint64 totalBytes = 0;
    for (const QString &path : paths)
        totalBytes += QFileInfo(path).size();
    qint64 bytesRead = 0;
    const auto report = [&options](qint64 done) {
        return !options.progress || options.progress(done, kScale);
    };
    const Error cancelled{u"import cancelled; nothing was written"_s};
    // The run's transaction covers reading too: GitHub files, whose issues refer to nothing
    // else, are written batch by batch as they are read, so a large file never sits in memory
    // as mapped records. Everything else is read whole first (comments, tasks and duplicates
    // refer across files), then written.
    qint64 records = 0; // to write after reading; counted when reading is done
    qint64 written = 0;
    QStringList organisationsBefore;
    {
        const auto known = OrganisationStore(m_db).list();
        if (!known)
            return Error{known.error()};
        for (const Organisation &organisation : *known)
            organisationsBefore.append(organisation.name);
    }

    Transaction transaction(m_db);
    if (!transaction.status())
        return Error{transaction.status().error()};
    BulkTextIndex textIndex(m_db);
    if (const Status begun = textIndex.begin(); !begun)
        return Error{begun.error()};
    DeltaStore store(m_db);
    // One delta by its source: created, updated (with history) or left alone.
    // Deltas already in the database by source, read once per tracker the run meets: a
    // lookup per record was a tenth of a re-import.
    QHash<QString, QHash<QString, qint64>> knownByTracker; // tracker -> external id -> delta
    const auto knownIn = [&](const QString &tracker) -> Result<QHash<QString, qint64> *> {
        auto it = knownByTracker.find(tracker);
        if (it != knownByTracker.end())
            return &it.value();
        QHash<QString, qint64> ids;
        const auto rows = m_db.run(
            u"SELECT external_id, id FROM deltas WHERE source_tracker = ? AND external_id IS NOT NULL"_s,
            {tracker});
        if (!rows)
            return Error{rows.error()};
        while ((*rows)->next())
            ids.insert((*rows)->value(0).toString(), (*rows)->value(1).toLongLong());
        (*rows)->finish();
        return &knownByTracker.insert(tracker, std::move(ids)).value();
    };
    const auto upsert = [&](const QString &where, const Delta &incoming) -> Result<qint64> {
        // Writing while reading (GitHub files go in batch by batch) reports by bytes read.
        if (++written % 64 == 0
            && !report(records ? kScale / 2 + written * (kScale * 9 / 20) / records
                               : (totalBytes ? bytesRead * kScale / 2 / totalBytes : 0)))
            return cancelled;
        const auto ids = knownIn(incoming.source.tracker);
        if (!ids)
            return Error{ids.error()};
        const qint64 existing = (*ids)->value(incoming.source.externalId, 0);
        if (!existing) {
            const auto created = store.create(incoming);
            if (!created)
                return Error{
                    u"%1: %2: %3"_s.arg(where, incoming.source.externalId, created.error())};
            (*ids)->insert(incoming.source.externalId, *created);
            ++summary.created;
            return *created;
        }
        // Most records of a second run are unchanged: compared on the fields an import sets
        // before the whole delta is read.
        {
            const auto current = m_db.run(u"SELECT kind, title, details, reporter, source_url, "
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
        auto stored = store.get(existing);
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
            return stored->id;
        }
        if (textIndex.isPending(stored->id)) {
            if (const Status indexed = textIndex.indexPending(); !indexed)
                return Error{indexed.error()};
        }
        if (const Status updated = store.update(merged); !updated)
            return Error{u"%1: %2: %3"_s.arg(where, incoming.source.externalId, updated.error())};
        ++summary.updated;
        return stored->id;
    };
    for (const QString &path : paths) {
        if (!report(totalBytes ? bytesRead * kScale / 2 / totalBytes : 0))
            return cancelled;
        const auto fileBytes = InputFile::read(path, kMaxExportSize, u"a tracker export"_s);
        if (!fileBytes)
            return Error{fileBytes.error()};
        const QByteArray &bytes = *fileBytes;
        const qint64 fileStart = bytesRead;
        bytesRead += bytes.size();
        if (const Status read
            = readExport(path, bytes, options, now, pending, summary,
                         [&](const QString &file, const QList<Delta> &deltas, qint64 end) -> Status {
                             bytesRead = fileStart + end;
                             for (const Delta &delta : deltas) {
                                 if (const auto id = upsert(file, delta); !id)
                                     return Error{id.error()};
                             }
                             return {};
                         });
            !read) {
            return Error{read.error()};
        }
        bytesRead = fileStart + bytes.size();
    }

    // A Launchpad bug's state follows its tasks: all released is resolved, all rejected is
    // declined, any work acknowledged is confirmed.
    for (LaunchpadBug &bug : bugs) {
        QStringList statuses;
        for (const LaunchpadTask &task : std::as_const(tasks)) {
            if (task.bug == bug.number)
                statuses.append(task.status);
        }
        const auto all = [&statuses](const QStringList &values) {
            return !statuses.isEmpty()
                   && std::all_of(statuses.cbegin(), statuses.cend(),
                                  [&values](const QString &s) { return values.contains(s); });
        };
        if (all({u"Fix Released"_s}))
            bug.delta.state = DeltaState::Resolved;
        else if (all({u"Invalid"_s, u"Won't Fix"_s, u"Expired"_s, u"Opinion"_s}))
            bug.delta.state = DeltaState::Declined;
        else if (std::any_of(statuses.cbegin(), statuses.cend(), [](const QString &s) {
                     return s != u"New"_s && s != u"Incomplete"_s;
                 }))
            bug.delta.state = DeltaState::Confirmed;
    }

    for (const LaunchpadTask &task : std::as_const(tasks))
        summary.targets.insert(task.target, task.targetDisplay);
    records = issues.size() + bugs.size() + zillaBugs.size() + redmine.size();
    written = 0;
    for (const TrelloBoard &board : std::as_const(trelloBoards))
        records += board.cards.size();
    if (!report(kScale / 2))
        return cancelled;

    for (const auto &[path, incoming] : std::as_const(issues)) {
        if (const auto id = upsert(path, incoming); !id)
            return Error{id.error()};
    }
    const auto deltaFor
        = [this](const QString &tracker, const QString &externalId) -> Result<qint64> {
        const auto id
            = m_db.scalar(u"SELECT id FROM deltas WHERE source_tracker = ? AND external_id = ?"_s,
                          {tracker, externalId});
        if (!id)
            return Error{id.error()};
        return id->isValid() ? id->toLongLong() : 0;
    };
    // A record the tracker says duplicates another, both by their ids there; done once every
    // record of the run is in. An original that is nowhere is a warning naming it.
    const auto markDuplicate
        = [&](const QString &where, const QString &tracker, const QString &selfId,
              const QString &originalId, const QString &originalName) -> Status {
        const auto self = deltaFor(tracker, selfId);
        const auto original = deltaFor(tracker, originalId);
        if (!self || !original)
            return Error{!self ? self.error() : original.error()};
        if (!*original) {
            summary.warnings.append(u"%1: duplicate of %2, which is neither in this run nor in "
                                    u"the database; not marked"_s.arg(where, originalName));
            return {};
        }
        const auto current = store.get(*self);
        if (!current)
            return Error{current.error()};
        if (current->state == DeltaState::Duplicate && current->duplicateOf == *original)
            return {};
        if (const Status set = store.setState(*self, DeltaState::Duplicate, *original); !set)
            return Error{u"%1: %2"_s.arg(where, set.error())};
        return {};
    };
    for (const auto &[key, originalKey] : std::as_const(jiraDuplicates)) {
        if (const Status marked
            = markDuplicate(u"jira "_s + key, u"jira"_s, key, originalKey, originalKey);
            !marked) {
            return Error{marked.error()};
        }
    }
    // A tracker's priority name as a level: the user's mapping first, else the default;
    // every name met is reported with the level it became (-1: not imported).
    const auto priorityLevel = [&](const QString &name, int defaultLevel) {
        const int level = options.priorityLevels.value(name, defaultLevel);
        summary.priorityLevels.insert(name, level);
        return level;
    };
    // Jira's priorities belong to the organisation that runs it (--org).
    if (!jiraPriorities.isEmpty()) {
        if (options.organisation.isEmpty()) {
            summary.warnings.append(u"Jira priorities are not imported: say whose they are "
                                    u"with --org"_s);
        } else {
            OrganisationStore organisationsForJira(m_db);
            auto organisation = organisationsForJira.byName(options.organisation);
            if (!organisation)
                organisation = organisationsForJira.create(options.organisation);
            if (!organisation)
                return Error{organisation.error()};
            TriageStore triageForJira(m_db);
            for (auto it = jiraPriorities.cbegin(); it != jiraPriorities.cend(); ++it) {
                const auto delta = deltaFor(u"jira"_s, it.key());
                if (!delta)
                    return Error{delta.error()};
                const auto before = triageForJira.priorities(*delta);
                if (!before)
                    return Error{before.error()};
                const int level = priorityLevel(it->name, jiraPriorityLevel(it->name));
                if (level < 0) {
                    if (!options.priorityLevels.contains(it->name)) { // not the user's choice
                        summary.warnings.append(u"%1: unknown priority %2, not imported"_s.arg(
                            it->where, InputText::quoted(it->name)));
                    }
                    continue;
                }
                if (std::any_of(before->cbegin(), before->cend(), [&](const PriorityEntry &e) {
                        return e.organisationId == organisation->id && e.level == level;
                    })) {
                    continue;
                }
                if (const Status set = triageForJira.setPriority(organisation->id, *delta, level);
                    !set) {
                    return Error{set.error()};
                }
                ++summary.priorities;
            }
        }
    }
    // One comment by its source: added, or counted unchanged when an earlier run added it.
    // Empty ones (an attachment's comment in Bugzilla) are left out.
    CommentStore comments(m_db);
    const auto importComment = [&](const QString &where, const Comment &comment) -> Status {
        const auto known
            = m_db.scalar(u"SELECT id FROM comments WHERE source_tracker = ? AND external_id = ?"_s,
                          {comment.source.tracker, comment.source.externalId});
        if (!known)
            return Error{known.error()};
        if (known->isValid()) {
            ++summary.commentsUnchanged;
            return {};
        }
        if (comment.body.trimmed().isEmpty())
            return {};
        if (const auto added = comments.add(comment); !added)
            return Error{u"%1: %2"_s.arg(where, added.error())};
        ++summary.commentsCreated;
        return {};
    };
    {
        for (const CsvComment &c : std::as_const(csvComments)) {
            const auto delta = deltaFor(c.tracker, c.record);
            if (!delta)
                return Error{delta.error()};
            if (!*delta) {
                summary.warnings.append(
                    u"%1: %2 %3 is neither in this run nor in the database; "
                    u"the comment is skipped"_s.arg(c.where, c.tracker, c.record));
                continue;
            }
            Comment comment = c.comment;
            comment.deltaId = *delta;
            if (const Status imported = importComment(c.where, comment); !imported)
                return Error{imported.error()};
        }
    }
    const auto launchpadDelta = [&](qint64 bug) {
        return deltaFor(u"launchpad"_s, QString::number(bug));
    };
    for (const LaunchpadBug &bug : std::as_const(bugs)) {
        if (const auto id = upsert(bug.where, bug.delta); !id)
            return Error{id.error()};
    }
    for (const LaunchpadBug &bug : std::as_const(bugs)) {
        if (!bug.duplicateOf)
            continue;
        if (const Status marked
            = markDuplicate(bug.where, u"launchpad"_s, QString::number(bug.number),
                            QString::number(bug.duplicateOf), u"bug %1"_s.arg(bug.duplicateOf));
            !marked) {
            return Error{marked.error()};
        }
    }
    // Bug tasks: each one an organisation's commitment, its importance that organisation's
    // priority on the bug.
    static const QHash<QString, int> importance
        = {{u"Critical"_s, 4}, {u"High"_s, 3},     {u"Medium"_s, 2},
           {u"Low"_s, 1},      {u"Wishlist"_s, 1}, {u"Undecided"_s, 0}};
    OrganisationStore organisations(m_db);
    TaskStore taskStore(m_db);
    TriageStore triage(m_db);
    for (const LaunchpadTask &task : std::as_const(tasks)) {
        const auto delta = launchpadDelta(task.bug);
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            summary.warnings.append(u"%1: bug %2 is neither in this run nor in the database; the "
                                    u"task is skipped"_s.arg(task.where)
                                        .arg(task.bug));
            continue;
        }
        const QString name = options.targetOrganisations.value(task.target, task.targetDisplay);
        auto organisation = organisations.byName(name);
        if (!organisation) {
            organisation = organisations.create(name);
            if (!organisation)
                return Error{u"%1: %2"_s.arg(task.where, organisation.error())};
        }
        int level = priorityLevel(task.importance, importance.value(task.importance, -1));
        if (level < 0 && !options.priorityLevels.contains(task.importance)) {
            summary.warnings.append(u"%1: unknown importance %2, imported as untriaged"_s.arg(
                task.where, InputText::quoted(task.importance)));
            level = 0;
            summary.priorityLevels.insert(task.importance, 0);
        }
        const auto before = triage.priorities(*delta);
        if (!before)
            return Error{before.error()};
        const bool samePriority
            = std::any_of(before->cbegin(), before->cend(), [&](const PriorityEntry &entry) {
                  return entry.organisationId == organisation->id && entry.level == level;
              });
        if (level >= 0 && !samePriority) { // below 0: the user left it out
            if (const Status set = triage.setPriority(organisation->id, *delta, level); !set)
                return Error{u"%1: %2"_s.arg(task.where, set.error())};
            ++summary.priorities;
        }
        // The board column from the task's status; rejected tasks are no commitment.
        static const QStringList rejected
            = {u"Invalid"_s, u"Won't Fix"_s, u"Expired"_s, u"Opinion"_s};
        const auto board = organisations.board(organisation->id);
        if (!board || board->columns.isEmpty())
            return Error{u"%1: %2 has no board"_s.arg(task.where, name)};
        const QList<BoardColumn> &columns = board->columns;
        for (const BoardColumn &c : columns) {
            if (!summary.columnNames.contains(c.name))
                summary.columnNames.append(c.name);
        }
        BoardColumn column = columns.first();
        const auto chosen
            = std::find_if(columns.cbegin(), columns.cend(), [&](const BoardColumn &c) {
                  return c.name == options.statusColumns.value(task.status);
              });
        if (chosen != columns.cend()) {
            column = *chosen; // the user's mapping
        } else if (task.status == u"In Progress"_s || task.status == u"Fix Committed"_s) {
            for (const BoardColumn &c : columns) {
                if (c.startsWork) {
                    column = c;
                    if (task.status == u"In Progress"_s)
                        break; // the first working column; Fix Committed takes the last
                }
            }
        } else if (task.status == u"Fix Released"_s) {
            column = columns.last();
        } else if (!rejected.contains(task.status)
                   && !QStringList{u"New"_s, u"Incomplete"_s, u"Confirmed"_s, u"Triaged"_s}
                           .contains(task.status)) {
            summary.warnings.append(u"%1: unknown status %2, put in %3"_s.arg(
                task.where, InputText::quoted(task.status), column.name));
        }
        summary.statusColumns.insert(
            task.status,
            rejected.contains(task.status) && chosen == columns.cend() ? QString() : column.name);
        const auto existing = m_db.scalar(u"SELECT id, column_id FROM tasks WHERE "
                                          u"source_tracker = 'launchpad' AND external_id = ?"_s,
                                          {task.externalId});
        if (!existing)
            return Error{existing.error()};
        if (!existing->isValid()) {
            if (rejected.contains(task.status) && chosen == columns.cend())
                continue;
            const QString title
                = task.title.isEmpty() ? u"Launchpad bug %1"_s.arg(task.bug) : task.title;
            const auto created = taskStore.commit(organisation->id, title, {*delta});
            if (!created)
                return Error{u"%1: %2"_s.arg(task.where, created.error())};
            if (const Status source
                = m_db.execOnce(u"UPDATE tasks SET source_tracker = 'launchpad', external_id = ?, "
                                u"source_url = ?, created_at = ?, assignee = ? WHERE id = ?"_s,
                                {task.externalId, Sql::textOrNull(task.url), task.createdAt,
                                 Sql::textOrNull(task.assignee), *created});
                !source) {
                return Error{u"%1: %2"_s.arg(task.where, source.error())};
            }
            if (column.id != columns.first().id) {
                if (const Status moved = taskStore.move(*created, column.id); !moved)
                    return Error{u"%1: %2"_s.arg(task.where, moved.error())};
            }
            ++summary.tasksCreated;
            continue;
        }
        const qint64 taskId = existing->toLongLong();
        const auto current = taskStore.get(taskId);
        if (!current)
            return Error{current.error()};
        if (current->columnId == column.id
            || (rejected.contains(task.status) && chosen == columns.cend())) {
            ++summary.tasksUnchanged;
            continue;
        }
        if (const Status moved = taskStore.move(taskId, column.id); !moved)
            return Error{u"%1: %2"_s.arg(task.where, moved.error())};
        ++summary.tasksUpdated;
    }
    // Bugzilla: bugs (their first comment is the description), duplicates, comments, and the
    // history of bugs this run creates (an existing delta keeps the history it has).
    const auto bugzillaDelta = [&](qint64 bug) {
        return deltaFor(u"bugzilla"_s, QString::number(bug));
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
        if (const auto id = upsert(bug.where, bug.delta); !id)
            return Error{id.error()};
        if (!*before)
            createdBugs.insert(bug.id);
    }
    for (const BugzillaBug &bug : std::as_const(zillaBugs)) {
        if (!bug.dupeOf)
            continue;
        if (const Status marked
            = markDuplicate(bug.where, u"bugzilla"_s, QString::number(bug.id),
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
            summary.warnings.append(u"%1: bug %2 is neither in this run nor in the database; the "
                                    u"comment is skipped"_s.arg(c.where)
                                        .arg(c.bug));
            continue;
        }
        Comment comment = c.comment;
        comment.deltaId = *delta;
        if (const Status imported = importComment(c.where, comment); !imported)
            return Error{imported.error()};
    }
    for (const BugzillaChange &change : std::as_const(zillaChanges)) {
        const auto delta = bugzillaDelta(change.bug);
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            summary.warnings.append(u"history of bug %1: the bug is neither in this run nor in "
                                    u"the database; skipped"_s.arg(change.bug));
            continue;
        }
        if (!createdBugs.contains(change.bug))
            continue;
        if (const Status logged = m_db.execOnce(
                u"INSERT INTO history (entity, entity_id, field, old_value, new_value, changed_at, "
                u"actor) VALUES ('delta', ?, ?, ?, ?, ?, ?)"_s,
                {*delta, u"bugzilla:"_s + change.field, Sql::textOrNull(change.removed),
                 Sql::textOrNull(change.added), change.when,
                 change.who.isEmpty() ? u"bugzilla"_s : change.who});
            !logged) {
            return Error{logged.error()};
        }
    }
    // Trello: the board's open lists are the organisation's columns (a new, empty board takes
    // them instead of the default ones), each open card a delta and that organisation's task in
    // its list's column. Cards of archived lists go to the first column, with a warning.
    for (const TrelloBoard &board : std::as_const(trelloBoards)) {
        const QString name = options.organisation.isEmpty() ? board.name : options.organisation;
        OrganisationStore organisationsForTrello(m_db);
        auto organisation = organisationsForTrello.byName(name);
        if (!organisation)
            organisation = organisationsForTrello.create(name);
        if (!organisation)
            return Error{organisation.error()};
        auto current = organisationsForTrello.board(organisation->id);
        if (!current)
            return Error{current.error()};
        const auto tasksOnBoard = m_db.scalar(
            u"SELECT count(*) FROM tasks WHERE organisation_id = ?"_s, {organisation->id});
        if (!tasksOnBoard)
            return Error{tasksOnBoard.error()};
        if (tasksOnBoard->toInt() == 0) {
            // Still the default columns of a new board: replaced by the lists.
            if (const Status cleared
                = m_db.execOnce(u"DELETE FROM board_columns WHERE board_id = ?"_s, {current->id});
                !cleared) {
                return Error{cleared.error()};
            }
            current = organisationsForTrello.board(organisation->id);
            if (!current)
                return Error{current.error()};
        }
        QHash<QString, qint64> columnOfList;
        int positionNext = int(current->columns.size());
        for (const TrelloList &list : board.lists) {
            if (list.closed)
                continue;
            const auto known
                = std::find_if(current->columns.cbegin(), current->columns.cend(),
                               [&](const BoardColumn &c) { return c.name == list.name; });
            if (known != current->columns.cend()) {
                columnOfList.insert(list.id, known->id);
                continue;
            }
            const QString lower = list.name.toLower();
            const bool done = lower == u"done"_s || lower.startsWith(u"done "_s);
            const bool working = lower.contains(u"progress"_s) || lower.contains(u"doing"_s)
                                 || lower.contains(u"review"_s) || lower.contains(u"qa"_s)
                                 || lower.contains(u"merge"_s);
            const auto added = m_db.run(
                u"INSERT INTO board_columns (board_id, name, position, wip_limit, starts_work, "
                u"is_done) VALUES (?, ?, ?, NULL, ?, ?)"_s,
                {current->id, list.name, positionNext++, working ? 1 : 0, done ? 1 : 0});
            if (!added)
                return Error{added.error()};
            columnOfList.insert(list.id, (*added)->lastInsertId().toLongLong());
        }
        current = organisationsForTrello.board(organisation->id);
        if (!current || current->columns.isEmpty())
            return Error{u"the Trello board %1 has no open list"_s.arg(InputText::quoted(board.name))};
        // Archived cards, and cards of archived lists, were taken off the board: their tasks go
        // to its first done column (the last column when none is done).
        const auto doneColumn = std::find_if(current->columns.cbegin(), current->columns.cend(),
                                             [](const BoardColumn &c) { return c.isDone; });
        const BoardColumn &offBoard
            = doneColumn != current->columns.cend() ? *doneColumn : current->columns.last();
        int archivedCards = 0;
        QHash<QString, qint64> taskOfCard;
        for (const TrelloCard &card : board.cards) {
            const auto id = upsert(card.where, card.delta);
            if (!id)
                return Error{id.error()};
            qint64 column = card.archived ? 0 : columnOfList.value(card.list, 0);
            if (!column) {
                column = offBoard.id;
                ++archivedCards;
            }
            const auto existing = m_db.scalar(
                u"SELECT id FROM tasks WHERE source_tracker = ? AND external_id = ?"_s,
                {card.delta.source.tracker, card.delta.source.externalId});
            if (!existing)
                return Error{existing.error()};
            if (!existing->isValid()) {
                const auto created = taskStore.commit(organisation->id, card.delta.title, {*id});
                if (!created)
                    return Error{u"%1: %2"_s.arg(card.where, created.error())};
                if (const Status source = m_db.execOnce(
                        u"UPDATE tasks SET source_tracker = ?, external_id = ?, "
                        u"source_url = ?, created_at = ? WHERE id = ?"_s,
                        {card.delta.source.tracker, card.delta.source.externalId,
                         Sql::textOrNull(card.delta.source.url), card.delta.createdAt, *created});
                    !source) {
                    return Error{source.error()};
                }
                if (!card.assignee.isEmpty()) {
                    if (const Status assigned
                        = m_db.execOnce(u"UPDATE tasks SET assignee = ? WHERE id = ?"_s,
                                        {card.assignee, *created});
                        !assigned) {
                        return Error{assigned.error()};
                    }
                }
                taskOfCard.insert(card.delta.source.externalId, *created);
                const auto placed = taskStore.get(*created);
                if (!placed)
                    return Error{placed.error()};
                if (placed->columnId != column) {
                    if (const Status moved = taskStore.move(*created, column); !moved)
                        return Error{u"%1: %2"_s.arg(card.where, moved.error())};
                }
                ++summary.tasksCreated;
                continue;
            }
            const qint64 taskId = existing->toLongLong();
            taskOfCard.insert(card.delta.source.externalId, taskId);
            const auto task = taskStore.get(taskId);
            if (!task)
                return Error{task.error()};
            if (task->columnId == column) {
                ++summary.tasksUnchanged;
                continue;
            }
            if (const Status moved = taskStore.move(taskId, column); !moved)
                return Error{u"%1: %2"_s.arg(card.where, moved.error())};
            ++summary.tasksUpdated;
        }
        if (archivedCards) {
            summary.warnings.append(u"Trello board %1: %2 archived cards (or cards of archived "
                                    u"lists) put in %3"_s.arg(InputText::quoted(board.name))
                                        .arg(archivedCards)
                                        .arg(InputText::quoted(offBoard.name)));
        }
        // Comments on a card belong to its task: they discuss the work.
        for (const TrelloComment &c : board.comments) {
            const qint64 task = taskOfCard.value(c.card, 0);
            if (!task) {
                summary.warnings.append(u"%1: card %2 is not in the board's cards; the comment is "
                                        u"skipped"_s.arg(c.where, c.card));
                continue;
            }
            Comment comment = c.comment;
            comment.taskId = task;
            if (const Status imported = importComment(c.where, comment); !imported)
                return Error{imported.error()};
        }
    }
    // Redmine: issues (the fuller record of an issue that appears twice wins: the one with
    // journals), their notes as comments, their changes as history when the run creates them.
    for (const RedmineIssue &issue : std::as_const(redmine)) {
        const bool fuller
            = std::any_of(redmine.cbegin(), redmine.cend(), [&](const RedmineIssue &o) {
                  return o.id == issue.id && &o != &issue
                         && o.notes.size() + o.changes.size()
                                > issue.notes.size() + issue.changes.size();
              });
        if (fuller)
            continue;
        const auto existing = m_db.scalar(u"SELECT id FROM deltas WHERE source_tracker = "
                                          u"'redmine' AND external_id = ?"_s,
                                          {QString::number(issue.id)});
        if (!existing)
            return Error{existing.error()};
        const auto id = upsert(issue.where, issue.delta);
        if (!id)
            return Error{id.error()};
        for (const BugzillaComment &note : issue.notes) {
            Comment comment = note.comment;
            comment.deltaId = *id;
            if (const Status imported = importComment(note.where, comment); !imported)
                return Error{imported.error()};
        }
        if (existing->isValid())
            continue; // history only comes with the delta it belongs to
        for (const BugzillaChange &change : issue.changes) {
            if (const Status logged = m_db.execOnce(
                    u"INSERT INTO history (entity, entity_id, field, old_value, new_value, "
                    u"changed_at, actor) VALUES ('delta', ?, ?, ?, ?, ?, ?)"_s,
                    {*id, u"redmine:"_s + change.field, Sql::textOrNull(change.removed),
                     Sql::textOrNull(change.added), change.when,
                     change.who.isEmpty() ? u"redmine"_s : change.who});
                !logged) {
                return Error{logged.error()};
            }
        }
    }
    // Messages: the first one of a bug is its description; the others are comments.
    for (const LaunchpadMessage &message : std::as_const(messages)) {
        if (message.index == 0)
            continue;
        const auto delta = launchpadDelta(message.bug);
        if (!delta)
            return Error{delta.error()};
        if (!*delta) {
            summary.warnings.append(u"%1: bug %2 is neither in this run nor in the database; the "
                                    u"comment is skipped"_s.arg(message.where)
                                        .arg(message.bug));
            continue;
        }
        Comment comment = message.comment;
        comment.deltaId = *delta;
        if (const Status imported = importComment(message.where, comment); !imported)
            return Error{imported.error()};
    }
    if (const auto after = OrganisationStore(m_db).list(); after) {
        for (const Organisation &organisation : *after) {
            if (!organisationsBefore.contains(organisation.name))
                summary.newOrganisations.append(organisation.name);
        }
    }
    if (!report(kScale * 19 / 20)) // what is left: indexing new records for search, commit
        return cancelled;
    if (const Status indexed = textIndex.finish(); !indexed)
        return Error{indexed.error()};
    if (!report(kScale))
        return cancelled;
    if (options.dryRun)
        return summary; // the transaction rolls back
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return summary;
}

} // namespace Deltaboard
