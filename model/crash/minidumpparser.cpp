#include "crashtext.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

// Breakpad and rust-minidump minidump_stackwalk output.
namespace Deltaboard::CrashText {

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

} // namespace Deltaboard::CrashText
