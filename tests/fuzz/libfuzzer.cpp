#include "fuzztargets.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

// The entry points libFuzzer calls, for the one target this executable was built for
// (DELTABOARD_FUZZ_TARGET, e.g. "github"); see scripts/fuzz.

namespace {

const DeltaboardFuzz::Target *s_target = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Qt's SQL drivers are plugins, found through the application object.
    static QCoreApplication app(*argc, *argv);
    s_target = DeltaboardFuzz::target(QStringLiteral(DELTABOARD_FUZZ_TARGET));
    if (!s_target) {
        std::fprintf(stderr, "no fuzz target named %s\n", DELTABOARD_FUZZ_TARGET);
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return s_target->run(data, size);
}
