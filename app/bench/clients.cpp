#include "clients.h"

#include "boardmodel.h"
#include "boardstore.h"
#include "changefeed.h"
#include "database.h"
#include "history.h"
#include "location.h"
#include "organisationstore.h"
#include "taskstore.h"
#include "teamstore.h"
#include "triagestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace Deltaboard::Bench {

namespace {

// One write a client made and the database accepted, to be found again afterwards.
struct Accepted
{
    bool move = false; // else a priority
    qint64 id = 0;     // task, or delta
    qint64 value = 0;  // the column, or the level
};

// What one client is given to change: its login, its organisation, and cards and deltas no
// other client writes, so that every accepted write must still be there at the end and in
// the history by its login (contention between clients on one record is what the conflict
// tests check; here it is load).
struct Client
{
    QString login;
    QString url;
    qint64 organisationId = 0;
    QList<qint64> tasks;
    QList<qint64> columns;
    QList<qint64> deltas;
    // Results
    QList<double> latenciesMs;
    QList<Accepted> accepted;
    QStringList refused;
    QString failed; // could not run at all
};

struct Commit
{
    qint64 startedMs = 0; // on the shared clock, when the write began
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at
        = qsizetype(std::clamp(p * double(values.size() - 1), 0.0, double(values.size() - 1)));
    return values.at(at);
}

QString asLogin(const QString &url, const QString &login)
{
    const auto location = Location::parse(url);
    return location ? location->withUser(login).url() : url;
}

} // namespace

int measureClients(const QString &url, int clients, int seconds, double rate,
                   const FigureSink &figure)
{
    auto admin = Database::open(url);
    if (!admin) {
        std::fprintf(stderr, "deltaboard-bench: %s\n", qPrintable(admin.error()));
        return 1;
    }
    const auto organisations = OrganisationStore(**admin).list();
    if (!organisations || organisations->isEmpty()) {
        std::fprintf(stderr,
                     "deltaboard-bench: --clients needs a generated workspace (--existing)\n");
        return 1;
    }
    // Each client a login of its own, member of one organisation (row-level security applies).
    TeamStore team(**admin);
    QList<Client> all(clients);
    for (int i = 0; i < clients; ++i) {
        Client &client = all[i];
        client.login = u"bench_client_%1"_s.arg(i + 1);
        client.organisationId = organisations->at(i % organisations->size()).id;
        if (const auto added = team.addUser(client.login, {}, {}); !added) {
            std::fprintf(stderr, "deltaboard-bench: %s\n", qPrintable(added.error()));
            return 1;
        }
        if (const Status granted
            = team.grant(client.login, TeamStore::Role::Member, client.organisationId);
            !granted) {
            std::fprintf(stderr, "deltaboard-bench: %s\n", qPrintable(granted.error()));
            return 1;
        }
        client.url = asLogin(url, client.login);
    }
    // Cards and deltas dealt out: each organisation's open cards among its clients, the deltas
    // among all (a priority is the organisation's, so two clients of one organisation must not
    // share a delta either).
    for (const Organisation &organisation : *organisations) {
        QList<Client *> mine;
        for (Client &client : all) {
            if (client.organisationId == organisation.id)
                mine.append(&client);
        }
        if (mine.isEmpty())
            continue;
        const auto board = BoardStore(**admin).board(organisation.id);
        if (!board)
            return 1;
        QList<qint64> columns;
        for (const BoardColumn &column : board->columns) {
            if (!column.isDone)
                columns.append(column.id);
        }
        const auto tasks = (*admin)->integers(
            u"SELECT id FROM tasks WHERE organisation_id = ? AND done_at IS NULL AND "
            u"archived_at IS NULL ORDER BY id"_s,
            {organisation.id});
        if (!tasks)
            return 1;
        for (qsizetype i = 0; i < tasks->size(); ++i)
            mine.at(i % mine.size())->tasks.append(tasks->at(i));
        for (Client *client : std::as_const(mine))
            client->columns = columns;
    }
    const auto deltas = (*admin)->integers(u"SELECT id FROM deltas ORDER BY id LIMIT 20000"_s);
    if (!deltas)
        return 1;
    for (qsizetype i = 0; i < deltas->size(); ++i)
        all[i % clients].deltas.append(deltas->at(i));

    // The observer: a board of the first organisation, re-read on every announcement of one of
    // its cards (what the app's LiveSync does), in this thread's event loop.
    const qint64 observed = organisations->first().id;
    BoardModel board(**admin);
    if (!board.load(observed))
        return 1;
    ChangeFeed feed(**admin);
    QElapsedTimer clock;
    clock.start();
    std::mutex lock;
    QHash<QPair<qint64, qint64>, Commit> commits;   // (task, row version) → when it began
    QHash<QPair<qint64, qint64>, qint64> refreshed; // (task, row version) → board re-read
    QObject::connect(&feed, &ChangeFeed::changed, &board, [&](const QList<Change> &changes) {
        QList<QPair<qint64, qint64>> seen;
        for (const Change &change : changes) {
            if (change.entity == u"task"_s && change.organisationId == observed)
                seen.append({change.id, change.rowVersion});
        }
        if (seen.isEmpty())
            return;
        if (!board.load(observed))
            return;
        const qint64 now = clock.elapsed();
        for (const auto &key : std::as_const(seen))
            refreshed.insert(key, now);
    });

    const qint64 runMs = qint64(seconds) * 1000;
    std::atomic<int> finished = 0;
    std::vector<std::thread> threads;
    for (Client &client : all) {
        threads.emplace_back([&client, &clock, &lock, &commits, &finished, runMs, rate, observed] {
            auto opened = Database::open(client.url);
            if (!opened) {
                client.failed = opened.error();
                ++finished;
                return;
            }
            Database &db = **opened;
            QRandomGenerator random(quint32(qHash(client.login)));
            const qint64 gapMs = qint64(1000.0 / rate);
            qint64 next = clock.elapsed() + random.bounded(qint64(1), gapMs + 1);
            QHash<qint64, int> levels; // what this client last set
            while (clock.elapsed() < runMs) {
                const qint64 wait = next - clock.elapsed();
                if (wait > 0)
                    QThread::msleep(quint64(wait));
                next += gapMs / 2 + random.bounded(gapMs + 1); // ~rate per second
                const bool move = !client.tasks.isEmpty() && client.columns.size() > 1
                                  && random.bounded(2) == 0;
                const qint64 started = clock.elapsed();
                QElapsedTimer timed;
                timed.start();
                if (move) {
                    const qint64 task = client.tasks.at(random.bounded(client.tasks.size()));
                    const auto current = TaskStore(db).get(task);
                    if (!current) {
                        client.refused.append(current.error());
                        continue;
                    }
                    qint64 column = current->columnId;
                    while (column == current->columnId)
                        column = client.columns.at(random.bounded(client.columns.size()));
                    timed.restart();
                    const Status moved = TaskStore(db).move(task, column);
                    const double ms = double(timed.nsecsElapsed()) / 1e6;
                    if (!moved) {
                        client.refused.append(moved.error());
                        continue;
                    }
                    client.latenciesMs.append(ms);
                    client.accepted.append({true, task, column});
                    if (client.organisationId == observed) {
                        const auto after = TaskStore(db).get(task);
                        if (after) {
                            const std::lock_guard guard(lock);
                            commits.insert({task, after->rowVersion}, {started});
                        }
                    }
                } else if (!client.deltas.isEmpty()) {
                    const qint64 delta = client.deltas.at(random.bounded(client.deltas.size()));
                    if (!levels.contains(delta)) { // its level now, so the write changes it
                        int now = -1;
                        if (const auto entries = TriageStore(db).priorities(delta)) {
                            for (const PriorityEntry &entry : *entries) {
                                if (entry.organisationId == client.organisationId)
                                    now = entry.level;
                            }
                        }
                        levels.insert(delta, now);
                    }
                    const int level = (levels.value(delta) + 1) % 5;
                    timed.restart();
                    const Status set
                        = TriageStore(db).setPriority(client.organisationId, delta, level);
                    const double ms = double(timed.nsecsElapsed()) / 1e6;
                    if (!set) {
                        client.refused.append(set.error());
                        continue;
                    }
                    levels.insert(delta, level);
                    client.latenciesMs.append(ms);
                    client.accepted.append({false, delta, level});
                }
            }
            ++finished;
        });
    }
    // The observer's loop runs until the writers are done, and a little longer for the last
    // announcements.
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (finished.load() == clients)
            QTimer::singleShot(500, &loop, &QEventLoop::quit);
    });
    poll.start(50);
    loop.exec();
    for (std::thread &thread : threads)
        thread.join();

    // Zero lost updates: every accepted write is in the database (each record had one writer,
    // so its last accepted value is its value now) and in the history by the client's login.
    QList<double> latencies;
    qint64 accepted = 0;
    qint64 refusedCount = 0;
    qint64 lost = 0;
    qint64 missingHistory = 0;
    for (const Client &client : std::as_const(all)) {
        if (!client.failed.isEmpty()) {
            std::fprintf(stderr, "deltaboard-bench: client %s: %s\n", qPrintable(client.login),
                         qPrintable(client.failed));
            return 1;
        }
        latencies.append(client.latenciesMs);
        accepted += client.accepted.size();
        refusedCount += client.refused.size();
        for (const QString &why : client.refused)
            std::fprintf(stderr, "deltaboard-bench: refused for %s: %s\n", qPrintable(client.login),
                         qPrintable(why));
        QHash<QPair<bool, qint64>, qint64> last;
        QHash<QPair<bool, qint64>, qint64> writes;
        for (const Accepted &write : client.accepted) {
            last.insert({write.move, write.id}, write.value);
            writes[{write.move, write.id}] += 1;
        }
        for (auto it = last.cbegin(); it != last.cend(); ++it) {
            const bool move = it.key().first;
            const qint64 id = it.key().second;
            const auto now
                = move ? (*admin)->scalar(u"SELECT column_id FROM tasks WHERE id = ?"_s, {id})
                       : (*admin)->scalar(u"SELECT level FROM priorities WHERE "
                                          u"organisation_id = ? AND delta_id = ?"_s,
                                          {client.organisationId, id});
            if (!now || now->toLongLong() != it.value())
                ++lost;
            const auto logged = (*admin)->scalar(
                u"SELECT count(*) FROM history WHERE entity = ? AND entity_id = ? AND field = ? "
                u"AND actor = ?"_s,
                {move ? u"task"_s : u"delta"_s, id,
                 move ? u"column_id"_s : u"priority:%1"_s.arg(client.organisationId),
                 client.login});
            if (!logged || logged->toLongLong() < writes.value(it.key()))
                ++missingHistory;
        }
    }
    QList<double> visible;
    qint64 notSeen = 0;
    for (auto it = commits.cbegin(); it != commits.cend(); ++it) {
        const auto found = refreshed.constFind(it.key());
        if (found == refreshed.cend()) {
            ++notSeen;
            continue;
        }
        visible.append(double(std::max<qint64>(0, *found - it->startedMs)));
    }
    const double wall = double(clock.elapsed()) / 1000.0;
    figure(u"clients"_s, clients, u"clients"_s);
    figure(u"clients_writes_accepted"_s, double(accepted), u"writes"_s);
    figure(u"clients_writes_refused"_s, double(refusedCount), u"writes"_s);
    figure(u"clients_write_rate"_s, double(accepted) / wall, u"writes/s"_s);
    figure(u"clients_lost_updates"_s, double(lost), u"records"_s);
    figure(u"clients_missing_history"_s, double(missingHistory), u"records"_s);
    figure(u"clients_write_p50"_s, percentile(latencies, 0.50), u"ms"_s);
    figure(u"clients_write_p99"_s, percentile(latencies, 0.99), u"ms"_s);
    figure(u"clients_visible_p50"_s, percentile(visible, 0.50), u"ms"_s);
    figure(u"clients_visible_p95"_s, percentile(visible, 0.95), u"ms"_s);
    figure(u"clients_visible_changes"_s, double(visible.size()), u"changes"_s);
    figure(u"clients_visible_missed"_s, double(notSeen), u"changes"_s);
    return lost == 0 && missingHistory == 0 ? 0 : 1;
}

} // namespace Deltaboard::Bench
