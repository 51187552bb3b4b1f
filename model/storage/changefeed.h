#pragma once

#include "database.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>

namespace Deltaboard {

// One change another client (or process) committed, as the database announced it: what kind of
// record, which one, whose, and its row version after the change — never its text.
struct Change
{
    // "delta", "task", "priority", "impact", "comment", "crash", "link" (a task's delta), "board",
    // "workspace" (organisations, labels, components, groups, memberships, saved views), or "all"
    // when the database cannot say what changed (SQLite; a statement that changed many rows).
    QString entity;
    qint64 id = 0;             // the delta's or task's id; 0 when not known
    qint64 organisationId = 0; // 0 when the record has none or it was not announced
    qint64 rowVersion = 0;     // 0 when the record has none
    qint64 rows = 0;           // a statement that changed more than 20 rows: how many
    QString operation;         // "insert", "update", "delete"; empty when not known

    // Parses a payload of the 'deltaboard' channel; an entity of "all" for one it cannot read.
    static Change fromPayload(const QString &payload);
};

// Tells the app what others changed in its database, and keeps its connection.
//
// PostgreSQL: LISTEN on the channel 'deltaboard' (migration 0006 announces every committed
// change there after each statement). The client's own changes are not passed on (the driver
// tells them apart by the sending session). Announcements that arrive together are passed on
// together. The connection is watched (libpq's status, no round trip) every kWatchMs: once lost,
// the feed tries again after 0.25 s, 0.5 s, 1 s … up to kMaxBackoffMs between attempts, each
// first asking the server whether it accepts connections (PQping, on a thread of its own, so a
// server that does not answer never blocks the caller), then reconnecting, subscribing again
// and emitting resynced(): what was missed meanwhile is unknown, so everything is read again.
// Reconnecting for longer than kOfflineAfterMs is Offline (still trying).
//
// SQLite: another process's commit changes PRAGMA data_version, asked every kSqlitePollMs when
// no transaction is open; a change is passed on as one Change of entity "all".
//
// Lives on the thread of the Database, which must outlive it.
class ChangeFeed : public QObject
{
    Q_OBJECT

public:
    enum class State { Connected, Reconnecting, Offline };
    Q_ENUM(State)
    static constexpr int kWatchMs = 500;
    static constexpr int kSqlitePollMs = 300;
    static constexpr int kMaxBackoffMs = 8000;
    static constexpr int kOfflineAfterMs = 15000;
    static constexpr const char *kChannel = "deltaboard";

    explicit ChangeFeed(Database &db, QObject *parent = nullptr);
    ~ChangeFeed() override;

    State state() const { return m_state; }
    // Checks the connection (or SQLite's data version) now instead of at the next tick.
    void checkNow();

Q_SIGNALS:
    void changed(const QList<Deltaboard::Change> &changes);
    // Back after a lost connection: anything may have changed.
    void resynced();
    // 'detail' says why (the connection's error) or since when, for a status bar.
    void stateChanged(Deltaboard::ChangeFeed::State state, const QString &detail);

private:
    void subscribe();
    void received(const QString &name, const QVariant &payload, bool ownChange);
    void watch();
    void lost();
    void attempt();
    void setState(State state, const QString &detail);

    Database &m_db;
    QTimer m_watch;
    QTimer m_flush; // gathers the announcements of one commit
    QTimer m_retry;
    QList<Change> m_pending;
    State m_state = State::Connected;
    qint64 m_dataVersion = -1;
    int m_backoffMs = 0;
    qint64 m_lostAt = 0;
    // The answer of the PQping running on its thread: -1 while it runs, else PGPing.
    std::shared_ptr<std::atomic<int>> m_ping;
};

} // namespace Deltaboard
