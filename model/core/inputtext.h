#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Deltaboard {

// Words about input in error messages and warnings: one line each, whatever the input holds.
namespace InputText {

// How much of an offending value a message repeats.
constexpr qsizetype kQuotedLength = 80;

// A value as a message quotes it: in double quotes, control characters escaped (\n, \t, \x01),
// cut to kQuotedLength characters with "…" and how long it was.
QString quoted(const QString &value);

// A message made safe to print as one line: control characters escaped, at most 'limit'
// characters (a last guard; the parts of a message that repeat input are quoted() already).
QString oneLine(const QString &message, qsizetype limit = 2000);

// "line L, column C" of a byte offset, for parse errors.
QString position(const QByteArray &bytes, qsizetype offset);

// The offset of the first byte that is not valid UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes);

// A located error for bytes that are not UTF-8 ("path: line L, column C: byte 0xFF is not UTF-8
// (at byte offset B; EXPECTED was expected)"), or nothing.
std::optional<Error> notUtf8(const QString &path, const QByteArray &bytes, const QString &expected);

// The id a search names: "#123" or "123" (what every search field takes as an id), or nothing.
std::optional<qint64> searchedId(const QString &search);

} // namespace InputText

} // namespace Deltaboard
