#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>

class QWidget;

namespace Deltaboard {
class RowFilter;
}

namespace Deltaboard {

// One of the window's views, with what belongs to it: its widget, how it searches, how it
// reads its data again, what the status bar says about it, which deltas it has selected, and
// how it follows the workspace's changes. The window lists the pages, switches between them
// and routes the search field, the organisation switcher and the edits' signals to them.
//
// A page whose data changed while it was not on screen is only marked stale, and reads again
// when it is shown (reading a report no one looks at wastes the user's time).
class ViewPage : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString key;   // in settings ("board")
        QString title; // in the View menu and the tool bar ("&Board")
        QKeySequence shortcut;
        QString toolTip;
    };

    using QObject::QObject;

    virtual Entry entry() const = 0;
    virtual QWidget *widget() const = 0;

    // The search field's hint on this page; empty when the page has nothing to search. Pages
    // that filter a table by hiding rows set a RowFilter and need not override these.
    virtual QString searchPlaceholder() const { return m_rowFilterHint; }
    virtual void search(const QString &text);
    // The current organisation, among all of them (id, name).
    virtual void setOrganisation(qint64 id, const QString &name,
                                 const QList<std::pair<qint64, QString>> &all)
    {
        static_cast<void>(id), static_cast<void>(name), static_cast<void>(all);
    }
    // What the status bar says about the page (its counts).
    virtual QString status() const = 0;
    virtual QList<qint64> selectedDeltas() const { return {}; }
    // Whether data read on a worker is still on its way (tests and the benchmark wait for it).
    virtual bool isReading() const { return false; }

    // What changed in the workspace; each page refreshes just what it shows of it.
    virtual void deltaChanged(qint64 deltaId) { static_cast<void>(deltaId); }
    virtual void deltasAdded() {}
    virtual void tasksChanged(qint64 organisationId) { static_cast<void>(organisationId); }
    virtual void cardMoved() {}

    // Reads again now when on screen, else when next shown.
    void markStale();
    // Whether the page is on screen (the current one, in a visible window).
    void setShown(bool shown) { m_shown = shown; }
    bool isShown() const { return m_shown; }
    // Reads again if something it shows changed since it last read (when it is shown).
    void catchUp();
    // Reads what the page shows again now.
    void refreshNow();

Q_SIGNALS:
    void statusChanged();
    void openDeltaRequested(qint64 deltaId);
    void commitRequested();
    void errorOccurred(const QString &message);

protected:
    // Reads what the page shows again (the views kept current by their models need nothing).
    virtual void refresh() {}
    // The search of a table view: 'filter' hides the rows that do not match (owned by the page).
    void setRowFilter(RowFilter *filter, const QString &hint);

private:
    RowFilter *m_rowFilter = nullptr;
    QString m_rowFilterHint;
    bool m_shown = false;
    bool m_stale = true; // nothing read yet
};

} // namespace Deltaboard
