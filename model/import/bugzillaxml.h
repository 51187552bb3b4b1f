#pragma once

#include "bugzilla.h"
#include "records.h"
#include "result.h"
#include "trackerimport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Bugzilla show_bug XML.
namespace Deltaboard::Import {

// A show_bug XML export: its bugs with their comments (long_desc); entity declarations refused.
Status readBugzillaXml(const QString &path, const QByteArray &bytes, QList<BugzillaBug> *bugs,
                       QList<BugzillaComment> *comments, ImportWarnings *warnings);

} // namespace Deltaboard::Import
