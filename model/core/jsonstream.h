#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QJsonValue>
#include <QString>

#include <utility>

namespace Deltaboard {

// A JSON file read in chunks, for files too large to become one QJsonDocument (Qt has no
// streaming parser). The caller walks the structure it expects: it looks at the next byte,
// consumes the brackets, colons and commas of the levels it knows, and takes each value it
// wants as bytes, to be parsed on its own with QJsonDocument. Memory holds one chunk and the
// largest value taken, never the file.
//
// What is inside a value is scanned only for strings and nesting, as Import::recordSlices
// does: judging it is the parser's job. The scan applies JsonShape's limits as it goes (depth,
// and at the end the density of values for the file's size), so a hostile file is refused
// with its place before any of it is parsed.
class JsonStream
{
public:
    static constexpr qsizetype kDefaultChunk = 1024 * 1024;

    // 'chunk' is how much is read at a time (tests make it tiny to put every boundary in the
    // middle of something).
    explicit JsonStream(const QString &path, qsizetype chunk = kDefaultChunk);

    // Opens the file; only a regular file of at most 'limit' bytes is read.
    Status open(qint64 limit, const QString &what);

    // Skips white space; the next byte, or 0 at the end of the file.
    Result<char> peek();
    // Consumes the byte peek() returned (keeping count of the nesting it opens or closes).
    void consume();
    // The byte offset in the file of the next byte peek() would look at.
    qint64 offset() const { return m_bufferStart + m_pos; }
    // Goes back (or forward) to a byte offset found earlier; the nesting is set to 'depth'.
    Status seek(qint64 offset, int depth);

    // The bytes of the next value (an object, an array, a string, a number or a literal), up
    // to the byte that ends it; valid until the next call. A value longer than 'limit' bytes is
    // refused (skipValue() has no limit).
    Result<QByteArrayView> value(qint64 limit);
    Status skipValue();
    // The next value, which must be a string, decoded (an object's key).
    Result<QString> string();
    // The next value decoded on its own (a string, number or literal; a header's field), at
    // most 'limit' bytes.
    Result<QJsonValue> scalar(qint64 limit);

    // Line and column (1-based) of a byte offset, for messages: the lines are counted again
    // from the start of the file (only an error needs them).
    std::pair<qint64, qint64> lineAndColumn(qint64 offset) const;
    // "line L, column C".
    QString position(qint64 offset) const;
    // The message for a file that is not JSON at 'offset': "path: line L, column C:
    // malformed JSON: what".
    Error malformed(qint64 offset, const QString &what) const;
    // JsonShape's density check, for the values scanned so far (call at the end).
    Status checkDensity() const;

    const QString &path() const { return m_path; }

private:
    struct Scan;
    Status fill(qsizetype keepFrom);
    Result<qsizetype> scanValue(bool keep, qint64 limit);

    QString m_path;
    QString m_what;
    QFile m_file;
    qsizetype m_chunk;
    QByteArray m_buffer;
    qint64 m_bufferStart = 0; // file offset of m_buffer[0]
    qsizetype m_pos = 0;      // next unread byte in m_buffer
    qsizetype m_end = 0;      // bytes of m_buffer that hold file data
    bool m_atEnd = false;
    int m_depth = 0;
    qint64 m_values = 1;
};

} // namespace Deltaboard
