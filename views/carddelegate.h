#pragma once

#include <QStyledItemDelegate>

namespace Deltaboard {

// Paints a board card: the title (up to two lines), then a line with the kinds of the linked
// deltas, the organisation's priority, the highest impact and the group it hurts, and the card's
// age. A strip on the left carries the impact colour so a column can be scanned by eye.
// sizeHint() and paint() share one layout computation, and every card has the same height, so
// views can use uniform item sizes (a 10,000-card column lays out at once).
class CardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit CardDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    struct Layout
    {
        QRect card;
        QRect strip;
        QRect title;
        QRect meta;
        int chipHeight = 0;
    };
    static Layout layout(const QStyleOptionViewItem &option);
};

} // namespace Deltaboard
