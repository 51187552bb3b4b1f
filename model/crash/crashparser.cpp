#include "crashparser.h"

#include "inputtext.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// Patterns are compiled once; all crash texts go through a handful of them.
const QRegularExpression &re(const char *pattern)
{
    // One cache per pattern literal, keyed by its address (the literals live for the program).
    static thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end()) {
        QRegularExpression expression(QString::fromLatin1(pattern),
                                      QRegularExpression::UseUnicodePropertiesOption);
        expression.optimize();
        it = cache.insert(pattern, expression);
    }
    return *it;
}

QString normalAddress(const QString &address)
{
    // "0x00007fff61bc6c2a" -> "0x7fff61bc6c2a": leading zeros say nothing.
    QString digits = address.toLower();
    if (digits.startsWith(u"0x"_s))
        digits = digits.mid(2);
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);
    return digits.isEmpty() ? QString() : u"0x"_s + digits;
}

// Lines longer than this are cut before any pattern sees them: no frame line is that long, and
// patterns with a lazy group before a run of spaces would take quadratic time on a huge line.
constexpr qsizetype kMaxLineLength = 2048;

QStringList lines(const QString &text)
{
    QString normalised = text;
    normalised.replace(u"\r\n"_s, u"\n"_s);
    normalised.replace(u'\r', u'\n');
    QStringList result = normalised.split(u'\n');
    for (QString &line : result) {
        if (line.size() > kMaxLineLength)
            line.truncate(kMaxLineLength);
    }
    return result;
}

// "file:line" or "file:line:column" at the end of a location.
void splitFileLine(const QString &location, CrashFrame &frame)
{
    const auto match = re(R"(^(.*?):(\d+)(?::\d+)?$)").match(location.trimmed());
    if (match.hasMatch()) {
        frame.file = match.captured(1);
        frame.line = match.captured(2).toInt();
    } else {
        frame.file = location.trimmed();
    }
}

// gdb prints "func (args)"; the function name may itself hold parentheses: "(anonymous
// namespace)::f", "operator()", "Foo::operator==(QLatin1String const&) const". The name is what
// comes before the argument list that starts at the first top-level " (" (or "(" at the end).
QString gdbFunctionName(const QString &call)
{
    QString text = call;
    const QString anonymous = u"(anonymous namespace)"_s;
    const QString placeholder = u"\x01"_s;
    text.replace(anonymous, placeholder);
    text.replace(u"operator()"_s, u"\x02"_s);
    int depth = 0;
    int cut = -1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'<')
            ++depth;
        else if (c == u'>' && depth > 0)
            --depth;
        else if (c == u'(' && depth == 0) {
            cut = i;
            break;
        }
    }
    QString name = (cut >= 0 ? text.left(cut) : text).trimmed();
    name.replace(placeholder, anonymous);
    name.replace(u"\x02"_s, u"operator()"_s);
    return name;
}

// ---- gdb and DrKonqi -------------------------------------------------------------------------

std::optional<CrashFrame> gdbFrame(const QString &line, int *number)
{
    const auto match = re(R"(^#(\d+)\s+(?:(0x[0-9a-fA-F]+)\s+in\s+)?(.*)$)").match(line);
    if (!match.hasMatch())
        return std::nullopt;
    *number = match.captured(1).toInt();
    CrashFrame frame;
    frame.address = normalAddress(match.captured(2));
    frame.inlined = match.captured(2).isEmpty() && *number > 0;
    QString rest = match.captured(3).trimmed();
    if (rest == u"<signal handler called>"_s) {
        frame.function = rest;
        return frame;
    }
    // The location follows the argument list: "… ) at file:line" or "… ) from lib".
    // Some printers leave the argument list out: "func at file:line".
    static const QStringList markers = {u") at "_s, u") from "_s, u" at "_s, u" from "_s};
    for (const QString &marker : markers) {
        const qsizetype at = rest.lastIndexOf(marker);
        if (at < 0)
            continue;
        const qsizetype keep = marker.startsWith(u')') ? at + 1 : at;
        const QString location = rest.mid(at + marker.size()).trimmed();
        rest = rest.left(keep);
        if (marker.endsWith(u"from "_s) || location.contains(u".so"_s))
            frame.module = location;
        else
            splitFileLine(location, frame);
        break;
    }
    frame.function = gdbFunctionName(rest);
    return frame;
}

ParsedCrash parseGdb(const QStringList &input, CrashFormat format)
{
    ParsedCrash crash;
    crash.format = format;
    // gdb wraps long frames: a line starting with white space continues the previous one.
    QStringList joined;
    for (const QString &line : input) {
        if (!joined.isEmpty() && (line.startsWith(u' ') || line.startsWith(u'\t'))
            && joined.last().startsWith(u'#')) {
            joined.last() += u' ' + line.trimmed();
        } else {
            joined.append(line);
        }
    }
    int current = -1;
    QString currentThreadNumber;
    bool frameZeroSeen = false;
    for (const QString &raw : std::as_const(joined)) {
        const QString line = raw.trimmed();
        if (const auto signal
            = re(R"(^Program (?:received|terminated with) signal (\w+), (.*?)\.?$)").match(line);
            signal.hasMatch()) {
            crash.exceptionType = signal.captured(1);
            crash.exceptionMessage = signal.captured(2);
            continue;
        }
        if (const auto currentThread = re(R"(^\[Current thread is (\d+))").match(line);
            currentThread.hasMatch()) {
            currentThreadNumber = currentThread.captured(1);
            continue;
        }
        // DrKonqi's report header: "Application: kwin_x11 (5.20.4), signal: Aborted".
        if (const auto application
            = re(R"(^Application: (.+?) \(([^()]+)\)(?:, signal: (\w+))?)").match(line);
            application.hasMatch()) {
            crash.productVersion = application.captured(2);
            if (!application.captured(3).isEmpty())
                crash.exceptionType = application.captured(3);
            continue;
        }
        if (const auto platform = re(R"(^(?:Platform|Operating System): (.+)$)").match(line);
            platform.hasMatch()) {
            crash.platform = platform.captured(1).trimmed();
            continue;
        }
        if (const auto thread = re(R"(^Thread (\d+) \((.*)\):$)").match(line); thread.hasMatch()) {
            CrashThread t;
            t.name = u"Thread %1"_s.arg(thread.captured(1));
            crash.threads.append(t);
            current = int(crash.threads.size()) - 1;
            frameZeroSeen = false;
            continue;
        }
        int number = 0;
        auto frame = gdbFrame(line, &number);
        if (!frame)
            continue;
        if (current < 0) {
            crash.threads.append(CrashThread{u"Thread 1"_s, false, {}});
            current = 0;
        }
        // 'thread apply all bt' in old gdb repeats frame #0 at the end of a thread.
        if (number == 0) {
            if (frameZeroSeen)
                continue;
            frameZeroSeen = true;
        }
        CrashThread &thread = crash.threads[current];
        if (frame->function == u"<signal handler called>"_s) {
            // Frames above the handler are the crash handler's own: the crash is below it.
            thread.crashed = true;
            thread.frames.clear();
            continue;
        }
        thread.frames.append(*frame);
    }
    crash.crashingThread = 0;
    bool found = false;
    for (int i = 0; i < crash.threads.size(); ++i) {
        if (crash.threads.at(i).crashed) {
            crash.crashingThread = i;
            found = true;
            break;
        }
    }
    if (!found && crash.threads.size() > 1 && !currentThreadNumber.isEmpty()) {
        for (int i = 0; i < crash.threads.size(); ++i) {
            if (crash.threads.at(i).name == u"Thread %1"_s.arg(currentThreadNumber))
                crash.crashingThread = i;
        }
    }
    if (!crash.threads.isEmpty())
        crash.threads[crash.crashingThread].crashed = true;
    return crash;
}

// ---- Breakpad and rust-minidump minidump_stackwalk ------------------------------------------

ParsedCrash parseMinidump(const QStringList &input)
{
    ParsedCrash crash;
    crash.format = CrashFormat::Minidump;
    int current = -1;
    for (int i = 0; i < input.size(); ++i) {
        const QString &line = input.at(i);
        if (line.startsWith(u"Operating system:"_s)) {
            crash.platform = line.section(u':', 1).trimmed();
            continue;
        }
        if (line.startsWith(u"Crash reason:"_s)) {
            crash.exceptionType = line.section(u':', 1).trimmed();
            if (crash.exceptionType.endsWith(u"_WRITE"_s))
                crash.accessType = u"WRITE"_s;
            else if (crash.exceptionType.endsWith(u"_READ"_s))
                crash.accessType = u"READ"_s;
            continue;
        }
        if (line.startsWith(u"Crash address:"_s)) {
            crash.crashAddress = normalAddress(line.section(u':', 1).trimmed());
            continue;
        }
        if (const auto thread = re(R"(^Thread (\d+)\s*(\(crashed\))?)").match(line);
            thread.hasMatch()) {
            crash.threads.append(
                {u"Thread %1"_s.arg(thread.captured(1)), !thread.captured(2).isEmpty(), {}});
            current = int(crash.threads.size()) - 1;
            if (crash.threads.last().crashed)
                crash.crashingThread = current;
            continue;
        }
        if (current < 0)
            continue;
        // " 0  module!function [file : line + 0xoff]", " 3  kernel32.dll!Base + 0x23",
        // " 1  libc-2.23.so + 0xf302d"
        const auto frame = re(R"(^\s*(\d+)\s+(\S.*?)\s*$)").match(line);
        if (!frame.hasMatch() || line.contains(u" = 0x"_s)
            || line.trimmed().startsWith(u"Found by"_s))
            continue;
        QString rest = frame.captured(2);
        CrashFrame f;
        if (const auto source
            = re(R"(^(.*?) \[(.+?) : (\d+)(?: \+ 0x[0-9a-fA-F]+)?\]$)").match(rest);
            source.hasMatch()) {
            rest = source.captured(1);
            f.file = source.captured(2);
            f.line = source.captured(3).toInt();
        }
        const qsizetype bang = rest.indexOf(u'!');
        if (bang > 0) {
            f.module = rest.left(bang);
            f.function = rest.mid(bang + 1);
            f.function = re(R"( \+ 0x[0-9a-fA-F]+$)").match(f.function).hasMatch()
                             ? f.function.left(f.function.lastIndexOf(u" + "_s))
                             : f.function;
        } else {
            const qsizetype plus = rest.indexOf(u" + "_s);
            f.module = plus > 0 ? rest.left(plus) : rest;
            if (plus > 0)
                f.address = normalAddress(rest.mid(plus + 3));
        }
        // The instruction pointer on the register lines below.
        for (int j = i + 1; j < input.size() && j < i + 8; ++j) {
            const auto ip = re(R"(\b(?:eip|rip|pc) = (0x[0-9a-fA-F]+))").match(input.at(j));
            if (re(R"(^\s*\d+\s+\S)").match(input.at(j)).hasMatch())
                break;
            if (ip.hasMatch()) {
                f.address = normalAddress(ip.captured(1));
                break;
            }
        }
        crash.threads[current].frames.append(f);
    }
    return crash;
}

// ---- Python tracebacks ----------------------------------------------------------------------

ParsedCrash parsePython(const QStringList &input)
{
    // Each "Traceback (most recent call last):" block becomes a thread named after the exception
    // that ends it; chained exceptions ("During handling…", "The above exception was the direct
    // cause…") give several. The last one is what was finally raised: the crashing one. Some
    // logs print the exception line before its traceback; then that line names it.
    ParsedCrash crash;
    crash.format = CrashFormat::Python;
    bool inTraceback = false;
    QList<CrashFrame> frames;
    QString lastException;
    const auto exceptionLine = [](const QString &line) {
        return re(R"(^(?:\w+: )?([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration))(?::\s?(.*))?$)")
            .match(line.trimmed());
    };
    const auto finish = [&](const QString &name) {
        if (frames.isEmpty())
            return;
        const auto exception = exceptionLine(name);
        crash.threads.append(
            {name.trimmed().isEmpty() ? u"exception"_s : name.trimmed(), false, frames});
        if (exception.hasMatch()) {
            crash.exceptionType = exception.captured(1);
            crash.exceptionMessage = exception.captured(2);
        }
        frames.clear();
    };
    for (const QString &line : input) {
        if (line.contains(u"Traceback (most recent call last):"_s)) {
            if (inTraceback)
                finish(lastException);
            inTraceback = true;
            continue;
        }
        if (!inTraceback) {
            if (exceptionLine(line).hasMatch())
                lastException = line.trimmed();
            continue;
        }
        if (const auto frame
            = re(R"re(^>?\s*File "(.+?)", line (\d+), in (.+?)\s*$)re").match(line);
            frame.hasMatch()) {
            CrashFrame f;
            f.file = frame.captured(1);
            f.line = frame.captured(2).toInt();
            f.function = frame.captured(3);
            f.module = f.file.section(u'/', -1).section(u'.', 0, 0);
            frames.prepend(f); // innermost first
            continue;
        }
        if (line.trimmed().isEmpty() || line.startsWith(u' ') || line.startsWith(u'\t'))
            continue; // source lines, loguru's variable notes, blank lines
        // The first other line ends the traceback; it is the exception when it looks like one.
        const bool isException = exceptionLine(line).hasMatch();
        finish(isException ? line : lastException);
        if (isException)
            lastException = line.trimmed();
        inTraceback = false;
    }
    if (inTraceback)
        finish(lastException);
    crash.crashingThread = int(crash.threads.size()) - 1;
    if (crash.crashingThread >= 0)
        crash.threads[crash.crashingThread].crashed = true;
    return crash;
}

// ---- Java stack traces ----------------------------------------------------------------------

ParsedCrash parseJava(const QStringList &input)
{
    // The exception line, "\tat" frames, "Caused by:" starting the next (cause) thread, and
    // "... N more" / "... N common frames omitted" standing for frames shared with the previous.
    ParsedCrash crash;
    crash.format = CrashFormat::Java;
    QString pendingHeader;
    for (const QString &raw : input) {
        const QString line = raw.trimmed();
        const auto frame
            = re(R"(^at\s+([\w$.<>/\-]+)\.([\w$<>\-]+)\((.*?)\)(?:\s.*)?$)").match(line);
        if (frame.hasMatch()) {
            if (crash.threads.isEmpty()) {
                crash.threads.append(
                    {pendingHeader.isEmpty() ? u"exception"_s : pendingHeader, true, {}});
            }
            CrashFrame f;
            f.module = frame.captured(1);
            f.function = frame.captured(1) + u'.' + frame.captured(2);
            const QString location = frame.captured(3);
            if (location == u"Native Method"_s || location == u"Unknown Source"_s) {
                f.file = location;
            } else {
                splitFileLine(location, f);
            }
            crash.threads.last().frames.append(f);
            continue;
        }
        if (line.startsWith(u"Caused by:"_s)) {
            crash.threads.append({line.mid(10).trimmed(), false, {}});
            continue;
        }
        if (line.startsWith(u"..."_s))
            continue;
        // A line naming an exception: "pkg.SomeException: message", also after log prefixes
        // ("== Java Exception: …", "Exception in thread "main" …").
        const auto header
            = re(R"((?:^|\s|: )((?:[a-zA-Z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error|Throwable)[\w$]*)(?::\s*(.*))?$)")
                  .match(line);
        if (header.hasMatch()
            && (crash.threads.isEmpty() || crash.threads.last().frames.isEmpty())) {
            pendingHeader = line.mid(header.capturedStart(1));
            if (crash.exceptionType.isEmpty()) {
                crash.exceptionType = header.captured(1);
                crash.exceptionMessage = header.captured(2).trimmed();
            }
            if (!crash.threads.isEmpty() && crash.threads.last().frames.isEmpty())
                crash.threads.last().name = pendingHeader;
        }
    }
    crash.crashingThread = 0;
    return crash;
}

// ---- AddressSanitizer -----------------------------------------------------------------------

CrashFrame sanitizerFrame(const QRegularExpressionMatch &match)
{
    // "#1 0x29f0bb3 in clear path/file.h:23:5", "#0 0x4f13bb in operator delete(void*)",
    // "#3 0x7ff in func (/lib/x.so+0x1234)", "#4 0x7ff  (/lib/x.so+0x1234)"
    CrashFrame f;
    f.address = normalAddress(match.captured(2));
    QString rest = match.captured(3).trimmed();
    // The module in the last parentheses, found by position (a pattern with a lazy group
    // before it would scan long lines quadratically).
    if (rest.endsWith(u')')) {
        const qsizetype open = rest.lastIndexOf(u'(');
        const auto module = re(R"(^\(([^()]+)\+0x[0-9a-fA-F]+\)$)").match(rest.mid(open));
        if (open >= 0 && module.hasMatch()) {
            f.module = module.captured(1);
            rest = rest.left(open).trimmed();
        }
    }
    // A trailing "path:line[:col]" (no spaces in it) is the source location.
    if (const auto location = re(R"(^(.*\S)\s+(\S+:\d+(?::\d+)?)$)").match(rest);
        location.hasMatch() && !location.captured(2).startsWith(u'(')) {
        splitFileLine(location.captured(2), f);
        rest = location.captured(1);
    }
    f.function = rest.startsWith(u"in "_s) ? rest.mid(3).trimmed() : rest;
    return f;
}

ParsedCrash parseAsan(const QStringList &input)
{
    ParsedCrash crash;
    crash.format = CrashFormat::Asan;
    int current = -1;
    for (const QString &line : input) {
        if (const auto error = re(R"(==\d+==\s*ERROR: \w+Sanitizer: (.*)$)").match(line);
            error.hasMatch() && crash.exceptionType.isEmpty()) {
            // "heap-use-after-free on address 0x… at pc…", "attempting double-free on 0x… in
            // thread T0:", "SEGV on unknown address 0x… (pc …", "stack-overflow on address 0x…"
            QString what = error.captured(1).trimmed();
            if (what.startsWith(u"attempting "_s))
                what = what.mid(11);
            crash.exceptionType = what.section(u' ', 0, 0);
            if (const auto address = re(R"(\b(?:address|on) (0x[0-9a-fA-F]+))").match(what);
                address.hasMatch()) {
                crash.crashAddress = normalAddress(address.captured(1));
            }
            crash.threads.append({u"crash"_s, true, {}});
            current = int(crash.threads.size()) - 1;
            crash.crashingThread = current;
            continue;
        }
        if (const auto access = re(R"(^(READ|WRITE) of size (\d+))").match(line.trimmed());
            access.hasMatch()) {
            crash.accessType = access.captured(1);
            crash.exceptionMessage = u"%1 of size %2"_s.arg(access.captured(1), access.captured(2));
            continue;
        }
        if (const auto signal
            = re(R"(The signal is caused by a (READ|WRITE) memory access)").match(line);
            signal.hasMatch()) {
            crash.accessType = signal.captured(1);
            continue;
        }
        if (const auto section
            = re(R"(^(freed by thread|previously allocated by thread|allocated by thread)\s+(\S+))")
                  .match(line.trimmed());
            section.hasMatch() && current >= 0) {
            crash.threads.append(
                {line.trimmed().chopped(line.trimmed().endsWith(u':') ? 1 : 0), false, {}});
            current = int(crash.threads.size()) - 1;
            continue;
        }
        if (line.startsWith(u"SUMMARY:"_s) || line.contains(u"Shadow bytes"_s)) {
            current = -2; // nothing after the summary is a stack of this report
            continue;
        }
        if (current < 0)
            continue;
        const auto frame = re(R"(^\s*#(\d+)\s+(0x[0-9a-fA-F]+)\s+(.*)$)").match(line);
        if (frame.hasMatch())
            crash.threads[current].frames.append(sanitizerFrame(frame));
    }
    return crash;
}

// ---- WinDbg / cdb, and Windows sanitizer logs ----------------------------------------------

ParsedCrash parseWindows(const QStringList &input)
{
    // A sanitizer report from a Windows build reads like any other.
    for (const QString &line : input) {
        if (line.contains(u"ERROR: AddressSanitizer"_s)) {
            ParsedCrash crash = parseAsan(input);
            crash.format = CrashFormat::Windows;
            crash.platform = u"Windows"_s;
            return crash;
        }
    }
    ParsedCrash crash;
    crash.format = CrashFormat::Windows;
    crash.platform = u"Windows"_s;
    crash.threads.append({u"faulting thread"_s, true, {}});
    bool inStack = false;
    QString pending;
    for (const QString &line : input) {
        if (const auto code = re(R"(^\s*ExceptionCode:\s*([0-9a-fA-F]+)\s*\((.*)\))").match(line);
            code.hasMatch()) {
            crash.exceptionType = code.captured(2);
            crash.exceptionMessage = u"0x"_s + code.captured(1);
            continue;
        }
        if (const auto attempt
            = re(R"(Attempt to (read|write) from address ([0-9a-fA-F]+))").match(line);
            attempt.hasMatch()) {
            crash.accessType = attempt.captured(1).toUpper();
            crash.crashAddress = normalAddress(attempt.captured(2));
            continue;
        }
        if (line.startsWith(u"STACK_TEXT:"_s)
            || re(R"(^\s*(Child-SP|ChildEBP)\s+RetAddr)").match(line).hasMatch()) {
            // A later stack listing ('kb' after '!analyze') is the fuller one (inlined frames
            // included): it replaces what came before.
            crash.threads.first().frames.clear();
            pending.clear();
            inStack = true;
            continue;
        }
        if (!inStack)
            continue;
        if (line.trimmed().isEmpty()) {
            if (!crash.threads.first().frames.isEmpty())
                inStack = false;
            continue;
        }
        // "00fcfa88 00fd1418 ConsoleApplication2!crash+0x1e [c:\path\file.cpp @ 12]" possibly
        // wrapped; the last "module!function+0xoff" token on the line is the frame.
        QString text = pending.isEmpty() ? line : pending + line.trimmed();
        pending.clear();
        const auto frame
            = re(R"(^\s*(?:[0-9a-fA-F`]+\s+)+?([\w.\-]+)!([^\s\[]+?)(?:\+0x[0-9a-fA-F]+)?(?:\s+\[(.+?) @ (\d+)\])?\s*$)")
                  .match(text);
        if (!frame.hasMatch()) {
            if (text.size() < 200 && re(R"(^\s*[0-9a-fA-F`]+\s)").match(text).hasMatch())
                pending = text; // wrapped: try again with the next line
            continue;
        }
        CrashFrame f;
        f.module = frame.captured(1);
        f.function = frame.captured(2);
        if (!frame.captured(3).isEmpty()) {
            f.file = frame.captured(3);
            f.line = frame.captured(4).toInt();
        }
        crash.threads.first().frames.append(f);
    }
    return crash;
}

// ---- Apple .crash text ----------------------------------------------------------------------

ParsedCrash parseApple(const QStringList &input)
{
    ParsedCrash crash;
    crash.format = CrashFormat::Apple;
    int current = -1;
    int crashedHeader = -1;
    QList<int> numbers; // each thread's number as the text gives it
    for (const QString &line : input) {
        if (const auto field
            = re(R"(^(Version|OS Version|Exception Type|Exception Codes|Crashed Thread|Hardware Model|Code Type):\s+(.*)$)")
                  .match(line);
            field.hasMatch()) {
            const QString key = field.captured(1);
            const QString value = field.captured(2).trimmed();
            if (key == u"Version"_s)
                crash.productVersion = value;
            else if (key == u"OS Version"_s)
                crash.platform = value;
            else if (key == u"Exception Type"_s)
                crash.exceptionType = value.section(u' ', 0, 0);
            else if (key == u"Exception Codes"_s)
                crash.exceptionMessage = value;
            else if (key == u"Crashed Thread"_s)
                crashedHeader = value.section(u' ', 0, 0).toInt();
            continue;
        }
        if (const auto thread = re(R"(^Thread (\d+)( Crashed)?:\s*(.*)$)").match(line);
            thread.hasMatch()) {
            CrashThread t;
            t.name = thread.captured(3).trimmed();
            if (t.name.isEmpty())
                t.name = u"Thread %1"_s.arg(thread.captured(1));
            t.crashed = !thread.captured(2).isEmpty();
            crash.threads.append(t);
            numbers.append(thread.captured(1).toInt());
            current = int(crash.threads.size()) - 1;
            if (t.crashed)
                crash.crashingThread = current;
            continue;
        }
        if (line.startsWith(u"Binary Images:"_s) || line.contains(u"Thread State"_s)) {
            current = -1;
            continue;
        }
        if (current < 0)
            continue;
        // "N  module name  0xaddress  symbol": the first " 0x…" token after the frame number
        // ends the module (which may hold spaces); found without a lazy group.
        const auto number = re(R"(^(\d+)\s)").match(line);
        const auto address = re(R"(\s(0x[0-9a-fA-F]+)(?:\s+|$))").match(line);
        if (!number.hasMatch() || !address.hasMatch()
            || address.capturedStart() <= number.capturedEnd()) {
            continue;
        }
        CrashFrame f;
        f.module = line.mid(number.capturedEnd(), address.capturedStart() - number.capturedEnd())
                       .trimmed();
        if (f.module == u"???"_s)
            f.module.clear();
        f.address = normalAddress(address.captured(1));
        const QString symbol = line.mid(address.capturedEnd()).trimmed();
        if (const auto source = re(R"(^(.+?) \((.+?):(\d+)\)$)").match(symbol); source.hasMatch()) {
            f.function = source.captured(1);
            f.file = source.captured(2);
            f.line = source.captured(3).toInt();
        } else if (const auto offset = re(R"(^(.+?) \+ \d+$)").match(symbol);
                   offset.hasMatch() && !offset.captured(1).startsWith(u"0x"_s)) {
            f.function = offset.captured(1);
        }
        crash.threads[current].frames.append(f);
    }
    // "Crashed Thread:" names the thread when no "Thread N Crashed:" header does; a report
    // that names one it does not contain was cut off.
    bool marked = false;
    for (const CrashThread &thread : std::as_const(crash.threads))
        marked = marked || thread.crashed;
    if (!marked && crashedHeader >= 0) {
        if (const qsizetype index = numbers.indexOf(crashedHeader); index >= 0) {
            crash.crashingThread = int(index);
            crash.threads[index].crashed = true;
        } else {
            crash.crashingThread = -1; // reported as "no stack frames in its crashing thread"
        }
    }
    return crash;
}

int countMatches(const QStringList &input, const char *pattern, int enough)
{
    int count = 0;
    for (const QString &line : input) {
        if (re(pattern).match(line).hasMatch() && ++count >= enough)
            break;
    }
    return count;
}

bool anyLine(const QStringList &input, const char *pattern)
{
    return countMatches(input, pattern, 1) > 0;
}

} // namespace

QString CrashParser::formatName(CrashFormat format)
{
    switch (format) {
    case CrashFormat::Gdb: return u"gdb"_s;
    case CrashFormat::DrKonqi: return u"drkonqi"_s;
    case CrashFormat::Minidump: return u"minidump-stackwalk"_s;
    case CrashFormat::Python: return u"python"_s;
    case CrashFormat::Java: return u"java"_s;
    case CrashFormat::Asan: return u"asan"_s;
    case CrashFormat::Windows: return u"windows"_s;
    case CrashFormat::Apple: return u"apple"_s;
    }
    return {};
}

std::optional<CrashFormat> CrashParser::formatFromName(const QString &name)
{
    for (const CrashFormat format :
         {CrashFormat::Gdb, CrashFormat::DrKonqi, CrashFormat::Minidump, CrashFormat::Python,
          CrashFormat::Java, CrashFormat::Asan, CrashFormat::Windows, CrashFormat::Apple}) {
        if (formatName(format) == name)
            return format;
    }
    return std::nullopt;
}

std::optional<CrashFormat> CrashParser::detect(const QString &text)
{
    // Most specific first: several formats embed others (a Python traceback inside a fuzzer's
    // sanitizer log, gdb frames inside a DrKonqi report).
    const QStringList input = lines(text);
    if (anyLine(input, R"(^Incident Identifier:)")
        || (anyLine(input, R"(^Thread \d+( Crashed)?:)")
            && anyLine(input, R"(^\d+\s+\S.*\s0x[0-9a-fA-F]+\s+\S)"))) {
        return CrashFormat::Apple;
    }
    if (anyLine(input, R"(^Crash reason:)")
        || (anyLine(input, R"(^Operating system:)") && anyLine(input, R"(^CPU:)"))) {
        return CrashFormat::Minidump;
    }
    if (anyLine(input, R"(^(STACK_TEXT:|FAULTING_THREAD:)|\s(Child-SP|ChildEBP)\s+RetAddr)")
        || (anyLine(input, R"(ERROR: AddressSanitizer)")
            && anyLine(input, R"(#\d+\s+0x[0-9a-fA-F]+\s+in\s.*\b[A-Za-z]:\\)"))) {
        return CrashFormat::Windows;
    }
    if (anyLine(input, R"(Traceback \(most recent call last\):)")
        && anyLine(input, R"re(^\s*>?\s*File ".+", line \d+)re")) {
        return CrashFormat::Python;
    }
    if (countMatches(input, R"(^\s*at\s+[\w$.<>/\-]+\.[\w$<>\-]+\(.*\))", 1) > 0)
        return CrashFormat::Java;
    if (anyLine(input, R"(==\d+==\s*ERROR: \w+Sanitizer)"))
        return CrashFormat::Asan;
    if (anyLine(input, R"(^#\d+\s+)")) {
        if (anyLine(input,
                    R"(^\[Current thread is \d+|^\[KCrash Handler\]|^Application: .+, signal: )"))
            return CrashFormat::DrKonqi;
        return CrashFormat::Gdb;
    }
    return std::nullopt;
}

Result<ParsedCrash> CrashParser::parse(const QString &text, const QString &origin)
{
    return parse(text, origin, std::nullopt);
}

Result<ParsedCrash> CrashParser::parseAs(const QString &text, CrashFormat format,
                                         const QString &origin)
{
    return parse(text, origin, format);
}

Result<ParsedCrash> CrashParser::parse(const QString &text, const QString &origin,
                                       std::optional<CrashFormat> given)
{
    const QString where = origin.isEmpty() ? u"crash text"_s : origin;
    if (text.size() > kMaxTextSize) {
        return Error{u"%1: %2 MB is too big for a crash text (at most %3 MB)"_s.arg(where)
                         .arg(text.size() / (1024 * 1024))
                         .arg(kMaxTextSize / (1024 * 1024))};
    }
    const QStringList input = lines(text);
    const auto quote = [&input] {
        QStringList first;
        for (const QString &line : input) {
            if (!line.trimmed().isEmpty())
                first.append(line.trimmed().left(80));
            if (first.size() == 3)
                break;
        }
        return first.isEmpty() ? u"(empty)"_s : InputText::quoted(first.join(u" / "_s));
    };
    const auto format = given ? given : detect(text);
    if (!format) {
        return Error{u"%1: not a crash text in any known format (gdb, DrKonqi, minidump_stackwalk, "
                     u"Python, Java, AddressSanitizer, WinDbg/cdb, Apple); it starts %2"_s.arg(
                         where, quote())};
    }
    ParsedCrash crash;
    switch (*format) {
    case CrashFormat::Gdb:
    case CrashFormat::DrKonqi: crash = parseGdb(input, *format); break;
    case CrashFormat::Minidump: crash = parseMinidump(input); break;
    case CrashFormat::Python: crash = parsePython(input); break;
    case CrashFormat::Java: crash = parseJava(input); break;
    case CrashFormat::Asan: crash = parseAsan(input); break;
    case CrashFormat::Windows: crash = parseWindows(input); break;
    case CrashFormat::Apple: crash = parseApple(input); break;
    }
    const CrashThread *crashing = crash.crashing();
    if (!crashing || crashing->frames.isEmpty()) {
        return Error{u"%1: looks like %2 output but has no stack frames in its crashing thread "
                     u"(truncated?); it starts %3"_s.arg(where, formatName(*format), quote())};
    }
    return crash;
}

} // namespace Deltaboard
