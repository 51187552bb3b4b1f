#include "changefeed.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>

#include <libpq-fe.h>

#include <thread>

using namespace Qt::StringLiterals;

namespace Deltaboard {

Change Change::fromPayload(const QString &payload)
{
    Change change;
    const QJsonObject object = QJsonDocument::fromJson(payload.toUtf8()).object();
    change.entity = object.value(u"e"_s).toString();
    if (change.entity.isEmpty()) {
        change.entity = u"all"_s;
        return change;
    }
    change.id = object.value(u"id"_s).toInteger();
    change.organisationId = object.value(u"org"_s).toInteger();
    change.rowVersion = object.value(u"v"_s).toInteger();
    change.rows = object.value(u"rows"_s).toInteger();
    change.operation = object.value(u"op"_s).toString();
    return change;
}

ChangeFeed::ChangeFeed(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(10);
    connect(&m_flush, &QTimer::timeout, this, [this] {
        if (m_pending.isEmpty())
            return;
        const QList<Change> changes = std::exchange(m_pending, {});
        Q_EMIT changed(changes);
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ChangeFeed::attempt);
    connect(&m_watch, &QTimer::timeout, this, &ChangeFeed::watch);
    if (m_db.isPostgres()) {
        subscribe();
        m_watch.start(kWatchMs);
    } else {
        if (const auto version = m_db.scalar(u"PRAGMA data_version"_s))
            m_dataVersion = version->toLongLong();
        m_watch.start(kSqlitePollMs);
    }
}

ChangeFeed::~ChangeFeed() = default;

void ChangeFeed::subscribe()
{
    QSqlDriver *driver = m_db.connection().driver();
    // Closing the connection ends its subscriptions (the driver stays): subscribe again, with
    // one connection to its signal.
    disconnect(driver, nullptr, this, nullptr);
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source,
                   const QVariant &payload) {
                received(name, payload, source == QSqlDriver::SelfSource);
            });
    if (!driver->subscribedToNotifications().contains(QLatin1StringView(kChannel)))
        driver->subscribeToNotification(QString::fromLatin1(kChannel));
}

void ChangeFeed::received(const QString &name, const QVariant &payload, bool ownChange)
{
    if (ownChange || name != QLatin1StringView(kChannel))
        return;
    const Change change = Change::fromPayload(payload.toString());
    if (change.entity == u"workspace"_s)
        m_db.forgetRights(); // a membership may be what changed
    m_pending.append(change);
    if (!m_flush.isActive())
        m_flush.start();
}

void ChangeFeed::checkNow()
{
    watch();
}

void ChangeFeed::watch()
{
    if (!m_db.isPostgres()) {
        if (m_db.inTransaction())
            return;
        const auto version = m_db.scalar(u"PRAGMA data_version"_s);
        if (!version)
            return;
        const qint64 now = version->toLongLong();
        if (m_dataVersion >= 0 && now != m_dataVersion) {
            Change all;
            all.entity = u"all"_s;
            Q_EMIT changed({all});
        }
        m_dataVersion = now;
        return;
    }
    if (m_state == State::Connected && !m_db.isConnected())
        lost();
}

void ChangeFeed::lost()
{
    m_lostAt = QDateTime::currentMSecsSinceEpoch();
    m_backoffMs = 250;
    m_pending.clear();
    setState(State::Reconnecting, tr("the connection to %1 was lost").arg(m_db.describeLocation()));
    m_retry.start(m_backoffMs);
}

void ChangeFeed::attempt()
{
    if (m_db.inTransaction()) { // a write in progress finds out by itself
        m_retry.start(m_backoffMs);
        return;
    }
    if (!m_ping) {
        // Whether the server takes connections, asked off this thread: an address that does
        // not answer costs the connect timeout. The thread keeps only what it shares.
        auto ping = std::make_shared<std::atomic<int>>(-1);
        m_ping = ping;
        std::thread([ping, url = m_db.location().url().toUtf8()] {
            ping->store(PQping(url.constData()));
        }).detach();
    }
    const int answer = m_ping->load();
    const qint64 lostFor = QDateTime::currentMSecsSinceEpoch() - m_lostAt;
    if (lostFor >= kOfflineAfterMs && m_state != State::Offline) {
        setState(
            State::Offline,
            tr("%1 has not answered for %2 s").arg(m_db.describeLocation()).arg(lostFor / 1000));
    }
    if (answer < 0) { // still asking (a name lookup that hangs, a host that does not answer)
        m_retry.start(50);
        return;
    }
    m_ping.reset();
    if (answer == PQPING_OK || answer == PQPING_NO_ATTEMPT) {
        if (const Status back = m_db.reconnect(); back) {
            subscribe();
            setState(State::Connected, {});
            Q_EMIT resynced();
            return;
        }
    }
    m_backoffMs = std::min(kMaxBackoffMs, m_backoffMs * 2);
    m_retry.start(m_backoffMs);
}

void ChangeFeed::setState(State state, const QString &detail)
{
    m_state = state;
    Q_EMIT stateChanged(state, detail);
}

} // namespace Deltaboard
