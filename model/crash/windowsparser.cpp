#include "crashtext.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

// WinDbg/cdb stack texts and Windows sanitizer logs.
namespace Deltaboard::CrashText {

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
            = re(R"(Attempt to (read|write) (?:from|to) address ([0-9a-fA-F]+))").match(line);
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

} // namespace Deltaboard::CrashText
