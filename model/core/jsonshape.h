#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace Deltaboard {

// A look at a JSON text before Qt's parser builds it in memory: how deep it nests and how many
// values it holds for its size. Qt's document takes about 16 bytes a value, so a file of a
// hundred million one-digit numbers would cost gigabytes just to be refused; a file is refused
// here, with its place, when it nests deeper than any export does or is denser than one.
namespace JsonShape {

constexpr int kMaxDepth = 64;
// Real exports hold 12 to 40 bytes a value (the samples); below this a file is refused.
constexpr int kMinBytesPerValue = 8;
// Small files are never refused for density: what they cost is small anyway.
constexpr qsizetype kDensityFrom = 1024 * 1024;

// 'expected' names the format for the message ("a Trello board export").
Status check(const QString &path, const QByteArray &bytes, const QString &expected);

} // namespace JsonShape

} // namespace Deltaboard
