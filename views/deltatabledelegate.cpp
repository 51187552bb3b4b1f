#include "deltatabledelegate.h"

#include "palette.h"

#include "model/deltatablemodel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Deltaboard {

bool DeltaTableDelegate::isChipColumn(const QModelIndex &index)
{
    return index.column() == DeltaTableModel::KindColumn
           || index.column() == DeltaTableModel::ImpactColumn
           || index.column() == DeltaTableModel::PriorityColumn;
}

DeltaTableDelegate::ChipLayout DeltaTableDelegate::layoutChip(const QStyleOptionViewItem &option,
                                                              const QString &text)
{
    // One computation for paint() and sizeHint(): the chip hugs its text with fixed padding.
    const QFontMetrics metrics(option.font);
    const int padX = 7;
    const int height = metrics.height() + 2;
    const int width = metrics.horizontalAdvance(text) + 2 * padX;
    const QRect cell = option.rect.adjusted(4, 0, -4, 0);
    QRect chip(cell.left(), cell.center().y() - height / 2 + 1, std::min(width, cell.width()),
               height);
    return {chip, chip.adjusted(padX, 0, -padX, 0)};
}

void DeltaTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const QString text = index.data().toString();
    if (!isChipColumn(index) || text.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The standard item first (selection, focus, alternating background), without its text.
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const ChipLayout layout = layoutChip(option, text);
    const QColor colour = Palette::colourFor(text);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(layout.chip, layout.chip.height() / 2.0, layout.chip.height() / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(option.font);
    painter->drawText(layout.text, Qt::AlignCenter, text);
    painter->restore();
}

QSize DeltaTableDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (isChipColumn(index)) {
        const ChipLayout layout = layoutChip(option, index.data().toString());
        size.setWidth(std::max(size.width(), layout.chip.width() + 8));
        size.setHeight(std::max(size.height(), layout.chip.height() + 4));
    }
    return size;
}

} // namespace Deltaboard
