#pragma once

#include "result.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

namespace Deltaboard {

// Reading what a user hands in (an export, a crash text, a backup to restore): regular files
// only, each within a size limit, refused by name otherwise. A named pipe would block forever
// in open(), a device like /dev/zero never ends, and a directory is not "no such file": each
// gets its own words, and nothing is read past the limit.
namespace InputFile {

// The bytes of the regular file at 'path' (symbolic links followed), at most 'limit' bytes;
// 'what' names what the file should be ("a tracker export") for the message of a refusal.
Result<QByteArray> read(const QString &path, qint64 limit, const QString &what);

// Opens the regular file at 'path' into 'file' for reading in parts (a file too large to be
// read whole); refused like read().
Status open(QFile &file, const QString &path);

// The first 'bytes' bytes of a regular file, to tell its format; refused like read().
Result<QByteArray> head(const QString &path, qint64 bytes);

// Why 'path' cannot be read as a file ("… is a named pipe, not a file"), or empty when it is a
// regular file. Looks at the file only (stat); opens nothing.
QString notARegularFile(const QString &path);

// Every regular file under a directory (recursively, sorted); anything else under it that is
// not a directory (a pipe, a device, a socket, a broken link) is an error naming it.
Result<QStringList> filesUnder(const QString &directory);

} // namespace InputFile

} // namespace Deltaboard
