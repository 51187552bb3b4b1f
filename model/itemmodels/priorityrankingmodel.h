#pragma once

#include "triagereports.h"
#include "workspace.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Deltaboard {

// One organisation's ranking of deltas, optionally side by side with a second organisation's
// priorities (DESIGN.md "Derived views"): the first organisation's ranked deltas, then those only
// the second one ranks. Rows where the two disagree strongly are marked and can be shown alone.
// Ids are read at once (from an index, in order), rows in windows as views ask for them.
//
// The first organisation's priority is editable, and rows can be re-ranked (moveDelta, drag and
// drop): both go through undo commands on the workspace's stack.
class PriorityRankingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RankColumn,
        IdColumn,
        KindColumn,
        TitleColumn,
        FirstColumn,
        SecondColumn,
        ImpactColumn,
        ColumnCount
    };
    enum Role {
        DeltaIdRole = Qt::UserRole + 1,
        StrongRole, // bool: a strong disagreement
        LevelRole,  // the first organisation's level, or invalid
    };

    // The workspace is not owned and must outlive the model.
    explicit PriorityRankingModel(Workspace *workspace, QObject *parent = nullptr);

    // 'second' 0: no comparison. Names label the columns.
    void setOrganisations(qint64 first, const QString &firstName, qint64 second,
                          const QString &secondName);
    qint64 firstOrganisation() const { return m_first; }
    qint64 secondOrganisation() const { return m_second; }
    void setStrongOnly(bool strongOnly);
    bool strongOnly() const { return m_strongOnly; }
    // Reads the ids again (after the database changed).
    void refresh();
    // A delta changed: its row is read again, or everything when it may have moved.
    void refreshDelta(qint64 deltaId);

    int rowOf(qint64 deltaId) const { return m_rows.value(deltaId, -1); }
    qint64 deltaAt(int row) const { return m_ids.value(row); }
    // The first organisation's level at a row (nullopt: it has no priority on the delta).
    std::optional<int> levelAt(int row) const;
    const QString &lastError() const { return m_error; }
    // How many rows disagree strongly (with a second organisation), whatever the filter.
    int strongCount() const { return m_strongCount; }

    // Re-ranking: puts the delta at 'row' just before the delta now at 'targetRow' (at the end of
    // the ranking when targetRow is rowCount()), taking that delta's level. One undo step.
    bool moveDelta(int row, int targetRow);
    // One place up or down, as the keyboard does it.
    bool moveUp(int row);
    bool moveDown(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    static constexpr int kWindow = TriageReports::kRowsBatch;
    static constexpr int kMaxWindows = 64;

private:
    const DisagreementRow *rowAt(int row) const;

    Workspace *m_workspace;
    qint64 m_first = 0;
    qint64 m_second = 0;
    QString m_firstName;
    QString m_secondName;
    bool m_strongOnly = false;
    int m_strongCount = 0;
    QList<qint64> m_ids;
    QHash<qint64, int> m_rows; // delta id -> row
    mutable QHash<int, QList<DisagreementRow>> m_windows;
    mutable QString m_error;
};

} // namespace Deltaboard
