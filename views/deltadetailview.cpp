#include "deltadetailview.h"

#include "palette.h"

#include "crashstore.h"
#include "deltastore.h"
#include "groupstore.h"
#include "organisationstore.h"
#include "setimpactcommand.h"
#include "setprioritycommand.h"
#include "taskstore.h"
#include "triagestore.h"
#include "workspace.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedLayout>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QString chip(const QString &text, const QColor &colour)
{
    return u"<span style='background-color:%1; color:white;'>&nbsp;%2&nbsp;</span>"_s.arg(
        colour.name(), text.toHtmlEscaped());
}

} // namespace

DeltaDetailView::DeltaDetailView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_content(new QWidget)
    , m_placeholder(new QLabel(this))
    , m_title(wrappingLabel(m_content))
    , m_facts(wrappingLabel(m_content))
    , m_priorityLabel(new QLabel(m_content))
    , m_priorityEditor(new QComboBox(m_content))
    , m_desired(wrappingLabel(m_content))
    , m_actual(wrappingLabel(m_content))
    , m_details(new QTextBrowser(m_content))
    , m_crashSummary(wrappingLabel(m_content))
    , m_crashText(new QPlainTextEdit(m_content))
    , m_impacts(new QTableWidget(m_content))
    , m_commitments(wrappingLabel(m_content))
{
    setObjectName(u"deltaDetail"_s);
    setMinimumWidth(420);
    m_placeholder->setObjectName(u"deltaDetailPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("Select a delta to see what is desired, what actually happens, "
                              "who is hurt and who has committed to it."));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setObjectName(u"deltaTitle"_s);

    m_priorityEditor->setObjectName(u"priorityEditor"_s);
    m_priorityEditor->addItem(tr("No priority"));
    for (const QString &name : Levels::priorityNames())
        m_priorityEditor->addItem(name);
    connect(m_priorityEditor, &QComboBox::activated, this, &DeltaDetailView::priorityChosen);

    auto *desiredBox = new QGroupBox(tr("Desired"), m_content);
    (new QVBoxLayout(desiredBox))->addWidget(m_desired);
    auto *actualBox = new QGroupBox(tr("Actual"), m_content);
    (new QVBoxLayout(actualBox))->addWidget(m_actual);
    m_desired->setObjectName(u"desiredText"_s);
    m_actual->setObjectName(u"actualText"_s);

    m_details->setObjectName(u"detailsText"_s);
    m_details->setOpenExternalLinks(true);
    m_details->setMinimumHeight(110);
    m_crashText->setObjectName(u"crashText"_s);
    m_crashText->setReadOnly(true);
    m_crashText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_crashText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_crashText->setMinimumHeight(150);

    m_impacts->setObjectName(u"impactTable"_s);
    m_impacts->setColumnCount(3);
    m_impacts->setHorizontalHeaderLabels({tr("User group"), tr("Impact"), tr("Affected users")});
    m_impacts->verticalHeader()->hide();
    m_impacts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_impacts->setColumnWidth(1, 140);
    m_impacts->setColumnWidth(2, 110);
    m_impacts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_impacts->setSelectionMode(QAbstractItemView::NoSelection);
    m_impacts->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *priorityRow = new QHBoxLayout;
    priorityRow->addWidget(m_priorityLabel);
    priorityRow->addWidget(m_priorityEditor);
    priorityRow->addStretch();

    auto *sideBySide = new QHBoxLayout;
    sideBySide->addWidget(desiredBox, 1);
    sideBySide->addWidget(actualBox, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addLayout(priorityRow);
    layout->addLayout(sideBySide);
    layout->addWidget(m_details);
    layout->addWidget(m_crashSummary);
    layout->addWidget(m_crashText);
    auto *impactLabel = new QLabel(tr("<b>Impact by user group</b>"), m_content);
    layout->addWidget(impactLabel);
    layout->addWidget(m_impacts);
    layout->addWidget(m_commitments);
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_placeholder);
    stack->addWidget(scroll);
    showDelta(0, 0);
}

void DeltaDetailView::showDelta(qint64 deltaId, qint64 organisationId)
{
    m_deltaId = deltaId;
    m_organisationId = organisationId;
    reload();
}

void DeltaDetailView::reload()
{
    auto *stack = static_cast<QStackedLayout *>(layout());
    Database &db = m_workspace->database();
    const auto delta = m_deltaId ? DeltaStore(db).get(m_deltaId) : Result<Delta>(Error{});
    const auto priorities = TriageStore(db).priorities(m_deltaId);
    const auto impacts = TriageStore(db).impacts(m_deltaId);
    const auto groups = GroupStore(db).groups();
    const auto tasks = TaskStore(db).tasksForDelta(m_deltaId);
    if (!delta || !priorities || !impacts || !groups || !tasks) {
        // Nothing selected, or something unreadable: say which, never show a half-truth.
        QString error;
        for (const QString &message :
             {delta.error(), priorities.error(), impacts.error(), groups.error(), tasks.error()}) {
            if (error.isEmpty())
                error = message;
        }
        m_placeholder->setText(m_deltaId ? tr("Cannot show delta %1: %2").arg(m_deltaId).arg(error)
                                         : tr("Select a delta to see what is desired, what "
                                              "actually happens, who is hurt and who has "
                                              "committed to it."));
        stack->setCurrentIndex(0);
        return;
    }
    stack->setCurrentIndex(1);
    const Delta &d = *delta;

    m_title->setText(d.title);
    QStringList facts{chip(Levels::kindName(d.kind), Palette::colourFor(Levels::kindName(d.kind))),
                      u"#%1"_s.arg(d.id), Levels::stateName(d.state)};
    if (d.duplicateOf)
        facts.last() += tr(" of #%1").arg(*d.duplicateOf);
    if (!d.component.isEmpty())
        facts.append(d.component.toHtmlEscaped());
    if (!d.foundIn.isEmpty())
        facts.append(tr("found in %1").arg(d.foundIn.toHtmlEscaped()));
    if (!d.reporter.isEmpty())
        facts.append(tr("reported by %1").arg(d.reporter.toHtmlEscaped()));
    facts.append(tr("on %1").arg(d.createdAt.left(10)));
    m_facts->setText(facts.join(u" · "_s));

    // The current organisation's priority.
    m_priority.reset();
    for (const PriorityEntry &p : *priorities) {
        if (p.organisationId == m_organisationId)
            m_priority = p.level;
    }
    const auto organisation = OrganisationStore(db).byId(m_organisationId);
    m_priorityLabel->setText(organisation ? tr("Priority for %1:").arg(organisation->name)
                                          : tr("Choose an organisation to set its priority."));
    m_priorityEditor->setEnabled(organisation.ok());
    m_priorityEditor->setCurrentIndex(m_priority ? *m_priority + 1 : 0);

    m_desired->setText(d.desired.isEmpty() ? tr("<i>Not described</i>") : d.desired);
    m_actual->setText(d.actual.isEmpty() ? tr("<i>Not described</i>") : d.actual);
    m_details->setMarkdown(d.details);
    m_details->setVisible(!d.details.trimmed().isEmpty());

    // Crash data: how often and where, and the latest report as received.
    const bool crash = d.kind == DeltaKind::Crash;
    m_crashSummary->setVisible(crash);
    m_crashText->setVisible(crash);
    if (crash) {
        const auto reports = CrashStore(db).reports(d.id);
        if (reports && !reports->isEmpty()) {
            QStringList versions;
            QStringList platforms;
            for (const CrashReport &report : *reports) {
                if (!report.productVersion.isEmpty() && !versions.contains(report.productVersion))
                    versions.append(report.productVersion);
                if (!report.platform.isEmpty() && !platforms.contains(report.platform))
                    platforms.append(report.platform);
            }
            m_crashSummary->setText(
                (reports->size() == 1 ? tr("<b>1 crash report</b>")
                                      : tr("<b>%1 crash reports</b>").arg(reports->size()))
                + tr(" · first %1, last %2 · versions %3 · %4")
                      .arg(reports->first().receivedAt.left(10),
                           reports->last().receivedAt.left(10), versions.join(u", "_s),
                           platforms.join(u", "_s))
                + u"<br>"_s + tr("Signature: <tt>%1</tt>").arg(d.signature.toHtmlEscaped()));
            m_crashText->setPlainText(reports->last().rawText);
        } else {
            m_crashSummary->setText(tr("No crash reports."));
            m_crashText->clear();
        }
    }

    // Impact per user group: every group, assessed or not. Rows are updated in place when the
    // groups are the same, so an edit keeps the keyboard focus on its combo box.
    const int groupCount = int(groups->size());
    bool sameGroups = m_impacts->rowCount() == groupCount;
    for (int row = 0; sameGroups && row < groupCount; ++row) {
        sameGroups
            = m_impacts->item(row, 0)
              && m_impacts->item(row, 0)->data(Qt::UserRole).toLongLong() == groups->at(row).id;
    }
    if (!sameGroups) {
        m_impacts->setRowCount(groupCount);
        for (int row = 0; row < groupCount; ++row) {
            auto *name = new QTableWidgetItem(groups->at(row).name);
            name->setData(Qt::UserRole, groups->at(row).id);
            m_impacts->setItem(row, 0, name);
            auto *level = new QComboBox(m_impacts);
            level->addItem(tr("not assessed"));
            for (const QString &levelName : Levels::impactNames())
                level->addItem(levelName);
            connect(level, &QComboBox::activated, this, [this, row] { impactChosen(row); });
            m_impacts->setCellWidget(row, 1, level);
            m_impacts->setItem(row, 2, new QTableWidgetItem);
        }
    }
    for (int row = 0; row < groupCount; ++row) {
        std::optional<ImpactEntry> impact;
        for (const ImpactEntry &entry : *impacts) {
            if (entry.groupId == groups->at(row).id)
                impact = entry;
        }
        auto *level = qobject_cast<QComboBox *>(m_impacts->cellWidget(row, 1));
        const QSignalBlocker blocker(level);
        level->setCurrentIndex(impact ? impact->level + 1 : 0);
        m_impacts->item(row, 2)->setText(impact && impact->affectedUsers
                                             ? QLocale().toString(*impact->affectedUsers)
                                             : QString());
    }
    m_impacts->setFixedHeight(
        m_impacts->horizontalHeader()->height()
        + m_impacts->rowCount() * m_impacts->verticalHeader()->defaultSectionSize() + 4);

    // Commitments: who has taken it on, on which board column.
    QStringList lines;
    for (const Task &task : *tasks) {
        lines.append(u"%1 · <i>%2</i> · %3"_s.arg(task.organisation.toHtmlEscaped(),
                                                  task.column.toHtmlEscaped(),
                                                  task.title.toHtmlEscaped()));
    }
    m_commitments->setText(lines.isEmpty()
                               ? tr("<b>Commitments</b><br>No organisation has committed to this "
                                    "delta. Select it in the list and choose Commit… (Ctrl+Enter).")
                               : tr("<b>Commitments</b><br>") + lines.join(u"<br>"_s));
}

void DeltaDetailView::priorityChosen(int index)
{
    const std::optional<int> chosen = index > 0 ? std::optional<int>(index - 1) : std::nullopt;
    if (!m_organisationId || chosen == m_priority)
        return;
    m_workspace->undoStack()->push(
        new SetPriorityCommand(m_workspace, m_organisationId, m_deltaId, m_priority, chosen));
}

void DeltaDetailView::impactChosen(int row)
{
    auto *combo = qobject_cast<QComboBox *>(m_impacts->cellWidget(row, 1));
    const qint64 groupId = m_impacts->item(row, 0)->data(Qt::UserRole).toLongLong();
    const auto impacts = TriageStore(m_workspace->database()).impacts(m_deltaId);
    if (!impacts) {
        // Without the current assessment there is nothing correct to undo to.
        m_workspace->reportError(impacts.error());
        reload();
        return;
    }
    SetImpactCommand::Assessment before;
    for (const ImpactEntry &entry : *impacts) {
        if (entry.groupId == groupId)
            before = {entry.level, entry.affectedUsers};
    }
    SetImpactCommand::Assessment after = before; // the users estimate stays
    after.level
        = combo->currentIndex() > 0 ? std::optional<int>(combo->currentIndex() - 1) : std::nullopt;
    if (after.level == before.level)
        return;
    m_workspace->undoStack()->push(
        new SetImpactCommand(m_workspace, m_deltaId, groupId, before, after));
}

} // namespace Deltaboard
