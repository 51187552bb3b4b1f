#include "flowview.h"

#include "chartreuse.h"
#include "palette.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// Board columns, first to last: cool (waiting) to green (done).
QColor columnColour(int index, int count)
{
    static const QColor colours[]
        = {QColor(0xb0, 0xbe, 0xc5), QColor(0x64, 0x95, 0xc8), QColor(0xf0, 0xa2, 0x3b),
           QColor(0xa3, 0x6a, 0xc4), QColor(0x4c, 0x9a, 0x5e)};
    if (index == count - 1)
        return colours[4];
    return colours[std::min(index, 3)];
}

qint64 msecs(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

// A round step for about 'parts' parts of 'span': 1, 2 or 5 times a power of ten.
double niceStep(double span, int parts)
{
    if (span <= 0)
        return 1;
    const double raw = span / parts;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (raw <= factor * power)
            return factor * power;
    }
    return 10.0 * power;
}

QString days(double value)
{
    return QObject::tr("%1 d").arg(QLocale().toString(value, 'f', value < 10 ? 1 : 0));
}

} // namespace

FlowView::FlowView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_range(new QComboBox(this))
    , m_flow(new QChartView(this))
    , m_commit(new QChartView(this))
    , m_cycle(new QChartView(this))
    , m_throughput(new QChartView(this))
{
    setObjectName(u"flowView"_s);
    m_flow->setObjectName(u"flowChart"_s);
    m_commit->setObjectName(u"commitClockChart"_s);
    m_cycle->setObjectName(u"cycleClockChart"_s);
    m_throughput->setObjectName(u"throughputChart"_s);
    m_range->setObjectName(u"flowRange"_s);
    m_range->addItem(tr("Last 90 days"), 90);
    m_range->addItem(tr("Last 6 months"), 182);
    m_range->addItem(tr("Last year"), 365);
    m_range->addItem(tr("All history"), 0);
    m_range->setCurrentIndex(2);
    m_status->setObjectName(u"flowStatus"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    for (QChartView *view : {m_flow, m_commit, m_cycle, m_throughput}) {
        view->setRenderHint(QPainter::Antialiasing);
        emptiedChart(view, {});
    }
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 0);
    bar->addWidget(m_title);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    bar->addWidget(rangeLabel);
    bar->addWidget(m_range);
    auto *grid = new QGridLayout;
    grid->setContentsMargins(2, 0, 2, 2);
    grid->addWidget(m_flow, 0, 0, 1, 3);
    grid->addWidget(m_commit, 1, 0);
    grid->addWidget(m_cycle, 1, 1);
    grid->addWidget(m_throughput, 1, 2);
    grid->setRowStretch(0, 5);
    grid->setRowStretch(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
    connect(m_range, &QComboBox::currentIndexChanged, this, &FlowView::rangeChanged);
}

QDate FlowView::fromDate(QDate today) const
{
    const int span = m_range->currentData().toInt();
    return span > 0 ? today.addDays(-span + 1) : QDate();
}

void FlowView::setLoading(const QString &organisation)
{
    m_loaded = false;
    m_title->setText(tr("%1's flow").arg(organisation));
    m_status->setText(tr("Reading the change history…"));
}

void FlowView::setSummary(const QString &organisation, const Result<FlowSummary> &summary)
{
    m_title->setText(tr("%1's flow").arg(organisation));
    m_loaded = true;
    if (!summary) {
        m_status->setText(tr("Cannot read the flow: %1").arg(summary.error()));
        return;
    }
    const FlowSummary &s = summary.value();
    const QLocale locale;
    int tasks = 0;
    if (!s.flow.counts.isEmpty()) {
        for (const int count : s.flow.counts.last())
            tasks += count;
    }
    m_status->setText(tasks == 0 ? tr("No tasks on this board yet: commit to a delta (Ctrl+Enter "
                                      "in the Deltas or Gap view) to start its history.")
                                 : tr("%1 tasks on the board at the end of the range; the clocks "
                                      "and throughput cover all history.")
                                       .arg(locale.toString(tasks)));
    showFlow(s.flow);
    showDistribution(m_commit, tr("Time to commit: delta reported → first task"), s.timeToCommit,
                     {}, QColor(0x64, 0x95, 0xc8));
    showDistribution(
        m_cycle, tr("Cycle time: task started → done"), s.cycleTime,
        s.cycleTime.excluded
            ? tr("%1 not started or not done").arg(locale.toString(s.cycleTime.excluded))
            : QString(),
        QColor(0x4c, 0x9a, 0x5e));
    showThroughput(s.throughput);
}

void FlowView::showFlow(const CumulativeFlow &flow)
{
    QChart *chart
        = emptiedChart(m_flow, tr("Cumulative flow: tasks in each column at the end of each day"));
    const int columns = int(flow.columns.size());
    // Stacked from the last column (done) at the bottom up to the first, as a CFD is read.
    QList<double> lower(flow.days.size(), 0.0);
    int maximum = 0;
    for (int column = columns - 1; column >= 0; --column) {
        auto *area = new QAreaSeries;
        auto *upperLine = new QLineSeries(area);
        auto *lowerLine = new QLineSeries(area);
        for (int day = 0; day < flow.days.size(); ++day) {
            const double x = double(msecs(flow.days.at(day)));
            const double top = lower.at(day) + flow.counts.at(day).at(column);
            lowerLine->append(x, lower.at(day));
            upperLine->append(x, top);
            lower[day] = top;
            maximum = std::max(maximum, int(top));
        }
        area->setUpperSeries(upperLine);
        area->setLowerSeries(lowerLine);
        area->setName(flow.columns.at(column).name);
        const QColor colour = columnColour(column, columns);
        area->setColor(colour);
        area->setBorderColor(colour.darker(115));
        chart->addSeries(area);
    }
    auto *time = new QDateTimeAxis;
    time->setFormat(tr("MMM d", "the axis' date format (QDateTime::toString)"));
    time->setTickCount(flow.days.size() > 1 ? 9 : 2);
    time->setTitleText(tr("day (UTC)"));
    if (!flow.days.isEmpty()) {
        time->setRange(QDateTime(flow.days.first(), QTime(0, 0), Qt::UTC),
                       QDateTime(flow.days.last(), QTime(0, 0), Qt::UTC));
    }
    auto *count = new QValueAxis;
    count->setTitleText(tr("tasks"));
    count->setLabelFormat(u"%d"_s);
    count->setRange(0, std::max(1, maximum));
    count->applyNiceNumbers();
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(count, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(time);
        series->attachAxis(count);
    }
    // Legend in board order (first column first), though drawn the other way round.
    chart->legend()->setReverseMarkers(true);
}

void FlowView::showDistribution(QChartView *view, const QString &title,
                                const Distribution &distribution, const QString &excludedNote,
                                const QColor &colour)
{
    const QLocale locale;
    const int n = int(distribution.days.size());
    // The axis ends past the 95th percentile: a few very long waits would squeeze the rest
    // into one bar. How many lie beyond is said in the title.
    double end = 1;
    if (n > 0) {
        const double p95
            = distribution.days.at(std::clamp<qsizetype>(qsizetype(std::ceil(0.95 * n)), 1, n) - 1);
        end = std::max({1.0, p95, distribution.percentile85() * 1.2});
    }
    const double step = niceStep(end, 20);
    const int bins = std::max(1, int(std::ceil(end / step)));
    end = bins * step;
    QList<int> counts(bins, 0);
    int beyond = 0;
    for (const double value : distribution.days) {
        // A negative duration (a task linked to a delta reported after it) counts as zero.
        const int bin = std::clamp(int(value / step), 0, bins - 1);
        if (value > end)
            ++beyond;
        else
            ++counts[bin];
    }
    QStringList notes;
    notes.append(tr("n = %1").arg(locale.toString(n)));
    if (beyond)
        notes.append(tr("%1 beyond %2 not drawn").arg(locale.toString(beyond), days(end)));
    if (!excludedNote.isEmpty())
        notes.append(excludedNote);
    QChart *chart = emptiedChart(
        view, u"%1<br><small>%2</small>"_s.arg(title.toHtmlEscaped(), notes.join(u" · "_s)));
    // The histogram as a stepped outline filled down to zero.
    auto *area = new QAreaSeries;
    auto *outline = new QLineSeries(area);
    int tallest = 0;
    for (int bin = 0; bin < bins; ++bin) {
        outline->append(bin * step, 0);
        outline->append(bin * step, counts.at(bin));
        outline->append((bin + 1) * step, counts.at(bin));
        outline->append((bin + 1) * step, 0);
        tallest = std::max(tallest, counts.at(bin));
    }
    area->setUpperSeries(outline);
    area->setName(tr("tasks"));
    area->setColor(colour.lighter(140));
    area->setBorderColor(colour);
    chart->addSeries(area);
    const double top = std::max(1, tallest) * 1.1;
    // The two markers differ in colour and in dash, and the legend draws each as its line (a
    // plain swatch would show the same dark box for both).
    const auto marker = [&](double at, const QString &name, const QColor &ink, Qt::PenStyle style) {
        auto *line = new QLineSeries;
        line->setName(name);
        line->append(at, 0);
        line->append(at, top);
        QPen pen(ink);
        pen.setWidthF(2.0);
        pen.setStyle(style);
        line->setPen(pen);
        chart->addSeries(line);
    };
    if (n > 0) {
        marker(distribution.median(), tr("median %1").arg(days(distribution.median())),
               palette().color(QPalette::WindowText), Qt::SolidLine);
        marker(distribution.percentile85(),
               tr("85th percentile %1").arg(days(distribution.percentile85())),
               QColor(0xc0, 0x39, 0x2b), Qt::DashLine);
    }
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    auto *x = new QValueAxis;
    x->setTitleText(tr("days"));
    x->setRange(0, end);
    // Ticks on round numbers of days, however wide the bins are.
    const double tick = niceStep(end, 5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(tick);
    x->setLabelFormat(tick >= 1 ? u"%.0f"_s : u"%.1f"_s);
    auto *y = new QValueAxis;
    y->setTitleText(tr("tasks"));
    y->setLabelFormat(u"%d"_s);
    y->setRange(0, top);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void FlowView::showThroughput(const QList<Throughput> &weeks)
{
    const QLocale locale;
    int total = 0;
    for (const Throughput &week : weeks)
        total += week.done;
    QChart *chart = emptiedChart(
        m_throughput,
        u"%1<br><small>%2</small>"_s.arg(
            tr("Throughput: tasks done per week").toHtmlEscaped(),
            weeks.isEmpty() ? tr("nothing done yet")
                            : tr("%1 in %2 weeks, %3 a week on average")
                                  .arg(locale.toString(total), locale.toString(weeks.size()),
                                       locale.toString(double(total) / weeks.size(), 'f', 1))));
    auto *area = new QAreaSeries;
    auto *outline = new QLineSeries(area);
    int tallest = 0;
    for (const Throughput &week : weeks) {
        const double start = double(msecs(week.weekStart));
        const double end = double(msecs(week.weekStart.addDays(7)));
        outline->append(start, 0);
        outline->append(start, week.done);
        outline->append(end, week.done);
        outline->append(end, 0);
        tallest = std::max(tallest, week.done);
    }
    area->setUpperSeries(outline);
    area->setName(tr("done that week"));
    area->setColor(QColor(0x4c, 0x9a, 0x5e).lighter(140));
    area->setBorderColor(QColor(0x4c, 0x9a, 0x5e));
    chart->addSeries(area);
    auto *time = new QDateTimeAxis;
    time->setFormat(tr("MMM d", "the axis' date format (QDateTime::toString)"));
    time->setTickCount(5);
    time->setTitleText(tr("week starting"));
    if (!weeks.isEmpty()) {
        time->setRange(QDateTime(weeks.first().weekStart, QTime(0, 0), Qt::UTC),
                       QDateTime(weeks.last().weekStart.addDays(7), QTime(0, 0), Qt::UTC));
    }
    auto *y = new QValueAxis;
    y->setTitleText(tr("tasks"));
    y->setLabelFormat(u"%d"_s);
    y->setRange(0, std::max(1, tallest));
    y->applyNiceNumbers();
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    area->attachAxis(time);
    area->attachAxis(y);
}

} // namespace Deltaboard
