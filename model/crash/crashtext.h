#pragma once

#include "crashparser.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

// What the crash parsers share, and one parser per format (each in its own file, named after
// it). CrashParser (crashparser.cpp) detects the format and calls the parser.
namespace Deltaboard::CrashText {

// A compiled pattern, compiled once per pattern literal.
const QRegularExpression &re(const char *pattern);
// "0x…" addresses lower case and without leading zeros.
QString normalAddress(const QString &address);
// The text as lines, each cut to kMaxLineLength characters.
constexpr qsizetype kMaxLineLength = 2048;
QStringList lines(const QString &text);
// "file.cpp:12" into the frame's file and line.
void splitFileLine(const QString &location, CrashFrame &frame);
// The function of a gdb frame's call text, arguments dropped.
QString gdbFunctionName(const QString &call);
// How many lines match (stopping at 'enough'), and whether any does: for detection.
int countMatches(const QStringList &input, const char *pattern, int enough);
bool anyLine(const QStringList &input, const char *pattern);

ParsedCrash parseGdb(const QStringList &input, CrashFormat format);
ParsedCrash parseMinidump(const QStringList &input);
ParsedCrash parsePython(const QStringList &input);
ParsedCrash parseJava(const QStringList &input);
ParsedCrash parseAsan(const QStringList &input);
ParsedCrash parseWindows(const QStringList &input);
ParsedCrash parseApple(const QStringList &input);

} // namespace Deltaboard::CrashText
