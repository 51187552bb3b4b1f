#include "crashtext.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

// Apple .crash text.
namespace Deltaboard::CrashText {

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

} // namespace Deltaboard::CrashText
