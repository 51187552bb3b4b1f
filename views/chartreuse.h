#pragma once

#include <QString>

class QChart;
class QChartView;

namespace Deltaboard {

// The chart of 'view', emptied (series and axes gone) and titled, ready to be filled again: a view
// keeps one chart (and its scene items) for its life instead of a new one per refresh.
QChart *emptiedChart(QChartView *view, const QString &title);

} // namespace Deltaboard
