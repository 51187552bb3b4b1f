#include "clirun.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace DeltaboardTest;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_temp.path(u"demo.sqlite"_s);
        const Run demo = cli({u"--db"_s, m_db, u"demo"_s, u"--deltas"_s, u"300"_s, u"--tasks"_s,
                              u"60"_s, u"--orgs"_s, u"3"_s, u"--groups"_s, u"4"_s});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        QVERIFY(demo.out.startsWith(u"demo: 300 deltas"_s));
    }

    void shouldCheckAHealthyDatabase()
    {
        const Run check = cli({u"--db"_s, m_db, u"check"_s});
        QCOMPARE(check.exitCode, 0);
        QCOMPARE(check.out, u"schema: ok\nintegrity: ok\nforeign keys: ok\nfull-text index: ok\n"
                            u"derived summaries: ok\npriority ranking: ok\nrelations: ok\n"_s);
    }

    void shouldCommitTriageAndShowTheHistory()
    {
        // GIVEN two deltas found by search
        const Run found = cli({u"--db"_s, m_db, u"list"_s, u"deltas"_s, u"--search"_s, u"resume"_s,
                               u"--format"_s, u"json"_s});
        QCOMPARE(found.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(found.out.toUtf8()).array();
        QVERIFY(rows.size() >= 2);
        const QString first = QString::number(rows.at(0)[u"id"_s].toInteger());
        const QString second = QString::number(rows.at(1)[u"id"_s].toInteger());

        // WHEN an organisation commits to both, and priority and impact are set
        const Run organisations = cli({u"--db"_s, m_db, u"list"_s, u"orgs"_s});
        QVERIFY(organisations.out.contains(u"Kestrel Systems"_s));
        const Run commit = cli({u"--db"_s, m_db, u"commit"_s, u"--org"_s, u"kestrel systems"_s,
                                u"--title"_s, u"Fix resume"_s, first, second});
        QVERIFY2(commit.exitCode == 0, qPrintable(commit.err));
        const QString task = commit.out.trimmed();
        QVERIFY(task.toInt() > 0);
        const Run priority = cli({u"--db"_s, m_db, u"priority"_s, u"set"_s, u"--org"_s,
                                  u"Upstream Core"_s, first, u"critical"_s});
        QVERIFY2(priority.exitCode == 0, qPrintable(priority.err));
        const Run impact = cli({u"--db"_s, m_db, u"impact"_s, u"set"_s, u"--group"_s,
                                u"Hosted customers"_s, first, u"high"_s, u"--users"_s, u"321"_s});
        QVERIFY2(impact.exitCode == 0, qPrintable(impact.err));

        // THEN show lists each change and its history
        const Run show
            = cli({u"--db"_s, m_db, u"show"_s, u"delta"_s, first, u"--format"_s, u"json"_s});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject delta = QJsonDocument::fromJson(show.out.toUtf8()).object();
        bool hasPriority = false;
        for (const QJsonValue &p : delta[u"priorities"_s].toArray()) {
            hasPriority
                = hasPriority
                  || (p[u"organisation"_s] == u"Upstream Core"_s && p[u"level"_s] == u"critical"_s);
        }
        QVERIFY(hasPriority);
        bool hasImpact = false;
        for (const QJsonValue &i : delta[u"impacts"_s].toArray()) {
            hasImpact = hasImpact
                        || (i[u"group"_s] == u"Hosted customers"_s
                            && i[u"affected_users"_s].toInteger() == 321);
        }
        QVERIFY(hasImpact);
        QCOMPARE(delta[u"tasks"_s].toArray().last()[u"id"_s].toInteger(), task.toInt());
        const QJsonArray history = delta[u"history"_s].toArray();
        QStringList fields;
        for (const QJsonValue &entry : history)
            fields.append(entry[u"field"_s].toString() + u'=' + entry[u"new"_s].toString());
        QVERIFY2(fields.contains(u"task_link="_s + task), qPrintable(fields.join(u", "_s)));
        // "Hosted customers" is the demo's fourth user group.
        QCOMPARE(fields.mid(fields.size() - 2),
                 (QStringList{u"impact:4=high"_s, u"affected_users:4=321"_s}));

        const Run text = cli({u"--db"_s, m_db, u"show"_s, u"delta"_s, first});
        // History reads as sentences, with the organisation's name.
        QVERIFY2(text.out.contains(u"priority for Upstream Core: none → critical"_s)
                     || text.out.contains(u"priority for Upstream Core: untriaged → critical"_s),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(u"Fix resume"_s));

        const Run taskShow = cli({u"--db"_s, m_db, u"show"_s, u"task"_s, task});
        QCOMPARE(taskShow.exitCode, 0);
        QVERIFY(taskShow.out.startsWith(u"Task "_s + task + u" · Kestrel Systems · Backlog"_s));
        QVERIFY(taskShow.out.contains(u"linked to delta #"_s + second));

        const Run tasks
            = cli({u"--db"_s, m_db, u"list"_s, u"tasks"_s, u"--org"_s, u"Kestrel Systems"_s});
        QVERIFY(tasks.out.contains(u"Fix resume"_s));
    }

    void shouldListTheGapMostImpactFirst()
    {
        const Run gap = cli({u"--db"_s, m_db, u"gap"_s, u"--format"_s, u"json"_s});
        QCOMPARE(gap.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(gap.out.toUtf8()).array();
        QVERIFY(rows.size() > 3);
        const QStringList order{u"high"_s, u"critical"_s};
        int previous = 5;
        for (const QJsonValue &row : rows) {
            const int level = int(order.indexOf(row[u"top_impact"_s].toString())) + 3;
            QVERIFY(level >= 3);
            QVERIFY(level <= previous);
            previous = level;
        }
        const Run table = cli({u"--db"_s, m_db, u"gap"_s, u"--limit"_s, u"3"_s});
        QCOMPARE(table.out.count(u'\n'), 4); // header and three rows
    }

    void shouldPrintTheReports()
    {
        const Run cfd = cli({u"--db"_s, m_db, u"report"_s, u"cfd"_s, u"--org"_s, u"Upstream Core"_s,
                             u"--from"_s, u"2026-10-01"_s, u"--to"_s, u"2026-10-07"_s});
        QVERIFY2(cfd.exitCode == 0, qPrintable(cfd.err));
        const QStringList lines = cfd.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 8); // header and seven days
        QCOMPARE(lines.first(),
                 u"date,\"Backlog\",\"Ready\",\"In progress\",\"Review\",\"Done\""_s);
        QVERIFY(lines.at(1).startsWith(u"2026-10-01,"_s));

        const Run clocks = cli({u"--db"_s, m_db, u"report"_s, u"clocks"_s, u"--org"_s,
                                u"Upstream Core"_s, u"--format"_s, u"json"_s});
        QCOMPARE(clocks.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(clocks.out.toUtf8()).object();
        const QJsonObject cycle = object[u"cycle_time"_s].toObject();
        QVERIFY(cycle[u"count"_s].toInt() > 0);
        QVERIFY(cycle[u"p85_days"_s].toDouble() >= cycle[u"median_days"_s].toDouble());

        const Run coverage
            = cli({u"--db"_s, m_db, u"report"_s, u"coverage"_s, u"--format"_s, u"json"_s});
        const QJsonArray groups = QJsonDocument::fromJson(coverage.out.toUtf8()).array();
        QCOMPARE(groups.size(), 4);
        for (const QJsonValue &group : groups) {
            const QJsonObject g = group.toObject();
            QCOMPARE(g[u"impacted"_s].toInt(),
                     g[u"uncommitted"_s].toInt() + g[u"committed"_s].toInt()
                         + g[u"in_progress"_s].toInt() + g[u"done"_s].toInt()
                         + g[u"verified"_s].toInt());
        }

        const Run disagreement = cli({u"--db"_s, m_db, u"report"_s, u"disagreement"_s, u"--org"_s,
                                      u"Northwind Graphics"_s, u"--vs"_s, u"Kestrel Systems"_s,
                                      u"--format"_s, u"json"_s});
        QCOMPARE(disagreement.exitCode, 0);
        for (const QJsonValue &row : QJsonDocument::fromJson(disagreement.out.toUtf8()).array())
            QVERIFY(row[u"strong"_s].toBool());

        const Run missing = cli(
            {u"--db"_s, m_db, u"report"_s, u"disagreement"_s, u"--org"_s, u"Northwind Graphics"_s});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(u"--vs ORG"_s));
        const Run badDate = cli({u"--db"_s, m_db, u"report"_s, u"cfd"_s, u"--org"_s,
                                 u"Upstream Core"_s, u"--from"_s, u"yesterday"_s});
        QCOMPARE(badDate.exitCode, 2);
        QVERIFY(
            badDate.err.contains(u"--from: expected a date like 2026-01-31, not 'yesterday'"_s));
    }

    void shouldIngestCrashesAndListThemBySignature()
    {
        const QString crashes = QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes"_s;
        const QString db = m_temp.path(u"crashes.sqlite"_s);
        const QString file = crashes + u"/asan/cf_asan_double_free.txt"_s;
        const Run first = cli({u"--db"_s, db, u"crash"_s, u"ingest"_s, file, crashes + u"/java"_s,
                               u"--version"_s, u"3.1"_s, u"--platform"_s, u"Linux"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out, u"ingested 5 crash reports (1 asan, 4 java): 5 new crash deltas, 0 "
                            u"reports added to known signatures\n"_s);
        // The same file again: a second report on the same delta, no new delta.
        const Run again = cli({u"--db"_s, db, u"crash"_s, u"ingest"_s, file});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(u"0 new crash deltas, 1 reports added"_s),
                 qPrintable(again.out));
        const Run list = cli({u"--db"_s, db, u"crash"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(rows.size(), 5);
        const QJsonObject top = rows.first().toObject();
        QCOMPARE(top.value(u"reports"_s).toInt(), 2);
        QCOMPARE(top.value(u"signature"_s).toString(), u"clear"_s); // operator delete skipped
        QCOMPARE(top.value(u"versions"_s).toArray(), QJsonArray{u"3.1"_s});
        QCOMPARE(top.value(u"platforms"_s).toArray(), QJsonArray{u"Linux"_s});
        QCOMPARE(top.value(u"regressed"_s).toBool(), false);
        // The type as a triager says it, beside the raw name, derived from the report's text.
        QCOMPARE(top.value(u"type"_s).toString(), u"double-free"_s);
        QCOMPARE(top.value(u"raw_type"_s).toString(), u"double-free"_s);
        QStringList javaTypes;
        for (const QJsonValue &row : rows)
            javaTypes.append(row.toObject().value(u"type"_s).toString());
        QVERIFY2(javaTypes.contains(u"uncaught java.lang.IllegalArgumentException"_s),
                 qPrintable(javaTypes.join(u", "_s)));
        const Run table = cli({u"--db"_s, db, u"crash"_s, u"list"_s});
        QVERIFY(table.out.startsWith(u"ID"_s));
        QVERIFY2(table.out.section(u'\n', 0, 0).contains(u"TYPE"_s), qPrintable(table.out));
        QVERIFY2(table.out.contains(u"uncaught java.lang.IllegalArgumentException"_s),
                 qPrintable(table.out));
        const Run shown = cli({u"--db"_s, db, u"show"_s, u"delta"_s,
                               QString::number(top.value(u"id"_s).toInteger())});
        QVERIFY2(shown.out.contains(u"\nCrash type: double-free\n"_s), qPrintable(shown.out));
        const Run shownJson
            = cli({u"--db"_s, db, u"show"_s, u"delta"_s,
                   QString::number(top.value(u"id"_s).toInteger()), u"--format"_s, u"json"_s});
        const QJsonObject delta = QJsonDocument::fromJson(shownJson.out.toUtf8()).object();
        QCOMPARE(delta.value(u"crash_type"_s).toString(), u"double-free"_s);
        QCOMPARE(delta.value(u"raw_crash_type"_s).toString(), u"double-free"_s);

        // A text in no known format fails the run, names the file and changes nothing.
        const QString bad = m_temp.path(u"notes.txt"_s);
        QFile notes(bad);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("It crashed when I pressed save.\n");
        notes.close();
        const QByteArray before = fileHash(db);
        const Run refused = cli({u"--db"_s, db, u"crash"_s, u"ingest"_s, file, bad});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(bad + u": not a crash text in any known format"_s),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(u"nothing was stored"_s));
        QCOMPARE(refused.err.count(u'\n'), 1);
        QCOMPARE(fileHash(db), before);
    }

    // Many files: every refusal listed at once, one line each naming the file; nothing stored
    // unless --keep-going, which stores the good texts and still fails; a directory's files that
    // are plainly not crash texts skipped with a note.
    void shouldListEveryRefusedCrashTextAndKeepGoingOnRequest()
    {
        const QString crashes = QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes"_s;
        const QString db = m_temp.path(u"many.sqlite"_s);
        const QString dir = m_temp.path(u"many"_s);
        QVERIFY(QDir().mkpath(dir));
        const auto write = [](const QString &path, const QByteArray &bytes) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        };
        QVERIFY(QFile::copy(crashes + u"/gdb/cf_gdb_sigtrap.txt"_s, dir + u"/sigtrap.txt"_s));
        QVERIFY(write(dir + u"/prose.txt"_s,
                      "Traceback (most recent call last):\n  File \"app.py\", line 1\n"));
        QVERIFY(write(dir + u"/truncated.crash"_s, "Incident Identifier: X\nThread 0 Crashed:\n"));
        QVERIFY(write(dir + u"/shot.png"_s, QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)));
        QVERIFY(write(dir + u"/libapp.so"_s, QByteArray("\x7f"
                                                        "ELF\0\0",
                                                        6)));
        QVERIFY(write(dir + u"/notes.md"_s, "# What we saw\nIt closed on save.\n"));
        QCOMPARE(cli({u"--db"_s, db, u"init"_s}).exitCode, 0);
        const QByteArray before = fileHash(db);

        const QString skippedNote = u"note: skipped 3 files that are not crash texts: "_s
                                    u"libapp.so, notes.md, shot.png\n"_s;
        const Run refused = cli({u"--db"_s, db, u"crash"_s, u"ingest"_s, dir});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.out, skippedNote);
        const QStringList lines = refused.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(u"deltaboard-cli: "_s + dir + u"/prose.txt: "_s),
                 qPrintable(refused.err));
        QVERIFY2(lines.at(1).startsWith(u"deltaboard-cli: "_s + dir + u"/truncated.crash: "_s),
                 qPrintable(refused.err));
        QVERIFY(lines.at(1).contains(u"no stack frames"_s));
        QCOMPARE(lines.at(2), u"deltaboard-cli: 2 of 3 crash texts refused (nothing was stored; "_s
                              u"--keep-going stores the others)"_s);
        QCOMPARE(fileHash(db), before);

        const Run kept = cli({u"--db"_s, db, u"crash"_s, u"ingest"_s, u"--keep-going"_s, dir});
        QCOMPARE(kept.exitCode, 1);
        QCOMPARE(kept.out, skippedNote
                               + u"ingested 1 crash reports (1 gdb): 1 new crash deltas, 0 "_s
                                 u"reports added to known signatures\n"_s);
        const QStringList keptLines = kept.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(keptLines.size(), 3);
        QVERIFY(keptLines.at(0).contains(dir + u"/prose.txt: "_s));
        QVERIFY(keptLines.at(1).contains(dir + u"/truncated.crash: "_s));
        QCOMPARE(keptLines.at(2),
                 u"deltaboard-cli: 2 of 3 crash texts refused; the other 1 were ingested"_s);
        const Run list = cli({u"--db"_s, db, u"crash"_s, u"list"_s, u"--format"_s, u"json"_s});
        const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"type"_s).toString(), u"breakpoint trap"_s);
        QCOMPARE(rows.first().toObject().value(u"raw_type"_s).toString(), u"SIGTRAP"_s);

        // Keeping going with nothing good: nothing ingested, said so, and still a failure.
        const Run nothing = cli(
            {u"--db"_s, db, u"crash"_s, u"ingest"_s, u"--keep-going"_s, dir + u"/prose.txt"_s});
        QCOMPARE(nothing.exitCode, 1);
        QCOMPARE(nothing.out, u"ingested no crash reports\n"_s);
        QVERIFY2(nothing.err.contains(u"1 of 1 crash texts refused; the other 0 were ingested"_s),
                 qPrintable(nothing.err));

        // Files named on their own are read whatever they are: the image is refused, by name.
        const Run named = cli({u"--db"_s, db, u"crash"_s, u"ingest"_s, dir + u"/shot.png"_s,
                               dir + u"/sigtrap.txt"_s});
        QCOMPARE(named.exitCode, 1);
        QVERIFY2(named.err.startsWith(u"deltaboard-cli: "_s + dir + u"/shot.png: "_s),
                 qPrintable(named.err));
        QVERIFY(named.err.contains(u"(nothing was stored)"_s));
        QCOMPARE(named.err.count(u'\n'), 1);

        // A directory of nothing but skipped files has nothing to ingest.
        const QString images = m_temp.path(u"images"_s);
        QVERIFY(QDir().mkpath(images));
        QVERIFY(write(images + u"/a.png"_s, "png"));
        const Run none = cli({u"--db"_s, db, u"crash"_s, u"ingest"_s, images});
        QCOMPARE(none.exitCode, 1);
        QCOMPARE(none.out, u"note: skipped 1 file that is not a crash text: a.png\n"_s);
        QVERIFY2(none.err.contains(u"no crash texts to ingest"_s), qPrintable(none.err));

        const Run help = cli({u"crash"_s, u"ingest"_s, u"--help"_s});
        QVERIFY2(help.out.contains(u"--keep-going"_s), qPrintable(help.out + help.err));
    }

    void shouldRoundTripExportAndImport()
    {
        const QString a = m_temp.path(u"a.json"_s);
        const QString b = m_temp.path(u"b.json"_s);
        const QString restored = m_temp.path(u"restored.sqlite"_s);
        QCOMPARE(cli({u"--db"_s, m_db, u"export"_s, a}).exitCode, 0);
        const Run imported = cli({u"--db"_s, restored, u"import"_s, a});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(cli({u"--db"_s, restored, u"export"_s, b}).exitCode, 0);
        QVERIFY(!readAll(a).isEmpty());
        QCOMPARE(readAll(b), readAll(a));
    }

    void shouldGiveOneLineErrorsAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown organisation")
            << QStringList{u"commit"_s, u"--org"_s, u"Nobody Inc"_s, u"--title"_s, u"x"_s, u"1"_s}
            << 1 << u"unknown organisation 'Nobody Inc' (known: "_s;
        QTest::newRow("missing delta id") << QStringList{u"priority"_s,      u"set"_s,   u"--org"_s,
                                                         u"Upstream Core"_s, u"99999"_s, u"high"_s}
                                          << 1 << u"no delta with id 99999"_s;
        QTest::newRow("missing delta in commit")
            << QStringList{u"commit"_s, u"--org"_s, u"Upstream Core"_s, u"--title"_s,
                           u"x"_s,      u"1"_s,     u"99999"_s}
            << 1 << u"no delta with id 99999"_s;
        QTest::newRow("show missing delta")
            << QStringList{u"show"_s, u"delta"_s, u"424242"_s} << 1 << u"no delta with id 424242"_s;
        QTest::newRow("bad level") << QStringList{u"priority"_s,      u"set"_s, u"--org"_s,
                                                  u"Upstream Core"_s, u"1"_s,   u"urgent"_s}
                                   << 2 << u"priority level: expected one of untriaged, low"_s;
        QTest::newRow("unknown group")
            << QStringList{u"impact"_s, u"set"_s, u"--group"_s, u"Martians"_s, u"1"_s, u"high"_s}
            << 1 << u"unknown user group 'Martians'"_s;
        QTest::newRow("bad id") << QStringList{u"show"_s, u"task"_s, u"abc"_s} << 2
                                << u"task id: expected a positive number, not 'abc'"_s;
        QTest::newRow("unknown command")
            << QStringList{u"frobnicate"_s} << 2 << u"unknown command 'frobnicate'"_s;
        QTest::newRow("unknown option")
            << QStringList{u"gap"_s, u"--colour"_s} << 2 << u"gap: Unknown option 'colour'"_s;
        QTest::newRow("bad format") << QStringList{u"gap"_s, u"--format"_s, u"xml"_s} << 2
                                    << u"--format: expected table or json, not 'xml'"_s;
        QTest::newRow("import into a full database")
            << QStringList{u"import"_s, u"%A_JSON%"_s} << 1 << u"is not empty"_s;
    }

    void shouldGiveOneLineErrorsAndChangeNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const QString a = m_temp.path(u"a.json"_s);
        if (!QFile::exists(a))
            QCOMPARE(cli({u"--db"_s, m_db, u"export"_s, a}).exitCode, 0);
        arguments.replaceInStrings(u"%A_JSON%"_s, a);
        const QString before = m_temp.path(u"before.json"_s);
        const QString after = m_temp.path(u"after.json"_s);
        QFile::remove(before);
        QFile::remove(after);
        QCOMPARE(cli({u"--db"_s, m_db, u"export"_s, before}).exitCode, 0);

        const Run run = cli(QStringList{u"--db"_s, m_db} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY2(run.err.startsWith(u"deltaboard-cli: "_s), qPrintable(run.err));
        QCOMPARE(run.err.count(u'\n'), 1);
        QVERIFY(run.out.isEmpty());

        QCOMPARE(cli({u"--db"_s, m_db, u"export"_s, after}).exitCode, 0);
        QCOMPARE(readAll(after), readAll(before));
    }

    void shouldRefuseFilesThatAreNotItsDatabases_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file")
            << QByteArray("hello, I am a shopping list\n") << u"is not a Deltaboard database"_s;
        QTest::newRow("future schema") << QByteArray() << u"has schema version 7, newer than"_s;
    }

    void shouldRefuseFilesThatAreNotItsDatabases()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = m_temp.path(u"odd.sqlite"_s);
        QFile::remove(path);
        if (content.isEmpty()) {
            // A database from a future Deltaboard: schema version 7.
            QCOMPARE(cli({u"--db"_s, path, u"init"_s}).exitCode, 0);
            auto db = Deltaboard::Database::open(path);
            QVERIFY(db);
            QVERIFY((*db)->execOnce(u"PRAGMA user_version = 7"_s));
            QVERIFY((*db)->execOnce(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const QByteArray before = fileHash(path);
        for (const QStringList &command :
             {QStringList{u"list"_s, u"deltas"_s}, QStringList{u"check"_s}, QStringList{u"init"_s},
              QStringList{u"demo"_s}}) {
            const Run run = cli(QStringList{u"--db"_s, path} + command);
            QVERIFY(run.exitCode != 0);
            QVERIFY2(run.err.contains(expected), qPrintable(run.err));
            QVERIFY2(run.err.contains(path), qPrintable(run.err));
            QCOMPARE(run.err.count(u'\n'), 1);
            QCOMPARE(fileHash(path), before);
        }
    }

    void shouldRejectMalformedJsonAndLeaveNoDatabase()
    {
        const QString json = m_temp.path(u"broken.json"_s);
        QFile file(json);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"format\": \"deltaboard-export\",\n \"tables\": {\"deltas\": [\n{\"id\": 1,,}");
        file.close();
        const QString target = m_temp.path(u"never.sqlite"_s);
        const Run run = cli({u"--db"_s, target, u"import"_s, json});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"broken.json: line 3, column"_s), qPrintable(run.err));
        QVERIFY(run.err.contains(u"malformed JSON"_s));
        QVERIFY(!QFile::exists(target));
    }

    void shouldSurviveAKillDuringALargeDemo()
    {
        // GIVEN a large demo being written
        const QString path = m_temp.path(u"killed.sqlite"_s);
        QProcess demo;
        demo.start(QStringLiteral(DELTABOARD_CLI_PATH), {u"--db"_s, path, u"demo"_s, u"--deltas"_s,
                                                         u"100000"_s, u"--tasks"_s, u"20000"_s});
        QVERIFY(demo.waitForStarted());
        // WHEN it is killed in the middle of its transaction (its WAL is growing)
        QElapsedTimer timer;
        timer.start();
        while (QFileInfo(path + u"-wal"_s).size() < 4 * 1024 * 1024 && timer.elapsed() < 60000
               && demo.state() == QProcess::Running) {
            QTest::qWait(50);
        }
        QCOMPARE(demo.state(), QProcess::Running);
        ::kill(pid_t(demo.processId()), SIGKILL);
        QVERIFY(demo.waitForFinished());
        QCOMPARE(demo.exitStatus(), QProcess::CrashExit);

        // THEN the database opens, passes check, and holds none of the half-written demo
        const Run check = cli({u"--db"_s, path, u"check"_s});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        const Run list = cli({u"--db"_s, path, u"list"_s, u"deltas"_s});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out, u"no deltas match\n"_s);
    }

    // Each process hashes with another seed: an import must not depend on a hash's order (the
    // ranks of Jira priorities did).
    void shouldImportTheSameExportTheSameWayInEveryProcess()
    {
        const QDir samples(QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/imports/jira-xml"_s);
        QStringList files;
        for (const QString &name : samples.entryList(QDir::Files))
            files.append(samples.filePath(name));
        QList<QJsonArray> priorities;
        for (int run = 0; run < 3; ++run) {
            const QString path = m_temp.path(u"jira-%1.sqlite"_s.arg(run));
            const Run imported
                = cli(QStringList{u"--db"_s, path, u"import"_s, u"--org"_s, u"Kestrel Systems"_s}
                      + files);
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
            const QString exported = m_temp.path(u"jira-%1.json"_s.arg(run));
            QCOMPARE(cli({u"--db"_s, path, u"export"_s, exported}).exitCode, 0);
            QJsonArray rows = QJsonDocument::fromJson(readAll(exported))
                                  .object()[u"tables"_s][u"priorities"_s]
                                  .toArray();
            for (qsizetype i = 0; i < rows.size(); ++i) {
                QJsonObject row = rows.at(i).toObject();
                row.remove(u"updated_at"_s);
                rows[i] = row;
            }
            QVERIFY(!rows.isEmpty());
            priorities.append(rows);
        }
        QCOMPARE(priorities.at(1), priorities.at(0));
        QCOMPARE(priorities.at(2), priorities.at(0));
    }

private:
    TempDatabase m_temp;
    QString m_db;
};

DELTABOARD_TEST_MAIN(CliTest)
#include "clitest.moc"
