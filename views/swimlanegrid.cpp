#include "swimlanegrid.h"

#include "carddelegate.h"
#include "levels.h"
#include "palette.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "lanecellmodel.h"

#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

QString emptyLaneName(Swimlanes mode)
{
    switch (mode) {
    case Swimlanes::Assignee: return SwimlaneGrid::tr("Unassigned");
    case Swimlanes::Priority: return SwimlaneGrid::tr("No priority");
    case Swimlanes::Group: return SwimlaneGrid::tr("No group assessed");
    case Swimlanes::Component: return SwimlaneGrid::tr("No component");
    case Swimlanes::None: break;
    }
    return {};
}

} // namespace

SwimlaneGrid::SwimlaneGrid(BoardModel *model, CardDelegate *delegate, QSet<QString> *collapsed,
                           QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_collapsed(collapsed)
    , m_grid(new QGridLayout(this))
{
    setObjectName(u"swimlanes"_s);
    m_grid->setContentsMargins(8, 8, 8, 8);
    m_grid->setHorizontalSpacing(10);
    m_grid->setVerticalSpacing(4);
    const QList<BoardColumnModel *> columns = model->columns();

    // Column headers: the column's cards and WIP limit over all lanes.
    for (int c = 0; c < columns.size(); ++c) {
        BoardColumnModel *column = columns.at(c);
        auto *header = new QWidget(this);
        header->setObjectName(u"laneColumnHeader"_s);
        header->setAutoFillBackground(true);
        auto *layout = new QHBoxLayout(header);
        layout->setContentsMargins(10, 6, 6, 6);
        auto *name = new QLabel(column->column().name, header);
        QFont bold = name->font();
        bold.setWeight(QFont::DemiBold);
        name->setFont(bold);
        auto *count = new QLabel(header);
        count->setObjectName(u"columnCount"_s);
        auto *add = new QToolButton(header);
        add->setObjectName(u"newCard"_s);
        add->setText(u"+"_s);
        add->setAutoRaise(true);
        add->setToolTip(tr("New card in %1 (N)").arg(column->column().name));
        const qint64 columnId = column->column().id;
        connect(add, &QToolButton::clicked, this,
                [this, columnId] { Q_EMIT newCardRequested(columnId); });
        layout->addWidget(name);
        layout->addStretch();
        layout->addWidget(count);
        layout->addWidget(add);
        auto update = [column, header, count] {
            const auto limit = column->column().wipLimit;
            const QString cards
                = column->isFiltered()
                      ? tr("%1 of %2").arg(column->shownCount()).arg(column->cardCount())
                      : QString::number(column->cardCount());
            count->setText(limit ? tr("%1 / %2").arg(cards).arg(*limit) : cards);
            QPalette palette = header->palette();
            const bool over = column->isOverLimit();
            palette.setColor(QPalette::Window,
                             over ? Palette::warning() : Palette::headerBackground(palette));
            palette.setColor(QPalette::WindowText,
                             over ? QColor(Qt::white)
                                  : QApplication::palette().color(QPalette::WindowText));
            header->setPalette(palette);
        };
        update();
        connect(column, &BoardColumnModel::cardCountChanged, header, update);
        header->setMinimumWidth(250);
        m_grid->addWidget(header, 0, c);
        m_grid->setColumnStretch(c, 1);
    }

    // Lanes: a header across the columns, then a cell per column.
    int row = 1;
    for (const BoardModel::Lane &lane : model->lanes()) {
        const QString label = lane.key.label;
        auto *toggle = new QToolButton(this);
        toggle->setObjectName(u"lane:"_s + label);
        toggle->setAutoRaise(true);
        toggle->setCheckable(true);
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        // A priority lane is named by its level in the user's language (the key stays stored).
        const QString title = label.isEmpty() ? emptyLaneName(model->swimlanes())
                              : model->swimlanes() == Swimlanes::Priority ? Levels::title(label)
                                                                          : label;
        const QString text = lane.cards == 1 ? tr("%1  ·  1 card").arg(title)
                                             : tr("%1  ·  %2 cards").arg(title).arg(lane.cards);
        toggle->setText(text);
        QFont bold = toggle->font();
        bold.setWeight(QFont::DemiBold);
        toggle->setFont(bold);
        toggle->setStyleSheet(u"QToolButton { text-align: left; padding: 4px 6px; }"_s);
        m_grid->addWidget(toggle, row++, 0, 1, int(columns.size()));

        QList<QWidget *> cells;
        for (int c = 0; c < columns.size(); ++c) {
            auto *cellModel = new LaneCellModel(model, columns.at(c), label, this);
            m_cellModels.append(cellModel);
            auto *cell = new QListView(this);
            cell->setObjectName(u"laneCell"_s);
            cell->setModel(cellModel);
            cell->setItemDelegate(delegate);
            cell->setFrameShape(QFrame::NoFrame);
            cell->setUniformItemSizes(true);
            cell->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            cell->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            cell->setSelectionMode(QAbstractItemView::SingleSelection);
            cell->setDragEnabled(true);
            cell->setAcceptDrops(true);
            cell->setDropIndicatorShown(true);
            cell->setDragDropMode(QAbstractItemView::DragDrop);
            cell->setDefaultDropAction(Qt::MoveAction);
            cell->setDragDropOverwriteMode(false);
            cell->setAutoFillBackground(true);
            QPalette palette = cell->palette();
            palette.setColor(QPalette::Base, Palette::columnBackground(palette));
            cell->setPalette(palette);
            cell->setProperty("lane", label);
            cell->setProperty("columnId", columns.at(c)->column().id);
            connect(cell, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
                Q_EMIT taskActivated(index.data(BoardColumnModel::TaskIdRole).toLongLong());
            });
            connect(cell, &QListView::activated, this, [this](const QModelIndex &index) {
                Q_EMIT taskActivated(index.data(BoardColumnModel::TaskIdRole).toLongLong());
            });
            for (const auto signal :
                 {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
                connect(cellModel, signal, cell, [this, cell] { fitCell(cell); });
            }
            connect(cellModel, &QAbstractItemModel::modelReset, cell,
                    [this, cell] { fitCell(cell); });
            fitCell(cell);
            m_grid->addWidget(cell, row, c, Qt::AlignTop);
            m_cells.append(cell);
            cells.append(cell);
        }
        m_laneWidgets.insert(label, cells);
        connect(toggle, &QToolButton::toggled, this, [this, label, toggle, text](bool closed) {
            setCollapsed(label, closed);
            toggle->setArrowType(closed ? Qt::RightArrow : Qt::DownArrow);
            toggle->setText(text);
        });
        toggle->setArrowType(Qt::DownArrow);
        toggle->setChecked(m_collapsed->contains(label));
        ++row;
    }
    m_grid->setRowStretch(row, 1);
}

void SwimlaneGrid::fitCell(QListView *cell)
{
    // A cell shows all its cards: the lane is as tall as its fullest cell, and the board
    // scrolls as one. An empty cell keeps room for a drop.
    const int rows = cell->model()->rowCount();
    const int rowHeight = rows > 0 ? cell->sizeHintForRow(0) : 0;
    cell->setFixedHeight(std::max(48, rows * rowHeight + 4));
}

QListView *SwimlaneGrid::cell(const QString &lane, qint64 columnId) const
{
    for (QListView *cell : m_cells) {
        if (cell->property("lane").toString() == lane
            && cell->property("columnId").toLongLong() == columnId) {
            return cell;
        }
    }
    return nullptr;
}

bool SwimlaneGrid::isCollapsed(const QString &lane) const
{
    return m_collapsed->contains(lane);
}

void SwimlaneGrid::setCollapsed(const QString &lane, bool collapsed)
{
    if (collapsed)
        m_collapsed->insert(lane);
    else
        m_collapsed->remove(lane);
    for (QWidget *cell : m_laneWidgets.value(lane))
        cell->setVisible(!collapsed);
    if (auto *toggle = findChild<QToolButton *>(u"lane:"_s + lane)) {
        const QSignalBlocker blocker(toggle);
        toggle->setChecked(collapsed);
        toggle->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    }
}

} // namespace Deltaboard
