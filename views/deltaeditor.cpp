#include "deltaeditor.h"
#include "palette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

namespace Deltaboard {

DeltaEditor::DeltaEditor(const QList<Component> &components, const Delta &initial, QWidget *parent)
    : QDialog(parent)
    , m_base(initial)
    , m_kind(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_component(new QComboBox(this))
    , m_severity(new QComboBox(this))
    , m_foundIn(new QLineEdit(this))
    , m_fixedIn(new QLineEdit(this))
    , m_reporter(new QLineEdit(this))
    , m_desired(new QPlainTextEdit(this))
    , m_actual(new QPlainTextEdit(this))
    , m_detailsTabs(new QTabWidget(this))
    , m_details(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_conflict(new QWidget(this))
    , m_conflictText(new QLabel(m_conflict))
{
    // New and edit share the form; the names say which for tests and accessibility tools.
    const QString prefix = isNew() ? u"newDelta"_s : u"editDelta"_s;
    setObjectName(prefix + u"Dialog"_s);
    setWindowTitle(isNew() ? tr("New Delta") : tr("Edit Delta #%1").arg(initial.id));
    m_kind->setObjectName(prefix + u"Kind"_s);
    m_title->setObjectName(prefix + u"Title"_s);
    m_component->setObjectName(prefix + u"Component"_s);
    m_severity->setObjectName(prefix + u"Severity"_s);
    m_foundIn->setObjectName(prefix + u"FoundIn"_s);
    m_fixedIn->setObjectName(prefix + u"FixedIn"_s);
    m_reporter->setObjectName(prefix + u"Reporter"_s);
    m_desired->setObjectName(prefix + u"Desired"_s);
    m_actual->setObjectName(prefix + u"Actual"_s);
    m_details->setObjectName(prefix + u"Details"_s);
    m_preview->setObjectName(prefix + u"Preview"_s);
    m_kind->addItem(tr("Defect: the code does not do what is desired"), int(DeltaKind::Defect));
    m_kind->addItem(tr("Crash: it stops"), int(DeltaKind::Crash));
    m_kind->addItem(tr("Spec: a design or a feature request"), int(DeltaKind::Spec));
    // The reporter's view of how bad it is; priorities are each organisation's own.
    m_severity->addItem(tr("(not given)"), -1);
    for (const QString &name : Levels::severityNames())
        m_severity->addItem(Levels::title(name), Levels::severityFromName(name).value_or(-1));
    m_component->addItem(tr("(none)"), 0);
    for (const Component &component : components)
        m_component->addItem(component.name, component.id);
    m_title->setPlaceholderText(tr("What differs, in one line"));
    m_foundIn->setPlaceholderText(tr("version"));
    m_fixedIn->setPlaceholderText(tr("version it is fixed in or planned for"));
    m_reporter->setPlaceholderText(tr("who reported it"));
    m_desired->setPlaceholderText(tr("What someone wants the software to do"));
    m_actual->setPlaceholderText(tr("What it does instead"));
    m_details->setPlaceholderText(tr("Steps, logs, links (Markdown)"));
    for (QPlainTextEdit *edit : {m_desired, m_actual}) {
        edit->setMaximumHeight(80);
        edit->setTabChangesFocus(true);
    }
    m_preview->setOpenExternalLinks(true);
    m_detailsTabs->setObjectName(prefix + u"DetailsTabs"_s);
    m_detailsTabs->addTab(m_details, tr("Write"));
    m_detailsTabs->addTab(m_preview, tr("Preview"));
    connect(m_detailsTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            m_preview->setMarkdown(m_details->toPlainText());
    });

    // The conflict banner: hidden until someone else's change is found on save.
    m_conflict->setObjectName(u"deltaConflict"_s);
    m_conflict->setAutoFillBackground(true);
    QPalette warning = m_conflict->palette();
    warning.setColor(QPalette::Window, Palette::noticeBackground(warning));
    warning.setColor(QPalette::WindowText, Palette::noticeText(warning));
    m_conflict->setPalette(warning);
    m_conflictText->setWordWrap(true);
    auto *reload = new QPushButton(tr("Load Their Version"), m_conflict);
    reload->setObjectName(u"conflictReload"_s);
    auto *keep = new QPushButton(tr("Save Mine Over Theirs"), m_conflict);
    keep->setObjectName(u"conflictKeepMine"_s);
    auto *bannerLayout = new QHBoxLayout(m_conflict);
    bannerLayout->addWidget(m_conflictText, 1);
    bannerLayout->addWidget(reload);
    bannerLayout->addWidget(keep);
    m_conflict->hide();
    connect(reload, &QPushButton::clicked, this, [this] {
        load(m_theirs);
        m_conflict->hide();
    });
    connect(keep, &QPushButton::clicked, this, [this] {
        // What is typed here stays; the fields they changed and this form did not keep theirs
        // (delta() takes typed fields over the stored ones). Their version is the new base.
        m_base = m_theirs;
        m_conflict->hide();
        Q_EMIT saveRequested();
    });

    auto *form = new QFormLayout(this);
    form->addRow(m_conflict);
    if (isNew()) {
        auto *note = new QLabel(tr("Recording a delta is not agreement that the code is wrong, "
                                   "nor a promise to change it; organisations commit with tasks."),
                                this);
        note->setWordWrap(true);
        form->addRow(note);
    }
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("C&omponent:"), m_component);
    form->addRow(tr("Se&verity:"), m_severity);
    auto *versions = new QHBoxLayout;
    versions->addWidget(m_foundIn, 1);
    auto *fixedLabel = new QLabel(tr("F&ixed in:"), this);
    fixedLabel->setBuddy(m_fixedIn);
    versions->addWidget(fixedLabel);
    versions->addWidget(m_fixedIn, 1);
    // A row given a layout gets a label without a buddy: made here, so Alt+F works.
    auto *foundLabel = new QLabel(tr("&Found in:"), this);
    foundLabel->setBuddy(m_foundIn);
    form->addRow(foundLabel, versions);
    form->addRow(tr("&Reporter:"), m_reporter);
    form->addRow(tr("&Desired:"), m_desired);
    form->addRow(tr("&Actual:"), m_actual);
    form->addRow(tr("D&etails:"), m_detailsTabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Ok);
    m_save->setText(isNew() ? tr("Record") : tr("Save"));
    connect(m_title, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_save->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &DeltaEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    load(initial);
    resize(680, sizeHint().height());
}

void DeltaEditor::load(const Delta &delta)
{
    m_kind->setCurrentIndex(m_kind->findData(int(delta.kind)));
    m_title->setText(delta.title);
    const int component = m_component->findData(delta.componentId.value_or(0));
    m_component->setCurrentIndex(std::max(component, 0));
    m_severity->setCurrentIndex(std::max(m_severity->findData(delta.severity.value_or(-1)), 0));
    m_foundIn->setText(delta.foundIn);
    m_fixedIn->setText(delta.fixedIn);
    m_reporter->setText(delta.reporter);
    m_desired->setPlainText(delta.desired);
    m_actual->setPlainText(delta.actual);
    m_details->setPlainText(delta.details);
    if (m_detailsTabs->currentIndex() == 1)
        m_preview->setMarkdown(delta.details);
    m_save->setEnabled(!delta.title.trimmed().isEmpty());
    if (&delta == &m_theirs)
        m_base = m_theirs;
    m_loaded = formValues();
}

Delta DeltaEditor::formValues() const
{
    Delta form;
    form.kind = DeltaKind(m_kind->currentData().toInt());
    form.title = m_title->text().trimmed();
    const qint64 component = m_component->currentData().toLongLong();
    form.componentId = component ? std::optional<qint64>(component) : std::nullopt;
    const int severity = m_severity->currentData().toInt();
    form.severity = severity >= 0 ? std::optional<int>(severity) : std::nullopt;
    form.foundIn = m_foundIn->text().trimmed();
    form.fixedIn = m_fixedIn->text().trimmed();
    form.reporter = m_reporter->text().trimmed();
    form.desired = m_desired->toPlainText();
    form.actual = m_actual->toPlainText();
    form.details = m_details->toPlainText();
    return form;
}

Delta DeltaEditor::delta(const Delta &theirs) const
{
    // A field is typed when the form differs from what load() put there (the widgets normalise
    // line ends and spaces, so the stored text is not what to compare with); untyped fields
    // keep the stored value, whoever wrote it.
    const Delta form = formValues();
    Delta result = theirs;
    auto pick = [](auto typed, auto loaded, auto now) {
        return typed != loaded ? typed : now;
    };
    result.kind = pick(form.kind, m_loaded.kind, theirs.kind);
    result.title = pick(form.title, m_loaded.title, theirs.title);
    result.componentId = pick(form.componentId, m_loaded.componentId, theirs.componentId);
    result.severity = pick(form.severity, m_loaded.severity, theirs.severity);
    result.foundIn = pick(form.foundIn, m_loaded.foundIn, theirs.foundIn);
    result.fixedIn = pick(form.fixedIn, m_loaded.fixedIn, theirs.fixedIn);
    result.reporter = pick(form.reporter, m_loaded.reporter, theirs.reporter);
    result.desired = pick(form.desired, m_loaded.desired, theirs.desired);
    result.actual = pick(form.actual, m_loaded.actual, theirs.actual);
    result.details = pick(form.details, m_loaded.details, theirs.details);
    return result;
}

QStringList DeltaEditor::changedFields() const
{
    const Delta now = formValues();
    QStringList changed;
    if (now.kind != m_loaded.kind)
        changed.append(tr("kind"));
    if (now.title != m_loaded.title)
        changed.append(tr("title"));
    if (now.componentId != m_loaded.componentId)
        changed.append(tr("component"));
    if (now.severity != m_loaded.severity)
        changed.append(tr("severity"));
    if (now.foundIn != m_loaded.foundIn)
        changed.append(tr("found in"));
    if (now.fixedIn != m_loaded.fixedIn)
        changed.append(tr("fixed in"));
    if (now.reporter != m_loaded.reporter)
        changed.append(tr("reporter"));
    if (now.desired != m_loaded.desired)
        changed.append(tr("desired"));
    if (now.actual != m_loaded.actual)
        changed.append(tr("actual"));
    if (now.details != m_loaded.details)
        changed.append(tr("details"));
    return changed;
}

void DeltaEditor::showConflict(const QString &message, const Delta &theirs)
{
    m_theirs = theirs;
    m_conflictText->setText(message);
    m_conflict->show();
}

void DeltaEditor::save()
{
    if (isNew())
        accept();
    else
        Q_EMIT saveRequested();
}

} // namespace Deltaboard
