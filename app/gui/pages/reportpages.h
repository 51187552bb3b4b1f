#pragma once

#include "viewpage.h"

#include <optional>

namespace Deltaboard {

class BackgroundRead;
class CrashListModel;
class CrashView;
class Database;
class FlowView;
class GapModel;
class GapView;
class ImpactMatrixModel;
class ImpactView;
class PrioritiesView;
class PriorityRankingModel;
class Workspace;

// The views that look across organisations and user groups, and the crashes. Each reads what
// it shows when shown (and when it changed while shown); what takes long (coverage, the gap's
// size, the flow) is read on a worker, so the view paints at once.

// This organisation's ranking side by side with another's.
class PrioritiesPage : public ViewPage
{
    Q_OBJECT

public:
    PrioritiesPage(Workspace *workspace, QWidget *parent);
    PriorityRankingModel *model() const { return m_ranking; }
    PrioritiesView *view() const { return m_view; }

    Entry entry() const override;
    QWidget *widget() const override;
    void setOrganisation(qint64 id, const QString &name,
                         const QList<std::pair<qint64, QString>> &all) override;
    QString status() const override;
    QList<qint64> selectedDeltas() const override;
    void deltaChanged(qint64 deltaId) override;
    void deltasAdded() override { markStale(); }

protected:
    void refresh() override;

private:
    PriorityRankingModel *m_ranking;
    PrioritiesView *m_view;
    qint64 m_organisation = 0;
    QList<std::pair<qint64, QString>> m_organisations;
};

// Who is hurt: the heat map of deltas by user group, and each group's coverage.
class ImpactPage : public ViewPage
{
    Q_OBJECT

public:
    ImpactPage(Workspace *workspace, const QString &databasePath, QWidget *parent);
    ~ImpactPage() override;
    ImpactMatrixModel *model() const { return m_impact; }
    ImpactView *view() const { return m_view; }

    Entry entry() const override;
    QWidget *widget() const override;
    QString status() const override;
    QList<qint64> selectedDeltas() const override;
    bool isReading() const override;
    void deltaChanged(qint64 deltaId) override;
    void deltasAdded() override { markStale(); }
    void tasksChanged(qint64) override { markStale(); }
    void cardMoved() override { markStale(); }

protected:
    void refresh() override;

private:
    void readCoverage();

    QString m_databasePath;
    ImpactMatrixModel *m_impact;
    ImpactView *m_view;
    BackgroundRead *m_coverageRead;
};

// The commitment gap: deltas that hurt a group highly and that nobody has committed to.
class GapPage : public ViewPage
{
    Q_OBJECT

public:
    GapPage(Database &db, QWidget *parent);
    ~GapPage() override;
    GapModel *model() const { return m_gap; }
    GapView *view() const { return m_view; }

    Entry entry() const override;
    QWidget *widget() const override;
    QString status() const override;
    QList<qint64> selectedDeltas() const override;
    bool isReading() const override;
    void deltaChanged(qint64) override { markStale(); }
    void deltasAdded() override { markStale(); }
    void tasksChanged(qint64) override { markStale(); }

protected:
    void refresh() override;

private:
    QString m_databasePath;
    GapModel *m_gap;
    GapView *m_view;
    BackgroundRead *m_countRead;
    QString m_countError;
};

// The flow of the organisation's board: cumulative flow, the two clocks, throughput.
class FlowPage : public ViewPage
{
    Q_OBJECT

public:
    FlowPage(Database &db, QWidget *parent);
    ~FlowPage() override;
    FlowView *view() const { return m_view; }

    Entry entry() const override;
    QWidget *widget() const override;
    void setOrganisation(qint64 id, const QString &name,
                         const QList<std::pair<qint64, QString>> &all) override;
    QString status() const override { return {}; }
    bool isReading() const override;
    void deltasAdded() override { markStale(); }
    void tasksChanged(qint64 organisationId) override;
    void cardMoved() override { markStale(); }

protected:
    void refresh() override;

private:
    Database &m_db;
    FlowView *m_view;
    BackgroundRead *m_read;
    qint64 m_organisation = 0;
    QString m_organisationName;
};

// Crash deltas by signature, their reports and frames.
class CrashesPage : public ViewPage
{
    Q_OBJECT

public:
    CrashesPage(Database &db, QWidget *parent);
    CrashListModel *model() const { return m_crashes; }
    CrashView *view() const { return m_view; }

    Entry entry() const override;
    QWidget *widget() const override;
    QString status() const override;
    QList<qint64> selectedDeltas() const override;
    void deltasAdded() override { markStale(); }
    void tasksChanged(qint64) override { markStale(); } // regressions follow fix records

Q_SIGNALS:
    void linkToDefectRequested(qint64 crashDeltaId);

protected:
    void refresh() override;

private:
    CrashListModel *m_crashes;
    CrashView *m_view;
};

} // namespace Deltaboard
