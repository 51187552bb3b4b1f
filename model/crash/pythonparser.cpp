#include "crashtext.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

// Python tracebacks, chained ones and loguru's annotated form.
namespace Deltaboard::CrashText {

ParsedCrash parsePython(const QStringList &input)
{
    // Each "Traceback (most recent call last):" block (or run of 'File "…", line N, in f' frames
    // whose header was cut off) becomes a thread named after the exception
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
        const auto frame = re(R"re(^>?\s*File "(.+?)", line (\d+), in (.+?)\s*$)re").match(line);
        if (!inTraceback) {
            if (!frame.hasMatch()) {
                if (exceptionLine(line).hasMatch())
                    lastException = line.trimmed();
                continue;
            }
            // A traceback whose header was cut off (a log's tail, a pasted part): its frames
            // still say where it crashed.
            inTraceback = true;
        }
        if (frame.hasMatch()) {
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

} // namespace Deltaboard::CrashText
