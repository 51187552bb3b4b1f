#include "chartreuse.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>

namespace Deltaboard {

QChart *emptiedChart(QChartView *view, const QString &title)
{
    QChart *chart = view->chart();
    chart->removeAllSeries(); // deletes them
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setReverseMarkers(false);
    return chart;
}

} // namespace Deltaboard
