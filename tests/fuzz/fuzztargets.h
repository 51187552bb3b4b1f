#pragma once

#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

// The fuzz targets: each takes any bytes and must return without crashing, leaking, hanging
// or blowing up memory. libfuzzer.cpp makes one libFuzzer executable of each (scripts/fuzz);
// replaytest.cpp runs every input kept under tests/fuzz/ through them in the normal suite.
namespace DeltaboardFuzz {

struct Target
{
    QString name;    // "github", "crash-gdb", …: the folder of its inputs under tests/fuzz
    QString samples; // the folder under ../shared/samples its seeds come from (may be empty)
    int (*run)(const std::uint8_t *data, std::size_t size);
};

const QList<Target> &targets();
const Target *target(const QString &name);

} // namespace DeltaboardFuzz
