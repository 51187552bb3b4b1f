#pragma once

#include <QWidget>

class QLabel;
class QStackedLayout;
class QTableView;
class QTimer;

namespace Deltaboard {

class DeltaTableModel;

// The inbox of all deltas: a lazily filled table, and a hint instead of an empty table when
// nothing matches. The model is not owned.
class DeltaListView : public QWidget
{
    Q_OBJECT

public:
    explicit DeltaListView(DeltaTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Full-text search as you type: applied after a short pause, not on every keystroke.
    void setSearchText(const QString &text);
    // Whose priority the Priority column shows (std::nullopt hides the column).
    void setPriorityOrganisation(std::optional<qint64> organisationId);

Q_SIGNALS:
    // The number of deltas matching the current search changed.
    void countChanged(int count);

private:
    void applySearch();
    void updateEmptyState();

    DeltaTableModel *m_model;
    QTableView *m_table;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    QTimer *m_debounce;
    QString m_pendingSearch;
};

} // namespace Deltaboard
