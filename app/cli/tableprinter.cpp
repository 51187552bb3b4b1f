#include "tableprinter.h"

using namespace Qt::StringLiterals;

namespace Deltaboard::Cli {

TablePrinter::TablePrinter(QStringList headers, QList<int> maxWidths)
    : m_headers(std::move(headers))
    , m_maxWidths(std::move(maxWidths))
{}

void TablePrinter::addRow(QStringList cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const int limit = m_maxWidths.value(i, 0);
        QString &cell = cells[i];
        cell = cell.simplified();
        if (limit > 1 && cell.size() > limit)
            cell = cell.left(limit - 1) + u'…';
    }
    m_rows.append(std::move(cells));
}

void TablePrinter::print(QTextStream &out) const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths.append(header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            text += last ? cells[i] : cells[i].leftJustified(widths[i]) + u"  "_s;
        }
        out << text.trimmed() << '\n';
    };
    line(m_headers);
    for (const QStringList &row : m_rows)
        line(row);
}

} // namespace Deltaboard::Cli
