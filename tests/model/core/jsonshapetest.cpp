#include "testmain.h"

#include "jsonshape.h"

using namespace Qt::StringLiterals;
using namespace Deltaboard;

// The look at a JSON text before Qt builds it: nesting counted outside strings only (escaped
// quotes and runs of backslashes included), and density refused only for large files.
class JsonShapeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldJudgeNestingOutsideStrings_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("accepted");
        const QByteArray deepest = QByteArray(64, '[') + QByteArray(64, ']');
        const QByteArray tooDeep = QByteArray(65, '[') + QByteArray(65, ']');
        QTest::newRow("64 levels") << deepest << true;
        QTest::newRow("65 levels") << tooDeep << false;
        QTest::newRow("brackets in a string") << "[\"" + QByteArray(100, '[') + "\"]" << true;
        QTest::newRow("escaped quote, then brackets still in the string")
            << "[\"a\\\"" + QByteArray(100, '{') + "\"]" << true;
        QTest::newRow("escaped backslash ends the string")
            << "[\"a\\\\\"," + QByteArray(65, '[') + QByteArray(65, ']') + "]" << false;
        QTest::newRow("three backslashes escape the quote")
            << "[\"a\\\\\\\"" + QByteArray(100, '[') + "\"]" << true;
        QTest::newRow("unterminated string") << QByteArray("[\"abc") << true;
    }

    void shouldJudgeNestingOutsideStrings()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, accepted);
        const Status shape = JsonShape::check(u"in.json"_s, json, u"an export"_s);
        QCOMPARE(shape.ok(), accepted);
        if (!accepted)
            QVERIFY2(shape.error().startsWith(u"in.json: line 1, column"_s),
                     qPrintable(shape.error()));
    }

    void shouldRefuseOnlyLargeDenseFiles()
    {
        QByteArray numbers = "[";
        while (numbers.size() < JsonShape::kDensityFrom)
            numbers += "1,";
        numbers += "1]";
        const Status dense = JsonShape::check(u"n.json"_s, numbers, u"an export"_s);
        QVERIFY(!dense);
        QVERIFY2(dense.error().contains(u"values in 1.0 MB"_s), qPrintable(dense.error()));
        QVERIFY(JsonShape::check(u"n.json"_s, numbers.left(1000) + "1]", u"an export"_s));
        QByteArray records = "[";
        while (records.size() < 2 * JsonShape::kDensityFrom)
            records += R"({"title": "A record of an export", "state": "open", "number": 12},)";
        records += "{}]";
        QVERIFY(JsonShape::check(u"r.json"_s, records, u"an export"_s));
    }
};

DELTABOARD_TEST_MAIN(JsonShapeTest)
#include "jsonshapetest.moc"
