#pragma once

#include <QStyledItemDelegate>

class QTableView;

namespace Deltaboard {

// Paints a delta table's kind and level cells as coloured chips so a long list can be scanned by
// eye; other cells are painted as usual. Colours mean the same everywhere in the app. Rows whose
// highlight role is true get a warm background (the Priorities view's strong disagreements).
class DeltaTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // The inbox's columns (DeltaTableModel).
    explicit DeltaTableDelegate(QObject *parent = nullptr);
    // Any table: the columns painted as chips, and the role that highlights a row (0: none).
    DeltaTableDelegate(QList<int> chipColumns, int highlightRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Editable level cells (edit role: 0..4, invalid for none) get a combo box of these names,
    // after a "not set" entry. Shared with other delegates that edit levels.
    void setLevelNames(const QStringList &names) { m_levelNames = names; }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    static QWidget *createLevelEditor(QWidget *parent, const QStringList &names,
                                      QAbstractItemDelegate *delegate);
    static void setLevelEditorData(QWidget *editor, const QModelIndex &index);
    static void setLevelModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index);

    bool isChipColumn(int column) const { return m_chipColumns.contains(column); }
    // Sets a column of 'view' to the width its header and each of the stored 'names' (levels,
    // kinds, states: shown in the user's language, as chips when 'chips') need, at least
    // 'minimum'.
    static void fitColumn(QTableView *view, int column, const QStringList &names, bool chips,
                          int minimum);
    // Widens the view's columns (not the stretched ones) to their titles, now and whenever the
    // model's headers change: a column's title is never cut, in any language.
    static void keepHeadersVisible(QTableView *view);

private:
    struct ChipLayout
    {
        QRect chip;
        QRect text;
    };
    static ChipLayout layoutChip(const QStyleOptionViewItem &option, const QString &text);
    // The width a column needs for its header and each of 'words', at least 'minimum'.
    static int fittingWidth(const QTableView *view, int column, const QStringList &words,
                            bool chips, int minimum);
    bool isChipColumn(const QModelIndex &index) const;

    QList<int> m_chipColumns;
    int m_highlightRole = 0;
    QStringList m_levelNames;
};

} // namespace Deltaboard
