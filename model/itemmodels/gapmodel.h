#pragma once

#include "database.h"
#include "reports.h"

#include <QAbstractTableModel>

namespace Deltaboard {

// The commitment gap (Reports::gap) for a view: the first page at once, more as the view
// scrolls (fetchMore), so the first paint costs one page however wide the gap is.
class GapModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        KindColumn,
        TitleColumn,
        ImpactColumn,
        UsersColumn,
        GroupsColumn,
        PrioritiesColumn,
        ColumnCount
    };
    enum Role { DeltaIdRole = Qt::UserRole + 1 };

    // 'db' is not owned and must outlive the model.
    explicit GapModel(Database &db, QObject *parent = nullptr);

    // Reads the first page again (after the database changed).
    void refresh();
    qint64 deltaAt(int row) const
    {
        return row >= 0 && row < m_rows.size() ? m_rows.at(row).deltaId : 0;
    }
    int rowOf(qint64 deltaId) const;
    // Whether every row has been read (rowCount() is then the gap's size).
    bool complete() const { return m_complete; }
    const QString &lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int kPage = 200;

private:
    Database &m_db;
    QList<GapRow> m_rows;
    bool m_complete = false;
    QString m_error;
};

} // namespace Deltaboard
