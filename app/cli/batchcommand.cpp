#include "command.h"
#include "inputfile.h"
#include "inputtext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

// 'batch': many commands in one process on one open database, so a script that writes a
// thousand records pays for one start and one open, not a thousand.
namespace Deltaboard::Cli {

namespace {

constexpr qint64 kMaxBatchSize = qint64(256) * 1024 * 1024;

// One line's words, split as a shell would for the simple cases scripts write: blanks separate,
// '…' keeps everything literally, "…" keeps blanks and takes \" and \\, a backslash outside
// quotes keeps the next character. A line starting with # is a comment.
Result<QStringList> splitWords(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    enum { Plain, Single, Double } mode = Plain;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (mode == Single) {
            if (c == u'\'')
                mode = Plain;
            else
                word += c;
            continue;
        }
        if (mode == Double) {
            if (c == u'"') {
                mode = Plain;
            } else if (c == u'\\' && i + 1 < line.size()
                       && (line.at(i + 1) == u'"' || line.at(i + 1) == u'\\')) {
                word += line.at(++i);
            } else {
                word += c;
            }
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == u'\'') {
            mode = Single;
        } else if (c == u'"') {
            mode = Double;
        } else if (c == u'\\' && i + 1 < line.size()) {
            word += line.at(++i);
        } else {
            word += c;
        }
    }
    if (mode != Plain)
        return Error{u"a %1 quote is not closed"_s.arg(mode == Single ? u"single"_s : u"double"_s)};
    if (inWord)
        words.append(word);
    return words;
}

// A JSON line: an array of strings, the words themselves.
Result<QStringList> jsonWords(const QString &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return Error{u"malformed JSON: %1"_s.arg(error.errorString())};
    if (!document.isArray())
        return Error{u"expected a JSON array of strings"_s};
    QStringList words;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            return Error{u"word %1: expected a string"_s.arg(i + 1)};
        words.append(array.at(i).toString());
    }
    return words;
}

struct Line
{
    int number = 0;
    QStringList words;
};

Outcome cmdBatch(Context &context)
{
    if (const Outcome bad = expectArguments(context, u"batch"_s, 1, 1, u"one FILE (- for stdin)"_s))
        return bad;
    if (context.parser.isSet(u"atomic"_s) && context.parser.isSet(u"keep-going"_s))
        return usage(u"batch: --keep-going runs past a failure, --atomic undoes everything at "
                     u"one; choose one"_s);
    const QString path = context.arguments.first();
    const bool fromStdin = path == u"-"_s;
    const QString name = fromStdin ? u"stdin"_s : path;
    QByteArray data;
    if (fromStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Failed{u"cannot read standard input"_s};
        data = in.read(kMaxBatchSize + 1);
        if (data.size() > kMaxBatchSize)
            return Failed{u"stdin: more than 256 MB of commands; split the batch"_s};
    } else {
        auto read = InputFile::read(path, kMaxBatchSize, u"a file of commands"_s);
        if (!read)
            return Failed{read.error()};
        data = std::move(read).value();
    }
    if (const auto bad = InputText::notUtf8(name, data, u"a file of commands in UTF-8"_s))
        return Failed{bad->message};
    const QString text = QString::fromUtf8(data);

    // Every line is read before any runs: a malformed one stops the batch before it writes.
    QList<Line> lines;
    const QStringList rawLines = text.split(u'\n');
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        const QString raw = rawLines.at(i).trimmed();
        if (raw.isEmpty() || raw.startsWith(u'#'))
            continue;
        const auto words = raw.startsWith(u'[') ? jsonWords(raw) : splitWords(raw);
        if (!words)
            return usage(u"%1:%2: %3"_s.arg(name).arg(i + 1).arg(words.error()));
        // An export writes its own file in its own transaction; a batch line has the batch's.
        if (!words->isEmpty() && words->first() == u"export"_s)
            return usage(
                u"%1:%2: export cannot run inside a batch; run it on its own"_s.arg(name).arg(i
                                                                                              + 1));
        lines.append({int(i + 1), *words});
    }

    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    const bool atomic = context.parser.isSet(u"atomic"_s);
    const bool keepGoing = context.parser.isSet(u"keep-going"_s);
    std::optional<Transaction> all;
    if (atomic)
        all.emplace(**db);
    int failed = 0;
    QString firstFailure;
    // What a line prints is said once it is written: after its commit, or with --atomic after
    // the whole batch's; never for a line that was rolled back.
    QString printed;
    for (const Line &line : std::as_const(lines)) {
        QString errors;
        QTextStream err(&errors);
        QString output;
        QTextStream out(&output);
        int code = Success;
        {
            // One transaction per line: a line that fails leaves nothing behind.
            Transaction transaction(**db);
            code = runCommand(line.words, out, err, db->get());
            if (code == Success) {
                if (const Status committed = transaction.commit(); !committed) {
                    code = Failure;
                    err << "deltaboard-cli: " << committed.error() << '\n';
                }
            }
        }
        err.flush();
        out.flush();
        if (code == Success) {
            if (atomic)
                printed += output;
            else
                context.out << output;
            continue;
        }
        ++failed;
        QString message = errors.trimmed();
        message.remove(0, message.startsWith(u"deltaboard-cli: "_s) ? 16 : 0);
        const QString located = u"%1:%2: %3"_s.arg(name).arg(line.number).arg(message);
        if (firstFailure.isEmpty())
            firstFailure = located;
        if (atomic)
            return Failed{located + u" (nothing of the batch was written)"_s};
        if (!keepGoing) {
            return Failed{located + u" (the lines before it were written, the rest not run)"_s,
                          code};
        }
        context.err << "deltaboard-cli: " << InputText::oneLine(located) << '\n';
    }
    if (all) {
        if (const Status committed = all->commit(); !committed)
            return Failed{committed.error()};
        context.out << printed;
    }
    if (failed > 0)
        return Failed{u"%1 of %2 lines failed; the first: %3"_s.arg(failed)
                          .arg(lines.size())
                          .arg(firstFailure)};
    return {};
}

} // namespace

QList<Command> batchCommands()
{
    return {
        {u"batch"_s,
         u"FILE"_s,
         u"Run many commands, one per line (words as in a shell, or a JSON array of strings), "
         u"in one process; each line is one transaction, or all are with --atomic."_s,
         {{u"atomic"_s, u"All lines or none: the first failure undoes the whole batch."_s},
          {u"keep-going"_s, u"Run the lines after a failed one too (not with --atomic)."_s}},
         cmdBatch},
    };
}

} // namespace Deltaboard::Cli
