#pragma once

#include <QString>

// Stored times (UTC text, as the database keeps them) as the user reads them: in local time and
// in the locale's short format. What cannot be read as a time is shown as it is.
namespace Deltaboard::Shown {

QString date(const QString &stored);
QString dateTime(const QString &stored);

} // namespace Deltaboard::Shown
