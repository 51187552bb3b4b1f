#include "paths.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Deltaboard::Paths {

QString defaultDatabase()
{
    // Fixed folder name, whatever the executable is called (deltaboard or deltaboard-cli).
    QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (folder.isEmpty())
        folder = QDir::homePath() + u"/.local/share"_s;
    folder += u"/deltaboard"_s;
    QDir().mkpath(folder);
    return folder + u"/deltaboard.sqlite"_s;
}

} // namespace Deltaboard::Paths
