#pragma once

#include "changefeed.h"

#include <QObject>

class QLabel;

namespace Deltaboard {

class Workspace;

// The window's view of what others change: the ChangeFeed's announcements turned into the same
// Workspace signals the window's own edits send, so every page, detail pane and editor follows
// a colleague's change as it follows the user's. A change the feed cannot name (SQLite's
// "something changed", a statement of many rows) and a reconnect ask the window to read
// everything again (everythingChanged). On a team database the status bar's indicator says
// whether the window is connected, reconnecting or offline.
class LiveSync : public QObject
{
    Q_OBJECT

public:
    // 'indicator' (not owned) shows the connection's state; hidden on SQLite.
    LiveSync(Database &db, Workspace *workspace, QLabel *indicator, QObject *parent = nullptr);

    ChangeFeed *feed() const { return m_feed; }
    // How many announcements were applied (tests, the benchmark).
    qint64 applied() const { return m_applied; }

Q_SIGNALS:
    void everythingChanged();
    // After every batch of changes was applied (tests, the benchmark).
    void changesApplied();

private:
    void apply(const QList<Change> &changes);
    void showState(ChangeFeed::State state, const QString &detail);

    Database &m_db;
    Workspace *m_workspace;
    QLabel *m_indicator;
    ChangeFeed *m_feed;
    qint64 m_applied = 0;
};

} // namespace Deltaboard
