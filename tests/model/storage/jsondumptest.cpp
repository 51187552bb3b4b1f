#include "testdatabase.h"
#include "testmain.h"

#include "demogenerator.h"
#include "jsondump.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

qint64 allRows(Database &db)
{
    qint64 rows = 0;
    for (const QString &table : JsonDump::tables())
        rows += countRows(db, table);
    return rows;
}

} // namespace

class JsonDumpTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_temp.dir().isValid());
        auto db = m_temp.open(u"demo.sqlite"_s);
        QVERIFY(db);
        DemoGenerator::Parameters parameters;
        parameters.deltas = 300;
        parameters.tasks = 80;
        parameters.organisations = 3;
        parameters.groups = 4;
        QVERIFY(DemoGenerator(*db).generate(parameters));
        QVERIFY(JsonDump(*db).exportTo(m_temp.path(u"a.json"_s)));
    }

    void shouldRoundTripByteForByte()
    {
        // GIVEN the export of a demo database, WHEN it is imported into a new database and
        // exported again, THEN both files are identical
        auto restored = m_temp.open(u"restored.sqlite"_s);
        QVERIFY(restored);
        const Status imported = JsonDump(*restored).importFrom(m_temp.path(u"a.json"_s));
        QVERIFY2(imported, qPrintable(imported.error()));
        QVERIFY(JsonDump(*restored).exportTo(m_temp.path(u"b.json"_s)));
        const QByteArray a = readAll(m_temp.path(u"a.json"_s));
        QVERIFY(a.size() > 100000);
        QCOMPARE(readAll(m_temp.path(u"b.json"_s)), a);
        // The search index was rebuilt by the restore.
        if (!restored->isPostgres()) {
            QVERIFY(restored->execOnce(
                u"INSERT INTO deltas_fts (deltas_fts) VALUES ('integrity-check')"_s));
        }
        QVERIFY(searchIndexEntries(*restored) > 0);
    }

    void shouldRefuseNonEmptyDatabase()
    {
        auto db = m_temp.open(u"demo.sqlite"_s);
        const qint64 before = allRows(*db);
        const Status imported = JsonDump(*db).importFrom(m_temp.path(u"a.json"_s));
        QVERIFY(!imported);
        QVERIFY2(imported.error().contains(u"is not empty"_s), qPrintable(imported.error()));
        QCOMPARE(allRows(*db), before);
    }

    void shouldNameWhereBadInputIs_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        const QByteArray good = readAll(m_temp.path(u"a.json"_s));
        QTest::newRow("truncated") << good.left(good.size() / 2) << u"malformed JSON"_s;
        QTest::newRow("syntax error with line")
            << QByteArray("{\n\"format\": \"deltaboard-export\",\n"
                          "\"tables\": {,}\n}")
            << u"a.json: line 3, column"_s;
        QTest::newRow("not ours") << QByteArray(R"({"format": "something-else"})")
                                  << u"format: expected \"deltaboard-export\""_s;
        QTest::newRow("future schema")
            << QByteArray(R"({"format": "deltaboard-export", "schema_version": 99, "tables": {}})")
            << u"schema_version: 99"_s;
        QTest::newRow("unknown table") << QByteArray(
            R"({"format": "deltaboard-export", "schema_version": 1, "tables": {"bugs": []}})")
                                       << u"tables: \"bugs\" is not a table"_s;
        QTest::newRow("wrong type") << QByteArray(
            R"({"format": "deltaboard-export", "schema_version": 1, "tables": {"organisations":
               [{"id": 1, "name": 42, "created_at": "2026-01-01T00:00:00.000Z"}]}})")
                                    << u"organisations[0].name: expected text, found a number"_s;
        QTest::newRow("missing required field") << QByteArray(
            R"({"format": "deltaboard-export", "schema_version": 1, "tables": {"organisations":
               [{"id": 1, "created_at": "2026-01-01T00:00:00.000Z"}]}})")
                                                << u"organisations[0].name: missing"_s;
        QTest::newRow("unknown field") << QByteArray(
            R"({"format": "deltaboard-export", "schema_version": 1, "tables": {"organisations":
               [{"id": 1, "name": "A", "colour": "red", "created_at": "x"}]}})")
                                       << u"organisations[0].colour: not a field"_s;
        QTest::newRow("constraint") << QByteArray(
            R"({"format": "deltaboard-export", "schema_version": 1, "tables": {"deltas":
               [{"id": 1, "kind": "bug", "title": "t", "created_at": "x", "updated_at": "x"}]}})")
                                    << u"deltas[0]: CHECK constraint failed"_s;
        QTest::newRow("dangling reference")
            << QByteArray(
                   R"({"format": "deltaboard-export", "schema_version": 1, "tables": {"boards":
               [{"id": 1, "organisation_id": 7, "name": "Main"}]}})")
            << u"boards record with id 1 refers to a missing organisations"_s;
    }

    void shouldNameWhereBadInputIs()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        // PostgreSQL checks references when the restore ends and names them its own way.
        if (onPostgres() && QByteArray(QTest::currentDataTag()) == "dangling reference")
            expected = u"Key (organisation_id)=(7) is not present in table \"organisations\""_s;
        const QString path = m_temp.path(u"bad/a.json"_s);
        QDir().mkpath(m_temp.path(u"bad"_s));
        writeAll(path, content);
        auto db = m_temp.open(u"bad/target.sqlite"_s);
        const Status imported = JsonDump(*db).importFrom(path);
        QVERIFY(!imported);
        QVERIFY2(imported.error().contains(expected), qPrintable(imported.error()));
        QVERIFY2(imported.error().contains(u"a.json"_s), qPrintable(imported.error()));
        QCOMPARE(allRows(*db), 0);
    }

    void shouldRestoreRecordsAcrossEveryChunkBoundary_data()
    {
        QTest::addColumn<int>("chunk");
        // One byte puts a boundary inside every key, value and record; the others cut records
        // at varied places and keep several records in one chunk.
        QTest::newRow("1 byte") << 1;
        QTest::newRow("7 bytes") << 7;
        QTest::newRow("100 bytes") << 100;
        QTest::newRow("4 KiB") << 4096;
    }

    void shouldRestoreRecordsAcrossEveryChunkBoundary()
    {
        // GIVEN the export of the demo database, WHEN it is restored reading 'chunk' bytes at a
        // time and exported again, THEN the two exports are identical
        QFETCH(int, chunk);
        const QString name = u"chunked-%1"_s.arg(chunk);
        auto restored = m_temp.open(name + u".sqlite"_s);
        QVERIFY(restored);
        JsonDump dump(*restored);
        dump.setReadChunk(chunk);
        const Status imported = dump.importFrom(m_temp.path(u"a.json"_s));
        QVERIFY2(imported, qPrintable(imported.error()));
        QVERIFY(JsonDump(*restored).exportTo(m_temp.path(name + u".json"_s)));
        QCOMPARE(readAll(m_temp.path(name + u".json"_s)), readAll(m_temp.path(u"a.json"_s)));
    }

    void shouldNameABadRecordDeepInATable_data()
    {
        QTest::addColumn<QByteArray>("badLine");
        QTest::addColumn<QString>("expected");
        // The 101st history record, hundreds of lines into the file, made wrong in two ways.
        const QByteArray line = historyLine(100);
        QVERIFY(line.contains("\"entity_id\":"));
        const QByteArray wrongType = QString::fromUtf8(line)
                                         .replace(QRegularExpression(u"\"entity_id\":[0-9]+"_s),
                                                  u"\"entity_id\":\"seven\""_s)
                                         .toUtf8();
        QTest::newRow("wrong type")
            << wrongType << u"deep.json: history[100].entity_id: expected an integer, found text"_s;
        QByteArray broken = line;
        broken.replace("\"entity_id\":", "\"entity_id\" ");
        QTest::newRow("malformed record")
            << broken
            << u"deep.json: line %1, column"_s.arg(historyLineNumber(100)) + u"|history[100]"_s;
    }

    void shouldNameABadRecordDeepInATable()
    {
        // GIVEN an export whose 101st history record is bad, and an empty database, WHEN it is
        // restored (in small chunks, so the record sits past many of them), THEN the restore
        // fails with one line naming the file, the place, the table and the record, and the
        // database holds nothing, not even the tables restored before history
        QFETCH(QByteArray, badLine);
        QFETCH(QString, expected);
        QList<QByteArray> lines = readAll(m_temp.path(u"a.json"_s)).split('\n');
        const int number = historyLineNumber(100);
        lines[number - 1] = badLine;
        QDir().mkpath(m_temp.path(u"deep"_s));
        const QString path = m_temp.path(u"deep/deep.json"_s);
        writeAll(path, lines.join('\n'));
        auto db = m_temp.open(u"deep/target.sqlite"_s);
        JsonDump dump(*db);
        dump.setReadChunk(4096);
        const Status imported = dump.importFrom(path);
        QVERIFY(!imported);
        for (const QString &part : expected.split(u'|'))
            QVERIFY2(imported.error().contains(part), qPrintable(imported.error()));
        QVERIFY2(!imported.error().contains(u'\n'), qPrintable(imported.error()));
        QCOMPARE(allRows(*db), 0);
        QCOMPARE(searchIndexEntries(*db), 0);
    }

    void shouldExportAtomically()
    {
        // A failed export leaves no half-written file behind.
        auto db = m_temp.open(u"demo.sqlite"_s);
        const QString path = m_temp.path(u"cancelled.json"_s);
        const Status exported = JsonDump(*db).exportTo(path, [](qint64, qint64) { return false; });
        QVERIFY(!exported);
        QVERIFY(!QFile::exists(path));
    }

private:
    // The line number (1-based) of history record 'index' in the demo's export: one record a
    // line, after the line that opens the table.
    int historyLineNumber(int index)
    {
        const QList<QByteArray> lines = readAll(m_temp.path(u"a.json"_s)).split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i).startsWith("\"history\": ["))
                return i + 2 + index;
        }
        return -1;
    }

    QByteArray historyLine(int index)
    {
        const QList<QByteArray> lines = readAll(m_temp.path(u"a.json"_s)).split('\n');
        const int number = historyLineNumber(index);
        return number > 0 && number <= lines.size() ? lines.at(number - 1) : QByteArray();
    }

    TempDatabase m_temp;
};

DELTABOARD_TEST_MAIN(JsonDumpTest)
#include "jsondumptest.moc"
