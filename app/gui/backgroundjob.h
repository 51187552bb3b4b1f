#pragma once

#include "result.h"

#include <QObject>

#include <atomic>
#include <functional>

class QProgressDialog;
class QThread;
class QTimer;
class QWidget;

namespace Deltaboard {

class Database;

// Runs one long piece of work (a demo workspace, an export, an import) on a worker thread with
// its own connection to the database file, behind a progress dialog with Cancel, so the window
// keeps painting (DESIGN.md contract 5). The work reports progress through the callback it is
// given and stops when that callback returns false; its transaction then leaves nothing behind.
class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    using Work = std::function<Status(Database &db, const Progress &progress)>;

    // Starts at once; deletes itself after emitting finished(). Destroyed earlier (with its
    // parent), it cancels the work and waits for the worker: the work's transaction then
    // leaves nothing behind, and finished() is not emitted.
    ~BackgroundJob() override;
    // Starts at once; deletes itself after emitting finished().
    static BackgroundJob *start(QWidget *parent, const QString &label, const QString &databasePath,
                                Work work);

Q_SIGNALS:
    void finished(const Deltaboard::Status &status);

private:
    BackgroundJob(QWidget *parent, const QString &label);
    void poll();

    QProgressDialog *m_dialog;
    QTimer *m_timer;
    QThread *m_thread = nullptr;
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
    std::atomic<bool> m_cancelled{false};
    Status m_status;
};

} // namespace Deltaboard
