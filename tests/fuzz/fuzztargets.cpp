#include "fuzztargets.h"

#include "crashparser.h"
#include "crashsignature.h"
#include "database.h"
#include "inputtext.h"
#include "jsondump.h"
#include "trackerimport.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Deltaboard;

namespace DeltaboardFuzz {

namespace {

QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Which format every file has, detected, and what crash text it would be.
int detect(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = bytesOf(data, size);
    const QString format = TrackerImport::detect(bytes);
    if (!format.isEmpty() && !TrackerImport::formats().contains(format))
        qFatal("detect() named a format it does not list: %s", qPrintable(format));
    static_cast<void>(CrashParser::detect(QString::fromUtf8(bytes)));
    return 0;
}

// One tracker reader, as an import reads a file of that format (no database, nothing written).
template<const char16_t *Format>
int tracker(const std::uint8_t *data, std::size_t size)
{
    const auto read = TrackerImport::read(bytesOf(data, size), QString::fromUtf16(Format));
    // An error is one located line: it names the input and never carries a raw line break.
    if (!read && (!read.error().startsWith(u"input"_s) || read.error().contains(u'\n')))
        qFatal("an error that does not name the input or is not one line: %s",
               qPrintable(InputText::oneLine(read.error())));
    return 0;
}

// One crash parser, as ingest reads a text: UTF-8 only, then parsed as that format, signed.
template<CrashFormat Format>
int crash(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = bytesOf(data, size);
    if (InputText::firstInvalidUtf8(bytes) >= 0)
        return 0;
    const QString text = QString::fromUtf8(bytes);
    const auto parsed = CrashParser::parseAs(text, Format, u"input"_s);
    if (!parsed)
        return 0;
    static_cast<void>(Signatures::signatureOf(*parsed));
    static_cast<void>(Signatures::signatureFrameIndexes(*parsed));
    static_cast<void>(Signatures::crashState(*parsed, text));
    static_cast<void>(Signatures::usefulness(*parsed));
    return 0;
}

// The restore of a Deltaboard export, into a real empty database inside a transaction that is
// rolled back, so every input meets the same empty database.
int restore(const std::uint8_t *data, std::size_t size)
{
    struct Place
    {
        QTemporaryDir dir;
        std::unique_ptr<Database> db;
        QString input;
    };
    static Place *place = [] {
        auto *made = new Place; // lives as long as the process: the fuzzer never returns
        auto opened = Database::open(made->dir.filePath(u"restore.sqlite"_s));
        if (!opened)
            qFatal("cannot make the database the restore target writes into: %s",
                   qPrintable(opened.error()));
        made->db = std::move(opened).value();
        made->input = made->dir.filePath(u"input.json"_s);
        return made;
    }();
    {
        QFile file(place->input);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write the restore target's input");
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    Transaction scope(*place->db); // never committed: whatever the restore wrote goes
    static_cast<void>(JsonDump(*place->db).importFrom(place->input));
    return 0;
}

constexpr char16_t kGithub[] = u"github";
constexpr char16_t kLaunchpad[] = u"launchpad";
constexpr char16_t kBugzilla[] = u"bugzilla";
constexpr char16_t kBugzillaXml[] = u"bugzilla-xml";
constexpr char16_t kRedmine[] = u"redmine";
constexpr char16_t kRedmineCsv[] = u"redmine-csv";
constexpr char16_t kJiraCsv[] = u"jira-csv";
constexpr char16_t kJiraXml[] = u"jira-xml";
constexpr char16_t kTracCsv[] = u"trac-csv";
constexpr char16_t kTrello[] = u"trello";
constexpr char16_t kCsv[] = u"csv";

} // namespace

const QList<Target> &targets()
{
    static const QList<Target> list = {
        {u"detect"_s, u"imports"_s, &detect},
        {u"github"_s, u"imports/github"_s, &tracker<kGithub>},
        {u"launchpad"_s, u"imports/launchpad"_s, &tracker<kLaunchpad>},
        {u"bugzilla"_s, u"imports/bugzilla-rest"_s, &tracker<kBugzilla>},
        {u"bugzilla-xml"_s, u"imports/bugzilla-xml"_s, &tracker<kBugzillaXml>},
        {u"redmine"_s, u"imports/redmine"_s, &tracker<kRedmine>},
        {u"redmine-csv"_s, u"imports/trac-csv"_s, &tracker<kRedmineCsv>},
        {u"jira-csv"_s, u"imports/jira-csv"_s, &tracker<kJiraCsv>},
        {u"jira-xml"_s, u"imports/jira-xml"_s, &tracker<kJiraXml>},
        {u"trac-csv"_s, u"imports/trac-csv"_s, &tracker<kTracCsv>},
        {u"trello"_s, u"imports/trello"_s, &tracker<kTrello>},
        {u"csv"_s, u"imports/jira-csv"_s, &tracker<kCsv>},
        {u"restore"_s, {}, &restore},
        {u"crash-gdb"_s, u"crashes/gdb"_s, &crash<CrashFormat::Gdb>},
        {u"crash-drkonqi"_s, u"crashes/drkonqi"_s, &crash<CrashFormat::DrKonqi>},
        {u"crash-minidump"_s, u"crashes/minidump-stackwalk"_s, &crash<CrashFormat::Minidump>},
        {u"crash-python"_s, u"crashes/python"_s, &crash<CrashFormat::Python>},
        {u"crash-java"_s, u"crashes/java"_s, &crash<CrashFormat::Java>},
        {u"crash-asan"_s, u"crashes/asan"_s, &crash<CrashFormat::Asan>},
        {u"crash-windows"_s, u"crashes/windows"_s, &crash<CrashFormat::Windows>},
        {u"crash-apple"_s, u"crashes/apple"_s, &crash<CrashFormat::Apple>},
    };
    return list;
}

const Target *target(const QString &name)
{
    for (const Target &candidate : targets()) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

} // namespace DeltaboardFuzz
