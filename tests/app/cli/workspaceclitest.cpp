#include "clirun.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace DeltaboardTest;

// A team that starts from nothing sets up its workspace from a script: organisations, user
// groups, components, columns, cards and the archive, with every refusal one line that leaves
// the database byte-identical.
class WorkspaceCliTest : public QObject
{
    Q_OBJECT

private:
    Run run(const QStringList &arguments) { return cli(QStringList{u"--db"_s, m_db} + arguments); }

    // Runs a command that must succeed, and returns what it printed.
    QString ok(const QStringList &arguments)
    {
        const Run result = run(arguments);
        if (result.exitCode != 0) {
            QTest::qFail(qPrintable(arguments.join(u' ') + u": "_s + result.err), __FILE__,
                         __LINE__);
        }
        return result.out.trimmed();
    }

    QJsonValue json(const QStringList &arguments)
    {
        const QString out = ok(arguments + QStringList{u"--format"_s, u"json"_s});
        const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8());
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    QStringList columnNames(const QString &organisation)
    {
        QStringList names;
        const QJsonArray columns
            = json({u"list"_s, u"columns"_s, u"--org"_s, organisation})[u"columns"_s].toArray();
        for (const QJsonValue &column : columns)
            names.append(column[u"name"_s].toString());
        return names;
    }

    void verifyCheckPasses()
    {
        const Run check = run({u"check"_s});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->path(u"team.sqlite"_s);
    }

    void shouldSetUpAWorkspaceFromScriptsOnly()
    {
        // GIVEN nothing at all: org add creates the database
        QCOMPARE(ok({u"org"_s, u"add"_s, u"Kestrel Systems"_s}), u"1"_s);
        QCOMPARE(ok({u"org"_s, u"add"_s, u"Heron Labs"_s, u"--template"_s, u"simple"_s}), u"2"_s);
        QCOMPARE(columnNames(u"Kestrel Systems"_s),
                 (QStringList{u"Backlog"_s, u"Ready"_s, u"In progress"_s, u"Review"_s, u"Done"_s}));
        QCOMPARE(columnNames(u"Heron Labs"_s), (QStringList{u"To do"_s, u"Doing"_s, u"Done"_s}));

        // WHEN user groups and components are added and linked
        const QString amd = ok({u"group"_s, u"add"_s, u"AMD GPU users"_s, u"--size"_s, u"1200"_s});
        QVERIFY(amd.toLongLong() > 0);
        ok({u"group"_s, u"add"_s, u"Laptop users"_s});
        ok({u"component"_s, u"add"_s, u"driver-amd"_s, u"--description"_s, u"The AMD driver"_s});
        ok({u"component"_s, u"use"_s, u"driver-amd"_s, u"AMD GPU users"_s, u"Laptop users"_s});
        ok({u"group"_s, u"set"_s, u"Laptop users"_s, u"--size"_s, u"300"_s, u"--name"_s,
            u"Laptops"_s});
        ok({u"component"_s, u"use"_s, u"driver-amd"_s, u"Laptops"_s, u"--stop"_s});

        // THEN they read back as set
        const QJsonArray groups = json({u"list"_s, u"groups"_s}).toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0)[u"name"_s].toString(), u"AMD GPU users"_s);
        QCOMPARE(groups.at(0)[u"size"_s].toInt(), 1200);
        QCOMPARE(groups.at(0)[u"components"_s].toArray(), QJsonArray{u"driver-amd"_s});
        QCOMPARE(groups.at(1)[u"name"_s].toString(), u"Laptops"_s);
        QCOMPARE(groups.at(1)[u"size"_s].toInt(), 300);
        QCOMPARE(groups.at(1)[u"components"_s].toArray(), QJsonArray());
        const QJsonArray components = json({u"list"_s, u"components"_s}).toArray();
        QCOMPARE(components.size(), 1);
        QCOMPARE(components.at(0)[u"used_by"_s].toArray(), QJsonArray{u"AMD GPU users"_s});

        // WHEN the board is shaped: a column added, renamed, moved and given a WIP limit
        ok({u"column"_s, u"add"_s, u"--org"_s, u"Kestrel Systems"_s, u"Blocked"_s});
        QCOMPARE(columnNames(u"Kestrel Systems"_s),
                 (QStringList{u"Backlog"_s, u"Ready"_s, u"In progress"_s, u"Review"_s, u"Blocked"_s,
                              u"Done"_s}));
        ok({u"column"_s, u"rename"_s, u"--org"_s, u"Kestrel Systems"_s, u"blocked"_s,
            u"Waiting"_s});
        ok({u"column"_s, u"move"_s, u"--org"_s, u"Kestrel Systems"_s, u"Waiting"_s, u"3"_s});
        ok({u"column"_s, u"set"_s, u"--org"_s, u"Kestrel Systems"_s, u"Waiting"_s, u"--wip"_s,
            u"4"_s});
        const QJsonObject board
            = json({u"list"_s, u"columns"_s, u"--org"_s, u"Kestrel Systems"_s}).toObject();
        const QJsonArray columns = board[u"columns"_s].toArray();
        QCOMPARE(columns.size(), 6);
        QCOMPARE(columns.at(2)[u"name"_s].toString(), u"Waiting"_s);
        QCOMPARE(columns.at(2)[u"position"_s].toInt(), 3);
        QCOMPARE(columns.at(2)[u"wip_limit"_s].toInt(), 4);
        QCOMPARE(columns.at(3)[u"name"_s].toString(), u"In progress"_s);
        QCOMPARE(board[u"archive_after_days"_s].toInt(), 14);

        // WHEN cards are added: a chore with no delta, in a chosen column, with an assignee
        const QString chore = ok({u"task"_s, u"add"_s, u"--org"_s, u"Kestrel Systems"_s,
                                  u"--title"_s, u"Tidy the build"_s, u"--column"_s,
                                  u"In progress"_s, u"--assignee"_s, u"Ana Lima"_s});
        QVERIFY(chore.toLongLong() > 0);
        const QJsonObject task = json({u"show"_s, u"task"_s, chore}).toObject();
        QCOMPARE(task[u"column"_s].toString(), u"In progress"_s);
        QCOMPARE(task[u"assignee"_s].toString(), u"Ana Lima"_s);
        QVERIFY(!task[u"started_at"_s].isNull()); // entering a column that starts work

        // WHEN it is done and archived, then restored
        ok({u"column"_s, u"remove"_s, u"--org"_s, u"Kestrel Systems"_s, u"In progress"_s, u"--to"_s,
            u"Done"_s});
        QVERIFY(!columnNames(u"Kestrel Systems"_s).contains(u"In progress"_s));
        ok({u"task"_s, u"archive"_s, chore});
        QCOMPARE(json({u"list"_s, u"archived"_s, u"--org"_s, u"Kestrel Systems"_s})
                     .toArray()
                     .first()[u"id"_s]
                     .toInteger(),
                 chore.toLongLong());
        const QJsonArray shown
            = json({u"list"_s, u"columns"_s, u"--org"_s, u"Kestrel Systems"_s})[u"columns"_s]
                  .toArray();
        QCOMPARE(shown.last()[u"cards"_s].toInt(), 0); // off the board
        ok({u"task"_s, u"restore"_s, chore});
        QCOMPARE(json({u"list"_s, u"archived"_s, u"--org"_s, u"Kestrel Systems"_s}).toArray(),
                 QJsonArray());
        verifyCheckPasses();

        // THEN everything set up survives an export round trip byte for byte
        const QString a = m_temp->path(u"a.json"_s);
        const QString b = m_temp->path(u"b.json"_s);
        const QString restored = m_temp->path(u"restored.sqlite"_s);
        ok({u"export"_s, a});
        const Run imported = cli({u"--db"_s, restored, u"import"_s, a});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(cli({u"--db"_s, restored, u"export"_s, b}).exitCode, 0);
        QVERIFY(QFile(a).size() > 0);
        QCOMPARE(fileHash(b), fileHash(a));
        QFile exported(a);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray text = exported.readAll();
        QVERIFY(text.contains("\"archive_after_days\":14"));
        QVERIFY(text.contains("\"archived_at\":null"));
    }

    void shouldRemoveWhatNothingReferTo()
    {
        ok({u"org"_s, u"add"_s, u"Kestrel Systems"_s});
        ok({u"org"_s, u"add"_s, u"Typo Org"_s});
        ok({u"org"_s, u"rename"_s, u"Typo Org"_s, u"Heron Labs"_s});
        ok({u"org"_s, u"remove"_s, u"Heron Labs"_s});
        ok({u"group"_s, u"add"_s, u"Nobody"_s});
        ok({u"group"_s, u"remove"_s, u"nobody"_s});
        ok({u"component"_s, u"add"_s, u"unused"_s});
        ok({u"component"_s, u"remove"_s, u"unused"_s});
        const QJsonArray organisations = json({u"list"_s, u"orgs"_s}).toArray();
        QCOMPARE(organisations.size(), 1);
        QCOMPARE(organisations.first()[u"name"_s].toString(), u"Kestrel Systems"_s);
        QCOMPARE(json({u"list"_s, u"groups"_s}).toArray(), QJsonArray());
        QCOMPARE(json({u"list"_s, u"components"_s}).toArray(), QJsonArray());
        verifyCheckPasses();
    }

    void shouldRefuseInOneLineAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        const QString k = u"Kestrel Systems"_s;
        QTest::newRow("organisation that owns tasks")
            << QStringList{u"org"_s, u"remove"_s, k} << 1
            << u"cannot remove organisation \"Kestrel Systems\": it owns 1 task"_s;
        QTest::newRow("duplicate organisation")
            << QStringList{u"org"_s, u"add"_s, u"kestrel systems"_s} << 1
            << u"organisation \"Kestrel Systems\" already exists"_s;
        QTest::newRow("rename onto another organisation")
            << QStringList{u"org"_s, u"rename"_s, u"Heron Labs"_s, k} << 1
            << u"organisation \"Kestrel Systems\" already exists"_s;
        QTest::newRow("duplicate group") << QStringList{u"group"_s, u"add"_s, u"amd gpu users"_s}
                                         << 1 << u"user group 'amd gpu users' already exists"_s;
        QTest::newRow("duplicate component")
            << QStringList{u"component"_s, u"add"_s, u"driver-amd"_s} << 1
            << u"component 'driver-amd' already exists"_s;
        QTest::newRow("duplicate column")
            << QStringList{u"column"_s, u"add"_s, u"--org"_s, k, u"review"_s} << 1
            << u"the board already has a column \"review\""_s;
        QTest::newRow("column with cards and no destination")
            << QStringList{u"column"_s, u"remove"_s, u"--org"_s, k, u"Backlog"_s} << 1
            << u"column \"Backlog\" holds 1 card; say which column it goes to with --to COLUMN"_s;
        QTest::newRow("destination on another board")
            << QStringList{u"column"_s,  u"remove"_s, u"--org"_s,  k,
                           u"Backlog"_s, u"--to"_s,   u"Nowhere"_s}
            << 1 << u"no column \"Nowhere\" on this board (columns: Backlog, Ready"_s;
        QTest::newRow("starts work and done")
            << QStringList{u"column"_s, u"set"_s,           u"--org"_s, k,
                           u"Done"_s,   u"--starts-work"_s, u"yes"_s}
            << 1 << u"column \"Done\" cannot both start work and be done"_s;
        QTest::newRow("bad WIP limit")
            << QStringList{u"column"_s, u"set"_s, u"--org"_s, k, u"Ready"_s, u"--wip"_s, u"0"_s}
            << 2 << u"--wip: expected a whole number of at least 1, or none, not \"0\""_s;
        QTest::newRow("group with impacts")
            << QStringList{u"group"_s, u"remove"_s, u"AMD GPU users"_s} << 1
            << u"cannot remove user group \"AMD GPU users\": the impact on it is assessed for "
               u"1 delta"_s;
        QTest::newRow("component with deltas")
            << QStringList{u"component"_s, u"remove"_s, u"driver-amd"_s} << 1
            << u"cannot remove component \"driver-amd\": 1 delta is in it"_s;
        QTest::newRow("unknown template")
            << QStringList{u"org"_s, u"add"_s, u"X"_s, u"--template"_s, u"scrum"_s} << 2
            << u"--template: unknown board template \"scrum\" (expected kanban or simple)"_s;
        QTest::newRow("task add without organisation")
            << QStringList{u"task"_s, u"add"_s, u"--title"_s, u"x"_s} << 2
            << u"task add: --org ORG is required"_s;
        QTest::newRow("archive an open card")
            << QStringList{u"task"_s, u"archive"_s, u"1"_s} << 1
            << u"task 1 is not done; only done cards are archived"_s;
    }

    void shouldRefuseInOneLineAndChangeNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        // GIVEN a workspace where the organisation owns a card, the group is hurt by a delta in
        // the component
        ok({u"org"_s, u"add"_s, u"Kestrel Systems"_s});
        ok({u"org"_s, u"add"_s, u"Heron Labs"_s});
        ok({u"group"_s, u"add"_s, u"AMD GPU users"_s, u"--size"_s, u"1200"_s});
        ok({u"component"_s, u"add"_s, u"driver-amd"_s});
        {
            auto db = Deltaboard::Database::open(m_db);
            QVERIFY(db);
            QVERIFY((*db)->run(u"INSERT INTO deltas (kind, title, component_id, created_at, "
                               u"updated_at) VALUES ('defect', 'Flicker', 1, ?, ?)"_s,
                               {u"2026-11-28T10:00:00.000Z"_s, u"2026-11-28T10:00:00.000Z"_s}));
        }
        ok({u"impact"_s, u"set"_s, u"--group"_s, u"AMD GPU users"_s, u"1"_s, u"high"_s});
        ok({u"task"_s, u"add"_s, u"--org"_s, u"Kestrel Systems"_s, u"--title"_s, u"Fix it"_s,
            u"1"_s});
        const QByteArray before = fileHash(m_db);
        QVERIFY(!before.isEmpty());

        // WHEN the refused command runs
        const Run refused = run(arguments);

        // THEN it says why in one line, and the file is byte-identical
        QCOMPARE(refused.exitCode, exitCode);
        QVERIFY2(refused.err.startsWith(u"deltaboard-cli: "_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(expected), qPrintable(refused.err));
        QCOMPARE(refused.err.count(u'\n'), 1);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(fileHash(m_db), before);
        QVERIFY(!QFile::exists(m_db + u"-wal"_s));
        verifyCheckPasses();
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    QString m_db;
};

DELTABOARD_TEST_MAIN(WorkspaceCliTest)
#include "workspaceclitest.moc"
