#include "testdatabase.h"
#include "testmain.h"

#include "clock.h"
#include "crashstore.h"
#include "groupstore.h"
#include "jsondump.h"
#include "organisationstore.h"
#include "reports.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

QString sample(const QString &name)
{
    QFile file(QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString samplePath(const QString &name)
{
    return QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes/"_s + name;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// Ingesting crash texts into a real database: grouping by signature, all or nothing, and
// regressions found from fix records and the versions reports arrive with.
class CrashIngestTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempDatabase>();
        m_db = m_temp->open();
        QVERIFY(m_db);
        m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
        m_db->setClock(&m_clock);
    }

    void cleanup()
    {
        m_db.reset();
        m_temp.reset();
    }

    void shouldAddASecondReportToTheSameSignature()
    {
        const CrashText text{u"gdb/cf_gdb_sigtrap.txt"_s, sample(u"gdb/cf_gdb_sigtrap.txt"_s)};
        CrashStore store(*m_db);
        const auto first = store.ingest({text}, u"1.0"_s, u"Linux"_s);
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(first->newDeltas, 1);
        m_clock.set(m_clock.now().addSecs(3600));
        const auto second = store.ingest({text}, u"1.1"_s);
        QVERIFY2(second, qPrintable(second.error()));
        QCOMPARE(second->newDeltas, 0);
        QCOMPARE(second->reports, 1);
        QCOMPARE(second->deltaIds, first->deltaIds);
        QCOMPARE(countRows(*m_db, u"deltas"_s), 1);
        QCOMPARE(countRows(*m_db, u"crash_reports"_s), 2);
        const auto rows = store.summaries();
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        const CrashSummary &row = rows->first();
        QCOMPARE(row.reports, 2);
        QCOMPARE(row.signature, u"memcpy | xymodem_trnasfer"_s);
        QCOMPARE(row.versions, (QStringList{u"1.0"_s, u"1.1"_s}));
        QCOMPARE(row.platforms, QStringList{u"Linux"_s});
        QCOMPARE(row.firstSeen, u"2026-03-01T09:00:00.000Z"_s);
        QCOMPARE(row.lastSeen, u"2026-03-01T10:00:00.000Z"_s);
        QVERIFY(!row.regressed);
    }

    void shouldStoreNothingWhenOneTextIsBad_data()
    {
        QTest::addColumn<QString>("bad");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a crash")
            << u"The app just closed.\nNo idea why."_s << u"not a crash text in any known format"_s;
        QTest::newRow("truncated apple")
            << sample(u"apple/handcrafted.txt"_s).left(900) << u"no stack frames"_s;
        QTest::newRow("truncated minidump")
            << sample(u"minidump-stackwalk/breakpad_minidump2.stackwalk.out.txt"_s).left(330)
            << u"no stack frames"_s;
        QTest::newRow("empty") << QString() << u"(empty)"_s;
    }

    void shouldStoreNothingWhenOneTextIsBad()
    {
        QFETCH(QString, bad);
        QFETCH(QString, expected);
        // One good text already in, to see that it is left alone too.
        CrashStore store(*m_db);
        QVERIFY(store.ingest({{u"a"_s, sample(u"asan/cf_asan_double_free.txt"_s)}}));
        const QString exportBefore = m_temp->path(u"before.json"_s);
        QVERIFY(JsonDump(*m_db).exportTo(exportBefore));
        const auto result
            = store.ingest({{u"good.txt"_s, sample(u"java/socorro_fennec_BadTokenException.txt"_s)},
                            {u"bad.txt"_s, bad}});
        QVERIFY(!result);
        QVERIFY2(result.error().startsWith(u"bad.txt: "_s), qPrintable(result.error()));
        QVERIFY2(result.error().contains(expected), qPrintable(result.error()));
        const QString exportAfter = m_temp->path(u"after.json"_s);
        QVERIFY(JsonDump(*m_db).exportTo(exportAfter));
        QCOMPARE(fileHash(exportAfter), fileHash(exportBefore));
    }

    // Every bad text is listed, not only the first, each naming its text; nothing is stored.
    void shouldListEveryRefusedTextAndStoreNothing()
    {
        CrashStore store(*m_db);
        const QList<CrashText> texts
            = {{u"one.txt"_s, u"The app just closed."_s},
               {u"good.txt"_s, sample(u"java/socorro_fennec_BadTokenException.txt"_s)},
               {u"two.txt"_s, sample(u"apple/handcrafted.txt"_s).left(900)}};
        const auto result = store.ingest(texts, IngestOptions{});
        QVERIFY2(result, qPrintable(result.error()));
        QVERIFY(!result->stored);
        QCOMPARE(result->reports, 0);
        QCOMPARE(result->refused.size(), 2);
        QVERIFY2(result->refused.at(0).startsWith(u"one.txt: not a crash text"_s),
                 qPrintable(result->refused.at(0)));
        QVERIFY2(result->refused.at(1).startsWith(u"two.txt: "_s),
                 qPrintable(result->refused.at(1)));
        QVERIFY(result->refused.at(1).contains(u"no stack frames"_s));
        for (const QString &line : result->refused)
            QVERIFY(!line.contains(u'\n'));
        QCOMPARE(countRows(*m_db, u"crash_reports"_s), 0);
        QCOMPARE(countRows(*m_db, u"deltas"_s), 0);
        // The error form (for callers that take a refusal as a failure) lists both too.
        const auto failed = store.ingest(texts);
        QVERIFY(!failed);
        QCOMPARE(failed.error().split(u'\n').size(), 2);
    }

    // Keeping going stores the good texts (one transaction) and still lists the bad ones.
    void shouldStoreTheGoodTextsWhenKeepingGoing()
    {
        CrashStore store(*m_db);
        const QList<CrashText> texts
            = {{u"one.txt"_s, u"The app just closed."_s},
               {u"good.txt"_s, sample(u"java/socorro_fennec_BadTokenException.txt"_s)},
               {u"also-good.txt"_s, sample(u"asan/cf_asan_null_dereference_read.txt"_s)}};
        const auto result = store.ingest(texts, IngestOptions{u"2.0"_s, {}, true});
        QVERIFY2(result, qPrintable(result.error()));
        QVERIFY(result->stored);
        QCOMPARE(result->reports, 2);
        QCOMPARE(result->refused, QStringList{result->refused.value(0)});
        QVERIFY(result->refused.first().startsWith(u"one.txt: "_s));
        QCOMPARE(countRows(*m_db, u"crash_reports"_s), 2);
        // The new delta's title and the store's derived type name the crash as a triager would,
        // beside the raw name.
        const auto types = store.crashTypes();
        QVERIFY2(types, qPrintable(types.error()));
        const qint64 asan = result->deltaIds.at(1);
        QCOMPARE(types->value(asan).type, u"null-dereference READ"_s);
        QCOMPARE(types->value(asan).raw, u"SEGV"_s);
        const auto rows = store.summaries({asan});
        QVERIFY(rows && rows->size() == 1);
        QVERIFY2(rows->first().title.startsWith(u"Crash (null-dereference READ (SEGV)) in "_s),
                 qPrintable(rows->first().title));
        QCOMPARE(types->value(result->deltaIds.at(0)).type,
                 u"uncaught android.view.WindowManager$BadTokenException"_s);
    }

    // A directory walk reads the crash texts, skips what is plainly not one (by name and by
    // content) and lists every file it refuses; a file named on its own is always read.
    void shouldSkipWhatIsPlainlyNotACrashTextInADirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path() + u"/crashes"_s;
        QVERIFY(QDir().mkpath(root));
        QVERIFY(QFile::copy(samplePath(u"gdb/cf_gdb_sigtrap.txt"_s), root + u"/a-gdb.txt"_s));
        QVERIFY(QDir().mkpath(root + u"/sub"_s));
        QVERIFY(QFile::copy(samplePath(u"java/socorro_fennec_BadTokenException.txt"_s),
                            root + u"/sub/b-java.log"_s));
        QVERIFY(writeFile(root + u"/screenshot.png"_s, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        QVERIFY(writeFile(root + u"/libcrash.so.1"_s, "\x7f"
                                                      "ELF\x02\x01\x01"));
        QVERIFY(writeFile(root + u"/core-dump"_s, QByteArray("ELF\0\0\0 binary", 14)));
        QVERIFY(writeFile(root + u"/README"_s, "These are the crashes of last week.\n"));
        // In a crash format but cut off: a crash text, refused; and not UTF-8: refused.
        QVERIFY(
            writeFile(root + u"/cut.txt"_s, sample(u"apple/handcrafted.txt"_s).left(900).toUtf8()));
        QVERIFY(writeFile(root + u"/latin1.txt"_s,
                          "Traceback (most recent call last):\n  File \"caf\xe9.py\", line 1, "
                          "in f\nValueError\n"));

        const CrashFiles files = CrashStore::collectTexts({root});
        QCOMPARE(files.texts.size(), 3); // a-gdb.txt, cut.txt, sub/b-java.log
        QCOMPARE(files.texts.at(0).origin, root + u"/a-gdb.txt"_s);
        QCOMPARE(files.skipped, (QStringList{u"README"_s, u"core-dump"_s, u"libcrash.so.1"_s,
                                             u"screenshot.png"_s}));
        QCOMPARE(files.refused.size(), 1);
        QVERIFY2(files.refused.first().startsWith(root + u"/latin1.txt: line 2"_s),
                 qPrintable(files.refused.first()));

        // Named on its own, a file is read whatever it is.
        const CrashFiles named = CrashStore::collectTexts({root + u"/README"_s});
        QCOMPARE(named.texts.size(), 1);
        QVERIFY(named.skipped.isEmpty());

        // Ingested: the cut-off text is refused by the parser, the others stored.
        CrashStore store(*m_db);
        const auto result = store.ingest(files.texts, IngestOptions{{}, {}, true});
        QVERIFY2(result, qPrintable(result.error()));
        QCOMPARE(result->reports, 2);
        QCOMPARE(result->refused.size(), 1);
        QVERIFY(result->refused.first().startsWith(root + u"/cut.txt: "_s));
    }

    void shouldFlagACrashThatComesBackAfterAVerifiedFix()
    {
        // GIVEN a crash delta with high impact, committed to and fixed in 2.0, verified
        const CrashText text{u"asan.txt"_s, sample(u"asan/cf_asan_null_dereference_read.txt"_s)};
        CrashStore store(*m_db);
        const auto first = store.ingest({text}, u"1.9"_s);
        QVERIFY(first);
        const qint64 delta = first->deltaIds.first();
        const qint64 group = GroupStore(*m_db).createGroup(u"Everyone"_s, {}, 1000)->id;
        QVERIFY(TriageStore(*m_db).setImpact(delta, group, 4));
        const qint64 organisation = OrganisationStore(*m_db).create(u"Vendor"_s)->id;
        TaskStore tasks(*m_db);
        const qint64 task = *tasks.commit(organisation, u"Fix it"_s, {delta});
        QVERIFY(tasks.move(task, OrganisationStore(*m_db).board(organisation)->columns.last().id));
        FixRecord fix;
        fix.taskId = task;
        fix.branch = u"main"_s;
        fix.version = u"2.0"_s;
        fix.verifiedAt = u"2026-03-02T00:00:00.000Z"_s;
        QVERIFY(tasks.addFixRecord(fix));
        // WHEN reports keep arriving: an old version after the fix is not a regression...
        m_clock.set(QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC));
        QVERIFY(store.ingest({text}, u"1.10"_s));
        QVERIFY(!store.summaries()->first().regressed);
        QVERIFY(!store.regressedDeltas()->contains(delta));
        // ...but the fixed version (or a later one) is
        QVERIFY(store.ingest({text}, u"2.0.1"_s));
        // THEN it is flagged in the summaries and in the gap (it is done, so no open task)
        const CrashSummary row = store.summaries()->first();
        QVERIFY(row.regressed);
        QCOMPARE(row.fixedIn, u"2.0"_s);
        QCOMPARE(row.regressedIn, u"2.0.1"_s);
        QCOMPARE(row.versions, (QStringList{u"1.9"_s, u"1.10"_s, u"2.0.1"_s}));
        const auto gap = Reports(*m_db).gap();
        QVERIFY(gap);
        QCOMPARE(gap->size(), 1);
        QVERIFY(gap->first().regressed);

        // A later fix, verified, answers it: only the latest verified fix counts.
        fix.version = u"2.1"_s;
        fix.verifiedAt = u"2026-03-04T00:00:00.000Z"_s;
        QVERIFY(tasks.addFixRecord(fix));
        QVERIFY(!store.summaries()->first().regressed);
        m_clock.set(QDateTime(QDate(2026, 3, 5), QTime(9, 0), Qt::UTC));
        QVERIFY(store.ingest({text}, u"2.2"_s));
        const CrashSummary again = store.summaries()->first();
        QVERIFY(again.regressed);
        QCOMPARE(again.fixedIn, u"2.1"_s);
        QCOMPARE(again.regressedIn, u"2.2"_s);
    }

    void shouldOrderVersionsAsPeopleDo_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        QTest::newRow("numeric parts") << u"1.9"_s << u"1.10"_s << -1;
        QTest::newRow("equal") << u"2.0"_s << u"2.0"_s << 0;
        QTest::newRow("longer is later") << u"2.0"_s << u"2.0.1"_s << -1;
        QTest::newRow("pre-release first") << u"2.0-rc1"_s << u"2.0"_s << -1;
        QTest::newRow("labels") << u"2.0-alpha"_s << u"2.0-beta"_s << -1;
        QTest::newRow("major") << u"10.0"_s << u"9.9.9"_s << 1;
    }

    void shouldOrderVersionsAsPeopleDo()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        QCOMPARE(CrashStore::compareVersions(a, b), order);
        QCOMPARE(CrashStore::compareVersions(b, a), -order);
    }

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;
};

DELTABOARD_TEST_MAIN(CrashIngestTest)
#include "crashingesttest.moc"
