#include "crashparser.h"

#include "crashtext.h"
#include "crashtype.h"
#include "inputtext.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard {

using namespace CrashText;

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
    // A traceback's frames are Python even when its header was cut off; then a frame must have
    // its whole form (', in function'), and a gdb backtrace around them (gdb's py-bt prints
    // such frames) is gdb's, unless a sanitizer's report says the frames are the crash's (an
    // Atheris fuzzer's log).
    if (anyLine(input, R"re(^\s*>?\s*File "[^"]+", line \d+, in \S)re")
        && (!anyLine(input, R"(^#\d+\s)") || anyLine(input, R"(==\d+==\s*ERROR: \w+Sanitizer)"))) {
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
    crash.crashType = CrashTypes::triaged(crash, input);
    return crash;
}

} // namespace Deltaboard
