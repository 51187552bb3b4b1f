#pragma once

#include "csv.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Any CSV with an id and a title column (and Redmine's CSV export), columns found by name or
// mapped.
namespace Deltaboard::Import {

// The header names a field is found by when the mapping does not name its column.
const QList<std::pair<QString, QStringList>> &csvFieldNames();

// Any CSV with an id and a title column: columns found by name or given by 'mapping'; the
// columns chosen are reported in 'chosen'.
Status readGenericCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                      const QString &tracker, const QHash<QString, QString> &mapping,
                      QList<std::pair<QString, Delta>> *deltas, QMap<QString, QString> *chosen,
                      ImportWarnings *warnings);

} // namespace Deltaboard::Import
