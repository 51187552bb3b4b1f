#pragma once

#include <QStyledItemDelegate>

namespace Deltaboard {

// Paints the delta table's Kind, Priority and Top impact cells as coloured chips so a long list can
// be scanned by eye; other cells are painted as usual. Colours mean the same everywhere in the app.
class DeltaTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct ChipLayout
    {
        QRect chip;
        QRect text;
    };
    static ChipLayout layoutChip(const QStyleOptionViewItem &option, const QString &text);
    static bool isChipColumn(const QModelIndex &index);
};

} // namespace Deltaboard
