#pragma once

#include "database.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Deltaboard {

// Runs a read (a report for a view) on a worker thread with its own connection to the database
// file, so the view paints at once and its data follows (DESIGN.md contract 5). Only the newest
// request's result is delivered, on the thread that owns the reader; one reader per view.
class BackgroundRead : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    // Waits for workers still running: each reads through a connection that must close.
    ~BackgroundRead() override
    {
        waitForAll();
        for (const QPointer<QThread> &thread : std::as_const(m_threads))
            delete thread.data();
    }

    template<typename T>
    void read(const QString &databasePath, std::function<Result<T>(Database &)> work,
              std::function<void(const Result<T> &)> done)
    {
        const int generation = ++m_generation;
        auto result = std::make_shared<Result<T>>(Error{QStringLiteral("not read")});
        QThread *thread = QThread::create([databasePath, work = std::move(work), result] {
            auto opened = Database::open(databasePath);
            if (!opened) {
                *result = Error{opened.error()};
                return;
            }
            std::unique_ptr<Database> db = std::move(opened).value();
            // A one-off read gains little from a big page cache: 4 MB instead of the usual 32.
            if (!db->isPostgres())
                static_cast<void>(db->execOnce(QStringLiteral("PRAGMA cache_size = -4096")));
            *result = work(*db);
            db.reset(); // closed before trimming
#ifdef __GLIBC__
            // The read's transient memory (page cache, sorts) was freed above, but glibc keeps
            // freed memory in the thread's arena; without this, repeated reads made the
            // process's resident size climb with every refresh.
            malloc_trim(0);
#endif
        });
        ++m_pending;
        m_threads.removeAll(nullptr);
        m_threads.append(thread);
        connect(thread, &QThread::finished, this,
                [this, thread, result, generation, done = std::move(done)] {
                    --m_pending;
                    thread->deleteLater();
                    if (generation == m_generation) // else a newer request is on its way
                        done(*result);
                    if (m_pending == 0)
                        Q_EMIT idle();
                });
        thread->start(QThread::LowPriority);
    }

    bool isBusy() const
    {
        return m_pending > 0;
    }
    void waitForAll()
    {
        for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
            if (thread)
                thread->wait();
        }
    }

Q_SIGNALS:
    // No read is running any more (the last result, if current, has been delivered).
    void idle();

private:
    int m_generation = 0;
    int m_pending = 0;
    QList<QPointer<QThread>> m_threads;
};

} // namespace Deltaboard
