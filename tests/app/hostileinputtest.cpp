#include "testdatabase.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <sys/resource.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace DeltaboardTest;

// Inputs made to hurt, each given to the real deltaboard-cli as a user would: every one is
// refused with one located line, nothing crashes, hangs or balloons, and the database is left
// byte for byte as it was.
namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.start(QStringLiteral(DELTABOARD_CLI_PATH), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-3, {}, u"did not finish in %1 s"_s.arg(timeoutMs / 1000)};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray repeated(const QByteArray &piece, qsizetype times)
{
    QByteArray bytes;
    bytes.reserve(piece.size() * times);
    for (qsizetype i = 0; i < times; ++i)
        bytes += piece;
    return bytes;
}

// A refusal as the issue asks for it: exit code 1 (not a signal, not a hang), one line on
// stderr, nothing on stdout.
void verifyRefused(const Run &run, const QString &expected)
{
    QVERIFY2(run.exitCode == 1, qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.err)));
    QVERIFY2(run.err.contains(expected), qPrintable(run.err.left(500)));
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY2(run.err.size() < 600, qPrintable(run.err.left(600)));
    QVERIFY2(!run.err.contains(u'\r'), qPrintable(run.err.left(500)));
}

constexpr int kDeep = 100000;

} // namespace

class HostileInputTest : public QObject
{
    Q_OBJECT

private:
    TempDatabase m_temp;
    QString m_db;
    QByteArray m_hash;

    QString file(const QString &name) const { return m_temp.path(name); }
    QStringList on(const QStringList &arguments) const
    {
        return QStringList{u"--db"_s, m_db} + arguments;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_temp.path(u"target.sqlite"_s);
        const Run demo = cli(on({u"demo"_s, u"--deltas"_s, u"50"_s, u"--tasks"_s, u"10"_s}));
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        m_hash = fileHash(m_db);
        QVERIFY(!m_hash.isEmpty());
    }

    void cleanup()
    {
        // Every refusal left the database as it was.
        QCOMPARE(fileHash(m_db), m_hash);
    }

    // First, so that the largest child this process has waited for is this one: 200 MB of
    // numbers is refused without building them (it took 3.5 GB to refuse).
    void shouldRefuseTwoHundredMegabytesOfNumbersWithinThreeTimesTheirSize()
    {
        const QString path = file(u"numbers.json"_s);
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            const QByteArray chunk = repeated("1,", 1 << 20);
            out.write("[");
            for (int i = 0; i < 100; ++i)
                out.write(chunk);
            out.write("1]");
        }
        const qint64 size = QFileInfo(path).size();
        QVERIFY(size > 200 * 1000 * 1000);
        const Run run = cli(on({u"import"_s, u"--format"_s, u"github"_s, path}));
        struct rusage usage = {};
        QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
        verifyRefused(run, u"far more than a GitHub issues export holds"_s);
        const qint64 peak = qint64(usage.ru_maxrss) * 1024;
        qInfo("peak memory refusing %lld bytes: %lld bytes (%.2f times)", size, peak,
              double(peak) / double(size));
        QVERIFY2(peak <= 3 * size, qPrintable(u"%1 bytes"_s.arg(peak)));
        for (const QString &format : {u"launchpad"_s, u"trello"_s, u"bugzilla"_s, u"redmine"_s})
            verifyRefused(cli(on({u"import"_s, u"--format"_s, format, path})), path);
        QFile::remove(path);
    }

    void shouldRefuseDeepNestingWithItsPlace_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray open = repeated("<a>", kDeep), close = repeated("</a>", kDeep);
        const QByteArray bug = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bugzilla "
                               "urlbase=\"https://bugs.example/\"><bug><bug_id>1</bug_id>"
                               "<short_desc>x</short_desc><creation_ts>2009-06-10 16:55 "
                               "+0200</creation_ts>";
        QTest::newRow("bugzilla xml field")
            << u"deep-field.xml"_s
            << bug + "<product>" + open + "x" + close + "</product></bug></bugzilla>"
            << u"deep-field.xml: line 2, column"_s;
        QTest::newRow("bugzilla xml comment") << u"deep-comment.xml"_s
                                              << bug + "<long_desc><thetext>" + open + "x" + close
                                                     + "</thetext></long_desc></bug></bugzilla>"
                                              << u"deep-comment.xml: line 2, column"_s;
        QTest::newRow("jira xml")
            << u"deep-jira.xml"_s
            << "<rss version=\"0.92\"><channel><item><title>x</title><key>P-1</key>"
                   + QByteArray("<description>") + open + "x" + close
                   + "</description></item></channel></rss>\n"
            << u"nested deeper than 64 levels"_s;
        const QByteArray arrays = repeated("[", kDeep) + repeated("]", kDeep);
        QTest::newRow("github json")
            << u"deep-github.json"_s
            << "[{\"title\":\"x\",\"html_url\":\"https://github.com/a/b/issues/1\",\"number\":1,"
               "\"x\":"
                   + arrays + "}]"
            << u"deep-github.json: line 1, column 137: nested deeper than 64 levels"_s;
        QTest::newRow("launchpad json")
            << u"deep-launchpad.json"_s
            << "{\"x\": \"https://api.launchpad.net/1.0/\", \"entries\": " + arrays + "}"
            << u"nested deeper than 64 levels"_s;
        QTest::newRow("trello json")
            << u"deep-trello.json"_s << "{\"idBoard\": \"b\", \"lists\": " + arrays + "}"
            << u"nested deeper than 64 levels"_s;
        QTest::newRow("redmine json")
            << u"deep-redmine.json"_s
            << "{\"created_on\": \"x\", \"subject\": \"y\", \"issues\": " + arrays + "}"
            << u"nested deeper than 64 levels"_s;
        QTest::newRow("bugzilla json")
            << u"deep-bugzilla.json"_s << "{\"bugs\": [{\"creation_time\": " + arrays + "}]}"
            << u"nested deeper than 64 levels"_s;
        QTest::newRow("deltaboard export")
            << u"deep-export.json"_s
            << "{\"format\": \"deltaboard-export\", \"tables\": " + arrays + "}"
            << u"nested deeper than 64 levels"_s;
    }

    void shouldRefuseDeepNestingWithItsPlace()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QVERIFY(write(file(name), bytes));
        verifyRefused(cli(on({u"import"_s, file(name)})), expected);
    }

    void shouldRefuseAMillionColumnsAtOnce_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("cell");
        QTest::newRow("generic csv") << QByteArray("Title,c") << QByteArray("v");
        QTest::newRow("jira comments") << QByteArray("Summary,Issue key,Comment") << QByteArray("");
        QTest::newRow("trac") << QByteArray("id,summary,x") << QByteArray("y");
    }

    // A million columns took 49 s and 772 MB (quadratic matching); now the 10,001st field ends
    // the reading.
    void shouldRefuseAMillionColumnsAtOnce()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, cell);
        constexpr int kColumns = 1000000;
        QByteArray bytes = "id," + header + repeated("," + header.split(',').last(), kColumns)
                           + "\n1,t" + repeated("," + cell, kColumns) + "\n";
        QVERIFY(write(file(u"wide.csv"_s), bytes));
        verifyRefused(cli(on({u"import"_s, file(u"wide.csv"_s)})),
                      u"wide.csv: line 1: more than 10000 fields"_s);
    }

    void shouldRefuseWhatIsNotARegularFile()
    {
        const QString pipe = file(u"pipe.json"_s);
        QCOMPARE(mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        verifyRefused(cli(on({u"import"_s, pipe}), 20000),
                      u"pipe.json is a named pipe, not a file"_s);
        verifyRefused(cli(on({u"crash"_s, u"ingest"_s, pipe}), 20000),
                      u"pipe.json is a named pipe, not a file"_s);

        const QString folder = file(u"crashes"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes/gdb/"_s
                                + QDir(QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes/gdb"_s)
                                      .entryList(QDir::Files)
                                      .first(),
                            folder + u"/a.txt"_s));
        QVERIFY(QFile::link(u"/dev/zero"_s, folder + u"/zero"_s));
        verifyRefused(cli(on({u"crash"_s, u"ingest"_s, folder}), 20000),
                      u"crashes/zero is a device, not a file"_s);

        QVERIFY(QDir().mkpath(file(u"folder.json"_s)));
        verifyRefused(cli(on({u"import"_s, file(u"folder.json"_s)})),
                      u"folder.json is a directory, not a file"_s);
        verifyRefused(cli(on({u"import"_s, file(u"missing.json"_s)})),
                      u"missing.json: no such file"_s);
    }

    // An error repeats at most 80 characters of what it refuses, with control characters
    // escaped: one was 3.1 million characters long, others carried raw line breaks.
    void shouldQuoteWhatItRefusesInOneShortLine()
    {
        const QByteArray longUrl = "https://example.com/" + repeated("x", 3100000);
        QVERIFY(write(file(u"long.json"_s),
                      "[{\"title\":\"x\",\"number\":1,\"created_at\":\"2020-01-01T00:00:00Z\","
                      "\"html_url\":\"https://github.com/a/b/issues/1\"},"
                      "{\"title\":\"y\",\"number\":2,\"created_at\":\"2020-01-01T00:00:00Z\","
                      "\"html_url\":\""
                          + longUrl + "\"}]"));
        const Run run = cli(on({u"import"_s, u"--format"_s, u"github"_s, file(u"long.json"_s)}));
        verifyRefused(run, u"found \"https://example.com/xxxx"_s);
        QVERIFY2(run.err.contains(u"…\" (3100020 characters)"_s), qPrintable(run.err));

        QVERIFY(write(file(u"breaks.csv"_s), "id,summary\n\"1\r\n2\",x\n"));
        const Run breaks
            = cli(on({u"import"_s, u"--format"_s, u"trac-csv"_s, file(u"breaks.csv"_s)}));
        verifyRefused(breaks, u"found \"1\\r\\n2\""_s);
    }

    void shouldNameTheByteOffsetOfACrashTextThatIsNotUtf8()
    {
        QVERIFY(write(file(u"latin1.txt"_s), "Traceback (most recent call last):\n  caf\xe9\n"));
        verifyRefused(cli(on({u"crash"_s, u"ingest"_s, file(u"latin1.txt"_s)})),
                      u"latin1.txt: line 2, column 6: byte 0xE9 is not UTF-8 (at byte offset 40"_s);
    }
};

DELTABOARD_TEST_MAIN(HostileInputTest)
#include "hostileinputtest.moc"
