#pragma once

#include "flowreports.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;

namespace Deltaboard {

// The Flow view of one organisation, drawn with Qt Charts: a cumulative flow diagram of its
// board over time, the two clocks (time to commit, cycle time) as distributions with median and
// 85th percentile, and throughput per week. It is given a FlowSummary (read on a worker) and
// shows "reading" until then.
class FlowView : public QWidget
{
    Q_OBJECT

public:
    explicit FlowView(QWidget *parent = nullptr);

    // The first day the diagram shows for 'today' (invalid: all history), from the range chosen.
    QDate fromDate(QDate today) const;
    void setLoading(const QString &organisation);
    void setSummary(const QString &organisation, const Result<FlowSummary> &summary);
    bool isLoaded() const { return m_loaded; }

    QChartView *flowChart() const { return m_flow; }
    QChartView *commitChart() const { return m_commit; }
    QChartView *cycleChart() const { return m_cycle; }
    QChartView *throughputChart() const { return m_throughput; }

Q_SIGNALS:
    // The user chose another range: read the summary again.
    void rangeChanged();

private:
    void showFlow(const CumulativeFlow &flow);
    void showDistribution(QChartView *view, const QString &title, const Distribution &distribution,
                          const QString &excludedNote, const QColor &colour);
    void showThroughput(const QList<Throughput> &weeks);

    QLabel *m_title;
    QLabel *m_status;
    QComboBox *m_range;
    QChartView *m_flow;
    QChartView *m_commit;
    QChartView *m_cycle;
    QChartView *m_throughput;
    bool m_loaded = false;
};

} // namespace Deltaboard
