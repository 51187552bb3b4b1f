#pragma once

#include "crashparser.h"

#include <QStringList>

namespace Deltaboard {

// The crash type as a triager says it, read from what the text shows: "null-dereference WRITE"
// for a segmentation fault or access violation near address 0, the sanitizer's kind with its
// access and size ("container-overflow READ 4"), "divide-by-zero" for an integer division by
// zero, "uncaught java.lang.NullPointerException". The raw signal or exception name stays in
// ParsedCrash::exceptionType; CrashParser::parse fills ParsedCrash::crashType from this.
namespace CrashTypes {

// Addresses below this are a null pointer plus a field offset (ClusterFuzz's threshold).
constexpr quint64 kNullPageEnd = 0x1000;

// 'lines' are the text's lines: some evidence is outside what the parsers keep (the si_code
// FPE_INTDIV, a sanitizer's "integer divide by zero", an assertion's message).
QString triaged(const ParsedCrash &crash, const QStringList &lines);

// "null-dereference WRITE (SIGSEGV)": the triaged type beside the raw name when they differ;
// empty when the text names neither.
QString describe(const ParsedCrash &crash);
QString describe(const QString &type, const QString &raw);

// The signal name of a POSIX signal number as Linux numbers them ("SIGSEGV" for 11), or empty.
QString signalName(int number);

} // namespace CrashTypes
} // namespace Deltaboard
