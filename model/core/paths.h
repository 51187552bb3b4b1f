#pragma once

#include <QString>

namespace Deltaboard::Paths {

// The database the app and the CLI use when none is given: deltaboard.sqlite in the user's data
// folder (~/.local/share/deltaboard on Linux). The folder is created when missing.
QString defaultDatabase();

} // namespace Deltaboard::Paths
