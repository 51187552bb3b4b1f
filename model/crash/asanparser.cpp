#include "crashtext.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

// AddressSanitizer reports (crash, freed-by and allocated-by stacks).
namespace Deltaboard::CrashText {

namespace {

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

} // namespace

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

} // namespace Deltaboard::CrashText
