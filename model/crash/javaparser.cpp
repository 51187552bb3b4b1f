#include "crashtext.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

// Java stack traces with their causes.
namespace Deltaboard::CrashText {

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
            // Jazzer's "== Java Exception: com…FuzzerSecurityIssueMedium: cause…" names what
            // was thrown first, a class whose name need not end in Exception.
            const auto jazzer = re(R"(^== Java Exception: ([\w$.]+)(?::\s*(.*))?$)").match(line);
            if (crash.exceptionType.isEmpty() && jazzer.hasMatch()) {
                crash.exceptionType = jazzer.captured(1);
                crash.exceptionMessage = jazzer.captured(2).trimmed();
            } else if (crash.exceptionType.isEmpty()) {
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

} // namespace Deltaboard::CrashText
