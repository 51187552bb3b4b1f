#pragma once

#include "jsonrecords.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// GitHub issues (REST list JSON, JSON lines, `gh issue list --json`) as deltas.
namespace Deltaboard::Import {

// Some issues of a GitHub file, mapped: parsed and mapped on two threads when there are many
// (the scan that finds the records is quick; parsing and mapping them is most of the reading),
// in file order either way, with the first error in file order.
struct MappedIssues
{
    QList<Delta> deltas;
    int pullRequests = 0;
    ImportWarnings warnings;
};

Result<MappedIssues> mapGithubIssues(const QString &path, const QByteArray &bytes,
                                     const QList<RecordSlice> &slices, qsizetype from,
                                     qsizetype to);

} // namespace Deltaboard::Import
