#pragma once

#include <QSet>
#include <QWidget>

class QGridLayout;
class QListView;

namespace Deltaboard {

class BoardModel;
class CardDelegate;
class LaneCellModel;

// A board cut into swimlanes: a row of column headers (cards and WIP limit per column, as
// without lanes), then per lane a header (its name and card count; click to collapse it) over
// one cell per column. Cells grow with their cards and the board scrolls as a whole. Cards are
// dragged between cells: within a lane as on a board without lanes; into another lane where the
// board allows it (see BoardModel::requestLaneChange).
class SwimlaneGrid : public QWidget
{
    Q_OBJECT

public:
    // 'collapsed' holds the labels of collapsed lanes; it outlives the grid (the board keeps it
    // across rebuilds).
    SwimlaneGrid(BoardModel *model, CardDelegate *delegate, QSet<QString> *collapsed,
                 QWidget *parent = nullptr);

    QList<QListView *> cells() const { return m_cells; }
    // The cell of a lane and a column, or null.
    QListView *cell(const QString &lane, qint64 columnId) const;
    bool isCollapsed(const QString &lane) const;
    void setCollapsed(const QString &lane, bool collapsed);

Q_SIGNALS:
    void taskActivated(qint64 taskId);
    void newCardRequested(qint64 columnId);

private:
    void fitCell(QListView *cell);

    BoardModel *m_model;
    QSet<QString> *m_collapsed;
    QGridLayout *m_grid;
    QList<QListView *> m_cells;
    QList<LaneCellModel *> m_cellModels;
    QHash<QString, QList<QWidget *>> m_laneWidgets; // the cells of each lane, hidden together
};

} // namespace Deltaboard
