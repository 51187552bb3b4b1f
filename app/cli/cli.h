#pragma once

#include <QStringList>
#include <QTextStream>

namespace Deltaboard::Cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

// How long a command's write waits for another writer (the app, an import) by default: long
// enough for a large import to finish; --wait SECONDS changes it.
constexpr int kDefaultWaitSeconds = 120;

// Runs one deltaboard-cli command line (arguments without the program name). Results go to out;
// an error is one line on err, and the exit code is non-zero. Needs a QCoreApplication.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Deltaboard::Cli
