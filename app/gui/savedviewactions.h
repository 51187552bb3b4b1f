#pragma once

#include "records.h"

#include <QList>
#include <QObject>

class QMenu;

namespace Deltaboard {

class MainWindow;

// Saved filters ("views") in the View menu: the current organisation's, each with
// Ctrl+Shift+1…9 for the first nine. Saving keeps the Deltas view's filters, sort and search, or
// the board's search; recalling one switches to its view and puts them back. Saving and
// removing are undo steps.
class SavedViewActions : public QObject
{
    Q_OBJECT

public:
    explicit SavedViewActions(MainWindow *window);

    // Adds the saved views' entries to the View menu.
    void buildMenu(QMenu *viewMenu);
    // Reads the organisation's saved views again (after switching organisation or an undo).
    void reload();
    // Saves what the current view shows under a name (asked when empty); returns its success.
    bool saveCurrent(const QString &name = {});
    void apply(const SavedView &view);
    void remove(const SavedView &view);
    const QList<SavedView> &views() const { return m_views; }

private:
    MainWindow *m_window;
    QMenu *m_menu = nullptr;
    QMenu *m_removeMenu = nullptr;
    QList<SavedView> m_views;
};

} // namespace Deltaboard
