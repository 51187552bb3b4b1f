#include "lanecellmodel.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"

#include <QMimeData>
#include <QPointer>

namespace Deltaboard {

LaneCellModel::LaneCellModel(BoardModel *board, BoardColumnModel *column, QString lane,
                             QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_board(board)
    , m_column(column)
    , m_lane(std::move(lane))
{
    setSourceModel(column);
}

bool LaneCellModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_board->laneOf(m_column->taskAt(sourceRow)) == m_lane;
}

bool LaneCellModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                 const QModelIndex &)
{
    if (!data || !data->hasFormat(QString(BoardColumnModel::kMimeType))
        || action == Qt::IgnoreAction) {
        return false;
    }
    const QList<qint64> ids = BoardColumnModel::taskIdsOf(data);
    // Before the card shown at 'row' in this cell, or after the last card of the column.
    std::optional<qint64> before;
    if (row >= 0 && row < rowCount())
        before = index(row, 0).data(BoardColumnModel::TaskIdRole).toLongLong();
    // After the drop event is done: a lane change reads the board again, which replaces the
    // cells, this one and the view being dropped on included.
    const CardPosition to{m_column->column().id, before};
    QPointer<BoardModel> board(m_board);
    for (const qint64 id : std::as_const(ids)) {
        if (before && *before == id)
            continue;
        QMetaObject::invokeMethod(
            m_board,
            [board, id, lane = m_lane, to] {
                if (board)
                    board->requestLaneChange(id, lane, to);
            },
            Qt::QueuedConnection);
    }
    // The board moved the cards itself (see BoardColumnModel::dropMimeData).
    return false;
}

} // namespace Deltaboard
