#pragma once

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSplitter;
class QStackedLayout;
class QTableView;
class QTimer;

namespace Deltaboard {

class DeltaDetailView;
class DeltaTableModel;
class Workspace;

// The inbox of all deltas: a lazily filled table, a hint instead of an empty table when nothing
// matches, and the selected delta in full beside it. The model and workspace are not owned.
class DeltaListView : public QWidget
{
    Q_OBJECT

public:
    DeltaListView(DeltaTableModel *model, Workspace *workspace, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    DeltaDetailView *detail() const { return m_detail; }
    // Full-text search as you type: applied after a short pause, not on every keystroke.
    void setSearchText(const QString &text);
    // The organisation whose priority the list and the detail show (std::nullopt: none).
    void setOrganisation(std::optional<qint64> organisationId);
    // The selected deltas, in list order.
    QList<qint64> selectedDeltas() const;
    // Selects the delta with this id, if the list shows it.
    bool selectDelta(qint64 deltaId);
    // Fills the component filter (the components can change when a workspace is created).
    void setComponents(const QList<std::pair<qint64, QString>> &components);
    // The filters and the sort as a saved view keeps them ({"kind": "crash", "state": ...,
    // "component": id, "label": id, "sort": column, "descending": bool}), and back. The search
    // text is the window's.
    QJsonObject filterState() const;
    void setFilterState(const QJsonObject &state);
    // Fills the label filter.
    void setLabels(const QList<std::pair<qint64, QString>> &labels);
    QComboBox *labelFilter() const { return m_labelFilter; }

Q_SIGNALS:
    // The number of deltas matching the current search changed.
    void countChanged(int count);
    void selectionChanged();

private:
    void applySearch();
    void updateEmptyState();
    // The priority column as wide as its level words need (again when it is shown again).
    void fitPriorityColumn();
    void showCurrent();
    void applyFilters();

    DeltaTableModel *m_model;
    QTableView *m_table;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    DeltaDetailView *m_detail;
    QTimer *m_debounce;
    QComboBox *m_kindFilter;
    QComboBox *m_stateFilter;
    QComboBox *m_componentFilter;
    QComboBox *m_labelFilter;
    QString m_pendingSearch;
    std::optional<qint64> m_organisation;
};

} // namespace Deltaboard
