#pragma once

#include "trackerimport.h"

#include "records.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Launchpad (API 1.0 JSON): bugs, bug tasks per target organisation, messages.
namespace Deltaboard::Import {

class ImportWriter;

struct LaunchpadBug
{
    QString where;
    qint64 number = 0;
    Delta delta;
    qint64 duplicateOf = 0; // bug number, 0: none
};

struct LaunchpadTask
{
    QString where;
    qint64 bug = 0;
    QString target;        // bug_target_name
    QString targetDisplay; // bug_target_display_name
    QString status;
    QString importance;
    QString assignee;   // the person's name from assignee_link
    QString externalId; // "bzr/+bug/839461"
    QString url;
    QString title;
    QString createdAt;
    QString milestone; // the milestone's name, from milestone_link
    QString closedAt;  // date_fix_released, else date_closed
};

struct LaunchpadMessage
{
    QString where;
    qint64 bug = 0;
    int index = 0;
    Comment comment;
};

// One entry of a Launchpad API export: a bug, a bug task or a message, by its resource type.
Status readLaunchpadEntry(const QString &where, const QJsonObject &entry, QList<LaunchpadBug> *bugs,
                          QList<LaunchpadTask> *tasks, QList<LaunchpadMessage> *messages,
                          ImportWarnings *warnings);

// A Launchpad bug's state follows its tasks: all released is resolved, all rejected is
// declined, any work acknowledged is confirmed.
void settleLaunchpadStates(QList<LaunchpadBug> &bugs, const QList<LaunchpadTask> &tasks);

// Each bug, its duplicate link and each bug task: a task of the organisation mapped from its
// target, with its importance as that organisation's priority and its status as a column.
Status writeLaunchpad(ImportWriter &w, const QList<LaunchpadBug> &bugs,
                      const QList<LaunchpadTask> &tasks);

// Messages: the first one of a bug is its description; the others are comments.
Status writeLaunchpadMessages(ImportWriter &w, const QList<LaunchpadMessage> &messages);

} // namespace Deltaboard::Import
