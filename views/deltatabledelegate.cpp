#include "deltatabledelegate.h"

#include "palette.h"

#include "deltatablemodel.h"
#include "levels.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Deltaboard {

DeltaTableDelegate::DeltaTableDelegate(QObject *parent)
    : DeltaTableDelegate({DeltaTableModel::KindColumn, DeltaTableModel::ImpactColumn,
                          DeltaTableModel::PriorityColumn},
                         0, parent)
{}

DeltaTableDelegate::DeltaTableDelegate(QList<int> chipColumns, int highlightRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_chipColumns(std::move(chipColumns))
    , m_highlightRole(highlightRole)
{}

bool DeltaTableDelegate::isChipColumn(const QModelIndex &index) const
{
    return m_chipColumns.contains(index.column());
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

int DeltaTableDelegate::fittingWidth(const QTableView *view, int column, const QStringList &words,
                                     bool chips, int minimum)
{
    const QHeaderView *header = view->horizontalHeader();
    const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    // The header's text, its margins and room for the sort indicator.
    int width = header->fontMetrics().horizontalAdvance(title) + 2 * margin + 18;
    QStyleOptionViewItem option;
    option.font = view->font();
    option.rect = QRect(0, 0, 10000, view->verticalHeader()->defaultSectionSize());
    const QFontMetrics metrics(view->font());
    for (const QString &word : words) {
        width = std::max(width, chips ? layoutChip(option, word).chip.width() + 8
                                      : metrics.horizontalAdvance(word) + 12);
    }
    return std::max(width, minimum);
}

void DeltaTableDelegate::fitColumn(QTableView *view, int column, const QStringList &names,
                                   bool chips, int minimum)
{
    view->setColumnWidth(column, fittingWidth(view, column, Levels::titles(names), chips, minimum));
}

void DeltaTableDelegate::keepHeadersVisible(QTableView *view)
{
    QObject *object = view;
    auto widen = [object] {
        // A view being destroyed (a QTableWidget clears its model in its destructor, which
        // signals) is no longer a QTableView: qobject_cast says so, and nothing is touched.
        auto *table = qobject_cast<QTableView *>(object);
        if (!table || !table->model())
            return;
        QHeaderView *header = table->horizontalHeader();
        for (int column = 0; column < header->count(); ++column) {
            if (header->sectionResizeMode(column) != QHeaderView::Interactive)
                continue;
            const int needed = fittingWidth(table, column, {}, false, 0);
            if (header->sectionSize(column) < needed)
                header->resizeSection(column, needed);
        }
    };
    widen();
    // Once per view and model (views that set their widths again call this again).
    if (view->property("deltaboardHeadersKept").toBool())
        return;
    view->setProperty("deltaboardHeadersKept", true);
    if (QAbstractItemModel *model = view->model()) {
        connect(model, &QAbstractItemModel::modelReset, view, widen);
        connect(model, &QAbstractItemModel::headerDataChanged, view, widen);
        connect(model, &QAbstractItemModel::columnsInserted, view, widen);
    }
}

void DeltaTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (m_highlightRole && !(option.state & QStyle::State_Selected)
        && index.data(m_highlightRole).toBool()) {
        painter->fillRect(option.rect, Palette::disagreement());
    }
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
    // A chip narrower than its word (a column the user made narrow) says so with "…".
    const QFontMetrics metrics(option.font);
    const bool fits = metrics.horizontalAdvance(text) <= layout.text.width();
    painter->drawText(layout.text.adjusted(fits ? -2 : 0, 0, fits ? 2 : 0, 0), Qt::AlignCenter,
                      fits ? text : metrics.elidedText(text, Qt::ElideRight, layout.text.width()));
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

QWidget *DeltaTableDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    if (m_levelNames.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    return createLevelEditor(parent, m_levelNames, const_cast<DeltaTableDelegate *>(this));
}

void DeltaTableDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (m_levelNames.isEmpty())
        return QStyledItemDelegate::setEditorData(editor, index);
    setLevelEditorData(editor, index);
}

void DeltaTableDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                      const QModelIndex &index) const
{
    if (m_levelNames.isEmpty())
        return QStyledItemDelegate::setModelData(editor, model, index);
    setLevelModelData(editor, model, index);
}

QWidget *DeltaTableDelegate::createLevelEditor(QWidget *parent, const QStringList &names,
                                               QAbstractItemDelegate *delegate)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(tr("— not set"), QVariant());
    for (int level = 0; level < names.size(); ++level)
        combo->addItem(names.at(level), level);
    // Choosing is editing: commit at once instead of waiting for focus to leave.
    connect(combo, &QComboBox::activated, delegate, [combo, delegate] {
        Q_EMIT delegate->commitData(combo);
        Q_EMIT delegate->closeEditor(combo);
    });
    return combo;
}

void DeltaTableDelegate::setLevelEditorData(QWidget *editor, const QModelIndex &index)
{
    auto *combo = static_cast<QComboBox *>(editor);
    const QVariant level = index.data(Qt::EditRole);
    combo->setCurrentIndex(level.isValid() ? level.toInt() + 1 : 0);
}

void DeltaTableDelegate::setLevelModelData(QWidget *editor, QAbstractItemModel *model,
                                           const QModelIndex &index)
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
}

} // namespace Deltaboard
