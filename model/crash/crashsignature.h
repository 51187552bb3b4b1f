#pragma once

#include "crashparser.h"

#include <QRegularExpression>
#include <QStringList>

namespace Deltaboard {

// The lists signature generation works from (data in resources/crash/, see
// docs/CRASH_SIGNATURES.md): frames to skip, frames to keep and go past, frames that start the
// interesting part of a stack, and functions that get their line number.
struct SignatureLists
{
    QRegularExpression irrelevant; // matched at the start of a normalised frame
    QRegularExpression prefix;
    QStringList sentinels; // exact normalised frames
    QRegularExpression lineNumbers;

    // Socorro's lists plus Deltaboard's Qt additions, read once from the resources.
    static const SignatureLists &builtin();
    // From list texts (one pattern per line, '#' comments): for tests.
    static SignatureLists fromTexts(const QStringList &irrelevant, const QStringList &prefix,
                                    const QStringList &sentinels, const QStringList &lineNumbers);
};

// A frame as signatures see it.
struct FrameFields
{
    QString module;
    QString function;
    QString file;
    QString line;
    QString moduleOffset;
    QString offset;
    QStringList unloadedModules;
};

struct Signature
{
    QString text; // "frame | frame | frame"
    // The stack's frames normalised: all of them when generated from normalised frames; from
    // firstFrame up to the last one looked at when generated from parsed frames.
    QStringList normalizedFrames;
    int firstFrame = 0;      // where the signature starts (a sentinel, or 0)
    int frameCount = 0;      // how many frames from firstFrame it looked at
    QList<int> frameIndexes; // the stack indexes of the frames the signature names
};

// Signature generation after Socorro's: normalise every frame, start at a sentinel if there is
// one, skip irrelevant frames, keep prefix frames and stop after the first other frame.
namespace Signatures {

QString normalizeCppFunction(const QString &function, const QString &line,
                             const SignatureLists &lists = SignatureLists::builtin());
QString normalizeRustFunction(const QString &function, const QString &line,
                              const SignatureLists &lists = SignatureLists::builtin());
QString normalizeFrame(const FrameFields &frame,
                       const SignatureLists &lists = SignatureLists::builtin());
FrameFields fieldsOf(const CrashFrame &frame);

Signature generate(const QStringList &normalizedFrames,
                   const SignatureLists &lists = SignatureLists::builtin());
Signature generate(const QList<CrashFrame> &frames,
                   const SignatureLists &lists = SignatureLists::builtin());

// Socorro's Java signature: the exception line (addresses in it replaced by "@<addr>") and the
// first frame without its line number, joined by 'delimiter'.
QString javaSignature(const QString &trace, const QString &delimiter = QStringLiteral(": "));

// The signature a crash delta is grouped by: Java and Python by exception and first frame, the
// native formats by Signatures::generate over the crashing thread.
QString signatureOf(const ParsedCrash &crash);
// The indexes, in the crashing thread's frames, of the frames the signature names.
QList<int> signatureFrameIndexes(const ParsedCrash &crash);

// ClusterFuzz's view of a crash, for comparing with its expectations: a crash type, the address
// and the crash state (the top three frames that matter, innermost first).
struct CrashState
{
    QString type;
    QString address;
    QStringList frames;
};
CrashState crashState(const ParsedCrash &crash, const QString &text);

// DrKonqi's rating of a gdb backtrace: how useful it is to a developer (debug symbols, frames
// below the crash handler), and whether the crash is the Wayland compositor going away.
enum class Usefulness { ReallyUseful, MayBeUseful, ProbablyUseless, Useless };
Usefulness usefulness(const ParsedCrash &crash);
QString usefulnessName(Usefulness usefulness);
bool compositorCrashed(const ParsedCrash &crash);

} // namespace Signatures
} // namespace Deltaboard
