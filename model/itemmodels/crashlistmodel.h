#pragma once

#include "crashstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace Deltaboard {

// Crash deltas by report count for the Crashes view: the counts of all of them at once (from
// the reports' index), titles, versions and platforms in windows as a view shows them, and the
// regressed ones flagged.
class CrashListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ReportsColumn,
        SignatureColumn,
        LastSeenColumn,
        VersionsColumn,
        FlagColumn,
        ColumnCount
    };
    enum Role { DeltaIdRole = Qt::UserRole + 1, RegressedRole };

    // 'db' is not owned and must outlive the model.
    explicit CrashListModel(Database &db, QObject *parent = nullptr);

    void refresh();
    qint64 deltaAt(int row) const;
    int rowOf(qint64 deltaId) const;
    // The full summary of a row (read with its window).
    const CrashSummary *summaryAt(int row) const;
    const QString &lastError() const { return m_error; }
    int totalReports() const { return m_totalReports; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static constexpr int kWindow = 128;

private:
    Database &m_db;
    QList<CrashStore::Count> m_counts;
    QSet<qint64> m_regressed;
    int m_totalReports = 0;
    mutable QHash<int, QList<CrashSummary>> m_windows;
    mutable QString m_error;
};

} // namespace Deltaboard
