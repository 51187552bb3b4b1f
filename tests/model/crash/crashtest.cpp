#include "testmain.h"

#include "crashparser.h"
#include "crashsignature.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Deltaboard;

namespace {

QString samples()
{
    return QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes"_s;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QJsonObject readJson(const QString &name)
{
    return QJsonDocument::fromJson(readText(samples() + u"/expectations/"_s + name).toUtf8())
        .object();
}

// The frames of the threads in one of the Apple parser's insta snapshots (a YAML subset: two
// levels of "- " lists with "key: value" lines).
struct SnapshotFrame
{
    QString module, symbol, filename, lineno, address;
};
struct SnapshotThread
{
    QString id, name;
    bool crashed = false;
    QList<SnapshotFrame> frames;
};

QList<SnapshotThread> readSnapshotThreads(const QString &path)
{
    QList<SnapshotThread> threads;
    bool inThreads = false;
    const QStringList lines = readText(path).split(u'\n');
    const auto value = [](const QString &line) {
        QString v = line.section(u':', 1).trimmed();
        if (v.startsWith(u'"') && v.endsWith(u'"'))
            v = v.mid(1, v.size() - 2);
        return v;
    };
    for (const QString &line : lines) {
        if (line == u"threads:"_s) {
            inThreads = true;
            continue;
        }
        if (!inThreads)
            continue;
        if (!line.startsWith(u' ') && !line.isEmpty())
            break; // the next top-level key (binary_images…)
        const QString trimmed = line.trimmed();
        if (line.startsWith(u"  - id:"_s)) {
            threads.append({value(trimmed), {}, false, {}});
        } else if (line.startsWith(u"    name:"_s)) {
            threads.last().name = value(trimmed);
        } else if (line.startsWith(u"    crashed:"_s)) {
            threads.last().crashed = value(trimmed) == u"true"_s;
        } else if (line.startsWith(u"      - "_s)) {
            threads.last().frames.append(SnapshotFrame{});
            const QString field = trimmed.mid(2);
            SnapshotFrame &frame = threads.last().frames.last();
            const QString key = field.section(u':', 0, 0);
            if (key == u"module"_s)
                frame.module = value(field);
            else if (key == u"symbol"_s)
                frame.symbol = value(field);
            else if (key == u"filename"_s)
                frame.filename = value(field);
            else if (key == u"lineno"_s)
                frame.lineno = value(field);
            else if (key == u"instruction_addr"_s)
                frame.address = value(field);
        } else if (line.startsWith(u"        "_s) && !threads.isEmpty()
                   && !threads.last().frames.isEmpty()) {
            SnapshotFrame &frame = threads.last().frames.last();
            const QString key = trimmed.section(u':', 0, 0);
            if (key == u"module"_s)
                frame.module = value(trimmed);
            else if (key == u"symbol"_s)
                frame.symbol = value(trimmed);
            else if (key == u"filename"_s)
                frame.filename = value(trimmed);
            else if (key == u"lineno"_s)
                frame.lineno = value(trimmed);
            else if (key == u"instruction_addr"_s)
                frame.address = value(trimmed);
        }
    }
    return threads;
}

} // namespace

// Crash texts from public projects (../shared/samples/crashes) and the expectations that came
// with them: every sample parses in its own format, and our signatures agree with Socorro's and
// ClusterFuzz's where they apply (where we differ on purpose, the case says why).
class CrashTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldDetectAndParseEverySample_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QDirIterator it(samples(), {u"*.txt"_s}, QDir::Files, QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString folder = QFileInfo(path).dir().dirName();
            if (path.contains(u"/_reference/"_s) || folder == u"expectations"_s)
                continue;
            QTest::newRow(qPrintable(folder + u'/' + QFileInfo(path).fileName())) << path << folder;
            ++count;
        }
        QVERIFY2(count >= 20, "the crash samples are missing");
    }

    void shouldDetectAndParseEverySample()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        const QString text = readText(path);
        const auto detected = CrashParser::detect(text);
        QVERIFY(detected);
        QCOMPARE(CrashParser::formatName(*detected), format);
        const auto parsed = CrashParser::parse(text, path);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const CrashThread *crashing = parsed->crashing();
        QVERIFY(crashing);
        QVERIFY(!crashing->frames.isEmpty());
        // Every sample's crashing thread names at least one function or module.
        QVERIFY(std::any_of(
            crashing->frames.cbegin(), crashing->frames.cend(),
            [](const CrashFrame &f) { return !f.function.isEmpty() || !f.module.isEmpty(); }));
        QVERIFY(!Signatures::signatureOf(*parsed).isEmpty());
    }

    void shouldReadFramesAsTheyArePrinted()
    {
        // A wrapped gdb frame (DrKonqi test_d): one frame, file and line from the second line.
        const auto d = CrashParser::parse(readText(samples() + u"/drkonqi/test_d.txt"_s));
        QVERIFY2(d, qPrintable(d.error()));
        const CrashFrame &first = d->crashing()->frames.first();
        QCOMPARE(first.function, u"QBasicAtomicInt::ref"_s);
        QCOMPARE(first.line, 116);
        QVERIFY(first.file.endsWith(u"qatomic_i386.h"_s));
        // Inlined frames have no address (compositor sample, thread 7 frame #1).
        const auto compositor = CrashParser::parse(
            readText(samples() + u"/drkonqi/test_compositorCrashBug431561.txt"_s));
        QVERIFY(compositor);
        QCOMPARE(compositor->threads.size(), 7);
        QCOMPARE(compositor->threads.first().frames.at(1).function, u"do_gettime"_s);
        QVERIFY(compositor->threads.first().frames.at(1).inlined);
        QCOMPARE(compositor->crashing()->name, u"Thread 1"_s);
        // Below the signal handler only: the crash handler's frames are not part of the crash.
        QCOMPARE(compositor->crashing()->frames.first().function, u"__GI_raise"_s);

        // gdb 'bt' with a signal line: the exception type.
        const auto sigtrap = CrashParser::parse(readText(samples() + u"/gdb/cf_gdb_sigtrap.txt"_s));
        QVERIFY(sigtrap);
        QCOMPARE(sigtrap->exceptionType, u"SIGTRAP"_s);
        QCOMPARE(sigtrap->crashing()->frames.size(), 7);
        QCOMPARE(sigtrap->crashing()->frames.at(2).function, u"xymodem_trnasfer"_s);
        QCOMPARE(sigtrap->crashing()->frames.at(2).file, u"usbdev/protocol_xymodem.c"_s);

        // Breakpad: module!function [file : line + off], the crash reason and the OS.
        const auto breakpad = CrashParser::parse(
            readText(samples() + u"/minidump-stackwalk/breakpad_minidump2.stackwalk.out.txt"_s));
        QVERIFY(breakpad);
        QCOMPARE(breakpad->platform, u"Windows NT"_s);
        QCOMPARE(breakpad->exceptionType, u"EXCEPTION_ACCESS_VIOLATION_WRITE"_s);
        QCOMPARE(breakpad->crashing()->frames.first().module, u"test_app.exe"_s);
        QCOMPARE(breakpad->crashing()->frames.first().function,
                 u"`anonymous namespace'::CrashFunction"_s);
        QCOMPARE(breakpad->crashing()->frames.first().line, 58);
        QCOMPARE(Signatures::signatureOf(*breakpad), u"(anonymous namespace)::CrashFunction"_s);

        // Python: chained tracebacks are threads, the last one raised is the crash.
        const auto loguru
            = CrashParser::parse(readText(samples() + u"/python/loguru_nested_with_reraise.txt"_s));
        QVERIFY(loguru);
        QVERIFY(loguru->threads.size() >= 4);
        QCOMPARE(loguru->crashingThread, int(loguru->threads.size()) - 1);

        // Java: "Caused by:" threads, "... N more" skipped, log prefixes ignored.
        const auto xwiki
            = CrashParser::parse(readText(samples() + u"/java/jcrashpack_XWIKI-13031-log.txt"_s));
        QVERIFY(xwiki);
        QCOMPARE(xwiki->exceptionType, u"org.apache.solr.client.solrj.SolrServerException"_s);
        QVERIFY(xwiki->threads.size() >= 3);
        QCOMPARE(xwiki->crashing()->frames.first().function,
                 u"org.apache.solr.client.solrj.embedded.EmbeddedSolrServer.request"_s);
        QCOMPARE(xwiki->crashing()->frames.first().line, 240);
    }

    void shouldMatchTheAppleParserSnapshots_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : {u"handcrafted"_s, u"spaces"_s, u"XCDYouTubeKit-54"_s})
            QTest::newRow(qPrintable(name)) << name;
    }

    void shouldMatchTheAppleParserSnapshots()
    {
        QFETCH(QString, name);
        const auto parsed
            = CrashParser::parse(readText(samples() + u"/apple/"_s + name + u".txt"_s));
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const QList<SnapshotThread> expected = readSnapshotThreads(
            samples() + u"/expectations/apple_parser_snapshot__"_s + name + u".snap"_s);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(parsed->threads.size(), expected.size());
        for (int t = 0; t < expected.size(); ++t) {
            const CrashThread &thread = parsed->threads.at(t);
            const SnapshotThread &want = expected.at(t);
            QCOMPARE(thread.crashed, want.crashed);
            if (!want.name.isEmpty())
                QCOMPARE(thread.name, want.name);
            QCOMPARE(thread.frames.size(), want.frames.size());
            for (int f = 0; f < want.frames.size(); ++f) {
                const CrashFrame &frame = thread.frames.at(f);
                const SnapshotFrame &w = want.frames.at(f);
                QCOMPARE(frame.module, w.module);
                QCOMPARE(frame.function, w.symbol);
                QCOMPARE(frame.file, w.filename);
                QCOMPARE(frame.line >= 0 ? QString::number(frame.line) : QString(), w.lineno);
                QCOMPARE(frame.address, w.address);
            }
        }
    }

    void shouldNormaliseAsSocorroDoes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QString>("expected");
        const QJsonObject cases = readJson(u"socorro_normalize_cases.json"_s);
        int n = 0;
        for (const QString &kind :
             {u"normalize_cpp_function"_s, u"normalize_rust_function"_s, u"normalize_frame"_s}) {
            const QJsonArray list = cases.value(kind).toArray();
            for (const QJsonValue &value : list) {
                const QJsonObject c = value.toObject();
                QTest::newRow(qPrintable(u"%1 %2"_s.arg(kind).arg(++n)))
                    << kind << c << c.value(u"expected"_s).toString();
            }
        }
    }

    void shouldNormaliseAsSocorroDoes()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, input);
        QFETCH(QString, expected);
        // The test-only list of Socorro's test: "fnNeedNumber" gets its line number.
        const SignatureLists lists
            = SignatureLists::fromTexts({}, {}, {}, {u"fnNeedNumber"_s, u"js_Interpret"_s});
        if (kind == u"normalize_frame"_s) {
            const QJsonObject in = input.value(u"input"_s).toObject();
            // Ten derived cases lost their inputs when they were extracted from Socorro's
            // parametrised tests: the input is the literal placeholders "module", "function",
            // "filename" while the expectation belongs to a Java frame. Nothing can produce it.
            if (in.value(u"function"_s).toString() == u"function"_s
                || in.value(u"function"_s).toString() == u"filename"_s) {
                QSKIP("derived case without its real input (placeholders 'module'/'function')");
            }
            FrameFields frame;
            frame.module = in.value(u"module"_s).toString();
            frame.function = in.value(u"function"_s).toString();
            frame.file = in.value(u"file"_s).toString();
            frame.line = in.value(u"line"_s).toString();
            frame.moduleOffset = in.value(u"module_offset"_s).toString();
            frame.offset = in.value(u"offset"_s).toString();
            for (const QJsonValue &unloaded : in.value(u"unloaded_modules"_s).toArray())
                frame.unloadedModules.append(unloaded.toObject().value(u"module"_s).toString());
            QCOMPARE(Signatures::normalizeFrame(frame, lists), expected);
            return;
        }
        const QString function = input.value(u"function"_s).toString();
        const QString line = input.value(u"line"_s).toString();
        if (kind == u"normalize_rust_function"_s)
            QCOMPARE(Signatures::normalizeRustFunction(function, line, lists), expected);
        else
            QCOMPARE(Signatures::normalizeCppFunction(function, line, lists), expected);
    }

    void shouldSignFramesAsSocorroDoes_data()
    {
        QTest::addColumn<QJsonObject>("crash");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QStringList>("frames");
        const QJsonArray cases
            = readJson(u"socorro_frames_signature_cases.json"_s).value(u"cases"_s).toArray();
        for (const QJsonValue &value : cases) {
            const QJsonObject c = value.toObject();
            QStringList frames;
            for (const QJsonValue &frame : c.value(u"expected_normalized_frames"_s).toArray())
                frames.append(frame.toString());
            QTest::newRow(qPrintable(c.value(u"test"_s).toString()))
                << c.value(u"crash_data"_s).toObject()
                << c.value(u"expected_signature"_s).toString() << frames;
        }
    }

    void shouldSignFramesAsSocorroDoes()
    {
        QFETCH(QJsonObject, crash);
        QFETCH(QString, signature);
        QFETCH(QStringList, frames);
        const QJsonArray threads = crash.value(u"threads"_s).toArray();
        QList<CrashFrame> stack;
        for (const QJsonValue &value : threads.first().toObject().value(u"frames"_s).toArray()) {
            const QJsonObject f = value.toObject();
            CrashFrame frame;
            frame.function = f.value(u"function"_s).toString();
            frame.module = f.value(u"module"_s).toString();
            frame.file = f.value(u"file"_s).toString();
            frame.line = f.value(u"line"_s).toInt(-1);
            stack.append(frame);
        }
        QStringList normalized;
        for (const CrashFrame &frame : std::as_const(stack))
            normalized.append(Signatures::normalizeFrame(Signatures::fieldsOf(frame)));
        QCOMPARE(normalized, frames);
        // Both walks agree: over normalised frames, and over parsed ones normalised lazily.
        QCOMPARE(Signatures::generate(normalized).text, signature);
        QCOMPARE(Signatures::generate(stack).text, signature);
    }

    void shouldSignJavaAsSocorroDoes_data()
    {
        QTest::addColumn<QString>("trace");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<QString>("signature");
        const QJsonObject cases = readJson(u"socorro_java_signature_cases.json"_s);
        for (const QString &group : {u"real"_s, u"synthetic"_s}) {
            for (const QJsonValue &value : cases.value(group).toArray()) {
                const QJsonObject c = value.toObject();
                const QString trace
                    = c.contains(u"sample_file"_s)
                          ? readText(samples() + u'/' + c.value(u"sample_file"_s).toString())
                          : c.value(u"java_stack_trace"_s).toString();
                QTest::newRow(qPrintable(c.value(u"socorro_test"_s).toString()))
                    << trace << c.value(u"delimiter"_s).toString()
                    << c.value(u"expected_signature"_s).toString();
            }
        }
    }

    void shouldSignJavaAsSocorroDoes()
    {
        QFETCH(QString, trace);
        QFETCH(QString, delimiter);
        QFETCH(QString, signature);
        QCOMPARE(Signatures::javaSignature(trace, delimiter), signature);
    }

    void shouldFindClusterFuzzCrashStates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QStringList>("state");
        const QJsonArray cases
            = readJson(u"clusterfuzz_crash_state_cases.json"_s).value(u"cases"_s).toArray();
        for (const QJsonValue &value : cases) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c.value(u"sample_file"_s).toString()))
                << samples() + u'/' + c.value(u"sample_file"_s).toString()
                << c.value(u"type"_s).toString() << c.value(u"address"_s).toString()
                << c.value(u"state"_s).toString().split(u'\n', Qt::SkipEmptyParts);
        }
    }

    void shouldFindClusterFuzzCrashStates()
    {
        QFETCH(QString, path);
        QFETCH(QString, type);
        QFETCH(QString, address);
        QFETCH(QStringList, state);
        const QString text = readText(path);
        const auto parsed = CrashParser::parse(text, path);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const Signatures::CrashState found = Signatures::crashState(*parsed, text);
        QCOMPARE(found.frames, state);
        QCOMPARE(found.type, type);
        // Addresses compare as numbers (ClusterFuzz pads them to twelve digits).
        QCOMPARE(found.address.mid(2).toULongLong(nullptr, 16),
                 address.mid(2).toULongLong(nullptr, 16));
    }

    void shouldRateBacktracesAsDrKonqiDoes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("usefulness");
        QTest::addColumn<int>("compositor"); // -1: not stated
        const QJsonArray cases = readJson(u"drkonqi_cases.json"_s).value(u"cases"_s).toArray();
        for (const QJsonValue &value : cases) {
            const QJsonObject c = value.toObject();
            if (!c.contains(u"usefulness"_s) && !c.contains(u"compositorCrash"_s))
                continue; // parser benchmark inputs without an expectation
            QTest::newRow(qPrintable(c.value(u"sample_file"_s).toString()))
                << samples() + u'/' + c.value(u"sample_file"_s).toString()
                << c.value(u"usefulness"_s).toString()
                << (c.contains(u"compositorCrash"_s) ? int(c.value(u"compositorCrash"_s).toBool())
                                                     : -1);
        }
    }

    void shouldRateBacktracesAsDrKonqiDoes()
    {
        QFETCH(QString, path);
        QFETCH(QString, usefulness);
        QFETCH(int, compositor);
        const auto parsed = CrashParser::parse(readText(path), path);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        if (!usefulness.isEmpty())
            QCOMPARE(Signatures::usefulnessName(Signatures::usefulness(*parsed)), usefulness);
        if (compositor >= 0)
            QCOMPARE(Signatures::compositorCrashed(*parsed), bool(compositor));
    }

    void shouldSignQtFatalsAtTheirCaller()
    {
        const auto compositor = CrashParser::parse(
            readText(samples() + u"/drkonqi/test_compositorCrashBug431561.txt"_s));
        QVERIFY(compositor);
        QCOMPARE(Signatures::signatureOf(*compositor),
                 u"QMessageLogger::fatal | QtWaylandClient::QWaylandDisplay::checkError"_s);
    }

    void shouldRefuseTextInNoKnownFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("prose") << u"Hello,\nthe app closed when I clicked Save.\nThanks"_s
                               << u"not a crash text in any known format"_s;
        QTest::newRow("empty") << QString() << u"(empty)"_s;
        QTest::newRow("truncated gdb")
            << u"Thread 1 (Thread 0x7f (LWP 1)):\n#"_s << u"not a crash text"_s;
        QTest::newRow("apple without frames")
            << u"Incident Identifier: X\nVersion: 1\nThread 0 Crashed:\n"_s
            << u"no stack frames in its crashing thread"_s;
        QTest::newRow("minidump without threads")
            << u"Crash reason:  SIGSEGV\nThread 0 (crashed)\n"_s << u"no stack frames"_s;
    }

    void shouldRefuseTextInNoKnownFormat()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto parsed = CrashParser::parse(text, u"paste.txt"_s);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().startsWith(u"paste.txt: "_s), qPrintable(parsed.error()));
        QVERIFY2(parsed.error().contains(expected), qPrintable(parsed.error()));
    }
};

DELTABOARD_TEST_MAIN(CrashTest)
#include "crashtest.moc"
