#include "boardcolumnview.h"

#include "carddelegate.h"
#include "palette.h"

#include "boardcolumnmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

BoardColumnView::BoardColumnView(BoardColumnModel *model, CardDelegate *delegate, QWidget *parent)
    : QFrame(parent)
    , m_model(model)
    , m_name(new QLabel(this))
    , m_count(new QLabel(this))
    , m_list(new QListView(this))
{
    setObjectName(u"column:"_s + model->column().name);
    // Columns share the board's width; below the minimum the board scrolls sideways.
    setMinimumWidth(250);
    setMaximumWidth(400);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    QPalette columnPalette = palette();
    columnPalette.setColor(QPalette::Window, Palette::columnBackground(columnPalette));
    columnPalette.setColor(QPalette::Base, Palette::columnBackground(columnPalette));
    setPalette(columnPalette);

    auto *header = new QWidget(this);
    header->setObjectName(u"columnHeader"_s);
    header->setAutoFillBackground(true);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(10, 8, 10, 8);
    QFont bold = m_name->font();
    bold.setWeight(QFont::DemiBold);
    m_name->setFont(bold);
    m_name->setText(model->column().name);
    m_count->setObjectName(u"columnCount"_s);
    headerLayout->addWidget(m_name);
    headerLayout->addStretch();
    headerLayout->addWidget(m_count);
    auto *add = new QToolButton(header);
    add->setObjectName(u"newCard"_s);
    add->setText(u"+"_s);
    add->setAutoRaise(true);
    add->setToolTip(tr("New card in %1 (N)").arg(model->column().name));
    connect(add, &QToolButton::clicked, this, &BoardColumnView::newCardRequested);
    headerLayout->addWidget(add);

    m_list->setObjectName(u"cardList"_s);
    m_list->setModel(model);
    m_list->setItemDelegate(delegate);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setUniformItemSizes(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragEnabled(true);
    m_list->setAcceptDrops(true);
    m_list->setDropIndicatorShown(true);
    m_list->setDragDropMode(QAbstractItemView::DragDrop);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDragDropOverwriteMode(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->setSpacing(2);
    layout->addWidget(header);
    layout->addWidget(m_list);

    connect(model, &BoardColumnModel::cardCountChanged, this, &BoardColumnView::updateHeader);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT taskActivated(index.data(BoardColumnModel::TaskIdRole).toLongLong());
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT taskActivated(index.data(BoardColumnModel::TaskIdRole).toLongLong());
    });
    updateHeader();
}

void BoardColumnView::updateHeader()
{
    const int count = m_model->cardCount();
    const auto limit = m_model->column().wipLimit;
    m_warning = m_model->isOverLimit();
    // While the board is filtered the header says how many of its cards are shown.
    const QString cards = m_model->isFiltered()
                              ? tr("%1 of %2").arg(m_model->shownCount()).arg(count)
                              : QString::number(count);
    m_count->setText(limit ? tr("%1 / %2").arg(cards).arg(*limit) : cards);
    m_count->setToolTip(limit ? tr("%1 cards; work-in-progress limit %2").arg(count).arg(*limit)
                              : tr("%1 cards; no work-in-progress limit").arg(count));
    // A screen reader names the list of cards by its column.
    m_list->setAccessibleName(tr("Column %1").arg(m_model->column().name));
    m_list->setAccessibleDescription(m_count->toolTip());
    auto *header = findChild<QWidget *>(u"columnHeader"_s);
    QPalette headerPalette = header->palette();
    const QColor text = m_warning ? Qt::white : palette().color(QPalette::WindowText);
    headerPalette.setColor(QPalette::Window,
                           m_warning ? Palette::warning() : Palette::headerBackground(palette()));
    headerPalette.setColor(QPalette::WindowText, text);
    header->setPalette(headerPalette);
    m_name->setPalette(headerPalette);
    m_count->setPalette(headerPalette);
    if (m_warning)
        m_count->setToolTip(
            tr("Over its work-in-progress limit: %1 cards, limit %2").arg(count).arg(*limit));
}

} // namespace Deltaboard
