#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QThread;

namespace Deltaboard {

// Tries a team database (a PostgreSQL URL) on a worker thread, so the dialog that asks keeps
// painting while libpq connects (up to its connect_timeout, 10 s unless the URL says otherwise).
// The probe opens and closes its own connection on the worker (a Database is used only by the
// thread that opened it) and never writes: no schema is created or upgraded, it only reads what
// the database holds.
class ConnectionProbe : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        enum class Kind {
            Failed,  // could not connect, or not a database this Deltaboard can open
            Empty,   // connected; no tables: opening it creates the Deltaboard schema
            Older,   // connected; an older Deltaboard schema: opening it upgrades it
            Current, // connected; the schema this Deltaboard writes
        };
        Kind kind = Kind::Failed;
        QString url;     // what was probed
        QString message; // one line for the user, naming the server and the database
        int schemaVersion = -1;

        bool connected() const { return kind != Kind::Failed; }
    };

    using QObject::QObject;
    // Waits for probes still connecting: each holds a connection that must close on its
    // thread. Bounded by libpq's connect_timeout.
    ~ConnectionProbe() override;

    // Starts a probe of 'url'. A probe started earlier and still running is superseded: its
    // outcome is never delivered.
    void start(const QString &url);
    bool isRunning() const { return m_pending > 0; }

Q_SIGNALS:
    // The newest probe's outcome (on the thread that owns this object).
    void finished(const Deltaboard::ConnectionProbe::Outcome &outcome);

private:
    int m_generation = 0;
    int m_pending = 0;
    QList<QPointer<QThread>> m_threads;
};

} // namespace Deltaboard
