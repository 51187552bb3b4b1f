#include "deltatabledelegate.h"

#include "model/deltatablemodel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Deltaboard {

QColor DeltaTableDelegate::colourFor(const QString &value)
{
    static const QHash<QString, QColor> colours = {
        {u"defect"_s, QColor(0xd9, 0x6c, 0x2b)}, {u"crash"_s, QColor(0xc0, 0x39, 0x2b)},
        {u"spec"_s, QColor(0x2e, 0x7d, 0x9a)},   {u"critical"_s, QColor(0xb7, 0x1c, 0x1c)},
        {u"high"_s, QColor(0xe0, 0x6c, 0x00)},   {u"medium"_s, QColor(0xb8, 0x95, 0x00)},
        {u"low"_s, QColor(0x6d, 0x8b, 0x74)},    {u"none"_s, QColor(0x9e, 0x9e, 0x9e)},
    };
    return colours.value(value, QColor(0x75, 0x75, 0x75));
}

bool DeltaTableDelegate::isChipColumn(const QModelIndex &index)
{
    return index.column() == DeltaTableModel::KindColumn
           || index.column() == DeltaTableModel::ImpactColumn;
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
    const QColor colour = colourFor(text);
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
