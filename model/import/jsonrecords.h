#pragma once

#include "records.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

// The records of a JSON export, each parsed on its own: a JSON array of objects or one object per
// line.
namespace Deltaboard::Import {

// Where one record of a file is: the bytes of an array element, or of a line (JSON lines).
struct RecordSlice
{
    qsizetype begin = 0;
    qsizetype length = 0;
    qsizetype number = 0; // the element's index, or the line's number
    bool line = false;
};

// How a message names a record: "[N]" in an array, "line N" in JSON lines.
QString recordName(const RecordSlice &slice);

// The records of a file that is a JSON array of objects, or one object per line: found by a
// scan that only follows strings and nesting (what is inside a record is for the JSON parser
// to judge), so that each record is parsed on its own and a large file never becomes one
// document in memory.
Result<QList<RecordSlice>> recordSlices(const QString &path, const QByteArray &bytes);

Result<QJsonObject> parseRecord(const QString &path, const QByteArray &bytes,
                                const RecordSlice &slice);

using RecordVisitor = std::function<Status(const QString &where, const QJsonObject &record)>;

// Each record of a JSON array or JSON lines file, in order, parsed on its own.
Status forEachRecord(const QString &path, const QByteArray &bytes, const RecordVisitor &visit);

} // namespace Deltaboard::Import
