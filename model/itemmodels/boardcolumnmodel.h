#pragma once

#include "records.h"
#include "taskstore.h"

#include <QAbstractListModel>
#include <QHash>

namespace Deltaboard {

class BoardModel;

// The cards of one board column, in rank order, for a list view. Details a card shows beyond
// its board row (priority, delta kinds, the group hurt most) are read in batches when a view
// first asks for them. Dropping cards here asks the board to move them; the model never changes
// itself from a view: see BoardModel::requestMove().
class BoardColumnModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        TitleRole,
        AssigneeRole,
        LinkedDeltasRole,
        TopImpactRole,     // int 0..4, or invalid when no linked delta is assessed
        PriorityRole,      // int 0..4, or invalid when the organisation has no priority on them
        KindsRole,         // QStringList of "defect", "crash", "spec"
        TopGroupRole,      // the user group hurt most
        CreatedAtRole,     // QDateTime
        InColumnSinceRole, // QDateTime: when the card entered its current column
        LabelsRole,        // QStringList of label names
        LabelColoursRole,  // QStringList of "#rrggbb", as LabelsRole
    };

    static constexpr QLatin1StringView kMimeType{"application/x-deltaboard-task-ids"};
    // The task ids a drag carries (kMimeType), in order.
    static QList<qint64> taskIdsOf(const QMimeData *data);

    // Owned by the board (its parent).
    BoardColumnModel(BoardModel *board, BoardColumn column);

    const BoardColumn &column() const { return m_column; }
    // All cards of the column, whatever the filter shows.
    int cardCount() const { return int(m_cards.size()); }
    // The cards the board's filter lets through.
    int shownCount() const { return int(m_shown.size()); }
    bool isFiltered() const { return !m_filter.isEmpty(); }
    const QList<BoardCard> &cards() const { return m_cards; }
    bool isOverLimit() const { return m_column.wipLimit && cardCount() > *m_column.wipLimit; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    // Row of a task among the shown cards, or -1.
    int rowOf(qint64 taskId) const;
    qint64 taskAt(int row) const;

Q_SIGNALS:
    // The number of cards (all, not only shown) changed; WIP state may have changed with it.
    void cardCountChanged();

private:
    friend class BoardModel;
    // Used by BoardModel only; each keeps the view informed with row signals.
    void setCards(QList<BoardCard> cards);
    void setFilter(const QString &text);
    BoardCard takeCard(qint64 taskId);
    void insertCard(BoardCard card, std::optional<qint64> beforeTaskId);
    bool matches(const BoardCard &card) const;
    void showMatching();
    const CardDetails *detailsFor(int row) const;

    BoardModel *m_board;
    BoardColumn m_column;
    QList<BoardCard> m_cards; // all cards, in rank order
    QList<int> m_shown;       // indexes into m_cards of the cards the filter lets through
    QString m_filter;
    mutable QHash<qint64, CardDetails> m_details;
};

} // namespace Deltaboard
