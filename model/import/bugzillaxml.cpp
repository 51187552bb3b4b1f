#include "bugzillaxml.h"

#include "bugzilla.h"
#include "importmapping.h"
#include "inputtext.h"
#include "xmlreader.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

namespace {

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

} // namespace

Status readBugzillaXml(const QString &path, const QByteArray &bytes, QList<BugzillaBug> *bugs,
                       QList<BugzillaComment> *comments, ImportWarnings *warnings)
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
        // Elements by name, each with every value it had (dependson, blocked, cc repeat).
        QHash<QString, QStringList> fields;
        QStringList order; // names in the order met, for the facts kept in the details
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
                comment.comment.source = {
                    u"bugzilla"_s,
                    commentId.isEmpty() ? u"%1/comment/%2"_s.arg(fields.value(u"bug_id"_s).value(0))
                                              .arg(comment.count)
                                        : commentId,
                    {}};
                bugComments.append(comment);
                continue;
            }
            if (!fields.contains(name))
                order.append(name);
            fields[name].append(reader.flatText());
        }
        const auto field = [&fields](const QString &name) {
            return fields.value(name).value(0).trimmed();
        };
        if (xml.hasError())
            break;
        bug.id = field(u"bug_id"_s).toLongLong();
        if (bug.id <= 0)
            return Error{u"%1.bug_id: expected a positive bug number"_s.arg(bug.where)};
        const auto boundedTitle = bounded(bug.where, u"short_desc"_s, field(u"short_desc"_s));
        if (!boundedTitle)
            return Error{boundedTitle.error()};
        const QString title = boundedTitle->trimmed();
        if (title.isEmpty())
            return Error{u"%1.short_desc: expected the bug's summary"_s.arg(bug.where)};
        const auto created = bugzillaXmlTime(bug.where, u"creation_ts"_s, field(u"creation_ts"_s));
        if (!created)
            return Error{created.error()};
        Delta &delta = bug.delta;
        delta.title = title;
        delta.reporter = field(u"reporter"_s);
        delta.createdAt = *created;
        if (!field(u"delta_ts"_s).isEmpty()) {
            const auto changed = bugzillaXmlTime(bug.where, u"delta_ts"_s, field(u"delta_ts"_s));
            if (!changed)
                return Error{changed.error()};
            delta.updatedAt = *changed;
        }
        if (!isPlaceholder(field(u"version"_s)))
            delta.foundIn = field(u"version"_s);
        if (!isPlaceholder(field(u"target_milestone"_s)))
            delta.fixedIn = field(u"target_milestone"_s);
        const QString severity = field(u"bug_severity"_s);
        if (severity == u"enhancement"_s || severity == u"wishlist"_s)
            delta.kind = DeltaKind::Spec;
        else
            delta.severity = severityLevel(bug.where, severity, warnings);
        delta.state
            = bugzillaState(bug.where, field(u"bug_status"_s), field(u"resolution"_s), warnings);
        delta.component = field(u"component"_s);
        delta.details = u"Product: %1"_s.arg(field(u"product"_s));
        QStringList labels = splitKeywords(field(u"keywords"_s));
        labels.append(whiteboardTags(field(u"status_whiteboard"_s)));
        delta.sourceLabels = labelNames(bug.where, labels, warnings);
        for (const auto &[name, type] :
             {std::pair{u"dependson"_s, RelationType{RelationKind::DependsOn, false}},
              std::pair{u"blocked"_s, RelationType{RelationKind::Blocks, false}}}) {
            for (const QString &other : fields.value(name)) {
                if (other.trimmed().toLongLong() > 0)
                    delta.sourceLinks.append({type, other.trimmed()});
            }
        }
        if (!isPlaceholder(field(u"priority"_s)))
            bug.priority = field(u"priority"_s);
        static const QStringList mapped
            = {u"bug_id"_s,           u"short_desc"_s,        u"creation_ts"_s,
               u"delta_ts"_s,         u"reporter"_s,          u"version"_s,
               u"target_milestone"_s, u"bug_severity"_s,      u"bug_status"_s,
               u"resolution"_s,       u"component"_s,         u"product"_s,
               u"keywords"_s,         u"status_whiteboard"_s, u"dependson"_s,
               u"blocked"_s,          u"priority"_s,          u"dup_id"_s,
               u"long_desc"_s};
        // Settings of the bug's page, not facts about the bug.
        static const QStringList ignored = {u"reporter_accessible"_s,
                                            u"cclist_accessible"_s,
                                            u"classification_id"_s,
                                            u"everconfirmed"_s,
                                            u"token"_s,
                                            u"flag"_s};
        QList<std::pair<QString, QString>> facts;
        for (const QString &name : std::as_const(order)) {
            if (mapped.contains(name) || ignored.contains(name))
                continue;
            const QStringList values = fields.value(name);
            if (name == u"attachment"_s || name == u"cc"_s || values.size() > 1) {
                if (!values.join(QString()).trimmed().isEmpty())
                    warnings->field(u"bugzilla-xml"_s, name,
                                    u"dropped (no Deltaboard field holds it)"_s);
                continue;
            }
            facts.append({name, field(name)});
        }
        keepFacts(delta, u"bugzilla-xml"_s, facts, warnings);
        delta.source
            = {u"bugzilla"_s, QString::number(bug.id),
               urlbase.isEmpty() ? QString() : u"%1show_bug.cgi?id=%2"_s.arg(urlbase).arg(bug.id)};
        bug.dupeOf = field(u"dup_id"_s).toLongLong();
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

} // namespace Deltaboard::Import
