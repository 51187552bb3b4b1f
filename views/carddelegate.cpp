#include "carddelegate.h"

#include "palette.h"

#include "boardcolumnmodel.h"
#include "levels.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

constexpr int kMargin = 4;  // around the card, inside the item rect
constexpr int kPadding = 9; // inside the card
constexpr int kStrip = 4;   // impact strip on the left

// Draws a rounded chip with white text; returns its width.
int drawChip(QPainter *painter, int x, int y, int height, const QString &text, const QColor &colour,
             const QFont &font)
{
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 12;
    const QRect chip(x, y, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(chip, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(chip, Qt::AlignCenter, text);
    return width;
}

// The title in at most two lines, the second elided.
void drawTitle(QPainter *painter, const QRect &rect, const QString &text, const QFont &font)
{
    const QFontMetrics metrics(font);
    QTextLayout textLayout(text, font);
    textLayout.beginLayout();
    QStringList lines;
    int start = 0;
    for (int i = 0; i < 2; ++i) {
        QTextLine line = textLayout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        if (i == 1) {
            lines.append(metrics.elidedText(text.mid(start), Qt::ElideRight, rect.width()));
            break;
        }
        lines.append(text.mid(line.textStart(), line.textLength()).trimmed());
        start = line.textStart() + line.textLength();
    }
    textLayout.endLayout();
    painter->setFont(font);
    int y = rect.top();
    for (const QString &line : std::as_const(lines)) {
        painter->drawText(QRect(rect.left(), y, rect.width(), metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, line);
        y += metrics.height();
    }
}

} // namespace

CardDelegate::CardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

CardDelegate::Layout CardDelegate::layout(const QStyleOptionViewItem &option)
{
    const QFontMetrics metrics(option.font);
    Layout layout;
    layout.chipHeight = metrics.height() + 2;
    const int height = kPadding + 2 * metrics.height() + 8 + layout.chipHeight + kPadding;
    layout.card = QRect(option.rect.left() + kMargin, option.rect.top() + kMargin,
                        option.rect.width() - 2 * kMargin, height);
    layout.strip = QRect(layout.card.left(), layout.card.top(), kStrip, layout.card.height());
    const int left = layout.card.left() + kStrip + kPadding;
    const int width = layout.card.right() - kPadding - left;
    layout.title = QRect(left, layout.card.top() + kPadding, width, 2 * metrics.height());
    layout.meta = QRect(left, layout.title.bottom() + 8, width, layout.chipHeight);
    return layout;
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const Layout l = layout(option);
    return {option.rect.width() > 0 ? option.rect.width() : 260, l.card.height() + 2 * kMargin};
}

void CardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const Layout l = layout(option);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QVariant impact = index.data(BoardColumnModel::TopImpactRole);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // The card: a rounded white surface with a hairline border, the impact strip clipped to it.
    QPainterPath card;
    card.addRoundedRect(QRectF(l.card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    // Cards have the application's base colour (white in a light theme) on the column's tint,
    // whatever the list's palette says; a card that has sat in its column for a week or more
    // warms up (card aging), so stuck work stands out.
    const QPalette app = QGuiApplication::palette();
    const QColor base = app.color(QPalette::Base);
    painter->setPen(
        QPen(selected ? palette.highlight().color() : Palette::cardBorder(app), selected ? 2 : 1));
    const QDateTime since = index.data(BoardColumnModel::InColumnSinceRole).toDateTime();
    const qint64 days = since.isValid() ? since.daysTo(QDateTime::currentDateTimeUtc()) : 0;
    // Finished work does not age.
    const auto *column = qobject_cast<const BoardColumnModel *>(index.model());
    const QColor aged
        = column && column->column().isDone ? QColor(Qt::transparent) : Palette::aging(int(days));
    painter->setBrush(selected            ? Palette::mix(base, app.color(QPalette::Highlight), 0.1)
                      : aged.alpha() == 0 ? base
                                          : aged);
    painter->drawPath(card);
    painter->setClipPath(card);
    painter->fillRect(l.strip, impact.isValid() ? Palette::levelColour(impact.toInt())
                                                : Palette::cardBorder(app));
    painter->setClipping(false);

    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    painter->setPen(palette.text().color());
    drawTitle(painter, l.title, index.data(BoardColumnModel::TitleRole).toString(), titleFont);

    // Meta line: kinds, priority, impact and group, then the age on the right.
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    int x = l.meta.left();
    const int y = l.meta.top();
    const QStringList kinds = index.data(BoardColumnModel::KindsRole).toStringList();
    for (const QString &kind : kinds) {
        const int d = l.chipHeight - 4;
        painter->setPen(Qt::NoPen);
        painter->setBrush(Palette::colourFor(kind));
        painter->drawEllipse(QRect(x, y + 2, d, d));
        painter->setPen(Qt::white);
        painter->setFont(small);
        painter->drawText(QRect(x, y + 2, d, d), Qt::AlignCenter,
                          Levels::title(kind).left(1).toUpper());
        x += d + 3;
    }
    if (!kinds.isEmpty())
        x += 5;

    // Days in this column (what the tint says), not since commitment.
    const QString age = days < 1 ? tr("today") : tr("%1d").arg(days);
    const int ageWidth = smallMetrics.horizontalAdvance(age);
    int limit = l.meta.right() - ageWidth - 8;

    // Who works on it: initials in a circle left of the age (the tooltip has the name).
    const QString assignee = index.data(BoardColumnModel::AssigneeRole).toString();
    if (!assignee.isEmpty()) {
        const int d = l.chipHeight;
        const QRect circle(limit - d, y, d, d);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Palette::personColour(assignee));
        painter->drawEllipse(circle);
        painter->setPen(Qt::white);
        painter->setFont(small);
        painter->drawText(circle, Qt::AlignCenter, Palette::initials(assignee));
        limit -= d + 6;
    }

    // Chips never run into the age or the assignee: a chip's text is elided to the room left
    // (a longer language's words are cut with "…", never drawn over), and a chip with no room
    // for a word is left out.
    auto fitting = [&](const QString &text) {
        const int room = limit - x - 12;
        return room < 24 ? QString() : smallMetrics.elidedText(text, Qt::ElideRight, room);
    };

    // A chore serves no report: said on the card, so the board does not pass it off as one.
    if (index.data(BoardColumnModel::LinkedDeltasRole).toInt() == 0) {
        if (const QString text = fitting(tr("no report linked")); !text.isEmpty()) {
            x += drawChip(painter, x, y, l.chipHeight, text,
                          Palette::mutedChip(QGuiApplication::palette()), small)
                 + 4;
        }
    }

    // Labels, in their own colours.
    const QStringList labels = index.data(BoardColumnModel::LabelsRole).toStringList();
    const QStringList colours = index.data(BoardColumnModel::LabelColoursRole).toStringList();
    for (qsizetype i = 0; i < labels.size() && x < limit - 30; ++i) {
        const QString text = smallMetrics.elidedText(labels.at(i), Qt::ElideRight, limit - x - 16);
        x += drawChip(painter, x, y, l.chipHeight, text, QColor(colours.value(i)), small) + 4;
    }

    const QVariant priority = index.data(BoardColumnModel::PriorityRole);
    if (priority.isValid()) {
        const QString text
            = fitting(tr("P: %1").arg(Levels::title(Levels::priorityName(priority.toInt()))));
        if (!text.isEmpty()) {
            x += drawChip(painter, x, y, l.chipHeight, text, Palette::levelColour(priority.toInt()),
                          small)
                 + 4;
        }
    }
    if (impact.isValid()) {
        const QString group = index.data(BoardColumnModel::TopGroupRole).toString();
        const QString level = Levels::title(Levels::impactName(impact.toInt()));
        const int room = limit - x - smallMetrics.horizontalAdvance(level) - 18;
        const QString text
            = group.isEmpty() || room < 30
                  ? fitting(level)
                  : level + u" · "_s + smallMetrics.elidedText(group, Qt::ElideRight, room);
        if (!text.isEmpty())
            drawChip(painter, x, y, l.chipHeight, text, Palette::levelColour(impact.toInt()),
                     small);
    }
    painter->setFont(small);
    painter->setPen(palette.placeholderText().color());
    painter->drawText(QRect(l.meta.right() - ageWidth, y, ageWidth, l.chipHeight),
                      Qt::AlignRight | Qt::AlignVCenter, age);

    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(palette.highlight().color(), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(l.card).adjusted(2, 2, -2, -2), 5, 5);
    }
    painter->restore();
}

} // namespace Deltaboard
