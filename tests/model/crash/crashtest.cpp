#include "testmain.h"

#include "crashparser.h"
#include "crashsignature.h"
#include "crashtype.h"

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

    // Every sample's type as a triager says it, beside the raw name the text gives. Where
    // ClusterFuzz's expectations name a type (clusterfuzz_crash_state_cases.json), ours says the
    // same in lower case ("Null-dereference READ", "Heap-use-after-free READ 8",
    // "Stack-overflow"); it says more where ClusterFuzz repeats the raw name ("SIGTRAP", cdb's
    // "READ" at address 0) or the runtime's generic words ("Uncaught exception").
    void shouldNameEverySamplesCrashTypeAsATriagerWould_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("raw");
        const QHash<QString, std::pair<QString, QString>> expected = {
            {u"apple/XCDYouTubeKit-54.txt"_s, {u"null-dereference"_s, u"SIGSEGV"_s}}, // at 0x8
            {u"apple/handcrafted.txt"_s, {u"null-dereference"_s, u"SIGSEGV"_s}},      // at 0x88
            {u"apple/spaces.txt"_s, {QString(), QString()}}, // frames only, no header
            {u"asan/cf_asan_double_free.txt"_s, {u"double-free"_s, u"double-free"_s}},
            {u"asan/cf_asan_null_dereference_read.txt"_s, {u"null-dereference READ"_s, u"SEGV"_s}},
            {u"asan/cf_asan_stack_overflow3.txt"_s, {u"stack-overflow"_s, u"stack-overflow"_s}},
            // KCrash's handler says which signal: sig=11, sig=6.
            {u"drkonqi/test_a.txt"_s, {u"segmentation fault"_s, u"SIGSEGV"_s}},
            {u"drkonqi/test_b.txt"_s, {u"segmentation fault"_s, u"SIGSEGV"_s}},
            {u"drkonqi/test_d.txt"_s, {u"segmentation fault"_s, u"SIGSEGV"_s}},
            {u"drkonqi/test_compositorCrashBug431561.txt"_s, {u"fatal error"_s, u"SIGABRT"_s}},
            {u"gdb/cf_gdb_sigtrap.txt"_s, {u"breakpoint trap"_s, u"SIGTRAP"_s}},
            {u"gdb/drkonqi_test_anon_namespace.txt"_s, {u"segmentation fault"_s, u"SIGSEGV"_s}},
            {u"gdb/drkonqi_test_trailing_const.txt"_s, {u"segmentation fault"_s, u"SIGSEGV"_s}},
            {u"java/cf_java_severity_medium_exception.txt"_s,
             {u"uncaught com.code_intelligence.jazzer.api.FuzzerSecurityIssueMedium"_s,
              u"com.code_intelligence.jazzer.api.FuzzerSecurityIssueMedium"_s}},
            {u"java/jcrashpack_XWIKI-13031-log.txt"_s,
             {u"uncaught org.apache.solr.client.solrj.SolrServerException"_s,
              u"org.apache.solr.client.solrj.SolrServerException"_s}},
            {u"java/socorro_fennec_BadTokenException.txt"_s,
             {u"uncaught android.view.WindowManager$BadTokenException"_s,
              u"android.view.WindowManager$BadTokenException"_s}},
            {u"java/socorro_fennec_IllegalArgumentException_view_not_child.txt"_s,
             {u"uncaught java.lang.IllegalArgumentException"_s,
              u"java.lang.IllegalArgumentException"_s}},
            // Breakpad's EXCEPTION_ACCESS_VIOLATION_WRITE at 0x45, rust-minidump's SIGSEGV at
            // 0x45 (no access named).
            {u"minidump-stackwalk/breakpad_minidump2.stackwalk.out.txt"_s,
             {u"null-dereference WRITE"_s, u"EXCEPTION_ACCESS_VIOLATION_WRITE"_s}},
            {u"minidump-stackwalk/rust-minidump_linux_human.txt"_s,
             {u"null-dereference"_s, u"SIGSEGV"_s}},
            {u"python/cf_python_unhandled_exception.txt"_s,
             {u"uncaught EOFError"_s, u"EOFError"_s}},
            {u"python/cf_python_exception_with_fuzz_target_exited.txt"_s,
             {u"uncaught ValueError"_s, u"ValueError"_s}},
            {u"python/loguru_nested_with_reraise.txt"_s,
             {u"uncaught ValueError"_s, u"ValueError"_s}},
            {u"windows/cf_cdb_read.txt"_s, {u"null-dereference READ"_s, u"Access violation"_s}},
            {u"windows/cf_windows_crash_log.txt"_s,
             {u"heap-use-after-free READ 8"_s, u"heap-use-after-free"_s}},
        };
        QDirIterator it(samples(), {u"*.txt"_s}, QDir::Files, QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString name = QDir(samples()).relativeFilePath(path);
            if (name.startsWith(u"_reference/"_s) || name.startsWith(u"expectations/"_s))
                continue;
            // A sample added without its expected type fails here rather than going untested.
            QVERIFY2(expected.contains(name), qPrintable(u"no expected type for "_s + name));
            QTest::newRow(qPrintable(name))
                << path << expected.value(name).first << expected.value(name).second;
            ++count;
        }
        QCOMPARE(count, expected.size());
    }

    void shouldNameEverySamplesCrashTypeAsATriagerWould()
    {
        QFETCH(QString, path);
        QFETCH(QString, type);
        QFETCH(QString, raw);
        const auto parsed = CrashParser::parse(readText(path), path);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->crashType, type);
        QCOMPARE(parsed->exceptionType, raw);
        // Shown together: the type first, the raw name beside it when it adds something.
        const QString shown = CrashTypes::describe(*parsed);
        QVERIFY2(shown.startsWith(type), qPrintable(shown));
        if (!raw.isEmpty())
            QVERIFY2(shown.contains(raw), qPrintable(shown));
        // The raw name in parentheses only where the type does not already say it.
        QCOMPARE(shown.contains(u'(' + raw + u')'), !raw.isEmpty() && !type.contains(raw));
    }

    // The same texts with their crash told otherwise, as other runs print it: the type follows
    // what the text shows.
    void shouldNameTheCrashTypeFromWhatTheTextShows_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("raw");
        const QString asanNull = u"asan/cf_asan_null_dereference_read.txt"_s;
        const QString asanHeader
            = u"AddressSanitizer: SEGV on unknown address 0x000000000008 (pc 0x7efef5995c27 bp "_s
              u"0x7fff15768f00 sp 0x7fff15768ef0 T0)"_s;
        QTest::newRow("ASan SEGV near null, WRITE")
            << asanNull << u"caused by a READ memory access"_s
            << u"caused by a WRITE memory access"_s << u"null-dereference WRITE"_s << u"SEGV"_s;
        QTest::newRow("ASan SEGV far from null")
            << asanNull << u"SEGV on unknown address 0x000000000008"_s
            << u"SEGV on unknown address 0x7f0012345678"_s << u"unknown-address READ"_s
            << u"SEGV"_s;
        QTest::newRow("ASan container-overflow")
            << asanNull << asanHeader
            << u"AddressSanitizer: container-overflow on address 0x602000000014 at pc "_s
               u"0x4f3a2c bp 0x7ffd sp 0x7ffd\nREAD of size 4 at 0x602000000014 thread T0"_s
            << u"container-overflow READ 4"_s << u"container-overflow"_s;
        QTest::newRow("ASan heap-buffer-overflow")
            << asanNull << asanHeader
            << u"AddressSanitizer: heap-buffer-overflow on address 0x602000000018 at pc "_s
               u"0x4f3a2c bp 0x7ffd sp 0x7ffd\nWRITE of size 8 at 0x602000000018 thread T0"_s
            << u"heap-buffer-overflow WRITE 8"_s << u"heap-buffer-overflow"_s;
        QTest::newRow("ASan FPE with UBSan's words")
            << asanNull << asanHeader
            << u"AddressSanitizer: FPE on unknown address 0x0000004f3a2c (pc 0x4f3a2c bp 0x7ffd "_s
               u"sp 0x7ffd T0)\nsrc/parse.c:12:7: runtime error: division by zero"_s
            << u"divide-by-zero"_s << u"FPE"_s;
        QTest::newRow("Breakpad integer divide by zero")
            << u"minidump-stackwalk/breakpad_minidump2.stackwalk.out.txt"_s
            << u"EXCEPTION_ACCESS_VIOLATION_WRITE"_s << u"EXCEPTION_INT_DIVIDE_BY_ZERO"_s
            << u"divide-by-zero"_s << u"EXCEPTION_INT_DIVIDE_BY_ZERO"_s;
        QTest::newRow("rust-minidump SIGFPE / FPE_INTDIV")
            << u"minidump-stackwalk/rust-minidump_linux_human.txt"_s << u"Crash reason:  SIGSEGV"_s
            << u"Crash reason:  SIGFPE / FPE_INTDIV"_s << u"divide-by-zero"_s
            << u"SIGFPE / FPE_INTDIV"_s;
        QTest::newRow("cdb integer divide-by-zero")
            << u"windows/cf_cdb_read.txt"_s << u"c0000005 (Access violation)"_s
            << u"c0000094 (Integer divide-by-zero)"_s << u"divide-by-zero"_s
            << u"Integer divide-by-zero"_s;
        QTest::newRow("cdb write access violation")
            << u"windows/cf_cdb_read.txt"_s << u"Attempt to read from address"_s
            << u"Attempt to write to address"_s << u"null-dereference WRITE"_s
            << u"Access violation"_s;
        QTest::newRow("gdb SIGFPE without its si_code")
            << u"gdb/cf_gdb_sigtrap.txt"_s
            << u"Program received signal SIGTRAP, Trace/breakpoint trap."_s
            << u"Program received signal SIGFPE, Arithmetic exception."_s
            << u"arithmetic exception"_s << u"SIGFPE"_s;
        QTest::newRow("gdb SIGFPE with FPE_INTDIV")
            << u"gdb/cf_gdb_sigtrap.txt"_s
            << u"Program received signal SIGTRAP, Trace/breakpoint trap."_s
            << u"Program received signal SIGFPE, Arithmetic exception.\n"_s
               u"$1 = {si_signo = 8, si_code = 1 (FPE_INTDIV)}"_s
            << u"divide-by-zero"_s << u"SIGFPE"_s;
        QTest::newRow("gdb abort on an assertion")
            << u"gdb/cf_gdb_sigtrap.txt"_s
            << u"Program received signal SIGTRAP, Trace/breakpoint trap."_s
            << u"app: src/model.cpp:42: void f(): Assertion `index < size' failed.\n"_s
               u"Program received signal SIGABRT, Aborted."_s
            << u"assertion failure"_s << u"SIGABRT"_s;
        QTest::newRow("DrKonqi header's signal words")
            << u"drkonqi/test_b.txt"_s << u"[Current thread is 0 (LWP 2636)]"_s
            << u"Application: Dolphin (dolphin), signal: Segmentation fault\n"_s
               u"[Current thread is 0 (LWP 2636)]"_s
            << u"segmentation fault"_s << u"Segmentation fault"_s;
        QTest::newRow("Java uncaught NullPointerException")
            << u"java/socorro_fennec_IllegalArgumentException_view_not_child.txt"_s
            << u"java.lang.IllegalArgumentException: Given view not a child of "_s
               u"android.widget.AbsoluteLayout@4054b560"_s
            << u"java.lang.NullPointerException"_s << u"uncaught java.lang.NullPointerException"_s
            << u"java.lang.NullPointerException"_s;
    }

    void shouldNameTheCrashTypeFromWhatTheTextShows()
    {
        QFETCH(QString, sample);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, type);
        QFETCH(QString, raw);
        QString text = readText(samples() + u'/' + sample);
        QVERIFY2(text.contains(from), qPrintable(from)); // the sample still says what we replace
        text.replace(from, to);
        const auto parsed = CrashParser::parse(text, sample);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->crashType, type);
        QCOMPARE(parsed->exceptionType, raw);
    }

    // A traceback whose "Traceback (most recent call last):" header was cut off is still read:
    // detected as Python, its frames and exception as with the header.
    void shouldReadAPythonTraceWithoutItsHeader_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::newRow("loguru") << u"python/loguru_nested_with_reraise.txt"_s;
        QTest::newRow("clusterfuzz") << u"python/cf_python_unhandled_exception.txt"_s;
    }

    void shouldReadAPythonTraceWithoutItsHeader()
    {
        QFETCH(QString, sample);
        const QString text = readText(samples() + u'/' + sample);
        const auto whole = CrashParser::parse(text, sample);
        QVERIFY2(whole, qPrintable(whole.error()));
        // Cut off everything up to and including the last header: its frames remain.
        const QString header = u"Traceback (most recent call last):"_s;
        const qsizetype cut = text.lastIndexOf(header);
        QVERIFY(cut >= 0);
        const QString tail = text.mid(cut + header.size());
        QVERIFY(!tail.contains(header));
        QCOMPARE(CrashParser::detect(tail), CrashFormat::Python);
        const auto headless = CrashParser::parse(tail, sample);
        QVERIFY2(headless, qPrintable(headless.error()));
        QCOMPARE(headless->exceptionType, whole->exceptionType);
        QCOMPARE(headless->crashType, whole->crashType);
        QVERIFY(!headless->crashing()->frames.isEmpty());
        QCOMPARE(headless->crashing()->frames.first().function,
                 whole->crashing()->frames.first().function);
        QCOMPARE(headless->crashing()->frames.first().line, whole->crashing()->frames.first().line);
        QCOMPARE(headless->crashing()->frames.size(), whole->crashing()->frames.size());
        QCOMPARE(Signatures::signatureOf(*headless), Signatures::signatureOf(*whole));
        // Frames alone, without even the exception line.
        const QString framesOnly = tail.left(tail.indexOf(u"\n"_s + whole->exceptionType));
        const auto bare = CrashParser::parse(framesOnly, sample);
        QVERIFY2(bare, qPrintable(bare.error()));
        QCOMPARE(bare->format, CrashFormat::Python);
        QCOMPARE(bare->crashing()->frames.first().function,
                 whole->crashing()->frames.first().function);
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
