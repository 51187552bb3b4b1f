#pragma once

#include <QDateTime>

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
    QString nowText() const { return toText(now()); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime time = {}) : m_time(std::move(time)) {}
    QDateTime now() const override { return m_time; }
    void set(const QDateTime &time) { m_time = time; }
    void advanceSecs(qint64 seconds) { m_time = m_time.addSecs(seconds); }

private:
    QDateTime m_time;
};

} // namespace Deltaboard
