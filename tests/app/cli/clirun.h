#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// Runs the real deltaboard-cli binary (DELTABOARD_CLI_PATH), as a user or a script does.
namespace DeltaboardTest {

struct Run
{
    int exitCode = -1; // -2: it crashed; -1: it did not finish
    QString out;
    QString err;
};

inline Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(DELTABOARD_CLI_PATH), arguments);
    if (!process.waitForFinished(300000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace DeltaboardTest
