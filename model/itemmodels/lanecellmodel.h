#pragma once

#include <QSortFilterProxyModel>

namespace Deltaboard {

class BoardColumnModel;
class BoardModel;

// One cell of a board cut into swimlanes: the cards of one column that fall in one lane. A drop
// here asks the board for a move within the lane, or for a lane change (which the board grants
// for assignees and refuses for what comes from the deltas).
class LaneCellModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // Neither is owned; the cell goes when the board resets.
    LaneCellModel(BoardModel *board, BoardColumnModel *column, QString lane,
                  QObject *parent = nullptr);

    const QString &lane() const { return m_lane; }
    BoardColumnModel *column() const { return m_column; }

    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    BoardModel *m_board;
    BoardColumnModel *m_column;
    QString m_lane;
};

} // namespace Deltaboard
