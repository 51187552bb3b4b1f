#include "jsonstream.h"

#include "inputfile.h"
#include "jsonshape.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Where a number or a literal (true, false, null) ends.
bool endsScalar(char c)
{
    return c == ',' || c == ']' || c == '}' || c == ':' || isSpace(c);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1);
}

} // namespace

JsonStream::JsonStream(const QString &path, qsizetype chunk)
    : m_path(path)
    , m_chunk(std::max<qsizetype>(chunk, 1))
{}

Status JsonStream::open(qint64 limit, const QString &what)
{
    m_what = what;
    if (const Status opened = InputFile::open(m_file, m_path); !opened)
        return opened;
    if (m_file.size() > limit) {
        return Error{u"%1: %2 MB is more than the %3 MB %4 may be"_s.arg(
            m_path, megabytes(m_file.size()), megabytes(limit), what)};
    }
    return {};
}

// Reads the next chunk after what is in the buffer, keeping the bytes from 'keepFrom' on (the
// value being scanned) and dropping those before it.
Status JsonStream::fill(qsizetype keepFrom)
{
    const qsizetype kept = m_end - keepFrom;
    if (keepFrom > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + keepFrom, size_t(kept));
        m_bufferStart += keepFrom;
        m_pos -= keepFrom;
        m_end = kept;
    }
    // After one large value the buffer shrinks back: memory follows the largest value still
    // being read, not the largest one ever read.
    if (m_buffer.size() > kept + 4 * m_chunk) {
        m_buffer.resize(kept + m_chunk);
        m_buffer.squeeze();
    } else if (m_buffer.size() < kept + m_chunk) {
        m_buffer.resize(kept + m_chunk);
    }
    const qint64 got = m_file.read(m_buffer.data() + kept, m_chunk);
    if (got < 0)
        return Error{u"cannot read %1: %2"_s.arg(m_path, m_file.errorString())};
    m_atEnd = got == 0;
    m_end = kept + got;
    return {};
}

Result<char> JsonStream::peek()
{
    while (true) {
        while (m_pos < m_end && isSpace(m_buffer.at(m_pos)))
            ++m_pos;
        if (m_pos < m_end)
            return m_buffer.at(m_pos);
        if (m_atEnd)
            return '\0';
        if (const Status filled = fill(m_pos); !filled)
            return Error{filled.error()};
    }
}

void JsonStream::consume()
{
    if (m_pos >= m_end)
        return;
    switch (m_buffer.at(m_pos++)) {
    case '{':
    case '[':
        ++m_depth;
        ++m_values;
        break;
    case '}':
    case ']': --m_depth; break;
    case ',':
    case ':': ++m_values; break;
    default: break;
    }
}

Status JsonStream::seek(qint64 offset, int depth)
{
    m_depth = depth;
    if (offset >= m_bufferStart && offset <= m_bufferStart + m_end) {
        m_pos = qsizetype(offset - m_bufferStart);
        return {};
    }
    if (!m_file.seek(offset))
        return Error{u"cannot read %1: %2"_s.arg(m_path, m_file.errorString())};
    m_bufferStart = offset;
    m_pos = m_end = 0;
    m_atEnd = false;
    return {};
}

// Finds the end of the value at m_pos, reading more as needed. With 'keep' the value's bytes
// stay in the buffer from m_pos on; without, they are dropped as they are passed.
Result<qsizetype> JsonStream::scanValue(bool keep, qint64 limit)
{
    const auto next = peek();
    if (!next)
        return Error{next.error()};
    const qint64 start = offset();
    const char first = *next;
    if (first == '\0')
        return malformed(start, u"the file ends where a value was expected"_s);
    if (first == ',' || first == ':' || first == ']' || first == '}')
        return malformed(start, u"a value was expected"_s);
    const bool scalar = first != '{' && first != '[' && first != '"';
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    qsizetype at = m_pos;
    qsizetype quoteAt = -1; // the next '"' in the buffer at or after 'at', once looked for
    while (true) {
        const char *data = m_buffer.constData();
        if (scalar) {
            while (at < m_end && !endsScalar(data[at]))
                ++at;
            if (at < m_end)
                return at - m_pos;
        } else {
            while (at < m_end) {
                if (inString && !escaped) {
                    // Most of an export is text: jump to the next backslash or the closing
                    // quote with memchr, many times faster than this loop. The quote found is
                    // kept until passed, so a text with many escapes is still scanned once.
                    if (quoteAt < at) {
                        const auto *quote = static_cast<const char *>(
                            std::memchr(data + at, '"', size_t(m_end - at)));
                        quoteAt = quote ? quote - data : m_end;
                    }
                    const auto *backslash = static_cast<const char *>(
                        std::memchr(data + at, '\\', size_t(quoteAt - at)));
                    at = backslash ? backslash - data : quoteAt;
                    if (at == m_end)
                        break;
                }
                const char c = data[at++];
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                        if (depth == 0)
                            return at - m_pos;
                    }
                    continue;
                }
                switch (c) {
                case '"': inString = true; break;
                case '{':
                case '[':
                    ++m_values;
                    if (m_depth + ++depth > JsonShape::kMaxDepth) {
                        const qint64 where = m_bufferStart + at - 1;
                        return Error{
                            u"%1: %2: nested deeper than %3 levels (%4 was expected)"_s.arg(
                                m_path, position(where), QString::number(JsonShape::kMaxDepth),
                                m_what)};
                    }
                    break;
                case '}':
                case ']':
                    if (--depth == 0)
                        return at - m_pos;
                    break;
                case ',':
                case ':': ++m_values; break;
                default: break;
                }
            }
        }
        if (m_atEnd) {
            if (scalar)
                return at - m_pos;
            return malformed(start, u"the file ends inside this value"_s);
        }
        if (keep) {
            if (at - m_pos > limit) {
                return Error{u"%1: %2: a value larger than %3 MB"_s.arg(m_path, position(start),
                                                                        megabytes(limit))};
            }
            const qsizetype shift = m_pos;
            if (const Status filled = fill(m_pos); !filled)
                return Error{filled.error()};
            at -= shift;
            quoteAt = -1;
        } else {
            m_pos = at;
            if (const Status filled = fill(at); !filled)
                return Error{filled.error()};
            at = m_pos;
            quoteAt = -1;
        }
    }
}

Result<QByteArrayView> JsonStream::value(qint64 limit)
{
    const auto length = scanValue(true, limit);
    if (!length)
        return Error{length.error()};
    if (*length > limit) {
        return Error{u"%1: %2: a value larger than %3 MB"_s.arg(m_path, position(offset()),
                                                                megabytes(limit))};
    }
    const QByteArrayView bytes(m_buffer.constData() + m_pos, *length);
    m_pos += *length;
    return bytes;
}

Status JsonStream::skipValue()
{
    const auto length = scanValue(false, 0);
    if (!length)
        return Error{length.error()};
    m_pos += *length;
    return {};
}

Result<QString> JsonStream::string()
{
    const auto next = peek();
    if (!next)
        return Error{next.error()};
    const qint64 start = offset();
    if (*next != '"')
        return malformed(start, u"a name in quotes was expected"_s);
    const auto decoded = scalar(1024 * 1024);
    if (!decoded)
        return Error{decoded.error()};
    return decoded->toString();
}

Result<QJsonValue> JsonStream::scalar(qint64 limit)
{
    const qint64 start = offset();
    const auto bytes = value(limit);
    if (!bytes)
        return Error{bytes.error()};
    // A value alone is no JSON document for Qt: in a list it is.
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson('[' + bytes->toByteArray() + ']', &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(start + std::max(0, error.offset - 1), error.errorString());
    return document.array().at(0);
}

std::pair<qint64, qint64> JsonStream::lineAndColumn(qint64 offset) const
{
    QFile file(m_path);
    qint64 line = 1;
    qint64 lineStart = 0;
    if (file.open(QIODevice::ReadOnly)) {
        qint64 read = 0;
        while (read < offset) {
            const QByteArray chunk = file.read(std::min<qint64>(offset - read, 1 << 20));
            if (chunk.isEmpty())
                break;
            for (qsizetype i = 0; i < chunk.size(); ++i) {
                if (chunk.at(i) == '\n') {
                    ++line;
                    lineStart = read + i + 1;
                }
            }
            read += chunk.size();
        }
    }
    return {line, offset - lineStart + 1};
}

QString JsonStream::position(qint64 offset) const
{
    const auto [line, column] = lineAndColumn(offset);
    return u"line %1, column %2"_s.arg(line).arg(column);
}

Error JsonStream::malformed(qint64 offset, const QString &what) const
{
    const auto [line, column] = lineAndColumn(offset);
    // The place as every other reader's messages give it: "file: line L, column C: …".
    return Error{
        u"%1: line %2, column %3: malformed JSON: %4"_s.arg(m_path).arg(line).arg(column).arg(
            what)};
}

Status JsonStream::checkDensity() const
{
    const qint64 size = m_file.size();
    if (size >= JsonShape::kDensityFrom && m_values * JsonShape::kMinBytesPerValue > size) {
        return Error{u"%1: %2 values in %3 MB, far more than %4 holds for its size (a list of "
                     u"numbers or empty records?)"_s.arg(m_path)
                         .arg(m_values)
                         .arg(megabytes(size))
                         .arg(m_what)};
    }
    return {};
}

} // namespace Deltaboard
