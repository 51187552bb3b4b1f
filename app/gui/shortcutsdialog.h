#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace Deltaboard {

// Help › Keyboard Shortcuts: every action of a window that has keys, by the menu it is in (or
// the view it belongs to), read from the live actions so the list cannot fall behind them; keys
// are shown the way the desktop writes them, in the user's language. A filter finds an action
// by its name or its keys.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // Rows shown (after the filter), for tests.
    int shownCount() const;
    void setFilter(const QString &text);

private:
    void fill(QWidget *window);
    void applyFilter();

    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace Deltaboard
