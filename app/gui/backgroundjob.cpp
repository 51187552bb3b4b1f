#include "backgroundjob.h"

#include "database.h"

#include <QProgressDialog>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// The worker's side: its own connection, opened and closed on the worker thread.
Status runOnWorker(const QString &path, const BackgroundJob::Work &work,
                   const BackgroundJob::Progress &progress)
{
    auto db = Database::open(path);
    if (!db)
        return Error{db.error()};
    return work(**db, progress);
}

} // namespace

BackgroundJob::BackgroundJob(QWidget *parent, const QString &label)
    : QObject(parent)
    , m_dialog(new QProgressDialog(label, tr("Cancel"), 0, 0, parent))
    , m_timer(new QTimer(this))
{
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(300); // quick jobs finish without a flashing dialog
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, this, [this] {
        m_cancelled = true;
        m_dialog->setLabelText(tr("Cancelling…"));
    });
    m_timer->setInterval(50);
    connect(m_timer, &QTimer::timeout, this, &BackgroundJob::poll);
}

BackgroundJob *BackgroundJob::start(QWidget *parent, const QString &label,
                                    const QString &databasePath, Work work)
{
    auto *job = new BackgroundJob(parent, label);
    // The worker only touches the atomics and its own connection; the dialog is polled from
    // the UI thread.
    job->m_thread = QThread::create([job, databasePath, work = std::move(work)] {
        job->m_status = runOnWorker(databasePath, work, [job](qint64 done, qint64 total) {
            job->m_done = done;
            job->m_total = total;
            return !job->m_cancelled.load();
        });
    });
    connect(job->m_thread, &QThread::finished, job, [job] {
        job->m_timer->stop();
        job->m_dialog->close();
        job->m_dialog->deleteLater();
        job->m_thread->deleteLater();
        job->m_thread = nullptr;
        Q_EMIT job->finished(job->m_status);
        job->deleteLater();
    });
    job->m_thread->start();
    job->m_timer->start();
    return job;
}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) { // still working, or finished with its report not yet delivered
        m_cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

void BackgroundJob::poll()
{
    const qint64 total = m_total.load();
    if (total <= 0)
        return;
    // QProgressDialog counts in int; scale to per-mille.
    m_dialog->setMaximum(1000);
    m_dialog->setValue(int(std::min<qint64>(1000, m_done.load() * 1000 / total)));
}

} // namespace Deltaboard
