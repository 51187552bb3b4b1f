// What each format's records keep as structure (docs/IMPORT.md, the fidelity tables): times,
// components, versions, severity, labels, relations, priorities, rich text as Markdown, and the
// counted warnings for what has no place; on the shared samples, and on newer exports made from
// them.
#include "testdatabase.h"
#include "testmain.h"

#include "deltastore.h"
#include "jsondump.h"
#include "labelstore.h"
#include "organisationstore.h"
#include "relationstore.h"
#include "trackerimport.h"
#include "triagestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

QString sample(const QString &path)
{
    return QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/imports/"_s + path;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The warning lines that contain every one of 'parts'.
QStringList warningsWith(const ImportSummary &summary, const QStringList &parts)
{
    QStringList found;
    for (const QString &warning : summary.warnings) {
        if (std::all_of(parts.cbegin(), parts.cend(),
                        [&warning](const QString &p) { return warning.contains(p); }))
            found.append(warning);
    }
    return found;
}

} // namespace

class ImportFidelityTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;

    Delta delta(const QString &tracker, const QString &id)
    {
        const auto found = m_db->scalar(
            u"SELECT id FROM deltas WHERE source_tracker = ? AND external_id = ?"_s, {tracker, id});
        if (!found || !found->isValid())
            return {};
        const auto stored = DeltaStore(*m_db).get(found->toLongLong());
        return stored ? *stored : Delta{};
    }

    QStringList labels(qint64 deltaId)
    {
        QStringList names;
        const auto all = LabelStore(*m_db).labelsOf(LabelStore::Target::Delta, deltaId);
        for (const Label &label : all ? *all : QList<Label>{})
            names.append(label.name);
        return names;
    }

    // "blocks #12"-like texts of a delta's relations, by the other end's source id.
    QStringList relations(qint64 deltaId)
    {
        QStringList texts;
        const auto all = RelationStore(*m_db).forDelta(deltaId);
        for (const DeltaRelation &relation : all ? *all : QList<DeltaRelation>{}) {
            const auto other = DeltaStore(*m_db).get(relation.otherId);
            texts.append(u"%1 %2"_s.arg(Levels::relationName(relation.type),
                                        other ? other->source.externalId : QString()));
        }
        return texts;
    }

    QString historyAt(qint64 deltaId, const QString &field)
    {
        const auto at = m_db->scalar(u"SELECT "_s
                                         + Dialect::groupConcat(*m_db,
                                                                u"changed_at || ' ' || "
                                                                u"coalesce(new_value, '')"_s,
                                                                u"'; '"_s, false, u"id"_s)
                                         + u" FROM (SELECT * FROM history WHERE entity = "
                                           u"'delta' AND entity_id = ? AND field = ? ORDER BY "
                                           u"id) AS h"_s,
                                     {deltaId, field});
        return at ? at->toString() : QString();
    }

    QByteArray exported()
    {
        const QString path = m_temp->path(u"export-%1.json"_s.arg(++m_exports));
        if (!JsonDump(*m_db).exportTo(path))
            return {};
        return readAll(path);
    }
    int m_exports = 0;

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
    }

    void cleanup()
    {
        m_db.reset();
        m_temp.reset();
    }

    void shouldKeepBugzillaRestFieldsAsStructure()
    {
        const QStringList files
            = {sample(u"bugzilla-rest/perceval_bugzilla_rest_bugs.json"_s),
               sample(u"bugzilla-rest/perceval_bugzilla_rest_bugs_comments.json"_s),
               sample(u"bugzilla-rest/bugbug_bugs_excerpt_A.jsonl"_s)};
        const auto summary = TrackerImport(*m_db).importFiles(files);
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta fixed = delta(u"bugzilla"_s, u"1572867"_s);
        QCOMPARE(fixed.component, u"Framework"_s);
        QCOMPARE(fixed.fixedIn, u"Firefox 70"_s);
        QCOMPARE(fixed.severity, std::optional<int>(2));
        QCOMPARE(fixed.state, DeltaState::Resolved);
        QCOMPARE(fixed.updatedAt, u"2019-08-27T18:33:13.000Z"_s);
        QCOMPARE(fixed.closedAt, u"2019-08-19T22:04:41.000Z"_s);
        QVERIFY(labels(fixed.id).contains(u"regression"_s));
        // The state change is in the history at the time Bugzilla says it closed.
        QCOMPARE(historyAt(fixed.id, u"state"_s), u"2019-08-19T22:04:41.000Z resolved"_s);
        // Keywords and the whiteboard's [tags] are labels; critical is critical.
        const Delta necko = delta(u"bugzilla"_s, u"1319973"_s);
        QCOMPARE(labels(necko.id), (QStringList{u"crash"_s, u"necko-active"_s}));
        QCOMPARE(necko.severity, std::optional<int>(4));
        QCOMPARE(necko.component, u"Networking: HTTP"_s);
        // An enhancement is a spec, not a severity; "---" is no version.
        const Delta meta = delta(u"bugzilla"_s, u"1572869"_s);
        QCOMPARE(meta.kind, DeltaKind::Spec);
        QVERIFY(meta.fixedIn.isEmpty());
        // The product stays in the details; the component is not repeated there.
        const Delta sensor = delta(u"bugzilla"_s, u"1273442"_s);
        QCOMPARE(sensor.component, u"Project Sensor Web"_s);
        QVERIFY(sensor.details.contains(u"Product: Connected Devices"_s));
        QVERIFY(!sensor.details.contains(u"Component:"_s));
        QVERIFY(sensor.foundIn.isEmpty()); // "unspecified"
        // What has no field is kept in the details and counted ("Unspecified" is no value);
        // links out of the run counted.
        QVERIFY(sensor.details.contains(u"\n- op_sys: Mac OS X\n"_s));
        QCOMPARE(
            warningsWith(*summary, {u"bugzilla: \"op_sys\" kept in details on 3 records"_s}).size(),
            1);
        QCOMPARE(
            warningsWith(*summary, {u"bugzilla: \"depends on\" a record in neither this run "_s,
                                    u"on 55 links"_s})
                .size(),
            1);
        QCOMPARE(warningsWith(*summary, {u"bugzilla: \"cc\" dropped"_s}).size(), 1);
        // P2 has no organisation to hold it: said, not dropped silently.
        QCOMPARE(warningsWith(*summary,
                              {u"Bugzilla priorities of 2 records are not imported"_s, u"--org"_s})
                     .size(),
                 1);
    }

    void shouldSetBugzillaPrioritiesForTheNamedOrganisation()
    {
        ImportOptions options;
        options.organisation = u"Mozilla"_s;
        const auto summary = TrackerImport(*m_db).importFiles(
            {sample(u"bugzilla-rest/bugbug_bugs_excerpt_A.jsonl"_s)}, options);
        QVERIFY2(summary, qPrintable(summary.error()));
        QCOMPARE(summary->priorities, 2);
        const auto mozilla = OrganisationStore(*m_db).byName(u"Mozilla"_s);
        QVERIFY(mozilla);
        const auto priorities
            = TriageStore(*m_db).priorities(delta(u"bugzilla"_s, u"1572867"_s).id);
        QCOMPARE(priorities->size(), 1);
        QCOMPARE(priorities->first().organisationId, mozilla->id);
        QCOMPARE(priorities->first().level, 3); // P2
    }

    void shouldUpdateStructuredFieldsFromANewerExportWithHistory()
    {
        const QString original = sample(u"bugzilla-rest/perceval_bugzilla_rest_bugs.json"_s);
        QVERIFY(TrackerImport(*m_db).importFiles({original}));
        // The same export a month later: bug 1273442 got a milestone, a severity, a keyword and
        // was fixed.
        QJsonObject document = QJsonDocument::fromJson(readAll(original)).object();
        QJsonArray bugs = document.value(u"bugs"_s).toArray();
        QJsonObject bug = bugs.at(0).toObject();
        QCOMPARE(bug.value(u"id"_s).toInt(), 1273442);
        bug.insert(u"target_milestone"_s, u"mozilla50"_s);
        bug.insert(u"severity"_s, u"major"_s);
        bug.insert(u"keywords"_s, QJsonArray{u"perf"_s});
        bug.insert(u"status"_s, u"RESOLVED"_s);
        bug.insert(u"resolution"_s, u"FIXED"_s);
        bug.insert(u"last_change_time"_s, u"2016-07-01T10:00:00Z"_s);
        bug.insert(u"cf_last_resolved"_s, u"2016-07-01T09:00:00Z"_s);
        bugs.replace(0, bug);
        document.insert(u"bugs"_s, bugs);
        const QString newer = m_temp->path(u"newer.json"_s);
        QVERIFY(write(newer, QJsonDocument(document).toJson()));

        const auto summary = TrackerImport(*m_db).importFiles({newer});
        QVERIFY2(summary, qPrintable(summary.error()));
        QCOMPARE(summary->updated, 1);
        QCOMPARE(summary->unchanged, 1);
        const Delta d = delta(u"bugzilla"_s, u"1273442"_s);
        QCOMPARE(d.fixedIn, u"mozilla50"_s);
        QCOMPARE(d.severity, std::optional<int>(3));
        QCOMPARE(d.state, DeltaState::Resolved);
        QCOMPARE(d.closedAt, u"2016-07-01T09:00:00.000Z"_s);
        QCOMPARE(d.updatedAt, u"2016-07-01T10:00:00.000Z"_s);
        QVERIFY(labels(d.id).contains(u"perf"_s));
        // Each change is a history row at the time the source changed.
        const QString at = u"2016-07-01T10:00:00.000Z"_s;
        QCOMPARE(historyAt(d.id, u"fixed_in"_s), at + u" mozilla50"_s);
        QCOMPARE(historyAt(d.id, u"severity"_s), at + u" 3"_s);
        QCOMPARE(historyAt(d.id, u"state"_s), at + u" resolved"_s);
        QCOMPARE(historyAt(d.id, u"label"_s), at + u" perf"_s);

        // The same newer export again: nothing changes, to the byte.
        const QByteArray before = exported();
        const auto again = TrackerImport(*m_db).importFiles({newer});
        QVERIFY(again);
        QCOMPARE(again->updated, 0);
        QCOMPARE(again->unchanged, 2);
        QCOMPARE(exported(), before);

        // Only a keyword more: still an update, and said so.
        bug.insert(u"keywords"_s, QJsonArray{u"perf"_s, u"sec-low"_s});
        bugs.replace(0, bug);
        document.insert(u"bugs"_s, bugs);
        QVERIFY(write(newer, QJsonDocument(document).toJson()));
        const auto labelled = TrackerImport(*m_db).importFiles({newer});
        QVERIFY(labelled);
        QCOMPARE(labelled->updated, 1);
        QVERIFY(labels(d.id).contains(u"sec-low"_s));
    }

    void shouldKeepBugzillaXmlFieldsAsStructure()
    {
        const auto summary = TrackerImport(*m_db).importFiles(
            {sample(u"bugzilla-xml/perceval_bugzilla_bugs_details.xml"_s),
             sample(u"bugzilla-xml/ohmainline_kde-182054-2010-04-09.xml"_s)});
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta bug = delta(u"bugzilla"_s, u"15"_s);
        QCOMPARE(bug.component, u"general"_s);
        QCOMPARE(bug.severity, std::optional<int>(0)); // trivial
        QCOMPARE(bug.updatedAt, u"2009-07-22T13:27:25.000Z"_s);
        QVERIFY(bug.fixedIn.isEmpty()); // "---"
        // "General" and "general" are one component.
        QCOMPARE(delta(u"bugzilla"_s, u"17"_s).componentId, bug.componentId);
        QCOMPARE(warningsWith(*summary, {u"bugzilla: \"depends on\" a record in neither"_s}).size(),
                 1);
        QCOMPARE(warningsWith(*summary, {u"Bugzilla priorities of "_s, u"--org"_s}).size(), 1);
        QCOMPARE(warningsWith(*summary, {u"bugzilla-xml: \"cc\" dropped"_s}).size(), 1);
    }

    void shouldKeepGithubLabelsMilestonesAndTimes()
    {
        const auto summary = TrackerImport(*m_db).importFiles(
            {sample(u"github/bugbug_webcompat_issues_excerpt_A.jsonl"_s),
             sample(u"github/perceval_github_issue_2_with_pr.json"_s)});
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta issue = delta(u"github"_s, u"webcompat/web-bugs#71052"_s);
        QVERIFY(issue.id);
        QCOMPARE(issue.severity, std::optional<int>(4)); // severity-critical
        QVERIFY(labels(issue.id).contains(u"browser-firefox-ios"_s));
        QVERIFY(labels(issue.id).contains(u"severity-critical"_s));
        QCOMPARE(issue.fixedIn, u"needsdiagnosis"_s);
        QCOMPARE(issue.updatedAt, u"2021-04-20T07:58:09.000Z"_s);
        QVERIFY(!issue.details.contains(u"Labels:"_s));
    }

    void shouldKeepLaunchpadTagsAndSettlePriorityCollisions()
    {
        const QString folder = sample(u"launchpad/"_s);
        // A second bug task of the same bug on another target, as Launchpad lists a bug that
        // affects two projects: made from the sample's task.
        QJsonObject tasks
            = QJsonDocument::fromJson(readAll(folder + u"ohmainline_bzr_searchTasks.json"_s))
                  .object();
        QJsonObject task = tasks.value(u"entries"_s).toArray().first().toObject();
        task.insert(u"bug_target_name"_s, u"bzr-gtk"_s);
        task.insert(u"bug_target_display_name"_s, u"Bazaar GTK"_s);
        task.insert(u"importance"_s, u"Low"_s);
        task.insert(u"self_link"_s, u"https://api.launchpad.net/1.0/bzr-gtk/+bug/839461"_s);
        task.insert(u"milestone_link"_s,
                    u"https://api.launchpad.net/1.0/bzr-gtk/+milestone/0.99"_s);
        const QString second = m_temp->path(u"bzr-gtk-tasks.json"_s);
        QVERIFY(
            write(second, QJsonDocument(QJsonObject{{u"entries"_s, QJsonArray{task}}}).toJson()));
        ImportOptions options;
        options.targetOrganisations.insert(u"bzr"_s, u"Canonical"_s);
        options.targetOrganisations.insert(u"bzr-gtk"_s, u"Canonical"_s);
        const auto summary = TrackerImport(*m_db).importFiles(
            {folder + u"ohmainline_bug_839461.json"_s,
             folder + u"ohmainline_bzr_searchTasks.json"_s, second,
             folder + u"perceval_launchpad_issue_2.json"_s},
            options);
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta bug = delta(u"launchpad"_s, u"839461"_s);
        const auto canonical = OrganisationStore(*m_db).byName(u"Canonical"_s);
        const auto priorities = TriageStore(*m_db).priorities(bug.id);
        QCOMPARE(priorities->size(), 1);
        QCOMPARE(priorities->first().organisationId, canonical->id);
        QCOMPARE(priorities->first().level, 4); // Critical beats Low
        const QStringList collisions = warningsWith(*summary, {u"\"Critical\" and \"Low\""_s});
        QCOMPARE(collisions.size(), 1);
        QVERIFY2(collisions.first().contains(u"the higher, \"Critical\", is kept"_s),
                 qPrintable(collisions.first()));
        QCOMPARE(bug.fixedIn, u"0.99"_s);
        QCOMPARE(bug.updatedAt, u"2011-12-16T09:21:28.696Z"_s);
        // Tags are labels; counts with no field are kept in the details, counted.
        const Delta tagged = delta(u"launchpad"_s, u"2"_s);
        QCOMPARE(labels(tagged.id), (QStringList{u"amd64"_s, u"apport-bug"_s, u"artful"_s,
                                                 u"wayland"_s, u"wayland-session"_s}));
        QVERIFY(!tagged.details.contains(u"Tags:"_s));
        QCOMPARE(warningsWith(*summary, {u"launchpad: \"users_affected_count\" kept in details"_s})
                     .size(),
                 1);
    }

    void shouldKeepJiraXmlVersionsLinksAndMarkdown()
    {
        const auto summary = TrackerImport(*m_db).importFiles(
            {sample(u"jira-xml/gojira_mongodb_resolved-recently_excerpt.xml"_s),
             sample(u"jira-xml/focalboard_jira_export.xml"_s)});
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta issue = delta(u"jira"_s, u"SERVER-79005"_s);
        QCOMPARE(issue.fixedIn, u"7.1.0-rc0"_s);
        QCOMPARE(issue.updatedAt, u"2023-07-30T13:28:35.000Z"_s);
        QCOMPARE(issue.closedAt, u"2023-07-30T13:28:35.000Z"_s);
        QCOMPARE(issue.state, DeltaState::Resolved);
        // Comments and descriptions arrive as Markdown, with their links.
        const auto html = m_db->scalar(u"SELECT count(*) FROM comments WHERE body LIKE '%<p>%' "
                                       u"OR body LIKE '%<a href%'"_s);
        QCOMPARE(html->toInt(), 0);
        const auto linked = m_db->scalar(
            u"SELECT count(*) FROM comments WHERE body LIKE '%](https://jira.mongodb.org/browse/%'"_s);
        QVERIFY(linked->toInt() > 0);
        const auto htmlDetails
            = m_db->scalar(u"SELECT count(*) FROM deltas WHERE details LIKE '%<p>%'"_s);
        QCOMPARE(htmlDetails->toInt(), 0);
        // Components, affects versions and labels where the export has them.
        const auto withComponent = m_db->scalar(
            u"SELECT count(*) FROM deltas WHERE source_tracker = 'jira' AND component_id IS NOT "
            u"NULL"_s);
        QVERIFY(withComponent->toInt() > 0);
        const auto labelled = m_db->scalar(u"SELECT count(*) FROM delta_labels"_s);
        QVERIFY(labelled->toInt() > 0);
        // focalboard's "Severity" custom field is the severity.
        const auto severe = m_db->scalar(
            u"SELECT count(*) FROM deltas WHERE source_tracker = 'jira' AND severity = 4"_s);
        QVERIFY(severe->toInt() > 0);
        // Links between issues of the run are relations; links out of it are counted.
        const auto related = m_db->scalar(u"SELECT count(*) FROM delta_relations"_s);
        const auto outward = warningsWith(*summary, {u"jira: "_s, u"a record in neither"_s});
        QVERIFY2(related->toInt() > 0 || !outward.isEmpty(),
                 qPrintable(summary->warnings.join(u'\n')));
    }

    void shouldKeepJiraCsvFieldsAndCountTheRest()
    {
        const auto summary = TrackerImport(*m_db).importFiles(
            {sample(u"jira-csv/insureco_demo-insureco-jira.csv"_s)});
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta issue = delta(u"jira"_s, u"DI-127"_s);
        QCOMPARE(issue.updatedAt, u"2026-02-25T22:17:00.000Z"_s);
        QCOMPARE(
            warningsWith(*summary, {u"jira-csv: \"Sprint\" kept in details on 3 records"_s}).size(),
            1);
        QCOMPARE(warningsWith(*summary, {u"jira-csv: \"Watchers\" dropped"_s}).size(), 1);
        QCOMPARE(warningsWith(*summary, {u"jira-csv: \"Attachment\" dropped"_s, u"on 4 records"_s})
                     .size(),
                 1);
        QCOMPARE(
            warningsWith(*summary, {u"Jira priorities of 10 records are not imported"_s}).size(),
            1);
        // A sub-task needs… its parent needs it: the link is there, or counted when the parent
        // is not in the export.
        const auto children
            = m_db->scalar(u"SELECT count(*) FROM delta_relations WHERE kind = 'depends_on'"_s);
        const auto outward = warningsWith(*summary, {u"jira: \"needed by\""_s});
        QCOMPARE(children->toInt() + (outward.isEmpty() ? 0 : 1) > 0, true);
    }

    void shouldKeepRedmineTimesPrioritiesAndTextile()
    {
        ImportOptions options;
        options.organisation = u"Grimoire"_s;
        const auto summary = TrackerImport(*m_db).importFiles(
            {sample(u"redmine/perceval_redmine_issues.json"_s),
             sample(u"redmine/perceval_redmine_issue_7311.json"_s)},
            options);
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta issue = delta(u"redmine"_s, u"7311"_s);
        QCOMPARE(issue.closedAt, u"2016-05-19T17:04:19.000Z"_s);
        QCOMPARE(issue.updatedAt, u"2016-07-27T08:17:07.000Z"_s);
        // Spanish names are not guessed at: each is said, quoted as it is.
        QCOMPARE(warningsWith(*summary, {u"unknown priority \"Inmediata\""_s}).size(), 1);
        QVERIFY(!warningsWith(*summary, {u"unknown status \"Cerrada\""_s}).isEmpty());
        QCOMPARE(warningsWith(*summary, {u"redmine: \"spent_hours\" kept in details"_s}).size(), 1);
        // "Normal" is a level: the organisation's priority.
        const auto priorities = TriageStore(*m_db).priorities(delta(u"redmine"_s, u"9"_s).id);
        QCOMPARE(priorities->size(), 1);
        QCOMPARE(priorities->first().level, 2);
    }

    void shouldKeepTracKeywordsMilestonesAndResolutions()
    {
        const auto summary = TrackerImport(*m_db).importFiles(
            {sample(u"trac-csv/ohmainline_twisted-trac-query-easy-bugs-on-2011-04-13.csv"_s),
             sample(u"trac-csv/tratihubis_test_tickets.csv"_s),
             sample(u"trac-csv/tratihubis_test_comments.csv"_s)});
        QVERIFY2(summary, qPrintable(summary.error()));
        // "easy, review" and "documentation easy" are both lists of keywords.
        const auto easy = m_db->scalar(
            u"SELECT count(*) FROM delta_labels dl JOIN labels l ON l.id = dl.label_id "
            u"WHERE l.name = 'easy'"_s);
        QVERIFY(easy->toInt() > 1);
        const auto milestones = m_db->scalar(
            u"SELECT count(*) FROM deltas WHERE source_tracker = 'trac' AND fixed_in IS NOT NULL"_s);
        QVERIFY(milestones->toInt() > 0);
        QCOMPARE(warningsWith(*summary, {u"Trac priorities of"_s, u"--org"_s}).size(), 1);
    }

    void shouldAcceptTrelloIdsOfAnyShapeAndKeepLabels()
    {
        QByteArray board = readAll(sample(u"trello/gocd_trello_board_excerpt_A.json"_s));
        QJsonObject object = QJsonDocument::fromJson(board).object();
        QJsonArray cards = object.value(u"cards"_s).toArray();
        const QString realId = cards.at(0).toObject().value(u"id"_s).toString();
        // An anonymised export: the first card's id no longer looks like Trello's.
        board.replace(realId.toUtf8(), "card-0001");
        const QString path = m_temp->path(u"anonymised.json"_s);
        QVERIFY(write(path, board));
        const auto summary = TrackerImport(*m_db).importFiles({path});
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta card = delta(u"trello"_s, u"card-0001"_s);
        QVERIFY(card.id);
        QVERIFY(!card.createdAt.isEmpty());
        QVERIFY(!card.updatedAt.isEmpty());
        const auto labelled = m_db->scalar(u"SELECT count(*) FROM delta_labels"_s);
        QVERIFY(labelled->toInt() > 0);
        QVERIFY(warningsWith(*summary, {u"Labels:"_s}).isEmpty());
    }

    void shouldReadEveryNewFieldOfAGenericCsv()
    {
        const QString path = m_temp->path(u"tracker.csv"_s);
        QVERIFY(write(path, "Key,Summary,Status,Severity,Labels,Fix Version,Updated,Resolved,"
                            "Component,Owner\n"
                            "T-1,Crash on save,Closed,Major,\"io, regression\",2.1,"
                            "2026-01-05 10:00,2026-01-04,Storage,ana\n"));
        const auto summary = TrackerImport(*m_db).importFiles({path});
        QVERIFY2(summary, qPrintable(summary.error()));
        const Delta d = delta(u"csv"_s, u"T-1"_s);
        QCOMPARE(d.severity, std::optional<int>(3));
        QCOMPARE(labels(d.id), (QStringList{u"io"_s, u"regression"_s}));
        QCOMPARE(d.fixedIn, u"2.1"_s);
        QCOMPARE(d.updatedAt, u"2026-01-05T10:00:00.000Z"_s);
        QCOMPARE(d.closedAt, u"2026-01-04T00:00:00.000Z"_s);
        QCOMPARE(d.component, u"Storage"_s);
        QVERIFY(d.details.contains(u"- Owner: ana"_s));
        QCOMPARE(warningsWith(*summary, {u"csv: \"Owner\" kept in details on 1 record"_s}).size(),
                 1);
    }

    void shouldWarnOnStatusesWithoutTheirResolution()
    {
        const QString path = m_temp->path(u"resolved.json"_s);
        QJsonObject bug = QJsonDocument::fromJson(
                              readAll(sample(u"bugzilla-rest/perceval_bugzilla_rest_bugs.json"_s)))
                              .object()
                              .value(u"bugs"_s)
                              .toArray()
                              .first()
                              .toObject();
        bug.insert(u"status"_s, u"RESOLVED"_s);
        bug.insert(u"resolution"_s, u""_s);
        bug.insert(u"severity"_s, u"S9"_s);
        QVERIFY(write(path, QJsonDocument(QJsonObject{{u"bugs"_s, QJsonArray{bug}}}).toJson()));
        const auto summary = TrackerImport(*m_db).importFiles({path});
        QVERIFY2(summary, qPrintable(summary.error()));
        QCOMPARE(delta(u"bugzilla"_s, u"1273442"_s).state, DeltaState::Resolved);
        QCOMPARE(warningsWith(*summary, {u"status \"RESOLVED\" without a resolution, imported as "
                                         u"resolved"_s})
                     .size(),
                 1);
        // The unknown value is quoted as it is, and no severity is made up.
        QCOMPARE(warningsWith(*summary, {u"severity \"S9\" is none this importer knows"_s}).size(),
                 1);
        QVERIFY(!delta(u"bugzilla"_s, u"1273442"_s).severity);
    }
};

DELTABOARD_TEST_MAIN(ImportFidelityTest)
#include "importfidelitytest.moc"
