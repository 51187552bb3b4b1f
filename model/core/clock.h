#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace Deltaboard {

// Where stores get "now" from. The system clock in the apps; the demo generator and tests set the
// time explicitly so that generated history spans a year and tests are exact.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // The canonical text form of a time in the database: UTC, ISO 8601, milliseconds.
    static QString toText(const QDateTime &time);
    // Parses any ISO 8601 time (with a zone or 'Z'); an invalid QDateTime when it is not one.
    static QDateTime fromText(const QString &text);
    // now() in the database's text form. Virtual so a clock that stands still can format once.
    virtual QString nowText() const { return toText(now()); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    // Formatted once per millisecond: an import writes thousands of rows in one. A clock
    // belongs to one connection, used on one thread.
    QString nowText() const override
    {
        const qint64 ms = QDateTime::currentMSecsSinceEpoch();
        if (ms != m_lastMs) {
            m_lastMs = ms;
            m_lastText = toText(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
        }
        return m_lastText;
    }

private:
    mutable qint64 m_lastMs = -1;
    mutable QString m_lastText;
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime time = {}) { set(time); }
    QDateTime now() const override { return m_time; }
    // Every history row asks for the time as text; formatting it once per set() matters when
    // the demo generator writes a million rows.
    QString nowText() const override { return m_text; }
    void set(const QDateTime &time)
    {
        m_time = time;
        m_text = time.isValid() ? toText(time) : QString();
    }
    void advanceSecs(qint64 seconds) { set(m_time.addSecs(seconds)); }

private:
    QDateTime m_time;
    QString m_text;
};

} // namespace Deltaboard
