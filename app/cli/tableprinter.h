#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Deltaboard::Cli {

// Prints rows as aligned columns for a terminal. Long cells are cut with an ellipsis at the
// column's maximum width so one long title cannot push the rest off screen.
class TablePrinter
{
public:
    explicit TablePrinter(QStringList headers, QList<int> maxWidths = {});
    void addRow(QStringList cells);
    void print(QTextStream &out) const;
    bool isEmpty() const { return m_rows.isEmpty(); }

private:
    QStringList m_headers;
    QList<int> m_maxWidths;
    QList<QStringList> m_rows;
};

} // namespace Deltaboard::Cli
