#include "csv.h"

#include "importmapping.h"
#include "inputtext.h"

#include <QByteArray>
#include <QList>
#include <QString>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

using InputText::notUtf8;

Result<QList<CsvRow>> parseCsv(const QString &path, const QByteArray &bytes)
{
    if (auto bad = notUtf8(path, bytes, u"a CSV export"_s))
        return *bad;
    const QString text = QString::fromUtf8(bytes);
    QList<CsvRow> rows;
    CsvRow row{1, {}};
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    qsizetype i = text.startsWith(QChar(0xfeff)) ? 1 : 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == u',') {
            row.cells.append(field);
            field.clear();
            fieldStarted = false;
            if (row.cells.size() >= kMaxCsvColumns) {
                return Error{u"%1: line %2: more than %3 fields (no export has that many "
                             u"columns)"_s.arg(path)
                                 .arg(row.line)
                                 .arg(kMaxCsvColumns)};
            }
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row.cells.append(field);
            field.clear();
            fieldStarted = false;
            if (!(row.cells.size() == 1 && row.cells.first().isEmpty()))
                rows.append(row);
            ++line;
            row = {line, {}};
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return Error{
            u"%1: line %2: a quoted field is not closed (the file is cut off?)"_s.arg(path).arg(
                quoteLine)};
    if (fieldStarted || !row.cells.isEmpty()) {
        row.cells.append(field);
        rows.append(row);
    }
    if (rows.isEmpty())
        return Error{u"%1: empty (a header line was expected)"_s.arg(path)};
    // Every record has the header's fields: fewer or more is a cut or a broken export.
    for (const CsvRow &r : std::as_const(rows)) {
        for (qsizetype c = 0; c < r.cells.size(); ++c) {
            if (r.cells.at(c).size() > kMaxFieldLength) {
                return Error{u"%1: line %2, field %3 (%4): %5 characters, more than the %6 a "
                             u"field may hold"_s.arg(path)
                                 .arg(r.line)
                                 .arg(c + 1)
                                 .arg(rows.first().cells.value(c))
                                 .arg(r.cells.at(c).size())
                                 .arg(kMaxFieldLength)};
            }
        }
        if (r.cells.size() != rows.first().cells.size()) {
            return Error{u"%1: line %2: %3 fields where the header has %4 (the file is cut off, "
                         u"or a quote is missing?)"_s.arg(path)
                             .arg(r.line)
                             .arg(r.cells.size())
                             .arg(rows.first().cells.size())};
        }
    }
    return rows;
}

} // namespace Deltaboard::Import
