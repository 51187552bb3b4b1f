#pragma once

#include "triagereports.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedLayout;
class QTableView;

namespace Deltaboard {

class ImpactMatrixModel;

// The Impact view: a heat map of open deltas by user group (rows by total impact, weighted by
// each group's size; cells editable: type 0-4, Delete clears, double-click for a list), and per
// group its coverage, the impacted deltas by how far commitments got, as stacked bars. The model
// is not owned; coverage is given (it is read on a worker).
class ImpactView : public QWidget
{
    Q_OBJECT

public:
    explicit ImpactView(ImpactMatrixModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QChartView *coverageChart() const { return m_chartView; }
    // Replaces the coverage bars; an error is shown in their place.
    void setCoverage(const Result<QList<CoverageRow>> &coverage);
    // The model was refreshed: column widths follow the groups.
    void modelRefreshed();
    bool selectDelta(qint64 deltaId);

Q_SIGNALS:
    void openDeltaRequested(qint64 deltaId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ImpactMatrixModel *m_model;
    QTableView *m_table;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    QChartView *m_chartView;
    QLabel *m_coverageNote;
    // The cell to make current again after the model resets (an edit can reorder rows).
    qint64 m_keepDelta = 0;
    int m_keepColumn = 0;
};

} // namespace Deltaboard
