#pragma once

#include "csv.h"
#include "jira.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QList>
#include <QString>
#include <QStringList>

// Trac CSV: ticket queries and a comments export.
namespace Deltaboard::Import {

// A Trac ticket query as CSV, or a comments export (ticket, time, author, text).
Status readTracCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, ImportWarnings *warnings);

// Trac's priority names as levels (blocker..trivial); -1 unknown.
int tracPriorityLevel(const QString &name);

} // namespace Deltaboard::Import
