#include "crashtype.h"

#include "crashtext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deltaboard::CrashTypes {

namespace {

using CrashText::re;

bool anyLineMatches(const QStringList &lines, const QRegularExpression &pattern)
{
    for (const QString &line : lines) {
        if (pattern.match(line).hasMatch())
            return true;
    }
    return false;
}

// Integer division by zero in any of the words the runtimes use: the si_code FPE_INTDIV
// (Breakpad's "SIGFPE / FPE_INTDIV", gdb's $_siginfo), Go's and sanitizers' "integer divide by
// zero", UBSan's "runtime error: division by zero", Windows' EXCEPTION_INT_DIVIDE_BY_ZERO
// (code 0xc0000094, "Integer divide-by-zero"), Apple's EXC_I386_DIV/EXC_ARM_DA_DIV and Rust's
// "attempt to divide by zero".
bool dividesByZero(const ParsedCrash &crash, const QStringList &lines)
{
    static const QRegularExpression evidence(
        uR"(\bFPE_INTDIV\b|\binteger divide[- ]by[- ]zero\b|runtime error: (?:integer )?division by zero|)"
        uR"(\bEXCEPTION_INT_DIVIDE_BY_ZERO\b|\b(?:0x)?c0000094\b|\bEXC_(?:I386|ARM_DA)_DIV\b|)"
        uR"(attempt to divide by zero)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return evidence.match(crash.exceptionType).hasMatch()
           || evidence.match(crash.exceptionMessage).hasMatch() || anyLineMatches(lines, evidence);
}

// An abort that an assertion asked for says so: glibc's "Assertion `x' failed", Qt's "ASSERT:"
// and "ASSERT failure in", a qt_assert frame.
bool asserted(const ParsedCrash &crash, const QStringList &lines)
{
    static const QRegularExpression message(
        uR"(Assertion [`'"].*[`'"] failed|\bASSERT failure in\b|^\s*ASSERT: |)"
        uR"(\bassertion failed\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (anyLineMatches(lines, message))
        return true;
    if (const CrashThread *thread = crash.crashing()) {
        for (const CrashFrame &frame : thread->frames) {
            if (frame.function.startsWith(u"qt_assert"_s)
                || frame.function.startsWith(u"__assert_fail"_s)
                || frame.function.startsWith(u"__GI___assert_fail"_s)) {
                return true;
            }
        }
    }
    return false;
}

// An abort the program chose with its fatal-error call (Qt's qFatal).
bool calledFatal(const ParsedCrash &crash)
{
    if (const CrashThread *thread = crash.crashing()) {
        for (const CrashFrame &frame : thread->frames) {
            if (frame.function.startsWith(u"qFatal"_s)
                || frame.function.startsWith(u"QMessageLogger::fatal"_s)
                || frame.function.startsWith(u"qt_message_fatal"_s)) {
                return true;
            }
        }
    }
    return false;
}

// The faulting address when the text names one: the parsers' crashAddress, else "at 0x…" in
// the exception's codes (Apple: "KERN_INVALID_ADDRESS at 0x0000000000000000").
std::optional<quint64> faultAddress(const ParsedCrash &crash)
{
    QString address = crash.crashAddress;
    if (address.isEmpty()) {
        if (const auto at = re(R"(\bat (0x[0-9a-fA-F]+)\b)").match(crash.exceptionMessage);
            at.hasMatch()) {
            address = at.captured(1);
        }
    }
    if (address.isEmpty())
        return std::nullopt;
    bool ok = false;
    const quint64 value = address.startsWith(u"0x"_s, Qt::CaseInsensitive)
                              ? address.mid(2).toULongLong(&ok, 16)
                              : address.toULongLong(&ok, 16);
    if (!ok)
        return std::nullopt;
    return value;
}

QString withAccess(const QString &type, const QString &access)
{
    return access.isEmpty() ? type : type + u' ' + access;
}

// A bad memory access: near address 0 a null dereference, elsewhere an access to an address
// nothing is mapped at; without an address, in the runtime's own words.
QString badAccess(const ParsedCrash &crash, const QString &withoutAddress)
{
    if (const auto address = faultAddress(crash)) {
        return withAccess(*address < kNullPageEnd ? u"null-dereference"_s : u"unknown-address"_s,
                          crash.accessType);
    }
    return withAccess(withoutAddress, crash.accessType);
}

// The signal or exception the raw name stands for, in one spelling: "SIGSEGV / SEGV_MAPERR",
// DrKonqi's "Segmentation fault", ASan's "SEGV", Windows' "Access violation" and
// EXCEPTION_ACCESS_VIOLATION_WRITE, Apple's "EXC_BAD_ACCESS".
enum class Kind { Other, Segv, Bus, Abort, Trap, Illegal, Fpe, StackOverflow, Kill };

Kind kindOf(const QString &raw)
{
    const QString name = raw.section(u' ', 0, 0).section(u'/', 0, 0).trimmed().toUpper();
    const QString all = raw.toUpper();
    if (name == u"SIGSEGV"_s || name == u"SEGV"_s || name == u"SEGMENTATION"_s
        || all.startsWith(u"ACCESS VIOLATION"_s) || name.startsWith(u"EXCEPTION_ACCESS_VIOLATION"_s)
        || name == u"EXC_BAD_ACCESS"_s) {
        return Kind::Segv;
    }
    if (name == u"SIGBUS"_s || name == u"BUS"_s)
        return Kind::Bus;
    if (name == u"SIGABRT"_s || name == u"ABRT"_s || name == u"ABORTED"_s || name == u"SIGIOT"_s
        || all.contains(u"(SIGABRT)"_s)) {
        return Kind::Abort;
    }
    if (name == u"SIGTRAP"_s || name == u"EXC_BREAKPOINT"_s || name == u"EXCEPTION_BREAKPOINT"_s
        || all.startsWith(u"BREAK INSTRUCTION"_s) || all.startsWith(u"TRACE/BREAKPOINT"_s)) {
        return Kind::Trap;
    }
    if (name == u"SIGILL"_s || name == u"ILL"_s || name == u"EXC_BAD_INSTRUCTION"_s
        || name == u"EXCEPTION_ILLEGAL_INSTRUCTION"_s || all.startsWith(u"ILLEGAL INSTRUCTION"_s)) {
        return Kind::Illegal;
    }
    if (name == u"SIGFPE"_s || name == u"FPE"_s || name == u"EXC_ARITHMETIC"_s)
        return Kind::Fpe;
    if (name == u"EXCEPTION_STACK_OVERFLOW"_s || name == u"STACK-OVERFLOW"_s
        || all.startsWith(u"STACK OVERFLOW"_s)) {
        return Kind::StackOverflow;
    }
    if (name == u"SIGKILL"_s || name == u"KILLED"_s)
        return Kind::Kill;
    return Kind::Other;
}

} // namespace

QString signalName(int number)
{
    switch (number) {
    case 4: return u"SIGILL"_s;
    case 5: return u"SIGTRAP"_s;
    case 6: return u"SIGABRT"_s;
    case 7: return u"SIGBUS"_s;
    case 8: return u"SIGFPE"_s;
    case 9: return u"SIGKILL"_s;
    case 11: return u"SIGSEGV"_s;
    case 13: return u"SIGPIPE"_s;
    case 15: return u"SIGTERM"_s;
    default: return {};
    }
}

QString triaged(const ParsedCrash &crash, const QStringList &lines)
{
    const QString raw = crash.exceptionType;
    // A managed runtime's crash is an exception nobody caught: it is named by its class.
    if (crash.format == CrashFormat::Java || crash.format == CrashFormat::Python)
        return raw.isEmpty() ? u"uncaught exception"_s : u"uncaught "_s + raw;
    if (dividesByZero(crash, lines))
        return u"divide-by-zero"_s;

    const Kind kind = kindOf(raw);
    const bool sanitizer = anyLineMatches(lines, re(R"(==\d+==\s*ERROR: \w+Sanitizer: )"));
    if (sanitizer && kind == Kind::Other && !raw.isEmpty()) {
        // The sanitizer's own kind, with the access and its size when the report gives them:
        // "heap-buffer-overflow READ 8", "container-overflow READ 4".
        if (raw == u"detected"_s) // LeakSanitizer: "detected memory leaks"
            return u"memory leak"_s;
        if (const auto size = re(R"(\b(READ|WRITE) of size (\d+))").match(crash.exceptionMessage);
            size.hasMatch()) {
            return u"%1 %2 %3"_s.arg(raw, size.captured(1), size.captured(2));
        }
        return raw;
    }
    switch (kind) {
    case Kind::Segv:
        return badAccess(crash, crash.format == CrashFormat::Windows
                                        || crash.format == CrashFormat::Apple
                                        || raw.startsWith(u"EXC"_s, Qt::CaseInsensitive)
                                        || raw.contains(u"ACCESS_VIOLATION"_s)
                                    ? u"access violation"_s
                                    : u"segmentation fault"_s);
    case Kind::Bus: return badAccess(crash, u"bus error"_s);
    case Kind::Abort:
        if (asserted(crash, lines))
            return u"assertion failure"_s;
        return calledFatal(crash) ? u"fatal error"_s : u"abort"_s;
    case Kind::Trap: return u"breakpoint trap"_s;
    case Kind::Illegal: return u"illegal instruction"_s;
    case Kind::Fpe: return u"arithmetic exception"_s;
    case Kind::StackOverflow: return u"stack-overflow"_s;
    case Kind::Kill: return u"killed"_s;
    case Kind::Other: break;
    }
    if (!raw.isEmpty())
        return raw;
    // No name at all, but an access the text describes.
    if (!crash.accessType.isEmpty() || faultAddress(crash))
        return badAccess(crash, u"bad access"_s);
    return {};
}

QString describe(const ParsedCrash &crash)
{
    return describe(crash.crashType, crash.exceptionType);
}

QString describe(const QString &type, const QString &raw)
{
    if (type.isEmpty())
        return raw;
    // "uncaught java.lang.X" and "heap-use-after-free READ 8" already show their raw name.
    if (raw.isEmpty() || type.compare(raw, Qt::CaseInsensitive) == 0 || type.endsWith(u' ' + raw)
        || type.startsWith(raw + u' ')) {
        return type;
    }
    return u"%1 (%2)"_s.arg(type, raw);
}

} // namespace Deltaboard::CrashTypes
