#include "connectionprobe.h"

#include "database.h"
#include "inputtext.h"
#include "migrator.h"

#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// The worker's side: its own connection, opened and closed here.
ConnectionProbe::Outcome probe(const QString &url)
{
    using Kind = ConnectionProbe::Outcome::Kind;
    ConnectionProbe::Outcome outcome;
    outcome.url = url;
    // createIfMissing lets an empty database open instead of failing (so the dialog can offer
    // to create the schema); with migrate off nothing is written to it, nor to an older one.
    Database::Options options;
    options.createIfMissing = true;
    options.migrate = false;
    auto opened = Database::open(url, options);
    if (!opened) {
        outcome.message = InputText::oneLine(opened.error());
        return outcome;
    }
    const std::unique_ptr<Database> db = std::move(opened).value();
    const QString where = db->describeLocation();
    const int latest = Migrator::builtin(db->dialect()).latestVersion();
    outcome.schemaVersion = db->schemaVersion();
    if (outcome.schemaVersion < 0) {
        outcome.message
            = ConnectionProbe::tr("Connected to %1, but cannot read its schema version").arg(where);
    } else if (outcome.schemaVersion == 0) {
        outcome.kind = Kind::Empty;
        outcome.message
            = ConnectionProbe::tr("Connected: %1 is empty. Connecting creates the Deltaboard "
                                  "schema (version %2) in it.")
                  .arg(where)
                  .arg(latest);
    } else if (outcome.schemaVersion < latest) {
        outcome.kind = Kind::Older;
        outcome.message
            = ConnectionProbe::tr("Connected: %1, schema version %2. Connecting upgrades it "
                                  "to version %3.")
                  .arg(where)
                  .arg(outcome.schemaVersion)
                  .arg(latest);
    } else {
        outcome.kind = Kind::Current;
        outcome.message = ConnectionProbe::tr("Connected: %1, schema version %2")
                              .arg(where)
                              .arg(outcome.schemaVersion);
    }
    return outcome;
}

} // namespace

ConnectionProbe::~ConnectionProbe()
{
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread) {
            thread->wait();
            delete thread.data();
        }
    }
}

void ConnectionProbe::start(const QString &url)
{
    const int generation = ++m_generation;
    auto outcome = std::make_shared<Outcome>();
    QThread *thread = QThread::create([url, outcome] { *outcome = probe(url); });
    ++m_pending;
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, outcome, generation] {
        --m_pending;
        thread->deleteLater();
        if (generation == m_generation) // else a newer probe is on its way
            Q_EMIT finished(*outcome);
    });
    thread->start();
}

} // namespace Deltaboard
