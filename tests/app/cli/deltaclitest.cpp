#include "clirun.h"
#include "testdatabase.h"
#include "testmain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace DeltaboardTest;

// The command line does what the app does: a delta's whole life scripted from an empty
// database, each write one transaction printing its id; bad input refused in one line with the
// file untouched; many commands in one process with batch.
class DeltaCliTest : public QObject
{
    Q_OBJECT

private:
    Run run(const QStringList &arguments) { return cli(QStringList{u"--db"_s, m_db} + arguments); }

    // A command that must succeed; returns its output trimmed (the id a write prints).
    QString ok(const QStringList &arguments)
    {
        const Run result = run(arguments);
        if (result.exitCode != 0) {
            QTest::qFail(qPrintable(arguments.join(u' ') + u": "_s + result.err), __FILE__,
                         __LINE__);
        }
        return result.out.trimmed();
    }

    QJsonObject show(const QString &what, const QString &id)
    {
        return QJsonDocument::fromJson(
                   run({u"show"_s, what, id, u"--format"_s, u"json"_s}).out.toUtf8())
            .object();
    }

    QStringList historyTexts(const QJsonObject &record)
    {
        QStringList texts;
        for (const QJsonValue &entry : record.value(u"history"_s).toArray())
            texts.append(entry[u"text"_s].toString());
        return texts;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->path();
        QCOMPARE(run({u"init"_s}).exitCode, 0);
        ok({u"org"_s, u"add"_s, u"Kestrel"_s});
        ok({u"component"_s, u"add"_s, u"Compositor"_s});
    }

    void cleanup() { m_temp.reset(); }

    void shouldScriptADeltasWholeLife()
    {
        // Record two deltas; the writes print their ids.
        const QString a = ok({u"delta"_s, u"add"_s, u"--kind"_s, u"defect"_s, u"--title"_s,
                              u"Cursor flickers"_s, u"--desired"_s, u"Steady"_s, u"--actual"_s,
                              u"Flickers"_s, u"--component"_s, u"Compositor"_s});
        const QString b
            = ok({u"delta"_s, u"add"_s, u"--kind"_s, u"spec"_s, u"--title"_s, u"Cursor planes"_s});
        QVERIFY(a.toLongLong() > 0 && b.toLongLong() > a.toLongLong());
        QCOMPARE(
            ok({u"delta"_s, u"edit"_s, a, u"--found-in"_s, u"6.1"_s, u"--if-version"_s, u"1"_s}),
            a);
        QCOMPARE(ok({u"delta"_s, u"label"_s, a, u"regression"_s, u"wayland"_s}), a);
        QCOMPARE(ok({u"delta"_s, u"relate"_s, a, u"depends-on"_s, b}), a);
        QCOMPARE(ok({u"delta"_s, u"state"_s, a, u"confirmed"_s}), a);
        const QString task
            = ok({u"commit"_s, a, u"--org"_s, u"Kestrel"_s, u"--title"_s, u"Fix the flicker"_s});
        QCOMPARE(ok({u"task"_s, u"assign"_s, task, u"ana"_s}), task);
        QCOMPARE(ok({u"task"_s, u"label"_s, task, u"regression"_s}), task);
        QCOMPARE(ok({u"task"_s, u"move"_s, task, u"--column"_s, u"Done"_s}), task);
        const QString comment = ok({u"comment"_s, u"add"_s, u"--delta"_s, a, u"Seen on 6.1 too"_s});
        QVERIFY(comment.toLongLong() > 0);
        const QString fix = ok({u"fix"_s, u"add"_s, task, u"--branch"_s, u"main"_s, u"--revision"_s,
                                u"abc123"_s, u"--version"_s, u"6.2"_s});
        QCOMPARE(ok({u"fix"_s, u"verify"_s, fix}), fix);

        // show --format json returns every step.
        const QJsonObject delta = show(u"delta"_s, a);
        QCOMPARE(delta[u"found_in"_s].toString(), u"6.1"_s);
        QCOMPARE(delta[u"state"_s].toString(), u"confirmed"_s);
        QCOMPARE(delta[u"component"_s].toString(), u"Compositor"_s);
        QCOMPARE(delta[u"labels"_s].toArray().size(), 2);
        QCOMPARE(delta[u"relations"_s].toArray().first()[u"relation"_s].toString(),
                 u"depends-on"_s);
        QCOMPARE(delta[u"relations"_s].toArray().first()[u"id"_s].toInteger(), b.toLongLong());
        QCOMPARE(delta[u"comments"_s].toArray().first()[u"body"_s].toString(),
                 u"Seen on 6.1 too"_s);
        QCOMPARE(delta[u"tasks"_s].toArray().first()[u"column"_s].toString(), u"Done"_s);
        const QStringList said = historyTexts(delta);
        for (const QString &sentence :
             {u"recorded this defect"_s, u"found in set to 6.1"_s, u"labelled regression"_s,
              u"now depends on #"_s + b, u"state: new → confirmed"_s,
              u"committed to by task #"_s + task, u"commented"_s}) {
            QVERIFY2(said.contains(sentence), qPrintable(said.join(u" | "_s)));
        }
        QCOMPARE(historyTexts(show(u"delta"_s, b)).last(), u"now needed by #"_s + a);
        const QJsonObject card = show(u"task"_s, task);
        QCOMPARE(card[u"column"_s].toString(), u"Done"_s);
        QCOMPARE(card[u"assignee"_s].toString(), u"ana"_s);
        QCOMPARE(card[u"labels"_s].toArray().first()[u"name"_s].toString(), u"regression"_s);
        QVERIFY(!card[u"fix_records"_s].toArray().first()[u"verified_at"_s].isNull());
        QVERIFY2(historyTexts(card).contains(u"moved from Backlog to Done"_s),
                 qPrintable(historyTexts(card).join(u" | "_s)));

        // Labels are listed with their counts; the database is healthy.
        const QJsonArray labels
            = QJsonDocument::fromJson(
                  run({u"list"_s, u"labels"_s, u"--format"_s, u"json"_s}).out.toUtf8())
                  .array();
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels.first()[u"deltas"_s].toInt(), 1);
        QCOMPARE(labels.first()[u"tasks"_s].toInt(), 1);
        QVERIFY(!run({u"check"_s}).out.contains(u"problem"_s));
        QCOMPARE(run({u"check"_s}).exitCode, 0);

        // Export → restore → export is byte-identical with relations, labels and comments.
        const QString first = m_temp->path(u"first.json"_s);
        ok({u"export"_s, first});
        const QString copy = m_temp->path(u"copy.sqlite"_s);
        QCOMPARE(cli({u"--db"_s, copy, u"import"_s, first}).exitCode, 0);
        const QString second = m_temp->path(u"second.json"_s);
        QCOMPARE(cli({u"--db"_s, copy, u"export"_s, second}).exitCode, 0);
        QCOMPARE(fileHash(second), fileHash(first));
    }

    void shouldRefuseBadInputLeavingTheFileAsItWas_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("no title") << QStringList{u"delta"_s, u"add"_s} << u"--title"_s;
        QTest::newRow("blank title")
            << QStringList{u"delta"_s, u"add"_s, u"--title"_s, u"  "_s} << u"--title"_s;
        QTest::newRow("unknown kind")
            << QStringList{u"delta"_s, u"add"_s, u"--title"_s, u"x"_s, u"--kind"_s, u"bug"_s}
            << u"'bug'"_s;
        QTest::newRow("unknown component")
            << QStringList{u"delta"_s, u"add"_s, u"--title"_s, u"x"_s, u"--component"_s, u"Nope"_s}
            << u"Nope"_s;
        QTest::newRow("edit missing delta")
            << QStringList{u"delta"_s, u"edit"_s, u"99"_s, u"--title"_s, u"x"_s} << u"99"_s;
        QTest::newRow("stale version")
            << QStringList{u"delta"_s, u"edit"_s,         u"1"_s, u"--title"_s,
                           u"x"_s,     u"--if-version"_s, u"7"_s}
            << u"version"_s;
        QTest::newRow("unknown state")
            << QStringList{u"delta"_s, u"state"_s, u"1"_s, u"fixed"_s} << u"'fixed'"_s;
        QTest::newRow("duplicate without original")
            << QStringList{u"delta"_s, u"state"_s, u"1"_s, u"duplicate"_s} << u"--of"_s;
        QTest::newRow("unknown relation")
            << QStringList{u"delta"_s, u"relate"_s, u"1"_s, u"hates"_s, u"2"_s} << u"'hates'"_s;
        QTest::newRow("relate to itself")
            << QStringList{u"delta"_s, u"relate"_s, u"1"_s, u"blocks"_s, u"1"_s} << u"itself"_s;
        QTest::newRow("loop of waits")
            << QStringList{u"delta"_s, u"relate"_s, u"2"_s, u"blocks"_s, u"1"_s} << u"loop"_s;
        QTest::newRow("unrelate missing")
            << QStringList{u"delta"_s, u"unrelate"_s, u"1"_s, u"causes"_s, u"2"_s}
            << u"no such relation"_s;
        QTest::newRow("comment on nothing")
            << QStringList{u"comment"_s, u"add"_s, u"--delta"_s, u"99"_s, u"hi"_s} << u"99"_s;
        QTest::newRow("comment both") << QStringList{u"comment"_s, u"add"_s, u"--delta"_s, u"1"_s,
                                                     u"--task"_s,  u"1"_s,   u"hi"_s}
                                      << u"one of them"_s;
        QTest::newRow("move to no column")
            << QStringList{u"task"_s, u"move"_s, u"1"_s, u"--column"_s, u"Nowhere"_s}
            << u"Nowhere"_s;
        QTest::newRow("label colour")
            << QStringList{u"label"_s, u"add"_s, u"ux"_s, u"--colour"_s, u"red"_s} << u"#rrggbb"_s;
        QTest::newRow("label a missing task")
            << QStringList{u"task"_s, u"label"_s, u"42"_s, u"ux"_s} << u"42"_s;
        QTest::newRow("verify a missing fix")
            << QStringList{u"fix"_s, u"verify"_s, u"42"_s} << u"42"_s;
    }

    void shouldRefuseBadInputLeavingTheFileAsItWas()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        // GIVEN two related deltas and a card
        ok({u"delta"_s, u"add"_s, u"--title"_s, u"One"_s});
        ok({u"delta"_s, u"add"_s, u"--title"_s, u"Two"_s});
        ok({u"delta"_s, u"relate"_s, u"1"_s, u"blocks"_s, u"2"_s});
        ok({u"commit"_s, u"1"_s, u"--org"_s, u"Kestrel"_s, u"--title"_s, u"Card"_s});
        QCOMPARE(run({u"check"_s}).exitCode, 0); // checkpoints: the file is whole
        const QByteArray before = fileHash(m_db);
        // WHEN the bad command runs THEN one line names the problem and the file is unchanged
        const Run bad = run(arguments);
        QVERIFY(bad.exitCode != 0);
        QCOMPARE(bad.err.count(u'\n'), 1);
        QVERIFY2(bad.err.contains(error), qPrintable(bad.err));
        QCOMPARE(fileHash(m_db), before);
    }

    void shouldRunABatchInOneProcess()
    {
        // 500 cards and a delta, words as in a shell and one line of JSON.
        QString script = u"# cards for the sprint\n"_s;
        for (int i = 0; i < 500; ++i)
            script += u"task add --org Kestrel --title 'Chore %1'\n"_s.arg(i);
        script += u"[\"delta\", \"add\", \"--title\", \"From \\\"JSON\\\"\"]\n"_s;
        const QString path = m_temp->path(u"script.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.toUtf8());
        file.close();
        const Run batch = run({u"batch"_s, path});
        QCOMPARE(batch.exitCode, 0);
        QCOMPARE(batch.out.count(u'\n'), 501);
        const QJsonObject delta = show(u"delta"_s, batch.out.trimmed().split(u'\n').last());
        QCOMPARE(delta[u"title"_s].toString(), u"From \"JSON\""_s);

        // --atomic: a failing line undoes the whole batch and prints nothing of it.
        QFile atomic(m_temp->path(u"atomic.txt"_s));
        QVERIFY(atomic.open(QIODevice::WriteOnly));
        atomic.write("delta add --title kept?\ndelta state 999 confirmed\n");
        atomic.close();
        QCOMPARE(run({u"check"_s}).exitCode, 0);
        const QByteArray before = fileHash(m_db);
        const Run refused = run({u"batch"_s, u"--atomic"_s, atomic.fileName()});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.out, QString());
        QVERIFY2(refused.err.contains(u"atomic.txt:2: no delta with id 999"_s),
                 qPrintable(refused.err));
        QCOMPARE(fileHash(m_db), before);
        // Without it, the lines before the failure are written and the rest not run.
        const Run partly = run({u"batch"_s, atomic.fileName()});
        QCOMPARE(partly.exitCode, 1);
        QCOMPARE(partly.out.count(u'\n'), 1);
        // A malformed line stops the batch before anything runs.
        QFile malformed(m_temp->path(u"malformed.txt"_s));
        QVERIFY(malformed.open(QIODevice::WriteOnly));
        malformed.write("delta add --title fine\ndelta add --title 'unclosed\n");
        malformed.close();
        const Run unclosed = run({u"batch"_s, malformed.fileName()});
        QCOMPARE(unclosed.exitCode, 2);
        QVERIFY(unclosed.err.contains(u"malformed.txt:2: a single quote is not closed"_s));
        QCOMPARE(unclosed.out, QString());
    }

    void shouldShowACommandsOwnArgumentsInItsHelp()
    {
        const Run help = run({u"delta"_s, u"relate"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"DELTA_ID RELATION OTHER_ID"_s));
        QVERIFY(help.out.contains(u"blocked-by"_s));
        QVERIFY2(!help.out.contains(u"Arguments:\n  delta relate"_s), qPrintable(help.out));
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    QString m_db;
};

DELTABOARD_TEST_MAIN(DeltaCliTest)
#include "deltaclitest.moc"
