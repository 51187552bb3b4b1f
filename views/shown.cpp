#include "shown.h"

#include "clock.h"

#include <QDateTime>
#include <QLocale>

namespace Deltaboard::Shown {

QString date(const QString &stored)
{
    const QDateTime time = Clock::fromText(stored);
    return time.isValid() ? QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat)
                          : stored;
}

QString dateTime(const QString &stored)
{
    const QDateTime time = Clock::fromText(stored);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : stored;
}

} // namespace Deltaboard::Shown
