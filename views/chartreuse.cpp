#include "chartreuse.h"

#include "palette.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QTimer>
#include <QXYSeries>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// What a screen reader says of a chart, once it is filled: each series by name, with what it
// holds (a painted chart has no text of its own to read).
QString describe(const QChart *chart)
{
    QStringList parts;
    const QLocale locale;
    for (const QAbstractSeries *series : chart->series()) {
        const QString name = series->name().isEmpty()
                                 ? QCoreApplication::translate("Chart", "unnamed series")
                                 : series->name();
        const auto *xy = qobject_cast<const QXYSeries *>(series);
        if (const auto *area = qobject_cast<const QAreaSeries *>(series))
            xy = area->upperSeries();
        if (xy && xy->count() > 0) {
            parts.append(QCoreApplication::translate("Chart", "%1: %n points, the last %2", "",
                                                     int(xy->count()))
                             .arg(name, locale.toString(xy->at(xy->count() - 1).y())));
        } else if (const auto *bars = qobject_cast<const QAbstractBarSeries *>(series)) {
            for (const QBarSet *set : bars->barSets()) {
                parts.append(QCoreApplication::translate("Chart", "%1: %n bars, %2 in all", "",
                                                         int(set->count()))
                                 .arg(set->label(), locale.toString(set->sum())));
            }
        } else {
            parts.append(name);
        }
    }
    return parts.isEmpty() ? QCoreApplication::translate("Chart", "No data.") : parts.join(u"; "_s);
}

} // namespace

QChart *emptiedChart(QChartView *view, const QString &title)
{
    QChart *chart = view->chart();
    chart->removeAllSeries(); // deletes them
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    // The chart's own theme follows the desktop's: light or dark (the series' colours are the
    // caller's, set after this).
    const QChart::ChartTheme theme
        = Palette::isDark(view->palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    // Dates and numbers on the axes in the user's locale.
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setReverseMarkers(false);
    // Named by its title; described once the caller has filled it (after this event).
    view->setAccessibleName(title);
    QTimer::singleShot(0, view, [view = QPointer<QChartView>(view)] {
        if (view)
            view->setAccessibleDescription(describe(view->chart()));
    });
    return chart;
}

} // namespace Deltaboard
