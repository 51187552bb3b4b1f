#pragma once

#include "csv.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Jira exports: CSV ("Export CSV (all fields)") and XML (RSS).
namespace Deltaboard::Import {

class ImportWriter;

// A Jira issue's priority as the export names it; its level is decided when writing (the
// user may map names to levels).
struct JiraPriority
{
    QString where;
    QString name;
    int order = 0; // the record's place in the run: priorities are ranked in file order
};
using JiraPriorities = QHash<QString, JiraPriority>; // issue key -> priority

// "PROJ-12": a project key and a number.
bool isJiraKey(const QString &key);

// Jira's "Export CSV (all fields)": repeated Comment columns become comments, priorities are
// kept for the organisation that runs Jira.
Status readJiraCsv(const QString &path, const QList<CsvRow> &rows, const QString &now,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, ImportWarnings *warnings);

// Jira's priority names as levels ("Major - P3": the word before " - " decides); -1 unknown.
int jiraPriorityLevel(const QString &name);

// Jira's XML (RSS) export: items with their comments and duplicate links.
Status readJiraXml(const QString &path, const QByteArray &bytes,
                   QList<std::pair<QString, Delta>> *deltas, QList<CsvComment> *comments,
                   JiraPriorities *priorities, QList<std::pair<QString, QString>> *duplicates,
                   ImportWarnings *warnings);

// Duplicate links, and the priorities, which belong to the organisation that runs Jira (--org).
Status writeJira(ImportWriter &w, const JiraPriorities &jiraPriorities,
                 const QList<std::pair<QString, QString>> &jiraDuplicates);

} // namespace Deltaboard::Import
