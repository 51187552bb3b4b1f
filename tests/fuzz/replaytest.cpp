#include "fuzztargets.h"
#include "testmain.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

// Every input the fuzzers kept (tests/fuzz/corpus/TARGET: inputs that reached new code;
// tests/fuzz/crashes/TARGET: inputs that once crashed a target, kept after the fix) runs
// through its target in the normal suite, so a reader change that breaks on one of them fails
// here, with ./scripts/test --sanitize finding memory errors too.
class FuzzReplayTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSurviveEveryKeptInput_data()
    {
        QTest::addColumn<QString>("name");
        for (const DeltaboardFuzz::Target &target : DeltaboardFuzz::targets())
            QTest::newRow(qPrintable(target.name)) << target.name;
    }

    void shouldSurviveEveryKeptInput()
    {
        QFETCH(QString, name);
        const DeltaboardFuzz::Target *target = DeltaboardFuzz::target(name);
        QVERIFY(target);
        int inputs = 0;
        for (const QString &kind : {u"corpus"_s, u"crashes"_s}) {
            const QDir folder(QStringLiteral(DELTABOARD_FUZZ_DIR) + u'/' + kind + u'/' + name);
            const QStringList files = folder.entryList(QDir::Files, QDir::Name);
            for (const QString &file : files) {
                QFile input(folder.filePath(file));
                QVERIFY2(input.open(QIODevice::ReadOnly), qPrintable(input.fileName()));
                const QByteArray bytes = input.readAll();
                QCOMPARE(target->run(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                     std::size_t(bytes.size())),
                         0);
                ++inputs;
            }
        }
        // A target with no kept input would pass here without having been tried.
        QVERIFY2(inputs > 0, qPrintable(u"no inputs kept for %1: run scripts/fuzz %1"_s.arg(name)));
        qInfo("%s: %d inputs", qPrintable(name), inputs);
    }
};

DELTABOARD_TEST_MAIN(FuzzReplayTest)
#include "replaytest.moc"
