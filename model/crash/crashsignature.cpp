// Over 600 lines: Socorro's normalisation and list walk are one algorithm, kept in one file as its
// reference keeps it.
#include "crashsignature.h"

#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

QStringList patternsIn(const QString &text)
{
    QStringList patterns;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
            patterns.append(trimmed);
    }
    return patterns;
}

QStringList resourcePatterns(const QString &name)
{
    QFile file(u":/crash/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("deltaboard: the signature list %s is missing from the resources", qPrintable(name));
    return patternsIn(QString::fromUtf8(file.readAll()));
}

// One expression for a list, anchored at the start like Python's re.match.
QRegularExpression anchoredAlternation(const QStringList &patterns)
{
    QStringList groups;
    for (const QString &pattern : patterns)
        groups.append(u"(?:"_s + pattern + u')');
    QRegularExpression expression(groups.isEmpty() ? u"(?!)"_s
                                                   : u"^(?:"_s + groups.join(u'|') + u')');
    expression.optimize();
    return expression;
}

// Collapses each outermost template argument list to "<T>", leaving operators alone.
QString collapseTemplates(const QString &name)
{
    QString out;
    out.reserve(name.size());
    int depth = 0;
    for (int i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u'<') {
            if (depth++ == 0)
                out += u"<T>"_s;
        } else if (c == u'>' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

// The index of the '(' matching the ')' at 'close', or -1.
qsizetype matchingOpen(const QString &text, qsizetype close)
{
    int depth = 0;
    for (qsizetype i = close; i >= 0; --i) {
        if (text.at(i) == u')')
            ++depth;
        else if (text.at(i) == u'(' && --depth == 0)
            return i;
    }
    return -1;
}

// Splits at spaces outside (), <> and [].
QStringList topLevelWords(const QString &text)
{
    QStringList words;
    QString word;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'(' || c == u'<' || c == u'[')
            ++depth;
        else if ((c == u')' || c == u'>' || c == u']') && depth > 0)
            --depth;
        if (c == u' ' && depth == 0) {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

// Operators whose characters would look like templates or argument lists.
const QList<std::pair<QString, QString>> &protectedOperators()
{
    static const QList<std::pair<QString, QString>> operators = {
        {u"operator<=>"_s, u"\x01"_s}, {u"operator<<="_s, u"\x02"_s}, {u"operator>>="_s, u"\x03"_s},
        {u"operator<<"_s, u"\x04"_s},  {u"operator>>"_s, u"\x05"_s},  {u"operator<="_s, u"\x06"_s},
        {u"operator>="_s, u"\x07"_s},  {u"operator->"_s, u"\x08"_s},  {u"operator<"_s, u"\x0e"_s},
        {u"operator>"_s, u"\x0f"_s},   {u"operator()"_s, u"\x10"_s},
    };
    return operators;
}

QString functionBasename(const QString &path)
{
    QString trimmed = path;
    while (trimmed.endsWith(u'/') || trimmed.endsWith(u'\\'))
        trimmed.chop(1);
    const qsizetype slash = std::max(trimmed.lastIndexOf(u'/'), trimmed.lastIndexOf(u'\\'));
    return trimmed.mid(slash + 1);
}

} // namespace

const SignatureLists &SignatureLists::builtin()
{
    static const SignatureLists lists = [] {
        return fromTexts(resourcePatterns(u"socorro-irrelevant_signature_re.txt"_s)
                             + resourcePatterns(u"deltaboard-irrelevant.txt"_s),
                         resourcePatterns(u"socorro-prefix_signature_re.txt"_s)
                             + resourcePatterns(u"deltaboard-prefix.txt"_s),
                         resourcePatterns(u"socorro-signature_sentinels.txt"_s)
                             + resourcePatterns(u"deltaboard-sentinels.txt"_s),
                         resourcePatterns(u"socorro-signatures_with_line_numbers_re.txt"_s));
    }();
    return lists;
}

SignatureLists SignatureLists::fromTexts(const QStringList &irrelevant, const QStringList &prefix,
                                         const QStringList &sentinels,
                                         const QStringList &lineNumbers)
{
    SignatureLists lists;
    lists.irrelevant = anchoredAlternation(irrelevant);
    lists.prefix = anchoredAlternation(prefix);
    lists.sentinels = sentinels;
    lists.lineNumbers = anchoredAlternation(lineNumbers);
    return lists;
}

namespace Signatures {

QString normalizeCppFunction(const QString &function, const QString &line,
                             const SignatureLists &lists)
{
    QString f = function.trimmed();
    // Names in angle brackets ("<name omitted>", "<T as Trait>::f") are kept as they are.
    if (f.startsWith(u'<'))
        return f;
    f.replace(u"`anonymous namespace'"_s, u"(anonymous namespace)"_s);
    // Lambdas and other compiler-numbered names: "$_52" says nothing across builds.
    static const QRegularExpression lambda(uR"(\$_\d+)"_s);
    if (f.contains(u"$_"_s))
        f.replace(lambda, u"$"_s);
    // Qualifiers after the argument list: "value() const &", "operator=(…)&"; also a bare
    // trailing " const". Stripped word by word (a pattern with alternatives under '+' would
    // try exponentially many splits of a run of '&').
    if (!f.endsWith(u')')) {
        const qsizetype lastParen = f.lastIndexOf(u')');
        QString tail = lastParen >= 0 ? f.mid(lastParen + 1) : QString();
        bool qualifiersOnly = lastParen >= 0;
        for (const QString &word : tail.split(u' ', Qt::SkipEmptyParts)) {
            QString w = word;
            w.remove(u'&');
            if (!w.isEmpty() && w != u"const"_s && w != u"volatile"_s)
                qualifiersOnly = false;
        }
        if (qualifiersOnly)
            f.truncate(lastParen + 1);
        else if (f.endsWith(u" const"_s))
            f.chop(6);
    }
    const bool hasOperator = f.contains(u"operator"_s);
    if (hasOperator) {
        for (const auto &[op, mark] : protectedOperators())
            f.replace(op, mark);
    }
    // The argument list, unless the parentheses belong to the name itself.
    if (f.endsWith(u')')) {
        const qsizetype open = matchingOpen(f, f.size() - 1);
        if (open > 0)
            f = f.left(open).trimmed();
    }
    // Templates collapse to <T>, except IPC::ParamTraits, whose argument is what differs
    // between its many instantiations (a special case Socorro makes too).
    if (!f.startsWith(u"IPC::ParamTraits<"_s))
        f = collapseTemplates(f);
    // The return type: the last top-level word, unless the name is a conversion operator
    // ("operator JSObject* const&"), which starts at the word holding "operator".
    const QStringList words = topLevelWords(f);
    qsizetype start = words.size() - 1;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.at(i).endsWith(u"operator"_s)) {
            start = i;
            break;
        }
    }
    if (start >= 0 && !words.isEmpty())
        f = words.mid(start).join(u' ');
    f.replace(u" &"_s, u"&"_s);
    f.replace(u" *"_s, u"*"_s);
    if (hasOperator) {
        for (const auto &[op, mark] : protectedOperators())
            f.replace(mark, op);
    }
    if (!line.isEmpty() && lists.lineNumbers.match(f).hasMatch())
        f += u':' + line;
    return f;
}

QString normalizeRustFunction(const QString &function, const QString &line,
                              const SignatureLists &lists)
{
    // Rust's symbol hash ("::h7f635057bfba806a") differs between builds.
    static const QRegularExpression hash(uR"(::h[0-9a-f]{16}$)"_s);
    QString f = function.trimmed();
    f.remove(hash);
    // "<T as Trait>::method" is already the readable form.
    if (f.startsWith(u'<'))
        return f;
    return normalizeCppFunction(f, line, lists);
}

QString normalizeFrame(const FrameFields &frame, const SignatureLists &lists)
{
    if (!frame.function.isEmpty()) {
        if (frame.file.contains(u".rs"_s))
            return normalizeRustFunction(frame.function, frame.line, lists);
        return normalizeCppFunction(frame.function, frame.line, lists);
    }
    if (!frame.file.isEmpty() && !frame.line.isEmpty())
        return functionBasename(frame.file) + u'#' + frame.line;
    if (!frame.module.isEmpty()) {
        QString module = frame.module;
        module.remove(u'[');
        module.remove(u']');
        return module;
    }
    if (!frame.unloadedModules.isEmpty())
        return u"(unloaded %1)"_s.arg(frame.unloadedModules.first());
    if (!frame.offset.isEmpty())
        return u'@' + frame.offset;
    return u"unknown"_s;
}

FrameFields fieldsOf(const CrashFrame &frame)
{
    FrameFields fields;
    // Modules by name, not by where they were installed: "/lib/x86_64-linux-gnu/libc.so.6",
    // "c:\\builds\\app.exe" sign as "libc.so.6", "app.exe".
    fields.module = functionBasename(frame.module);
    fields.function = frame.function == u"??"_s ? QString() : frame.function;
    fields.file = frame.file;
    fields.line = frame.line >= 0 ? QString::number(frame.line) : QString();
    fields.offset = frame.address;
    return fields;
}

Signature generate(const QStringList &normalizedFrames, const SignatureLists &lists)
{
    Signature signature;
    signature.normalizedFrames = normalizedFrames;
    for (int i = 0; i < normalizedFrames.size(); ++i) {
        if (lists.sentinels.contains(normalizedFrames.at(i))) {
            signature.firstFrame = i;
            break;
        }
    }
    QStringList parts;
    for (int i = signature.firstFrame; i < normalizedFrames.size(); ++i) {
        const QString &frame = normalizedFrames.at(i);
        ++signature.frameCount;
        // A sentinel is kept even when a list calls it irrelevant: it is where the crash is.
        if (i != signature.firstFrame || signature.firstFrame == 0) {
            if (lists.irrelevant.match(frame).hasMatch())
                continue;
        }
        parts.append(frame);
        const bool keepGoing
            = lists.prefix.match(frame).hasMatch() || frame.startsWith(u"IPC::ParamTraits<"_s);
        if (!keepGoing)
            break;
    }
    signature.text = parts.join(u" | "_s);
    return signature;
}

Signature generate(const QList<CrashFrame> &frames, const SignatureLists &lists)
{
    // The same walk as over normalised frames, but normalising only the frames it looks at
    // (a stack has dozens; a signature needs a few). A sentinel can only be a frame whose raw
    // name contains it, so only those are normalised to look for one.
    Signature signature;
    const auto normalized = [&lists, &frames](qsizetype i) {
        return normalizeFrame(fieldsOf(frames.at(i)), lists);
    };
    bool found = false;
    for (qsizetype i = 0; i < frames.size() && !found; ++i) {
        const QString &raw = frames.at(i).function;
        if (raw.isEmpty())
            continue;
        for (const QString &sentinel : lists.sentinels) {
            if (raw.contains(sentinel) && lists.sentinels.contains(normalized(i))) {
                signature.firstFrame = int(i);
                found = true;
                break;
            }
        }
    }
    QStringList parts;
    for (qsizetype i = signature.firstFrame; i < frames.size(); ++i) {
        const QString frame = normalized(i);
        signature.normalizedFrames.append(frame);
        ++signature.frameCount;
        if ((i != signature.firstFrame || signature.firstFrame == 0)
            && lists.irrelevant.match(frame).hasMatch()) {
            continue;
        }
        parts.append(frame);
        signature.frameIndexes.append(int(i));
        if (!lists.prefix.match(frame).hasMatch() && !frame.startsWith(u"IPC::ParamTraits<"_s))
            break;
    }
    signature.text = parts.join(u" | "_s);
    return signature;
}

QString javaSignature(const QString &trace, const QString &delimiter)
{
    const QStringList lines = trace.trimmed().split(u'\n');
    const QString first = lines.value(0).trimmed();
    const qsizetype colon = first.indexOf(u':');
    const QString exception = (colon >= 0 ? first.left(colon) : first).trimmed();
    QString description = colon >= 0 ? first.mid(colon + 1).trimmed() : QString();
    // Object addresses in messages ("AbsoluteLayout@4054b560") differ on every run.
    static const QRegularExpression address(uR"(@[0-9a-f]{8})"_s);
    description.replace(address, u"@<addr>"_s);
    QString method = lines.value(1).trimmed();
    static const QRegularExpression lineNumber(uR"(\.java:\d+\)$)"_s);
    method.replace(lineNumber, u".java)"_s);
    const auto joined = [](const QString &separator, const QStringList &parts) {
        QStringList nonEmpty;
        for (const QString &part : parts) {
            if (!part.isEmpty())
                nonEmpty.append(part);
        }
        return nonEmpty.join(separator);
    };
    // Socorro's signatures put the delimiter between message and frame only when the message
    // ends with an address, a historical quirk kept so signatures stay comparable with theirs.
    QString signature = description.endsWith(u"<addr>"_s)
                            ? joined(delimiter, {exception, description, method})
                            : joined(delimiter, {exception, joined(u" "_s, {description, method})});
    if (signature.size() > 255) // a message that long is data, not a description
        signature = joined(delimiter, {exception, method});
    return signature;
}

QString signatureOf(const ParsedCrash &crash)
{
    const CrashThread *thread = crash.crashing();
    if (!thread || thread->frames.isEmpty())
        return crash.exceptionType.isEmpty() ? u"unknown"_s : crash.exceptionType;
    if (crash.format == CrashFormat::Java) {
        const CrashFrame &top = thread->frames.first();
        const QString location = top.file + (top.line >= 0 ? u":%1"_s.arg(top.line) : QString());
        return javaSignature(thread->name + u"\nat "_s + top.function + u'(' + location + u')');
    }
    if (crash.format == CrashFormat::Python) {
        const CrashFrame &top = thread->frames.first();
        const QString type = crash.exceptionType.isEmpty() ? u"exception"_s : crash.exceptionType;
        return u"%1 | %2 (%3)"_s.arg(type, top.function, functionBasename(top.file));
    }
    const Signature signature = generate(thread->frames);
    return signature.text.isEmpty() ? u"unknown"_s : signature.text;
}

QList<int> signatureFrameIndexes(const ParsedCrash &crash)
{
    const CrashThread *thread = crash.crashing();
    if (!thread || thread->frames.isEmpty())
        return {};
    if (crash.format == CrashFormat::Java || crash.format == CrashFormat::Python)
        return {0};
    return generate(thread->frames).frameIndexes;
}

CrashState crashState(const ParsedCrash &crash, const QString &text)
{
    CrashState state;
    state.address = crash.crashAddress;
    // Without a stated address, the crash site's program counter.
    if (state.address.isEmpty() && crash.format == CrashFormat::Gdb && crash.crashing()
        && !crash.crashing()->frames.isEmpty()) {
        state.address = crash.crashing()->frames.first().address;
    }
    // The type, in ClusterFuzz's words.
    const QString kind = crash.exceptionType;
    switch (crash.format) {
    case CrashFormat::Python: state.type = u"Uncaught exception"_s; break;
    case CrashFormat::Java:
        state.type = text.contains(u"FuzzerSecurityIssue"_s) ? u"Security exception"_s
                                                             : u"Uncaught exception"_s;
        break;
    case CrashFormat::Windows:
        // A debugger's access violation is named by its access, as ClusterFuzz does.
        if (kind == u"Access violation"_s && !crash.accessType.isEmpty()) {
            state.type = crash.accessType;
            break;
        }
        [[fallthrough]];
    case CrashFormat::Asan: {
        const bool nearNull = !crash.crashAddress.isEmpty()
                              && crash.crashAddress.mid(2).toULongLong(nullptr, 16) < 0x1000;
        if (kind == u"double-free"_s)
            state.type = u"Heap-double-free"_s;
        else if (kind == u"SEGV"_s && nearNull)
            state.type = u"Null-dereference"_s
                         + (crash.accessType.isEmpty() ? QString() : u' ' + crash.accessType);
        else if (!kind.isEmpty())
            state.type = kind.at(0).toUpper() + kind.mid(1);
        else if (!crash.accessType.isEmpty())
            state.type = crash.accessType;
        if (kind.contains(u"use-after-free"_s) || kind.contains(u"overflow"_s)) {
            static const QRegularExpression size(uR"((READ|WRITE) of size (\d+))"_s);
            if (const auto match = size.match(crash.exceptionMessage);
                match.hasMatch() && kind != u"stack-overflow"_s) {
                state.type += u'\n' + match.captured(1) + u' ' + match.captured(2);
            }
        }
        if (state.type.isEmpty() && !crash.accessType.isEmpty())
            state.type = crash.accessType;
        break;
    }
    default: state.type = kind.isEmpty() ? crash.accessType : kind; break;
    }
    // The frames: for Java every frame of the output in order (causes included), else the
    // crashing thread's; skipping frames without a name and runtime or library plumbing.
    QList<CrashFrame> frames;
    if (crash.format == CrashFormat::Java) {
        for (const CrashThread &thread : crash.threads)
            frames += thread.frames;
    } else if (const CrashThread *thread = crash.crashing()) {
        frames = thread->frames;
    }
    static const QRegularExpression ignored(
        uR"(^(?:operator (?:new|delete)|operator->|operator\*|memcpy|memmove|memset|memcmp|strlen|)"
        uR"(__aeabi_|__asan|__sanitizer|__interceptor_|__lsan|__msan|__tsan|__ubsan|raise$|abort$|)"
        uR"(__GI_|free$|malloc$|calloc$|realloc$|__cxa_|_start$|__libc_start_main|)"
        uR"(LLVMFuzzerTestOneInput$|fuzzer::|std::|__libcpp_|__gnu_cxx::))"_s);
    // A stack overflow is about the recursion: the state starts at the first frame that
    // appears again deeper in the stack.
    qsizetype start = 0;
    if (kind == u"stack-overflow"_s) {
        for (qsizetype i = 0; i < frames.size() && start == 0; ++i) {
            for (qsizetype j = i + 1; j < frames.size(); ++j) {
                if (!frames.at(i).function.isEmpty()
                    && frames.at(j).function == frames.at(i).function) {
                    start = i;
                    break;
                }
            }
        }
    }
    for (const CrashFrame &frame : frames.mid(start)) {
        if (state.frames.size() == 3)
            break;
        if (frame.function.isEmpty() || frame.function == u"??"_s)
            continue;
        if (frame.file.contains(u"/libc++/"_s) || frame.file.contains(u"compiler-rt/"_s)
            || frame.file.contains(u"sanitizer_common/"_s)) {
            continue;
        }
        QString name = frame.function;
        if (crash.format != CrashFormat::Java && crash.format != CrashFormat::Python) {
            if (name.endsWith(u')')) {
                const qsizetype open = matchingOpen(name, name.size() - 1);
                if (open > 0 && !name.left(open).endsWith(u"operator"_s))
                    name = name.left(open);
            }
            if (name.endsWith(u" const"_s))
                name.chop(6);
            if (name.endsWith(u')')) {
                const qsizetype open = matchingOpen(name, name.size() - 1);
                if (open > 0)
                    name = name.left(open);
            }
            name = name.trimmed();
        }
        if (ignored.match(name).hasMatch())
            continue;
        state.frames.append(name);
    }
    return state;
}

namespace {

// DrKonqi's rating of one gdb frame: 4 file and line, 3 library but no source file, 2 a name
// but nothing else, 1 a library but no name, 0 nothing at all.
int lineRating(const CrashFrame &frame)
{
    const bool named = !frame.function.isEmpty() && frame.function != u"??"_s;
    if (!frame.file.isEmpty())
        return 4;
    if (!frame.module.isEmpty())
        return named ? 3 : 1;
    return named ? 2 : 0;
}

QString bareName(const QString &function)
{
    QString name = function;
    if (name.startsWith(u'*'))
        name.remove(0, 1);
    return name;
}

} // namespace

Usefulness usefulness(const ParsedCrash &crash)
{
    // DrKonqi's rule, restated: walk the crashing thread's frames below the crash handler from
    // the outermost to the innermost, weighting each by its distance from the bottom (frames
    // near the crash count most); restart at a stack base (main, start_thread, Qt's event
    // dispatch) and stop at a stack top (abort, qFatal, qt_assert); leave out libc, libstdc++,
    // pthread and glib frames. 90% / 70% / 40% of the best possible score are the levels, one
    // level lower when no stack base was seen (and useless with fewer than four frames rated).
    const CrashThread *thread = crash.crashing();
    if (!thread || (crash.format != CrashFormat::Gdb && crash.format != CrashFormat::DrKonqi))
        return Usefulness::Useless;
    static const QRegularExpression mainLike(uR"(^(kde)?main$)"_s);
    static const QRegularExpression dispatch(uR"(^(Q|K)(Core)?Application(Private)?::notify.*)"_s);
    uint rating = 0;
    uint best = 0;
    uint counter = 0;
    bool sawBase = false;
    const QList<CrashFrame> &frames = thread->frames;
    for (qsizetype i = frames.size() - 1; i >= 0; --i) {
        const CrashFrame &frame = frames.at(i);
        const int score = lineRating(frame);
        if (i == 0 && score == 0)
            break; // a first frame like "0x00000000 in ?? ()" is a call through a bad pointer
        const QString name = bareName(frame.function);
        const bool named = score != 0 && score != 1;
        if (named
            && (name == u"start_thread"_s || mainLike.match(name).hasMatch()
                || dispatch.match(name).hasMatch() || name == u"~KCleanUpGlobalStatic"_s
                || name == u"~QGlobalStatic"_s || name == u"exit"_s || name == u"__GI_exit"_s)) {
            rating = best = counter = 0;
            sawBase = true;
        } else if (named
                   && (name.startsWith(u"qt_assert"_s) || name == u"qFatal"_s || name == u"abort"_s
                       || name == u"__GI_abort"_s || name == u"__GI___assert_fail"_s)) {
            break;
        }
        const QString &library = frame.module;
        if (library.contains(u"libc.so"_s) || library.contains(u"libstdc++.so"_s)
            || library.contains(u"libpthread.so"_s) || library.contains(u"libglib-2.0.so"_s)
            || name.startsWith(u"__GI_"_s) || name == u"__libc_start_main"_s
            || name == u"_start"_s) {
            continue;
        }
        const uint weight = ++counter;
        rating += uint(score) * weight;
        best += 4 * weight;
    }
    int level = 3; // Useless
    if (rating >= best * 0.9)
        level = 0;
    else if (rating >= best * 0.7)
        level = 1;
    else if (rating >= best * 0.4)
        level = 2;
    if (!sawBase) {
        if (counter < 4)
            level = 3;
        else if (level < 3)
            ++level;
    }
    return Usefulness(level);
}

QString usefulnessName(Usefulness value)
{
    switch (value) {
    case Usefulness::ReallyUseful: return u"ReallyUseful"_s;
    case Usefulness::MayBeUseful: return u"MayBeUseful"_s;
    case Usefulness::ProbablyUseless: return u"ProbablyUseless"_s;
    case Usefulness::Useless: return u"Useless"_s;
    }
    return {};
}

bool compositorCrashed(const ParsedCrash &crash)
{
    // Qt aborts a Wayland client whose compositor went away ("The Wayland connection broke"):
    // such a crash says nothing about the application.
    const CrashThread *thread = crash.crashing();
    if (!thread)
        return false;
    return std::any_of(thread->frames.cbegin(), thread->frames.cend(), [](const CrashFrame &f) {
        return f.function.contains(u"QWaylandDisplay::checkError"_s);
    });
}

} // namespace Signatures
} // namespace Deltaboard
