#include "testdatabase.h"
#include "testmain.h"

#include "integritycheck.h"
#include "jsondump.h"
#include "migrator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

// Migrations keep everything (DESIGN.md contract 4). tests/fixtures holds, for every schema
// version before the latest, a small demo workspace made by the Deltaboard of that version
// (schema-vN.sqlite) and that Deltaboard's export of it (schema-vN.json). Each is upgraded here,
// exported again, and every record of the old export must be in the new one.
namespace {

QString fixtures()
{
    return QStringLiteral(DELTABOARD_FIXTURES_DIR);
}

QJsonObject readExport(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// What identifies a row of each table: its id, or the columns of its primary key.
QStringList keyOf(const QString &table, const QJsonObject &row)
{
    if (row.contains(u"id"_s))
        return {u"id"_s};
    if (table == u"task_deltas"_s)
        return {u"task_id"_s, u"delta_id"_s};
    if (table == u"priorities"_s)
        return {u"organisation_id"_s, u"delta_id"_s};
    if (table == u"impacts"_s)
        return {u"delta_id"_s, u"group_id"_s};
    if (table == u"group_components"_s)
        return {u"group_id"_s, u"component_id"_s};
    return row.keys(); // the whole row
}

QString keyText(const QStringList &columns, const QJsonObject &row)
{
    QStringList parts;
    for (const QString &column : columns)
        parts.append(column + u'=' + row.value(column).toVariant().toString());
    return parts.join(u", "_s);
}

// Fields a migration recomputes on purpose, checked apart: 0002 renumbers every priority's rank
// (keeping each organisation's order per level).
bool recomputed(const QString &table, const QString &field)
{
    return table == u"priorities"_s && field == u"rank"_s;
}

// Each organisation's ranking per level: the deltas in rank order.
QHash<QString, QList<qint64>> rankings(const QJsonArray &priorities)
{
    QList<QJsonObject> rows;
    for (const QJsonValue &value : priorities)
        rows.append(value.toObject());
    std::sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const auto rankOf = [](const QJsonObject &o) {
            return o.value(u"rank"_s).isNull() ? std::numeric_limits<qint64>::max()
                                               : o.value(u"rank"_s).toInteger();
        };
        return std::pair(rankOf(a), a.value(u"delta_id"_s).toInteger())
               < std::pair(rankOf(b), b.value(u"delta_id"_s).toInteger());
    });
    QHash<QString, QList<qint64>> result;
    for (const QJsonObject &row : std::as_const(rows)) {
        result[u"%1/%2"_s.arg(row.value(u"organisation_id"_s).toInteger())
                   .arg(row.value(u"level"_s).toInteger())]
            .append(row.value(u"delta_id"_s).toInteger());
    }
    return result;
}

} // namespace

class UpgradeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldKeepEveryRecordOfEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        const int latest = Migrator::builtin().latestVersion();
        for (int version = 1; version < latest; ++version)
            QTest::newRow(qPrintable(u"schema v%1"_s.arg(version))) << version;
    }

    void shouldKeepEveryRecordOfEveryEarlierVersion()
    {
        QFETCH(int, version);
        const QString name = u"schema-v%1"_s.arg(version);
        const QString fixture = fixtures() + u'/' + name + u".sqlite"_s;
        QVERIFY2(QFile::exists(fixture),
                 qPrintable(u"%1 is missing: every earlier schema version needs a fixture"_s.arg(
                     fixture)));
        const QJsonObject before = readExport(fixtures() + u'/' + name + u".json"_s);
        QCOMPARE(before.value(u"schema_version"_s).toInt(), version);

        // GIVEN a copy of the old database WHEN this Deltaboard opens it
        TempDatabase temp;
        QVERIFY(QFile::copy(fixture, temp.path()));
        QFile(temp.path()).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        auto db = Database::open(temp.path());
        QVERIFY2(db, qPrintable(db.error()));

        // THEN it is upgraded, a copy of the old version was kept, and it is healthy
        QCOMPARE((*db)->schemaVersion(), Migrator::builtin().latestVersion());
        QVERIFY(QFile::exists((*db)->backupPath()));
        const auto findings = IntegrityCheck(**db).run();
        for (const auto &finding : findings)
            QVERIFY2(finding.problem.isEmpty(),
                     qPrintable(finding.what + u": "_s + finding.problem));

        // … and its export holds every record of the old one, field for field
        const QString exported = temp.path(u"after.json"_s);
        QVERIFY(JsonDump(**db).exportTo(exported));
        const QJsonObject after = readExport(exported);
        const QJsonObject oldTables = before.value(u"tables"_s).toObject();
        const QJsonObject newTables = after.value(u"tables"_s).toObject();
        int records = 0;
        for (auto table = oldTables.begin(); table != oldTables.end(); ++table) {
            QVERIFY2(newTables.contains(table.key()), qPrintable(table.key()));
            const QJsonArray oldRows = table.value().toArray();
            const QJsonArray newRows = newTables.value(table.key()).toArray();
            QCOMPARE(newRows.size(), oldRows.size());
            QHash<QString, QJsonObject> byKey;
            for (const QJsonValue &row : newRows) {
                const QJsonObject object = row.toObject();
                byKey.insert(keyText(keyOf(table.key(), object), object), object);
            }
            for (const QJsonValue &row : oldRows) {
                const QJsonObject old = row.toObject();
                const QString key = keyText(keyOf(table.key(), old), old);
                QVERIFY2(byKey.contains(key), qPrintable(table.key() + u": "_s + key));
                const QJsonObject now = byKey.value(key);
                for (auto field = old.begin(); field != old.end(); ++field) {
                    if (recomputed(table.key(), field.key()))
                        continue;
                    QVERIFY2(now.value(field.key()) == field.value(),
                             qPrintable(u"%1 (%2).%3"_s.arg(table.key(), key, field.key())));
                }
                ++records;
            }
        }
        QVERIFY(records > 400);
        QCOMPARE(rankings(newTables.value(u"priorities"_s).toArray()),
                 rankings(oldTables.value(u"priorities"_s).toArray()));
    }
};

DELTABOARD_TEST_MAIN(UpgradeTest)
#include "upgradetest.moc"
