#pragma once

#include "deltastore.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Deltaboard {

// All deltas matching a filter. Setting a filter reads only the matching ids (from indexes), so
// the model knows every row at once and a view's scroll bar is right even at 100,000 deltas; the
// rows themselves are read in windows when a view first asks for one of their cells, and a
// bounded number of windows is kept.
class DeltaTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        KindColumn,
        TitleColumn,
        ComponentColumn,
        StateColumn,
        PriorityColumn,
        ImpactColumn,
        CommittedColumn,
        ColumnCount
    };
    enum Role { DeltaIdRole = Qt::UserRole + 1, KindRole };

    // 'db' is not owned and must outlive the model; it is used from the model's thread only.
    explicit DeltaTableModel(Database &db, QObject *parent = nullptr);

    void setFilter(const DeltaFilter &filter);
    const DeltaFilter &filter() const { return m_filter; }
    // Reads everything again (after the database changed).
    void refresh() { setFilter(m_filter); }
    // One delta changed: its row is read again when next shown (dataChanged is emitted).
    void refreshDelta(qint64 deltaId);
    // The row of a delta, or -1 when the filter does not show it.
    int rowOf(qint64 deltaId) const;
    int totalCount() const { return int(m_ids.size()); }
    const QString &lastError() const { return m_error; }
    // How many windows have been read since the last filter change (for tests and benchmarks).
    int windowsRead() const { return m_windowsRead; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Orders by a column in SQL: the ids are read again in that order, the rows as they are
    // shown, so sorting 100,000 deltas reads no row it does not paint.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static DeltaSort sortOf(int column);

    static constexpr int kWindow = DeltaStore::kRowsBatch;
    static constexpr int kMaxWindows = 64;

private:
    const DeltaRow *rowAt(int row) const;

    Database &m_db;
    DeltaFilter m_filter;
    QList<qint64> m_ids;
    // Window index -> its rows. Filled on demand from const data(), hence mutable.
    mutable QHash<int, QList<DeltaRow>> m_windows;
    mutable int m_windowsRead = 0;
    mutable QString m_error;
};

} // namespace Deltaboard
