#pragma once

#include "triagereports.h"
#include "workspace.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Deltaboard {

// The impact heat map: open deltas (rows, heaviest first: each group's level weighted by its
// size) by user groups (columns). Ids are read at once, rows in windows. A cell's edit role is
// the level 0..4 (invalid: not assessed); setting it pushes an undoable SetImpactCommand.
class ImpactMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, TitleColumn, UsersColumn, FirstGroupColumn };
    enum Role {
        DeltaIdRole = Qt::UserRole + 1,
        LevelRole, // a group cell's level, or invalid when not assessed
        GroupIdRole,
    };

    // The workspace is not owned and must outlive the model.
    explicit ImpactMatrixModel(Workspace *workspace, QObject *parent = nullptr);

    // Reads the groups and the ids again.
    void refresh();
    // A delta changed: its row is read again, or everything when its place may have changed.
    void refreshDelta(qint64 deltaId);

    int rowOf(qint64 deltaId) const { return m_rows.value(deltaId, -1); }
    qint64 deltaAt(int row) const { return m_ids.value(row); }
    int columnOfGroup(qint64 groupId) const;
    const QList<UserGroup> &groups() const { return m_groups; }
    const QString &lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Orders the map by a column (a group's column: by its level); -1: heaviest first again.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static constexpr int kWindow = TriageReports::kRowsBatch;
    static constexpr int kMaxWindows = 64;

private:
    const ImpactMatrixRow *rowAt(int row) const;
    const UserGroup *groupAt(int column) const;

    Result<QList<qint64>> readIds();

    Workspace *m_workspace;
    int m_sortColumn = -1; // -1: by weight
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QList<UserGroup> m_groups;
    QList<qint64> m_ids;
    QHash<qint64, int> m_rows;
    mutable QHash<int, QList<ImpactMatrixRow>> m_windows;
    mutable QString m_error;
};

} // namespace Deltaboard
