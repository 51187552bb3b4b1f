#pragma once

#include "bugzilla.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Redmine REST JSON: issue lists and single issues with journals.
namespace Deltaboard::Import {

class ImportWriter;

struct RedmineIssue
{
    QString where;
    qint64 id = 0;
    Delta delta;
    QList<BugzillaComment> notes;  // journal notes, as comments
    QList<BugzillaChange> changes; // journal details, as history
    QString priority;              // the organisation's (--org) priority, by Redmine's name
};

Result<RedmineIssue> readRedmineIssue(const QString &where, const QJsonObject &issue,
                                      ImportWarnings *warnings);

// Redmine: issues (the fuller record of an issue that appears twice wins: the one with
// journals), their notes as comments, their changes as history when the run creates them.
Status writeRedmine(ImportWriter &w, const QList<RedmineIssue> &redmine);

} // namespace Deltaboard::Import
