// Over 600 lines: one generator and the vocabulary it draws from; the tables are data.
#include "demogenerator.h"

#include "crashsignature.h"

#include "commentstore.h"
#include "crashstore.h"
#include "deltastore.h"
#include "groupstore.h"
#include "organisationstore.h"
#include "taskstore.h"
#include "triagestore.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

struct ComponentSpec
{
    const char16_t *name;
    const char16_t *description;
    const char16_t *nameSpace; // C++ namespace its crash frames live in
    const char16_t *area;      // how a user names it in a title
};

const std::array<ComponentSpec, 14> kComponents = {{
    {u"driver-radeon", u"Kernel and Mesa driver for AMD GPUs", u"radeon", u"AMD graphics"},
    {u"driver-nouveau", u"Open driver for NVIDIA GPUs", u"nouveau", u"NVIDIA graphics"},
    {u"driver-intel", u"Driver for Intel integrated graphics", u"intel", u"Intel graphics"},
    {u"compositor", u"Window compositing and effects", u"Compositor", u"the compositor"},
    {u"installer", u"The system installer", u"Installer", u"the installer"},
    {u"network", u"Network manager and VPN plugins", u"Net", u"networking"},
    {u"audio", u"Audio server and device routing", u"Audio", u"audio"},
    {u"bluetooth", u"Bluetooth stack and pairing UI", u"Bt", u"Bluetooth"},
    {u"printing", u"Print dialogs and spooler integration", u"Print", u"printing"},
    {u"sync-service", u"Cloud file synchronisation", u"Sync", u"file sync"},
    {u"web-console", u"Hosted administration console", u"Console", u"the web console"},
    {u"storage", u"Disks, encryption and snapshots", u"Storage", u"storage"},
    {u"power", u"Suspend, resume and battery", u"Power", u"power management"},
    {u"accessibility", u"Screen reader and input aids", u"A11y", u"accessibility"},
}};

struct GroupSpec
{
    const char16_t *name;
    const char16_t *description;
    qint64 size;
    std::array<int, 4> components; // indexes into kComponents, -1 for none
};

const std::array<GroupSpec, 12> kGroups = {{
    {u"AMD GPU users", u"Desktops and laptops with AMD graphics", 420000, {0, 3, 12, -1}},
    {u"NVIDIA users", u"Machines running the open NVIDIA driver", 310000, {1, 3, 12, -1}},
    {u"Intel laptop users", u"Laptops with Intel graphics", 1250000, {2, 3, 12, 7}},
    {u"Hosted customers", u"Organisations on the hosted service", 38000, {10, 9, 11, -1}},
    {u"Enterprise fleet", u"Managed installations in companies", 185000, {4, 5, 8, 11}},
    {u"Screen reader users", u"People who rely on assistive technology", 21000, {13, 3, 6, -1}},
    {u"Musicians", u"Low-latency audio setups", 16000, {6, 7, -1, -1}},
    {u"New installs", u"Everyone installing this release", 640000, {4, 11, 5, -1}},
    {u"Remote workers", u"VPN, sync and conferencing users", 530000, {5, 9, 6, 7}},
    {u"Gamers", u"People who play on the desktop", 275000, {0, 1, 3, 6}},
    {u"Students", u"School and university labs", 90000, {8, 5, 9, -1}},
    {u"Developers", u"Those building on the platform", 120000, {3, 11, 9, 5}},
}};

const std::array<const char16_t *, 8> kOrganisations = {
    u"Northwind Graphics", u"Kestrel Systems", u"Upstream Core", u"Fjord Hosting",
    u"Larkspur Labs",      u"Meridian OEM",    u"Tidewater IT",  u"Aurora Accessibility",
};

const std::array<const char16_t *, 16> kSymptoms = {
    u"flickers",
    u"freezes for several seconds",
    u"shows a black screen",
    u"loses its settings",
    u"drains the battery",
    u"stutters",
    u"reports the wrong state",
    u"hangs",
    u"uses 100% CPU",
    u"draws garbage",
    u"drops the connection",
    u"ignores the keyboard",
    u"fails silently",
    u"shows a blank dialog",
    u"corrupts the file",
    u"logs errors endlessly",
};

const std::array<const char16_t *, 16> kTriggers = {
    u"after resume from suspend",
    u"when a second monitor is plugged in",
    u"on a 4K display",
    u"after an update",
    u"with fractional scaling",
    u"when switching users",
    u"on first boot",
    u"under heavy load",
    u"when the laptop lid closes",
    u"in a virtual machine",
    u"with a right-to-left language",
    u"after waking from hibernation",
    u"when the network changes",
    u"with an encrypted disk",
    u"over a slow connection",
    u"with more than 500 items",
};

const std::array<const char16_t *, 12> kFeatures = {
    u"per-monitor colour profiles",
    u"offline mode",
    u"an audit log",
    u"keyboard-only navigation",
    u"bulk actions",
    u"hardware video decoding",
    u"variable refresh rate",
    u"pairing with a QR code",
    u"scheduled snapshots",
    u"a status page",
    u"single sign-on",
    u"high-contrast themes",
};

const std::array<const char16_t *, 12> kClasses = {
    u"Scheduler", u"Surface",  u"Device",   u"Session", u"Buffer", u"Manager",
    u"Pipeline",  u"Endpoint", u"Renderer", u"Monitor", u"Queue",  u"Context",
};

// Sub-namespaces, so that crash sites are varied enough for 100,000 deltas.
const std::array<const char16_t *, 12> kParts = {
    u"Core",   u"Wayland", u"X11",    u"Backend", u"Protocol", u"Cache",
    u"Config", u"Input",   u"Output", u"Net",     u"Io",       u"Ui",
};

const std::array<const char16_t *, 16> kMethods = {
    u"submit", u"flush",   u"present", u"attach", u"release",  u"resize",    u"commit", u"dispatch",
    u"reset",  u"connect", u"suspend", u"resume", u"allocate", u"configure", u"update", u"destroy",
};

const std::array<const char16_t *, 8> kReporters = {
    u"amelia.r", u"jonas.k", u"priya.s", u"tomas.b", u"wei.l", u"fatima.h", u"oskar.n", u"lucia.m",
};

const std::array<const char16_t *, 6> kVersions
    = {u"24.04", u"24.10", u"25.04", u"25.10", u"26.04", u"26.10"};
const std::array<const char16_t *, 4> kPlatforms
    = {u"linux-x86_64", u"linux-arm64", u"windows-x86_64", u"macos-arm64"};

// A random duration in [0, span) milliseconds; spans exceed int, so through double.
qint64 within(QRandomGenerator &random, qint64 span)
{
    return qint64(random.bounded(double(span)));
}

template<typename Array>
QString pick(QRandomGenerator &random, const Array &array)
{
    return QString::fromUtf16(array[random.bounded(int(array.size()))]);
}

// Deltas of one organisation's favoured components get its attention; the others much less.
int priorityFor(QRandomGenerator &random, bool favoured)
{
    const int roll = random.bounded(100);
    if (favoured)
        return roll < 15 ? 4 : roll < 45 ? 3 : roll < 75 ? 2 : roll < 90 ? 1 : 0;
    return roll < 2 ? 4 : roll < 8 ? 3 : roll < 30 ? 2 : roll < 70 ? 1 : 0;
}

enum class EventType { CreateDelta, Triage, AddReport, Commit, Move, Comment, Decide };

struct Event
{
    qint64 time; // msecs since epoch
    EventType type;
    int subject;  // delta or task index
    int argument; // column position, report number...
};

struct PlannedTask
{
    int organisation = 0;
    QList<int> deltas;
    qint64 id = 0;
};

// The signature of crashText()'s stack (the same frames, no text to parse).
QString demoSignature(const QString &frame0, const QString &frame1)
{
    QList<CrashFrame> frames;
    for (const QString &function :
         {u"__pthread_kill_implementation"_s, u"raise"_s, u"abort"_s, frame0, frame1,
          u"QObject::event"_s, u"QCoreApplication::notifyInternal2"_s, u"QEventLoop::exec"_s,
          u"main"_s}) {
        CrashFrame frame;
        frame.function = function;
        frames.append(frame);
    }
    return Signatures::generate(frames).text;
}

QString crashText(QRandomGenerator &random, const QString &nameSpace, const QString &frame0,
                  const QString &frame1, const QString &version, const QString &platform)
{
    QString text = u"Application: deltaboard-demo (%1)\nPlatform: %2\n\n"
                   u"Thread 1 (Thread 0x7f%3 (LWP %4)):\n"_s.arg(version, platform)
                       .arg(random.generate() % 0xffffff, 6, 16, QChar(u'0'))
                       .arg(1000 + random.bounded(30000));
    int frame = 0;
    auto add = [&](const QString &function, const QString &where) {
        text += u"#%1  0x00007f%2 in %3 %4\n"_s.arg(frame++)
                    .arg(random.generate() % 0xffffffff, 8, 16, QChar(u'0'))
                    .arg(function, where);
    };
    add(u"__pthread_kill_implementation"_s, u"at ./nptl/pthread_kill.c:44"_s);
    add(u"raise ()"_s, u"from /lib/x86_64-linux-gnu/libc.so.6"_s);
    add(u"abort ()"_s, u"from /lib/x86_64-linux-gnu/libc.so.6"_s);
    const QString file0 = frame0.section(u"::"_s, -2, -2).toLower();
    add(frame0 + u" (this=0x55d4c1a2e0f0)"_s,
        u"at src/%1/%2.cpp:%3"_s.arg(nameSpace.toLower(), file0).arg(40 + random.bounded(900)));
    const QString file1 = frame1.section(u"::"_s, -2, -2).toLower();
    add(frame1 + u" (this=0x55d4c1a31c80, event=0x7ffd3a2b1e40)"_s,
        u"at src/%1/%2.cpp:%3"_s.arg(nameSpace.toLower(), file1).arg(40 + random.bounded(900)));
    add(u"QObject::event(QEvent*)"_s, u"from /lib/x86_64-linux-gnu/libQt6Core.so.6"_s);
    add(u"QCoreApplication::notifyInternal2(QObject*, QEvent*)"_s,
        u"from /lib/x86_64-linux-gnu/libQt6Core.so.6"_s);
    add(u"QEventLoop::exec(QFlags<QEventLoop::ProcessEventsFlag>)"_s,
        u"from /lib/x86_64-linux-gnu/libQt6Core.so.6"_s);
    add(u"main (argc=1, argv=0x7ffd3a2b2158)"_s, u"at src/main.cpp:57"_s);
    return text;
}

} // namespace

Result<DemoGenerator::Counts> DemoGenerator::generate(const Parameters &p, const Progress &progress)
{
    if (p.deltas < 1 || p.tasks < 0 || p.organisations < 1 || p.groups < 1)
        return Error{u"demo needs at least 1 delta, 1 organisation and 1 user group"_s};
    if (p.tasks > p.deltas)
        return Error{
            u"demo cannot have more tasks (%1) than deltas (%2)"_s.arg(p.tasks).arg(p.deltas)};
    const auto existing = m_db.scalar(u"SELECT (SELECT count(*) FROM deltas) + "
                                      u"(SELECT count(*) FROM organisations)"_s);
    if (!existing)
        return Error{existing.error()};
    if (existing->toLongLong() > 0)
        return Error{u"%1 already holds data; demo fills an empty database"_s.arg(m_db.path())};

    QRandomGenerator random(p.seed);
    ManualClock clock;
    const Clock *previousClock = &m_db.clock();
    m_db.setClock(&clock);
    const QString previousActor = m_db.actor();
    auto restore = qScopeGuard([&] {
        m_db.setClock(previousClock);
        m_db.setActor(previousActor);
    });

    const qint64 end = p.end.toMSecsSinceEpoch();
    const qint64 start = p.end.addDays(-365).toMSecsSinceEpoch();
    constexpr qint64 kHour = qint64(3600) * 1000;
    constexpr qint64 kDay = 24 * kHour;
    Counts counts;

    // A bulk write of a million rows touches indexes far larger than the everyday page cache;
    // a bigger cache for this one transaction saves re-reading pages it just wrote (measured:
    // the 100k benchmark went from 48.6k to 50.7k rows/s; 128 MB was no faster). Restored
    // afterwards.
    // (SQLite's page cache; a PostgreSQL server sizes its own.)
    const auto previousCache = m_db.isPostgres() ? Result<QVariant>(Error{QString()})
                                                 : m_db.scalar(u"PRAGMA cache_size"_s);
    if (previousCache && p.deltas > 20000)
        (void)m_db.execOnce(u"PRAGMA cache_size = -98304"_s); // KiB: 96 MB
    auto restoreCache = qScopeGuard([&] {
        if (previousCache) {
            // Our own integer, read back from SQLite a moment ago; PRAGMA takes no parameters.
            (void)m_db.execOnce(u"PRAGMA cache_size = %1"_s.arg(previousCache->toLongLong()));
        }
    });

    Transaction transaction(m_db);
    if (!transaction.status())
        return Error{transaction.status().error()};

    // The cast: components, user groups and the components they use, organisations.
    clock.set(QDateTime::fromMSecsSinceEpoch(start - 30 * kDay, Qt::UTC));
    m_db.setActor(u"admin"_s);
    GroupStore groupStore(m_db);
    QList<qint64> componentIds;
    for (const ComponentSpec &spec : kComponents) {
        const auto component = groupStore.createComponent(QString::fromUtf16(spec.name),
                                                          QString::fromUtf16(spec.description));
        if (!component)
            return Error{component.error()};
        componentIds.append(component->id);
    }
    QList<qint64> groupIds;
    QList<qint64> groupSizes;
    QList<QList<int>> componentGroups(kComponents.size()); // component -> group indexes
    for (int g = 0; g < p.groups; ++g) {
        const GroupSpec &spec = kGroups[std::size_t(g) % kGroups.size()];
        const int round = g / int(kGroups.size());
        const QString name = round == 0
                                 ? QString::fromUtf16(spec.name)
                                 : u"%1 (%2)"_s.arg(QString::fromUtf16(spec.name)).arg(round + 1);
        const qint64 size = spec.size / (round + 1);
        const auto group = groupStore.createGroup(name, QString::fromUtf16(spec.description), size);
        if (!group)
            return Error{group.error()};
        groupIds.append(group->id);
        groupSizes.append(size);
        for (const int component : spec.components) {
            if (component < 0)
                continue;
            if (const Status used
                = groupStore.setGroupUsesComponent(group->id, componentIds[component]);
                !used) {
                return Error{used.error()};
            }
            componentGroups[component].append(g);
        }
    }

    OrganisationStore organisationStore(m_db);
    QList<qint64> organisationIds;
    QList<Board> boards;
    QList<QSet<int>> favoured; // organisation -> components it cares about
    for (int o = 0; o < p.organisations; ++o) {
        const int round = o / int(kOrganisations.size());
        const QString base
            = QString::fromUtf16(kOrganisations[std::size_t(o) % kOrganisations.size()]);
        const QString name = round == 0 ? base : u"%1 %2"_s.arg(base).arg(round + 1);
        const auto organisation = organisationStore.create(name);
        if (!organisation)
            return Error{organisation.error()};
        organisationIds.append(organisation->id);
        const auto board = organisationStore.board(organisation->id);
        if (!board)
            return Error{board.error()};
        boards.append(*board);
        QSet<int> cares;
        // Each organisation cares about a few neighbouring components, overlapping with others
        // so that priorities on the same deltas disagree.
        for (int k = 0; k < 4; ++k)
            cares.insert((o * 3 + k) % int(kComponents.size()));
        favoured.append(cares);
    }

    // Plan the deltas: kind, component, creation time (sorted, so ids follow time).
    const int n = p.deltas;
    std::vector<qint64> createdAt(static_cast<std::size_t>(n));
    for (auto &time : createdAt)
        time = start + within(random, end - start - 14 * kDay);
    std::sort(createdAt.begin(), createdAt.end());

    struct PlannedDelta
    {
        DeltaKind kind;
        int component;
        qint64 id = 0;
        QString title; // kept for the tasks that commit to it
        QString signature;
        QString frame0;
        QString frame1;
    };
    std::vector<PlannedDelta> deltas(static_cast<std::size_t>(n));
    std::vector<Event> events;
    events.reserve(std::size_t(n) * 4 + std::size_t(p.tasks) * 6);
    QSet<QString> signatures;
    for (int i = 0; i < n; ++i) {
        PlannedDelta &d = deltas[std::size_t(i)];
        const int roll = random.bounded(100);
        d.kind = roll < 62 ? DeltaKind::Defect : roll < 85 ? DeltaKind::Crash : DeltaKind::Spec;
        d.component = random.bounded(int(kComponents.size()));
        const qint64 t = createdAt[std::size_t(i)];
        events.push_back({t, EventType::CreateDelta, i, 0});
        events.push_back({t + within(random, 3 * kDay), EventType::Triage, i, 0});
        if (d.kind == DeltaKind::Crash) {
            const int reports = 1 + int(random.bounded(1.0) * random.bounded(1.0) * 12);
            for (int r = 1; r < reports; ++r) {
                const qint64 at = t + within(random, end - t);
                events.push_back({at, EventType::AddReport, i, r});
            }
        }
        if (random.bounded(100) < 30)
            events.push_back({t + within(random, 20 * kDay), EventType::Comment, i, 0});
        if (random.bounded(100) < 12)
            events.push_back({t + within(random, 40 * kDay), EventType::Decide, i, 0});
    }

    // Plan the tasks: half belong to the first organisation (a vendor with a big board), the rest
    // are shared out. A task is committed some days after its delta and then walks the board.
    std::vector<PlannedTask> tasks(static_cast<std::size_t>(p.tasks));
    QSet<int> committedDeltas;
    for (int k = 0; k < p.tasks; ++k) {
        PlannedTask &task = tasks[std::size_t(k)];
        task.organisation = (k % 2 == 0 || p.organisations == 1)
                                ? 0
                                : 1 + random.bounded(std::max(1, p.organisations - 1));
        task.organisation = std::min(task.organisation, p.organisations - 1);
        // An organisation mostly commits to deltas in the components it cares about, so user
        // groups of those components are covered better than others (uneven coverage).
        const auto unwanted = [&](int index) {
            return committedDeltas.contains(index)
                   || (!favoured[task.organisation].contains(deltas[std::size_t(index)].component)
                       && random.bounded(100) < 90);
        };
        int deltaIndex = random.bounded(n);
        for (int attempt = 0; attempt < 8 && unwanted(deltaIndex); ++attempt)
            deltaIndex = random.bounded(n);
        committedDeltas.insert(deltaIndex);
        task.deltas.append(deltaIndex);
        if (random.bounded(100) < 35) {
            const int extra = random.bounded(n);
            if (extra != deltaIndex)
                task.deltas.append(extra);
        }
        qint64 latest = 0;
        for (const int index : std::as_const(task.deltas))
            latest = std::max(latest, createdAt[std::size_t(index)]);
        qint64 t = latest + kHour + qint64(random.bounded(1.0) * random.bounded(1.0) * 60 * kDay);
        if (t >= end)
            t = latest + kHour;
        events.push_back({t, EventType::Commit, k, 0});
        const int columns = int(boards[task.organisation].columns.size());
        // Not every commitment gets scheduled: some wait in the backlog or in Ready for good.
        const int stall = random.bounded(100);
        const int lastPosition = stall < 15 ? 0 : stall < 25 ? 1 : columns - 1;
        for (int position = 1; position <= lastPosition; ++position) {
            // Waiting to be scheduled takes longest, then the work itself, then review.
            const double days = position == 1 ? 30 : position == 2 ? 25 : 9;
            t += kHour + qint64(random.bounded(1.0) * days * kDay);
            if (t >= end)
                break;
            events.push_back({t, EventType::Move, k, position});
            if (position == columns - 1 && random.bounded(100) < 6) {
                t += kDay + within(random, 10 * kDay); // reopened after a failed check
                if (t < end)
                    events.push_back({t, EventType::Move, k, 2});
                break;
            }
        }
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event &a, const Event &b) { return a.time < b.time; });

    DeltaStore deltaStore(m_db);
    TriageStore triageStore(m_db);
    CrashStore crashStore(m_db);
    TaskStore taskStore(m_db);
    CommentStore commentStore(m_db);
    const qint64 total = qint64(events.size());
    qint64 done = 0;
    for (const Event &event : events) {
        clock.set(QDateTime::fromMSecsSinceEpoch(event.time, Qt::UTC));
        m_db.setActor(pick(random, kReporters));
        // For delta events 'subject' is a delta index; for task events a task index (and tasks
        // never outnumber deltas, so the reference below is always valid).
        PlannedDelta &d = deltas[std::size_t(event.subject)];
        const ComponentSpec &component = kComponents[std::size_t(d.component)];
        switch (event.type) {
        case EventType::CreateDelta: {
            Delta delta;
            delta.kind = d.kind;
            delta.componentId = componentIds[d.component];
            delta.reporter = m_db.actor();
            delta.foundIn = pick(random, kVersions);
            const QString area = QString::fromUtf16(component.area);
            if (d.kind == DeltaKind::Spec) {
                const QString feature = pick(random, kFeatures);
                delta.title = u"Support %1 in %2"_s.arg(feature, area);
                delta.desired = u"Users can rely on %1 in %2, configured from the usual "
                                u"settings page."_s.arg(feature, area);
                delta.actual = u"%1 has no %2; people work around it by hand."_s.arg(
                    area.left(1).toUpper() + area.mid(1), feature);
                delta.details = u"## Motivation\n\nRequested by several customers.\n\n"
                                u"## Proposal\n\n- Add %1\n- Document it\n- Keep the old "
                                u"behaviour as the default for one release"_s.arg(feature);
            } else if (d.kind == DeltaKind::Crash) {
                const QString ns = QString::fromUtf16(component.nameSpace);
                // The signature is what ingesting one of its reports computes, so demo
                // reports and real ones group the same way.
                do {
                    d.frame0 = u"%1::%2::%3::%4"_s.arg(
                        ns, pick(random, kParts), pick(random, kClasses), pick(random, kMethods));
                    d.frame1
                        = u"%1::%2::%3"_s.arg(ns, pick(random, kClasses), pick(random, kMethods));
                    d.signature = demoSignature(d.frame0, d.frame1);
                } while (signatures.contains(d.signature));
                signatures.insert(d.signature);
                delta.signature = d.signature;
                delta.title = u"Crash in %1"_s.arg(d.frame0);
                delta.desired = u"%1 keeps running."_s.arg(area.left(1).toUpper() + area.mid(1));
                delta.actual = u"SIGABRT in %1 called from %2."_s.arg(d.frame0, d.frame1);
            } else {
                const QString symptom = pick(random, kSymptoms);
                const QString trigger = pick(random, kTriggers);
                delta.title
                    = u"%1 %2 %3"_s.arg(area.left(1).toUpper() + area.mid(1), symptom, trigger);
                delta.desired = u"%1 keeps working normally %2."_s.arg(
                    area.left(1).toUpper() + area.mid(1), trigger);
                delta.actual
                    = u"It %1 %2. Reproducible about %3 times in 10."_s.arg(symptom, trigger)
                          .arg(2 + random.bounded(8));
                delta.details = u"Steps:\n\n1. Start a session\n2. Trigger it %1\n3. Watch "
                                u"it\n\nSeen on %2."_s.arg(trigger, pick(random, kPlatforms));
            }
            const auto id = deltaStore.create(delta);
            if (!id)
                return Error{u"demo delta %1: %2"_s.arg(event.subject).arg(id.error())};
            d.id = *id;
            d.title = delta.title;
            ++counts.deltas;
            if (d.kind == DeltaKind::Crash) {
                const QString version = pick(random, kVersions);
                const QString platform = pick(random, kPlatforms);
                CrashReport report;
                report.signature = d.signature;
                report.productVersion = version;
                report.platform = platform;
                report.rawText = crashText(random, QString::fromUtf16(component.nameSpace),
                                           d.frame0, d.frame1, version, platform);
                if (const auto added = crashStore.addReport(report); !added)
                    return Error{added.error()};
                ++counts.crashReports;
            }
            break;
        }
        case EventType::Triage:
            for (int o = 0; o < p.organisations; ++o) {
                const bool cares = favoured[o].contains(d.component);
                if (random.bounded(100) >= (cares ? 75 : 18))
                    continue;
                if (const Status set
                    = triageStore.setPriority(organisationIds[o], d.id, priorityFor(random, cares));
                    !set) {
                    return Error{set.error()};
                }
                ++counts.priorities;
            }
            for (const int g : componentGroups[d.component]) {
                if (g >= p.groups || random.bounded(100) >= 55)
                    continue;
                const int roll = random.bounded(100);
                const int level = roll < 8 ? 4 : roll < 30 ? 3 : roll < 65 ? 2 : 1;
                const qint64 affected
                    = qint64(double(groupSizes[g]) * level * level * random.bounded(0.01));
                if (const Status set = triageStore.setImpact(d.id, groupIds[g], level, affected);
                    !set) {
                    return Error{set.error()};
                }
                ++counts.impacts;
            }
            break;
        case EventType::AddReport: {
            const QString version = pick(random, kVersions);
            const QString platform = pick(random, kPlatforms);
            CrashReport report;
            report.signature = d.signature;
            report.productVersion = version;
            report.platform = platform;
            report.rawText = crashText(random, QString::fromUtf16(component.nameSpace), d.frame0,
                                       d.frame1, version, platform);
            if (const auto added = crashStore.addReport(report); !added)
                return Error{added.error()};
            ++counts.crashReports;
            break;
        }
        case EventType::Comment: {
            Comment comment;
            comment.deltaId = d.id;
            static const std::array<const char16_t *, 6> kRemarks = {
                u"I can reproduce this on a clean install.",
                u"Still happens with the latest update.",
                u"Is this the same as the report from last week?",
                u"Attached logs from two machines.",
                u"Workaround: restart the service after it happens.",
                u"This blocks our rollout to the remaining sites.",
            };
            comment.body = pick(random, kRemarks);
            if (const auto added = commentStore.add(comment); !added)
                return Error{added.error()};
            ++counts.comments;
            break;
        }
        case EventType::Decide: {
            const int roll = random.bounded(100);
            DeltaState state = roll < 40   ? DeltaState::Confirmed
                               : roll < 60 ? DeltaState::Disputed
                               : roll < 80 ? DeltaState::Declined
                                           : DeltaState::Duplicate;
            std::optional<qint64> duplicateOf;
            if (state == DeltaState::Duplicate) {
                const int earlier = event.subject > 0 ? random.bounded(event.subject) : -1;
                if (earlier < 0 || deltas[std::size_t(earlier)].id == 0)
                    state = DeltaState::Confirmed;
                else
                    duplicateOf = deltas[std::size_t(earlier)].id;
            }
            if (const Status set = deltaStore.setState(d.id, state, duplicateOf); !set)
                return Error{set.error()};
            break;
        }
        case EventType::Commit: {
            PlannedTask &task = tasks[std::size_t(event.subject)];
            QList<qint64> ids;
            for (const int index : std::as_const(task.deltas))
                ids.append(deltas[std::size_t(index)].id);
            const PlannedDelta &first = deltas[std::size_t(task.deltas.first())];
            const QString title = first.kind == DeltaKind::Spec
                                      ? u"Implement: %1"_s.arg(first.title.section(u' ', 1))
                                  : first.kind == DeltaKind::Crash
                                      ? u"Fix crash in %1"_s.arg(first.frame0)
                                      : u"Fix: %1"_s.arg(first.title);
            const auto id = taskStore.commit(organisationIds[task.organisation], title, ids);
            if (!id)
                return Error{id.error()};
            task.id = *id;
            ++counts.tasks;
            break;
        }
        case EventType::Move: {
            const PlannedTask &task = tasks[std::size_t(event.subject)];
            const Board &board = boards[task.organisation];
            const BoardColumn &column = board.columns[event.argument];
            if (const Status moved = taskStore.move(task.id, column.id); !moved)
                return Error{moved.error()};
            ++counts.moves;
            if (column.isDone) {
                FixRecord fix;
                fix.taskId = task.id;
                fix.branch = u"main"_s;
                fix.revision = QString::number(random.generate64() & 0xfffffffffffULL, 16);
                fix.version = pick(random, kVersions);
                fix.deployedTo = u"production"_s;
                fix.deployedAt = clock.nowText();
                // Most fixes are verified; about three in ten wait for it, so coverage shows
                // "done, unverified" too. Decided by id: the random sequence stays as it was.
                if (task.id % 10 >= 3)
                    fix.verifiedAt = clock.nowText();
                if (const auto added = taskStore.addFixRecord(fix); !added)
                    return Error{added.error()};
            }
            break;
        }
        }
        if (++done % 256 == 0 && progress && !progress(done, total))
            return Error{u"demo cancelled; nothing was written"_s};
    }

    const auto rows = m_db.scalar(
        u"SELECT (SELECT count(*) FROM deltas) + (SELECT count(*) FROM crash_reports) + "
        u"(SELECT count(*) FROM tasks) + (SELECT count(*) FROM task_deltas) + "
        u"(SELECT count(*) FROM priorities) + (SELECT count(*) FROM impacts) + "
        u"(SELECT count(*) FROM comments) + (SELECT count(*) FROM fix_records) + "
        u"(SELECT count(*) FROM history)"_s);
    if (!rows)
        return Error{rows.error()};
    counts.rows = rows->toLongLong();
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    if (progress)
        progress(total, total);
    return counts;
}

} // namespace Deltaboard
