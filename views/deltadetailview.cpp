#include "deltadetailview.h"

#include "deltaeditor.h"
#include "deltatabledelegate.h"
#include "labeldialog.h"
#include "palette.h"
#include "relationdialog.h"
#include "shown.h"

#include "addcommentcommand.h"
#include "commentstore.h"
#include "crashparser.h"
#include "crashstore.h"
#include "crashtype.h"
#include "deltaeditcommands.h"
#include "deltastore.h"
#include "groupstore.h"
#include "history.h"
#include "historyformatter.h"
#include "labelstore.h"
#include "organisationstore.h"
#include "relationstore.h"
#include "setimpactcommand.h"
#include "setprioritycommand.h"
#include "setstatecommand.h"
#include "taskstore.h"
#include "triagestore.h"
#include "workspace.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
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

QString when(const QString &time)
{
    return Shown::dateTime(time);
}

// "<br>Type: null-dereference WRITE (SIGSEGV)": the crash type as the latest report shows it,
// or nothing when the text names none.
QString crashTypeLine(const QString &rawText)
{
    const auto crash = CrashParser::parse(rawText);
    const QString type = crash ? CrashTypes::describe(*crash) : QString();
    return type.isEmpty() ? QString()
                          : u"<br>"_s + DeltaDetailView::tr("Type: %1").arg(type.toHtmlEscaped());
}

// A list that grows with its rows up to a height, then scrolls.
QListWidget *conversationList(QWidget *parent, const QString &name)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(name);
    list->setWordWrap(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    return list;
}

// Tall enough for its rows, up to a limit; then it scrolls.
void fitToRows(QListWidget *list)
{
    int height = 2 * list->frameWidth() + 4;
    for (int row = 0; row < list->count() && height < 260; ++row)
        height += list->sizeHintForRow(row);
    list->setFixedHeight(std::clamp(height, 28, 260));
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
    , m_relations(wrappingLabel(m_content))
    , m_commitments(wrappingLabel(m_content))
    , m_labels(wrappingLabel(m_content))
    , m_comments(conversationList(m_content, u"deltaComments"_s))
    , m_newComment(new QPlainTextEdit(m_content))
    , m_history(conversationList(m_content, u"deltaHistory"_s))
    , m_showAll(new QPushButton(m_content))
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

    // The source tracker's link and the related deltas' links are followed.
    m_facts->setObjectName(u"deltaFacts"_s);
    m_facts->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_facts->setOpenExternalLinks(true);
    m_relations->setObjectName(u"deltaRelations"_s);
    m_relations->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_relations, &QLabel::linkActivated, this, &DeltaDetailView::linkActivated);
    m_labels->setObjectName(u"deltaLabels"_s);
    m_newComment->setObjectName(u"newDeltaComment"_s);
    m_newComment->setAccessibleName(tr("New comment"));
    m_newComment->setPlaceholderText(tr("Add a comment… (Ctrl+Enter)"));
    m_newComment->setMaximumHeight(60);
    m_newComment->setTabChangesFocus(true);
    m_newComment->installEventFilter(this);
    m_showAll->setObjectName(u"showAllConversation"_s);
    m_showAll->setFlat(true);
    connect(m_showAll, &QPushButton::clicked, this, [this] {
        m_showingAll = true;
        reload();
    });

    m_priorityEditor->setObjectName(u"priorityEditor"_s);
    m_priorityEditor->addItem(tr("No priority"));
    for (const QString &name : Levels::priorityNames())
        m_priorityEditor->addItem(Levels::title(name));
    connect(m_priorityEditor, &QComboBox::activated, this, &DeltaDetailView::priorityChosen);

    auto *desiredBox = new QGroupBox(tr("Desired"), m_content);
    (new QVBoxLayout(desiredBox))->addWidget(m_desired);
    auto *actualBox = new QGroupBox(tr("Actual"), m_content);
    (new QVBoxLayout(actualBox))->addWidget(m_actual);
    m_desired->setObjectName(u"desiredText"_s);
    m_actual->setObjectName(u"actualText"_s);

    m_details->setObjectName(u"detailsText"_s);
    m_details->setAccessibleName(tr("Details"));
    m_details->setOpenExternalLinks(true);
    m_details->setMinimumHeight(110);
    m_crashText->setObjectName(u"crashText"_s);
    m_crashText->setReadOnly(true);
    m_crashText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_crashText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_crashText->setMinimumHeight(150);

    m_impacts->setObjectName(u"impactTable"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_impacts->setTabKeyNavigation(false);
    m_impacts->setAccessibleName(tr("Impact on each user group"));
    m_impacts->setColumnCount(3);
    m_impacts->setHorizontalHeaderLabels({tr("User group"), tr("Impact"), tr("Users")});
    m_impacts->horizontalHeaderItem(2)->setToolTip(tr("Affected users"));
    m_impacts->verticalHeader()->hide();
    m_impacts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_impacts->setColumnWidth(1, 140);
    m_impacts->setColumnWidth(2, 110);
    DeltaTableDelegate::keepHeadersVisible(m_impacts);
    m_impacts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_impacts->setSelectionMode(QAbstractItemView::NoSelection);
    m_impacts->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *priorityRow = new QHBoxLayout;
    priorityRow->addWidget(m_priorityLabel);
    priorityRow->addWidget(m_priorityEditor);
    priorityRow->addStretch();
    auto *labelsButton = new QPushButton(tr("&Labels…"), m_content);
    labelsButton->setObjectName(u"editDeltaLabels"_s);
    connect(labelsButton, &QPushButton::clicked, this, &DeltaDetailView::editLabels);
    auto *editButton = new QPushButton(tr("&Edit…"), m_content);
    editButton->setObjectName(u"editDelta"_s);
    editButton->setToolTip(tr("Edit the title, kind, texts, component, version and reporter (F2)"));
    connect(editButton, &QPushButton::clicked, this, &DeltaDetailView::edit);
    // The delta's own edits, under its facts; the pane stays narrow enough beside the list.
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(editButton);
    editRow->addWidget(labelsButton);
    editRow->addStretch();

    auto *relateButton = new QPushButton(tr("&Relate…"), m_content);
    relateButton->setObjectName(u"addRelation"_s);
    relateButton->setToolTip(
        tr("Blocks, depends on, caused by, relates to, same as, duplicate of"));
    connect(relateButton, &QPushButton::clicked, this, &DeltaDetailView::addRelation);
    auto *relationRow = new QHBoxLayout;
    relationRow->addWidget(m_relations, 1);
    relationRow->addWidget(relateButton, 0, Qt::AlignTop);

    auto *commentButton = new QPushButton(tr("&Comment"), m_content);
    commentButton->setObjectName(u"addDeltaComment"_s);
    connect(commentButton, &QPushButton::clicked, this, &DeltaDetailView::addComment);
    auto *commentRow = new QHBoxLayout;
    commentRow->addWidget(m_newComment, 1);
    commentRow->addWidget(commentButton, 0, Qt::AlignBottom);

    auto *sideBySide = new QHBoxLayout;
    sideBySide->addWidget(desiredBox, 1);
    sideBySide->addWidget(actualBox, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_labels);
    layout->addLayout(editRow);
    layout->addLayout(priorityRow);
    layout->addLayout(sideBySide);
    layout->addWidget(m_details);
    layout->addWidget(m_crashSummary);
    layout->addWidget(m_crashText);
    auto *impactLabel = new QLabel(tr("<b>Impact by user group</b>"), m_content);
    layout->addWidget(impactLabel);
    layout->addWidget(m_impacts);
    layout->addLayout(relationRow);
    layout->addWidget(m_commitments);
    layout->addWidget(new QLabel(tr("<b>Comments</b>"), m_content));
    layout->addWidget(m_comments);
    layout->addLayout(commentRow);
    layout->addWidget(new QLabel(tr("<b>History</b>"), m_content));
    layout->addWidget(m_history);
    layout->addWidget(m_showAll, 0, Qt::AlignLeft);
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("The selected delta"));
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
    if (deltaId != m_deltaId) {
        m_showingAll = false;
        m_newComment->clear();
    }
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
    QStringList facts{
        chip(Levels::title(Levels::kindName(d.kind)), Palette::colourFor(Levels::kindName(d.kind))),
        u"#%1"_s.arg(d.id), Levels::title(Levels::stateName(d.state))};
    if (d.duplicateOf)
        facts.last() += tr(" of #%1").arg(*d.duplicateOf);
    if (!d.component.isEmpty())
        facts.append(d.component.toHtmlEscaped());
    if (d.severity)
        facts.append(tr("severity %1").arg(Levels::title(Levels::severityName(*d.severity))));
    if (!d.foundIn.isEmpty())
        facts.append(tr("found in %1").arg(d.foundIn.toHtmlEscaped()));
    if (!d.fixedIn.isEmpty())
        facts.append(tr("fixed in %1").arg(d.fixedIn.toHtmlEscaped()));
    if (!d.reporter.isEmpty())
        facts.append(tr("reported by %1").arg(d.reporter.toHtmlEscaped()));
    facts.append(tr("on %1").arg(Shown::date(d.createdAt)));
    if (!d.closedAt.isEmpty())
        facts.append(tr("closed %1").arg(Shown::date(d.closedAt)));
    if (!d.source.tracker.isEmpty()) {
        const QString source
            = u"%1 %2"_s.arg(d.source.tracker, d.source.externalId).toHtmlEscaped();
        const QUrl url(d.source.url);
        // Only web links are made clickable: an import's URL is input like any other.
        facts.append(
            url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s)
                ? tr("from <a href=\"%1\">%2</a>").arg(url.toString().toHtmlEscaped(), source)
                : tr("from %1").arg(source));
    }
    m_facts->setText(facts.join(u" · "_s));

    const auto labels = LabelStore(db).labelsOf(LabelStore::Target::Delta, d.id);
    QStringList chips;
    for (const Label &label : labels ? *labels : QList<Label>{})
        chips.append(chip(label.name, QColor(label.colour)));
    m_labels->setText(chips.join(u" "_s));
    m_labels->setVisible(!chips.isEmpty());

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
                      .arg(Shown::date(reports->first().receivedAt),
                           Shown::date(reports->last().receivedAt), versions.join(u", "_s),
                           platforms.join(u", "_s))
                + u"<br>"_s + tr("Signature: <tt>%1</tt>").arg(d.signature.toHtmlEscaped())
                + crashTypeLine(reports->last().rawText));
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
                level->addItem(Levels::title(levelName));
            connect(level, &QComboBox::activated, this, [this, row] { impactChosen(row); });
            m_impacts->setCellWidget(row, 1, level);
            m_impacts->setItem(row, 2, new QTableWidgetItem);
            auto *users = new QLineEdit(m_impacts);
            users->setObjectName(u"affectedUsers:%1"_s.arg(groups->at(row).name));
            users->setAccessibleName(tr("Users affected in %1").arg(groups->at(row).name));
            users->setFrame(false);
            users->setValidator(
                new QRegularExpressionValidator(QRegularExpression(u"\\d{0,12}"_s), users));
            connect(users, &QLineEdit::editingFinished, this, [this, row] { usersEdited(row); });
            m_impacts->setCellWidget(row, 2, users);
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
        auto *users = qobject_cast<QLineEdit *>(m_impacts->cellWidget(row, 2));
        if (!users->hasFocus()) {
            users->setText(impact && impact->affectedUsers ? QString::number(*impact->affectedUsers)
                                                           : QString());
        }
        users->setEnabled(impact.has_value());
        users->setPlaceholderText(impact ? tr("how many?") : QString());
        users->setToolTip(impact ? tr("How many of the group's users it hurts")
                                 : tr("Assess the impact first"));
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
    // Relations, each a link to the other delta and one to remove it.
    const auto relations = RelationStore(db).forDelta(d.id);
    QStringList relationLines;
    for (const DeltaRelation &r : relations ? *relations : QList<DeltaRelation>{}) {
        relationLines.append(u"%1 <a href=\"delta:%2\">#%2</a> %3 <i>(%4)</i> &nbsp;<a "
                             u"href=\"unrelate:%5:%2\">%6</a>"_s
                                 .arg(Levels::title(Levels::relationName(r.type)).toHtmlEscaped())
                                 .arg(r.otherId)
                                 .arg(r.otherTitle.toHtmlEscaped(),
                                      Levels::title(Levels::stateName(r.otherState)),
                                      Levels::relationKey(r.type), tr("remove")));
    }
    m_relations->setText(relationLines.isEmpty()
                             ? tr("<b>Relations</b><br>None. Relate… says that it blocks, depends "
                                  "on, is caused by or is the same as another delta.")
                             : tr("<b>Relations</b><br>") + relationLines.join(u"<br>"_s));

    m_commitments->setText(lines.isEmpty()
                               ? tr("<b>Commitments</b><br>No organisation has committed to this "
                                    "delta. Select it in the list and choose Commit… (Ctrl+Enter).")
                               : tr("<b>Commitments</b><br>") + lines.join(u"<br>"_s));
    reloadConversation(d);
}

void DeltaDetailView::reloadConversation(const Delta &d)
{
    Database &db = m_workspace->database();
    const auto comments = CommentStore(db).forDelta(d.id);
    const auto history = History(db).list(u"delta"_s, d.id);
    m_comments->clear();
    const QList<Comment> allComments = comments ? *comments : QList<Comment>{};
    // The newest are what a reader wants; the rest come on "Show all".
    const qsizetype firstComment
        = m_showingAll ? 0 : std::max<qsizetype>(0, allComments.size() - kPage);
    for (qsizetype i = firstComment; i < allComments.size(); ++i) {
        const Comment &comment = allComments.at(i);
        m_comments->addItem(
            u"%1 · %2\n%3"_s.arg(comment.author.isEmpty() ? tr("someone") : comment.author,
                                 when(comment.createdAt), comment.body.trimmed()));
    }
    if (allComments.isEmpty())
        m_comments->addItem(comments ? tr("No comments yet.") : comments.error());
    fitToRows(m_comments);
    m_comments->scrollToBottom();

    m_history->clear();
    const HistoryFormatter names(db);
    const QList<HistoryEntry> allHistory = history ? *history : QList<HistoryEntry>{};
    const qsizetype firstChange
        = m_showingAll ? 0 : std::max<qsizetype>(0, allHistory.size() - kPage);
    for (qsizetype i = firstChange; i < allHistory.size(); ++i) {
        const HistoryEntry &entry = allHistory.at(i);
        m_history->addItem(
            u"%1  %2  %3"_s.arg(when(entry.changedAt), entry.actor, names.sentence(entry)));
    }
    fitToRows(m_history);
    m_history->scrollToBottom();
    const qsizetype hidden = firstComment + firstChange;
    m_showAll->setVisible(hidden > 0);
    m_showAll->setText(
        tr("Show all %1 comments and %2 changes").arg(allComments.size()).arg(allHistory.size()));
}

QString DeltaDetailView::lastChange(qint64 deltaId)
{
    const auto history = History(m_workspace->database()).list(u"delta"_s, deltaId);
    if (!history || history->isEmpty())
        return tr("Someone");
    return tr("%1 at %2").arg(history->last().actor, when(history->last().changedAt));
}

std::optional<Delta> DeltaDetailView::shownDelta()
{
    if (!m_deltaId)
        return std::nullopt;
    auto delta = DeltaStore(m_workspace->database()).get(m_deltaId);
    if (!delta) {
        m_workspace->reportError(delta.error());
        return std::nullopt;
    }
    return std::move(delta).value();
}

void DeltaDetailView::edit()
{
    const auto delta = shownDelta();
    if (!delta)
        return;
    Database &db = m_workspace->database();
    const auto components = GroupStore(db).components();
    DeltaEditor editor(components ? *components : QList<Component>{}, *delta, this);
    // Someone saved in between: say who and when, never overwrite silently.
    const auto sayConflict = [this, &editor](const Delta &theirs) {
        editor.showConflict(tr("<b>Changed by %1</b> while you were editing. Load their "
                               "version (yours is lost), or save yours over theirs (the "
                               "fields you did not touch keep their change)?")
                                .arg(lastChange(theirs.id).toHtmlEscaped()),
                            theirs);
    };
    connect(&editor, &DeltaEditor::saveRequested, this, [this, &editor, &db, &sayConflict] {
        const auto now = DeltaStore(db).get(editor.base().id);
        if (!now)
            return m_workspace->reportError(now.error());
        if (!sameEditableFields(*now, editor.base())) {
            sayConflict(*now);
            return;
        }
        const Delta after = editor.delta(*now);
        if (!sameEditableFields(after, *now)) {
            QUndoStack *stack = m_workspace->undoStack();
            const int before = stack->index();
            stack->push(new UpdateDeltaCommand(m_workspace, *now, after));
            if (stack->index() == before)
                return; // refused (the error was said): the editor keeps what was typed
        }
        editor.accept();
    });
    // A colleague's save while the form is open (a team database, or another program on the
    // file) is said at once, not found out at Save.
    connect(m_workspace, &Workspace::deltaChanged, &editor,
            [&editor, &db, &sayConflict](qint64 id) {
                if (id != editor.base().id)
                    return;
                const auto now = DeltaStore(db).get(id);
                if (now && !sameEditableFields(*now, editor.base()))
                    sayConflict(*now);
            });
    editor.exec();
}

void DeltaDetailView::editLabels()
{
    const auto delta = shownDelta();
    if (!delta)
        return;
    LabelStore labels(m_workspace->database());
    const auto all = labels.list();
    const auto current = labels.labelsOf(LabelStore::Target::Delta, m_deltaId);
    if (!all || !current)
        return m_workspace->reportError(all ? current.error() : all.error());
    LabelDialog dialog(*all, *current, tr("#%1").arg(m_deltaId), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.attached().isEmpty() && dialog.detached().isEmpty())
        return;
    m_workspace->undoStack()->push(new LabelCommand(m_workspace, LabelStore::Target::Delta,
                                                    m_deltaId, 0, dialog.attached(),
                                                    dialog.detached(), delta->title));
}

void DeltaDetailView::addRelation()
{
    const auto delta = shownDelta();
    if (!delta)
        return;
    Database &db = m_workspace->database();
    RelationDialog dialog(db, *delta, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.otherId())
        return;
    pushRelationStep(delta->title, dialog.type(), dialog.otherId(), true);
}

void DeltaDetailView::pushRelationStep(const QString &title, RelationType type, qint64 other,
                                       bool add)
{
    const auto step = relationStep(m_workspace, m_deltaId, type, other, add, title);
    if (!step)
        return m_workspace->reportError(step.error());
    m_workspace->undoStack()->push(*step);
}

void DeltaDetailView::linkActivated(const QString &link)
{
    if (link.startsWith(u"delta:"_s)) {
        Q_EMIT openDeltaRequested(link.section(u':', 1).toLongLong());
        return;
    }
    if (!link.startsWith(u"unrelate:"_s))
        return;
    const auto type = Levels::relationFromKey(link.section(u':', 1, 1));
    const qint64 other = link.section(u':', 2).toLongLong();
    if (!type || !other)
        return;
    const auto delta = shownDelta();
    if (!delta)
        return;
    pushRelationStep(delta->title, *type, other, false);
}

void DeltaDetailView::addComment()
{
    const QString text = m_newComment->toPlainText().trimmed();
    if (!m_deltaId || text.isEmpty())
        return;
    Comment comment;
    comment.deltaId = m_deltaId;
    comment.body = text;
    m_workspace->undoStack()->push(new AddCommentCommand(m_workspace, 0, comment));
    m_newComment->clear();
}

bool DeltaDetailView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_newComment && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            addComment();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DeltaDetailView::usersEdited(int row)
{
    auto *users = qobject_cast<QLineEdit *>(m_impacts->cellWidget(row, 2));
    const qint64 groupId = m_impacts->item(row, 0)->data(Qt::UserRole).toLongLong();
    const auto impacts = TriageStore(m_workspace->database()).impacts(m_deltaId);
    if (!impacts)
        return m_workspace->reportError(impacts.error());
    SetImpactCommand::Assessment before;
    for (const ImpactEntry &entry : *impacts) {
        if (entry.groupId == groupId)
            before = {entry.level, entry.affectedUsers};
    }
    if (!before.level)
        return; // the field is disabled until the impact is assessed
    SetImpactCommand::Assessment after = before;
    const QString text = users->text().trimmed();
    after.affectedUsers = text.isEmpty() ? std::nullopt : std::optional<qint64>(text.toLongLong());
    if (after.affectedUsers == before.affectedUsers)
        return;
    m_workspace->undoStack()->push(
        new SetImpactCommand(m_workspace, m_deltaId, groupId, before, after));
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
