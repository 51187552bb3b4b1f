#include "jsonshape.h"

#include "inputtext.h"

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Deltaboard::JsonShape {

Status check(const QString &path, const QByteArray &bytes, const QString &expected)
{
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    int depth = 0;
    // Every value but the first follows a comma or a colon, or opens a container: their count
    // is the document's value count within a few.
    qsizetype values = 1;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '"') {
            // Skip the string: to the next quote that no odd run of backslashes escapes (memchr
            // runs through long texts many times faster than a loop over their bytes).
            while (true) {
                const void *quote = std::memchr(data + i + 1, '"', size_t(size - i - 1));
                if (!quote) {
                    i = size;
                    break;
                }
                i = static_cast<const char *>(quote) - data;
                qsizetype backslashes = 0;
                while (data[i - 1 - backslashes] == '\\')
                    ++backslashes;
                if (backslashes % 2 == 0)
                    break;
            }
            continue;
        }
        switch (c) {
        case '{':
        case '[':
            ++values;
            if (++depth > kMaxDepth) {
                return Error{u"%1: %2: nested deeper than %3 levels (%4 was expected)"_s.arg(
                    path, InputText::position(bytes, i), QString::number(kMaxDepth), expected)};
            }
            break;
        case '}':
        case ']':
            depth = std::max(0, depth - 1); // a stray bracket is the parser's to report
            break;
        case ',':
        case ':':
            ++values;
            break;
        default:
            break;
        }
    }
    if (size >= kDensityFrom && values * kMinBytesPerValue > size) {
        return Error{u"%1: %2 values in %3 MB, far more than %4 holds for its size (a list of "
                     u"numbers or empty records?)"_s.arg(path)
                         .arg(values)
                         .arg(double(size) / (1024 * 1024), 0, 'f', 1)
                         .arg(expected)};
    }
    return {};
}

} // namespace Deltaboard::JsonShape
