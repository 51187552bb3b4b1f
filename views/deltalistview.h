#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedLayout;
class QTableView;

namespace Deltaboard {

class DeltaTableModel;

// The inbox of all deltas: a search box over a lazily filled table, and a hint when the database
// has nothing to show yet. The model is not owned.
class DeltaListView : public QWidget
{
    Q_OBJECT

public:
    explicit DeltaListView(DeltaTableModel *model, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    // The number of deltas matching the current search changed.
    void countChanged(int count);

private:
    void applySearch();
    void updateEmptyState();

    DeltaTableModel *m_model;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_empty;
    QStackedLayout *m_stack;
};

} // namespace Deltaboard
