#include "jsonrecords.h"

#include "inputtext.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cctype>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

using InputText::position;

QString recordName(const RecordSlice &slice)
{
    return slice.line ? u"line %1"_s.arg(slice.number) : u"[%1]"_s.arg(slice.number);
}

Result<QList<RecordSlice>> recordSlices(const QString &path, const QByteArray &bytes)
{
    QList<RecordSlice> slices;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype first = 0;
    while (first < size && std::isspace(static_cast<unsigned char>(data[first])))
        ++first;
    if (first < size && data[first] == '[') {
        const auto fail = [&](qsizetype offset, const QString &what) {
            return Error{u"%1: %2: %3 (a JSON array of issues was expected)"_s.arg(
                path, position(bytes, offset), what)};
        };
        qsizetype at = first + 1;
        while (true) {
            while (at < size && std::isspace(static_cast<unsigned char>(data[at])))
                ++at;
            if (at >= size)
                return fail(at, u"the array ends without \"]\""_s);
            if (data[at] == ']' && slices.isEmpty())
                break;
            // Every record is an object: anything else is refused where it starts, before the
            // rest of the file is sliced.
            if (data[at] != '{')
                return fail(at, u"record [%1] is not an object"_s.arg(slices.size()));
            // One element: up to the comma or bracket that closes it at the array's level.
            const qsizetype begin = at;
            int depth = 0;
            bool inString = false;
            for (; at < size; ++at) {
                const char c = data[at];
                if (inString) {
                    if (c == '\\')
                        ++at;
                    else if (c == '"')
                        inString = false;
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (depth == 0)
                        break;
                    --depth;
                } else if (c == ',' && depth == 0) {
                    break;
                }
            }
            if (at >= size)
                return fail(size, u"the file ends inside record [%1]"_s.arg(slices.size()));
            slices.append({begin, at - begin, slices.size(), false});
            if (data[at] == ']')
                break;
            ++at; // the comma
        }
        for (++at; at < size; ++at) {
            if (!std::isspace(static_cast<unsigned char>(data[at])))
                return fail(at, u"more after the array's end"_s);
        }
        return slices;
    }
    qsizetype line = 0;
    for (qsizetype begin = 0; begin < size;) {
        qsizetype end = bytes.indexOf('\n', begin);
        if (end < 0)
            end = size;
        ++line;
        const RecordSlice slice{begin, end - begin, line, true};
        begin = end + 1;
        if (!QByteArray::fromRawData(data + slice.begin, slice.length).trimmed().isEmpty())
            slices.append(slice);
    }
    return slices;
}

Result<QJsonObject> parseRecord(const QString &path, const QByteArray &bytes,
                                const RecordSlice &slice)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.constData() + slice.begin, slice.length), &error);
    if (slice.line && (error.error != QJsonParseError::NoError || !document.isObject())) {
        return Error{
            u"%1: line %2, column %3: %4 (one issue object per line was expected)"_s.arg(path)
                .arg(slice.number)
                .arg(error.offset + 1)
                .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                             : u"not an object"_s)};
    }
    if (error.error != QJsonParseError::NoError) {
        return Error{u"%1: %2: %3 (a JSON array of issues was expected)"_s.arg(
            path, position(bytes, slice.begin + error.offset), error.errorString())};
    }
    if (!document.isObject())
        return Error{u"%1: record [%2]: expected an issue object"_s.arg(path).arg(slice.number)};
    return document.object();
}

Status forEachRecord(const QString &path, const QByteArray &bytes, const RecordVisitor &visit)
{
    const auto slices = recordSlices(path, bytes);
    if (!slices)
        return Error{slices.error()};
    for (const RecordSlice &slice : *slices) {
        const auto record = parseRecord(path, bytes, slice);
        if (!record)
            return Error{record.error()};
        if (const Status visited = visit(recordName(slice), *record); !visited)
            return visited;
    }
    return {};
}

} // namespace Deltaboard::Import
