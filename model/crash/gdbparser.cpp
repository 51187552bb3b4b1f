#include "crashtext.h"
#include "crashtype.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

// gdb and DrKonqi backtraces (gdb `bt`, `thread apply all bt`, DrKonqi reports).
namespace Deltaboard::CrashText {

namespace {

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

} // namespace

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
            = re(R"(^Application: (.+?) \(([^()]+)\)(?:, signal: ([A-Za-z][\w ]*\w))?)")
                  .match(line);
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
        // KCrash's handler names the signal by number ("defaultCrashHandler (sig=11)") when
        // gdb did not see it arrive: the raw name of a DrKonqi report's crash.
        if (const auto handler = re(R"(KCrash::\w*[Hh]andler \(sig=(\d+)\))").match(line);
            handler.hasMatch() && crash.exceptionType.isEmpty()) {
            crash.exceptionType = CrashTypes::signalName(handler.captured(1).toInt());
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

} // namespace Deltaboard::CrashText
