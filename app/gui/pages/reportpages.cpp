#include "reportpages.h"

#include "backgroundread.h"
#include "crashlistmodel.h"
#include "flowreports.h"
#include "gapmodel.h"
#include "impactmatrixmodel.h"
#include "priorityrankingmodel.h"
#include "reports.h"
#include "triagereports.h"
#include "views/crashview.h"
#include "views/flowview.h"
#include "views/gapview.h"
#include "views/impactview.h"
#include "views/prioritiesview.h"
#include "views/rowfilter.h"

#include <QAbstractItemModel>
#include <QLocale>
#include <QTableView>

namespace Deltaboard {

// ---- Priorities ------------------------------------------------------------------------------

PrioritiesPage::PrioritiesPage(Workspace *workspace, QWidget *parent)
    : ViewPage(parent)
    , m_ranking(new PriorityRankingModel(workspace, this))
    , m_view(new PrioritiesView(m_ranking, parent))
{
    connect(m_view, &PrioritiesView::openDeltaRequested, this, &ViewPage::openDeltaRequested);
    connect(m_ranking, &QAbstractItemModel::modelReset, this, &ViewPage::statusChanged);
    setRowFilter(new RowFilter(
                     m_view->table(), PriorityRankingModel::TitleColumn,
                     [model = m_ranking](int row) { return model->deltaAt(row); }, this),
                 tr("Find in the ranking: words of a title, or #id (Ctrl+F)"));
}

ViewPage::Entry PrioritiesPage::entry() const
{
    return {QStringLiteral("priorities"), tr("&Priorities"), QKeySequence(Qt::CTRL | Qt::Key_3),
            tr("This organisation's ranking, side by side with another's")};
}

QWidget *PrioritiesPage::widget() const
{
    return m_view;
}

void PrioritiesPage::setOrganisation(qint64 id, const QString &,
                                     const QList<std::pair<qint64, QString>> &all)
{
    m_organisation = id;
    m_organisations = all;
    markStale();
}

QString PrioritiesPage::status() const
{
    return tr("%1 deltas in the list").arg(QLocale().toString(m_ranking->rowCount()));
}

QList<qint64> PrioritiesPage::selectedDeltas() const
{
    if (const qint64 id = m_view->currentDelta())
        return {id};
    return {};
}

void PrioritiesPage::deltaChanged(qint64 deltaId)
{
    if (isShown())
        m_ranking->refreshDelta(deltaId);
    else
        markStale();
}

void PrioritiesPage::refresh()
{
    m_view->setOrganisations(m_organisations, m_organisation);
}

// ---- Impact ----------------------------------------------------------------------------------

ImpactPage::ImpactPage(Workspace *workspace, const QString &databasePath, QWidget *parent)
    : ViewPage(parent)
    , m_databasePath(databasePath)
    , m_impact(new ImpactMatrixModel(workspace, this))
    , m_view(new ImpactView(m_impact, parent))
    , m_coverageRead(new BackgroundRead(this))
{
    connect(m_view, &ImpactView::openDeltaRequested, this, &ViewPage::openDeltaRequested);
    connect(m_impact, &QAbstractItemModel::modelReset, this, &ViewPage::statusChanged);
    setRowFilter(new RowFilter(
                     m_view->table(), ImpactMatrixModel::TitleColumn,
                     [model = m_impact](int row) { return model->deltaAt(row); }, this),
                 tr("Find in the heat map: words of a title, or #id (Ctrl+F)"));
}

ImpactPage::~ImpactPage()
{
    delete m_coverageRead; // waits for a worker still reading
}

ViewPage::Entry ImpactPage::entry() const
{
    return {QStringLiteral("impact"), tr("&Impact"), QKeySequence(Qt::CTRL | Qt::Key_4),
            tr("Who is hurt: deltas by user group, and each group's coverage")};
}

QWidget *ImpactPage::widget() const
{
    return m_view;
}

QString ImpactPage::status() const
{
    return tr("%1 open deltas with an impact").arg(QLocale().toString(m_impact->rowCount()));
}

QList<qint64> ImpactPage::selectedDeltas() const
{
    const QModelIndex current = m_view->table()->currentIndex();
    if (current.isValid())
        return {m_impact->deltaAt(current.row())};
    return {};
}

bool ImpactPage::isReading() const
{
    return m_coverageRead->isBusy();
}

void ImpactPage::deltaChanged(qint64 deltaId)
{
    if (!isShown()) {
        markStale();
        return;
    }
    m_impact->refreshDelta(deltaId);
    readCoverage(); // coverage changes with an impact
}

void ImpactPage::refresh()
{
    m_impact->refresh();
    readCoverage();
}

void ImpactPage::readCoverage()
{
    // Coverage aggregates every impact and task: read on a worker, drawn when it arrives.
    m_coverageRead->read<QList<CoverageRow>>(
        m_databasePath, [](Database &db) { return TriageReports(db).coverage(); },
        [this](const Result<QList<CoverageRow>> &coverage) { m_view->setCoverage(coverage); });
}

// ---- Gap -------------------------------------------------------------------------------------

GapPage::GapPage(Database &db, QWidget *parent)
    : ViewPage(parent)
    , m_databasePath(db.path())
    , m_gap(new GapModel(db, this))
    , m_view(new GapView(m_gap, parent))
    , m_countRead(new BackgroundRead(this))
{
    connect(m_view, &GapView::openDeltaRequested, this, &ViewPage::openDeltaRequested);
    connect(m_view, &GapView::commitRequested, this, &ViewPage::commitRequested);
    setRowFilter(new RowFilter(
                     m_view->table(), GapModel::TitleColumn,
                     [model = m_gap](int row) { return model->deltaAt(row); }, this),
                 tr("Find in the gap: words of a title, or #id (Ctrl+F)"));
}

GapPage::~GapPage()
{
    delete m_countRead; // waits for a worker still reading
}

ViewPage::Entry GapPage::entry() const
{
    return {QStringLiteral("gap"), tr("&Gap"), QKeySequence(Qt::CTRL | Qt::Key_5),
            tr("Deltas that hurt users highly and that nobody has committed to")};
}

QWidget *GapPage::widget() const
{
    return m_view;
}

QString GapPage::status() const
{
    if (!m_countError.isEmpty())
        return tr("Cannot count the gap: %1").arg(m_countError);
    if (const std::optional<int> total = m_gap->complete() ? m_gap->rowCount() : m_view->total())
        return tr("%1 deltas in the gap").arg(QLocale().toString(*total));
    return tr("Counting the gap…");
}

QList<qint64> GapPage::selectedDeltas() const
{
    return m_view->selectedDeltas();
}

bool GapPage::isReading() const
{
    return m_countRead->isBusy();
}

void GapPage::refresh()
{
    m_gap->refresh();
    m_view->setTotal(std::nullopt);
    m_countError.clear();
    m_countRead->read<int>(
        m_databasePath, [](Database &db) { return Reports(db).gapCount(); },
        [this](const Result<int> &count) {
            m_view->setTotal(count ? std::optional<int>(*count) : std::nullopt);
            m_countError = count ? QString() : count.error();
            Q_EMIT statusChanged();
        });
}

// ---- Flow ------------------------------------------------------------------------------------

FlowPage::FlowPage(Database &db, QWidget *parent)
    : ViewPage(parent)
    , m_db(db)
    , m_view(new FlowView(parent))
    , m_read(new BackgroundRead(this))
{
    connect(m_view, &FlowView::rangeChanged, this, &ViewPage::refreshNow);
}

FlowPage::~FlowPage()
{
    delete m_read; // waits for a worker still reading
}

ViewPage::Entry FlowPage::entry() const
{
    return {QStringLiteral("flow"), tr("&Flow"), QKeySequence(Qt::CTRL | Qt::Key_6),
            tr("This organisation's cumulative flow, clocks and throughput")};
}

QWidget *FlowPage::widget() const
{
    return m_view;
}

void FlowPage::setOrganisation(qint64 id, const QString &name,
                               const QList<std::pair<qint64, QString>> &)
{
    m_organisation = id;
    m_organisationName = name;
    markStale();
}

bool FlowPage::isReading() const
{
    return m_read->isBusy();
}

void FlowPage::tasksChanged(qint64 organisationId)
{
    if (organisationId == m_organisation)
        markStale();
}

void FlowPage::refresh()
{
    const QString name = m_organisationName;
    m_view->setLoading(name);
    if (m_organisation <= 0) {
        m_view->setSummary(name, Error{tr("there is no organisation yet")});
        return;
    }
    // "Today" by this connection's clock, so the worker draws the same days.
    const QDate today = m_db.clock().now().toUTC().date();
    const QDate from = m_view->fromDate(today);
    const qint64 organisation = m_organisation;
    m_read->read<FlowSummary>(
        m_db.path(),
        [organisation, from, today](Database &db) {
            return FlowReports(db).summary(organisation, from, today);
        },
        [this, name](const Result<FlowSummary> &summary) { m_view->setSummary(name, summary); });
}

// ---- Crashes ---------------------------------------------------------------------------------

CrashesPage::CrashesPage(Database &db, QWidget *parent)
    : ViewPage(parent)
    , m_crashes(new CrashListModel(db, this))
    , m_view(new CrashView(m_crashes, db, parent))
{
    connect(m_view, &CrashView::commitRequested, this, &ViewPage::commitRequested);
    connect(m_view, &CrashView::linkToDefectRequested, this, &CrashesPage::linkToDefectRequested);
    connect(m_crashes, &QAbstractItemModel::modelReset, this, &ViewPage::statusChanged);
    setRowFilter(new RowFilter(
                     m_view->table(), CrashListModel::SignatureColumn,
                     [model = m_crashes](int row) { return model->deltaAt(row); }, this),
                 tr("Find crashes: words of a signature, or #id (Ctrl+F)"));
}

ViewPage::Entry CrashesPage::entry() const
{
    return {QStringLiteral("crashes"), tr("&Crashes"), QKeySequence(Qt::CTRL | Qt::Key_7),
            tr("Crash deltas by signature, their reports and frames")};
}

QWidget *CrashesPage::widget() const
{
    return m_view;
}

QString CrashesPage::status() const
{
    const QLocale locale;
    return tr("%1 crash deltas, %2 reports")
        .arg(locale.toString(m_crashes->rowCount()), locale.toString(m_crashes->totalReports()));
}

QList<qint64> CrashesPage::selectedDeltas() const
{
    if (const qint64 id = m_view->currentDelta())
        return {id};
    return {};
}

void CrashesPage::refresh()
{
    m_crashes->refresh();
}

} // namespace Deltaboard
