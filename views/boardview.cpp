#include "boardview.h"

#include "boardcolumnview.h"
#include "carddelegate.h"
#include "swimlanegrid.h"

#include "boardmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

BoardView::BoardView(BoardModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_delegate(new CardDelegate(this))
    , m_scroll(new QScrollArea(this))
    , m_strip(new QWidget)
    , m_stripLayout(new QHBoxLayout(m_strip))
    , m_empty(new QWidget(this))
    , m_demoButton(new QPushButton(tr("Create a Demo Workspace"), m_empty))
    , m_setupButton(new QPushButton(tr("Set Up Workspace…"), m_empty))
    , m_hint(new QLabel(m_empty))
{
    setObjectName(u"boardView"_s);
    m_stripLayout->setContentsMargins(8, 8, 8, 8);
    m_stripLayout->setSpacing(10);
    m_scroll->setWidget(m_strip);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    QLabel *hint = m_hint;
    hint->setObjectName(u"boardEmptyState"_s);
    hint->setWordWrap(true);
    setNoOrganisation(false);
    m_setupButton->setObjectName(u"setUpWorkspace"_s);
    m_setupButton->hide();
    connect(static_cast<QPushButton *>(m_setupButton), &QPushButton::clicked, this,
            &BoardView::setupRequested);
    m_demoButton->setObjectName(u"createDemo"_s);
    m_demoButton->hide();
    connect(static_cast<QPushButton *>(m_demoButton), &QPushButton::clicked, this,
            &BoardView::demoRequested);
    auto *emptyLayout = new QHBoxLayout(m_empty);
    emptyLayout->setContentsMargins(12, 8, 12, 0);
    emptyLayout->addWidget(hint, 1);
    emptyLayout->addWidget(m_setupButton);
    emptyLayout->addWidget(m_demoButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(m_scroll);

    struct Move
    {
        QKeySequence keys;
        int columnStep;
        int rowStep;
        QString text;
    };
    const Move moves[] = {
        {QKeySequence(Qt::CTRL | Qt::Key_Right), 1, 0, tr("Move card to the next column")},
        {QKeySequence(Qt::CTRL | Qt::Key_Left), -1, 0, tr("Move card to the previous column")},
        {QKeySequence(Qt::CTRL | Qt::Key_Up), 0, -1, tr("Move card up")},
        {QKeySequence(Qt::CTRL | Qt::Key_Down), 0, 1, tr("Move card down")},
    };
    for (const Move &move : moves) {
        auto *action = new QAction(move.text, this);
        action->setShortcut(move.keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this,
                [this, move] { moveSelected(move.columnStep, move.rowStep); });
        addAction(action);
    }

    // Left/Right: to the card at the same height in the next column that has cards.
    for (const auto &[key, step] : {std::pair{Qt::Key_Left, -1}, std::pair{Qt::Key_Right, 1}}) {
        auto *action = new QAction(step < 0 ? tr("Previous column") : tr("Next column"), this);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, step] { focusColumn(step); });
        addAction(action);
    }

    // N: a new card in the selected card's column, or in the first.
    auto *newCard = new QAction(tr("New card"), this);
    newCard->setShortcut(QKeySequence(Qt::Key_N));
    newCard->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newCard, &QAction::triggered, this, [this] {
        const auto position = m_model->positionOf(selectedTask());
        if (position)
            Q_EMIT newCardRequested(position->columnId);
        else if (!m_columns.isEmpty())
            Q_EMIT newCardRequested(m_columns.first()->model()->column().id);
    });
    addAction(newCard);

    connect(model, &BoardModel::boardReset, this, &BoardView::rebuild);
    rebuild();
}

void BoardView::rebuild()
{
    qDeleteAll(m_columns);
    m_columns.clear();
    if (m_lanes) {
        // Later: a drop on one of its cells may be what made the board change.
        m_lanes->hide();
        m_lanes->deleteLater();
        m_lanes = nullptr;
    }
    while (QLayoutItem *item = m_stripLayout->takeAt(0))
        delete item;
    m_empty->setVisible(m_model->cardCount() == 0);
    if (m_model->swimlanes() != Swimlanes::None) {
        m_lanes = new SwimlaneGrid(m_model, m_delegate, &m_collapsedLanes, m_strip);
        connect(m_lanes, &SwimlaneGrid::taskActivated, this, &BoardView::taskActivated);
        connect(m_lanes, &SwimlaneGrid::newCardRequested, this, &BoardView::newCardRequested);
        for (QListView *cell : m_lanes->cells())
            applyReadOnly(cell);
        m_stripLayout->addWidget(m_lanes);
        m_lanes->show();
        return;
    }
    for (BoardColumnModel *column : m_model->columns()) {
        auto *view = new BoardColumnView(column, m_delegate, m_strip);
        connect(view, &BoardColumnView::taskActivated, this, &BoardView::taskActivated);
        const qint64 columnId = column->column().id;
        connect(view, &BoardColumnView::newCardRequested, this,
                [this, columnId] { Q_EMIT newCardRequested(columnId); });
        // One card is selected on the board at a time: choosing one clears the others.
        connect(view->list()->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, view](const QModelIndex &current) {
                    if (!current.isValid())
                        return;
                    for (BoardColumnView *other : std::as_const(m_columns)) {
                        if (other != view)
                            other->list()->selectionModel()->clear();
                    }
                });
        applyReadOnly(view->list());
        m_stripLayout->addWidget(view);
        view->show(); // now, not on the next event loop turn: no frame without columns
        m_columns.append(view);
    }
    m_empty->setVisible(m_model->cardCount() == 0);
}

void BoardView::setNoOrganisation(bool none)
{
    m_hint->setText(none ? tr("<b>No organisation yet.</b> A board belongs to an organisation: "
                              "set one up (Edit › Workspace Settings, Ctrl+,), with its board's "
                              "columns, your user groups and components.")
                         : tr("<b>No cards on this board yet.</b> Add one with + in a column "
                              "(or N), or commit to deltas: select them in the Deltas view "
                              "(Ctrl+2) and choose <i>Commit…</i>."));
    m_setupButton->setVisible(none);
}

void BoardView::setOfferDemo(bool offer)
{
    m_demoButton->setVisible(offer);
}

qint64 BoardView::selectedTask() const
{
    if (m_lanes) {
        for (const QListView *cell : m_lanes->cells()) {
            const QModelIndex current = cell->currentIndex();
            if (current.isValid() && (cell->hasFocus() || cell->selectionModel()->hasSelection()))
                return current.data(BoardColumnModel::TaskIdRole).toLongLong();
        }
        return 0;
    }
    for (const BoardColumnView *view : m_columns) {
        const QModelIndex current = view->list()->currentIndex();
        if (current.isValid() && view->list()->hasFocus())
            return current.data(BoardColumnModel::TaskIdRole).toLongLong();
    }
    for (const BoardColumnView *view : m_columns) {
        const QModelIndexList selected = view->list()->selectionModel()->selectedIndexes();
        if (!selected.isEmpty())
            return selected.first().data(BoardColumnModel::TaskIdRole).toLongLong();
    }
    return 0;
}

void BoardView::focusColumn(int step)
{
    if (m_lanes || m_columns.isEmpty())
        return;
    int from = -1;
    int row = 0;
    for (int i = 0; i < m_columns.size(); ++i) {
        const QListView *list = m_columns.at(i)->list();
        if (list->hasFocus() || list->selectionModel()->hasSelection()) {
            from = i;
            row = std::max(0, list->currentIndex().row());
            break;
        }
    }
    if (from < 0)
        from = step > 0 ? -1 : int(m_columns.size());
    for (int i = from + step; i >= 0 && i < m_columns.size(); i += step) {
        QListView *list = m_columns.at(i)->list();
        const int rows = list->model()->rowCount();
        if (rows == 0)
            continue;
        const QModelIndex index = list->model()->index(std::min(row, rows - 1), 0);
        list->setFocus(Qt::ShortcutFocusReason);
        list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        list->scrollTo(index);
        return;
    }
}

void BoardView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (BoardColumnView *view : std::as_const(m_columns))
        applyReadOnly(view->list());
    if (m_lanes) {
        for (QListView *cell : m_lanes->cells())
            applyReadOnly(cell);
    }
}

void BoardView::applyReadOnly(QListView *cards) const
{
    cards->setDragEnabled(!m_readOnly);
    cards->setDragDropMode(m_readOnly ? QAbstractItemView::NoDragDrop
                                      : QAbstractItemView::DragDrop);
}

void BoardView::moveSelectedInLanes(int columnStep, int laneStep)
{
    if (m_readOnly)
        return;
    const qint64 taskId = selectedTask();
    const auto from = m_model->positionOf(taskId);
    if (!taskId || !from)
        return;
    const QList<BoardColumnModel *> columns = m_model->columns();
    int columnIndex = -1;
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i)->column().id == from->columnId)
            columnIndex = i;
    }
    const QList<BoardModel::Lane> &lanes = m_model->lanes();
    int laneIndex = -1;
    for (int i = 0; i < lanes.size(); ++i) {
        if (lanes.at(i).key.label == m_model->laneOf(taskId))
            laneIndex = i;
    }
    const int targetColumn = columnIndex + columnStep;
    const int targetLane = laneIndex + laneStep;
    if (columnIndex < 0 || laneIndex < 0 || targetColumn < 0 || targetColumn >= columns.size()
        || targetLane < 0 || targetLane >= lanes.size()) {
        return;
    }
    const QString lane = lanes.at(targetLane).key.label;
    m_model->requestLaneChange(taskId, lane, {columns.at(targetColumn)->column().id, std::nullopt});
    // Keep the card selected where it landed (the board may have been read again).
    if (m_lanes) {
        if (QListView *cell = m_lanes->cell(m_model->laneOf(taskId),
                                            m_model->positionOf(taskId).value_or(*from).columnId)) {
            for (int row = 0; row < cell->model()->rowCount(); ++row) {
                const QModelIndex index = cell->model()->index(row, 0);
                if (index.data(BoardColumnModel::TaskIdRole).toLongLong() == taskId) {
                    cell->setFocus(Qt::ShortcutFocusReason);
                    cell->setCurrentIndex(index);
                }
            }
        }
    }
}

void BoardView::moveSelected(int columnStep, int rowStep)
{
    if (m_readOnly)
        return;
    if (m_lanes) {
        moveSelectedInLanes(columnStep, rowStep);
        return;
    }
    const qint64 taskId = selectedTask();
    const auto from = m_model->positionOf(taskId);
    if (!taskId || !from)
        return;
    int columnIndex = -1;
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i)->model()->column().id == from->columnId)
            columnIndex = i;
    }
    const int targetIndex = columnIndex + columnStep;
    if (columnIndex < 0 || targetIndex < 0 || targetIndex >= m_columns.size())
        return;
    BoardColumnModel *target = m_columns.at(targetIndex)->model();
    CardPosition to{target->column().id, std::nullopt};
    if (rowStep != 0) {
        const int row = target->rowOf(taskId);
        const int destination = row + (rowStep > 0 ? 2 : -1); // before the card after next
        if (row < 0 || destination < 0 || row + rowStep >= target->rowCount())
            return;
        if (destination < target->rowCount())
            to.beforeTaskId = target->taskAt(destination);
    }
    m_model->requestMove(taskId, to);
    // Keep the card selected where it landed, so the next key press moves it again.
    BoardColumnView *view = m_columns.at(targetIndex);
    const QModelIndex landed = target->index(target->rowOf(taskId));
    view->list()->setFocus(Qt::ShortcutFocusReason);
    view->list()->setCurrentIndex(landed);
    view->list()->scrollTo(landed);
}

} // namespace Deltaboard
