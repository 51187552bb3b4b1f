#pragma once

#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace Deltaboard {

// One stack frame as a crash text gives it; any part may be missing.
struct CrashFrame
{
    QString function; // as printed, arguments and return type included when the text has them
    QString module;   // the binary or library (or the Java/Python module), when known
    QString file;
    int line = -1;
    QString address; // "0x…", lower case, when printed
    bool inlined = false;
};

struct CrashThread
{
    QString name;
    bool crashed = false;
    QList<CrashFrame> frames; // innermost (crash site) first
};

// The formats a pasted or dropped text can be in (see docs/CRASH_SIGNATURES.md).
enum class CrashFormat { Gdb, DrKonqi, Minidump, Python, Java, Asan, Windows, Apple };

// What a parser recovers from one crash text.
struct ParsedCrash
{
    CrashFormat format = CrashFormat::Gdb;
    QList<CrashThread> threads;
    int crashingThread = 0; // index into threads
    // The raw signal or exception name as the text gives it: "SIGSEGV", "Access violation",
    // "java.lang.IllegalStateException", ASan's "heap-use-after-free"…
    QString exceptionType;
    // The type as a triager says it, from what the text shows (CrashTypes::triaged): "null-
    // dereference WRITE", "container-overflow READ 4", "divide-by-zero", "uncaught
    // java.lang.NullPointerException"; empty when the text names no type at all.
    QString crashType;
    QString exceptionMessage;
    QString crashAddress;   // when the text names the faulting address
    QString accessType;     // "READ", "WRITE" or empty
    QString productVersion; // when the text has it (Apple "Version:", DrKonqi "Application:")
    QString platform;       // operating system as printed

    const CrashThread *crashing() const
    {
        return crashingThread >= 0 && crashingThread < threads.size() ? &threads[crashingThread]
                                                                      : nullptr;
    }
};

// Reads crash texts: detects the format, then parses threads and frames. Texts in no known
// format, and texts that look like a format but hold no frame, get an error that quotes their
// first lines and says what was expected.
class CrashParser
{
public:
    static std::optional<CrashFormat> detect(const QString &text);
    // 'origin' (a file name, "pasted text") starts error messages.
    static Result<ParsedCrash> parse(const QString &text, const QString &origin = {});
    // Parses the text as the given format, without detecting it (the fuzz targets reach each
    // parser through this).
    static Result<ParsedCrash> parseAs(const QString &text, CrashFormat format,
                                       const QString &origin = {});

    static QString formatName(CrashFormat format);
    static std::optional<CrashFormat> formatFromName(const QString &name);
    // Texts longer than this are refused rather than parsed (a crash text is kilobytes).
    static constexpr qsizetype kMaxTextSize = 16 * 1024 * 1024;

private:
    static Result<ParsedCrash> parse(const QString &text, const QString &origin,
                                     std::optional<CrashFormat> format);
};

} // namespace Deltaboard
