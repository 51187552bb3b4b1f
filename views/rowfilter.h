#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QTableView;

namespace Deltaboard {

// Search as you type for a table whose rows other code addresses by their model row (the
// Priorities, Impact, Gap and Crashes views): rows that do not match are hidden, so every row
// number stays what the model says. A row matches when each word is in its text column
// (case ignored), or when the search is "#123" / "123" and the row is delta 123. Applied again
// whenever the model's rows change.
class RowFilter : public QObject
{
    Q_OBJECT

public:
    RowFilter(QTableView *table, int textColumn, std::function<qint64(int row)> deltaAt,
              QObject *parent = nullptr);

    void setText(const QString &text);
    const QString &text() const { return m_text; }
    // Rows shown after the last filtering.
    int shown() const { return m_shown; }

private:
    void apply();

    QTableView *m_table;
    int m_column;
    std::function<qint64(int)> m_deltaAt;
    QString m_text;
    int m_shown = 0;
};

} // namespace Deltaboard
